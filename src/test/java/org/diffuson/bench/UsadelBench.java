package org.diffuson.bench;

import org.diffuson.usadel.Boundary;
import org.diffuson.usadel.Bulk;
import org.diffuson.usadel.GapEquation;
import org.diffuson.usadel.Junction;
import org.diffuson.usadel.Kinetic;
import org.diffuson.usadel.Layer;
import org.diffuson.usadel.MatsubaraSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Issue 14 speed targets (seed 003 Usadel engine).
 * <ul>
 *   <li>{@link #snsDos64}: the SNS problem of {@code src/test/python/usadel_sns_peer.py} (scipy.integrate.solve_bvp):
 *       midpoint DOS on 64 energies ε ∈ [0.5, 8] E_Th, η = 1e-3, continued from above — target ≥ 10× the peer at equal
 *       accuracy (both agree with a tol = 1e-8 scipy reference to ~1e-7);</li>
 *   <li>{@link #selfConsistentSns}: S|N|S (vacuum ends), Δ(x) self-consistent, 198 mesh nodes, 64 Matsubara
 *       frequencies — target &lt; 2 s;</li>
 *   <li>{@link #gapCurve100}: Δ(T) at 100 temperatures — target &lt; 1 s;</li>
 *   <li>{@link #tcMap2500}: T_c(h, 1/τ_so) on 50 × 50 points — target &lt; 10 s;</li>
 *   <li>{@link #nsConductance}: Keldysh N|N|S I(V) and G(V) at T = 0, 100 voltages in [0, 15] E_Th from the kinetic
 *       equation on 201 energies in [−20, 20] E_Th (rigid Θ = π/2 superconductor, η = 1e-5, 2 × 20 Chebyshev
 *       intervals: G within 1.8e-10 of a solve_bvp tol = 1e-9 reference) — target well under 1 s;
 *       the peer {@code src/test/python/usadel_ns_kinetic_peer.py} solves the same retarded BVPs with solve_bvp and
 *       integrates 1/D_T.</li>
 * </ul>
 * Run side by side with the scipy peer: {@code bench/run-usadel.sh} (JMH sample mode, the peer, CPU times, accuracy of
 * both against scipy at tol = 1e-8; see BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class UsadelBench {

    static final double[] ENERGIES = new double[64];

    static {
        for (int i = 0; i < 64; i++) ENERGIES[i] = 8.0 - 7.5 * i / 63;
    }

    /** The peer's problem: rigid Θ = π/2 electrode, half junction with Θ′(L/2) = 0, D = L = 1. */
    public static double[] snsSweep() {
        Junction sns = Junction.of(Boundary.rigid(Bulk.bcs(1e12)), Boundary.vacuum(), Layer.normal(0.5, 1).withMesh(1, 16));
        return sns.dos(ENERGIES, 1e-3, 0.5, Junction.Form.THETA);
    }

    @Benchmark
    public double[] snsDos64() {
        return snsSweep();
    }

    public static MatsubaraSet.SelfConsistent selfConsistent() {
        Layer s = Layer.superconductor(2, 1, 1.6).selfConsistent(1).withMesh(6, 10);
        Layer n = Layer.normal(1, 1).withMesh(6, 10);
        Junction j = Junction.of(Boundary.vacuum(), Boundary.vacuum(), s, n, s);
        return MatsubaraSet.selfConsistent(j, 0.3, 64, Junction.Form.THETA, 1e-6, 100);
    }

    @Benchmark
    public double selfConsistentSns() {
        return selfConsistent().gapAt(1.0);
    }

    @Benchmark
    public double[] gapCurve100() {
        double[] t = new double[100];
        for (int i = 0; i < 100; i++) t[i] = 0.01 + 0.99 * i / 99;
        return GapEquation.bcsGapCurve(t);
    }

    @Benchmark
    public double[][] tcMap2500() {
        double[] h = new double[50], r = new double[50];
        for (int i = 0; i < 50; i++) {
            h[i] = 2.0 * i / 49;
            r[i] = 20.0 * i / 49;
        }
        return GapEquation.tcMap(h, r);
    }

    static final double[] VOLTAGES = new double[100];

    static {
        for (int i = 0; i < 100; i++) VOLTAGES[i] = 15.0 * i / 99;
    }

    /** The NS kinetic workload: retarded sweep + kinetic responses on 201 energies, then G(V) at 100 voltages. */
    public static Kinetic.IV nsCurve() {
        Junction ns = Junction.of(Boundary.rigid(Bulk.bcs(0)), Boundary.rigid(Bulk.bcs(1e12)), Layer.normal(1, 1).withMesh(2, 20));
        return Kinetic.spectrum(ns, Junction.Form.THETA, 1e-5, Kinetic.energies(20, 201)).iv(VOLTAGES, 0);
    }

    @Benchmark
    public double[] nsConductance() {
        return nsCurve().conductance();
    }

    /** The first n rows (x, y) as "x,y" lines, for the peer's {@code --compare}. */
    private static void writeCsv(String file, double[] x, double[] y, int n) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(String.format(java.util.Locale.ROOT, "%.6f,%.12f%n", x[i], y[i]));
        java.nio.file.Files.writeString(java.nio.file.Path.of(file), sb);
    }

    /**
     * Without JMH: {@code csv FILE} writes the SNS sweep (energy, DOS) for the peer's {@code --compare}; {@code cpu N}
     * prints, over N repeats, the best wall and CPU time per call (thread CPU for the one-thread DOS sweep, process CPU
     * for the two-thread self-consistent solve), which a loaded machine disturbs less than wall time.
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length >= 2 && args[0].equals("csv")) {
            writeCsv(args[1], ENERGIES, snsSweep(), 64);
            return;
        }
        if (args.length >= 2 && args[0].equals("ns-csv")) {
            writeCsv(args[1], VOLTAGES, nsCurve().normalizedConductance(), 100);
            return;
        }
        int reps = args.length >= 2 && args[0].equals("cpu") ? Integer.parseInt(args[1]) : 5;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double bestWall = 1e300, bestCpu = 1e300, scWall = 1e300, scCpu = 1e300, nsWall = 1e300, nsCpu = 1e300;
        for (int rep = 0; rep < reps; rep++) {
            long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            snsSweep();
            long t1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime(), p1 = os.getProcessCpuTime();
            selfConsistent();
            long t2 = System.nanoTime(), p2 = os.getProcessCpuTime();
            long c3 = threads.getCurrentThreadCpuTime(), t3 = System.nanoTime();
            nsCurve();
            nsWall = Math.min(nsWall, (System.nanoTime() - t3) / 1e6);
            nsCpu = Math.min(nsCpu, (threads.getCurrentThreadCpuTime() - c3) / 1e6);
            bestWall = Math.min(bestWall, (t1 - t0) / 1e6);
            bestCpu = Math.min(bestCpu, (c1 - c0) / 1e6);
            scWall = Math.min(scWall, (t2 - t1) / 1e6);
            scCpu = Math.min(scCpu, (p2 - p1) / 1e6);
        }
        System.out.printf(java.util.Locale.ROOT, "snsDos64: best %.1f ms wall, %.1f ms thread CPU; selfConsistentSns: best %.1f ms "
                + "wall, %.1f ms process CPU (best of %d)%n", bestWall, bestCpu, scWall, scCpu, reps);
        System.out.printf(java.util.Locale.ROOT, "nsConductance (201 energies, 100 voltages): best %.1f ms wall, %.1f ms "
                + "thread CPU (best of %d)%n", nsWall, nsCpu, reps);
    }
}
