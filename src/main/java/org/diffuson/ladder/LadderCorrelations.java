package org.diffuson.ladder;

import org.diffuson.green.Energy;
import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

import java.util.List;

/**
 * Ladder-dressed correlation functions of a set of vertex insertions at one (q, z1, z2) ({@link Ladder#correlations}):
 * <pre>
 *   L_ab = ∫dk Tr[V_a G1 (V_b + Λ_b) G2] = Π_ab + Tr[left_a Λ_b],   Λ_b = (1 − ΓΦ̄)⁻¹ Γ[right_b],
 * </pre>
 * the vertex correction Λ_b of V_b being k-independent for point-like impurities (seed 004 eqs A1–A6: L^σ_μν =
 * Π^σ_μν + Π^σ_μ0Λ^σ_ν in the spin-resolved form). {@code bare} is Π_ab, {@code dressed} is L_ab, {@code vertexCorrection}
 * is Λ_b (an n×n matrix per insertion).
 */
public record LadderCorrelations(double[] q, Energy e1, Energy e2, List<VertexInsertion> vertices, Complex[][] bare, Complex[][] dressed,
                                 CMatrix[] vertexCorrection, VertexBubble bubble) {
    /** L_ab for insertions a (left, measured) and b (right, source). */
    public Complex get(int a, int b) { return dressed[a][b]; }

    /** Index of the insertion named {@code name}. */
    public int index(String name) {
        for (int i = 0; i < vertices.size(); i++) if (vertices.get(i).name().equals(name)) return i;
        throw new org.diffuson.DiffusonException("name", "no vertex insertion named '" + name + "'", "names: " + vertices);
    }
}
