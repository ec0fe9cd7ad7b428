package org.diffuson.sweep;

import org.diffuson.DiffusonException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link Plan} into a {@link StudyStore} on an {@link Engine}, resuming what the store already holds:
 * <pre>{@code
 * StudyRun r = Study.of(plan).store(StudyStore.open("studies.duckdb")).engine(LocalEngine.cores()).run(progress);
 * Table t = r.table();
 * }</pre>
 * Finished points are skipped, failed ones are kept (with their error) unless {@link #retryFailed()}. A plain Java
 * function can replace the registered calculation for local runs ({@link #using}). The run itself happens on a
 * coordinator thread that alone writes the store, so stopping the calling thread (interrupt, or a notebook's stop
 * button) never leaves a half-written batch: the coordinator finishes the points in flight, commits, and ends.
 */
public final class Study {
    private final Plan plan;
    private final Calculation function;
    private final StudyStore store;
    private final Engine engine;
    private final boolean retryFailed;

    private Study(Plan plan, Calculation function, StudyStore store, Engine engine, boolean retryFailed) {
        this.plan = plan.validate();
        this.function = function;
        this.store = store;
        this.engine = engine;
        this.retryFailed = retryFailed;
    }

    /** A study of the plan: default store ({@value StudyStore#DEFAULT_FILE}) and the local engine on all cores. */
    public static Study of(Plan plan) { return new Study(plan, null, null, null, false); }

    /** Computes each point with this function instead of the registered calculation (local engine only). */
    public Study using(Calculation f) { return new Study(plan, f, store, engine, retryFailed); }

    public Study store(StudyStore s) { return new Study(plan, function, s, engine, retryFailed); }

    public Study engine(Engine e) { return new Study(plan, function, store, e, retryFailed); }

    /** Reruns the failed points too. */
    public Study retryFailed() { return new Study(plan, function, store, engine, true); }

    public Plan plan() { return plan; }

    /** Runs without progress output. */
    public StudyRun run() { return run(Progress.NONE); }

    /**
     * Computes every point the store does not hold yet and returns what was done. Progress is reported as points
     * done / to do in this run, with the failures counted in the message.
     */
    public StudyRun run(Progress progress) {
        if (function == null) Calculations.get(plan.calculation()); // a bad name fails before any file is touched
        StudyStore s = store != null ? store : StudyStore.open();
        Engine e = engine != null ? engine : LocalEngine.cores();
        Progress p = progress == null ? Progress.NONE : progress;
        s.begin(plan);
        Set<Integer> done = s.finished(plan, retryFailed);
        int total = plan.size();
        int[] pending = new int[total - done.size()];
        for (int i = 0, k = 0; i < total; i++) if (!done.contains(i)) pending[k++] = i;
        int skipped = total - pending.length;
        AtomicInteger computed = new AtomicInteger(), failed = new AtomicInteger();
        String title = plan.name() + " (" + e.name() + ")";
        long t0 = System.nanoTime();
        Engine.Sink sink = new Engine.Sink() {
            @Override
            public void points(List<PointResult> batch) {
                s.write(plan, batch, e.name());
                int f = 0;
                for (PointResult r : batch) if (!r.ok()) f++;
                report(batch.size(), f);
            }

            @Override
            public int parquet(String glob) {
                int[] counts = s.importParquet(plan, glob, e.name());
                report(counts[0], counts[1]);
                return counts[0];
            }

            private void report(int n, int f) {
                int c = computed.addAndGet(n), fl = failed.addAndGet(f);
                p.update(c, pending.length, message(fl));
            }
        };
        p.update(0, pending.length, skipped > 0 ? skipped + " of " + total + " already stored" : "");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread coordinator = new Thread(() -> {
            try {
                e.execute(plan, function, pending, sink);
            } catch (InterruptedException ie) {
                // stopped: what was finished is stored
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "study " + plan.name());
        coordinator.setDaemon(true);
        coordinator.start();
        boolean interrupted = false;
        try {
            coordinator.join();
        } catch (InterruptedException ie) {
            interrupted = true;
            coordinator.interrupt();
            joinUninterruptibly(coordinator);
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            // the notebook's stop (ThreadDeath) or another error of this thread: the coordinator ends cleanly alone
            coordinator.interrupt();
            throw t;
        }
        Throwable f = failure.get();
        if (f instanceof DiffusonException de) throw de;
        if (f != null) throw new DiffusonException("study", plan.name() + " stopped: " + f, "the store keeps every finished point; fix the cause and run again to resume");
        int c = computed.get();
        boolean stopped = interrupted || skipped + c < total;
        if (stopped) p.update(c, pending.length, "stopped: " + (skipped + c) + "/" + total + " stored; run again to resume");
        return new StudyRun(plan, s, e.name(), total, skipped, c, failed.get(), stopped, (System.nanoTime() - t0) / 1e9);
    }

    private static void joinUninterruptibly(Thread t) {
        boolean again = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                again = true;
            }
        }
        if (again) Thread.currentThread().interrupt();
    }

    static String message(int failed) { return failed + " failed"; }

    @Override
    public String toString() { return "Study of " + plan; }
}
