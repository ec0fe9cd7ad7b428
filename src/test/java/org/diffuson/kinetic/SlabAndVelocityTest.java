package org.diffuson.kinetic;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.SphereRule;
import org.diffuson.scattering.BornPotential;
import org.diffuson.scattering.HostMetal;
import org.diffuson.scattering.PartialWaveTMatrix;
import org.diffuson.scattering.PhaseShifts;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/** Spin-diffusion slab solver vs its analytic profile; anomalous velocity S39 vs Levy S42 in the Born limit; the map. */
class SlabAndVelocityTest {
    static final HostMetal H = HostMetal.unit();

    static void report(String name, double residual, double tol) {
        System.out.printf(Locale.ROOT, "ORACLE %-60s residual %.3e (tol %.0e)%n", name, residual, tol);
        assertTrue(residual <= tol, name + ": residual " + residual + " > " + tol);
    }

    @Test
    void spinHallSlabMatchesAnalyticProfile() {
        SpinChargeCoefficients c = KineticSolver.solve(new PartialWaveTMatrix(PhaseShifts.threeChannel(0.1, Math.PI / 2, 0.05), H), 0.01 * H.carrierDensity());
        double worst = 0, worstG = 0;
        for (double wOverL : new double[]{0.3, 2, 10}) {
            SpinDiffusionSlab.Params p = SpinDiffusionSlab.Params.of(c, wOverL * c.lambdaT());
            SpinDiffusionSlab.Profile pr = SpinDiffusionSlab.spinHall(p, 1e-3, 64);
            double scale = Math.abs(pr.analyticSpinHall(p.width() / 2));
            for (int i = 0; i < pr.x().length; i++) {
                worst = Math.max(worst, Math.abs(pr.s()[2][i] - pr.analyticSpinHall(pr.x()[i])) / scale);
                worst = Math.max(worst, (Math.abs(pr.s()[0][i]) + Math.abs(pr.s()[1][i])) / scale);
            }
            worstG = Math.max(worstG, Math.abs(pr.conductanceRatio() - pr.conductanceRatioAnalytic()));
        }
        // Chebyshev second-derivative matrices carry ~N⁴ε rounding (64 nodes): 1e−10 relative
        report("slab spin Hall profile s_z(x) vs sinh/cosh analytic, W/λ ∈ {0.3,2,10}", worst, 1e-10);
        report("slab ISHE conductance ratio vs 1 + θ²(2λ/W)tanh(W/2λ)", worstG, 1e-12);
    }

    @Test
    void injectedLongitudinalAndTransverseDecayLengths() {
        // inject J_xb at the left edge of a wide slab: s_b(x) ∝ cosh((W/2 − x)/λ_b)/sinh(W/λ_b), λ_x = λ_L, λ_y = λ_T
        SpinDiffusionSlab.Params p = new SpinDiffusionSlab.Params(1.0, 0.0, 0.8, 1.3, 2.0, 6.0);
        SpinDiffusionSlab.Profile pr = SpinDiffusionSlab.solve(p, 0, new double[]{1, 1, 0}, new double[3], 64);
        double worst = 0;
        double[] lam = {p.lambdaL(), p.lambdaT()}, d = {p.dsL(), p.dsT()};
        for (int b = 0; b < 2; b++)
            for (int i = 0; i < pr.x().length; i++) {
                double exact = lam[b] / d[b] * Math.cosh((p.width() / 2 - pr.x()[i]) / lam[b]) / Math.sinh(p.width() / lam[b]);
                worst = Math.max(worst, Math.abs(pr.s()[b][i] - exact));
            }
        report("injected spin: longitudinal (λ_L) and transverse (λ_T) profiles", worst, 1e-11);
        assertEquals("width", assertThrows(DiffusonException.class, () -> new SpinDiffusionSlab.Params(1, 0, 1, 1, 1, 0)).parameter());
    }

    @Test
    void bornAnomalousVelocityVsLevy() {
        // S46–S50: |ω| = γ|σ×p|/τ_tr, |ω_Levy| = γ|σ×p|/τ_qp for U(q) = U₀ e^{−q²a²/2}; our sign ω = −γ σ×p/τ_tr
        // ω/γ = −k_F/τ_tr (1 + O(γ)): Richardson on γ and 2γ removes the O(γ) term (|ω_Levy| has none)
        double nIm = 1e-3, g = 1e-4;
        double worst = 0;
        for (double a : new double[]{0.0, 0.5, 1.5}) {
            SphereRule rule = SphereRule.of(40, 80);
            BornPotential b1 = BornPotential.gaussian(H, 0.5, g, a), b2 = BornPotential.gaussian(H, 0.5, 2 * g, a);
            double[] rates = AnomalousVelocity.bornRates(b1, nIm, rule);
            double[] w1 = AnomalousVelocity.of(b1, nIm, new double[]{1, 0, 0}, true, rule);
            double[] w2 = AnomalousVelocity.of(b2, nIm, new double[]{1, 0, 0}, true, rule);
            double[] wl = AnomalousVelocity.levy(b1, nIm, new double[]{1, 0, 0}, true, rule);
            double lead = 2 * w1[1] / g - w2[1] / (2 * g);
            double expect = -H.kF() * rates[0], expectL = g * H.kF() * rates[1];
            worst = Math.max(worst, Math.abs(lead - expect) / Math.abs(expect));
            worst = Math.max(worst, Math.abs(Math.abs(wl[1]) - expectL) / expectL);
            worst = Math.max(worst, (Math.abs(w1[0]) + Math.abs(w1[2]) + Math.abs(wl[0]) + Math.abs(wl[2])) / Math.abs(g * expect));
        }
        report("Born ω = −γσ×p/τ_tr and |ω_Levy| = γ|σ×p|/τ_qp (leading order in γ)", worst, 1e-12);
    }

    @Test
    void mapMatchesSinglePointsAndReportsProgress() {
        double[] a = {-0.1, 0.0, 0.1}, b = {-0.2, 0.2};
        java.util.concurrent.atomic.AtomicInteger last = new java.util.concurrent.atomic.AtomicInteger();
        PhaseShiftMap.Result m = PhaseShiftMap.compute(H, 0.01, new PhaseShiftMap.Axes(0, 2), a, b, new double[]{0, Math.PI / 2, 0},
                d -> last.accumulateAndGet(d, Math::max));
        assertEquals(6, last.get());
        SpinChargeCoefficients single = KineticSolver.solve(new PartialWaveTMatrix(PhaseShifts.threeChannel(0.1, Math.PI / 2, -0.2), H), 0.01 * H.carrierDensity());
        assertEquals(single.thetaSH(), m.thetaSH()[2][0], 0);
    }
}
