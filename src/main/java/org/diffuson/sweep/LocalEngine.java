package org.diffuson.sweep;

import org.diffuson.DiffusonException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a study on this JVM's cores: a fork-join pool of {@code parallelism} workers takes point after point
 * (a calculation's own parallel loops run in the same pool), and the calling thread hands finished points to the
 * store in batches (every 0.5 s or 512 points). On interrupt no new point starts; points already running are waited
 * for up to {@link #GRACE_MS} and stored if they finish, the rest are simply not stored (they rerun on resume).
 */
public final class LocalEngine implements Engine {
    /** How long an interrupted run waits for the points in flight. */
    public static final long GRACE_MS = 2_000;
    private static final int BATCH = 512;
    private static final long FLUSH_NANOS = 500_000_000L;
    private final int parallelism;

    private LocalEngine(int parallelism) {
        if (parallelism < 1) throw new DiffusonException("parallelism", "must be ≥ 1, got " + parallelism, "use LocalEngine.cores()");
        this.parallelism = parallelism;
    }

    /** All available cores. */
    public static LocalEngine cores() { return new LocalEngine(Runtime.getRuntime().availableProcessors()); }

    /** A fixed number of workers. */
    public static LocalEngine workers(int n) { return new LocalEngine(n); }

    public int parallelism() { return parallelism; }

    @Override
    public String name() { return "local[" + parallelism + "]"; }

    @Override
    public void execute(Plan plan, Calculation calc, int[] pending, Sink sink) throws InterruptedException {
        Calculation c = calc != null ? calc : Calculations.get(plan.calculation());
        int n = pending.length;
        if (n == 0) return;
        LinkedBlockingQueue<PointResult> queue = new LinkedBlockingQueue<>();
        AtomicInteger cursor = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger running = new AtomicInteger();
        int workers = Math.min(parallelism, n);
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        for (int w = 0; w < workers; w++) {
            running.incrementAndGet();
            pool.execute(() -> {
                try {
                    int k;
                    while (!stop.get() && (k = cursor.getAndIncrement()) < n) queue.add(PointResult.compute(plan, pending[k], c));
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        int received = 0;
        List<PointResult> batch = new ArrayList<>();
        long lastFlush = System.nanoTime();
        try {
            while (received < n) {
                PointResult r = queue.poll(20, TimeUnit.MILLISECONDS);
                if (r != null) {
                    batch.add(r);
                    received++;
                    received += queue.drainTo(batch, BATCH - batch.size());
                }
                if (!batch.isEmpty() && (batch.size() >= BATCH || received == n || System.nanoTime() - lastFlush > FLUSH_NANOS)) {
                    sink.points(batch);
                    batch = new ArrayList<>();
                    lastFlush = System.nanoTime();
                }
                if (r == null && running.get() == 0 && queue.isEmpty()) break;
            }
        } catch (InterruptedException e) {
            stop.set(true);
            long deadline = System.nanoTime() + GRACE_MS * 1_000_000L;
            while (running.get() > 0 && System.nanoTime() < deadline) {
                PointResult r = queue.poll(20, TimeUnit.MILLISECONDS);
                if (r != null) batch.add(r);
            }
            queue.drainTo(batch);
            throw e;
        } finally {
            stop.set(true);
            if (!batch.isEmpty()) sink.points(batch);
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() { return "LocalEngine[" + parallelism + " workers]"; }
}
