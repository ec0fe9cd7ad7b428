package org.diffuson.paper;

import org.diffuson.boltzmann.BoltzmannResult;
import org.diffuson.boltzmann.BoltzmannSolver;
import org.diffuson.boltzmann.ShellProfile;
import org.diffuson.boltzmann.SkewForm;
import org.diffuson.boltzmann.SpinResponse;
import org.diffuson.boltzmann.Term;
import org.diffuson.integrate.GridOptions;
import org.diffuson.kubo.Kubo;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.diffuson.plot.Plots;
import org.diffuson.sweep.Progress;
import org.diffuson.sweep.Sweep;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures N1–N5 of seed 002 (Atencia, Niu, Culcer: semiclassical equations of motion for disordered conductors), as
 * proposed in its docs/equations.md, seed 002 figures: the paper has only a schematic figure. Massive Dirac model (magnetic TI surface),
 * ħ = v_F = 1, ε_F = 1, ξ = M/ε_F; conductivities in e²/h. Kubo points use the paper's Born matrix
 * Σ^R = −(i/2τ)(σ₀ + ξσ_z), 1/τ = πu₀²ρ(ε_F), and are extrapolated linearly in 1/(ε_Fτ) (Richardson).
 */
public final class Seed002 {
    private Seed002() {}

    static final double EF = 1.0;

    /** Boltzmann pipeline (form B unless given) at ξ = M, ε_F = 1. */
    public static BoltzmannResult boltzmann(double xi, double u0sq, SkewForm form) {
        Model m = Preset.DIRAC.with("M", xi).with("gamma", u0sq).build();
        return BoltzmannSolver.builder(m.hamiltonian()).disorder(u0sq).kMax(m.cutoff()).skewForm(form).build().solve(EF);
    }

    /** The paper's Born matrix Σ^R = −(i/2τ)(σ₀ + ξσ_z), 1/(2τ) = u₀²ε_F/4 for v_F = 1. */
    public static CMatrix bornMatrix(double xi, double u0sq) {
        return Pauli.S0.plus(Pauli.SZ.scale(xi)).scale(0, -u0sq * EF / 4);
    }

    /** Kubo ladder σ_ab (RA Fermi-surface term with vertex corrections; Středa II → 0 as the cutoff → ∞). */
    public static double kubo(double xi, double u0sq, int a, int b) {
        Model m = Preset.DIRAC.with("M", xi).with("gamma", u0sq).build();
        Ladder l = Ladder.fixed(m, EF, bornMatrix(xi, u0sq), "Born matrix", GridOptions.defaults());
        return new Kubo(l).conductivity(a, b).fermiSurface();
    }

    /** Richardson: linear extrapolation in 1/(ε_Fτ) ∝ u₀² from u₀² and u₀²/2. */
    public static double kuboExtrapolated(double xi, double u0sq, int a, int b) {
        return 2 * kubo(xi, u0sq / 2, a, b) - kubo(xi, u0sq, a, b);
    }

    /** σ_{current, field} (e²/h) from the Kubo ladder with the paper's Born matrix, typed axes. */
    public static double kubo(double xi, double u0sq, org.diffuson.model.Axis current, org.diffuson.model.Axis field) {
        return kubo(xi, u0sq, current.index(), field.index());
    }

    /** Richardson extrapolation to u₀² → 0 of {@link #kubo(double, double, org.diffuson.model.Axis, org.diffuson.model.Axis)}. */
    public static double kuboExtrapolated(double xi, double u0sq, org.diffuson.model.Axis current, org.diffuson.model.Axis field) {
        return kuboExtrapolated(xi, u0sq, current.index(), field.index());
    }

    /** Boltzmann total σ_yx = 4ξ(1+ξ²)/(1+3ξ²)² (seed 002 Eq. 86), e²/h. */
    public static double boltzmannTotal(double xi) { return total(xi); }

    static double total(double xi) { return 4 * xi * (1 + xi * xi) / Math.pow(1 + 3 * xi * xi, 2); }

