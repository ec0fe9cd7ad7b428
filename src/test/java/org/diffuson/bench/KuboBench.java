package org.diffuson.bench;

import org.diffuson.green.SelfEnergies;
import org.diffuson.boltzmann.BoltzmannSolver;
import org.diffuson.integrate.GridOptions;
import org.diffuson.compare.Agreement;
import org.diffuson.kubo.Kubo;
import org.diffuson.ladder.Ladder;
import org.diffuson.model.MassiveDirac;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Issue 4 item 6: a 100-point σ_xy(ξ) curve of the TI surface (ε_F = 1, M = ξ, cutoff 40) from the Kubo ladder at
 * ε_Fτ = 40 (u₀² = 0.05, paper's τ) with the on-shell Born Σ, target &lt; 10 s on 2 cores, and from Boltzmann
 * (&lt; 1 s). {@link #GRID} (8 nodes per panel, 8 angles) is accurate to 1e-4 against the default grid — shown in
 * {@code org.diffuson.kubo.KuboBenchAccuracyTest}.
 * Run: mvn -B -Pbench test-compile exec:exec -Dbench.args="KuboBench -wi 1 -i 3"; results in target/jmh-results.txt.
 * The side-by-side comparison with the NumPy peer (same curve, equal accuracy) is {@link PeerBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class KuboBench {
    /** The benchmark grid: 8 Gauss–Legendre nodes per radial panel, 8 angles. */
    public static final GridOptions GRID = new GridOptions(8, 8, 16, 16);
    public static final double U0SQ = 0.05;

    public static double xi(int i) { return 0.005 + 0.99 * i / 99; }

    public static Model dirac(double xi) {
        return Preset.COPT_TI.with("alpha", -1.0).with("bz", xi).with("gamma", U0SQ).with("kc", 40.0).build();
    }

    /** σ_xy (e²/h) at ξ: RA Fermi-surface term with the ladder vertex (seed 002 Eqs. 74–86 and docs/equations.md regression quantity), or the full response. */
    public static double sigmaXy(double xi, GridOptions grid, boolean full) {
        Model m = dirac(xi);
        Kubo k = new Kubo(Ladder.fixed(m, 1.0, SelfEnergies.bornOnShell(m, 1.0), "on-shell Born", grid));
        return full ? k.conductivityWithSea(0, 1).total() : k.fermiSurface(0, 1).fermiSurface();
    }

    @Benchmark
    public double kuboFermiSurfaceCurve100() {
        double s = 0;
        for (int i = 0; i < 100; i++) s += sigmaXy(xi(i), GRID, false);
        return s;
    }

    @Benchmark
    public double kuboFullCurve100() {
        double s = 0;
        for (int i = 0; i < 100; i++) s += sigmaXy(xi(i), GRID, true);
        return s;
    }

    @Benchmark
    public double boltzmannCurve100() {
        double s = 0;
        for (int i = 0; i < 100; i++)
            s += BoltzmannSolver.builder(MassiveDirac.of(xi(i))).disorder(U0SQ).kMax(4).angles(32).build().solve(1.0).total().xy();
        return s;
    }
}
