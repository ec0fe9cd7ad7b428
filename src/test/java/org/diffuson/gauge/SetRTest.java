package org.diffuson.gauge;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression table of the reference set R (seed 004 spec §3, re-derived independently with mpmath): every printed
 * digit (7 significant) must be reproduced, so the tolerance is 1e-6 relative (the table's rounding).
 */
class SetRTest {
    static final SdFerromagnet R = SdFerromagnet.setR();

    static void rel(double expected, double actual, double tol, String what) {
        double r = Math.abs(actual / expected - 1);
        assertTrue(r <= tol, what + ": expected " + expected + ", got " + actual + " (rel " + r + ")");
    }

    @Test
    void table() {
        double[][] t = {{1.549193, 1.264911}, {7.848305e-2, 6.408114e-2}, {2.566276e-3, 2.136449e-3}, {194.834835, 234.033161},
                {155.867868, 124.817686}, {12.23299, 7.998460}};
        for (int s = 0; s < 2; s++) {
            rel(t[0][s], R.fermiMomentum(s), 1e-6, "k_F");
            rel(t[1][s], R.dos(s), 1e-6, "ν");
            rel(t[2][s], R.broadening(s), 1e-6, "γ");
            rel(t[3][s], R.tau(s), 1e-8, "τ");
            rel(t[4][s], R.diffusion(s), 1e-8, "D");
            rel(t[5][s], R.conductivity(s), 1e-6, "σ_σ");
        }
        rel(20.23145, R.chargeConductivity(), 1e-6, "σ_c");
        rel(4.234526, R.spinConductivity(), 1e-6, "σ_s");
        rel(0.209304, R.currentPolarization(), 3e-6, "P_j");
        rel(0.101021, R.dosPolarization(), 5e-6, "P_ν");
        rel(141.911130, R.effectiveDiffusion(), 1e-8, "D_eff");
        rel(2232.7478, 1 / R.spinFlipRate(), 1e-7, "τ_sf");
        rel(4967.294, 1 / R.spinFlipRate(0), 1e-6, "τ_sf↑");
        rel(4055.779, 1 / R.spinFlipRate(1), 1e-6, "τ_sf↓");
        rel(553.2583, R.spinDiffusionLength(), 1e-6, "λ_sf");
        rel(879.910, R.spinLength(0), 1e-6, "ℓ↑");
        rel(711.500, R.spinLength(1), 1e-6, "ℓ↓");
        rel(1.119697e-3, R.beta(), 1e-6, "β");
    }

    @Test
    void drudeAndValetFert() {
        for (int s = 0; s < 2; s++) {
            double kf = R.fermiMomentum(s), n = kf * kf * kf / (6 * Math.PI * Math.PI);
            rel(n * R.tau(s) / R.mass(), R.conductivity(s), 1e-12, "Drude σ_σ = n_στ_σ/m");
        }
        double lam = R.spinDiffusionLength();
        rel(1 / (lam * lam), 1 / Math.pow(R.spinLength(0), 2) + 1 / Math.pow(R.spinLength(1), 2), 1e-12, "λ_sf⁻² = ℓ↑⁻² + ℓ↓⁻²");
        rel(1 / R.spinFlipRate(), 1 / (R.spinFlipRate(0) + R.spinFlipRate(1)), 1e-14, "τ_sf⁻¹ = τ_sf↑⁻¹ + τ_sf↓⁻¹");
    }

    @Test
    void closedFormOracleValues() {
        GaugeClosedForms cf = new GaugeClosedForms(R);
        double q = 1e-4;
        Complex w = new Complex(1e-6);
        assertClose(new Complex(9.525923e-2, 6.712849e-2), cf.chargeK(q, w).multiply(q * q), 1e-6, "q²K");
        assertClose(new Complex(1.990673e6, 1.402802e6), cf.spinK(q, w), 1e-6, "K^s");
        assertClose(new Complex(-1.026736e6, -7.269590e5), cf.spinKDelta(q, w), 1e-6, "ΔK^s");
        assertClose(new Complex(6.365351e-10, -4.506855e-10), cf.z(q, w), 1e-6, "Z");
        assertClose(cf.spinKDelta(q, w), cf.spinKDeltaPrinted(q, w), 1e-12, "ΔK^s both forms");
        assertClose(new Complex(8.836064e-2, 6.920542e-2), cf.chargeK(3e-4, new Complex(1e-5)).multiply(9e-8), 1e-6, "q²K at q=3e-4");
    }

    static void assertClose(Complex e, Complex a, double tol, String what) {
        double r = a.subtract(e).norm() / e.norm();
        assertTrue(r <= tol, what + ": expected " + e + ", got " + a + " (rel " + r + ")");
    }
}
