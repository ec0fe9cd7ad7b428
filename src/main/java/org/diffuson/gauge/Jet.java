package org.diffuson.gauge;

/**
 * A second-order jet in the four space-time coordinates (t, x, y, z) = indices 0..3: value, gradient and Hessian,
 * propagated exactly by the chain rule (forward-mode automatic differentiation). Textures are written as ordinary
 * formulas in Jets, so gauge fields A_μ = m × ∂_μm and field strengths ∂_μA_ν − ∂_νA_μ follow to machine precision
 * without finite differences.
 */
public final class Jet {
    public static final int N = 4;
    final double v;
    final double[] g;
    final double[] h; // row-major 4×4, symmetric

    private Jet(double v, double[] g, double[] h) {
        this.v = v;
        this.g = g;
        this.h = h;
    }

    public static Jet constant(double c) { return new Jet(c, new double[N], new double[N * N]); }

    /** The coordinate with index {@code index} (0 = t, 1 = x, 2 = y, 3 = z) at value {@code value}. */
    public static Jet variable(double value, int index) {
        double[] g = new double[N];
        g[index] = 1;
        return new Jet(value, g, new double[N * N]);
    }

    public double value() { return v; }
    /** ∂_μ f. */
    public double d(int mu) { return g[mu]; }
    /** ∂_μ∂_ν f. */
    public double d2(int mu, int nu) { return h[mu * N + nu]; }

    public Jet plus(Jet o) {
        double[] gg = new double[N], hh = new double[N * N];
        for (int i = 0; i < N; i++) gg[i] = g[i] + o.g[i];
        for (int i = 0; i < N * N; i++) hh[i] = h[i] + o.h[i];
        return new Jet(v + o.v, gg, hh);
    }

    public Jet plus(double c) { return new Jet(v + c, g, h); }
    public Jet minus(Jet o) { return plus(o.times(-1)); }

    public Jet times(double c) {
        double[] gg = new double[N], hh = new double[N * N];
        for (int i = 0; i < N; i++) gg[i] = c * g[i];
        for (int i = 0; i < N * N; i++) hh[i] = c * h[i];
        return new Jet(c * v, gg, hh);
    }

    public Jet times(Jet o) {
        double[] gg = new double[N], hh = new double[N * N];
        for (int i = 0; i < N; i++) gg[i] = v * o.g[i] + o.v * g[i];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) hh[i * N + j] = v * o.h[i * N + j] + o.v * h[i * N + j] + g[i] * o.g[j] + g[j] * o.g[i];
        return new Jet(v * o.v, gg, hh);
    }

    public Jet divide(Jet o) { return times(o.reciprocal()); }

    /** f(u) with f, f', f'' at u. */
    private Jet apply(double f, double f1, double f2) {
        double[] gg = new double[N], hh = new double[N * N];
        for (int i = 0; i < N; i++) gg[i] = f1 * g[i];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) hh[i * N + j] = f1 * h[i * N + j] + f2 * g[i] * g[j];
        return new Jet(f, gg, hh);
    }

    public Jet reciprocal() { return apply(1 / v, -1 / (v * v), 2 / (v * v * v)); }
    public Jet sin() { return apply(Math.sin(v), Math.cos(v), -Math.sin(v)); }
    public Jet cos() { return apply(Math.cos(v), -Math.sin(v), -Math.cos(v)); }
    public Jet exp() { double e = Math.exp(v); return apply(e, e, e); }
    public Jet sqrt() { double s = Math.sqrt(v); return apply(s, 0.5 / s, -0.25 / (s * v)); }
    public Jet atan() { double d = 1 / (1 + v * v); return apply(Math.atan(v), d, -2 * v * d * d); }
    public Jet tanh() { double t = Math.tanh(v), s = 1 - t * t; return apply(t, s, -2 * t * s); }
    public Jet acos() {
        double s = 1 - v * v;
        if (!(s > 0)) throw new org.diffuson.DiffusonException("texture", "acos at |u| = 1 has no derivative", "keep cos θ strictly inside (−1, 1)");
        return apply(Math.acos(v), -1 / Math.sqrt(s), -v / (s * Math.sqrt(s)));
    }

    /** atan2(y, x) with exact first and second derivatives (undefined at the origin). */
    public static Jet atan2(Jet y, Jet x) {
        double r2 = x.v * x.v + y.v * y.v;
        if (!(r2 > 0)) throw new org.diffuson.DiffusonException("texture", "the azimuth is singular at a vortex core", "evaluate off the core (r > 0)");
        double fx = -y.v / r2, fy = x.v / r2, fxx = 2 * x.v * y.v / (r2 * r2), fyy = -fxx, fxy = (y.v * y.v - x.v * x.v) / (r2 * r2);
        double[] gg = new double[N], hh = new double[N * N];
        for (int i = 0; i < N; i++) gg[i] = fx * x.g[i] + fy * y.g[i];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                hh[i * N + j] = fx * x.h[i * N + j] + fy * y.h[i * N + j] + fxx * x.g[i] * x.g[j] + fyy * y.g[i] * y.g[j]
                        + fxy * (x.g[i] * y.g[j] + y.g[i] * x.g[j]);
        return new Jet(Math.atan2(y.v, x.v), gg, hh);
    }
}
