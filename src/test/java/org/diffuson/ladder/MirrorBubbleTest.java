package org.diffuson.ladder;

import org.diffuson.green.Energy;
import org.diffuson.green.ScbaOptions;
import org.diffuson.integrate.GridOptions;
import org.diffuson.integrate.KGrid;
import org.diffuson.linalg.CMatrix;
import org.diffuson.model.Coefficient;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Hamiltonians;
import org.diffuson.model.Op;
import org.diffuson.model.Preset;
import org.diffuson.model.TermHamiltonian;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The mirror k_y → −k_y with the spin structure transformed, H(k_x, −k_y) = S H(k)ᵀ S, which halves a finite-q bubble's
 * angular sum at q ∥ x̂. Oracles: (1) the identity checked numerically at random momenta for every model whose
 * {@link Hamiltonian#mirrorY} claims it, and shown to fail for the models that do not (so the claim is not vacuous);
 * (2) the bubble against an independent sum over all angles (the same nested trapezoid, every point evaluated, G by
 * {@link CMatrix#inverse}), for the mirrored path and for the paths that must not use the mirror (q not along x, an
 * in-plane exchange b_x, a Σ that breaks it).
 */
class MirrorBubbleTest {
    static final TermHamiltonian DRESSELHAUS = TermHamiltonian.builder(2, 2)
            .term(Op.s0, Coefficient.k2().times(0.5))
            .term(Op.sx, Coefficient.kx().times(0.3))
            .term(Op.sy, Coefficient.ky().times(-0.3))
            .term(Op.sz, 0.2)
            .build();

    static double mirrorError(Hamiltonian h, double[] s, Random rnd) {
        double err = 0;
        for (int i = 0; i < 20; i++) {
            double kx = 4 * rnd.nextDouble() - 2, ky = 4 * rnd.nextDouble() - 2;
            CMatrix m = h.at(kx, -ky), t = h.at(kx, ky);
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++)
                    err = Math.max(err, m.get(a, b).subtract(t.get(b, a).multiply(s[a] * s[b])).norm());
        }
        return err;
    }

    @Test
    void mirrorIsDetectedExactlyWhereItHolds() {
        Random rnd = new Random(7);
        Hamiltonian copt = Preset.COPT.build().hamiltonian(), dirac = Preset.DIRAC.build().hamiltonian();
        Hamiltonian byField = Preset.COPT.with("by", 0.2).build().hamiltonian(), bxField = Preset.COPT.with("bx", 0.2).build().hamiltonian();
        assertArrayEquals(new double[]{1, -1}, copt.mirrorY());
        assertArrayEquals(new double[]{1, -1}, dirac.mirrorY());
        assertArrayEquals(new double[]{1, -1}, byField.mirrorY());
        assertArrayEquals(new double[]{1, 1}, DRESSELHAUS.mirrorY());
        assertArrayEquals(new double[]{1}, Hamiltonians.parabolic(2).with("m", 1.0).mirrorY());
        for (Hamiltonian h : new Hamiltonian[]{copt, dirac, byField, DRESSELHAUS})
            assertEquals(0, mirrorError(h, h.mirrorY(), rnd), 1e-14, h.toString());
        // b_x σ_x breaks it: no sign pattern works, and none is claimed
        assertNull(bxField.mirrorY());
        for (double[] s : new double[][]{{1, 1}, {1, -1}}) assertTrue(mirrorError(bxField, s, rnd) > 0.1);
        // a 3D model claims nothing
        assertNull(Hamiltonians.parabolic(3).with("m", 1.0).mirrorY());
    }

    /** Σ_r w_r (1/N) Σ_j G(k_j − q/2, z2)ᵀ ⊗ G(k_j + q/2, z1) at θ_j = 2πj/N: every point of the bubble's nested rule with N angles. */
    static CMatrix direct(Ladder l, double[] q, Energy e1, CMatrix s1, Energy e2, CMatrix s2, int nAng) {
        KGrid g = l.grid();
        Hamiltonian h = l.model().hamiltonian();
        Complex z1 = e1.z(), z2 = e2.z();
        Complex[][] phi = new Complex[4][4];
        for (Complex[] row : phi) java.util.Arrays.fill(row, Complex.ZERO);
        for (int r = 0; r < g.radialSize(); r++)
            for (int j = 0; j < nAng; j++) {
                double th = 2 * Math.PI * j / nAng, k = g.radialNode(r), w = g.radialWeight(r) / nAng;
                double kx = k * Math.cos(th), ky = k * Math.sin(th);
                CMatrix g1 = CMatrix.identity(2).scale(z1).minus(h.at(kx + q[0] / 2, ky + q[1] / 2)).minus(s1).inverse();
                CMatrix g2 = CMatrix.identity(2).scale(z2).minus(h.at(kx - q[0] / 2, ky - q[1] / 2)).minus(s2).inverse();
                for (int a = 0; a < 2; a++)
                    for (int b = 0; b < 2; b++)
                        for (int c = 0; c < 2; c++)
                            for (int d = 0; d < 2; d++)
                                phi[a + 2 * b][c + 2 * d] = phi[a + 2 * b][c + 2 * d].add(g1.get(a, c).multiply(g2.get(d, b)).multiply(w));
            }
        return CMatrix.of(phi);
    }

    static void assertBubble(Ladder l, double[] q, Energy e1, CMatrix s1, Energy e2, CMatrix s2, boolean mirrored, String what) {
        Bubble b = new Bubble(l.model(), l.resolvent().space());
        CMatrix phi = b.compute(q, e1, s1, e2, s2).matrix();
        assertEquals(mirrored, b.lastMirrored(), what + ": mirror used");
        CMatrix ref = direct(l, q, e1, s1, e2, s2, b.lastAngles());
        // 1e-13 relative: the same rule summed in another order, rounding only (measured 0.5–4.2e-15)
        assertTrue(phi.minus(ref).normMax() <= 1e-13 * ref.normMax(), what + ": " + phi.minus(ref).normMax() / ref.normMax());
    }

    @Test
    void mirroredBubbleEqualsTheSumOverAllAngles() {
        for (var model : new org.diffuson.model.Model[]{Preset.COPT.build(), Preset.COPT.with("bx", 0.2).build()}) {
            Ladder l = Ladder.scba(model, 0.0, new GridOptions(8, 64, 16, 16), ScbaOptions.defaults());
            double q = 0.1 / l.meanFreePath();
            Energy e1 = Energy.retarded(0).shift(new Complex(-1e-7, -3.5e-4)), e2 = Energy.advanced(0);
            CMatrix s1 = l.sigma(e1), s2 = l.sigma(e2);
            boolean symmetric = model.hamiltonian().mirrorY() != null;
            assertBubble(l, new double[]{q, 0}, e1, s1, e2, s2, symmetric, model.name() + " q ∥ x");
            assertBubble(l, new double[]{0.6 * q, 0.8 * q}, e1, s1, e2, s2, false, model.name() + " oblique q");
            // Σ with an off-diagonal part that breaks S Σᵀ S = Σ for S = σz (symmetric Σ_01 = Σ_10 ≠ 0)
            CMatrix broken = s1.plus(CMatrix.of(2, 2, new double[]{0, 0, 0.01, 0, 0.01, 0, 0, 0}));
            assertBubble(l, new double[]{q, 0}, e1, broken, e2, s2, false, model.name() + " Σ breaking the mirror");
        }
    }
}
