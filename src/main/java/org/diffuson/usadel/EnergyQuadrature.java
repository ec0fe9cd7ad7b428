package org.diffuson.usadel;

/**
 * ∫dε r(ε) F(ε) for a response r sampled on an ascending energy grid (linear interpolation between samples) and a
 * reservoir kernel F known exactly: F = tanh((ε − a)/2T) or its a-derivative −sech²((ε − a)/2T)/2T. Returned as
 * weights w_k with ∫ ≈ Σ_k w_k r_k, exact for piecewise-linear r at T = 0 (sign and −2δ(ε − a)) and, for T &gt; 0,
 * 4-point Gauss–Legendre on sub-cells of width T/2 within 40T of a (elsewhere tanh = ±1 to e⁻⁴⁰). The error is that
 * of the linear interpolant of r, O(δε² r″).
 */
final class EnergyQuadrature {
    private EnergyQuadrature() {
    }

    private static final double[] GX = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
            0.8611363115940526};
    private static final double[] GW = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
            0.3478548451374538};

    /** Adds scale × (weights of the kernel centred at a) to w. */
    static void add(double[] e, double a, double temperature, boolean derivative, double scale, double[] w) {
        int n = e.length;
        if (temperature == 0) {
            if (derivative) {
                if (a < e[0] || a > e[n - 1]) return;
                int k = cell(e, a);
                double t = (a - e[k]) / (e[k + 1] - e[k]);
                w[k] += -2 * scale * (1 - t);
                w[k + 1] += -2 * scale * t;
                return;
            }
            for (int k = 0; k + 1 < n; k++) {
                double lo = e[k], hi = e[k + 1], h = hi - lo;
                if (hi <= a) {
                    w[k] -= scale * h / 2;
                    w[k + 1] -= scale * h / 2;
                } else if (lo >= a) {
                    w[k] += scale * h / 2;
                    w[k + 1] += scale * h / 2;
                } else {          // split at a: ∫ of the linear interpolant on [lo, a] (−) and [a, hi] (+)
                    double t = (a - lo) / h;
                    double ra0 = (a - lo) * (1 - t / 2), ra1 = (a - lo) * t / 2;       // ∫_lo^a (1−s), ∫ s
                    double rb0 = (hi - a) * (1 - t) / 2, rb1 = (hi - a) * (1 + t) / 2;  // ∫_a^hi (1−s), ∫ s
                    w[k] += scale * (rb0 - ra0);
                    w[k + 1] += scale * (rb1 - ra1);
                }
            }
            return;
        }
        double reach = 40 * temperature, step = temperature / 2;
        for (int k = 0; k + 1 < n; k++) {
            double lo = e[k], hi = e[k + 1], h = hi - lo;
            if (hi <= a - reach || lo >= a + reach) {
                if (derivative) continue;
                double sgn = hi <= a - reach ? -1 : 1;
                w[k] += sgn * scale * h / 2;
                w[k + 1] += sgn * scale * h / 2;
                continue;
            }
            int jmin = (int) Math.max(-80, Math.ceil((lo - a) / step)), jmax = (int) Math.min(80, Math.floor((hi - a) / step));
            double prev = lo;
            for (int j = jmin; j <= jmax + 1; j++) {
                double next = j <= jmax ? a + j * step : hi;
                if (next <= prev) continue;
                if (next > hi) next = hi;
                double mid = (prev + next) / 2, half = (next - prev) / 2;
                for (int q = 0; q < 4; q++) {
                    double x = mid + half * GX[q], u = (x - a) / (2 * temperature);
                    double f = derivative ? -1 / (2 * temperature * Math.cosh(u) * Math.cosh(u)) : Math.tanh(u);
                    double t = (x - lo) / h, wq = GW[q] * half * f * scale;
                    w[k] += wq * (1 - t);
                    w[k + 1] += wq * t;
                }
                prev = next;
            }
        }
    }

    /** Index k with e[k] ≤ a ≤ e[k+1]. */
    static int cell(double[] e, double a) {
        int lo = 0, hi = e.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (e[mid] <= a) lo = mid;
            else hi = mid;
        }
        return lo;
    }
}
