package org.diffuson.integrate;

import org.diffuson.DiffusonException;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauss–Legendre rules, computed once per order and cached (Hipparchus computes them in extended precision, which
 * costs far more than the quadratures that use them). The n-point rule on [a, b] is the [−1, 1] rule mapped
 * linearly: x = (a + b)/2 + (b − a)/2·t, w = (b − a)/2·w_t; exact for polynomials of degree 2n − 1.
 */
public final class GaussLegendre {
    private GaussLegendre() {}

    private static final ConcurrentHashMap<Integer, double[][]> RULES = new ConcurrentHashMap<>();

    /** Nodes and weights {t, w} of the n-point rule on [−1, 1] (shared arrays: do not modify). */
    static double[][] reference(int n) {
        if (n < 1 || n > 1000) throw new DiffusonException("nodes", "must be in [1, 1000], got " + n, "use 4–64 nodes per panel");
        return RULES.computeIfAbsent(n, k -> {
            GaussIntegrator g = new GaussIntegratorFactory().legendre(k, -1, 1);
            double[] t = new double[k], w = new double[k];
            for (int i = 0; i < k; i++) {
                t[i] = g.getPoint(i);
                w[i] = g.getWeight(i);
            }
            return new double[][]{t, w};
        });
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
