package org.diffuson.sweep.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real standalone Spark cluster on this machine for tests: one Master and one Worker process launched from the
 * Spark jars (a SPARK_HOME whose jars/ links to them), bound to 127.0.0.1 only. Close to stop both.
 */
final class StandaloneCluster implements AutoCloseable {
    final Path home;
    final String masterUrl;
    private final Process master;
    private final Process worker;

    StandaloneCluster(Path dir, int workerCores, String workerMemory) throws IOException, InterruptedException {
        home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (Path j : SparkRuntime.classpath()) Files.createSymbolicLink(jars.resolve(j.getFileName()), j);
        Files.createDirectories(home.resolve("work"));
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        Process w = null;
        try {
            awaitLog(home.resolve("master.log"), "I have been elected leader", master, 180);
            w = start("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", Integer.toString(workerCores),
                    "--memory", workerMemory, "--webui-port", Integer.toString(freePort()), "--work-dir", home.resolve("work").toString(), masterUrl);
            awaitLog(home.resolve("worker.log"), "Successfully registered with master", w, 180);
        } catch (IOException | InterruptedException | RuntimeException e) {
            master.destroyForcibly();
            if (w != null) w.destroyForcibly();
            throw e;
        }
        worker = w;
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SparkRuntime.moduleOptions());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(home.resolve("jars") + "/*");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start();
    }

    private static void awaitLog(Path log, String text, Process p, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) return;
            if (!p.isAlive()) throw new IllegalStateException("Spark process died:\n" + Files.readString(log));
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + text + "' in " + log + " after " + seconds + " s:\n" + Files.readString(log));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    String logs() throws IOException {
        return Files.readString(home.resolve("master.log")) + "\n---- worker ----\n" + Files.readString(home.resolve("worker.log"));
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[]{worker, master}) {
            if (p == null) continue;
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
