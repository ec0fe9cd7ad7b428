package org.diffuson.kernel.magic;

import org.diffuson.DiffusonException;
import org.diffuson.gauge.BetaTerm;
import org.diffuson.gauge.GaugeKernels;
import org.diffuson.gauge.SdFerromagnet;
import org.diffuson.gauge.SpinFlipLadder;
import org.diffuson.gauge.SpinMotiveForce;
import org.diffuson.gauge.Texture;
import org.diffuson.gauge.TwoCurrent;
import org.diffuson.model.Model;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Locale;
import java.util.Set;

/**
 * {@code %gauge [MODEL] [eF= M= scalar= magneticPerp= magneticZ= m=] [texture=bloch|neel|vortex] [width= velocity=
 * precession= core=] [q= omega=] [points= range=] [as=NAME]}: seed 004 in one line — an s–d ferromagnet (a
 * Preset.SD_FERROMAGNET model variable, or the options; default set R) and a texture → spin electric field E_s along x,
 * the two-current currents, β, and the full-ladder kernels with their gauge residuals. Binds {@code NAME} (default
 * {@code gauge}) to the GaugeKernels, {@code NAME_smf} to the SpinMotiveForce.Profile and {@code NAME_currents} to the
 * TwoCurrent.Solution. Physics is all in {@code org.diffuson.gauge}.
 */
public final class GaugeMagic implements Magic {
    private static final Set<String> OPTIONS = Set.of("eF", "M", "scalar", "magneticPerp", "magneticZ", "m", "texture", "width", "velocity",
            "precession", "core", "q", "omega", "points", "range", "as");

    @Override public String name() { return "gauge"; }

    @Override
    public String usage() {
        return "%gauge [MODEL] [eF=1 M=0.2 scalar=0.00975 magneticPerp=2.5e-4 magneticZ=2.5e-4] [texture=bloch|neel|vortex] "
                + "[width=50 velocity=0.1 precession=2e-6 core=30] [q=1e-4 omega=1e-6] [points=200 range=3000] [as=NAME]";
    }

    @Override
    public String summary() {
        return "Seed 004: s–d ferromagnet + texture → spin electric field E_s(x), two-current j and j_s, β (eq 94 and from the kernels), "
                + "and the spin-flip-ladder kernels with gauge residuals; binds gauge, gauge_smf, gauge_currents.";
    }

    @Override
    public String help() {
        return summary() + "\nDefaults: reference set R (ε_F = 1, M = 0.2, Γ̃1 = 0.01, Γ̃2 = 5e-4, ħ = m = e = 1) and a precessing Bloch wall. "
                + "Lengths in 1/k_F, times in 1/ε_F. The field profile runs over x ∈ [−range, range) on 'points' points (periodic).";
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args, OPTIONS, Set.of());
        if (a.positional().size() > 1) throw new MagicUsageException("unexpected argument '" + a.positional().get(1) + "'");
        String name = a.variableName("gauge");
        SdFerromagnet base = SdFerromagnet.setR();
        if (!a.positional().isEmpty()) {
            Model model = PhysicsMagics.variable(ctx, a, "model", Model.class);
            base = PhysicsMagics.call(ctx, () -> SdFerromagnet.of(model));
        }
        SdFerromagnet b0 = base;
        SdFerromagnet fm = PhysicsMagics.call(ctx, () -> new SdFerromagnet(a.doubleOption("m", b0.mass()), a.doubleOption("eF", b0.fermiEnergy()),
                a.doubleOption("M", b0.exchange()), a.doubleOption("scalar", b0.scalar()), a.doubleOption("magneticPerp", b0.magneticPerp()),
                a.doubleOption("magneticZ", b0.magneticZ())));
        String kind = a.option("texture", "bloch").toLowerCase(Locale.ROOT);
        double width = a.doubleOption("width", 50), v = a.doubleOption("velocity", 0.1), om = a.doubleOption("precession", 2e-6);
        double q = a.doubleOption("q", 1e-4), omega = a.doubleOption("omega", 1e-6), range = a.doubleOption("range", 3000);
        int points = a.intOption("points", 200);
        Texture tex = PhysicsMagics.call(ctx, () -> switch (kind) {
            case "bloch" -> Texture.domainWall(Texture.Wall.BLOCH, width, v, om);
            case "neel" -> Texture.domainWall(Texture.Wall.NEEL, width, v, om);
            case "vortex" -> Texture.vortex(1, 1, Math.PI / 2, a.doubleOption("core", 30), 0, 1e-3, v, 0);
            default -> throw new DiffusonException("texture", "unknown texture '" + kind + "'", "use bloch, neel or vortex");
        });
        if (points < 4) throw new MagicUsageException("points must be ≥ 4, got " + points);
        Object[] r = PhysicsMagics.call(ctx, () -> {
            SpinMotiveForce.Profile p = SpinMotiveForce.profile(tex, 0, -range, range - 2 * range / points, points, fm.beta(), 1);
            TwoCurrent.Solution s = new TwoCurrent(fm).solve(p.x(), p.total());
            GaugeKernels k = new SpinFlipLadder(fm).at(new double[]{q}, omega);
            return new Object[]{p, s, k, BetaTerm.of(fm)};
        });
        SpinMotiveForce.Profile p = (SpinMotiveForce.Profile) r[0];
        TwoCurrent.Solution s = (TwoCurrent.Solution) r[1];
        GaugeKernels k = (GaugeKernels) r[2];
        BetaTerm.Result beta = (BetaTerm.Result) r[3];
        ctx.bind(name, k, GaugeKernels.class.getCanonicalName());
        ctx.bind(name + "_smf", p, SpinMotiveForce.Profile.class.getCanonicalName());
        ctx.bind(name + "_currents", s, TwoCurrent.Solution.class.getCanonicalName());
        ctx.out().println(fm.describe());
        ctx.out().println(tex.describe());
        ctx.out().println(p);
        ctx.out().println(s);
        ctx.out().println(beta);
        ctx.out().print(k);
        StringColumn what = StringColumn.create("quantity");
        DoubleColumn val = DoubleColumn.create("value");
        Object[][] rows = {{"β (eq 94)", beta.closedForm()}, {"β from kernels (full band), Re", beta.kernelFullBand().getReal()},
                {"λ_sf", fm.spinDiffusionLength()}, {"∫E_s⁰ dx", p.voltageReactive()}, {"∫E_s^dis dx", p.voltageDissipative()},
                {"max |j| (two-current)", max(s.chargeCurrent())}, {"max |j_s| (two-current)", max(s.spinCurrent())},
                {"|q²K| at (q, ω)", k.kcc().get(0, 0).norm()}, {"gauge residual K̃^cs (no source terms)", k.gaugeResidual(k.kcs())},
                {"gauge residual K̃^cs + ΔK̃^cs", k.gaugeResidual(k.kcsRepaired())}};
        for (Object[] row : rows) {
            what.append((String) row[0]);
            val.append((double) row[1]);
        }
        return Table.create("%gauge: " + tex.describe(), what, val);
    }

    private static double max(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }
}
