package org.diffuson.integrate;


import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The one parallel k-sum of the library: out = Σ_{i < points} f(i), where f adds a block of {@code width} doubles.
 * The index range is cut into fixed chunks of {@link #CHUNK} points (a property of the sum, never of the machine);
 * each chunk is accumulated by one task into its own partial array with its own workspace, and the partials are
 * added in chunk order. The floating-point result is therefore the same bit for bit whatever the number of threads
 * (1, 2 or 64 cores, serial or parallel; {@code KSumTest}). Used by the bubble, Kubo, Bastin (its real-energy nodes too, with
 * {@link #chunkOver}), finite temperature's Matsubara sum, the Fermi sea and the Boltzmann shells.
 * <p>A sum started on a thread that is interrupted stops at the next chunk with {@link org.diffuson.Cancellation.Cancelled}.
 */
public final class KSum {
    private KSum() {}

    /** Points per chunk: large enough to amortise a fork-join task, small enough to balance 2–64 cores. */
    public static final int CHUNK = 512;

    /**
     * Fewest chunks a sum needs before it is split over the pool, when its chunks hold several items (chunk &gt; 1: by
     * {@link #CHUNK} or {@link #chunkOver} a chunk is then about {@code CHUNK} points of work, so the count of chunks
     * measures the sum). A smaller sum (≤ 1536 points, ~0.1 ms) runs on the calling thread: handing chunks to a worker
     * and waiting for it costs more than the split saves on a shared machine (a 1152-point finite-q bubble level of
     * CoPt: 76 µs serial against 86 µs split, mean of 3000 at load 7, equal best). Decided from the sizes only, never
     * from the machine, and the chunking is the same either way, so the bits do not change ({@code KSumTest}). Items
     * that are chunks of their own (chunk = 1: a Matsubara term, an energy node over a large k-sum) may each be heavy
     * and are always split.
     */
    public static final int MIN_PARALLEL_CHUNKS = 4;

    /** Adds f(i) for i in [from, to) into acc (length ≥ width, zero on entry), using a per-task workspace. */
    @FunctionalInterface
    public interface Body<W> {
        void accumulate(int from, int to, double[] acc, W work);
    }

    /** The sum over [0, points) with the default chunk, parallel from {@link #MIN_PARALLEL_CHUNKS} chunks on. */
    public static <W> double[] sum(int points, int width, Supplier<W> workspace, Body<W> body) {
        double[] out = new double[width];
        sum(points, CHUNK, width, workspace, body, out, true);
        return out;
    }

    /**
     * out[0..width) ← Σ_{i < points} f(i) with chunks of {@code chunk} points.
     *
     * @param parallel false runs the chunks one after the other on the calling thread (same result, bit for bit); true
     *                 splits them over the common pool when the sum is large enough ({@link #MIN_PARALLEL_CHUNKS})
     */
    public static <W> void sum(int points, int chunk, int width, Supplier<W> workspace, Body<W> body, double[] out, boolean parallel) {
        if (chunk < 1) throw new IllegalArgumentException("chunk must be ≥ 1, got " + chunk);
        int chunks = Math.max(1, (points + chunk - 1) / chunk);
        double[][] partial = new double[chunks][width];
        Thread caller = Thread.currentThread();
        if (parallel && chunks > 1 && (chunk == 1 || chunks >= MIN_PARALLEL_CHUNKS)) {
            IntStream.range(0, chunks).parallel().forEach(c -> run(c, chunk, points, workspace, body, partial[c], caller));
        } else {
            for (int c = 0; c < chunks; c++) run(c, chunk, points, workspace, body, partial[c], caller);
        }
        java.util.Arrays.fill(out, 0, width, 0);
        for (double[] p : partial)
            for (int j = 0; j < width; j++) out[j] += p[j];
    }

    /**
     * The chunk of an outer sum whose items each carry a whole inner sum of {@code innerPoints} points (the energy
     * nodes of a real-axis or Matsubara integral over a k-sum): {@link #CHUNK}/innerPoints items per chunk, at least
     * one, so a chunk holds about as much work as a chunk of a plain k-sum. A function of the sizes only, never of
     * the machine; the inner sum runs inside its item's task (serially, or as a nested KSum: either way the bits do not
     * depend on the thread count).
     */
    public static int chunkOver(int innerPoints) {
        return Math.max(1, CHUNK / Math.max(1, innerPoints));
    }

    /** Number of chunks a sum over {@code points} uses (for diagnostics). */
    public static int chunks(int points) { return Math.max(1, (points + CHUNK - 1) / CHUNK); }

    private static <W> void run(int c, int chunk, int points, Supplier<W> workspace, Body<W> body, double[] acc, Thread caller) {
        if (caller.isInterrupted()) throw new org.diffuson.Cancellation.Cancelled("k-sum");
        body.accumulate(c * chunk, Math.min(points, (c + 1) * chunk), acc, workspace.get());
    }
}
