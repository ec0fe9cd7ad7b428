package org.diffuson.usadel;

import org.hipparchus.complex.Complex;

/**
 * Digamma ψ(z) and trigamma ψ′(z) for complex z with Re z &gt; 0 (used by the cutoff-free gap equation and T_c,
 * seed 003 with Zeeman and Elliott–Yafet pair breaking): upward recurrence to |z| ≥ 12, then the asymptotic
 * (Stirling) series; absolute accuracy ~1e-15.
 */
public final class SpecialFunctions {
    private SpecialFunctions() {
    }

    // B_{2k}/(2k) for k = 1..8 and B_{2k} for trigamma
    private static final double[] B2K = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6,
            -3617.0 / 510};

    /** ψ(z) = Γ′(z)/Γ(z), Re z &gt; 0. */
    public static Complex digamma(Complex z) {
        if (!(z.getReal() > 0)) throw new IllegalArgumentException("digamma: need Re z > 0, got " + z);
        Complex shift = Complex.ZERO;
        while (z.norm() < 12) {
            shift = shift.subtract(z.reciprocal());
            z = z.add(1);
        }
        Complex zi2 = z.multiply(z).reciprocal(), p = zi2, s = Complex.ZERO;
        for (int k = 1; k <= B2K.length; k++) {
            s = s.add(p.multiply(B2K[k - 1] / (2 * k)));
            p = p.multiply(zi2);
        }
        return shift.add(z.log()).subtract(z.reciprocal().multiply(0.5)).subtract(s);
    }

    /** ψ′(z), Re z &gt; 0. */
    public static Complex trigamma(Complex z) {
        if (!(z.getReal() > 0)) throw new IllegalArgumentException("trigamma: need Re z > 0, got " + z);
        Complex shift = Complex.ZERO;
        while (z.norm() < 12) {
            shift = shift.add(z.multiply(z).reciprocal());
            z = z.add(1);
        }
        Complex zi = z.reciprocal(), zi2 = zi.multiply(zi);
        Complex s = zi.add(zi2.multiply(0.5));
        Complex p = zi2.multiply(zi);
        for (int k = 1; k <= B2K.length; k++) {
            s = s.add(p.multiply(B2K[k - 1]));
            p = p.multiply(zi2);
        }
        return shift.add(s);
    }
}
