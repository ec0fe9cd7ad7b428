package org.diffuson.usadel;

/**
 * 2×2 complex matrices as double[8] (row-major, interleaved): the spin blocks of the Riccati parametrization. Small
 * allocation-light helpers for the collocation right-hand sides.
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
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) {
                double sr = 0, si = 0;
                for (int k = 0; k < 2; k++) {
                    double ar = a[2 * (2 * i + k)], ai = a[2 * (2 * i + k) + 1];
                    double br = b[2 * (2 * k + j)], bi = b[2 * (2 * k + j) + 1];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                c[2 * (2 * i + j)] = sr;
                c[2 * (2 * i + j) + 1] = si;
            }
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
        double ar = a[0], ai = a[1], br = a[2], bi = a[3], cr = a[4], ci = a[5], dr = a[6], di = a[7];
        double detr = ar * dr - ai * di - (br * cr - bi * ci), deti = ar * di + ai * dr - (br * ci + bi * cr);
        double den = detr * detr + deti * deti, qr = detr / den, qi = -deti / den;
        double[] o = {dr, di, -br, -bi, -cr, -ci, ar, ai};
        return scale(o, qr, qi);
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
