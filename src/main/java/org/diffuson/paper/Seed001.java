package org.diffuson.paper;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.SphereRule;
import org.diffuson.kinetic.AnomalousVelocity;
import org.diffuson.kinetic.MomentClosedForms;
import org.diffuson.kinetic.KineticSolver;
import org.diffuson.kinetic.PhaseShiftMap;
import org.diffuson.kinetic.SpinChargeCoefficients;
import org.diffuson.kinetic.SpinDiffusionSlab;
import org.diffuson.kinetic.ThreeChannelFormulas;
import org.diffuson.plot.DisplayList;
import org.diffuson.plot.Plots;
import org.diffuson.plot.PngWriter;
import org.diffuson.scattering.BornPotential;
import org.diffuson.scattering.HostMetal;
import org.diffuson.scattering.PartialWaveTMatrix;
import org.diffuson.scattering.PhaseShifts;
import org.diffuson.scattering.ResonantLevel;
import org.diffuson.sweep.Progress;
import org.diffuson.sweep.Sweep;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures for seed 001 (Huang, Tokatly, Cazalilla: Kondo-enhanced spin–charge conversion):
 * the paper itself has no data figures. Host k_F = m = 1 (ħ = 1), so σ_sH is in units of e k_F (Pauli spin current
 * j↑ − j↓, S23-literal Ω's), rates in units of x = ε_F r, r = n_imp/n_c.
 */
public final class Seed001 {
    private Seed001() {}

    static final HostMetal H = HostMetal.unit();

    /** Full kinetic solve of the 3-channel model. */
    public static SpinChargeCoefficients solve(double e0, double e1, double e2, double r) {
        return KineticSolver.solve(new PartialWaveTMatrix(PhaseShifts.threeChannel(e0, e1, e2), H), r * H.carrierDensity());
    }

    /** A: the Kondo resonance η(ε) of the doublet (N = 2, q = ½) and the quartet (N = 4, q = ¼) vs (ε − ε_F)/T_K. */
    public static Figure resonance() {
        double[] x = Sweep.linspace(-10, 10, 201);
        ResonantLevel d = ResonantLevel.kondo(1, 0.1, 0.5), q = ResonantLevel.kondo(1, 0.1, 0.25);
        double tkD = ResonantLevel.kondoTemperature(1, 0.1, 0.5), tkQ = ResonantLevel.kondoTemperature(1, 0.1, 0.25);
        Table t = Sweep.run("A Kondo resonance phase shift", "(ε−εF)/T_K", x, v -> {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("doublet η/π (q=1/2)", d.phaseShift(1 + v * tkD) / Math.PI);
            m.put("quartet η/π (q=1/4)", q.phaseShift(1 + v * tkQ) / Math.PI);
            return m;
        }, Progress.NONE, false);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("A: Kondo resonance η(ε) = atan2(Γ, λ − ε)").xLabel("(ε − ε_F)/T_K").yLabel("η/π"),
                "(ε−εF)/T_K", "doublet η/π (q=1/2)", "quartet η/π (q=1/4)");
        c.getStyler().setXAxisMin(-10.0).setXAxisMax(10.0).setYAxisMin(0.0).setYAxisMax(1.0);
        return new Figure("seed001-A-resonance", "Friedel: η(ε_F) = πq, i.e. π/2 for the Kondo doublet and π/4 for the quartet (S154, S160–S161); "
                + "each level is a Lorentzian of width Γ = T_K sin πq at λ = ε_F + T_K cos πq.", t, c);
    }

    /** B: σ_sH/(ek_F) vs η₁ at η₀ = η₂ = 0: flat at 4/9π² for every r (Eq. 18). */
    public static Figure kondoPlateau(Progress p) {
        double[] x = Sweep.linspace(0.02, 0.98, 49);
        Table t = Sweep.run("B σ_sH vs η1 at η0 = η2 = 0", "η1/π", x, u -> {
            double e1 = Math.PI * u;
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("full solve, r = 0.01", solve(0, e1, 0, 0.01).sigmaSHOverKF());
            m.put("full solve, r = 0.1", solve(0, e1, 0, 0.1).sigmaSHOverKF());
            m.put("Eq. 18: 4/9π²", ThreeChannelFormulas.kondoSpinHallOverKF());
            return m;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("B: pure side jump vs η1 (η0 = η2 = 0)").xLabel("η1 / π").yLabel("σ_sH / (e k_F)"),
                "η1/π", "full solve, r = 0.01", "full solve, r = 0.1", "Eq. 18: 4/9π²");
        style(c, "Eq. 18: 4/9π²", true);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(0.06).setXAxisMin(0.0).setXAxisMax(1.0);
        return new Figure("seed001-B-kondo-plateau", "The side-jump spin Hall conductivity 4e k_F/9π² = 0.04503 e k_F is independent of η1 and of n_imp "
                + "(Dθ_sH = −D(Ω_cs + Ω_sc) has no Ω² terms); both full-solve curves lie on the Eq. 18 line.", t, c);
    }

    /** C: side-jump vs skew crossover: σ_sH vs η₀ at η₁ = π/2, η₂ = 0 for r = 0.01, 0.05, 0.1. */
    public static Figure crossover(Progress p) {
        double[] x = Sweep.linspace(-0.2, 0.2, 41);
        double[] rs = {0.01, 0.05, 0.1};
        Table t = Sweep.run("C side-jump/skew crossover", "η0", x, e0 -> {
            Map<String, Double> m = new LinkedHashMap<>();
            for (double r : rs) m.put("full solve, r = " + r, solve(e0, Math.PI / 2, 0, r).sigmaSHOverKF());
            for (double r : rs) m.put("Eq.18 + 2×Eq.19, r = " + r, ThreeChannelFormulas.kondoSpinHallOverKF() + 2 * ThreeChannelFormulas.skewSpinHallPrintedOverKF(e0, r));
            return m;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("C: side jump vs skew, σ_sH vs η0 (η1 = π/2, η2 = 0)").xLabel("η0 (rad)")
                        .yLabel("σ_sH / (e k_F)").size(760, 460),
                "η0", t.columnNames().subList(1, t.columnCount()).toArray(new String[0]));
        for (double r : rs) style(c, "Eq.18 + 2×Eq.19, r = " + r, true);
        c.getStyler().setYAxisMin(-0.6).setYAxisMax(0.6);
        return new Figure("seed001-C-crossover", "Skew scattering (∝ η0 n_c/n_imp) dominates unless η0 is small; the sign change of σ_sH "
                + "(side jump = skew) is at r* ≈ 3πη0/8 in the S23 convention (the paper's 'n_imp/n_c ≈ 5 %' for η0 = 0.1 uses its printed "
                + "normalisation). Dashed: leading order 4/9π² − η0/(6πr).", t, c);
    }

    /** D1: D_s^L/D_s^T − 1 vs η₀ (η₂ = 0) at r = 0.01: full solve, Eq. 20 as printed, corrected expansion. */
    public static Figure anisotropyEta0(Progress p) {
        double r = 0.01;
        double[] x = Sweep.linspace(-0.1, 0.1, 41);
        Table t = Sweep.run("D1 anisotropy vs η0", "η0", x, e0 -> {
            SpinChargeCoefficients s = solve(e0, Math.PI / 2, 0, r);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("full solve", 1e3 * (s.dsL() / s.dsT() - 1));
            m.put("Eq. 20 as printed", 1e3 * (ThreeChannelFormulas.anisotropyEq20Printed(e0, 0, r) - 1));
            m.put("corrected 4η0²/9 − 16rη0/27π", 1e3 * (ThreeChannelFormulas.anisotropyCorrected(e0, r) - 1));
            return m;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("D1: anisotropy vs η0 (η1 = π/2, η2 = 0, r = 0.01)").xLabel("η0 (rad)").yLabel("(D_s^L/D_s^T − 1) × 10³"),
                "η0", "full solve", "Eq. 20 as printed", "corrected 4η0²/9 − 16rη0/27π");
        style(c, "Eq. 20 as printed", true);
        style(c, "corrected 4η0²/9 − 16rη0/27π", true);
        c.getStyler().setXAxisMin(-0.1).setXAxisMax(0.1);
        return new Figure("seed001-D1-anisotropy-eta0", "The robust part is 4η0²/9 = θ_sk²; the linear term is −(16/27π)rη0, not Eq. 20's −(8/9π)rη0.", t, c);
    }

    /** D2: D_s^L/D_s^T − 1 vs η₂ (η₀ = 0) at r = 0.01: Eq. 20 predicts a linear η₂ term that is absent. */
    public static Figure anisotropyEta2(Progress p) {
        double r = 0.01;
        double[] x = Sweep.linspace(-0.1, 0.1, 41);
        Table t = Sweep.run("D2 anisotropy vs η2", "η2", x, e2 -> {
            SpinChargeCoefficients s = solve(0, Math.PI / 2, e2, r);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("full solve", 1e3 * (s.dsL() / s.dsT() - 1));
            m.put("Eq. 20 as printed", 1e3 * (ThreeChannelFormulas.anisotropyEq20Printed(0, e2, r) - 1));
            return m;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("D2: anisotropy vs η2 (η0 = 0, η1 = π/2, r = 0.01)").xLabel("η2 (rad)").yLabel("(D_s^L/D_s^T − 1) × 10³"),
                "η2", "full solve", "Eq. 20 as printed");
        style(c, "Eq. 20 as printed", true);
        c.getStyler().setXAxisMin(-0.1).setXAxisMax(0.1);
        return new Figure("seed001-D2-anisotropy-eta2", "Eq. 20's −(8r/3π)η2 term does not exist: with η0 = 0 the full solve stays within 1e−5 of isotropy.", t, c);
    }

    /** E: D_c, D₀, D₁, D₂ (in units of D) vs η₀ at r = 0.05: full solve vs Eqs. 11–14 with the printed Ω's (S98–S103). */
    public static Figure printedVsCorrected(Progress p) {
        double r = 0.05, e2 = 0.05;
        double[] x = Sweep.linspace(-0.3, 0.3, 31);
        Table t = Sweep.run("E coefficients, full solve vs printed", "η0", x, e0 -> {
            SpinChargeCoefficients s = solve(e0, Math.PI / 2, e2, r);
            ThreeChannelFormulas.Rates pr = ThreeChannelFormulas.printed(e0, Math.PI / 2, e2, H, r);
            MomentClosedForms.Inputs in = MomentClosedForms.Inputs.of(s);
            MomentClosedForms.Result lp = MomentClosedForms.linear(new MomentClosedForms.Inputs(in.d(), in.thetaSk(), in.gamma0(), in.gamma1(), in.gamma2(),
                    pr.omegaC(), pr.omegaCs(), pr.omegaSc(), pr.omega0(), pr.omega1(), pr.omega2()));
            double d = s.diffusionConstant();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("D_c/D", s.dc() / d);
            m.put("D0/D", s.d0() / d);
            m.put("D1/D", s.d1() / d);
            m.put("D2/D", s.d2() / d);
            m.put("D_c/D printed Ω", lp.dc() / d);
            m.put("D0/D printed Ω", lp.d0() / d);
            m.put("D1/D printed Ω", lp.d1() / d);
            m.put("D2/D printed Ω", lp.d2() / d);
            return m;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("E: D_m/D vs η0 (η1 = π/2, η2 = 0.05, r = 0.05)").xLabel("η0 (rad)").yLabel("D_m / D").size(760, 460),
                "η0", "D_c/D", "D0/D", "D1/D", "D2/D", "D_c/D printed Ω", "D0/D printed Ω", "D1/D printed Ω", "D2/D printed Ω");
        Color[] pal = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7)};
        String[] names = {"D_c/D", "D0/D", "D1/D", "D2/D"};
        for (int i = 0; i < 4; i++) {
            c.getSeriesMap().get(names[i]).setLineColor(pal[i]);
            style(c, names[i] + " printed Ω", true);
            c.getSeriesMap().get(names[i] + " printed Ω").setLineColor(pal[i]);
        }
        return new Figure("seed001-E-printed-vs-corrected", "Solid: full kinetic solve (= exact S67–S71 with the S23 Ω's). Dashed: the paper's Eqs. 11–14 "
                + "with its printed Ω's (S98–S103: twice the S23 values, Ω_cs ↔ Ω_sc): off by O(r).", t, c);
    }

    /** F1: Born point impurity, σ_sH/(2eγn_c) vs γk_F² (textbook side jump 2eλn_c, λ = −γ). */
    public static Figure bornSideJump(Progress p) {
        double[] g = Sweep.logspace(1e-3, 0.3, 25);
        Table t = Sweep.run("F1 Born side jump", "γ k_F²", g, gv -> {
            SpinChargeCoefficients s = KineticSolver.solve(BornPotential.point(H, 0.3, gv), 0.01 * H.carrierDensity());
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("full solve", s.sigmaSH(SpinChargeCoefficients.SpinCurrentUnit.PAULI) / (2 * gv * H.carrierDensity()));
            m.put("1 − γk_F²/3", 1 - gv / 3);
            m.put("Ω_cs/Ω_sc (velocity/distribution)", s.omegaCs() / s.omegaSc());
            return m;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("F1: Born side jump, σ_sH/(2eγn_c)").logXAxis().xLabel("γ k_F²").yLabel("ratio"),
                "γ k_F²", "full solve", "1 − γk_F²/3", "Ω_cs/Ω_sc (velocity/distribution)");
        style(c, "1 − γk_F²/3", true);
        return new Figure("seed001-F1-born-side-jump", "The kinetic theory reproduces the textbook side jump σ_sH = 2eγn_c (independent of U and n_imp) as γ → 0, "
                + "split equally between anomalous velocity (Ω_cs) and anomalous distribution (Ω_sc).", t, c);
    }

    /** F2: Gaussian Born U(q) = U₀e^{−q²a²/2}: |ω|/|ω_Levy| = τ_qp/τ_tr vs k_F a. */
    public static Figure anomalousVelocity(Progress p) {
        double[] ka = Sweep.linspace(0.0, 3.0, 31);
        SphereRule rule = SphereRule.of(48, 96);
        Table t = Sweep.run("F2 anomalous velocity", "k_F a", ka, a -> {
            BornPotential b = BornPotential.gaussian(H, 0.5, 1e-6, a);
            double[] w = AnomalousVelocity.of(b, 1e-3, new double[]{1, 0, 0}, true, rule);
            double[] wl = AnomalousVelocity.levy(b, 1e-3, new double[]{1, 0, 0}, true, rule);
            double[] rates = AnomalousVelocity.bornRates(b, 1e-3, rule);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("|ω| / |ω_Levy| (S39 vs S42)", Math.abs(w[1] / wl[1]));
            m.put("τ_qp/τ_tr", rates[0] / rates[1]);
            return m;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("F2: anomalous velocity, D_pk (S39) vs Levy ∇_k (S42)").xLabel("k_F a").yLabel("ratio"),
                "k_F a", "|ω| / |ω_Levy| (S39 vs S42)", "τ_qp/τ_tr");
        style(c, "τ_qp/τ_tr", true);
        return new Figure("seed001-F2-anomalous-velocity", "For a point impurity the two agree; for a finite-range potential ω ∝ 1/τ_tr while Levy's ∝ 1/τ_qp (S46–S50).", t, c);
    }

    /** G: map of θ_sH over (η₀, η₁) at η₂ = 0, r = 0.01, n × n points (parallel, with progress). */
    public static PhaseShiftMap.Result thetaMap(int n, java.util.function.IntConsumer progress) {
        if (n < 2) throw new DiffusonException("n", "map needs ≥ 2 points per axis, got " + n, "use 50–100");
        double[] a = Sweep.linspace(-0.5, 0.5, n), b = Sweep.linspace(0.02, Math.PI - 0.02, n);
        return PhaseShiftMap.compute(H, 0.01, new PhaseShiftMap.Axes(0, 1), a, b, new double[]{0, 0, 0}, progress);
    }

    /** The heat map of θ_sH from {@link #thetaMap} (first axis horizontal), colour scale symmetric about 0. */
    public static HeatMapChart thetaMapChart(PhaseShiftMap.Result m) {
        String[] names = {"η0", "η1", "η2"};
        HeatMapChart c = new HeatMapChartBuilder().width(660).height(540)
                .title("G: θ_sH over (" + names[m.axes().first()] + ", " + names[m.axes().second()] + "), r = " + m.r())
                .xAxisTitle(names[m.axes().first()] + (m.axes().first() == 1 ? " / π" : " (rad)"))
                .yAxisTitle(names[m.axes().second()] + (m.axes().second() == 1 ? " / π" : " (rad)")).build();
        double[][] th = m.thetaSH();
        int na = m.a().length, nb = m.b().length;
        boolean[] inPi = {false, true, false};
        java.util.List<String> xs = labels(m.a(), inPi[m.axes().first()] ? Math.PI : 1, 0.1),
                ys = labels(m.b(), inPi[m.axes().second()] ? Math.PI : 1, inPi[m.axes().second()] ? 0.1 : 0.1);
        java.util.List<Number[]> heat = new java.util.ArrayList<>();
        double lim = 0;
        for (int i = 0; i < na; i++)
            for (int j = 0; j < nb; j++) {
                heat.add(new Number[]{i, j, th[i][j]});
                lim = Math.max(lim, Math.abs(th[i][j]));
            }
        c.getStyler().setRangeColors(new Color[]{new Color(0x2166ac), new Color(0x92c5de), new Color(0xf7f7f7), new Color(0xf4a582), new Color(0xb2182b)});
        c.getStyler().setPlotContentSize(1.0);
        c.getStyler().setShowValue(false);
        c.getStyler().setDrawBorder(false);
        c.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(java.util.Locale.ROOT, "%+.3f", v));
        c.getStyler().setHeatMapValueDecimalPattern("+0.000;-0.000");
        lim = Math.ceil(lim * 100) / 100; // round legend ends
        c.getStyler().setMin(-lim);
        c.getStyler().setMax(lim);
        c.addSeries("θ_sH", xs, ys, heat);
        return c;
    }

    /** Axis labels: the node nearest to each multiple of {@code tick} (in units of {@code scale}) is labelled, the rest blank. */
    private static java.util.List<String> labels(double[] v, double scale, double tick) {
        String[] lab = new String[v.length];
        double lo = v[0] / scale, hi = v[v.length - 1] / scale;
        for (long m = (long) Math.ceil(lo / tick - 1e-9); m * tick <= hi + 1e-9; m++) {
            int best = 0;
            for (int i = 1; i < v.length; i++) if (Math.abs(v[i] / scale - m * tick) < Math.abs(v[best] / scale - m * tick)) best = i;
            lab[best] = String.format(java.util.Locale.ROOT, "%.2f", m * tick);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.length; i++) out.add(lab[i] != null ? lab[i] : "\u200b".repeat(i + 1));
        return out;
    }

    /** A table (η0, η2, θ_sH, σ_sH/ek_F) of the map. */
    public static Table thetaMapTable(PhaseShiftMap.Result m) {
        double[] a = m.a(), b = m.b();
        int na = a.length, nb = b.length;
        double[] e0 = new double[na * nb], e2 = new double[na * nb], th = new double[na * nb], sg = new double[na * nb];
        double[][] t = m.thetaSH(), s = m.sigmaSHOverKF();
        for (int i = 0; i < na; i++)
            for (int j = 0; j < nb; j++) {
                int k = i * nb + j;
                e0[k] = a[i]; e2[k] = b[j]; th[k] = t[i][j]; sg[k] = s[i][j];
            }
        return Table.create("θ_sH map", DoubleColumn.create("η0", e0), DoubleColumn.create("η2", e2), DoubleColumn.create("θ_sH", th), DoubleColumn.create("σ_sH/(e k_F)", sg));
    }

    /** H: spin Hall accumulation across a slab of width 4λ_T at the Kondo point with η0 = 0.1: solver vs analytic. */
    public static Figure slab() {
        SpinChargeCoefficients s = solve(0.1, Math.PI / 2, 0.05, 0.01);
        SpinDiffusionSlab.Params par = SpinDiffusionSlab.Params.of(s, 4 * s.lambdaT());
        SpinDiffusionSlab.Profile pr = SpinDiffusionSlab.spinHall(par, 1e-4, 48);
        double[] xs = pr.x().clone();
        double[] num = pr.s()[2].clone(), an = new double[xs.length], xl = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            an[i] = pr.analyticSpinHall(xs[i]) * 1e4;
            num[i] *= 1e4;
            xl[i] = xs[i] / par.lambdaT();
        }
        Table t = Table.create("H spin Hall accumulation", DoubleColumn.create("x/λ_T", xl), DoubleColumn.create("s_z × 10⁴ (Chebyshev)", num),
                DoubleColumn.create("s_z × 10⁴ (analytic)", an));
        XYChart c = Plots.line(t, Plots.Style.defaults().title("H: spin Hall accumulation, slab W = 4λ_T").xLabel("x / λ_T").yLabel("s_z × 10⁴ (per-spin density, k_F³)"),
                "x/λ_T", "s_z × 10⁴ (Chebyshev)", "s_z × 10⁴ (analytic)");
        c.getSeriesMap().get("s_z × 10⁴ (Chebyshev)").setMarker(SeriesMarkers.CIRCLE).setLineStyle(SeriesLines.NONE);
        return new Figure("seed001-H-slab", String.format(java.util.Locale.ROOT,
                "η = (0.1, π/2, 0.05), r = 0.01: λ_T = %.1f/k_F, edge accumulation s_z(W/2) = %.3e; the inverse spin Hall effect raises the width-averaged "
                        + "conductance by %.2e (relative).", par.lambdaT(), pr.edgeAccumulation(), pr.conductanceRatio() - 1), t, c);
    }

    /** Writes any XChart (e.g. a heat map) as id.svg, id.pdf, id.png (200 dpi) into dir. */
    public static Path saveChart(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path dir, String id) {
        try {
            Files.createDirectories(dir);
            DisplayList list = Plots.record(chart);
            Path b = dir.resolve(id);
            if (list.isExact()) {
                Files.writeString(Path.of(b + ".svg"), list.toSvg());
                Files.write(Path.of(b + ".pdf"), list.toPdf(chart.getTitle()));
                Files.write(Path.of(b + ".png"), PngWriter.encode(list.raster(200 / 72.0), 6, 200));
            } else {
                org.knowm.xchart.VectorGraphicsEncoder.saveVectorGraphic(chart, b.toString(), org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                org.knowm.xchart.VectorGraphicsEncoder.saveVectorGraphic(chart, b.toString(), org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat.PDF);
                org.knowm.xchart.BitmapEncoder.saveBitmapWithDPI(chart, b.toString(), org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG, 200);
            }
            return Path.of(b + ".svg");
        } catch (IOException e) {
            throw new DiffusonException("dir", "cannot write " + dir + ": " + e.getMessage(), "check that the folder is writable");
        }
    }

    private static void style(XYChart c, String series, boolean dashed) {
        var s = c.getSeriesMap().get(series);
        if (s != null && dashed) s.setLineStyle(SeriesLines.DASH_DASH);
    }
}
