package org.diffuson.bench;

import org.diffuson.kinetic.KineticSolver;
import org.diffuson.kinetic.PhaseShiftMap;
import org.diffuson.kinetic.SpinChargeCoefficients;
import org.diffuson.scattering.Channel;
import org.diffuson.scattering.HostMetal;
import org.diffuson.scattering.PartialWaveTMatrix;
import org.diffuson.scattering.PhaseShifts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Issue 13 (seed 001) speed floors: the full coefficient set at one phase-shift point with l ≤ 1 in &lt; 2 ms; the exact
 * angular-grid kinetic solve with l ≤ 3 in &lt; 20 ms; a 100 × 100 θ_sH map in &lt; 30 s on this machine's cores.
 * Run: mvn -B -Pbench test-compile exec:exec -Dbench.args="KineticBench -f 1 -wi 3 -w 2 -i 5 -r 2", or side by side with
 * the NumPy peer of the same workloads (src/test/python/seed001_peer.py, same rules, same numbers):
 * bench/run-seed001.sh (figures in BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class KineticBench {
    static final HostMetal H = HostMetal.unit();
    static final double NIMP = 0.01 * H.carrierDensity();
    final PartialWaveTMatrix threeChannel = new PartialWaveTMatrix(PhaseShifts.threeChannel(0.3, 1.1, -0.4), H);
    final PartialWaveTMatrix sevenChannel = new PartialWaveTMatrix(PhaseShifts.of(Channel.plus(0, 0.3), Channel.minus(1, 1.1),
            Channel.plus(1, -0.4), Channel.minus(2, 0.5), Channel.plus(2, -0.3), Channel.minus(3, 0.2), Channel.plus(3, 0.45)), H);

    /** Full coefficient set (rates, Ω's, D_c, θ_sH, D_m, D_s^{L,T}, κ, τ_s) at one l ≤ 1 point: 12×12 moment solve. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SpinChargeCoefficients coefficientsLe1() {
        return KineticSolver.solve(threeChannel, NIMP);
    }

    /** Exact first-order kinetic solve on the angular grid, 7 channels up to l = 3 (minimal 6 × 12 rule, azimuthal blocks). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SpinChargeCoefficients exactLe3() {
        return KineticSolver.exact(sevenChannel, NIMP, null);
    }

    /** 100 × 100 θ_sH map over (η0, η1) at η2 = 0, r = 0.01, all cores. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PhaseShiftMap.Result map100() {
        double[] a = new double[100], b = new double[100];
        for (int i = 0; i < 100; i++) {
            a[i] = -0.5 + i / 99.0;
            b[i] = 0.02 + (Math.PI - 0.04) * i / 99.0;
        }
        return PhaseShiftMap.compute(H, 0.01, new PhaseShiftMap.Axes(0, 1), a, b, new double[]{0, 0, 0}, null);
    }
}
