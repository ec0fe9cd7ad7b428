package org.diffuson.sweep.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The system {@code mvn}, as the Spark runtime ({@link SparkRuntime}) and the kernel's {@code %maven} magic use it to
 * resolve jars on demand: where the command is, where Diffuson keeps its caches, a throw-away pom that lists
 * dependencies, and one run of a goal with its output in {@code mvn.log} next to the pom.
 */
public final class SystemMaven {
    private SystemMaven() {}

    /** Diffuson's cache folder: {@code $DIFFUSON_HOME}, else {@code ~/.diffuson}. */
    public static Path home() {
        String h = System.getenv("DIFFUSON_HOME");
        return h != null ? Path.of(h) : Path.of(System.getProperty("user.home"), ".diffuson");
    }

    /** {@code $MAVEN_HOME/bin/mvn} if it is executable, else {@code mvn} from the PATH. */
    public static String command() {
        String home = System.getenv("MAVEN_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) return Path.of(home, "bin", "mvn").toString();
        return "mvn";
    }

    /**
     * A packaging-pom project {@code groupId:artifactId:1} that depends on the given coordinates
     * ({@code G:A:V} or {@code G:A:CLASSIFIER:V}), with an extra repository if {@code repository} is not null.
     */
    public static String pom(String groupId, String artifactId, List<String> coordinates, String repository) {
        StringBuilder sb = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0"
                + "</modelVersion><groupId>").append(xml(groupId)).append("</groupId><artifactId>").append(xml(artifactId))
                .append("</artifactId><version>1</version><packaging>pom</packaging>");
        if (repository != null) {
            sb.append("<repositories><repository><id>extra</id><url>").append(xml(repository))
                    .append("</url></repository></repositories>");
        }
        sb.append("<dependencies>");
        for (String c : coordinates) {
            String[] p = c.split(":");
            sb.append("<dependency><groupId>").append(xml(p[0])).append("</groupId><artifactId>").append(xml(p[1]))
                    .append("</artifactId>");
            if (p.length == 4) sb.append("<classifier>").append(xml(p[2])).append("</classifier>");
            sb.append("<version>").append(xml(p[p.length - 1])).append("</version></dependency>");
        }
        return sb.append("</dependencies></project>\n").toString();
    }

    /**
     * Runs {@code mvn -q -B -f DIR/pom.xml ARGS [-o]} in {@code dir} and waits; the output goes to {@code DIR/mvn.log}.
     * Returns the exit code. An interrupt of the waiting thread ends mvn (and is rethrown).
     */
    public static int run(Path dir, boolean offline, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command(), "-q", "-B", "-f", dir.resolve("pom.xml").toString()));
        cmd.addAll(List.of(args));
        if (offline) cmd.add("-o");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mvn.log").toFile()).start();
        try {
            return p.waitFor();
        } finally {
            p.destroyForcibly();
        }
    }

    /** The last {@code lines} lines of the {@code mvn.log} of the last {@link #run} in {@code dir}. */
    public static String logTail(Path dir, int lines) throws IOException {
        List<String> log = Files.readAllLines(dir.resolve("mvn.log"), StandardCharsets.UTF_8);
        return String.join("\n", log.subList(Math.max(0, log.size() - lines), log.size()));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
