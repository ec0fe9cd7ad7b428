package org.diffuson.gauge;

import org.diffuson.DiffusonException;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.complex.Complex;

/**
 * Diffusion modes of the s–d ferromagnet (seed 004 eqs 32–34): the roots of the closed-form quadratic Z(q, ω) = 0
 * ({@link GaugeClosedForms#modes}) and the poles of the full wide-band ladder, det(1 − WΠ)(q, ω) = 0. On ω = −iΓ both are
 * real functions of Γ (purely diffusive modes), so the ladder poles are found by Brent bracketing around the Z roots.
 * Set R is only marginally diffusive (λ_sf ≈ 1.8ℓ): ladder poles and Z roots differ by a few percent at q = 1e-3
 * (spec errata); the q = 0 gap is exact, ω = −i/τ_sf.
 */
public final class DiffusionModes {
    private DiffusionModes() {}

    /** Both ladder poles at |q| (charge-like first), as ω = −iΓ. */
    public static Complex[] ladderPoles(SdFerromagnet fm, double q) {
        SpinFlipLadder l = new SpinFlipLadder(fm);
        Complex[] cf = new GaugeClosedForms(fm).modes(q);
        Complex[] out = new Complex[2];
        double gMax = 0.5 / Math.max(fm.tau(0), fm.tau(1));
        for (int i = 0; i < 2; i++) {
            double g0 = -cf[i].getImaginary();
            if (g0 == 0) {
                out[i] = Complex.ZERO;
                continue;
            }
            double lo = g0 * 0.7, hi = Math.min(g0 * 1.3, gMax);
            java.util.function.DoubleUnaryOperator f = g -> l.determinant(new double[]{q}, new Complex(0, -g)).getReal();
            int grow = 0;
            while (f.applyAsDouble(lo) * f.applyAsDouble(hi) > 0 && grow++ < 12) {
                lo *= 0.8;
                hi = Math.min(hi * 1.2, gMax);
            }
            if (f.applyAsDouble(lo) * f.applyAsDouble(hi) > 0)
                throw new DiffusonException("q", "no ladder pole bracketed near Γ = " + g0 + " at q = " + q, "q is outside the diffusive regime (qℓ ≳ 1)");
            double root = new BrentSolver(1e-15 * g0, 1e-15 * g0).solve(200, f::applyAsDouble, lo, hi);
            out[i] = new Complex(0, -root);
        }
        return out;
    }
}
