package org.diffuson.kinetic;

import org.diffuson.Cancellation;
import org.diffuson.scattering.HostMetal;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** Interrupting a running θ_sH map or kinetic solve (the kernel's interrupt/timeout does exactly this) stops it promptly and completely. */
class KineticCancellationTest {

    @Test
    void theKineticSolvesStopOnAnInterruptedThread() {
        // the tabulation and the solves check the interrupt flag (a big Gaussian Born solve can run for seconds)
        org.diffuson.scattering.TMatrix g = org.diffuson.scattering.BornPotential.gaussian(HostMetal.unit(), 0.3, 0.2, 1.0);
        org.diffuson.scattering.TMatrix l1 = new org.diffuson.scattering.PartialWaveTMatrix(
                org.diffuson.scattering.PhaseShifts.threeChannel(0.3, 1.1, -0.4), HostMetal.unit());
        double nim = 0.01 * HostMetal.unit().carrierDensity();
        for (Runnable solve : new Runnable[]{() -> KineticSolver.exact(g, nim, null), () -> KineticSolver.moments(l1, nim, null),
                () -> KineticSolver.exactOnFullGrid(l1, nim, org.diffuson.integrate.SphereRule.of(4, 8))}) {
            Thread.currentThread().interrupt();
            try {
                assertThrows(Cancellation.Cancelled.class, solve::run);
                assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set");
            } finally {
                Thread.interrupted(); // clear it for the rest of the test run
            }
        }
        assertFalse(Thread.currentThread().isInterrupted());
        assertTrue(KineticSolver.exact(g, nim, null).invTauTr() > 0, "runs normally once the flag is clear");
    }

    @Test
    void interruptingARunningMapStopsItWithinASecondAndLeavesNoBusyThreads() throws Exception {
        int n = 400; // 160 000 points: minutes of work, far longer than the test waits
        double[] a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = -0.5 + i / (n - 1.0);
            b[i] = 0.02 + 3 * i / (n - 1.0);
        }
        AtomicInteger done = new AtomicInteger();
        java.util.Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                PhaseShiftMap.compute(HostMetal.unit(), 0.01, new PhaseShiftMap.Axes(0, 1), a, b, new double[]{0, 0, 0}, d -> {
                            done.incrementAndGet();
                            workers.add(Thread.currentThread());
                        });
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        }, "map-cell");
        cell.start();
        long wait = System.nanoTime();
        while (done.get() < 200 && System.nanoTime() - wait < 60e9) Thread.sleep(5);
        assertTrue(done.get() >= 200, "the map did not start");
        long t0 = System.nanoTime();
        cell.interrupt();
        cell.join(10_000);
        double stopSeconds = (System.nanoTime() - t0) / 1e9;
        assertFalse(cell.isAlive(), "the map thread still runs 10 s after the interrupt");
        assertInstanceOf(Cancellation.Cancelled.class, thrown.get(), String.valueOf(thrown.get()));
        assertTrue(thrown.get().getMessage().contains("phase-shift map"), thrown.get().getMessage());
        assertTrue(flagAfter.get(), "the interrupt flag stays set for the caller");
        // no worker keeps computing: none of the threads that ran map points is still inside the map, and the point
        // counter freezes (checked on this map's own workers: the common pool is shared with whatever else ran before)
        long t1 = System.nanoTime();
        while (workers.stream().anyMatch(KineticCancellationTest::insideMap) && System.nanoTime() - t1 < 2e9) Thread.sleep(10);
        assertFalse(workers.stream().anyMatch(KineticCancellationTest::insideMap), "a worker is still computing map points");
        int frozen = done.get();
        Thread.sleep(300);
        assertEquals(frozen, done.get(), "points were still being computed after the map stopped");
        System.out.printf(java.util.Locale.ROOT, "INFO map interrupted after %d of %d points, stopped in %.3f s%n", frozen, n * n, stopSeconds);
        assertTrue(stopSeconds < 1.0, "stopped in " + stopSeconds + " s");
    }

    private static boolean insideMap(Thread t) {
        for (StackTraceElement e : t.getStackTrace())
            if (e.getClassName().startsWith(PhaseShiftMap.class.getName())) return true;
        return false;
    }
}
