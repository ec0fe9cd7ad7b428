package org.diffuson.compare;

import org.diffuson.model.Preset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Drude conductivity from both methods (issue 4 item 2). Parabolic band ε = k²/2m, white noise γ = u₀²:
 * σ_xx = n e²τ/m, n = k_F²/4π = mε_F/2π, 1/τ = 2πνγ = mγ (the Drude model, not in seed 000), so σ/(e²/h) = 2π nτ/m = ε_F/(mγ)
 * and σ_xx·u₀² = ε_F/m exactly, independent of disorder. The massive-Dirac σ_xx = 2(1−ξ²)/[u₀²(1+3ξ²)] is checked
 * from both sides in {@link AgreementTest}.
 */
class DrudeKuboTest {
    @ParameterizedTest
    @EnumSource(Agreement.SelfEnergy.class)
    void parabolicBandBothMethods(Agreement.SelfEnergy se) {
        double m = 1.0, ef = 1.0, drude = ef / m;
        AgreementResult r = Agreement.builder(u -> Preset.DRUDE.with("m", m).with("gamma", u).with("cutoffEnergy", 100.0).build())
                .fermiEnergy(ef).disorders(0.04, 0.02, 0.01).selfEnergy(se).boltzmann(b -> b.kMax(10).angles(16)).build().run();
        System.out.println(r.table().print());
        // Boltzmann: exact (rounding-level, see boltzmann.DrudeTest)
        assertEquals(drude, r.boltzmannXxU0sq(), 1e-10);
        assertEquals(0, r.boltzmannYx(), 1e-10);
        double[] u = r.disorders(), x = r.kuboXxU0sq(), y = r.kuboYx();
        for (int i = 0; i < u.length; i++) {
            // finite disorder: O(1/(ε_Fτ)) = O(mγ/ε_F) with ε_Fτ = 25, 50, 100; bound 2/(ε_Fτ). Measured: on-shell
            // Born 1e-8·(ε_Fτ)⁻²-small (8.5e-7 at ε_Fτ = 25); SCBA 0.89/(ε_Fτ), from Re Σ shifting ε_F by
            // ≈ γ(m/2π)ln(U_C/ε_F) (cutoff U_C = 100)
            double invEfTau = m * u[i] / ef;
            assertEquals(drude, x[i], 2 * invEfTau * drude, "u0²=" + u[i]);
            assertEquals(0, y[i], 1e-10, "no Hall response without spin-orbit/magnetization");
        }
        // after extrapolation in u0²: linear within 1e-3, quadratic within 1e-4 (relative); measured linear 2.3e-5
        // (SCBA) / 8e-8 (Born), quadratic 3.3e-7 / 1.1e-7
        assertEquals(drude, r.kuboXxLinear(), 1e-3 * drude);
        assertEquals(drude, r.kuboXxQuadratic(), 1e-4 * drude);
    }
}
