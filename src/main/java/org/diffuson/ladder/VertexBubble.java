package org.diffuson.ladder;

import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Superoperator;
import org.hipparchus.complex.Complex;

import java.util.List;

/**
 * The bubble Φ̄_q(z1, z2) together with the vertex sums of one set of insertions V_a (one k-sum, {@link Bubble#withVertices}):
 * <pre>
 *   right_a = ∫dk G1 V_a G2,   left_a = ∫dk G2 V_a G1,   Π_ab = ∫dk Tr[V_a G1 V_b G2],
 * </pre>
 * with G1 = G(k + q/2, z1), G2 = G(k − q/2, z2) and V_a at k. right_a is the source of the ladder's vertex correction of
 * V_a, left_a the functional X ↦ ∫Tr[V_a G1 X G2] = Tr[left_a X] that closes it (seed 004 eqs A1–A6 in matrix form).
 */
public record VertexBubble(Superoperator phi, List<VertexInsertion> vertices, CMatrix[] right, CMatrix[] left, Complex[][] pi) {
    public int size() { return vertices.size(); }
}
