package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.ZOps;

/**
 * 2×2 complex matrices as double[8] (row-major, interleaved): the spin blocks of the Riccati parametrization. Small
 * allocation-light helpers for the collocation right-hand sides; products and inverses are {@link ZOps}'.
 */
final class M2 {
    private M2() {
    }

    static double[] of(double[] src, int off) {
        double[] m = new double[8];
        System.arraycopy(src, off, m, 0, 8);
        return m;
    }

    static double[] eye() {
        return new double[]{1, 0, 0, 0, 0, 0, 1, 0};
    }

    static double[] scalar(double re, double im) {
        return new double[]{re, im, 0, 0, 0, 0, re, im};
    }

    static double[] mul(double[] a, double[] b) {
        double[] c = new double[8];
        ZOps.mult(a, 2, 2, b, 2, c);
        return c;
    }

    static double[] mul(double[] a, double[] b, double[] c) {
        return mul(mul(a, b), c);
    }

    static double[] add(double[] a, double[] b) {
        double[] c = new double[8];
        for (int i = 0; i < 8; i++) c[i] = a[i] + b[i];
        return c;
    }

    static double[] sub(double[] a, double[] b) {
        double[] c = new double[8];
        for (int i = 0; i < 8; i++) c[i] = a[i] - b[i];
        return c;
    }

    static double[] scale(double[] a, double re, double im) {
        double[] c = new double[8];
        for (int i = 0; i < 4; i++) {
            c[2 * i] = re * a[2 * i] - im * a[2 * i + 1];
            c[2 * i + 1] = re * a[2 * i + 1] + im * a[2 * i];
        }
        return c;
    }

    static double[] inv(double[] a) {
        double[] c = new double[8];
        if (!ZOps.invert2(a, 0, c, 0))
            throw new DiffusonException("gamma", "the Riccati normalisation 1 ∓ γγ̃ is singular",
                    "the Riccati parametrisation breaks down here; solve in the θ form (Junction.Form.THETA)");
        return c;
    }

    /** Σ_a σ^a B σ^a = 2 Tr B − B. */
    static double[] spinSandwich(double[] b) {
        double tr = b[0] + b[6], ti = b[1] + b[7];
        double[] c = scale(b, -1, 0);
        c[0] += 2 * tr;
        c[1] += 2 * ti;
        c[6] += 2 * tr;
        c[7] += 2 * ti;
        return c;
    }

    /** h·σ (real h). */
    static double[] pauli(double hx, double hy, double hz) {
        return new double[]{hz, 0, hx, -hy, hx, hy, -hz, 0};
    }
}
