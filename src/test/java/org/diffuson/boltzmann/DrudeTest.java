package org.diffuson.boltzmann;

import org.diffuson.model.MassiveDirac;
import org.diffuson.model.ParabolicBand;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Drude limits from the Boltzmann pipeline. */
class DrudeTest {
    /**
     * Parabolic band ε = k²/2m (n = 1; ∂H by finite differences since ParabolicBand has no analytic gradient):
     * σ_xx = n e²τ_tr/m with n = k_F²/4π, 1/τ_tr = 1/τ = 2πνu_0² (isotropic scattering), ν = m/2π. In e²/h: ×2π.
     * The 5-point stencil is exact for quadratics, so the tolerance is rounding-level (1e-10 relative).
     */
    @Test
    void parabolicBand() {
        for (double[] c : new double[][]{{0.5, 1, 0.02}, {2, 0.3, 0.005}}) {
            double m = c[0], ef = c[1], u0sq = c[2];
            BoltzmannResult r = BoltzmannSolver.builder(new ParabolicBand(m, 2)).disorder(u0sq).kMax(10 * Math.sqrt(2 * m * ef)).angles(16).build().solve(ef);
            double kf2 = 2 * m * ef, dens = kf2 / (4 * Math.PI), tau = 1 / (2 * Math.PI * (m / (2 * Math.PI)) * u0sq);
            double drude = 2 * Math.PI * dens * tau / m;
            assertEquals(drude, r.total().xx(), 1e-10 * drude);
            assertEquals(drude, r.total().yy(), 1e-10 * drude);
            assertEquals(0, r.total().yx(), 1e-10);
            assertEquals(1 / tau, r.diagnostics().transportRate(), 1e-12 / tau);
        }
    }

    /** Massive Dirac σ_xx = (e²/h)·2(ħv_F)²(1−ξ²)/[u_0²(1+3ξ²)] (seed 002 Eqs. 74–86 and docs/equations.md, last row, absolute form), with v_F ≠ 1. */
    @Test
    void massiveDiracAbsolute() {
        double vf = 1.7, M = 0.5, ef = 1.3, u0sq = 0.03, xi = M / ef;
        BoltzmannResult r = BoltzmannSolver.builder(new MassiveDirac(vf, M)).disorder(u0sq).kMax(4).angles(32).build().solve(ef);
        double expect = 2 * vf * vf * (1 - xi * xi) / (u0sq * (1 + 3 * xi * xi));
        assertEquals(expect, r.total().xx(), 1e-10 * expect);
        // the Hall total is independent of v_F and u_0 (O(τ⁰)): 4ξ(1+ξ²)/(1+3ξ²)²
        assertEquals(4 * xi * (1 + xi * xi) / Math.pow(1 + 3 * xi * xi, 2), r.total().yx(), 1e-9);
    }
}
