package org.diffuson.usadel;

import org.diffuson.Cancellation;
import org.diffuson.Interrupts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Interrupting the thread of a long Usadel computation (the kernel's interrupt does exactly this) stops it within
 * about a second with {@link Cancellation.Cancelled}: the Newton loop checks before each Jacobian, the continuation
 * before each step, the Matsubara sum before each frequency (also on the worker threads), the gap iteration before each
 * sweep, the T_c map before each row.
 */
class CancellationTest {

    @Test
    void interruptingASelfConsistentJunctionStopsIt() throws InterruptedException {
        // S|N|S with 400 Matsubara frequencies and an unreachable tolerance: minutes of work if not stopped
        Layer s = Layer.superconductor(2, 1, 1.6).selfConsistent(1).withMesh(8, 12);
        Layer n = Layer.normal(1, 1).withMesh(8, 12);
        Junction j = Junction.of(Boundary.vacuum(), Boundary.vacuum(), s, n, s);
        Interrupts.Stopped stop = Interrupts.interruptAfter(600, 10, () -> MatsubaraSet.selfConsistent(j, 0.02, 400, Junction.Form.THETA,
                1e-15, 100_000));
        double took = stop.seconds();
        System.out.printf("usadel CancellationTest: stopped %.3f s after the interrupt%n", took);
        assertInstanceOf(Cancellation.Cancelled.class, stop.thrown(), "stopped by the interrupt, not by an error");
        assertTrue(took < 1.0, "stopped " + took + " s after the interrupt");
    }

    @Test
    void interruptingADosSweepStopsIt() throws InterruptedException {
        Junction sns = Junction.of(Boundary.rigid(Bulk.bcs(1e12)), Boundary.vacuum(), Layer.normal(0.5, 1).withMesh(4, 24));
        double[] e = new double[100_000];
        for (int i = 0; i < e.length; i++) e[i] = 8.0 - 7.5 * i / e.length;
        Interrupts.Stopped stop = Interrupts.interruptAfter(400, 10, () -> sns.dos(e, 1e-3, 0.25, Junction.Form.RICCATI));
        double took = stop.seconds();
        System.out.printf("usadel CancellationTest: stopped %.3f s after the interrupt%n", took);
        assertInstanceOf(Cancellation.Cancelled.class, stop.thrown());
        assertTrue(took < 1.0, "stopped " + took + " s after the interrupt");
    }

    @Test
    void interruptingATcMapStopsIt() throws InterruptedException {
        double[] h = new double[20_000], r = new double[50];
        for (int i = 0; i < h.length; i++) h[i] = 2.0 * i / h.length;
        for (int i = 0; i < r.length; i++) r[i] = 0.4 * i;
        Interrupts.Stopped stop = Interrupts.interruptAfter(300, 10, () -> GapEquation.tcMap(h, r));
        double took = stop.seconds();
        System.out.printf("usadel CancellationTest: stopped %.3f s after the interrupt%n", took);
        assertInstanceOf(Cancellation.Cancelled.class, stop.thrown());
        assertTrue(took < 1.0, "stopped " + took + " s after the interrupt");
    }
}
