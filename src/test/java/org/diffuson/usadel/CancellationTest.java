package org.diffuson.usadel;

import org.diffuson.Cancellation;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Interrupting the thread of a long Usadel computation (the kernel's interrupt does exactly this) stops it within
 * about a second with {@link Cancellation.Cancelled}: the Newton loop checks before each Jacobian, the continuation
 * before each step, the Matsubara sum before each frequency (also on the worker threads), the gap iteration before each
 * sweep, the T_c map before each row.
 */
class CancellationTest {

    /** Runs {@code work} on a new thread, interrupts it after {@code afterMs}, returns seconds until it ended. */
    private static double interruptAfter(long afterMs, Runnable work, AtomicReference<Throwable> thrown)
            throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "usadel-cancel-test");
        t.start();
        Thread.sleep(afterMs);
        assertTrue(t.isAlive(), "the computation must still be running when interrupted");
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(10_000);
        double s = (System.nanoTime() - t0) / 1e9;
        assertFalse(t.isAlive(), "still running 10 s after the interrupt");
        System.out.printf("usadel CancellationTest: stopped %.3f s after the interrupt%n", s);
        return s;
    }

    @Test
    void interruptingASelfConsistentJunctionStopsIt() throws InterruptedException {
        // S|N|S with 400 Matsubara frequencies and an unreachable tolerance: minutes of work if not stopped
        Layer s = Layer.superconductor(2, 1, 1.6).selfConsistent(1).withMesh(8, 12);
        Layer n = Layer.normal(1, 1).withMesh(8, 12);
        Junction j = Junction.of(Boundary.vacuum(), Boundary.vacuum(), s, n, s);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        double took = interruptAfter(600, () -> MatsubaraSet.selfConsistent(j, 0.02, 400, Junction.Form.THETA,
                1e-15, 100_000), thrown);
        assertInstanceOf(Cancellation.Cancelled.class, thrown.get(), "stopped by the interrupt, not by an error");
        assertTrue(took < 1.0, "stopped " + took + " s after the interrupt");
    }

    @Test
    void interruptingADosSweepStopsIt() throws InterruptedException {
        Junction sns = Junction.of(Boundary.rigid(Bulk.bcs(1e12)), Boundary.vacuum(), Layer.normal(0.5, 1).withMesh(4, 24));
        double[] e = new double[100_000];
        for (int i = 0; i < e.length; i++) e[i] = 8.0 - 7.5 * i / e.length;
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        double took = interruptAfter(400, () -> sns.dos(e, 1e-3, 0.25, Junction.Form.RICCATI), thrown);
        assertInstanceOf(Cancellation.Cancelled.class, thrown.get());
        assertTrue(took < 1.0, "stopped " + took + " s after the interrupt");
    }

    @Test
    void interruptingATcMapStopsIt() throws InterruptedException {
        double[] h = new double[20_000], r = new double[50];
        for (int i = 0; i < h.length; i++) h[i] = 2.0 * i / h.length;
        for (int i = 0; i < r.length; i++) r[i] = 0.4 * i;
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        double took = interruptAfter(300, () -> GapEquation.tcMap(h, r), thrown);
        assertInstanceOf(Cancellation.Cancelled.class, thrown.get());
        assertTrue(took < 1.0, "stopped " + took + " s after the interrupt");
    }
}
