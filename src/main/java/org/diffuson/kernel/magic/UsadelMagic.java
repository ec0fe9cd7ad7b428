package org.diffuson.kernel.magic;

import org.diffuson.paper.JunctionView;
import org.diffuson.usadel.Boundary;
import org.diffuson.usadel.Bulk;
import org.diffuson.usadel.Junction;
import org.diffuson.usadel.Layer;

import java.util.Set;

/**
 * {@code %usadel GEOMETRY [key=value ...] [as=NAME]}: builds a junction of seed 003's Usadel engine and binds a
 * {@link JunctionView} with {@code .dos()}, {@code .current(T)}, {@code .plot()}. Geometries: {@code sns} (N of length
 * L between rigid BCS electrodes, phase difference), {@code sf} (rigid S | ferromagnet with h, 1/τ_so, vacuum end),
 * {@code ns} (rigid S | normal metal, vacuum end). No physics here.
 */
public final class UsadelMagic implements Magic {
    @Override
    public String name() {
        return "usadel";
    }

    @Override
    public String usage() {
        return "%usadel sns|sf|ns|nn [L=1] [D=1] [gap=1] [phase=0] [h=0] [rate=0] [barrier=0] [lead=vacuum|normal] "
                + "[eta=1e-3] [x=PROBE] [as=NAME]";
    }

    @Override
    public String summary() {
        return "Build a diffusive junction (Usadel equation, seed 003) and bind a view with .dos(), .current(T), .plot().";
    }

    @Override
    public String help() {
        return summary() + "\n  sns: rigid S(−φ/2) | N(L) | rigid S(+φ/2); probe at L/2; Riccati form if phase ≠ 0"
                + "\n  sf:  rigid S | F(L, h along z, 1/τ_so = rate) | vacuum; probe at x = L"
                + "\n  ns:  rigid S | N(L) | vacuum (lead=normal: a normal reservoir); probe at x = L"
                + "\n  nn:  normal reservoir | N(L, 1/τ_so = rate) | normal reservoir (normal-state transport)"
                + "\n  lead=normal ends sf/ns in a normal reservoir: then .iv(Vmax, n, T) and .plotConductance(Vmax, T)"
                + "\n  give I(V) and G(V)/G_N from the Keldysh kinetic equations (the normal reservoir is biased)."
                + "\n  barrier=L_B > 0 puts a Kupriyanov–Lukichev barrier at the S electrode(s)."
                + "\n  Energies in units of the electrode gap's unit; D and L in matching units (E_Th = D/L²).";
    }

    private static Boundary end(String lead) {
        return lead.equals("normal") ? Boundary.rigid(Bulk.bcs(0)) : Boundary.vacuum();
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("L", "D", "gap", "phase", "h", "rate", "barrier", "eta", "x", "lead", "as"),
                Set.of());
        a.expectPositional(1, "one geometry: sns, sf, ns or nn");
        String lead = a.option("lead", "vacuum");
        if (!lead.equals("vacuum") && !lead.equals("normal"))
            throw new MagicUsageException("lead must be vacuum or normal, got '" + lead + "'");
        String geo = a.positional().get(0);
        String name = a.variableName("junction");
        double l = a.doubleOption("L", 1), d = a.doubleOption("D", 1), gap = a.doubleOption("gap", 1),
                phase = a.doubleOption("phase", 0), h = a.doubleOption("h", 0), rate = a.doubleOption("rate", 0),
                lb = a.doubleOption("barrier", 0), eta = a.doubleOption("eta", 1e-3);
        JunctionView view = PhysicsMagics.call(ctx, () -> {
            Bulk s = Bulk.bcs(gap);
            Boundary left = lb > 0 ? Boundary.tunnel(s, -phase / 2, lb) : Boundary.rigid(s, -phase / 2);
            Junction j;
            double probe;
            switch (geo) {
                case "sns" -> {
                    Boundary right = lb > 0 ? Boundary.tunnel(s, phase / 2, lb) : Boundary.rigid(s, phase / 2);
                    j = Junction.of(left, right, Layer.ferromagnet(l, d, h).withSpinRelaxation(rate).named(h == 0 ? "N" : "F"));
                    probe = l / 2;
                }
                case "sf" -> {
                    j = Junction.of(left, end(lead), Layer.ferromagnet(l, d, h).withSpinRelaxation(rate));
                    probe = l;
                }
                case "ns" -> {
                    j = Junction.of(left, end(lead), Layer.normal(l, d));
                    probe = l;
                }
                case "nn" -> {
                    j = Junction.of(end("normal"), end("normal"), Layer.normal(l, d).withSpinRelaxation(rate));
                    probe = l / 2;
                }
                default -> throw new MagicUsageException("unknown geometry '" + geo + "' (use sns, sf, ns or nn)");
            }
            double px = a.doubleOption("x", probe);
            Junction.Form form = phase == 0 ? Junction.Form.THETA : Junction.Form.RICCATI;
            return new JunctionView(j, px, form, eta);
        });
        ctx.bind(name, view, JunctionView.class.getName());
        return view;
    }
}