    /** N1: the σ_yx contributions and the total vs ε_F/M, with Kubo ladder points (extrapolated) overlaid. */
    public static Figure n1(Progress p) {
        double[] x = Sweep.logspace(1.05, 10, 60);
        Table t = Sweep.run("N1 anomalous Hall contributions", "εF/M", x, r -> {
            BoltzmannResult b = boltzmann(1 / r, 0.05, SkewForm.B);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("intrinsic", b.sigma(Term.INTRINSIC).yx());
            m.put("extrinsic velocity", b.sigma(Term.EXTRINSIC).yx());
            m.put("side jump", b.sigma(Term.SIDE_JUMP).yx());
            m.put("skew", b.sigma(Term.SKEW).yx());
            m.put("total", b.total().yx() - b.sigma(Term.DRUDE).yx());
            m.put("4ξ(1+ξ²)/(1+3ξ²)²", total(1 / r));
            return m;
        }, p);
        double[] kx = {1.25, 2, 2.5, 4, 6, 10};
        Table k = Sweep.run("N1 Kubo points", "εF/M", kx, r -> Map.of("Kubo ladder (extrapolated)", kuboExtrapolated(1 / r, 0.05, 1, 0)), p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("N1: σ_yx of the massive Dirac model (e²/h), Boltzmann vs Kubo").logXAxis()
                .yLabel("σ_yx (e²/h)").size(760, 460), "εF/M", "intrinsic", "extrinsic velocity", "side jump", "skew", "total");
        Plots.addSeries(c, "Kubo ladder (extrapolated)", kx, k.doubleColumn("Kubo ladder (extrapolated)").asDoubleArray(), true)
                .getSeriesMap().get("Kubo ladder (extrapolated)").setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        return new Figure("N1", "Boltzmann: intrinsic ξ/2, extrinsic velocity = side jump = ξ(1−ξ²)/(1+3ξ²), skew (3/2)ξ(1−ξ²)²/(1+3ξ²)²; "
                + "their sum equals the non-crossing Kubo ladder extrapolated to weak disorder (points).", t, c);
    }

