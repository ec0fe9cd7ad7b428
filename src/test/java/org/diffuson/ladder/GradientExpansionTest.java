package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 000 Sec. V (Eqs. 376–421): the semi-analytic gradient expansion of the CoPt bubble against the numerical
 * ladder and its diffusion operator. Two methods: Sec. V expands only the denominators of G to linear order in q and ω
 * and takes the spectral weight ρ at q = ω = 0; the library computes Φ̄(q, ω) on the grid and expands K by finite
 * differences. They must agree exactly at q = 0 (ρ/δ = 1/(d^R d^A) is an identity) and, for the diffusion constant of
 * the conserved mode, to O(1/(ε_Fτ)) — the order of what Sec. V neglects (q-dependence of numerators and of ρ) — and no
 * better: the discrepancy must shrink as the disorder weakens.
 */
class GradientExpansionTest {

    static Ladder copt(double gamma, double e) {
        return Ladder.scba(Preset.COPT.with("gamma", gamma).build(), e);
    }

    @Test
    void exactAtZeroWaveVector() {
        Ladder l = copt(0.1, 0.3);
        GradientExpansion g = GradientExpansion.coPt(l, 1, 0.5, 0.5);
        Superoperator num = l.retardedAdvanced(new double[]{0, 0}, 0.0).bubble();
        double rel = num.minus(g.phi0()).normMax() / num.normMax();
        assertTrue(rel < 1e-12, "Φ̄₀: Sec. V's ρ/δ = 1/(d^R d^A) exactly; relative difference " + rel);
        // both conserve charge: R has an exact zero mode
        assertTrue(java.util.Arrays.stream(g.relaxationRates()).anyMatch(z -> z.norm() < 1e-12), "R = −iK_ω⁻¹K₀ has a zero mode");
    }

    @Test
    void diffusionConstantAgreesToOrderOneOverEFTau() {
        // E = 0.3 (both bands at the Fermi level), ε_F = E + b_z = 0.8 from the bare band bottom
        double e = 0.3, eF = 0.8;
        double[] gammas = {0.1, 0.025};
        double[] rel = new double[2];
        for (int i = 0; i < 2; i++) {
            Ladder l = copt(gammas[i], e);
            GradientExpansion g = GradientExpansion.coPt(l, 1, 0.5, 0.5);
            Complex semi = g.effectiveDiffusion(0), num = l.diffusion().effectiveDiffusion(0);
            double tau = l.scbaResult().tau();
            rel[i] = semi.subtract(num).norm() / num.norm();
            System.out.printf("γ=%.3g ε_Fτ=%.4g: D Sec. V %s, numerical %s, relative difference %.3e%n", gammas[i], eF * tau, semi, num, rel[i]);
            assertTrue(rel[i] < 1 / (eF * tau), "Sec. V vs numerical D at γ=" + gammas[i] + ": " + rel[i] + " ≥ 1/(ε_Fτ) = " + 1 / (eF * tau));
            assertTrue(Math.abs(num.getImaginary()) < 1e-6 * num.getReal(), "the numerical D of the conserved mode is real");
        }
        // the neglected terms are O(1/(ε_Fτ)): a 4× weaker disorder must at least halve the discrepancy (measured 2.8×)
        assertTrue(rel[1] < 0.5 * rel[0], "discrepancy must shrink with the disorder: " + rel[0] + " → " + rel[1]);
    }

    @Test
    void effectiveDiffusionIsTheSlowEigenvalueOfTheExpandedPole() {
        // second-order perturbation theory vs the slow eigenvalue of L(q) = R + qP_x + q²D_xx at qℓ = 1e-3 (error O((qℓ)²))
        Ladder l = copt(0.1, 0.3);
        DiffusionOperator d = l.diffusion();
        double q = 1e-3 / l.meanFreePath();
        Superoperator lq = d.kOmega().inverse().scale(new Complex(0, -1))
                .compose(d.k0().plus(d.kLinear()[0].scale(q)).plus(d.kQuadratic()[0][0].scale(q * q)));
        Complex slow = null;
        for (Complex z : lq.eigenvalues()) if (slow == null || z.norm() < slow.norm()) slow = z;
        Complex fromEig = slow.divide(q * q), pert = d.effectiveDiffusion(0);
        assertEquals(0, fromEig.subtract(pert).norm() / pert.norm(), 1e-5, "perturbation " + pert + " vs eigenvalue " + fromEig);
        // CoPt: charge couples to in-plane spin at O(q), so the projection w†D_xx v alone is not the diffusion constant
        assertTrue(d.zeroModeDiffusion(0, 0).subtract(pert).norm() > 0.5 * pert.norm());
        // a scalar band has no such coupling: the two agree
        DiffusionOperator drude = Ladder.scba(Preset.DRUDE.build(), 10.0).diffusion();
        assertEquals(0, drude.effectiveDiffusion(0).subtract(drude.zeroModeDiffusion(0, 0)).norm(), 1e-9 * drude.effectiveDiffusion(0).norm());
    }

    @Test
    void wrongModelIsRejectedWithTheParameter() {
        Ladder l = copt(0.1, 0.3);
        DiffusonException ex = assertThrows(DiffusonException.class, () -> GradientExpansion.coPt(l, 1, 0.4, 0.5));
        assertTrue(ex.getMessage().contains("model"), ex.getMessage());
        Model dirac = Preset.DIRAC.build();
        assertThrows(DiffusonException.class, () -> GradientExpansion.coPt(Ladder.scba(dirac, 1.0), 1, 0.5, 0.5));
    }
}
