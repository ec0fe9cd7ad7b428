package org.diffuson.pipeline;

import org.diffuson.Numbers;
import org.diffuson.green.ScbaResult;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.OperatorBasis;
import org.hipparchus.complex.Complex;

/** The SCBA step: Σ^R(E) with its grid and convergence data. {@link #ladder()} continues on the same grid. */
public record ScbaStep(Pipeline pipeline, ScbaResult result) {
    /** The ladder (Bethe–Salpeter, seed 000 Eq. 13) built on this SCBA result without solving it again. */
    public LadderStep ladder() { return new LadderStep(pipeline, Ladder.fromScba(result, pipeline.options())); }

    public double energy() { return result.energy().re(); }

    /** Transport time τ = −1/(2 Im Σ_0) of the scalar part. */
    public double tau() { return result.tau(); }

    /** Short form: Σ components (numerical zeros dropped), τ, iterations and residual. */
    @Override
    public String toString() {
        OperatorBasis b = OperatorBasis.standard(result.model().dim());
        Complex[] c = b.components(result.sigma());
        double scale = 0;
        for (Complex z : c) scale = Math.max(scale, z.norm());
        StringBuilder sb = new StringBuilder("SCBA Σᴿ(E = ").append(Numbers.format(energy())).append(") of ").append(result.model().name()).append(": ");
        int shown = 0;
        for (int i = 0; i < c.length; i++) {
            if (Numbers.isZero(c[i].norm(), scale)) continue;
            if (shown++ > 0) sb.append(", ");
            sb.append("Σ_").append(b.name(i)).append(" = ").append(Numbers.complex(c[i].getReal(), c[i].getImaginary(), scale, 6));
        }
        sb.append("; τ = ").append(Numbers.format(tau()))
                .append(" (ħ = 1; energies in the model's units) — ").append(result.iterations()).append(" iterations, residual ")
                .append(Numbers.small(result.residual())).append(", ").append(result.grid().size()).append(" k-points");
        return sb.toString();
    }

    /** The text form as HTML (notebooks show it instead of a table of the record's components). */
    public String toHtml() {
        return "<pre style=\"white-space:pre-wrap\">" + toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</pre>";
    }
}
