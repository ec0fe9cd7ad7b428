package org.diffuson.ladder;

import org.diffuson.green.Energy;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Current vertices of {@link Bubble#withVertices} on the seed 000 minimal model (Zeeman-split bands, spin-mixing σx
 * disorder, exact velocities of the TermHamiltonian; H even in k, so a hard cutoff keeps ∫G(k ± q/2) shift invariant to O(q²)): the Ward identity of the velocity vertex, q·∫G1 v G2 = Φ̄[(z1 − z2) − ΔΣ] + ∫G1 − ∫G2, which
 * follows from H(k + q/2) − H(k − q/2) = v(k)·q for H quadratic in k; and the density insertion reproducing Φ̄[P].
 */
class VertexBubbleTest {
    @Test
    void velocityVertexWardIdentity() {
        Ladder l = Ladder.scba(Preset.MINIMAL.with("cutoffEnergy", 200.0).build(), 1.0);
        double[] q = {1e-3, 0.5e-3};
        Energy e1 = Energy.retarded(1.0 + 1e-3), e2 = Energy.advanced(1.0);
        CMatrix s1 = l.sigma(e1), s2 = l.sigma(e2);
        List<VertexInsertion> v = List.of(VertexInsertion.current(Pauli.S0, 0, "v_x"), VertexInsertion.current(Pauli.S0, 1, "v_y"),
                VertexInsertion.density(Pauli.SZ, "σz"), VertexInsertion.current(Pauli.SZ, 0, "½{σz, v_x}"));
        VertexBubble b = l.bubble().withVertices(q, e1, s1, e2, s2, v);
        CMatrix lhs = b.right()[0].scale(q[0]).plus(b.right()[1].scale(q[1]));
        CMatrix drive = CMatrix.identity(2).scale(e1.z().subtract(e2.z())).minus(s1.minus(s2));
        CMatrix rhs = b.phi().apply(drive).plus(l.deltaG(e1, e2));
        double res = lhs.minus(rhs).normMax() / lhs.normMax();
        System.out.printf("[ladder-oracle] velocity-vertex Ward identity on the grid (minimal model, q = (1e-3, 5e-4), cutoff 200): %.3e (tol 1e-6; the cutoff crescent of ∫G(k ± q/2) is O(q²/U²): 7.3e-6 at cutoff 20)%n", res);
        assertTrue(res < 1e-6, "Ward residual " + res);
        double dens = b.right()[2].minus(b.phi().apply(Pauli.SZ)).normMax() / b.right()[2].normMax();
        System.out.printf("[ladder-oracle] density insertion right[σz] = Φ̄[σz]: %.3e%n", dens);
        assertTrue(dens < 1e-12);
        // left_a is the functional X ↦ ∫Tr[V_a G1 X G2]: Π_ab = Tr[left_a V_b] for a density V_b
        double pi = b.pi()[0][2].subtract(b.left()[0].times(Pauli.SZ).trace()).norm() / b.pi()[0][2].norm();
        assertTrue(pi < 1e-12, "Π vs left functional " + pi);
    }
}
