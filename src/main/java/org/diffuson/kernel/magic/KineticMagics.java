package org.diffuson.kernel.magic;

import org.diffuson.DiffusonException;
import org.diffuson.kinetic.KineticSolver;
import org.diffuson.kinetic.SpinChargeCoefficients;
import org.diffuson.scattering.BornPotential;
import org.diffuson.scattering.Channel;
import org.diffuson.scattering.HostMetal;
import org.diffuson.scattering.PartialWaveTMatrix;
import org.diffuson.scattering.PhaseShifts;
import org.diffuson.scattering.ResonantLevel;
import org.diffuson.scattering.TMatrix;
import org.diffuson.scattering.TMatrixChecks;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Seed 001 magics: {@code %impurity} (phase shifts or a sub-model → a printable scatterer) and {@code %kinetic}
 * (a scatterer → the table of spin–charge diffusion coefficients). Thin over {@link org.diffuson.scattering} and
 * {@link org.diffuson.kinetic}; no physics here.
 */
public final class KineticMagics {
    private KineticMagics() {}

    public static List<Magic> all() { return List.of(new ImpurityMagic(), new KineticMagic()); }

    /** Parses a phase shift: a number, or a multiple of pi ("pi/2", "-pi/4", "0.5pi", "3*pi/8", "π/2"). */
    static double phase(String key, String v) {
        String s = v.trim().replace("π", "pi").replace(" ", "");
        try {
            if (!s.contains("pi")) return Double.parseDouble(s);
            int i = s.indexOf("pi");
            String pre = s.substring(0, i), post = s.substring(i + 2);
            if (pre.endsWith("*")) pre = pre.substring(0, pre.length() - 1);
            double mult = pre.isEmpty() || pre.equals("+") ? 1 : pre.equals("-") ? -1 : Double.parseDouble(pre);
            double val = mult * Math.PI;
            if (post.startsWith("/")) val /= Double.parseDouble(post.substring(1));
            else if (post.startsWith("*")) val *= Double.parseDouble(post.substring(1));
            else if (!post.isEmpty()) throw new NumberFormatException(post);
            return val;
        } catch (NumberFormatException e) {
            throw new MagicUsageException(key + "= must be a number or a multiple of pi (e.g. 0.1, pi/2, -0.25pi), got '" + v + "'");
        }
    }

    /**
     * {@code %impurity [MODEL] ...}: MODEL = ce (default; eta0, eta1, eta2), channels ("l±:η,…"), kondo (JN, q, eta0,
     * eta2: η₁ from the Read–Newns resonance at ε_F), born (U, gamma, a). Binds a TMatrix {@code impurity}.
     */
    static final class ImpurityMagic implements Magic {
        @Override public String name() { return "impurity"; }

        @Override public String usage() {
            return "%impurity [ce|channels|kondo|born] [eta0=..] [eta1=..] [eta2=..] [channels=l±:η,..] [JN=..] [q=..] [U=..] [gamma=..] [a=..]"
                    + " [kF=1] [m=1] [continuation=full|unit] [as=NAME]";
        }

        @Override public String summary() {
            return "Builds a seed 001 impurity T-matrix from phase shifts (3-channel Ce model, any channels with SOC, the"
                    + " Read–Newns Kondo resonance) or a first-Born potential; binds it (default 'impurity') and shows its channels and checks.";
        }

        @Override public String help() {
            return summary() + "\n  %impurity eta0=0.1 eta1=pi/2 eta2=0.05          3-channel Ce model (η0: s½, η1: p½ Kondo doublet, η2: p3/2)"
                    + "\n  %impurity channels=0+:0.3,1-:1.1,1+:-0.4,2-:0.5  any channels; l+ is j=l+½, l- is j=l−½"
                    + "\n  %impurity kondo JN=0.1 eta0=0.1 eta2=0.05        η1 = Friedel πq from the mean-field Kondo resonance (q=½)"
                    + "\n  %impurity born U=0.3 gamma=0.02 [a=0.8]          first Born U(q)[1 − iγ(p×k)·σ], point or Gaussian"
                    + "\nPhase shifts are reduced into (−π/2, π/2] modulo π. Units ħ = 1; kF and m set the host.";
        }

