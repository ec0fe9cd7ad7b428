package org.diffuson.pipeline;

import org.diffuson.Numbers;

/**
 * How far a number can be trusted, in one line: the SCBA residual (the self-consistency of Σ), the Ward-identity
 * residual where one exists (relative; rounding level for a conserving Σ and rung), and the grid-convergence estimate
 * |value − value on a coarser grid| (half the nodes and angles; an upper bound of the fine grid's error when the
 * quadrature converges faster than linearly).
 *
 * @param scbaResidual  last SCBA update norm (NaN for a fixed Σ)
 * @param wardResidual  relative Ward residual at q = 0, ω = 0 (NaN if not evaluated)
 * @param gridChange    |fine − coarse| of the certified value (NaN if not evaluated)
 * @param value         the certified value
 * @param gridNote      why there is no grid estimate when the coarse-grid evaluation failed (null otherwise)
 */
public record Certificate(double scbaResidual, double wardResidual, double gridChange, double value, String gridNote) {
    /** A certificate whose grid estimate, if any, was evaluated without failure. */
    public Certificate(double scbaResidual, double wardResidual, double gridChange, double value) {
        this(scbaResidual, wardResidual, gridChange, value, null);
    }

    /**
     * Number of significant digits the grid estimate supports (at most 15); 0 when there is no grid estimate (not
     * evaluated, or failed: {@link #gridNote()} says why), i.e. no digit is certified by the grid.
     */
    public int digits() {
        if (!(gridChange >= 0) || value == 0) return 0;
        if (gridChange == 0) return 15;
        return (int) Math.max(0, Math.min(15, Math.floor(-Math.log10(gridChange / Math.abs(value)))));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("certified: ");
        sb.append(Double.isNaN(scbaResidual) ? "fixed Σ (no SCBA)" : "SCBA residual " + Numbers.small(scbaResidual));
        if (!Double.isNaN(wardResidual)) sb.append(" · Ward residual ").append(Numbers.small(wardResidual));
        if (!Double.isNaN(gridChange))
            sb.append(" · coarse-grid change ").append(Numbers.small(gridChange)).append(" (≈ ").append(digits()).append(" digits)");
        else if (gridNote != null)
            sb.append(" · no grid estimate: the coarser grid failed (").append(gridNote).append(")");
        return sb.toString();
    }

    /** The text form as HTML (notebooks show it instead of a table of the record's components). */
    public String toHtml() {
        return "<pre style=\"white-space:pre-wrap\">" + toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</pre>";
    }
}
