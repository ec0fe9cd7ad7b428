package org.diffuson.kubo;

import org.diffuson.model.Hamiltonian;

/**
 * The velocity vertex v_a = ∂H/∂k_a by a 4th-order central difference (exact to rounding for H polynomial of degree
 * ≤ 4 in k). Known to {@link Kubo} as a vector operator: for a rotation-covariant model, H(R k) = U H(k) U† gives
 * v_c(R k) = Σ_b R_cb U v_b(k) U†, so angular averages follow from values on the k_x axis.
 */
final class VelocityVertex implements Vertex {
    final Hamiltonian h;
    final int direction;
    private final int n, nn;
    private final String name;
    private final ThreadLocal<double[][]> work;

    VelocityVertex(Hamiltonian h, int direction) {
        this.h = h;
        this.direction = direction;
        this.n = h.dim();
        this.nn = 2 * n * n;
        this.name = "v_" + "xyz".charAt(direction);
        this.work = ThreadLocal.withInitial(() -> new double[5][Math.max(nn, 3)]);
    }

    public int dim() { return n; }
    public String name() { return name; }

    public void eval(double kx, double ky, double kz, double[] out) { eval(kx, ky, kz, out, work.get()); }

    /** As {@link #eval(double, double, double, double[])} with caller scratch {@code w} (5 arrays of ≥ max(2n², 3)). */
    void eval(double kx, double ky, double kz, double[] out, double[][] w) {
        double step = 1e-3 * (1 + Math.abs(kx) + Math.abs(ky) + Math.abs(kz));
        double[] d = w[4];
        for (int s = 0; s < 4; s++) {
            double f = s == 0 ? 2 : s == 1 ? 1 : s == 2 ? -1 : -2;
            d[0] = kx; d[1] = ky; d[2] = kz;
            d[direction] += f * step;
            h.eval(d[0], d[1], d[2], w[s], 0);
        }
        // f'(x) ≈ [−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)]/(12h)
        for (int i = 0; i < nn; i++) out[i] = (-w[0][i] + 8 * w[1][i] - 8 * w[2][i] + w[3][i]) / (12 * step);
    }

    double[][] scratch() { return new double[5][Math.max(nn, 3)]; }
}
