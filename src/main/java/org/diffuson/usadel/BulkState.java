package org.diffuson.usadel;

import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

/**
 * A uniform solution in the θ-parametrization: ǧ = Σ_s P_s (cosΘ_s τ3 − sinΘ_s τ2), P_s = (1 + s ĥ·σ)/2, at a
 * Matsubara frequency (ω real) or a retarded energy (ω = η − iε). g_s = cosΘ_s, f_s = i sinΘ_s.
 *
 * @param omega       the complex frequency ω (Matsubara: ω_n; retarded: η − iε)
 * @param thetaUp     Θ_+ (spin parallel to ĥ)
 * @param thetaDown   Θ_−
 * @param hHat        unit vector of the exchange field
 * @param iterations  Newton iterations used at the final point
 */
public record BulkState(Complex omega, Complex thetaUp, Complex thetaDown, double[] hHat, int iterations) {

    /** Singlet normal part g0 = (g_+ + g_−)/2. */
    public Complex g0() {
        return thetaUp.cos().add(thetaDown.cos()).multiply(0.5);
    }

    /** Triplet normal part along ĥ, g3 = (g_+ − g_−)/2. */
    public Complex g3() {
        return thetaUp.cos().subtract(thetaDown.cos()).multiply(0.5);
    }

    /** Singlet anomalous part f0 = i(sinΘ_+ + sinΘ_−)/2 (= iΔ/Ω for BCS). */
    public Complex f0() {
        return thetaUp.sin().add(thetaDown.sin()).multiply(new Complex(0, 0.5));
    }

    /** Triplet anomalous part along ĥ, f3 = i(sinΘ_+ − sinΘ_−)/2. */
    public Complex f3() {
        return thetaUp.sin().subtract(thetaDown.sin()).multiply(new Complex(0, 0.5));
    }

    /** F0 = −i f0 = (sinΘ_+ + sinΘ_−)/2, the quantity entering the gap equation. */
    public Complex singlet() {
        return thetaUp.sin().add(thetaDown.sin()).multiply(0.5);
    }

    /**
     * Density of states N(ε)/N_F = ¼ Re Tr τ3ǧ^R = Re g0 (meaningful for a retarded state, ω = η − iε), checked
     * N ≥ −O(η) ({@link Usadel#checkDos}).
     */
    public double dos() {
        double n = g0().getReal();
        if (omega.getImaginary() != 0) Usadel.checkDos("bulk", -omega.getImaginary(), n, omega.getReal());
        return n;
    }

    /** The 4×4 Nambu⊗spin matrix ǧ. */
    public CMatrix matrix() {
        return Nambu.theta(thetaUp, thetaDown, hHat);
    }
}
