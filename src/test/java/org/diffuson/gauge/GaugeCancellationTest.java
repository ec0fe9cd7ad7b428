package org.diffuson.gauge;

import org.diffuson.Cancellation;
import org.diffuson.integrate.GridOptions;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long gauge loops stop when their thread is interrupted (the kernel's interrupt and cell timeout), within ~1 s. */
class GaugeCancellationTest {

    /** Runs {@code work} on a thread, interrupts it after {@code afterMs}, returns {thrown, ms from interrupt to exit}. */
    static Object[] interruptAfter(Runnable work, long afterMs) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "gauge-cancellation-test");
        t.start();
        Thread.sleep(afterMs);
        assertTrue(t.isAlive(), "the work finished before the interrupt; make it longer");
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(5000);
        double ms = (System.nanoTime() - t0) / 1e6;
        assertFalse(t.isAlive(), "still running 5 s after the interrupt");
        return new Object[]{thrown.get(), ms};
    }

    @Test
    void interruptStopsALongBetaScan() throws InterruptedException {
        double[] m = new double[100_000];   // ~4 ms a point (full-band k-sums): ~7 minutes uninterrupted
        for (int i = 0; i < m.length; i++) m[i] = 0.05 + 0.45 * i / (m.length - 1);
        Object[] r = interruptAfter(() -> BetaTerm.scanExchange(1, 0.01, 5e-4, m), 300);
        System.out.printf("[gauge-oracle] β scan of 1e5 points stopped %.1f ms after the interrupt (tol 1000 ms)%n", (double) r[1]);
        assertInstanceOf(Cancellation.Cancelled.class, r[0]);
        assertTrue((double) r[1] < 1000);
    }

    @Test
    void interruptStopsAKGridFrequencyScan() throws InterruptedException {
        GridCheck grid = GridCheck.scba(SdFerromagnet.setR(), 100, GridOptions.defaults());
        Object[] r = interruptAfter(() -> {
            for (int i = 1; i <= 1000; i++) grid.kernels(new double[]{1e-4}, 1e-7 * i);
        }, 500);
        System.out.printf("[gauge-oracle] k-grid kernel scan stopped %.1f ms after the interrupt (tol 1000 ms)%n", (double) r[1]);
        assertInstanceOf(Cancellation.Cancelled.class, r[0]);
        assertTrue((double) r[1] < 1000);
    }
}
