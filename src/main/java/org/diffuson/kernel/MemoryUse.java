package org.diffuson.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Memory of the kernel process, and giving it back when idle. The JVM keeps the heap it once grew to; a notebook
 * open for days would hold on to the peak of its busiest cell. So, once the kernel has been idle for
 * {@code DIFFUSON_IDLE_GC} seconds (default 10; 0 switches it off) after a cell, it runs one full collection,
 * which with the kernelspec's {@code -XX:MaxHeapFreeRatio=20} shrinks the committed heap to at most 1.25× the live
 * data and returns the rest to the operating system (G1 uncommits on JDK 17 to 25). Nothing runs while cells run, and
 * one idle period costs one collection.
 */
public final class MemoryUse {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "diffuson-idle-gc");
        t.setDaemon(true);
        return t;
    });
    private final long idleMillis;
    private ScheduledFuture<?> pending;
    private volatile int idleCollections;

    MemoryUse(long idleMillis) {
        this.idleMillis = idleMillis;
    }

    /** Reads {@code DIFFUSON_IDLE_GC} (seconds; 0 or negative: never). */
    static MemoryUse fromEnvironment() {
        String s = System.getenv("DIFFUSON_IDLE_GC");
        long ms = 10_000;
        if (s != null && !s.isBlank()) {
            try {
                ms = Math.round(Double.parseDouble(s.strip()) * 1000);
            } catch (NumberFormatException e) {
                System.err.println("diffuson kernel: ignoring DIFFUSON_IDLE_GC=" + s + " (not a number of seconds)");
            }
        }
        return new MemoryUse(ms);
    }

    /** A cell starts: no idle collection now. */
    synchronized void busy() {
        if (pending != null) pending.cancel(false);
        pending = null;
    }

    /** A cell ended: collect once if nothing else runs for the idle period. */
    synchronized void idle() {
        busy();
        if (idleMillis > 0) pending = timer.schedule(this::collect, idleMillis, TimeUnit.MILLISECONDS);
    }

    private void collect() {
        synchronized (this) {
            pending = null;
        }
        System.gc();
        idleCollections++;
    }

    /** How many idle collections ran. */
    int idleCollections() {
        return idleCollections;
    }

    /** A snapshot of the heap and the resident set; {@code collect}: run a full collection first (live heap). */
    public static Snapshot snapshot(boolean collect) {
        if (collect) System.gc();
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = mx.getHeapMemoryUsage();
        MemoryUsage nonHeap = mx.getNonHeapMemoryUsage();
        return new Snapshot(heap.getUsed(), heap.getCommitted(), heap.getMax(), nonHeap.getCommitted(),
                residentBytes(), collect);
    }

    /** Resident set size of this process from /proc/self/status (Linux), or -1 where there is none. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] f = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(f[0]) * 1024;
                }
            }
        } catch (java.io.IOException | SecurityException | NumberFormatException e) {
            // no /proc (not Linux), not readable, or an unexpected VmRSS format: resident size unknown
        }
        return -1;
    }

    /**
     * Memory figures in bytes: heap in use ({@code afterCollection}: right after a full collection, so live data),
     * heap committed, maximum heap (-Xmx), committed non-heap (metaspace, code cache), resident set (-1: unknown).
     */
    public record Snapshot(long heapUsed, long heapCommitted, long heapMax, long nonHeapCommitted, long resident,
                           boolean afterCollection) {

        /** A small table, one figure per line, in MB. */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%-28s %9s%n", "", "MB"));
            row(b, afterCollection ? "heap live (after full GC)" : "heap in use (incl. garbage)", heapUsed);
            row(b, "heap committed", heapCommitted);
            row(b, "heap maximum (-Xmx)", heapMax);
            row(b, "non-heap committed", nonHeapCommitted);
            if (resident >= 0) row(b, "resident (RSS)", resident);
            else b.append(String.format(Locale.ROOT, "%-28s %9s%n", "resident (RSS)", "unknown"));
            return b.toString().stripTrailing();
        }

        private static void row(StringBuilder b, String name, long bytes) {
            b.append(String.format(Locale.ROOT, "%-28s %9.1f%n", name, bytes / 1048576.0));
        }
    }
}
