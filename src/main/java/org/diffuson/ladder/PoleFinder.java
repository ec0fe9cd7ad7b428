package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.linalg.CMatrix;
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

    /**
     * A pole ω(q), the number of secant iterations (evaluations of K: iterations + 1 when Muller's root is accepted,
     * iterations + 2 when the secant stops on an evaluated point) and a residual. When {@code residualEstimated} is
     * false, {@code residual} is |λ(ω)| evaluated at the returned ω. When it is true (Muller's root accepted, λ never
     * evaluated there), it is the estimate |λ′|·|ω_Muller − ω_secant|: the |λ| the last secant point would have, i.e.
     * the convergence error of that step in units of λ, at most {@link #TOLERANCE}·|λ′||ω|. It does not include λ's
     * rounding floor (about 1e-16 for CoPt), which |λ| evaluated at ω cannot go below ({@link #find(Ladder, double[], Complex)}).
     */
    public record Pole(double[] q, Complex omega, int iterations, double residual, boolean residualEstimated) {
        /** i ω / q²: the effective diffusion constant of a diffusive pole. */
        public Complex effectiveDiffusion() {
            double q2 = 0;
            for (double x : q) q2 += x * x;
            return omega.multiply(Complex.I).divide(q2);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "pole ω = %s at q=%s (%d steps, %s = %.2e)", omega, java.util.Arrays.toString(q), iterations,
                    residualEstimated ? "est. |λ|" : "|λ|", residual);
        }
    }

    /**
     * The diffusion pole at q, started from the pole of the expanded kinetic operator
     * ({@link DiffusionOperator#expandedPole}, accurate to O((qℓ)²) relative), so the secant needs a few steps.
     */
    public static Pole find(Ladder ladder, double[] q) { return find(ladder, q, ladder.diffusion().expandedPole(q)); }

    /** Relative tolerance on ω: the returned pole's estimated error. */
    static final double TOLERANCE = 1e-10;
    private static final double SQRT_TOLERANCE = Math.sqrt(TOLERANCE);

    /**
     * Finds the pole det K(q, ω) = 0 of the ladder (seed 000 Eqs. 1, 8–10, Sec. I.F) near {@code guess} (e.g. −i·rate
     * from the linearized R): secant steps on the eigenvalue λ(ω) of
     * K(q, ω) that vanishes there. Once three values of λ are known, the root of the quadratic through them (Muller's
     * step) is compared with the secant step from the last two: their difference is the secant step's error (the
     * quadratic term the secant neglects, O(e_{k−1}e_k)), and Muller's root is of higher order still, so when they
     * agree to {@link #TOLERANCE}·|ω| (and the secant step itself is below √TOLERANCE·|ω|, so the secant is in its
     * converging regime) the Muller root is returned without evaluating λ there. Otherwise λ is evaluated
     * at the secant point and the iteration goes on; it also stops on a step below the tolerance or a vanishing λ.
     * Started from {@link DiffusionOperator#expandedPole} (error O((qℓ)²)) this takes three evaluations of K.
     * <p>The two starting evaluations are independent: with more than one core the second runs as a fork-join task
     * beside the first. Σ at the three energies they need is solved first, on the calling thread and in the serial
     * order, and only the bubbles run concurrently, so every number is the same as serially and the self-energy model
     * is never called from two threads.
     */
    public static Pole find(Ladder ladder, double[] q, Complex guess) { return find(ladder, q, guess, Runtime.getRuntime().availableProcessors() > 1); }

    /** {@link #find(Ladder, double[], Complex)} with the two starting evaluations side by side or not (same numbers). */
    static Pole find(Ladder ladder, double[] q, Complex guess, boolean parallelStart) {
        Complex w0 = guess, w1 = guess.add(new Complex(0, -1e-3 * Math.max(guess.norm(), 1e-3 / ladder.scbaResult().tau())));
        Complex f0, f1;
        if (parallelStart) {
            // Σ in the serial path's order (Ladder.at: Σ(E + ω0), Σ^A(E), then Σ(E + ω1)), all on this thread, before
            // forking: the self-energy model is never called concurrently and its seeds are those of the serial run
            Energy r = Energy.retarded(ladder.energy()), a = Energy.advanced(ladder.energy());
            Energy e0 = r.shift(w0), e1 = r.shift(w1);
            CMatrix s0 = ladder.sigma(e0), sa = ladder.sigma(a), s1 = ladder.sigma(e1);
            java.util.concurrent.ForkJoinTask<Complex[]> second =
                    java.util.concurrent.ForkJoinTask.adapt(() -> Eigen.values(ladder.at(q, e1, s1, a, sa).kinetic().matrix())).fork();
            try {
                f0 = closest(Eigen.values(ladder.at(q, e0, s0, a, sa).kinetic().matrix()), null);
            } catch (RuntimeException failure) {
                // cancel(true) cannot stop a task that is already running (ForkJoinTask ignores the interrupt flag):
                // it only keeps a not-yet-started second start from running; a running one finishes its one bubble
                second.cancel(true);
                throw failure;
            }
            f1 = closest(second.join(), f0);
        } else {
            f0 = smallestEigen(ladder, q, w0, null);
            f1 = smallestEigen(ladder, q, w1, f0);
        }
        Complex wOld = null, fOld = null;   // the point before w0, once there is one
        double scale = Math.max(f0.norm(), 1e-300);
        for (int it = 1; it <= 60; it++) {
            Complex denom = f1.subtract(f0);
            if (denom.norm() == 0) break;
            Complex slope = denom.divide(w1.subtract(w0));
            Complex w2 = w1.subtract(f1.divide(slope));
            if (wOld != null) {
                Complex m = muller(wOld, fOld, w0, f0, w1, f1);
                double diff = m == null ? Double.POSITIVE_INFINITY : m.subtract(w2).norm();
                // accepted only when the secant itself is converging: its last step below √TOLERANCE·|ω| as well
                if (m != null && diff <= TOLERANCE * m.norm() && w2.subtract(w1).norm() <= SQRT_TOLERANCE * m.norm())
                    return new Pole(q.clone(), m, it, slope.norm() * diff, true);
            }
            wOld = w0;
            fOld = f0;
            w0 = w1;
            f0 = f1;
            w1 = w2;
            f1 = smallestEigen(ladder, q, w1, f0);
            if (w1.subtract(w0).norm() <= TOLERANCE * Math.max(w1.norm(), 1e-300) || f1.norm() < 1e-13 * scale)
                return new Pole(q.clone(), w1, it, f1.norm(), false);
        }
        throw new DiffusonException("pole", "secant iteration did not converge near ω = " + guess + " at q=" + java.util.Arrays.toString(q),
                "start closer (use −i × an eigenvalue of the linearized R) or reduce q");
    }

    /**
     * Muller's step: the root nearest x2 of the quadratic through (x0, f0), (x1, f1), (x2, f2) (the larger-modulus
     * denominator b ± √(b² − 4ac), which avoids cancellation); null if it is not finite.
     */
    static Complex muller(Complex x0, Complex f0, Complex x1, Complex f1, Complex x2, Complex f2) {
        Complex h1 = x1.subtract(x0), h2 = x2.subtract(x1);
        Complex d1 = f1.subtract(f0).divide(h1), d2 = f2.subtract(f1).divide(h2);
        Complex a = d2.subtract(d1).divide(h2.add(h1));
        Complex b = a.multiply(h2).add(d2);
        Complex root = b.multiply(b).subtract(a.multiply(f2).multiply(4)).sqrt();
        Complex dp = b.add(root), dm = b.subtract(root);
        Complex den = dp.norm() >= dm.norm() ? dp : dm;
        Complex x3 = x2.subtract(f2.multiply(2).divide(den));
        return Double.isFinite(x3.getReal()) && Double.isFinite(x3.getImaginary()) ? x3 : null;
    }

    /** The eigenvalue of K(q, ω) closest to {@code previous} (or of smallest modulus). */
    static Complex smallestEigen(Ladder ladder, double[] q, Complex omega, Complex previous) {
        return closest(kineticEigenvalues(ladder, q, omega), previous);
    }

    private static Complex[] kineticEigenvalues(Ladder ladder, double[] q, Complex omega) {
        return Eigen.values(ladder.retardedAdvanced(q, omega).kinetic().matrix());
    }

    /** The eigenvalue closest to {@code previous} (or of smallest modulus). */
    private static Complex closest(Complex[] ev, Complex previous) {
        Complex best = ev[0];
        for (Complex c : ev) {
            double d = previous == null ? c.norm() : c.subtract(previous).norm();
            double db = previous == null ? best.norm() : best.subtract(previous).norm();
            if (d < db) best = c;
        }
        return best;
    }
}
