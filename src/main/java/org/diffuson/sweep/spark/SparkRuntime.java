package org.diffuson.sweep.spark;

import org.diffuson.DiffusonException;
import org.diffuson.sweep.Calculations;
import org.diffuson.sweep.Plan;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Where Spark comes from when a Spark run is asked for: Spark is never on the kernel's or a library user's
 * classpath. Its jars are resolved on demand with the system {@code mvn} (once; the classpath is cached under
 * {@code ~/.diffuson/spark/VERSION}, or {@code $DIFFUSON_HOME/spark/VERSION}) or taken from
 * {@code -Ddiffuson.spark.classpath} / {@code $DIFFUSON_SPARK_CLASSPATH}; the driver then runs in a JVM of its own
 * with the {@code --add-opens} flags Spark needs on JDK 17+ (read from Spark's own launcher).
 */
public final class SparkRuntime {
    /** The Spark release the engine runs (Scala 2.13 build); keep equal to the pom's spark.version. */
    public static final String SPARK_VERSION = "4.2.0";
    private static volatile List<Path> classpath;

    private SparkRuntime() {}

    /** The jars of spark-sql_2.13 and its runtime dependencies. */
    public static synchronized List<Path> classpath() {
        if (classpath != null) return classpath;
        String given = System.getProperty("diffuson.spark.classpath", System.getenv("DIFFUSON_SPARK_CLASSPATH"));
        if (given != null && !given.isBlank()) return classpath = split(given);
        Path dir = SystemMaven.home().resolve("spark").resolve(SPARK_VERSION);
        Path file = dir.resolve("classpath.txt");
        try {
            if (Files.isRegularFile(file)) {
                List<Path> cp = split(Files.readString(file).strip());
                if (!cp.isEmpty() && cp.stream().allMatch(Files::isRegularFile)) return classpath = cp;
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("pom.xml"), SystemMaven.pom("diffuson.spark", "spark-runtime",
                    List.of("org.apache.spark:spark-sql_2.13:" + SPARK_VERSION), null));
            // offline first (a built Diffuson checkout already has Spark in ~/.m2), then with downloads (~400 MB once)
            if (!mvn(dir, true) && !mvn(dir, false)) {
                throw new DiffusonException("spark", "mvn could not resolve org.apache.spark:spark-sql_2.13:" + SPARK_VERSION + ":\n"
                        + SystemMaven.logTail(dir, 10),
                        "check that mvn is on PATH and Maven Central is reachable, or set DIFFUSON_SPARK_CLASSPATH");
            }
            return classpath = split(Files.readString(file).strip());
        } catch (IOException e) {
            throw new DiffusonException("spark", "cannot prepare the Spark classpath in " + dir + ": " + e.getMessage(), "check that the folder is writable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiffusonException("spark", "interrupted while resolving Spark", "run again");
        }
    }

    private static boolean mvn(Path dir, boolean offline) throws IOException, InterruptedException {
        return SystemMaven.run(dir, offline, "dependency:build-classpath", "-Dmdep.outputFile=" + dir.resolve("classpath.txt"),
                "-Dmdep.includeScope=runtime") == 0 && Files.isRegularFile(dir.resolve("classpath.txt"));
    }

    /**
     * The JDK that runs the Spark driver: {@code -Ddiffuson.spark.java.home} or {@code $DIFFUSON_SPARK_JAVA_HOME}, else
     * this JVM's. Spark 4.2 supports JDK 17 and 21; a kernel on a newer JDK can point Spark at a supported one.
     */
    public static String javaHome() {
        String h = System.getProperty("diffuson.spark.java.home", System.getenv("DIFFUSON_SPARK_JAVA_HOME"));
        return h == null || h.isBlank() ? System.getProperty("java.home") : h;
    }

    private static List<Path> split(String cp) {
        List<Path> l = new ArrayList<>();
        for (String s : cp.split(File.pathSeparator)) if (!s.isBlank()) l.add(Path.of(s.strip()));
        return List.copyOf(l);
    }

    /** JVM flags Spark needs on JDK 17+, from Spark's own launcher (JavaModuleOptions). */
    public static List<String> moduleOptions() {
        for (Path jar : classpath()) {
            if (!jar.getFileName().toString().startsWith("spark-launcher")) continue;
            try (URLClassLoader cl = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
                Method m = cl.loadClass("org.apache.spark.launcher.JavaModuleOptions").getMethod("defaultModuleOptionArray");
                return List.of((String[]) m.invoke(null));
            } catch (ReflectiveOperationException | IOException e) {
                break;
            }
        }
        return List.of("-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
                "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true");
    }

    /** Prefixes of the entries a library jar carries to executors when the library sits inside a fat (kernel) jar. */
    private static final List<String> LIBRARY_PREFIXES = List.of("org/diffuson/", "org/ejml/", "org/hipparchus/", "tech/tablesaw/",
            "META-INF/services/org.diffuson.");

    /**
     * The jars executors need for {@code plan}: the Diffuson library with EJML and Hipparchus (a build directory is
     * packed into a jar; a fat kernel jar is cut down to those packages) and the jar of the calculation's provider.
     */
    public static List<Path> libraryJars(Plan plan, Path workDir) throws IOException {
        Calculations.Entry e = Calculations.entry(plan.calculation());
        if (e.origin() == null)
            throw new DiffusonException("calculation", "'" + plan.calculation() + "' was registered at run time (e.g. in a notebook cell), so Spark executors cannot load it",
                    "package it in a jar with a CalculationProvider (META-INF/services/org.diffuson.sweep.CalculationProvider), add the jar with %jars, or run on the LocalEngine");
        Set<Path> sources = new LinkedHashSet<>();
        for (Class<?> c : List.of(Plan.class, org.ejml.data.ZMatrixRMaj.class, org.ejml.data.DMatrixRMaj.class, org.ejml.data.Matrix.class,
                org.hipparchus.complex.Complex.class, tech.tablesaw.api.Table.class, e.origin()))
            sources.add(location(c));
        List<Path> jars = new ArrayList<>();
        int k = 0;
        for (Path src : sources) {
            if (Files.isDirectory(src)) jars.add(packDirectory(src, workDir.resolve("lib-" + (k++) + ".jar")));
            else if (isFatJar(src)) jars.add(filterJar(src, workDir.resolve("lib-" + (k++) + ".jar")));
            else jars.add(src);
        }
        return jars;
    }

    private static Path location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null)
            throw new DiffusonException("spark", "cannot find the jar of " + c.getName(), "add its jar with %jars so it can be shipped to executors");
        try {
            return Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException ex) {
            throw new DiffusonException("spark", "the code of " + c.getName() + " is not in a file (" + cs.getLocation() + ")", "package it as a jar");
        }
    }

    private static boolean isFatJar(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getEntry("org/diffuson/kernel/Main.class") != null;
        }
    }

    private static Path filterJar(Path src, Path out) throws IOException {
        try (JarFile j = new JarFile(src.toFile()); JarOutputStream o = new JarOutputStream(Files.newOutputStream(out))) {
            Enumeration<JarEntry> en = j.entries();
            while (en.hasMoreElements()) {
                JarEntry e = en.nextElement();
                String n = e.getName();
                if (e.isDirectory() || n.startsWith("org/diffuson/kernel/") || LIBRARY_PREFIXES.stream().noneMatch(n::startsWith)) continue;
                o.putNextEntry(new JarEntry(n));
                try (InputStream in = j.getInputStream(e)) {
                    in.transferTo(o);
                }
                o.closeEntry();
            }
        }
        return out;
    }

    private static Path packDirectory(Path dir, Path out) throws IOException {
        try (JarOutputStream o = new JarOutputStream(Files.newOutputStream(out)); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String n = dir.relativize(f).toString().replace(File.separatorChar, '/');
                if (n.startsWith("org/diffuson/kernel/")) continue;
                o.putNextEntry(new JarEntry(n));
                Files.copy(f, o);
                o.closeEntry();
            }
        }
        return out;
    }

    static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    static String[] words(String s) { return s.isBlank() ? new String[0] : Arrays.stream(s.split(",")).map(String::strip).toArray(String[]::new); }
}
