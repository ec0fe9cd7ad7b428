package org.diffuson.integrate;

import org.diffuson.boltzmann.BoltzmannResult;
import org.diffuson.boltzmann.BoltzmannSolver;
import org.diffuson.boltzmann.Term;
import org.diffuson.kubo.Bastin;
import org.diffuson.kubo.BastinResult;
import org.diffuson.kubo.FiniteTemperature;
import org.diffuson.kubo.FiniteTemperatureResult;
import org.diffuson.kubo.Kubo;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Disorder;
import org.diffuson.model.Model;
import org.diffuson.model.QwzModel;
import org.diffuson.kubo.KuboResult;
import org.diffuson.ladder.Ladder;
import org.diffuson.model.LatticeHamiltonian;
import org.diffuson.model.MassiveDirac;
import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The parallel k-sum is deterministic: fixed chunks and an ordered reduction make the result bit-for-bit the same on
 * 1, 2, 3 or 7 worker threads and in the serial path. Oracle: exact equality (tolerance 0) — any dependence on the
 * scheduling would show as a last-bit difference in a sum whose terms span 16 orders of magnitude.
 */
class KSumTest {
    static <T> T onThreads(int threads, Supplier<T> task) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task::get).join();
        } finally {
            pool.shutdown();
        }
    }

    /** Terms of alternating sign and sizes 1e-8 … 1e8: a different summation order changes the last bits. */
    static double[] illConditioned(boolean parallel) {
        int points = 50_003;
        double[] out = new double[2];
        KSum.sum(points, KSum.CHUNK, 2, () -> new double[1], (from, to, acc, w) -> {
            for (int i = from; i < to; i++) {
                double x = Math.sin(0.37 * i) * Math.pow(10, (i % 17) - 8);
                acc[0] += x;
                acc[1] += x * x;
            }
        }, out, parallel);
        return out;
    }

    @Test
    void sameBitsOnAnyNumberOfThreads() {
        double[] serial = illConditioned(false);
        for (int threads : new int[]{1, 2, 3, 7}) {
            double[] par = onThreads(threads, () -> illConditioned(true));
            assertArrayEquals(serial, par, 0, threads + " threads");
        }
        // and the chunked order differs from a naive left-to-right loop only by rounding
        double naive = 0;
        for (int i = 0; i < 50_003; i++) naive += Math.sin(0.37 * i) * Math.pow(10, (i % 17) - 8);
        assertEquals(naive, serial[0], 1e-6 * 1e8);
    }

    @Test
    void kuboConductivityIsIndependentOfTheThreadCount() {
        // a whole Kubo–Středa evaluation (Fermi-surface k-sum over ~10⁴ points, ladder, sea contour) on the CoPt model
        Ladder l = Ladder.scba(Preset.COPT.build(), 0.0);
        KuboResult one = onThreads(1, () -> new Kubo(l).conductivityWithSea(1, 0));
        KuboResult three = onThreads(3, () -> new Kubo(l).conductivityWithSea(1, 0));
        assertTrue(l.grid().size() > KSum.CHUNK, "the test needs more than one chunk");
        assertEquals(one.bareRA(), three.bareRA(), 0);
        assertEquals(one.vertexRA(), three.vertexRA(), 0);
        assertEquals(one.sea(), three.sea(), 0);
    }

    @Test
    void bastinRealEnergyIntegralIsIndependentOfTheThreadCount() {
        // the Bastin real-axis energy integral (616 energy nodes in one KSum, each node a serial k-sum over a 24²
        // QWZ Brillouin-zone mesh, 2 chunks) at m = 1, μ = 1.5 in the band, Σ = −0.1i: the same bits on 1, 2 and 7
        // threads, and equal to the Středa form (bare I + II) to the energy quadrature's 1e-8 (BastinTest; measured 7.5e-10)
        QwzModel qwz = new QwzModel(1.0);
        Model model = Model.of("qwz", qwz, Disorder.scalar(2, 0.01), 2 * Math.PI * Math.sqrt(2) + 1e-9, Map.of());
        Ladder l = Ladder.fixed(model, 1.5, Pauli.S0.scale(0, -0.1), "η=0.1", KGrid.of(BrillouinZone.uniform(qwz, 24, 24, 0.5)));
        Supplier<BastinResult> bastin = () -> new Bastin(l).conductivity(1, 0);
        BastinResult one = onThreads(1, bastin);
        assertTrue(one.energyNodes() > 100 && l.grid().size() > KSum.CHUNK, "the test needs many energy nodes and inner chunks");
        for (int threads : new int[]{2, 7})
            assertEquals(one.value(), onThreads(threads, bastin).value(), 0, threads + " threads");
        KuboResult streda = new Kubo(l).conductivityWithSea(1, 0);
        double st = streda.bareRA() - streda.bareRR() + streda.sea();
        System.out.printf("Bastin on QWZ: %d energy nodes × %d k-points, χ = %.12f, Středa bare I + II %.12f, diff %.2e%n",
                one.energyNodes(), l.grid().size(), one.value(), st, one.value() - st);
        assertEquals(st, one.value(), 1e-8);
    }

    @Test
    void matsubaraSeaIsIndependentOfTheThreadCount() {
        // finite-temperature Kubo–Středa on the same model (T = 0.05, μ = 1; 64 Matsubara frequencies and the
        // Euler–Maclaurin tail, each a KSum over frequency nodes of parallel k-sums; 24 Fermi-window ladders at 2 nodes per panel)
        Model dirac = Preset.DIRAC.with("M", 0.4).with("gamma", 0.1).build();
        CMatrix sigma = Pauli.S0.plus(Pauli.SZ.scale(0.4)).scale(0, -0.025);
        FiniteTemperature ft = FiniteTemperature.fixed(dirac, sigma, "Born", GridOptions.defaults()).withNodesPerPanel(2);
        Supplier<FiniteTemperatureResult> warm = () -> ft.conductivity(1, 0, 0.05, 1.0);
        FiniteTemperatureResult one = onThreads(1, warm), three = onThreads(3, warm);
        assertEquals(one.sea(), three.sea(), 0);
        assertEquals(one.stredaI(), three.stredaI(), 0);
    }

    @Test
    void boltzmannFermiSeaIsIndependentOfTheThreadCount() {
        // the seed-002 pipeline's Fermi-sea integral (continuum rays, 32 angles × 32 Gauss nodes per panel: ~10⁴ points,
        // several KSum chunks), its intrinsic σ_yx and spin response bit for bit on 1, 2 and 7 threads
        Supplier<BoltzmannResult> tiSurface = () -> BoltzmannSolver.builder(MassiveDirac.of(0.4)).disorder(0.01).kMax(4).angles(32)
                .build().solve(1.0);
        BoltzmannResult one = onThreads(1, tiSurface);
        for (int threads : new int[]{2, 7}) {
            BoltzmannResult many = onThreads(threads, tiSurface);
            assertEquals(one.sigma(Term.INTRINSIC).yx(), many.sigma(Term.INTRINSIC).yx(), 0, threads + " threads");
            assertEquals(one.spin(Term.INTRINSIC).xx(), many.spin(Term.INTRINSIC).xx(), 0, threads + " threads");
            assertEquals(one.total().yx(), many.total().yx(), 0, threads + " threads");
        }
        // and still the closed form σ_yx^int = ξ/2 (seed 002 P 74; DiracOracleTest's tolerance 1e-9)
        assertEquals(0.2, one.sigma(Term.INTRINSIC).yx(), 1e-9);
    }

    @Test
    void latticeBerrySeaIsIndependentOfTheThreadCountAndCountsTheChernNumber() {
        // QWZ at m = 1 with ε_F in the gap: the Brillouin-zone mesh sum (128² = 16384 points, 8 chunks) of the Berry
        // curvature is the Chern number, |σ_yx| = 1 e²/h; the mesh sum of a smooth periodic integrand is exponentially
        // accurate (gap 2 on a 128 mesh: error far below 1e-10)
        LatticeHamiltonian qwz = (LatticeHamiltonian) Preset.QWZ.with("m", 1.0).build().hamiltonian();
        Supplier<BoltzmannResult> gapped = () -> BoltzmannSolver.builder(qwz).disorder(0.01).kMax(Math.PI).mesh(128).noSpin().build().solve(0.0);
        BoltzmannResult one = onThreads(1, gapped), three = onThreads(3, gapped);
        assertEquals(one.sigma(Term.INTRINSIC).yx(), three.sigma(Term.INTRINSIC).yx(), 0);
        assertEquals(1, Math.abs(one.sigma(Term.INTRINSIC).yx()), 1e-10);
    }

    /**
     * Small sums run on the calling thread alone (fewer than {@link KSum#MIN_PARALLEL_CHUNKS} chunks of several items);
     * larger ones and sums of single heavy items are split over the pool: there every chunk waits on a latch that only
     * two chunks running at once can open (no sleep; a serial run would wait out the 30 s timeout and fail). The sum is
     * the same either way; the rule reads the sizes only.
     */
    @Test
    void smallSumsRunOnTheCallingThread() {
        for (int[] c : new int[][]{{3 * KSum.CHUNK, KSum.CHUNK, 0}, {4 * KSum.CHUNK, KSum.CHUNK, 1}, {144, 64, 0}, {144, 32, 1}, {3, 1, 1}}) {
            int points = c[0], chunk = c[1];
            boolean split = c[2] == 1;
            java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
            java.util.concurrent.atomic.AtomicBoolean met = new java.util.concurrent.atomic.AtomicBoolean(!split);
            double[] out = new double[1];
            Thread caller = onThreads(4, () -> {
                KSum.sum(points, chunk, 1, () -> null, (from, to, acc, w) -> {
                    threads.add(Thread.currentThread());
                    if (split) {
                        both.countDown();
                        try {
                            if (both.await(30, java.util.concurrent.TimeUnit.SECONDS)) met.set(true);
                        } catch (InterruptedException e) { throw new RuntimeException(e); }
                    }
                    acc[0] += to - from;
                }, out, true);
                return Thread.currentThread();
            });
            assertEquals(points, out[0], 0);
            if (split) assertTrue(met.get() && threads.size() > 1, points + " points in chunks of " + chunk + " must run on more than one thread");
            else assertEquals(java.util.Set.of(caller), threads, points + " points in chunks of " + chunk + " must stay on the calling thread");
        }
    }
}
