package org.diffuson.kernel.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cell code on a fresh thread, in a thread group of its own, and stops it on request or after the per-cell
 * timeout, on every JDK from 17 on. A stop is cooperative: it interrupts the cell's threads (ending
 * {@code Thread.sleep}, {@code BlockingQueue.take}, {@code wait} and the library loops that check
 * {@link org.diffuson.Cancellation}) and makes the {@link CellStop#check()} calls that {@link CellBytecode} put into
 * the cell's bytecode throw, which ends {@code while (true) {}}. {@link Thread#stop()} is only a last resort after
 * {@link #LEGACY_STOP_MS}, on the JDKs that still have it (up to 19). A cell whose thread survives all of this for
 * {@link #STOP_GRACE_MS} (native code, a blocked third-party call) is reported as not stopped, with the advice to
 * restart the kernel, and abandoned so the kernel stays responsive; it is never reported as a success.
 * <p>
 * A stop reaches the cell's own thread, the threads it started (they inherit its group) and common-pool workers
 * running its parallel streams. Threads a cell started stay alive after the cell ends normally, like in a plain JVM.
 */
public final class CellRunner {

    /** Name of the thread group of cell threads; threads a cell starts inherit (a child of) it. */
    public static final String THREAD_GROUP = "diffuson-cells";
    private static final long STACK_BYTES = 16L << 20;
    /** After this long, a cell that ignored the cooperative stop gets {@code Thread.stop()} where the JDK has it. */
    static final long LEGACY_STOP_MS = 1_000;
    /** After this long, a cell that did not stop is abandoned and reported as still running. */
    static final long STOP_GRACE_MS = 3_000;
    private static final long REINTERRUPT_MS = 250;
    /** How long a new cell waits for the queued subtasks of a stopped parallel stream to drain from the common pool. */
    static final long POOL_SETTLE_MS = 1_000;

    private final ThreadGroup group = new ThreadGroup(THREAD_GROUP);
    private final AtomicInteger counter = new AtomicInteger();
    private volatile Thread current;
    private volatile CellGroup currentGroup;
    private volatile CellStoppedException.Reason stopReason;
    private volatile long stopRequestedNanos;
    private volatile long timeoutMillis;
    /** A stop that arrived while no snippet of the current cell was running (between two snippets of it). */
    private volatile CellStoppedException.Reason pendingStop;
    private int cellDepth;

    /** Whether {@code t} is a cell thread or was started (directly or not) by one. */
    public static boolean isCellThread(Thread t) {
        for (ThreadGroup g = t.getThreadGroup(); g != null; g = g.getParent()) {
            if (THREAD_GROUP.equals(g.getName())) return true;
        }
        return false;
    }

    /** Sets the per-cell timeout; zero or negative means none. */
    public void setTimeoutMillis(long millis) {
        this.timeoutMillis = Math.max(0, millis);
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /**
     * Marks the start of a cell (which may run several snippets): a stop requested from now until
     * {@link #endCell()}, even while JShell compiles the next snippet, stops the cell.
     */
    public synchronized void beginCell() {
        if (cellDepth++ == 0) pendingStop = null;
    }

    /** Marks the end of a cell; a later stop request is ignored until the next {@link #beginCell()}. Nests. */
    public synchronized void endCell() {
        if (cellDepth > 0 && --cellDepth == 0) pendingStop = null;
    }

    /**
     * Runs {@code task} on a new cell thread with {@code contextLoader} as its context class loader and waits for it.
     *
     * @throws CellStoppedException if the cell was interrupted or timed out
     * @throws Exception            whatever the task threw
     */
    public Object run(Callable<?> task, ClassLoader contextLoader) throws Exception {
        CellStop.settle(POOL_SETTLE_MS);
        checkPending();
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        String name = "diffuson-cell-" + counter.incrementAndGet();
        CellGroup cellGroup = new CellGroup(group, name);
        Thread thread = new Thread(cellGroup, () -> {
            try {
                result[0] = task.call();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, name, STACK_BYTES);
        thread.setDaemon(true);
        if (contextLoader != null) thread.setContextClassLoader(contextLoader);
        stopReason = null;
        currentGroup = cellGroup;
        current = thread;
        boolean ended;
        try {
            thread.start();
            long timeout = timeoutMillis;
            if (timeout > 0) {
                thread.join(timeout);
                if (thread.isAlive()) requestStop(thread, cellGroup, CellStoppedException.Reason.TIMEOUT);
            }
            ended = awaitEnd(thread, cellGroup);
        } catch (InterruptedException e) {
            requestStop(thread, cellGroup, CellStoppedException.Reason.INTERRUPTED);
            thread.join(STOP_GRACE_MS);
            ended = !thread.isAlive();
            Thread.currentThread().interrupt();
        } finally {
            current = null;
            currentGroup = null;
            CellStop.release(cellGroup, stopReason != null);
        }
        CellStoppedException.Reason reason = stopReason;
        if (reason != null) {
            String what = reason == CellStoppedException.Reason.TIMEOUT
                    ? "Cell stopped after the " + timeout() + " timeout" : "Cell interrupted";
            if (!ended) {
                what = (reason == CellStoppedException.Reason.TIMEOUT ? "Cell timed out after " + timeout()
                        : "Cell interrupted") + ", but its thread did not stop within " + STOP_GRACE_MS / 1000
                        + " s (it is blocked in native code or in a call that ignores interrupts) and keeps running"
                        + " in the background; restart the kernel (Kernel > Restart) to end it";
            }
            throw new CellStoppedException(reason, what, !ended);
        }
        if (failure[0] instanceof Exception e) throw e;
        if (failure[0] instanceof Error e) throw e;
        if (failure[0] != null) throw new RuntimeException(failure[0]);
        return result[0];
    }

    /** Throws if a stop arrived for the current cell while none of its code was running. */
    public void checkPending() {
        CellStoppedException.Reason pending = pendingStop;
        if (pending != null) throw new CellStoppedException(pending, "Cell interrupted");
    }

    /**
     * Waits for the cell thread. Once a stop was requested, the cell's threads are interrupted again every
     * {@link #REINTERRUPT_MS} (code that swallowed an interrupt), {@code Thread.stop()} is tried after
     * {@link #LEGACY_STOP_MS} where it exists, and after {@link #STOP_GRACE_MS} the thread is abandoned.
     *
     * @return whether the thread ended
     */
    private boolean awaitEnd(Thread thread, CellGroup cellGroup) throws InterruptedException {
        long lastInterrupt = 0;
        while (thread.isAlive()) {
            thread.join(20);
            if (stopReason == null || !thread.isAlive()) continue;
            long since = (System.nanoTime() - stopRequestedNanos) / 1_000_000;
            if (since > STOP_GRACE_MS) return false;
            if (since - lastInterrupt >= REINTERRUPT_MS) {
                lastInterrupt = since;
                cellGroup.interrupt();
                if (since >= LEGACY_STOP_MS) legacyStop(thread);
            }
        }
        return true;
    }

    /** Stops the running cell, if any. Safe to call from any thread. */
    public boolean stop() {
        Thread t = current;
        CellGroup g = currentGroup;
        if (t == null || g == null) {
            synchronized (this) {
                if (cellDepth > 0) pendingStop = CellStoppedException.Reason.INTERRUPTED;
                return cellDepth > 0;
            }
        }
        requestStop(t, g, CellStoppedException.Reason.INTERRUPTED);
        return true;
    }

    public boolean isRunning() {
        return current != null;
    }

    private void requestStop(Thread thread, CellGroup cellGroup, CellStoppedException.Reason reason) {
        if (stopReason == null) {
            stopRequestedNanos = System.nanoTime();
            stopReason = reason;
        }
        CellStop.request(cellGroup, true);
        cellGroup.interrupt();
        thread.interrupt();
    }

    /** {@code Thread.stop()} where the JDK still has it (17 to 19); a no-op from JDK 20 on. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void legacyStop(Thread thread) {
        if (Runtime.version().feature() >= 20) return;
        try {
            thread.stop();
        } catch (UnsupportedOperationException | LinkageError e) {
            // not available on this JDK
        }
    }

    private String timeout() {
        long ms = timeoutMillis;
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    /** The thread group of one cell; a {@link CellStopError} ending one of its threads is not printed. */
    private static final class CellGroup extends ThreadGroup {
        CellGroup(ThreadGroup parent, String name) {
            super(parent, name);
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            if (e instanceof CellStopError) return;
            super.uncaughtException(t, e);
        }
    }
}
