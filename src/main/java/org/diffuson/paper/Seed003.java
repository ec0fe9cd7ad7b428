package org.diffuson.paper;

import org.diffuson.plot.Plots;
import org.diffuson.usadel.Boundary;
import org.diffuson.usadel.Bulk;
import org.diffuson.usadel.GapEquation;
import org.diffuson.usadel.Junction;
import org.diffuson.usadel.JunctionSolution;
import org.diffuson.usadel.Distribution;
import org.diffuson.usadel.Kinetic;
import org.diffuson.usadel.Layer;
import org.diffuson.usadel.PointImpurity;
import org.diffuson.usadel.SpinOrbitCoefficients;
import org.diffuson.usadel.Vortex;
import org.hipparchus.complex.Complex;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Figures N1–N10 of seed 003 (Huang, Tokatly, Bergeret 2018): the paper itself has no data
 * plots. Each builder takes the figure's physical parameters, computes with {@code org.diffuson.usadel} and returns a
 * {@link Figure} (table + chart). ħ = k_B = 1; units are stated on each axis.
 */
public final class Seed003 {
    private Seed003() {
    }

    static Table table(String name, String x, double[] xs, Map<String, double[]> cols) {
        Table t = Table.create(name, DoubleColumn.create(x, xs));
        for (Map.Entry<String, double[]> e : cols.entrySet()) t.addColumns(DoubleColumn.create(e.getKey(), e.getValue()));
        return t;
    }

