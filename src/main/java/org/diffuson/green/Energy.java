package org.diffuson.green;

import org.diffuson.DiffusonException;
import org.hipparchus.complex.Complex;

import java.util.Locale;

/**
 * A (complex) energy argument of G(k, z) with its analytic branch: retarded z = E + i0, advanced z = E − i0, or a
 * genuinely complex z (Matsubara z = μ + iω_n, or any point for Ward-identity checks); seed 000 Eqs. 2, 7, 154.
 */
public record Energy(double re, double im, Branch branch) {
    /** RETARDED_CONTINUED: the retarded branch continued to a complex z (for pole finding below the real axis). */
    public enum Branch { RETARDED, ADVANCED, COMPLEX, RETARDED_CONTINUED }

    public Energy {
        DiffusonException.requireFinite("energy", re);
        DiffusonException.requireFinite("energy (imaginary part)", im);
        if ((branch == Branch.RETARDED || branch == Branch.ADVANCED) && im != 0)
            throw new DiffusonException("energy", "retarded/advanced energies are real, got Im = " + im, "use Energy.complex for complex z");
    }

    public static Energy retarded(double e) { return new Energy(e, 0, Branch.RETARDED); }
    public static Energy advanced(double e) { return new Energy(e, 0, Branch.ADVANCED); }
    public static Energy complex(double re, double im) { return new Energy(re, im, Branch.COMPLEX); }
    public static Energy complex(Complex z) { return complex(z.getReal(), z.getImaginary()); }

    /** Matsubara energy z = μ + iω_n. */
    public static Energy matsubara(double mu, double omegaN) { return complex(mu, omegaN); }

    public Complex z() { return new Complex(re, im); }

    /** The same energy shifted by ω along the real axis (same branch). */
    public Energy shift(double omega) { return new Energy(re + omega, im, branch); }

    /** The energy shifted by a complex ω; a retarded energy becomes complex (analytic continuation). */
    public Energy shift(Complex omega) {
        if (omega.getImaginary() == 0) return shift(omega.getReal());
        if (branch == Branch.RETARDED || branch == Branch.RETARDED_CONTINUED)
            return new Energy(re + omega.getReal(), im + omega.getImaginary(), Branch.RETARDED_CONTINUED);
        return complex(re + omega.getReal(), im + omega.getImaginary());
    }

    /** Sign of the imaginary part of Σ on this branch: −1 retarded / upper half plane, +1 advanced / lower. */
    public int sigmaSign() {
        return switch (branch) {
            case RETARDED, RETARDED_CONTINUED -> -1;
            case ADVANCED -> +1;
            case COMPLEX -> im >= 0 ? -1 : +1;
        };
    }

    @Override
    public String toString() {
        return switch (branch) {
            case RETARDED -> String.format(Locale.ROOT, "%.6g+i0", re);
            case ADVANCED -> String.format(Locale.ROOT, "%.6g-i0", re);
            case COMPLEX -> String.format(Locale.ROOT, "%.6g%+.6gi", re, im);
            case RETARDED_CONTINUED -> String.format(Locale.ROOT, "%.6g%+.6gi (retarded branch)", re, im);
        };
    }
}
