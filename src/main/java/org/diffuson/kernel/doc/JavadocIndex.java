package org.diffuson.kernel.doc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc of Diffuson's own API, read from the index {@link JavadocIndexer} wrote at build time (JShell finds no
 * documentation without source archives). Looks entries up by the signatures JShell reports.
 */
public final class JavadocIndex {

    /** A documented type or member: its signature as written in the source, and its Javadoc. */
    public record Entry(String signature, String javadoc) {
    }

    private static final String RESOURCE = "javadoc-index.properties";
    private static final Pattern TAGS = Pattern.compile("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}");

    private final Properties props = new Properties();

    private JavadocIndex() {
    }

    /** The index bundled with the kernel; empty if the build did not produce one. */
    public static JavadocIndex load() {
        JavadocIndex idx = new JavadocIndex();
        try (InputStream in = JavadocIndex.class.getResourceAsStream(RESOURCE)) {
            if (in != null) idx.props.load(in);
        } catch (IOException ignored) {
            // no index: inspection shows signatures only
        }
        return idx;
    }

    /** Packages that contain public types, e.g. for default imports. */
    public List<String> packages() {
        String p = props.getProperty("@packages", "");
        return p.isEmpty() ? List.of() : Arrays.asList(p.split(","));
    }

    /** Fully qualified names of the indexed top-level types. */
    public List<String> topLevelTypes() {
        List<String> packages = packages();
        List<String> out = new ArrayList<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("@") || key.contains("#")) continue;
            int dot = key.lastIndexOf('.');
            if (dot > 0 && packages.contains(key.substring(0, dot))) out.add(key);
        }
        out.sort(null);
        return out;
    }

    public int size() {
        return props.size();
    }

    /** Entries for a JShell documentation signature, e.g. {@code org.x.Foo} or {@code int Foo.inc(int)}. */
    public List<Entry> lookup(String jshellSignature) {
        String sig = jshellSignature.strip();
        int paren = sig.indexOf('(');
        String head = paren < 0 ? sig : sig.substring(0, paren);
        String qualified = head.contains(" ") ? head.substring(head.lastIndexOf(' ') + 1) : head;
        qualified = qualified.replaceAll("<.*>", "");
        List<Entry> out = new ArrayList<>();
        String type = props.getProperty(qualified);
        if (type != null && paren < 0) {
            out.add(entry(type));
            return out;
        }
        String[] parts = qualified.split("\\.");
        String name = parts[parts.length - 1];
        String owner = parts.length >= 2 ? parts[parts.length - 2] : name;
        if (!owner.isEmpty() && Character.isLowerCase(owner.charAt(0))) owner = name; // pkg.Foo(...) constructor
        List<String> wanted = paren < 0 ? null : paramTypes(sig.substring(paren + 1, sig.lastIndexOf(')')));
        List<String[]> candidates = new ArrayList<>();
        for (int i = 0; ; i++) {
            String v = props.getProperty(owner + "." + name + "#" + i);
            if (v == null) break;
            candidates.add(v.split("\u001f", -1));
        }
        for (String[] c : candidates) {
            List<String> types = c[0].isEmpty() ? List.of() : Arrays.asList(c[0].split(","));
            if (wanted == null || types.equals(wanted)) out.add(new Entry(c[1], clean(c[2])));
        }
        if (out.isEmpty() && candidates.size() == 1) out.add(new Entry(candidates.get(0)[1], clean(candidates.get(0)[2])));
        return out;
    }

    private static Entry entry(String value) {
        int nl = value.indexOf('\n');
        return nl < 0 ? new Entry(value, "") : new Entry(value.substring(0, nl), clean(value.substring(nl + 1)));
    }

    /** Parameter types of a JShell parameter list ({@code int a, List<String> b} or {@code int, List}), simple names. */
    static List<String> paramTypes(String params) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : (params + ",").toCharArray()) {
            if (ch == '<') depth++;
            if (ch == '>') depth--;
            if (ch == ',' && depth == 0) {
                String p = cur.toString().strip();
                if (!p.isEmpty()) {
                    p = p.replaceAll("<.*>", "");
                    String[] w = p.split("\\s+");
                    String t = w.length >= 2 && !w[w.length - 1].endsWith("]") ? w[w.length - 2] : w[w.length - 1];
                    out.add(JavadocIndexer.simpleType(t));
                }
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        return out;
    }

    /** Javadoc with inline tags reduced to their text. */
    static String clean(String javadoc) {
        Matcher m = TAGS.matcher(javadoc);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1).strip()));
    }
}
