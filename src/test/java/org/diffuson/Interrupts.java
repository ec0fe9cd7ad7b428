package org.diffuson;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test helper for the library's interrupt contract (the kernel's interrupt and cell timeout interrupt the cell's
 * thread; long library loops must then stop with {@link Cancellation.Cancelled} within about a second).
 */
public final class Interrupts {
    private Interrupts() {}

    /** What a stopped computation left: the throwable it ended with (null if it returned) and the seconds it took. */
    public record Stopped(Throwable thrown, double seconds) {}

    /**
     * Runs {@code work} on a new thread, interrupts it after {@code afterMs} (asserting it is still running then, so
     * the test really measures a stop), waits up to {@code joinSeconds} for it to end (asserting it did), and returns
     * what it ended with and how long after the interrupt.
     */
    public static Stopped interruptAfter(long afterMs, double joinSeconds, Runnable work) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "interrupt-test");
        t.start();
        Thread.sleep(afterMs);
        assertTrue(t.isAlive(), "the work finished before the interrupt; make it longer");
        long t0 = System.nanoTime();
        t.interrupt();
        t.join((long) (joinSeconds * 1000));
        double s = (System.nanoTime() - t0) / 1e9;
        assertFalse(t.isAlive(), "still running " + joinSeconds + " s after the interrupt");
        return new Stopped(thrown.get(), s);
    }
}
