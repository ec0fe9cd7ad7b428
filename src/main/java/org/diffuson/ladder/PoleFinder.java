package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.Eigen;
import org.hipparchus.complex.Complex;

import java.util.Locale;

/**
 * Poles of the ladder: the complex ω with det K(q, ω) = 0, found by the secant method on the eigenvalue of K(q, ω)
 * that vanishes there (better conditioned than det). This keeps the full ω-dependence that the linearized R drops
 * (seed 000 Eqs. 8–10, Sec. I.F); D_eff = i·ω_pole/q² as q → 0.
 */
public final class PoleFinder {
    private PoleFinder() {}

    /** A pole ω(q) with the number of secant steps and the final |λ|. */
    public record Pole(double[] q, Complex omega, int iterations, double residual) {
        /** i ω / q²: the effective diffusion constant of a diffusive pole. */
        public Complex effectiveDiffusion() {
            double q2 = 0;
            for (double x : q) q2 += x * x;
            return omega.multiply(Complex.I).divide(q2);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "pole ω = %s at q=%s (%d steps, |λ| = %.2e)", omega, java.util.Arrays.toString(q), iterations, residual);
        }
    }

    /**
     * The diffusion pole at q, started from the pole of the expanded kinetic operator
     * ({@link DiffusionOperator#expandedPole}, accurate to O((qℓ)²) relative), so the secant needs a few steps.
     */
    public static Pole find(Ladder ladder, double[] q) { return find(ladder, q, ladder.diffusion().expandedPole(q)); }

    /** Finds the pole near {@code guess} (e.g. −i·rate from the linearized R). */
    public static Pole find(Ladder ladder, double[] q, Complex guess) {
        Complex w0 = guess, w1 = guess.add(new Complex(0, -1e-3 * Math.max(guess.norm(), 1e-3 / ladder.scbaResult().tau())));
        Complex f0 = smallestEigen(ladder, q, w0, null), f1 = smallestEigen(ladder, q, w1, f0);
        double scale = Math.max(f0.norm(), 1e-300);
        for (int it = 1; it <= 60; it++) {
            Complex denom = f1.subtract(f0);
            if (denom.norm() == 0) break;
            Complex w2 = w1.subtract(f1.multiply(w1.subtract(w0)).divide(denom));
            w0 = w1;
            f0 = f1;
            w1 = w2;
            f1 = smallestEigen(ladder, q, w1, f0);
            if (w1.subtract(w0).norm() <= 1e-10 * Math.max(w1.norm(), 1e-300) || f1.norm() < 1e-13 * scale)
                return new Pole(q.clone(), w1, it, f1.norm());
        }
        throw new DiffusonException("pole", "secant iteration did not converge near ω = " + guess + " at q=" + java.util.Arrays.toString(q),
                "start closer (use −i × an eigenvalue of the linearized R) or reduce q");
    }

    /** The eigenvalue of K(q, ω) closest to {@code previous} (or of smallest modulus). */
    static Complex smallestEigen(Ladder ladder, double[] q, Complex omega, Complex previous) {
        Complex[] ev = Eigen.values(ladder.retardedAdvanced(q, omega).kinetic().matrix());
        Complex best = ev[0];
        for (Complex c : ev) {
            double d = previous == null ? c.norm() : c.subtract(previous).norm();
            double db = previous == null ? best.norm() : best.subtract(previous).norm();
            if (d < db) best = c;
        }
        return best;
    }
}
