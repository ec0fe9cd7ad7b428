package org.diffuson.kernel.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Cooperative stop of notebook code, without {@link Thread#stop()} (which throws {@code UnsupportedOperationException}
 * from JDK 20 on). {@link CellBytecode} puts a call to {@link #check()} at every branch (so at every loop back-edge)
 * and at every method entry of the classes the kernel loads for cells; while a cell is being stopped, the check
 * throws a {@link CellStopError} in the threads of that cell: its own thread, threads it started (they inherit the
 * cell's thread group), and common-pool workers running its parallel streams. The same design as the JDK's own
 * {@code jshell} local execution in recent releases.
 * <p>
 * Cost when nothing is being stopped: one read of a volatile boolean per branch, which the JIT keeps in the loop
 * (a plain load on x86 and AArch64).
 */
public final class CellStop {

    /** True while any thread group is being stopped; the fast path of {@link #check()}. */
    private static volatile boolean stopping;
    /** Cell thread groups being stopped (a group stays until all of its threads have ended). */
    private static final Set<ThreadGroup> GROUPS = ConcurrentHashMap.newKeySet();
    /** The group whose stop also ends common-pool workers (the cell still being waited for), or null. */
    private static volatile ThreadGroup current;
    /**
     * True while {@link #current} is kept after its cell ended because the common pool was still busy: subtasks of a
     * stopped parallel stream may still be queued there, and each must throw when a worker takes it, not run the cell's
     * loop later with no stop in force.
     */
    private static volatile boolean draining;

    private CellStop() {
    }

    /** Called by instrumented cell code at branches and method entries; throws if this thread's cell is stopping. */
    public static void check() {
        if (stopping) slowCheck();
    }

    private static void slowCheck() {
        Thread t = Thread.currentThread();
        if (t instanceof ForkJoinWorkerThread w) {
            // Pool workers may sit in a cell's group (on JDK 17 they join the group of the thread that made the pool
            // grow) but serve every cell: they stop only for the cell being waited for.
            if (current != null && w.getPool() == ForkJoinPool.commonPool()) throw new CellStopError();
            return;
        }
        for (ThreadGroup g = t.getThreadGroup(); g != null; g = g.getParent()) {
            if (GROUPS.contains(g)) throw new CellStopError();
        }
    }

    /** Starts stopping the threads of {@code group}; {@code withPool}: common-pool workers too. */
    static void request(ThreadGroup group, boolean withPool) {
        GROUPS.add(group);
        if (withPool) {
            synchronized (CellStop.class) {
                current = group;
                draining = false; // a pool stop of an earlier cell is superseded: this one keeps workers throwing
            }
        }
        stopping = true;
    }

    /**
     * The cell of {@code group} is no longer waited for: common-pool workers may run notebook code again.
     * {@code stopped}: the cell was stopped, so while the common pool is still busy
     * (its queued subtasks may be the stopped stream's) workers keep throwing at checks until the pool is idle
     * ({@link #prune()}) or the next cell needs the pool ({@link #settle(long)}).
     */
    static void release(ThreadGroup group, boolean stopped) {
        if (current == group) {
            if (stopped && !ForkJoinPool.commonPool().isQuiescent()) draining = true;
            else current = null;
        }
        prune();
    }

    /**
     * Before a new cell: waits up to {@code millis} for the queued tasks of a stopped cell to drain from the common
     * pool (each throws at its first check), then ends the pool stop in any case so the new cell's parallel streams
     * run. Polls; never helps the pool (that would run a queued task on the caller's thread).
     */
    static void settle(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        prune();
        while (draining) {
            if (System.nanoTime() > end) {
                endDrain();
                break;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            prune();
        }
        prune();
    }

    /** Forgets groups whose threads (pool workers aside) have all ended, and a drained pool stop. */
    static void prune() {
        if (draining && ForkJoinPool.commonPool().isQuiescent()) endDrain();
        GROUPS.removeIf(g -> g != current && !hasOwnThreads(g));
        stopping = !GROUPS.isEmpty() || current != null;
    }

    /** Ends a pool stop (drained, or waited for long enough): the stopped cell is no longer current. */
    private static void endDrain() {
        synchronized (CellStop.class) {
            if (draining) {
                draining = false;
                current = null;
            }
        }
    }

    private static boolean hasOwnThreads(ThreadGroup g) {
        Thread[] threads = new Thread[g.activeCount() + 16];
        int n = g.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i].isAlive() && !(threads[i] instanceof ForkJoinWorkerThread)) return true;
        }
        return false;
    }

    /** Whether any stop is active (for tests: when false, checks take the fast path). */
    static boolean isStoppingAnything() {
        return stopping;
    }

    /** Whether {@code group} is being stopped (for tests and diagnostics). */
    static boolean isStopping(ThreadGroup group) {
        return GROUPS.contains(group);
    }
}
