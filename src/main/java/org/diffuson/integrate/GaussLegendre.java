package org.diffuson.integrate;

import org.diffuson.DiffusonException;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauss–Legendre rules, computed once per order and cached: the nodes are the roots of P_n, found by Newton's method
 * from Tricomi's estimate cos(π(i + ¾)/(n + ½)) with P_n and P_n′ by the three-term recurrence, the weights
 * w_i = 2/((1 − x_i²) P_n′(x_i)²) (in double precision, within ~1e-14 relative of the extended-precision rule for
 * n ≤ 64, {@code GaussLegendreTest}; a cold first call costs well under a millisecond, where a Hipparchus integrator
 * factory spends ~0.5 s initialising its extended-precision field). The n-point rule on [a, b] is the [−1, 1] rule mapped
 * linearly: x = (a + b)/2 + (b − a)/2·t, w = (b − a)/2·w_t; exact for polynomials of degree 2n − 1.
 */
public final class GaussLegendre {
    private GaussLegendre() {}

    private static final ConcurrentHashMap<Integer, double[][]> RULES = new ConcurrentHashMap<>();
    /** The rules of up to 200 nodes by index (no boxing on the hot path), filled from {@link #RULES}. */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<double[][]> SMALL = new java.util.concurrent.atomic.AtomicReferenceArray<>(201);

    /** Nodes (ascending) and weights {t, w} of the n-point rule on [−1, 1] (shared arrays: do not modify). */
    static double[][] reference(int n) {
        if (n < 1 || n > 1000) throw new DiffusonException("nodes", "must be in [1, 1000], got " + n, "use 4–64 nodes per panel");
        double[][] r = n < SMALL.length() ? SMALL.get(n) : null;
        if (r == null) {
            r = RULES.computeIfAbsent(n, GaussLegendre::newtonRule);
            if (n < SMALL.length()) SMALL.set(n, r);
        }
        return r;
    }

    private static double[][] newtonRule(int n) {
        double[] x = new double[n], w = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            for (int it = 0; it < 100; it++) {
                double[] p = legendre(n, z);
                double dz = p[0] / p[1];
                z -= dz;
                if (Math.abs(dz) <= 1e-16) break;
            }
            double dp = legendre(n, z)[1];
            x[i] = -z;
            x[n - 1 - i] = z;
            w[i] = w[n - 1 - i] = 2 / ((1 - z * z) * dp * dp);
        }
        if (n % 2 == 1) x[n / 2] = 0;
        return new double[][]{x, w};
    }

    /** {P_n(z), P_n′(z)} by the recurrence k P_k = (2k − 1) z P_{k−1} − (k − 1) P_{k−2}. */
    private static double[] legendre(int n, double z) {
        double p0 = 1, p1 = z;
        for (int k = 2; k <= n; k++) {
            double p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        double d = n == 1 ? 1 : n * (z * p1 - p0) / (z * z - 1);
        return new double[]{p1, d};
    }

    /** Writes the n-point rule on [a, b] into x[off ..], w[off ..]. */
    public static void rule(int n, double a, double b, double[] x, double[] w, int off) {
        double[][] r = reference(n);
        double half = 0.5 * (b - a), mid = 0.5 * (a + b);
        for (int i = 0; i < n; i++) {
            x[off + i] = mid + half * r[0][i];
            w[off + i] = half * r[1][i];
        }
    }

    /** The n-point rule on [a, b] as {x, w}. */
    public static double[][] rule(int n, double a, double b) {
        double[] x = new double[n], w = new double[n];
        rule(n, a, b, x, w, 0);
        return new double[][]{x, w};
    }
}
