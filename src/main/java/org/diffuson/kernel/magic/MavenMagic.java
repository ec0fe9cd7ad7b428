package org.diffuson.kernel.magic;

import org.diffuson.kernel.exec.JavaEvaluator;
import org.diffuson.sweep.spark.SystemMaven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code %maven G:A:V ...}: resolves artifacts and their runtime dependencies with the system {@code mvn}
 * ({@code dependency:copy-dependencies}, honouring {@code ~/.m2/settings.xml}), caches them under
 * {@code ~/.diffuson/maven}, and adds them to the notebook. Artifacts the kernel already ships (its own
 * dependencies, e.g. guava or tablesaw) are not added twice: the kernel's version is kept and a differing request is
 * reported. The kernel's protocol libraries (gson, jeromq, slf4j) are relocated, so user versions of those load.
 */
final class MavenMagic extends NamedMagic {

    private static final Pattern COORD = Pattern.compile("[\\w.\\-]+:[\\w.\\-]+(:[\\w.\\-]+){1,2}");
    /** Groups the shade plugin relocates: their originals are free for notebook use. */
    private static final Set<String> RELOCATED_GROUPS =
            Set.of("com.google.code.gson", "org.zeromq", "eu.neilalexander", "org.slf4j", "org.dflib.jjava");
    private static volatile Map<String, String> kernelArtifacts;

    MavenMagic() {
        super("maven", "%maven GROUP:ARTIFACT:VERSION ... [repo=URL] [offline] [as=NAME]",
                "Resolve Maven artifacts with their dependencies (system mvn) and add them; binds List<Path> mavenJars.");
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("repo", "as"), Set.of("offline"));
        if (a.positional().isEmpty()) throw new MagicUsageException("missing GROUP:ARTIFACT:VERSION");
        for (String c : a.positional()) {
            if (!COORD.matcher(c).matches()) {
                throw new MagicUsageException("'" + c + "' is not GROUP:ARTIFACT:VERSION");
            }
        }
        String name = a.variableName("mavenJars");
        String repo = a.option("repo", null);
        Path dir = cacheDir().resolve(hash(a.positional() + "|" + repo));
        Path lib = dir.resolve("lib");
        if (!Files.exists(dir.resolve("resolved"))) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("pom.xml"), SystemMaven.pom("diffuson.notebook", "maven-magic", a.positional(), repo));
            ctx.runStoppable(() -> {
                resolve(dir, a.flag("offline") || System.getenv("DIFFUSON_MAVEN_OFFLINE") != null);
                return null;
            });
            Files.writeString(dir.resolve("resolved"), String.join("\n", a.positional()));
        }
        List<Path> add = new ArrayList<>();
        Map<String, String> provided = kernelArtifacts();
        try (Stream<Path> s = Files.walk(lib)) {
            for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Path rel = lib.relativize(jar);
                int n = rel.getNameCount();
                if (n < 4) {
                    add.add(jar);
                    continue;
                }
                String version = rel.getName(n - 2).toString();
                String artifact = rel.getName(n - 3).toString();
                String group = rel.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
                String have = provided.get(group + ":" + artifact);
                if (have == null) {
                    add.add(jar);
                } else if (!have.equals(version)) {
                    ctx.err().println("note: the kernel ships " + group + ":" + artifact + ":" + have
                            + "; that version is used instead of " + version);
                }
            }
        }
        ctx.addToClasspath(add);
        ctx.out().println("added " + add.size() + " jar" + (add.size() == 1 ? "" : "s") + " for "
                + String.join(", ", a.positional()));
        ctx.bind(name, List.copyOf(add), "java.util.List<java.nio.file.Path>");
        return JavaEvaluator.NO_VALUE;
    }

    private static void resolve(Path dir, boolean offline) throws IOException, InterruptedException {
        int rc = SystemMaven.run(dir, offline, "dependency:copy-dependencies", "-DoutputDirectory=" + dir.resolve("lib"),
                "-Dmdep.useRepositoryLayout=true", "-DincludeScope=runtime");
        if (rc != 0)
            throw new IllegalStateException("mvn could not resolve the artifacts (exit " + rc + "):\n" + SystemMaven.logTail(dir, 12));
    }

    private static Path cacheDir() throws IOException {
        return Files.createDirectories(SystemMaven.home().resolve("maven"));
    }

    private static String hash(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 8);
    }

    /** group:artifact → version of every Maven artifact inside the jars of the kernel's own classpath. */
    static Map<String, String> kernelArtifacts() {
        Map<String, String> m = kernelArtifacts;
        if (m != null) return m;
        Map<String, String> found = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) continue;
            try (JarFile jar = new JarFile(entry)) {
                for (JarEntry e : jar.stream().toList()) {
                    String n = e.getName();
                    if (!n.startsWith("META-INF/maven/") || !n.endsWith("/pom.properties")) continue;
                    Properties p = new Properties();
                    try (InputStream in = jar.getInputStream(e)) {
                        p.load(in);
                    }
                    if (p.getProperty("groupId") != null && !RELOCATED_GROUPS.contains(p.getProperty("groupId"))) {
                        found.put(p.getProperty("groupId") + ":" + p.getProperty("artifactId"), p.getProperty("version"));
                    }
                }
            } catch (IOException ignored) {
                // unreadable classpath entry: nothing to report
            }
        }
        kernelArtifacts = Map.copyOf(found);
        return kernelArtifacts;
    }
}
