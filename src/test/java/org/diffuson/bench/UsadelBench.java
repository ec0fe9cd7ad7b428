package org.diffuson.bench;

import org.diffuson.usadel.Boundary;
import org.diffuson.usadel.Bulk;
import org.diffuson.usadel.GapEquation;
import org.diffuson.usadel.Junction;
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
 *   <li>{@link #tcMap2500}: T_c(h, 1/τ_so) on 50 × 50 points — target &lt; 10 s.</li>
 * </ul>
 * Run: mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt; mvn -q test-compile;
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main UsadelBench -f 1 -wi 2 -i 3
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

    /** Quick wall-clock run without JMH (for a first look): prints each workflow's time. */
    public static void main(String[] args) {
        UsadelBench b = new UsadelBench();
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            double[] d = b.snsDos64();
            long t1 = System.nanoTime();
            double g = b.selfConsistentSns();
            long t2 = System.nanoTime();
            b.gapCurve100();
            long t3 = System.nanoTime();
            b.tcMap2500();
            long t4 = System.nanoTime();
            System.out.printf("snsDos64 %.1f ms (N(8) = %.9f, N(0.5) = %.2e); selfConsistentSns %.1f ms (Δ(1) = %.4f); "
                            + "gapCurve100 %.1f ms; tcMap2500 %.1f ms%n", (t1 - t0) / 1e6, d[0], d[63], (t2 - t1) / 1e6, g,
                    (t3 - t2) / 1e6, (t4 - t3) / 1e6);
        }
        if (args.length > 0) for (int i = 0; i < 64; i++) System.out.printf("%.6f,%.12f%n", ENERGIES[i], snsSweep()[i]);
    }
}