    static double[] linspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = a + (b - a) * i / (n - 1);
        return v;
    }

    /** N1: |θ|, |κ| and their parts vs p_F a (m = p_F = 1, λ²p_F² = 0.01, n_im = 0.002; log-abs axis). */
    public static Figure n1(double socStrength, double density) {
        double[] a = new double[200];       // cell midpoints: p_F a = 0 (no scattering, τ = ∞) is excluded
        for (int i = 0; i < a.length; i++) a[i] = -10 + 20 * (i + 0.5) / a.length;
        String[] names = {"|θ|", "|θ skew|", "|θ side jump|", "|κ|", "|κ local|", "|κ nonlocal|"};
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String n : names) cols.put(n, new double[a.length]);
        double kappaZero = Double.NaN;
        double prev = Double.NaN;
        for (int i = 0; i < a.length; i++) {
            SpinOrbitCoefficients c = new PointImpurity(1, 1, a[i], density, socStrength).coefficients();
            double[] v = {c.theta(), c.thetaSkew(), c.thetaSideJump(), c.kappa(), c.kappaLocal(), c.kappaNonlocal()};
            for (int k = 0; k < v.length; k++) cols.get(names[k])[i] = Math.abs(v[k]);
            if (i > 0 && prev * c.kappa() < 0) kappaZero = a[i];
            prev = c.kappa();
        }
        if (Double.isNaN(kappaZero)) {      // κ = 0 where p_F a = p_F l/3: solve the fixed point
            double z = 1;
            for (int i = 0; i < 200; i++) z = new PointImpurity(1, 1, z, density, socStrength).pFl() / 3;
            kappaZero = z;
        }
        Table t = table("N1 θ and κ vs p_F a", "p_F a", a, cols);
        XYChart ch = Plots.line(t, Plots.Style.defaults().title("N1: spin Hall angle θ and swapping κ (λ²p_F² = "
                + socStrength + ")").xLabel("p_F a").yLabel("|coefficient|").logYAxis(), "p_F a", names);
        return new Figure("N1", String.format(Locale.ROOT, "θ = (2/3)ω2τ + 2ω1τ/(p_F l) and κ = (2/3)ω1τ − 2ω2τ/(p_F l) "
                + "(Eqs. 4–5) vs scattering length (m = p_F = 1, n_im = %.3g); κ changes sign at p_F a = p_F l/3 ≈ %.2f%s.",
                density, kappaZero, Math.abs(kappaZero) > 10 ? " (outside the plotted range; |κ| falls towards it)"
                        : ", where |κ| dips"),
                t, ch);
    }

    /** N2: Δ(T)/Δ0 vs T/T_c (cutoff-free gap equation). */
    public static Figure n2(int points) {
        double[] t = linspace(0.01, 1, points);
        double[] d = GapEquation.bcsGapCurve(t);
        for (int i = 0; i < d.length; i++) d[i] /= GapEquation.DELTA0;
        Table tab = table("N2 Δ(T)", "T/T_c", t, Map.of("Δ/Δ0", d));
        XYChart ch = Plots.line(tab, Plots.Style.defaults().title("N2: BCS gap, Δ0/T_c = πe^{−γ} = 1.763877")
                .xLabel("T / T_c").yLabel("Δ(T) / Δ0"), "T/T_c", "Δ/Δ0");
        return new Figure("N2", "Δ(T)/Δ0 from the cutoff-free gap equation (Matsubara sum with analytic tail); "
                + "Δ0 = 1.763877 T_c.", tab, ch);
    }

    /** N3: bulk DOS for h = 0.3Δ and several 1/τ_so, η = 1e-3Δ. */
    public static Figure n3(double h, double[] rates, double eta) {
        double[] e = linspace(0, 2, 401);
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (double r : rates)
            cols.put(String.format(Locale.ROOT, "1/τ_so = %.1fΔ", r), Bulk.bcs(1).withField(h).withSpinRelaxation(r).dos(e, eta));
        Table t = table("N3 bulk DOS", "ε/Δ", e, cols);
        XYChart ch = Plots.line(t, Plots.Style.defaults().title(String.format(Locale.ROOT,
                "N3: DOS with exchange field h = %.1fΔ and EY relaxation (η = %.0eΔ)", h, eta))
                .xLabel("ε / Δ").yLabel("N(ε) / N_F"), "ε/Δ", cols.keySet().toArray(String[]::new));
        return new Figure("N3", "Zeeman-split BCS peaks at Δ ± h merge as 1/τ_so grows (coupled θ equations, "
                + "continued from above the gap).", t, ch);
    }

    /** N4: SNS midpoint DOS vs ε/E_Th (rigid Θ = π/2 electrodes, D = L = 1). */
    public static Figure n4(double eta, int points) {
        Junction sns = Junction.of(Boundary.rigid(Bulk.bcs(1e12)), Boundary.vacuum(), Layer.normal(0.5, 1));
        double[] e = linspace(0.05, 10, points);
        double[] n = sns.dos(e, eta, 0.5, Junction.Form.THETA);
        Table t = table("N4 SNS DOS", "ε/E_Th", e, Map.of("N(L/2)/N_F", n));
        XYChart ch = Plots.line(t, Plots.Style.defaults().title(String.format(Locale.ROOT,
                "N4: SNS minigap E_g = 3.1216 E_Th (η = %.0e E_Th)", eta)).xLabel("ε / E_Th (E_Th = D/L²)")
                .yLabel("N(L/2) / N_F"), "ε/E_Th", "N(L/2)/N_F");
        return new Figure("N4", "Midpoint DOS of a long SNS junction (Θ = π/2 at the electrodes): zero below "
                + "E_g = 3.1216 E_Th, the fold of the first integral.", t, ch);
    }

    /** N5: singlet and triplet amplitudes in S/F (row 19: D = 1, ω = 0.3, h = 2 in F only, Δ = 1). */
    public static Figure n5(double omega, double h) {
        Junction j = Junction.of(Boundary.rigid(Bulk.bcs(1)), Boundary.vacuum(), Layer.ferromagnet(12, 1, h).withMesh(12, 20));
        JunctionSolution s = j.matsubara(omega, Junction.Form.THETA);
        double xiF = Math.sqrt(1 / h);
        double[] x = linspace(0, 6 * xiF, 241);
        String[] names = {"Re f_s", "Im f_s", "Re f_t", "Im f_t"};
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String n : names) cols.put(n, new double[x.length]);
        double[] xr = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            Complex a = s.theta(x[i], 1).sin(), b = s.theta(x[i], -1).sin();
            Complex fs = a.add(b).multiply(new Complex(0, 0.5)), ft = a.subtract(b).multiply(new Complex(0, 0.5));
            cols.get("Re f_s")[i] = fs.getReal();
            cols.get("Im f_s")[i] = fs.getImaginary();
            cols.get("Re f_t")[i] = ft.getReal();
            cols.get("Im f_t")[i] = ft.getImaginary();
            xr[i] = x[i] / xiF;
        }
        Table t = table("N5 S/F amplitudes", "x/ξ_F", xr, cols);
        XYChart ch = Plots.line(t, Plots.Style.defaults().title(String.format(Locale.ROOT,
                "N5: S/F proximity, ω = %.1fΔ, h = %.0fΔ (ξ_F = √(D/h))", omega, h)).xLabel("x / ξ_F")
                .yLabel("anomalous amplitude"), "x/ξ_F", names);
        return new Figure("N5", "Singlet f_s = i(sinΘ₊ + sinΘ₋)/2 and triplet f_t = i(sinΘ₊ − sinΘ₋)/2 decay and "
                + "oscillate in F (exact kink solution Θ = 4 arctan[tan(Θ_S/4)e^{−kx}]).", t, ch);
    }

    /** N6: spin Hall accumulation S^z(y) across a normal strip, in units of θ J L_s/D, for several W/L_s. */
    public static Figure n6(double[] widths) {
        double[] u = linspace(-0.5, 0.5, 201);
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (double w : widths) {
            double[] v = new double[u.length];
            for (int i = 0; i < u.length; i++) v[i] = Math.sinh(u[i] * w) / Math.cosh(w / 2);
            cols.put(String.format(Locale.ROOT, "W = %.1f L_s", w), v);
        }
        Table t = table("N6 spin Hall strip", "y/W", u, cols);
        XYChart ch = Plots.line(t, Plots.Style.defaults().title("N6: spin accumulation S^z(y) across a strip (normal state)")
                .xLabel("y / W").yLabel("S^z / (θ J L_s / D)"), "y/W", cols.keySet().toArray(String[]::new));
        return new Figure("N6", "S^z(y) = θJL_s sinh(y/L_s)/(D cosh(W/2L_s)), L_s = √(Dτ_so); verified against the "
                + "matrix current (Eq. 2) and EY term (Eq. 70) by finite differences in NormalStateTest.", t, ch);
    }

    /** N7: vortex (row 21): Δ(r), Θ₊(r) and both torque projections vs r/ξ0. */
    public static Figure n7(double omega, double h) {
        Vortex.Solution s = new Vortex(1, 1, new double[]{h, 0, 0}, 0, Math::tanh, 1e-3, 12).solve(omega);
        double[] r = linspace(0.1, 5, 197);
        String[] names = {"Δ/Δ0", "Re Θ₊", "Im Θ₊", "Tr[στ3Ť]/κ", "Im Tr[σŤ]/θ"};
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String n : names) cols.put(n, new double[r.length]);
        double zero = Double.NaN, prev = Double.NaN;
        for (int i = 0; i < r.length; i++) {
            cols.get("Δ/Δ0")[i] = Math.tanh(r[i]);
            cols.get("Re Θ₊")[i] = s.theta(r[i], 1).getReal();
            cols.get("Im Θ₊")[i] = s.theta(r[i], 1).getImaginary();
            double k = s.torqueSigmaTau3PerKappa(r[i]).getReal();
            cols.get("Tr[στ3Ť]/κ")[i] = k;
            cols.get("Im Tr[σŤ]/θ")[i] = s.torqueSigmaPerTheta(r[i]).getImaginary();
            if (i > 0 && prev * k < 0) {
                double lo = r[i - 1], hi = r[i];
                for (int b = 0; b < 40; b++) {
                    double mid = 0.5 * (lo + hi);
                    if (s.torqueSigmaTau3PerKappa(mid).getReal() * prev > 0) lo = mid;
                    else hi = mid;
                }
                zero = 0.5 * (lo + hi);
            }
            prev = k;
        }
        Table t = table("N7 vortex", "r/ξ0", r, cols);
        XYChart ch = Plots.line(t, Plots.Style.defaults().title(String.format(Locale.ROOT,
                "N7: vortex n = 1, ω = %.3fΔ0, |h| = %.1fΔ0 ⟂ ẑ; torque along ẑ×ĥ", omega, h)).xLabel("r / ξ0 (ξ0 = √(D/Δ0))")
                .yLabel("dimensionless"), "r/ξ0", names);
        return new Figure("N7", String.format(Locale.ROOT, "Both torque projections point along ±ẑ×ĥ and decay away "
                + "from the core; the κ projection changes sign at r ≈ %.3f ξ0 (spec erratum: not 1.5 ξ0).", zero), t, ch);
    }

    /** N8: T_c(h)/T_c0 for several spin-relaxation rates (linearized, digamma form). */
    public static Figure n8(double[] rates) {
        double[] h = linspace(0, 2.5, 126);
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (double r : rates) {
            double[] v = new double[h.length];
            for (int i = 0; i < h.length; i++) v[i] = GapEquation.tc(h[i], r);
            cols.put(String.format(Locale.ROOT, "1/τ_so = %.0f T_c0", r), v);
        }
        // the true transition from the free energy (GapEquation.criticalField): first order (Chandrasekhar–Clogston)
        // where Ω_S = Ω_N before the gap closes, second order where the branch ends; for the two smallest rates (with
        // spin relaxation each free energy sums the coupled-spin bulk over the Matsubara axis: 3.7 s CPU per
        // temperature at T = 0.02 T_c0 and 1/τ_so = 1 T_c0, against 0.17 s at 1/τ_so = 0, T = 0.1 T_c0)
        double[] ts = linspace(0.02, 0.998, 34);
        Map<String, double[][]> omegaLines = new LinkedHashMap<>();
        for (int k = 0; k < Math.min(2, rates.length); k++) {
            double[] hc = new double[ts.length];
            for (int i = 0; i < ts.length; i++) hc[i] = GapEquation.criticalField(ts[i], rates[k]);
            omegaLines.put(String.format(Locale.ROOT, "from Ω, 1/τ_so = %.0f T_c0", rates[k]), new double[][]{hc, ts});
            // as a table column on the h grid: T at which h_c(T) = h (h_c decreases with T), NaN where no phase is SC
            double[] col = new double[h.length];
            for (int i = 0; i < h.length; i++) {
                col[i] = Double.NaN;
                if (h[i] <= hc[0] && h[i] >= hc[ts.length - 1])
                    for (int q = 0; q + 1 < ts.length; q++)
                        if (h[i] <= hc[q] && h[i] >= hc[q + 1]) {
                            col[i] = hc[q] == hc[q + 1] ? ts[q] : ts[q] + (ts[q + 1] - ts[q]) * (h[i] - hc[q]) / (hc[q + 1] - hc[q]);
                            break;
                        }
            }
            cols.put(String.format(Locale.ROOT, "T_c from Ω, 1/τ_so = %.0f T_c0", rates[k]), col);
        }
        Table t = table("N8 Tc(h)", "h/T_c0", h, cols);
        String[] linear = cols.keySet().stream().filter(c -> c.startsWith("1/τ_so")).toArray(String[]::new);
        XYChart ch = Plots.line(t, Plots.Style.defaults().title("N8: critical temperature vs exchange field")
                .xLabel("h / T_c0").yLabel("T_c / T_c0"), "h/T_c0", linear);
        for (Map.Entry<String, double[][]> e : omegaLines.entrySet())
            Plots.line(ch, e.getKey(), e.getValue()[0], e.getValue()[1])
                    .setLineStyle(new java.awt.BasicStroke(2.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND,
                            10f, new float[]{6f, 4f}, 0f));
        return new Figure("N8", "Solid: the linearized (second-order) line ln(T_c0/T) = 2πTΣ[1/ω − (ω+Γ)/(ω²+Γω+h²)], "
                + "Γ = 1/2τ_so, by digamma functions; spin relaxation protects superconductivity against the exchange "
                + "field. Dashed: the transition found from the free energy Ω_S − Ω_N = 2∫G dΔ (GapEquation.criticalField) "
                + "for the two smallest rates: below the tricritical point (T* ≈ 0.56 T_c0 at 1/τ_so = 0) it is first "
                + "order (Chandrasekhar–Clogston, h_c → Δ0/√2 = 1.247 T_c0 at T → 0) and lies at higher fields than the "
                + "linearized line; the solid 1/τ_so = 0 line drops to zero at its largest field (≈ 1.1 T_c0): its "
                + "re-entrant lower branch, not drawn, is only the supercooling limit of the normal state (→ Δ0/2 at "
                + "T → 0). Above the tricritical point the dashed and solid lines coincide (second order); spin "
                + "relaxation lowers T* and raises the first-order field.", t, ch);
    }

    /**
     * N9: differential conductance of a diffusive N | N(L) | S junction (transparent interface, rigid S of gap Δ,
     * normal reservoir biased at V) from the Keldysh kinetic equations: the re-entrance G(0) = G_N at T = 0, the
     * maximum near 5 E_Th, and its thermal smearing.
     */
    public static Figure n9(double gap, double vmax, int voltages, double[] temperatures) {
        Junction ns = Junction.of(Boundary.rigid(Bulk.bcs(0)), Boundary.rigid(Bulk.bcs(gap)), Layer.normal(1, 1));
        double tmax = 0;
        for (double t : temperatures) tmax = Math.max(tmax, t);
        Kinetic.Spectrum sp = Kinetic.spectrum(ns, Junction.Form.THETA, 1e-5, Kinetic.biasEnergies(vmax, tmax, 401));
        double[] v = linspace(0, vmax, voltages);
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (double t : temperatures)
            cols.put(String.format(Locale.ROOT, "T = %.2g E_Th", t), sp.iv(v, t).normalizedConductance());
        Table tab = table("N9 NS conductance", "eV/E_Th", v, cols);
        XYChart ch = Plots.line(tab, Plots.Style.defaults().title(String.format(Locale.ROOT,
                "N9: N|N|S re-entrance (Δ = %.0f E_Th, η = 1e-5 E_Th)", gap)).xLabel("eV / E_Th (E_Th = D/L²)")
                .yLabel("G / G_N"), "eV/E_Th", cols.keySet().toArray(String[]::new));
        double[] g0 = cols.values().iterator().next();
        int arg = 0;
        for (int i = 0; i < g0.length; i++) if (g0[i] > g0[arg]) arg = i;
        return new Figure("N9", String.format(Locale.ROOT, "Differential conductance of a diffusive normal wire "
                + "between a normal reservoir at voltage V and a superconductor (transparent interface), from the "
                + "Keldysh kinetic equation for f_T: G(V)/G_N = 1/⟨D/D_T(ε = eV)⟩ at T = 0 with D_T = D cosh²(Im Θ). "
                + "G(0) = G_N exactly (re-entrance; computed %.2e off) and the maximum G/G_N = %.3f at eV ≈ %.1f E_Th "
                + "(at Δ → ∞ an independent scipy solve_bvp gives 1.146 at 5.1 E_Th); temperature smears the peak.",
                g0[0] - 1, g0[arg], v[arg]), tab, ch);
    }

    /**
     * N10: normal-state spin accumulation S^z(x) injected by a spin-biased reservoir at x = 0 into a wire with
     * Elliott–Yafet relaxation, from the Keldysh kinetic equations, against cosh((L − x)/λ)/cosh(L/λ) with
     * λ = √(Dτ_so) (seed 003 Eq. 79 with the corrected sign −S/τ_so), for a vacuum end at x = L.
     */
    public static Figure n10(double length, double[] rates) {
        double mus = 0.1;
        Map<String, double[]> cols = new LinkedHashMap<>();
        double[] x = null;
        for (double r : rates) {
            Junction j = Junction.of(Boundary.rigid(Bulk.bcs(0)), Boundary.vacuum(),
                    Layer.normal(length, 1).withSpinRelaxation(r).withMesh(2, 24));
            Kinetic.Spectrum sp = Kinetic.spectrum(j, Junction.Form.THETA, 1e-4, Kinetic.energies(0.5, 11));
            Kinetic.NonEquilibrium ne = sp.bias(Distribution.equilibrium(0.01).withSpin(0, 0, mus), null);
            double[] s = ne.density(3);
            x = ne.x();
            double lam = Math.sqrt(1 / r);
            double[] num = new double[x.length], exact = new double[x.length];
            for (int p = 0; p < x.length; p++) {
                num[p] = s[p] / (2 * mus);
                exact[p] = Math.cosh((length - x[p]) / lam) / Math.cosh(length / lam);
            }
            cols.put(String.format(Locale.ROOT, "Keldysh, λ = %.2g L", lam / length), num);
            cols.put(String.format(Locale.ROOT, "cosh, λ = %.2g L", lam / length), exact);
        }
        double[] xr = x.clone();
        for (int p = 0; p < xr.length; p++) xr[p] /= length;
        Table tab = table("N10 spin accumulation", "x/L", xr, cols);
        String[] exactNames = cols.keySet().stream().filter(c -> c.startsWith("cosh")).toArray(String[]::new);
        XYChart ch = Plots.line(tab, Plots.Style.defaults().title("N10: spin accumulation in a normal wire (λ = √(Dτ_so))")
                .xLabel("x / L").yLabel("S^z / (2 N_F μ_s)"), "x/L", exactNames);
        for (Map.Entry<String, double[]> e : cols.entrySet())
            if (e.getKey().startsWith("Keldysh")) {
                Plots.addSeries(ch, e.getKey(), xr, e.getValue(), true);
                ch.getSeriesMap().get(e.getKey()).setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
            }
        return new Figure("N10", "Spin accumulation injected at x = 0 (reservoir with μ_s ẑ) into a normal wire with "
                + "Elliott–Yafet relaxation and a vacuum end: the Keldysh solution (f_T3 mode, S^z = −N_F∫dε f_T3) "
                + "lies on cosh((L − x)/λ)/cosh(L/λ), λ = √(Dτ_so) — the decay length of ∂S/∂t + ∂J = −S/τ_so "
                + "(Eq. 79, sign corrected); the paper-literal +S/τ_so would give growth, not decay.", tab, ch);
    }

}
