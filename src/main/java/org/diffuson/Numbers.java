package org.diffuson;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How numbers are shown to people (every layer): a fixed number of significant digits, never a full double;
 * numerical zeros — below {@link #ZERO} relative to the scale of the object they belong to — shown as 0; no float noise
 * (0.30000000000000004 → 0.3); scientific notation only outside [1e-4, 1e6).
 */
public final class Numbers {
    private Numbers() {}

    /** Relative threshold below which a value counts as a numerical zero of its object. */
    public static final double ZERO = 1e-12;

    /** One line stating the zero convention, to print once per display. */
    public static final String ZERO_NOTE = "entries below 1e-12 × the largest entry are shown as 0";

    /** x at 6 significant digits. */
    public static String format(double x) { return format(x, 6); }

    /** x at {@code digits} significant digits. */
    public static String format(double x, int digits) {
        if (Double.isNaN(x)) return "NaN";
        if (Double.isInfinite(x)) return x > 0 ? "∞" : "−∞";
        if (x == 0) return "0";
        double a = Math.abs(x);
        BigDecimal b = new BigDecimal(x).round(new MathContext(digits));
        String s;
        if (a >= 1e-4 && a < 1e6) s = b.stripTrailingZeros().toPlainString();
        else {
            int e = (int) Math.floor(Math.log10(b.abs().doubleValue()));
            BigDecimal m = b.movePointLeft(e).round(new MathContext(digits)).stripTrailingZeros();
            s = m.toPlainString() + "e" + e;
        }
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** x at 6 significant digits, or 0 if |x| < {@link #ZERO}·scale. */
    public static String format(double x, double scale, int digits) {
        if (isZero(x, scale)) return "0";
        return format(x, digits);
    }

    /** True if |x| is below the numerical-zero threshold of an object of size {@code scale}. */
    public static boolean isZero(double x, double scale) { return Math.abs(x) < ZERO * Math.abs(scale); }

    /** re + im·i at {@code digits} significant digits with numerical zeros (relative to scale) dropped. */
    public static String complex(double re, double im, double scale, int digits) {
        boolean zr = isZero(re, scale) || re == 0, zi = isZero(im, scale) || im == 0;
        if (zr && zi) return "0";
        if (zi) return format(re, digits);
        String imag = (Math.abs(im) == 1 ? "" : format(Math.abs(im), digits)) + "i";
        if (zr) return (im < 0 ? "−" : "") + imag;
        return format(re, digits) + (im < 0 ? " − " : " + ") + imag;
    }

    /** A complex number at 6 significant digits, parts below 1e-12 of its modulus shown as 0. */
    public static String format(org.hipparchus.complex.Complex z) { return complex(z.getReal(), z.getImaginary(), z.norm(), 6); }

    /** A residual or error estimate at 2 significant digits ("3.1e-14"). */
    public static String small(double x) {
        if (x == 0) return "0";
        return format(x, 2);
    }
}