        @Override
        public Object run(MagicContext ctx, String args, String body) throws Exception {
            MagicArgs a = MagicArgs.parse(args, Set.of("eta0", "eta1", "eta2", "channels", "JN", "q", "U", "gamma", "a", "kF", "m", "continuation", "as"), Set.of());
            String model = a.positional().isEmpty() ? (a.hasOption("channels") ? "channels" : "ce") : a.positional().get(0).toLowerCase(Locale.ROOT);
            if (a.positional().size() > 1) throw new MagicUsageException("unexpected argument '" + a.positional().get(1) + "'");
            String name = a.variableName("impurity");
            StringBuilder info = new StringBuilder();
            TMatrix t = PhysicsMagics.call(ctx, () -> {
                HostMetal h = new HostMetal(a.doubleOption("kF", 1), a.doubleOption("m", 1));
                String c = a.option("continuation", "full").toLowerCase(Locale.ROOT);
                PartialWaveTMatrix.Continuation cont = switch (c) {
                    case "full" -> PartialWaveTMatrix.Continuation.FULL_MOMENTUM;
                    case "unit" -> PartialWaveTMatrix.Continuation.UNIT_VECTOR;
                    default -> throw new MagicUsageException("continuation= must be full or unit, got '" + c + "'");
                };
                switch (model) {
                    case "ce" -> {
                        return new PartialWaveTMatrix(PhaseShifts.threeChannel(phase("eta0", a.option("eta0", "0")),
                                phase("eta1", a.option("eta1", "pi/2")), phase("eta2", a.option("eta2", "0"))), h, cont);
                    }
                    case "channels" -> {
                        if (!a.hasOption("channels")) throw new MagicUsageException("channels needs channels=l±:η,... e.g. channels=0+:0.3,1-:pi/2");
                        List<Channel> cs = new ArrayList<>();
                        for (String part : a.option("channels", "").split(",")) {
                            String[] kv = part.split(":");
                            if (kv.length != 2 || kv[0].length() < 2) throw new MagicUsageException("channel '" + part + "' must look like 1-:0.5 (l, sign of j − l, η)");
                            int l;
                            try { l = Integer.parseInt(kv[0].substring(0, kv[0].length() - 1)); }
                            catch (NumberFormatException e) { throw new MagicUsageException("channel '" + part + "': l must be an integer"); }
                            char sgn = kv[0].charAt(kv[0].length() - 1);
                            if (sgn != '+' && sgn != '-') throw new MagicUsageException("channel '" + part + "': write l+ or l- for j = l ± ½");
                            double eta = phase("channels", kv[1]);
                            cs.add(sgn == '+' ? Channel.plus(l, eta) : Channel.minus(l, eta));
                        }
                        return new PartialWaveTMatrix(new PhaseShifts(cs), h, cont);
                    }
                    case "kondo" -> {
                        double q = a.doubleOption("q", 0.5), jn = a.doubleOption("JN", 0.1);
                        ResonantLevel lvl = ResonantLevel.kondo(h.fermiEnergy(), jn, q);
                        double tk = ResonantLevel.kondoTemperature(h.fermiEnergy(), jn, q);
                        info.append(String.format(Locale.ROOT, "Read–Newns resonance: T_K = %.6g ε_F (J N_F = %.4g, q = %.4g), %s; η1 = η(ε_F) = %.6f%n",
                                tk / h.fermiEnergy(), jn, q, lvl, lvl.phaseShift(h.fermiEnergy())));
                        return new PartialWaveTMatrix(PhaseShifts.threeChannel(phase("eta0", a.option("eta0", "0")),
                                lvl.phaseShift(h.fermiEnergy()), phase("eta2", a.option("eta2", "0"))), h, cont);
                    }
                    case "born" -> {
                        double u = a.doubleOption("U", Double.NaN);
                        if (Double.isNaN(u)) throw new MagicUsageException("born needs U=NUMBER (the potential strength)");
                        return new BornPotential(h, u, a.doubleOption("gamma", 0), a.doubleOption("a", 0));
                    }
                    default -> throw new MagicUsageException("unknown impurity model '" + model + "' (ce, channels, kondo, born)");
                }
            });
            ctx.bind(name, t, t.getClass().getName());
            StringBuilder sb = new StringBuilder(info);
            sb.append(name).append(" = ").append(t).append('\n');
            if (t instanceof PartialWaveTMatrix pw) {
                sb.append(String.format(Locale.ROOT, "  %-6s %-6s %-12s %-12s %-16s%n", "l", "j", "η (rad)", "η/π", "s = e^{2iη}"));
                for (Channel ch : pw.phaseShifts().channels())
                    sb.append(String.format(Locale.ROOT, "  %-6d %-6s %+-12.6f %+-12.6f %+.6f%+.6fi%n", ch.l(), ch.twoJ() + "/2", ch.eta(), ch.eta() / Math.PI,
                            Math.cos(2 * ch.eta()), Math.sin(2 * ch.eta())));
                sb.append(String.format(Locale.ROOT, "  Friedel charge Z = Σ(2j+1)η/π = %.6f; optical-theorem residual %.2e; reciprocity %.2e; parity %.2e%n",
                        pw.phaseShifts().friedelCharge(), TMatrixChecks.opticalTheoremResidual(pw), TMatrixChecks.reciprocityResidual(pw), TMatrixChecks.parityResidual(pw)));
            } else {
                sb.append("  first-Born potential: Hermitian, violates the optical theorem at O(U²) by construction\n");
            }
            ctx.out().print(sb);
            return org.diffuson.kernel.exec.JavaEvaluator.NO_VALUE;
        }
    }

    /** {@code %kinetic [IMPURITY] r=.. [method=auto|moments|exact] [units=pauli|hbar2] [as=NAME]}. */
    static final class KineticMagic implements Magic {
        @Override public String name() { return "kinetic"; }

        @Override public String usage() {
            return "%kinetic [IMPURITY] (r=n_imp/n_c | nimp=DENSITY) [method=auto|moments|exact] [units=pauli|hbar2] [as=NAME]";
        }

