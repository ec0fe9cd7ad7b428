package org.diffuson.sweep.spark;

import org.diffuson.DiffusonException;
import org.diffuson.sweep.Calculation;
import org.diffuson.sweep.Engine;
import org.diffuson.sweep.Plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs a study on Apache Spark: {@code local[n]} / {@code local[*]} with no set-up, or a cluster master URL
 * ({@code spark://host:7077}, {@code yarn}, {@code k8s://…}). The driver is a JVM of its own started on the Spark
 * jars (resolved on demand, {@link SparkRuntime}); the plan travels as JSON and the library as jars
 * ({@code spark.jars}), so only calculations that live in a jar can run: built-ins and those of a
 * {@link org.diffuson.sweep.CalculationProvider} jar (code typed into a notebook cell cannot reach a remote
 * executor — package it as a jar and add it with {@code %jars}). The pending points go in chunks; each chunk's
 * results land as Parquet and are read back into the study's store as soon as it finishes, so an interrupted Spark
 * run keeps its finished chunks and resumes from there.
 */
public final class SparkEngine implements Engine {
    private final String master;
    private final Map<String, String> conf;
    private final int chunks;
    private final String driverMemory;

    private SparkEngine(String master, Map<String, String> conf, int chunks, String driverMemory) {
        if (master == null || master.isBlank()) throw new DiffusonException("master", "is empty", "use local[*] or spark://host:7077");
        this.master = master;
        this.conf = Map.copyOf(conf);
        this.chunks = chunks;
        this.driverMemory = driverMemory;
    }

    /** {@code local[*]}: all cores of this machine, no cluster needed. */
    public static SparkEngine local() { return new SparkEngine("local[*]", Map.of(), 8, "1g"); }

    /** {@code local[n]}. */
    public static SparkEngine local(int cores) {
        if (cores < 1) throw new DiffusonException("cores", "must be ≥ 1, got " + cores, "e.g. SparkEngine.local(2)");
        return new SparkEngine("local[" + cores + "]", Map.of(), 8, "1g");
    }

    /** A cluster: {@code spark://host:port}, {@code yarn}, {@code k8s://https://host:port}, ... */
    public static SparkEngine master(String url) { return new SparkEngine(url, Map.of(), 8, "1g"); }

    /** Adds a Spark configuration entry (e.g. spark.executor.memory). */
    public SparkEngine conf(String key, String value) {
        Map<String, String> c = new LinkedHashMap<>(conf);
        c.put(key, value);
        return new SparkEngine(master, c, chunks, driverMemory);
    }

    /** Into how many chunks (Spark jobs, each stored when done) the pending points are cut; default 8. */
    public SparkEngine chunks(int n) {
        if (n < 1) throw new DiffusonException("chunks", "must be ≥ 1, got " + n, "e.g. 8");
        return new SparkEngine(master, conf, n, driverMemory);
    }

    /** Heap of the driver JVM (default 1g). */
    public SparkEngine driverMemory(String mem) { return new SparkEngine(master, conf, chunks, mem); }

    public String master() { return master; }

    @Override
    public String name() { return "spark " + master; }

    @Override
    public void execute(Plan plan, Calculation calc, int[] pending, Sink sink) throws InterruptedException {
        if (calc != null)
            throw new DiffusonException("engine", "a Java function from this JVM (Study.using) cannot run on Spark executors",
                    "name a registered calculation in the plan; for your own code package it in a jar with a CalculationProvider and add it with %jars");
        if (pending.length == 0) return;
        Path work;
        List<String> cmd = new ArrayList<>();
        try {
            work = Files.createTempDirectory("diffuson-spark-" + plan.hash() + "-");
            Files.writeString(work.resolve("plan.json"), plan.toJson());
            Files.writeString(work.resolve("pending.txt"), IntStream.of(pending).mapToObj(Integer::toString).collect(Collectors.joining("\n")));
            List<Path> lib = SparkRuntime.libraryJars(plan, work);
            List<Path> cp = new ArrayList<>(SparkRuntime.classpath());
            cp.addAll(lib);
            cmd.add(Path.of(SparkRuntime.javaHome(), "bin", "java").toString());
            cmd.addAll(SparkRuntime.moduleOptions());
            cmd.add("-Xmx" + driverMemory);
            cmd.add("-Djava.awt.headless=true");
            cmd.add("-cp");
            cmd.add(SparkRuntime.join(cp));
            cmd.add(SparkDriver.class.getName());
            cmd.add(work.toString());
            cmd.add(master);
            cmd.add(String.join(",", lib.stream().map(p -> p.toAbsolutePath().toUri().toString()).toList()));
            cmd.add(Integer.toString(chunks));
            conf.forEach((k, v) -> cmd.add(k + "=" + v));
        } catch (IOException e) {
            throw new DiffusonException("spark", "cannot prepare the Spark run: " + e.getMessage(), "check the temporary folder");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(work.resolve("driver.log").toFile());
        if (master.startsWith("local") || master.contains("127.0.0.1") || master.contains("localhost"))
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new DiffusonException("spark", "cannot start the driver JVM: " + e.getMessage(), "check java.home");
        }
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) lines.add(l);
            } catch (IOException ignored) {
                // the driver is gone
            } finally {
                lines.add("\u0000EOF");
            }
        }, "spark driver output");
        reader.setDaemon(true);
        reader.start();
        String error = null;
        try {
            while (true) {
                String l = lines.poll(200, TimeUnit.MILLISECONDS);
                if (l == null) continue;
                if (l.equals("\u0000EOF")) break;
                if (l.startsWith("CHUNK ")) sink.parquet(l.substring(6).strip() + "/*.parquet");
                else if (l.startsWith("ERROR ")) error = l.substring(6);
            }
            int rc = p.waitFor();
            if (rc != 0 || error != null)
                throw new DiffusonException("spark", "the Spark driver failed (exit " + rc + ")" + (error == null ? "" : ": " + error)
                        + "\n" + tail(work.resolve("driver.log")), "finished chunks are stored; the full log is " + work.resolve("driver.log"));
            deleteQuietly(work);
        } catch (InterruptedException e) {
            p.destroy(); // SIGTERM: Spark's shutdown hook stops the context and its executors
            if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly();
            throw e;
        } finally {
            if (p.isAlive()) p.destroyForcibly();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> l = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> keep = new ArrayList<>();
            for (String s : l) if (s.contains("ERROR") || s.contains("Exception") || s.startsWith("Caused by")) keep.add(s);
            if (keep.isEmpty()) keep = l;
            return String.join("\n", keep.subList(Math.max(0, keep.size() - 12), keep.size()));
        } catch (IOException e) {
            return "(no driver log)";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }

    @Override
    public String toString() { return String.format(Locale.ROOT, "SparkEngine[%s, %d chunks%s]", master, chunks, conf.isEmpty() ? "" : ", " + conf); }
}
