package org.diffuson.gauge;

import org.diffuson.Cancellation;
import org.diffuson.Interrupts;
import org.diffuson.integrate.GridOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long gauge loops stop when their thread is interrupted (the kernel's interrupt and cell timeout), within ~1 s. */
class GaugeCancellationTest {

    @Test
    void interruptStopsALongBetaScan() throws InterruptedException {
        double[] m = new double[100_000];   // ~4 ms a point (full-band k-sums): ~7 minutes uninterrupted
        for (int i = 0; i < m.length; i++) m[i] = 0.05 + 0.45 * i / (m.length - 1);
        Interrupts.Stopped r = Interrupts.interruptAfter(300, 5, () -> BetaTerm.scanExchange(1, 0.01, 5e-4, m));
        System.out.printf("[gauge-oracle] β scan of 1e5 points stopped %.1f ms after the interrupt (tol 1000 ms)%n", 1e3 * r.seconds());
        assertInstanceOf(Cancellation.Cancelled.class, r.thrown());
        assertTrue(1e3 * r.seconds() < 1000);
    }

    @Test
    void interruptStopsAKGridFrequencyScan() throws InterruptedException {
        GridCheck grid = GridCheck.scba(SdFerromagnet.setR(), 100, GridOptions.defaults());
        Interrupts.Stopped r = Interrupts.interruptAfter(500, 5, () -> {
            for (int i = 1; i <= 1000; i++) grid.kernels(new double[]{1e-4}, 1e-7 * i);
        });
        System.out.printf("[gauge-oracle] k-grid kernel scan stopped %.1f ms after the interrupt (tol 1000 ms)%n", 1e3 * r.seconds());
        assertInstanceOf(Cancellation.Cancelled.class, r.thrown());
        assertTrue(1e3 * r.seconds() < 1000);
    }
}
