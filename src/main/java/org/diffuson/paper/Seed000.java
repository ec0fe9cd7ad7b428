package org.diffuson.paper;

import org.diffuson.green.Energy;
import org.diffuson.green.MinimalModelExact;
import org.diffuson.green.SelfEnergyModel;
import org.diffuson.ladder.DiffusionOperator;
import org.diffuson.ladder.Ladder;
import org.diffuson.ladder.LadderResult;
import org.diffuson.ladder.MinimalModelFermiSurface;
import org.diffuson.ladder.PoleFinder;
import org.diffuson.ladder.WardCheck;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.OperatorBasis;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.diffuson.model.RashbaExchange;
import org.diffuson.model.Rung;
import org.diffuson.plot.Plots;
import org.diffuson.sweep.Progress;
import org.diffuson.sweep.Sweep;
import org.hipparchus.complex.Complex;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures F1–F7 and the worked CoPt table of seed 000 (Sacksteder, spin diffusion in magnetized systems), as proposed
 * in docs/equations.md, seed 000 figures — the paper itself has no figures, so these are new evaluations of its analytic claims.
 * {@code main(dir)} writes every figure as SVG, PDF and PNG.
 */
public final class Seed000 {
    private Seed000() {}

    /** F1: FS minimal model, Γ_x only, b = 1: (1−I)_00 and |(1−I)_0z| vs Σ₁/E_z for both rung placements (eq 20). */
    public static Figure f1(Progress p) {
        double ez = 1, n0 = 1 / (2 * Math.PI);
        double[] ratio = Sweep.logspace(1e-2, 1e2, 81);
        Table t = Sweep.run("F1 FS minimal model", "Σ1/Ez", ratio, r -> {
            Map<String, Double> m = new LinkedHashMap<>();
            for (double nzf : new double[]{0, 0.3}) {
                double gx = r * ez / (Math.PI * n0); // Σ₁ = πΓ_x n₀
                var fs = MinimalModelFermiSurface.ofAverage(n0, nzf * n0, ez, 0, gx);
                for (Rung.Placement pl : Rung.Placement.values()) {
                    CMatrix c = fs.oneMinusCollisionPauli(pl, 1);
                    String tag = (pl == Rung.Placement.SANDWICH ? "sandwich" : "literal") + ", nz=" + nzf + "n0";
                    m.put("(1-I)00 " + tag, c.re(0, 0));
                    m.put("|(1-I)0z| " + tag, c.get(0, 3).norm());
                }
            }
            return m;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("F1: BNM charge decay, FS minimal model (Γ1 = 0)").logXAxis()
                        .xLabel("Σ1 / Ez").yLabel("entries of 1 − I0").size(760, 460),
                "Σ1/Ez", "(1-I)00 literal, nz=0.0n0", "|(1-I)0z| literal, nz=0.0n0", "(1-I)00 literal, nz=0.3n0",
                "|(1-I)0z| literal, nz=0.3n0", "(1-I)00 sandwich, nz=0.3n0", "|(1-I)0z| sandwich, nz=0.3n0");
        return new Figure("F1", "Paper-literal rung (eq 20) loses charge with a maximum near Σ1 ≈ Ez; with the consistent sandwich rung the loss needs nz ≠ 0.", t, c);
    }

    /** F2: exact minimal model (closed form F, eq 250): Re/Im Σ_↑, Σ_↓ vs E from −1.5b to 3b. */
    public static Figure f2(Progress p) {
        Model m = Preset.MINIMAL.build();
        double b = (Double) m.parameters().get("b");
        MinimalModelExact ex = new MinimalModelExact(1, b, 0.3, 0.2, 20);
        double[] es = Sweep.linspace(-1.5 * b, 3 * b, 181);
        Table t = Sweep.run("F2 exact minimal-model self-energy", "E", es, e -> {
            Complex[] s = ex.sigma(new Complex(e, 1e-9), null);
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("Re Σ↑", s[0].getReal());
            r.put("Im Σ↑", s[0].getImaginary());
            r.put("Re Σ↓", s[1].getReal());
            r.put("Im Σ↓", s[1].getImaginary());
            return r;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("F2: SCBA Σ of the minimal model (b=0.6, Γ1=0.3, Γx=0.2, UC=20)").yLabel("Σ"),
                "E", "Re Σ↑", "Im Σ↑", "Re Σ↓", "Im Σ↓");
        return new Figure("F2", "Spin-dependent SCBA self-energy: Im Σ_s switches on at the band bottoms E = ∓b (Γx mixes them).", t, c);
    }

    static double minEig(LadderResult r) {
        double m = Double.POSITIVE_INFINITY;
        for (Complex c : r.oneMinusCollisionEigenvalues()) m = Math.min(m, c.norm());
        return m;
    }

    /** F3: CoPt, min|eig(1−I₀)| vs E for SCBA, Born (η = 0.02) and Σ ∝ 1. */
    public static Figure f3(Progress p) {
        Model m = Preset.COPT.build();
        double[] es = Sweep.linspace(-0.4, 2.0, 49);
        Table t = Sweep.run("F3 zero mode of 1 − I0 (CoPt)", "E", es, e -> {
            Ladder l = Ladder.scba(m, e);
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("SCBA", Math.max(minEig(l.atFermiLevel()), 1e-17));
            r.put("Born (η=0.02)", minEig(l.born(0.02).atFermiLevel()));
            r.put("Σ∝1 by hand", minEig(l.scalarBroadening().atFermiLevel()));
            return r;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("F3: smallest |eig(1 − I0)|, CoPt (α=0.5, bz=0.5, γ=0.1)").logYAxis()
                .yLabel("min |eig(1 − I0)|"), "E", "SCBA", "Born (η=0.02)", "Σ∝1 by hand");
        return new Figure("F3", "Only the SCBA has an exact zero mode (charge conservation) at every energy; the shortcuts miss it by O(1) where the bands are spin-polarized.", t, c);
    }

    /** F4: WTI residual vs disorder scale λ (minimal model, z1 = 0.3+0.05i, z2 = 0.3−0.04i). */
    public static Figure f4(Progress p) {
        double[] lam = Sweep.logspace(0.0125, 0.4, 11);
        Energy z1 = Energy.complex(0.3, 0.05), z2 = Energy.complex(0.3, -0.04);
        Table t = Sweep.run("F4 Ward identity order by order", "λ", lam, x -> {
            Ladder l = Ladder.scba(Preset.MINIMAL.build().withDisorderScaled(x), 0.3);
            SelfEnergyModel s = l.selfEnergy();
            SelfEnergyModel trace = new SelfEnergyModel() {
                public CMatrix sigma(Energy e) {
                    Complex c = s.sigma(e).trace().divide(2);
                    return CMatrix.diagonal(2, c.getReal(), c.getImaginary());
                }
                public String name() { return "trace part"; }
            };
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("SCBA", Math.max(l.ward(z1, z2).collisionForm(), 1e-17));
            r.put("Born", l.born(0).ward(z1, z2).collisionForm());
            r.put("trace part of Σ only", l.withSelfEnergy(trace).ward(z1, z2).collisionForm());
            return r;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("F4: |(1−I)[ΔΣ] + Δz I[1]| vs λ (Γ → λΓ)").logXAxis().logYAxis().withMarkers()
                .yLabel("WTI residual"), "λ", "SCBA", "Born", "trace part of Σ only");
        return new Figure("F4", "SCBA satisfies the WTI to rounding at every λ; Born fails at O(λ²), a scalar Σ at O(λ) (eqs 217–231).", t, c);
    }

    /** F5: CoPt vs E: (1−I)_00, (1−I)_0z (SCBA), δXX at the outer Fermi momentum and n_z/n_0. */
    public static Figure f5(Progress p) {
        Model m = Preset.COPT.build();
        double bz = 0.5, alpha = 0.5;
        double[] es = Sweep.linspace(-0.45, 2.0, 50);
        Table t = Sweep.run("F5 CoPt charge-spin structure", "E", es, e -> {
            Ladder l = Ladder.scba(m, e);
            CMatrix pm = l.atFermiLevel().oneMinusCollisionInBasis();
            Complex[] n = OperatorBasis.pauli().components(l.densityOfStates());
            Complex[] sig = OperatorBasis.pauli().components(l.scbaResult().sigma());
            double kf = 0;
            for (var cr : org.diffuson.integrate.FermiMomenta.find(m.hamiltonian(), null, e, m.cutoff())) kf = Math.max(kf, cr.k());
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("(1-I)00", pm.re(0, 0));
            r.put("(1-I)0z", pm.re(0, 3));
            r.put("δXX(kF)", RashbaExchange.deltaXX(alpha, kf, 0, bz, sig[3].getImaginary()));
            r.put("nz/n0", n[3].getReal() / n[0].getReal());
            return r;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("F5: CoPt (α=0.5, bz=0.5, γ=0.1, cutoff 21)").yLabel(""),
                "E", "(1-I)00", "(1-I)0z", "δXX(kF)", "nz/n0");
        return new Figure("F5", "BNM's reading sees charge decay and charge–Sz mixing where one band is occupied (E < bz); they fade when both bands are.", t, c);
    }

    /** F6: Rashba (b = 0) S_z relaxation rate·τ vs Ωτ: BNM (1−I)/τ, linearized K, exact pole; FS closed forms. */
    public static Figure f6(Progress p) {
        double tau = 5, ef = 40, kf = Math.sqrt(2 * ef);
        double[] wt = Sweep.linspace(0.05, 0.48, 18);
        Table t = Sweep.run("F6 Dyakonov–Perel rates", "Ωτ", wt, x -> {
            double alpha = x / tau / (2 * kf), a = x * x;
            Model m = Preset.RASHBA.with("alpha", alpha).with("gamma", 1 / tau).with("cutoffEnergy", 400.0).build();
            Ladder l = Ladder.scba(m, ef);
            DiffusionOperator d = l.diffusion();
            double ts = l.scbaResult().tau();
            double rz = d.relaxation().inStandardBasis().re(3, 3);
            PoleFinder.Pole pole = PoleFinder.find(l, new double[]{0, 0}, new Complex(0, -rz));
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("BNM (1-I)zz", d.bnmRelaxation().inStandardBasis().re(3, 3) * ts);
            r.put("linearized K", rz * ts);
            r.put("exact pole", -pole.omega().getImaginary() * ts);
            r.put("a/(1+a)", a / (1 + a));
            r.put("a/(1-a)", a / (1 - a));
            r.put("(1-√(1-4a))/2", (1 - Math.sqrt(1 - 4 * a)) / 2);
            return r;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("F6: Sz relaxation rate × τ, Rashba 2DEG (EF=40, τ=5)").yLabel("Γ_s τ"),
                "Ωτ", "BNM (1-I)zz", "linearized K", "exact pole", "a/(1+a)", "a/(1-a)", "(1-√(1-4a))/2");
        // the closed forms as points on top of the numerical lines, so each pair stays visible where they coincide
        for (String closed : new String[]{"a/(1+a)", "a/(1-a)", "(1-√(1-4a))/2"}) {
            var se = c.getSeriesMap().get(closed);
            se.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            se.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        }
        c.setYAxisTitle("Γ_s τ (dimensionless)");
        return new Figure("F6", "Numerics (lines: ladder on the grid) against the Fermi-surface closed forms (points): BNM's (1−I)zz follows a/(1+a) and underestimates, the linearized K follows a/(1−a) and overestimates; the exact pole of det K follows (1−√(1−4a))/2 (a = (Ωτ)²).", t, c);
    }

    /** F7: Drude, K(q, 0)·2πν/q² vs qℓ converging to D; FS closed form alongside. */
    public static Figure f7(Progress p) {
        Model m = Preset.DRUDE.build();
        double ef = 10;
        Ladder l = Ladder.scba(m, ef);
        double ell = l.meanFreePath(), tau = l.scbaResult().tau(), nu = 1 / (2 * Math.PI);
        double dNum = l.diffusion().diffusion()[0][0].matrix().re(0, 0);
        double[] ql = Sweep.logspace(0.01, 2, 40);
        Table t = Sweep.run("F7 Drude K(q,0)", "qℓ", ql, x -> {
            double q = x / ell;
            Complex k = l.retardedAdvanced(new double[]{q, 0}, 0.0).kinetic().matrix().get(0, 0);
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("Re K·2πν/q²", k.getReal() * 2 * Math.PI * nu / (q * q));
            r.put("FS closed form", (Math.sqrt(1 + x * x) - 1) / (tau * q * q));
            r.put("D (expansion)", dNum);
            return r;
        }, p);
        XYChart c = Plots.line(t, Plots.Style.defaults().title("F7: Drude diffusion pole, EF=10, τ=5").logXAxis().yLabel("K(q,0)·2πν/q²"),
                "qℓ", "Re K·2πν/q²", "FS closed form", "D (expansion)");
        return new Figure("F7", "K(q,0)·2πν/q² → D = vF²τ/2 as qℓ → 0; the ballistic FS form √(1+(qℓ)²) − 1 takes over at qℓ ~ 1.", t, c);
    }

    /** The worked CoPt table of seed 000 Eqs. 20, 82–105 and the worked CoPt table of docs/equations.md (E = 0, cutoff 21 and 10): Σ, (1−I) entries, min|eig|, WTI, for the three Σ choices. */
    public static Table workedTable() {
        StringColumn choice = StringColumn.create("Σ choice");
        DoubleColumn cut = DoubleColumn.create("cutoff ε(kc)"), s0r = DoubleColumn.create("Re Σ0"), s0i = DoubleColumn.create("Im Σ0"),
                szr = DoubleColumn.create("Re Σz"), szi = DoubleColumn.create("Im Σz"), d00 = DoubleColumn.create("(1-I)00"),
                d0z = DoubleColumn.create("(1-I)0z"), me = DoubleColumn.create("min|eig(1-I0)|"), wti = DoubleColumn.create("WTI residual (RA, ω=0.01)");
        for (double uc : new double[]{21, 10}) {
            Ladder base = Ladder.scba(Preset.COPT.with("cutoffEnergy", uc).build(), 0.0);
            for (Ladder l : List.of(base, base.born(0.02), base.scalarBroadening())) {
                LadderResult r = l.atFermiLevel();
                CMatrix pm = r.oneMinusCollisionInBasis();
                Complex[] s = OperatorBasis.pauli().components(r.sigma1());
                WardCheck w = l.wardRetardedAdvanced(0.01);
                choice.append(l.selfEnergy().name());
                cut.append(uc);
                s0r.append(s[0].getReal()); s0i.append(s[0].getImaginary()); szr.append(s[3].getReal()); szi.append(s[3].getImaginary());
                d00.append(pm.re(0, 0)); d0z.append(pm.re(0, 3)); me.append(minEig(r)); wti.append(w.collisionForm());
            }
        }
        return Table.create("Worked CoPt example (m=1, α=0.5, bz=0.5, γ=0.1, E=0)", choice, cut, s0r, s0i, szr, szi, d00, d0z, me, wti);
    }

    public static List<Figure> all(Progress p) { return List.of(f1(p), f2(p), f3(p), f4(p), f5(p), f6(p), f7(p)); }

    /** Writes F1–F7 (SVG, PDF, PNG) and the worked table (CSV) into the given folder (default notebooks/figures). */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "notebooks/figures");
        long t0 = System.nanoTime();
        for (Figure f : all(Progress.console())) {
            System.out.println(f.id() + " → " + f.save(dir));
        }
        Table w = workedTable();
        java.nio.file.Files.createDirectories(dir);
        w.write().csv(dir.resolve("seed000-worked-table.csv").toString());
        System.out.println(w.print());
        System.out.printf("done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
