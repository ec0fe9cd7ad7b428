package org.diffuson.kubo;

import org.diffuson.model.GradientHamiltonian;
import org.diffuson.model.Hamiltonian;

/**
 * The velocity vertex v_a = ∂H/∂k_a, from {@link GradientHamiltonian#velocity}: exact for models built with
 * {@link org.diffuson.model.TermHamiltonian} (and other gradient Hamiltonians in 2D), the library's 4th-order
 * stencil otherwise. Known to {@link Kubo} as a vector operator: for a rotation-covariant model, H(R k) = U H(k) U†
 * gives v_c(R k) = Σ_b R_cb U v_b(k) U†, so angular averages follow from values on the k_x axis.
 */
final class VelocityVertex implements Vertex {
    final Hamiltonian h;
    final int direction;
    private final int n, nn;
    private final String name;
    private final ThreadLocal<double[]> work;

    VelocityVertex(Hamiltonian h, int direction) {
        this.h = h;
        this.direction = direction;
        this.n = h.dim();
        this.nn = 2 * n * n;
        this.name = "v_" + "xyz".charAt(direction);
        this.work = ThreadLocal.withInitial(this::scratch);
    }

    public int dim() { return n; }
    public String name() { return name; }

    public void eval(double kx, double ky, double kz, double[] out) { eval(kx, ky, kz, out, work.get()); }

    /** As {@link #eval(double, double, double, double[])} with caller scratch {@code w} (from {@link #scratch()}). */
    void eval(double kx, double ky, double kz, double[] out, double[] w) {
        GradientHamiltonian.velocity(h, direction, kx, ky, kz, w, out);
    }

    double[] scratch() { return new double[4 * nn]; }
}
