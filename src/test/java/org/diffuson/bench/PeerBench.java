package org.diffuson.bench;

import org.diffuson.green.ScbaOptions;
import org.diffuson.integrate.GridOptions;
import org.diffuson.green.SelfEnergies;
import org.diffuson.kubo.Kubo;
import org.diffuson.ladder.DiffusionOperator;
import org.diffuson.ladder.Ladder;
import org.diffuson.ladder.PoleFinder;
import org.diffuson.model.Model;
import org.diffuson.model.ModelFamily;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The workflows of issue 11, each with a NumPy peer in {@code bench/peers/} computing the same numbers; run both side
 * by side with {@code bench/run-peers.sh} (writes the table in BENCHMARKS.md). Equal accuracy: every workflow here
 * runs on the grid stated next to it, whose error against a converged grid is printed by
 * {@code PeerBench accuracy} (and the peer's by its {@code --calibrate}); the peer runs on its cheapest grid with an
 * error no larger than Diffuson's. Sample-time mode: the shared machine's load stretches some calls, so the table
 * reports the fastest call (as the peer's best-of) beside the mean.
 * <ul>
 *   <li>{@link #kuboFermiSurfaceCurve()}: σ_xy(ξ) of the massive Dirac model (COPT_TI, α = −1, b_z = ξ, k_c = 40,
 *   E_F = 1, u₀² = 0.05, on-shell Born Σ), RA Fermi-surface term with the q = 0 ladder vertex, 100 ξ in [0.005, 0.995],
 *   the points in parallel.</li>
 *   <li>{@link #kuboFullCurve()}: the same with the RR term and the Fermi sea (Středa I + II).</li>
 *   <li>{@link #coptDiffusion()}: CoPt at E = 0: SCBA, then the physical diffusion constant D_eff of the conserved
 *   mode (with its O(q) coupling to in-plane spin, {@link DiffusionOperator#effectiveDiffusion}) from the analytic
 *   q- and ω-expansion of the RA ladder ({@link org.diffuson.ladder.BubbleExpansion}, Σ′ by the linearised SCBA).</li>
 *   <li>{@link #coptPoleSearch()}: the diffusion pole of det K(q, ω) at qℓ = 0.1 from the ladder of that SCBA (secant on
 *   the vanishing eigenvalue with {@link PoleFinder}'s Muller-checked stop: three evaluations of K), started
 *   from the pole of the expanded K ({@link DiffusionOperator#expandedPole}, computed once in the set-up on both
 *   sides: the timed call is the finite-q root search).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PeerBench {
    /** Fermi-surface curve grid: 8 Gauss–Legendre nodes per panel, 4 angles (error vs converged: see accuracy()). */
    public static final GridOptions KUBO_GRID = new GridOptions(8, 4, 16, 16);
    /** CoPt grid: 12 Gauss–Legendre nodes per panel (D_eff within 1e-10 of a 40-node grid; see accuracy()). */
    public static final GridOptions COPT_GRID = new GridOptions(12, 64, 16, 16);
    public static final int POINTS = 100;

    public static double xi(int i) { return 0.005 + 0.99 * i / (POINTS - 1); }

    /** The massive Dirac models of the curve, b_z = ξ varied ({@link ModelFamily}: structure and disorder built once). */
    public static ModelFamily dirac() {
        return Preset.COPT_TI.with("alpha", -1.0).with("gamma", 0.05).with("kc", 40.0).family("bz");
    }

    /** σ_xy(ξ) in e²/h: RA Fermi-surface term with the ladder vertex, or Středa I + II. */
    public static double sigmaXy(Model m, GridOptions grid, boolean full) {
        Kubo k = new Kubo(Ladder.fixed(m, 1.0, SelfEnergies.bornOnShell(m, 1.0), "on-shell Born", grid));
        return full ? k.conductivityWithSea(0, 1).total() : k.fermiSurface(0, 1).fermiSurface();
    }

    /** The whole workflow: the model family, then per ξ the model, on-shell Born Σ, ladder and σ_xy (in parallel). */
    public static double[] curve(GridOptions grid, boolean full) {
        ModelFamily dirac = dirac();
        double[] out = new double[POINTS];
        IntStream.range(0, POINTS).parallel().forEach(i -> out[i] = sigmaXy(dirac.at(xi(i)), grid, full));
        return out;
    }

    /** D_eff along x of CoPt at E = 0 (the physical diffusion constant; the old zero-mode projection was −0.22). */
    public static Complex coptDxx(GridOptions grid) {
        return coptLadder(grid).diffusion().effectiveDiffusion(0);
    }

    /** The SCBA ladder of CoPt at E = 0 on the given grid. */
    static Ladder coptLadder(GridOptions grid) {
        return Ladder.scba(Preset.COPT.build(), 0.0, grid, ScbaOptions.defaults());
    }

    /** The converged reference grid of the CoPt rows (40 nodes per panel, 128 angles). */
    static final GridOptions COPT_CONVERGED = new GridOptions(40, 128, 16, 16);

    Ladder copt;
    double[] qPole;
    Complex poleStart;

    @Setup
    public void setup() {
        copt = coptLadder(COPT_GRID);
        qPole = new double[]{0.1 / copt.meanFreePath(), 0};
        poleStart = copt.diffusion().expandedPole(qPole);
    }

    @Benchmark
    public double kuboFermiSurfaceCurve() { return curve(KUBO_GRID, false)[POINTS / 2]; }

    @Benchmark
    public double kuboFullCurve() { return curve(KUBO_GRID, true)[POINTS / 2]; }

    @Benchmark
    public double coptDiffusion() { return coptDxx(COPT_GRID).getReal(); }

    /**
     * A fresh pole search per call: the ladder is rebuilt from the SCBA result (no SCBA solve), so neither the Σ(z) the
     * self-energy model has solved nor the bubble's kept finite-q tables carry over from the previous call; the start
     * (the pole of the expanded K) comes from the set-up, as the peer's.
     */
    @Benchmark
    public double coptPoleSearch() {
        Ladder l = Ladder.fromScba(copt.scbaResult(), ScbaOptions.defaults());
        return PoleFinder.find(l, qPole, poleStart).omega().getImaginary();
    }

    /** The pole at qℓ = 0.1 on the SCBA ladder's grid, started from the expanded pole. */
    static PoleFinder.Pole coptPole(Ladder scba) {
        return PoleFinder.find(scba, new double[]{0.1 / scba.meanFreePath(), 0});
    }

    static String json(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.17g", v[i]));
        return sb.append(']').toString();
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    /**
     * {@code accuracy}: errors of the benchmark grids against converged ones; {@code values WORKFLOW}: the values as
     * JSON (for the peers' --check).
     */
    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "accuracy";
        GridOptions fine = new GridOptions(40, 64, 16, 16);
        switch (what) {
            case "values" -> {
                String w = args[1];
                if (w.startsWith("kubo")) System.out.println(json(curve(args.length > 2 ? fine : KUBO_GRID, w.equals("kubo-full"))));
                else if (w.equals("copt-diffusion")) System.out.println(coptDxx(args.length > 2 ? COPT_CONVERGED : COPT_GRID));
                else System.out.println(coptPole(coptLadder(args.length > 2 ? COPT_CONVERGED : COPT_GRID)).omega());
            }
            case "accuracy" -> {
                for (boolean full : new boolean[]{false, true}) {
                    double[] ref = curve(fine, full);
                    for (GridOptions g : new GridOptions[]{KUBO_GRID, new GridOptions(6, 4, 16, 16), new GridOptions(8, 8, 16, 16), new GridOptions(10, 4, 16, 16)})
                        System.out.printf(Locale.ROOT, "kubo %s grid %s: max |error| over the curve %.2e%n", full ? "full" : "fermi-surface", g, maxDiff(curve(g, full), ref));
                }
                // one SCBA ladder per grid, shared by the D_eff and pole rows
                java.util.Map<GridOptions, Ladder> ladders = new java.util.HashMap<>();
                java.util.function.Function<GridOptions, Ladder> ladder = g -> ladders.computeIfAbsent(g, PeerBench::coptLadder);
                Complex ref = ladder.apply(COPT_CONVERGED).diffusion().effectiveDiffusion(0);
                for (GridOptions g : new GridOptions[]{COPT_GRID, new GridOptions(8, 64, 16, 16), new GridOptions(10, 64, 16, 16), new GridOptions(16, 64, 16, 16)}) {
                    Complex d = ladder.apply(g).diffusion().effectiveDiffusion(0);
                    System.out.printf(Locale.ROOT, "copt D_eff grid %s: %s vs converged %s: relative error %.2e%n", g, d, ref, d.subtract(ref).norm() / ref.norm());
                }
                Complex pRef = coptPole(ladder.apply(COPT_CONVERGED)).omega();
                for (GridOptions g : new GridOptions[]{COPT_GRID, new GridOptions(10, 64, 16, 16)}) {
                    Complex p = coptPole(ladder.apply(g)).omega();
                    System.out.printf(Locale.ROOT, "copt pole grid %s: %s vs converged %s: relative error %.2e%n", g, p, pRef, p.subtract(pRef).norm() / pRef.norm());
                }
            }
            case "cpu" -> {
                // a workflow serially on this thread: the best thread-CPU time of N calls after N warm-up calls (the
                // figure least disturbed by other processes on a shared machine; one core). Default: the Fermi-surface
                // curve point by point; "cpu N copt-diffusion": the CoPt D_eff call (its k-sums run serially here);
                // "cpu N copt-pole": a fresh pole search (run it under taskset -c 0: then its two starts run in turn)
                int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
                boolean copt = args.length > 2 && args[2].equals("copt-diffusion"), pole = args.length > 2 && args[2].equals("copt-pole");
                PeerBench b = new PeerBench();
                if (pole) b.setup();
                var bean = java.lang.management.ManagementFactory.getThreadMXBean();
                long best = Long.MAX_VALUE, total = 0;
                double sink = 0;
                for (int it = 0; it < 2 * n; it++) {
                    long t0 = bean.getCurrentThreadCpuTime();
                    if (copt) sink += coptDxx(COPT_GRID).getReal();
                    else if (pole) sink += b.coptPoleSearch();
                    else {
                        ModelFamily dirac = dirac();
                        for (int i = 0; i < POINTS; i++) sink += sigmaXy(dirac.at(xi(i)), KUBO_GRID, false);
                    }
                    long dt = bean.getCurrentThreadCpuTime() - t0;
                    if (it >= n) { best = Math.min(best, dt); total += dt; }
                }
                System.out.printf(Locale.ROOT, "{\"best_cpu_ms\": %.4f, \"mean_cpu_ms\": %.4f, \"sum\": %.12f}%n", best / 1e6, total / 1e6 / n, sink / (2 * n));
            }
            default -> throw new IllegalArgumentException("accuracy | values WORKFLOW [fine] | cpu [N [copt-diffusion | copt-pole]]");
        }
    }
}
