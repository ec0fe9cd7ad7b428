package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;

/**
 * A vertex inserted into a Kubo bubble: a density vertex V = P (a constant n×n matrix, {@code axis} &lt; 0) or a current
 * vertex V(k) = ½{P, v_a(k)} with v_a = ∂H/∂k_a the model's exact velocity at the bubble's mid-point k (k ± q/2 on the
 * two Green functions; seed 004 eqs 13–24: v_0 = 1, v_i = k_i/m). P = 1 gives the charge density/current, P = σ_z the
 * spin density/current of seed 004 (ρ_s = −ec†σ^zc). Used by {@link Bubble#withVertices} and
 * {@link Ladder#correlations}.
 */
public record VertexInsertion(CMatrix matrix, int axis, String name) {
    public VertexInsertion {
        if (matrix.rows() != matrix.cols())
            throw new DiffusonException("matrix", "a vertex matrix must be square, got " + matrix.rows() + "×" + matrix.cols(), "pass an n×n matrix");
        if (axis > 2) throw new DiffusonException("axis", "must be −1 (density) or 0, 1, 2 (current along x, y, z), got " + axis, "use density(...) or current(...)");
    }

    /** The density vertex P. */
    public static VertexInsertion density(CMatrix p, String name) { return new VertexInsertion(p, -1, name); }

    /** The current vertex ½{P, ∂H/∂k_axis}. */
    public static VertexInsertion current(CMatrix p, int axis, String name) {
        if (axis < 0) throw new DiffusonException("axis", "a current vertex needs axis 0, 1 or 2, got " + axis, "x = 0, y = 1, z = 2");
        return new VertexInsertion(p, axis, name);
    }

    public boolean isCurrent() { return axis >= 0; }

    @Override
    public String toString() { return name; }
}
