package org.diffuson.bench;

import org.diffuson.gauge.BetaTerm;
import org.diffuson.gauge.GridCheck;
import org.diffuson.integrate.GridOptions;
import org.diffuson.gauge.GaugeKernels;
import org.diffuson.gauge.SdFerromagnet;
import org.diffuson.gauge.SpinFlipLadder;
import org.diffuson.gauge.SpinMotiveForce;
import org.diffuson.gauge.Texture;
import org.diffuson.gauge.TwoCurrent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Issue 15 speed floors (seed 004): all four kernels at one (q, ω) for set R (&lt; 20 ms), β in every form over 100
 * parameter points (&lt; 5 s; includes the full-parabolic-band three-Green-function k-sums), and a domain-wall spin motive
 * force profile with 200 points plus its two-current currents (&lt; 1 s). Also the k-grid path ({@link GridCheck#kernels}:
 * the same kernels from ladder.Bubble with current vertices on the 158 720-point SCBA grid), which has no floor: it is the
 * check, not the default engine. Run: bench/run-seed004.sh (JMH plus the NumPy peer, with the load); results in
 * target/seed004-bench/.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GaugeBench {
    private final SdFerromagnet r = SdFerromagnet.setR();
    private final SpinFlipLadder ladder = new SpinFlipLadder(r);
    private final Texture wall = Texture.domainWall(Texture.Wall.BLOCH, 50, 0.03, 2e-6);
    private GridCheck grid;
    private int call;

    @Setup(Level.Trial)
    public void buildGrid() { grid = GridCheck.scba(r, 100, GridOptions.defaults()); }

    /** K^cc, K^sc, K̃^cs, K̃^ss and both source terms at q = 1e-4, ω = 1e-6 (one full-ladder evaluation). */
    @Benchmark
    public GaugeKernels kernelsAtOnePoint() { return ladder.at(new double[]{1e-4}, 1e-6); }

    /** β (eq 94, isotropic form, wide-band and full-band kernels) for 100 exchange splittings M ∈ [0.05, 0.5] ({@link BetaTerm#scan}). */
    @Benchmark
    public double beta100() {
        double[] m = new double[100];
        for (int i = 0; i < 100; i++) m[i] = 0.05 + 0.45 * i / 99;
        double s = 0;
        for (BetaTerm.Result b : BetaTerm.scanExchange(1, 0.01, 5e-4, m)) s += b.kernelFullBand().getReal();
        return s;
    }

    /**
     * All kernels on the k-grid ladder at q = 1e-4 and a new ω each call (so the SCBA at ε + ω is solved every time; L^RR
     * at ε is reused per q, as in a frequency scan): two k-sums with current vertices (RA, and RR at ε + ω) plus the SCBA at ε + ω.
     */
    @Benchmark
    public GaugeKernels gridKernelsNewOmega() { return grid.kernels(new double[]{1e-4}, 1e-6 * (1 + 1e-3 * (++call))); }

    /** E_s⁰, E_s^dis of a precessing Bloch wall on 200 points and the two-current j, j_s. */
    @Benchmark
    public TwoCurrent.Solution wallProfile200() {
        SpinMotiveForce.Profile p = SpinMotiveForce.profile(wall, 0, -3000, 3000 - 30, 200, r.beta(), 1);
        return new TwoCurrent(r).solve(p.x(), p.total());
    }
}
