package org.diffuson.kernel.magic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Magic arguments: whitespace-separated words (single or double quotes group words), where {@code key=value} words
 * are options and bare words are positional or, if declared, flags. Positional words keep their order.
 */
public final class MagicArgs {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();

    private MagicArgs() {
    }

    /**
     * Parses {@code raw}; {@code knownOptions} are the allowed option keys and {@code knownFlags} the words taken
     * as flags.
     *
     * @throws MagicUsageException on an unknown option, an empty option value or an unclosed quote
     */
    public static MagicArgs parse(String raw, Set<String> knownOptions, Set<String> knownFlags) {
        MagicArgs a = new MagicArgs();
        for (String word : split(raw)) {
            int eq = word.indexOf('=');
            if (eq > 0 && isKey(word.substring(0, eq))) {
                String key = word.substring(0, eq);
                if (!knownOptions.contains(key)) {
                    throw new MagicUsageException("unknown option '" + key + "'"
                            + (knownOptions.isEmpty() ? "" : " (options: " + String.join(", ", knownOptions) + ")"));
                }
                String value = word.substring(eq + 1);
                if (value.isEmpty()) throw new MagicUsageException("option '" + key + "' needs a value");
                a.options.put(key, value);
            } else if (knownFlags.contains(word)) {
                a.flags.add(word);
            } else {
                a.positional.add(word);
            }
        }
        return a;
    }

    public List<String> positional() {
        return positional;
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    public boolean hasOption(String key) {
        return options.containsKey(key);
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** The option as a double. */
    public double doubleOption(String key, double fallback) {
        String v = options.get(key);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new MagicUsageException("option '" + key + "' must be a number, got '" + v + "'");
        }
    }

    /** The option as an int. */
    public int intOption(String key, int fallback) {
        String v = options.get(key);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new MagicUsageException("option '" + key + "' must be an integer, got '" + v + "'");
        }
    }

    /** The {@code as=NAME} option (or {@code fallback}), checked to be a Java identifier. */
    public String variableName(String fallback) {
        String name = options.getOrDefault("as", fallback);
        if (!isJavaIdentifier(name)) throw new MagicUsageException("'" + name + "' is not a Java variable name");
        return name;
    }

    /** Exactly {@code n} positional words, else a usage error naming them. */
    public void expectPositional(int n, String what) {
        if (positional.size() != n) {
            throw new MagicUsageException(n == 0 ? "unexpected argument '" + positional.get(0) + "'"
                    : "expected " + what + (positional.size() > n ? ", got extra '" + positional.get(n) + "'" : ""));
        }
    }

    public static boolean isJavaIdentifier(String s) {
        if (s == null || s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) if (!Character.isJavaIdentifierPart(s.charAt(i))) return false;
        return !javax.lang.model.SourceVersion.isKeyword(s);
    }

    private static boolean isKey(String s) {
        return isJavaIdentifier(s) || s.matches("[A-Za-z][A-Za-z0-9_.-]*");
    }

    /** Splits on whitespace; quotes group and are removed. */
    public static List<String> split(String raw) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new MagicUsageException("unclosed quote " + quote);
        if (inWord) words.add(cur.toString());
        return words;
    }
}