    /** N2: Kubo → Boltzmann as 1/(ε_Fτ) → 0 at ξ = 0.4, for σ_yx and σ_xx/σ_xx^Boltzmann. */
    public static Figure n2(Progress p) {
        double xi = 0.4;
        double[] u = {0.2, 0.1, 0.05, 0.025, 0.0125};
        double[] inv = new double[u.length];
        for (int i = 0; i < u.length; i++) inv[i] = u[i] * EF / 2; // 1/(ε_Fτ) = u₀²ρπ/ε_F = u₀²/2
        Table t = Sweep.run("N2 Kubo vs Boltzmann", "1/(εFτ)", inv, v -> {
            double u0 = 2 * v / EF;
            double boltzXX = 2 * (1 - xi * xi) / (u0 * (1 + 3 * xi * xi));
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("Kubo σ_yx", kubo(xi, u0, 1, 0));
            m.put("Boltzmann σ_yx", total(xi));
            m.put("Kubo σ_xx / Boltzmann σ_xx", kubo(xi, u0, 0, 0) / boltzXX);
            m.put("1", 1.0);
            return m;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("N2: Kubo ladder → Boltzmann as 1/(εFτ) → 0 (ξ = 0.4)").withMarkers().yLabel(""),
                "1/(εFτ)", "Kubo σ_yx", "Boltzmann σ_yx", "Kubo σ_xx / Boltzmann σ_xx", "1");
        return new Figure("N2", "The corrections are linear in 1/(εFτ): Richardson from the last two points gives 0.8472 vs 0.847334 for σ_yx.", t, c);
    }

    /** N3: skew term in form A (paper eqs 17/18 literal) vs form B (exact steady state), with the closed form. */
    public static Figure n3(Progress p) {
        double[] xi = Sweep.linspace(0.05, 0.95, 37);
        Table t = Sweep.run("N3 skew scattering, forms A and B", "ξ", xi, x -> {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("form B", boltzmann(x, 0.05, SkewForm.B).sigma(Term.SKEW).yx());
            m.put("form A", boltzmann(x, 0.05, SkewForm.A).sigma(Term.SKEW).yx());
            m.put("(3/2)ξ(1−ξ²)²/(1+3ξ²)²", 1.5 * x * Math.pow(1 - x * x, 2) / Math.pow(1 + 3 * x * x, 2));
            return m;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("N3: skew-scattering σ_yx, collision-integral forms A and B").yLabel("σ_yx^sk (e²/h)"),
                "ξ", "form B", "form A", "(3/2)ξ(1−ξ²)²/(1+3ξ²)²");
        return new Figure("N3", "Form A (the paper's eqs 17/18 applied to the off-diagonal S′) gives exactly one third of eq 85; form B reproduces it.", t, c);
    }

    /** N4: β, n^sj and n^sk on the Fermi ring (conduction band) at ξ = 0.4. */
    public static Figure n4() {
        ShellProfile s = boltzmann(0.4, 0.05, SkewForm.B).fermiShell();
        Table full = org.diffuson.table.Tables.tablesaw(s.toTable());
        Table t = full.where(full.intColumn("band").isEqualTo(full.intColumn("band").get(0)));
        t.setName("N4 pointwise quantities on the conduction ring, ξ = 0.4");
        XYChart c = Plots.line(t, Plots.Style.defaults().title("N4: β, n^sj, n^sk on the Fermi ring (ξ = 0.4, u0² = 0.05, E ∥ x)").xLabel("θ").yLabel(""),
                "theta", "beta_x", "beta_y", "nsj_Ex", "nsk_Ex");
        return new Figure("N4", "All ∝ θ̂ = ẑ×k̂ (side jump, skew) or follow β ∝ θ̂ (eqs 77, 81, 84); invariant under random eigenvector phases.", t, c);
    }

    /** N5: spin response and torque vs ε_F at M = 0.4: Edelstein (∝ τ) and the O(τ⁰) terms. */
    public static Figure n5(Progress p) {
        double m = 0.4, u0 = 0.05;
        double[] ef = Sweep.linspace(0.45, 3, 41);
        Table t = Sweep.run("N5 spin density and torque", "εF", ef, e -> {
            Model mod = Preset.DIRAC.with("M", m).with("gamma", u0).build();
            BoltzmannResult b = BoltzmannSolver.builder(mod.hamiltonian()).disorder(u0).kMax(mod.cutoff()).build().solve(e);
            SpinResponse edel = b.spin(Term.DRUDE), tot = b.totalSpin();
            SpinResponse rest = new SpinResponse(tot.xx() - edel.xx(), tot.xy() - edel.xy(), tot.yx() - edel.yx(), tot.yy() - edel.yy(), tot.zx() - edel.zx(), tot.zy() - edel.zy());
            double[] torque = tot.torque(m, 0, 0, 1, 1, 0);
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("Edelstein ⟨s_y⟩/E_x", edel.yx());
            r.put("O(τ⁰) ⟨s_x⟩/E_x", rest.xx());
            r.put("torque T_x/E_x", torque[0]);
            r.put("torque T_y/E_x", torque[1]);
            return r;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("N5: current-induced spin density and torque (M = 0.4, u0² = 0.05)").yLabel("per unit field"),
                "εF", "Edelstein ⟨s_y⟩/E_x", "O(τ⁰) ⟨s_x⟩/E_x", "torque T_x/E_x", "torque T_y/E_x");
        return new Figure("N5", "The dissipative Edelstein term ∝ τ (field-like torque) and the τ⁰ terms ∥ E (damping-like torque), eqs 90–105.", t, c);
    }

    public static List<Figure> all(Progress p) { return List.of(n1(p), n2(p), n3(p), n4(), n5(p)); }

    /** Writes N1–N5 (SVG, PDF, PNG) into the given folder (default notebooks/figures). */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "notebooks/figures");
        for (Figure f : all(Progress.console())) System.out.println(f.id() + " → " + f.save(dir));
    }
}
