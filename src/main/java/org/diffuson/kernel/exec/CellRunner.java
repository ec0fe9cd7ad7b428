package org.diffuson.kernel.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cell code on a fresh thread that can really be stopped. {@link #stop()} uses {@link Thread#stop()}, which on
 * JDK 17 throws {@link ThreadDeath} into the thread at its next safepoint, so even {@code while (true) {}} ends; the
 * per-cell timeout does the same. Only the cell's own thread is waited for and stopped: threads the cell started
 * keep running, like in a plain JVM.
 */
public final class CellRunner {

    /** Name of the thread group of cell threads; threads a cell starts inherit it. */
    public static final String THREAD_GROUP = "diffuson-cells";
    private static final long STACK_BYTES = 16L << 20;
    private static final long STOP_GRACE_MS = 2_000;

    private final ThreadGroup group = new ThreadGroup(THREAD_GROUP);
    private final AtomicInteger counter = new AtomicInteger();
    private volatile Thread current;
    private volatile CellStoppedException.Reason stopReason;
    private volatile long timeoutMillis;

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
     * Runs {@code task} on a new cell thread with {@code contextLoader} as its context class loader and waits for it.
     *
     * @throws CellStoppedException if the cell was interrupted or timed out
     * @throws Exception            whatever the task threw
     */
    public Object run(Callable<?> task, ClassLoader contextLoader) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(group, () -> {
            try {
                result[0] = task.call();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "diffuson-cell-" + counter.incrementAndGet(), STACK_BYTES);
        thread.setDaemon(true);
        if (contextLoader != null) thread.setContextClassLoader(contextLoader);
        stopReason = null;
        current = thread;
        try {
            thread.start();
            long timeout = timeoutMillis;
            if (timeout > 0) {
                thread.join(timeout);
                if (thread.isAlive()) stop(thread, CellStoppedException.Reason.TIMEOUT);
            }
            awaitEnd(thread);
        } catch (InterruptedException e) {
            stop(thread, CellStoppedException.Reason.INTERRUPTED);
            thread.join(STOP_GRACE_MS);
            Thread.currentThread().interrupt();
        } finally {
            current = null;
        }
        CellStoppedException.Reason reason = stopReason;
        if (reason != null) {
            throw reason == CellStoppedException.Reason.TIMEOUT
                    ? new CellStoppedException(reason, "Cell stopped after the " + timeout() + " timeout")
                    : new CellStoppedException(reason, "Cell interrupted");
        }
        if (failure[0] instanceof Exception e) throw e;
        if (failure[0] instanceof Error e) throw e;
        if (failure[0] != null) throw new RuntimeException(failure[0]);
        return result[0];
    }

    /**
     * Waits for the cell thread. Once a stop was requested, the stop is repeated while the thread survives it (code
     * that catches {@code Throwable} in a loop); after {@link #STOP_GRACE_MS} the thread is abandoned so the kernel
     * stays responsive.
     */
    private void awaitEnd(Thread thread) throws InterruptedException {
        long stopDeadline = Long.MAX_VALUE;
        while (thread.isAlive()) {
            thread.join(100);
            if (stopReason != null && thread.isAlive()) {
                long now = System.currentTimeMillis();
                if (stopDeadline == Long.MAX_VALUE) stopDeadline = now + STOP_GRACE_MS;
                if (now > stopDeadline) return;
                stop(thread, stopReason);
            }
        }
    }

    /** Stops the running cell, if any. Safe to call from any thread. */
    public boolean stop() {
        Thread t = current;
        if (t == null) return false;
        stop(t, CellStoppedException.Reason.INTERRUPTED);
        return true;
    }

    public boolean isRunning() {
        return current != null;
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stop(Thread thread, CellStoppedException.Reason reason) {
        if (stopReason == null) stopReason = reason;
        thread.interrupt();
        thread.stop();
    }

    private String timeout() {
        long ms = timeoutMillis;
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
