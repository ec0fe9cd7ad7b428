package org.diffuson.pipeline;

import org.diffuson.DiffusonException;
import org.diffuson.Numbers;
import org.diffuson.green.Energy;
import org.diffuson.green.Scba;
import org.diffuson.kubo.Kubo;
import org.diffuson.kubo.KuboResult;
import org.diffuson.kubo.Vertex;
import org.diffuson.ladder.DiffusionOperator;
import org.diffuson.ladder.Ladder;
import org.diffuson.ladder.LadderResult;
import org.diffuson.ladder.WardCheck;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Axis;

import java.util.function.Function;

/**
 * The ladder step: the Bethe–Salpeter ladder on the SCBA grid. Responses come with typed axes
 * ({@code conductivity(Axis.Y, Axis.X)} is σ_yx: current along y, field along x) and a {@link Certificate}.
 */
public record LadderStep(Pipeline pipeline, Ladder ladder) {
    /** σ_ab in e²/h (a: current, b: field), Středa I with ladder vertex corrections (seed 002 Eq. 65). */
    public Response conductivity(Axis current, Axis field) {
        return certify("σ_" + current.label() + field.label(), "e²/h", l -> new Kubo(l).conductivity(current.index(), field.index()));
    }

    /** σ_ab in e²/h including the Fermi-sea (Středa II) term. */
    public Response conductivityWithSea(Axis current, Axis field) {
        return certify("σ_" + current.label() + field.label(), "e²/h", l -> new Kubo(l).conductivityWithSea(current.index(), field.index()));
    }

    /**
     * Spin Hall response of the spin current ½{v_current, s_spin} (s = σ/2, ħ = 1) to a field along {@code field}, in
     * units of e/2π (so the Rashba intrinsic value e/8π reads 0.25). Spin-½ models (n = 2) only.
     */
    public Response spinHall(Axis spin, Axis current, Axis field) {
        if (ladder.model().dim() != 2)
            throw new DiffusonException("model", "spinHall needs a spin-½ model (n = 2), got n = " + ladder.model().dim(), "build the spin current with Vertex.spinCurrent for other bases");
        return certify("σ^{s" + spin.label() + "}_" + current.label() + field.label(), "e/2π", l -> {
            var h = l.model().hamiltonian();
            return new Kubo(l).response(Vertex.spinCurrent(h, current.index(), Pauli.sigma(spin.index() + 1).scale(0.5), "s_" + spin.label()),
                    Vertex.velocity(h, field.index()));
        });
    }

    /** The diffusion operator (q, ω expansion of the kinetic operator; seed 000 Sec. V). */
    public DiffusionOperator diffusion() { return ladder.diffusion(); }

    /** The ladder at momentum q and frequency ω (retarded-advanced). */
    public LadderResult at(double qx, double qy, double omega) { return ladder.retardedAdvanced(new double[]{qx, qy}, omega); }

    /** The ladder at q = 0, ω = 0. */
    public LadderResult atFermiLevel() { return ladder.atFermiLevel(); }

    /** The three forms of the Ward identity at q = 0 between E + ω (retarded) and E (advanced). */
    public WardCheck ward(double omega) { return ladder.wardRetardedAdvanced(omega); }

    private Response certify(String symbol, String unit, Function<Ladder, KuboResult> f) {
        KuboResult fine = f.apply(ladder);
        boolean scba = ladder.isScba();
        double ward = scba ? ladder.ward(Energy.retarded(ladder.energy()), Energy.advanced(ladder.energy())).relative() : Double.NaN;
        double change = Double.NaN;
        String failed = null;
        if (pipeline.certify()) try {
            Ladder coarse = scba
                    ? Ladder.fromScba(Scba.solve(ladder.model(), Energy.retarded(ladder.energy()), pipeline.coarser(), pipeline.options()), pipeline.options())
                    : Ladder.fixed(ladder.model(), ladder.energy(), ladder.scbaResult().sigma(), ladder.scbaResult().method(), pipeline.coarser());
            change = Math.abs(f.apply(coarse).total() - fine.total());
        } catch (DiffusonException e) {
            // the fine result stands; the certificate says that the grid check could not be made, and why
            change = Double.NaN;
            failed = e.getMessage();
        }
        return new Response(symbol, unit, fine, new Certificate(scba ? ladder.scbaResult().residual() : Double.NaN, ward, change, fine.total(), failed));
    }

    @Override
    public String toString() {
        return "Ladder at E = " + Numbers.format(ladder.energy()) + " with " + ladder.selfEnergy().name() + " (" + ladder.model().name()
                + ", rung " + ladder.model().rung() + ") on " + ladder.grid().size() + " k-points";
    }

    /** The text form as HTML (notebooks show it instead of a table of the record's components). */
    public String toHtml() {
        return "<pre style=\"white-space:pre-wrap\">" + toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</pre>";
    }
}
