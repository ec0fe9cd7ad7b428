package org.diffuson.bench;

import org.diffuson.green.Energy;
import org.diffuson.green.Resolvent;
import org.diffuson.green.Scba;
import org.diffuson.green.ScbaOptions;
import org.diffuson.green.ScbaResult;
import org.diffuson.integrate.GridOptions;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Bubble;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * Core-engine throughput (issue 2): the CoPt SCBA at the reference grid (400 radial × 32 angles, tol 1e-13) and the n = 2
 * bubble per (q, ω) point on one core. Run: see README ("Benchmarks").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoreBench {
    Model copt;
    KGrid specGrid;
    Resolvent resolvent;
    Bubble bubble;
    double[] s1, s2, out;
    double[] q = {0.003, 0.001};

    @Setup
    public void setup() {
        copt = Preset.COPT.build();
        ScbaResult ref = Scba.solve(copt, 0.0);
        // spec grid: 400 radial points (20 panels × 20 GL nodes, refined at the Fermi momentum) × 32 angles
        specGrid = Scba.adaptiveGrid(copt, 0.0, Scba.hermitianPart(ref.sigma()), Scba.minBroadening(ref.sigma()),
                new GridOptions(20, 32, 16, 16));
        KGrid.Builder b = KGrid.builder(2, copt.cutoff()).nodesPerPanel(20).angles(32);
        double[] bp = specGrid.breakpoints();
        for (double x : bp) b.breakpoint(x);
        int extra = 20 - (bp.length - 1);
        if (extra > 0) b.maxPanel(copt.cutoff() / Math.max(1, extra / 2));
        specGrid = b.build();
        resolvent = new Resolvent(copt, specGrid);
        bubble = new Bubble(copt, specGrid);
        s1 = ref.sigma().toArray();
        s2 = ref.sigma().dagger().toArray();
        out = new double[32];
        System.out.println("# spec grid: " + specGrid + "; radial-reduced SCBA sums " + resolvent.points() + " points");
    }

    /** Converged CoPt SCBA (Anderson, tol 1e-13) from the automatic seed, symmetry-reduced radial sum. */
    @Benchmark
    public double scbaCoPt() {
        return Scba.solve(resolvent, Energy.retarded(0), null, ScbaOptions.defaults()).sigma().im(0, 0);
    }

    /** Same SCBA on the full 2-D grid (no symmetry), for the per-k-point rate of the SCBA inner loop. */
    @Benchmark
    public double scbaCoPtFullGrid() {
        Resolvent full = fullResolvent;
        return Scba.solve(full, Energy.retarded(0), null, ScbaOptions.defaults()).sigma().im(0, 0);
    }

    Resolvent fullResolvent;

    @Setup
    public void setupFull() { fullResolvent = new Resolvent(copt, specGrid, false); }

    Bubble pointBubble;

    /** The same radial nodes × 32 angles as an explicit point grid: the plain per-k-point rate (no adaptivity). */
    @Setup
    public void setupPoints() {
        KGrid points = specGrid.toPointGrid(32);
        pointBubble = new Bubble(copt, points);
        System.out.println("# point grid: " + points.size() + " k-points per bubble");
    }

    /** Finite-q bubble on a fixed radial × 32-angle point grid, one core: divide the point count by this time. */
    @Benchmark
    public double bubbleFixedGridSingleCore() {
        pointBubble.compute(q, 0.0, 0.0, s1, 0.0, 0.0, s2, out, false);
        return out[0];
    }

    /** One finite-q RA bubble on one core, adaptive angles (16 here: machine precision at this qℓ). */
    @Benchmark
    public double bubbleFiniteQSingleCore() {
        bubble.compute(q, 0.0, 0.0, s1, 0.0, 0.0, s2, out, false);
        return out[0];
    }

    /** The same bubble split over the common pool (2 cores here). */
    @Benchmark
    public double bubbleFiniteQParallel() {
        bubble.compute(q, 0.0, 0.0, s1, 0.0, 0.0, s2, out, true);
        return out[0];
    }

    /** The whole seed-000 pipeline entry: Ladder.scba(CoPt, 0) (adaptive SCBA + the ladder's own Σ) and one q = 0 RA ladder. */
    @Benchmark
    public double ladderScbaCoPt() {
        return org.diffuson.ladder.Ladder.scba(copt, 0.0).atFermiLevel().oneMinusCollisionInBasis().re(0, 0);
    }

    /** Adaptive SCBA alone (Scba.solve(model, E)): the reference cost for ladderScbaCoPt. */
    @Benchmark
    public double scbaAdaptiveCoPt() {
        return Scba.solve(copt, 0.0).sigma().im(0, 0);
    }

    public int gridPoints() { return specGrid.size(); }
}