        @Override public String summary() {
            return "Seed 001 kinetic theory for a scatterer (default 'impurity'): binds SpinChargeCoefficients (default 'kinetic')"
                    + " and shows D_c, θ_sH, D_m, D_s^{L,T}, κ, τ_s and the Ω's with their conventions.";
        }

        @Override
        public Object run(MagicContext ctx, String args, String body) throws Exception {
            MagicArgs a = MagicArgs.parse(args, Set.of("r", "nimp", "method", "units", "as"), Set.of());
            TMatrix t = PhysicsMagics.variable(ctx, a, "impurity", TMatrix.class);
            if (a.hasOption("r") == a.hasOption("nimp")) throw new MagicUsageException("give exactly one of r=n_imp/n_c (e.g. r=0.01) or nimp=DENSITY");
            String method = a.option("method", "auto").toLowerCase(Locale.ROOT);
            String units = a.option("units", "pauli").toLowerCase(Locale.ROOT);
            if (!units.equals("pauli") && !units.equals("hbar2")) throw new MagicUsageException("units= must be pauli (j↑−j↓) or hbar2 ((ħ/2)(j↑−j↓))");
            String name = a.variableName("kinetic");
            SpinChargeCoefficients c = PhysicsMagics.call(ctx, () -> {
                double nIm = a.hasOption("r") ? a.doubleOption("r", 0) * t.host().carrierDensity() : a.doubleOption("nimp", 0);
                if (!(nIm > 0)) throw new DiffusonException(a.hasOption("r") ? "r" : "nimp", "must be > 0, got " + (a.hasOption("r") ? a.option("r", "") : a.option("nimp", "")),
                        "the impurity density must be positive (dilute limit: r ≪ 1)");
                return switch (method) {
                    case "auto" -> KineticSolver.solve(t, nIm);
                    case "moments" -> KineticSolver.moments(t, nIm, null);
                    case "exact" -> KineticSolver.exact(t, nIm, null);
                    default -> throw new MagicUsageException("method= must be auto, moments or exact, got '" + method + "'");
                };
            });
            ctx.bind(name, c, SpinChargeCoefficients.class.getName());
            if (c.method() == KineticSolver.Method.MOMENT_ANSATZ && (t.maxL() > 1 || !t.bandLimited()))
                ctx.err().println("warning: the 12×12 moment ansatz (S53) is exact only for l ≤ 1; D2, D_s^{L,T} and κ need method=exact here");
            return table(c, units.equals("pauli") ? SpinChargeCoefficients.SpinCurrentUnit.PAULI : SpinChargeCoefficients.SpinCurrentUnit.HBAR_HALF);
        }
    }

    /** The coefficient table (view layer): name, value, convention note. */
    public static Table table(SpinChargeCoefficients c, SpinChargeCoefficients.SpinCurrentUnit unit) {
        List<String> names = new ArrayList<>(), notes = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (Map.Entry<String, Double> e : c.table().entrySet()) {
            if (e.getKey().startsWith("σ_sH")) continue;
            names.add(e.getKey());
            vals.add(round9(e.getValue()));
            notes.add(note(e.getKey()));
        }
        names.add(unit == SpinChargeCoefficients.SpinCurrentUnit.PAULI ? "σ_sH / (e k_F)" : "σ_sH / (e k_F) [ħ/2 units]");
        vals.add(round9(c.sigmaSH(unit) / c.host().kF()));
        notes.add(unit == SpinChargeCoefficients.SpinCurrentUnit.PAULI ? "2eN_F Dθ_sH, spin current j↑−j↓ (Pauli)" : "eN_F Dθ_sH, spin current (ħ/2)(j↑−j↓)");
        Table t = Table.create(String.format(Locale.ROOT, "Seed 001 kinetic coefficients (%s, %s; ħ = 1, S23-literal Ω's, x = ε_F r)", c.method(), c.grid()),
                StringColumn.create("coefficient", names), DoubleColumn.create("value", vals.stream().mapToDouble(Double::doubleValue).toArray()),
                StringColumn.create("convention", notes));
        return t;
    }

    /** Nine significant digits for display. */
    static double round9(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new java.math.BigDecimal(v).round(new java.math.MathContext(9)).doubleValue();
    }

    private static String note(String key) {
        if (key.startsWith("Ω")) return "S23-literal (paper's S98–S103 are 2× with Ω_cs↔Ω_sc)";
        if (key.startsWith("1/τ_s")) return "corrected S95: (64/27π) sin²(η1−η2) for 3 channels";
        if (key.startsWith("1/τ_tr")) return "corrected S94 (−2cos2η1)";
        if (key.startsWith("θ_sk")) return "ω_sk τ_tr";
        if (key.startsWith("γ")) return "τ_tr/τ_m";
        if (key.startsWith("D_c") || key.startsWith("D_0") || key.startsWith("D_1") || key.startsWith("D_2")) return "full solve (exact S67–S71)";
        if (key.startsWith("σ_c")) return "2e²N_F D_c (both spins)";
        if (key.startsWith("κ")) return "(D2 − D0)/3, swapping";
        return "";
    }
}
