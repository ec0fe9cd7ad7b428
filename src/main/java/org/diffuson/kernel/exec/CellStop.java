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
        if (withPool) current = group;
        stopping = true;
    }

    /** The cell of {@code group} is no longer waited for: common-pool workers may run notebook code again. */
    static void release(ThreadGroup group) {
        if (current == group) current = null;
        prune();
    }

    /** Forgets groups whose threads (pool workers aside) have all ended. */
    static void prune() {
        GROUPS.removeIf(g -> g != current && !hasOwnThreads(g));
        stopping = !GROUPS.isEmpty() || current != null;
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
