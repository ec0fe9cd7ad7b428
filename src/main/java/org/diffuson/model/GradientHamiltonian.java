package org.diffuson.model;

import org.diffuson.DiffusonException;

/**
 * A 2D Hamiltonian that also supplies its momentum gradient ∂H/∂k_x, ∂H/∂k_y (ħ = 1). The velocity operator is
 * v_a = ∂_a H, and every interband quantity of seed 002 (R′, Ω, 𝒯, β, γ) is built from these matrices and the
 * eigen-decomposition alone, never from derivatives of numerical eigenvectors (seed 002 spec §1).
 */
public interface GradientHamiltonian extends Hamiltonian {
    /** Writes ∂H/∂k_x into {@code dx[off..]} and ∂H/∂k_y into {@code dy[off..]}, n×n interleaved row-major. */
    void evalGradient(double kx, double ky, double[] dx, double[] dy, int off);

    /**
     * The model itself if it has an analytic gradient, otherwise a wrapper that differentiates it with the 4th-order
     * central stencil at step {@code step} (truncation ~ step⁴, rounding ~ 1e-16/step; 1e-3 suits k of order 1).
     */
    static GradientHamiltonian of(Hamiltonian h, double step) {
        if (h instanceof GradientHamiltonian g) return g;
        return new FiniteDifference(h, step);
    }

    /** {@link #of(Hamiltonian, double)} with step 1e-3. */
    static GradientHamiltonian of(Hamiltonian h) { return of(h, 1e-3); }

    /** Numerical gradient of a plain {@link Hamiltonian} by the stencil [1, −8, 0, 8, −1]/(12h). 2D only. */
    record FiniteDifference(Hamiltonian base, double step) implements GradientHamiltonian {
        public FiniteDifference {
            if (base.spaceDim() != 2)
                throw new DiffusonException("hamiltonian", "finite-difference gradient is implemented for d = 2, got d = " + base.spaceDim(),
                        "use a 2D model");
            DiffusonException.requirePositive("step", step);
        }

        @Override public int dim() { return base.dim(); }
        @Override public int spaceDim() { return 2; }
        @Override public Isotropy isotropy() { return base.isotropy(); }
        @Override public void eval(double kx, double ky, double kz, double[] out, int off) { base.eval(kx, ky, kz, out, off); }

        @Override
        public void evalGradient(double kx, double ky, double[] dx, double[] dy, int off) {
            int len = 2 * dim() * dim();
            double[] buf = new double[4 * len];
            stencil(kx, ky, 1, 0, buf, len, dx, off);
            stencil(kx, ky, 0, 1, buf, len, dy, off);
        }

        private void stencil(double kx, double ky, double ex, double ey, double[] buf, int len, double[] out, int off) {
            double h = step;
            base.eval(kx - 2 * h * ex, ky - 2 * h * ey, 0, buf, 0);
            base.eval(kx - h * ex, ky - h * ey, 0, buf, len);
            base.eval(kx + h * ex, ky + h * ey, 0, buf, 2 * len);
            base.eval(kx + 2 * h * ex, ky + 2 * h * ey, 0, buf, 3 * len);
            for (int i = 0; i < len; i++)
                out[off + i] = (buf[i] - 8 * buf[len + i] + 8 * buf[2 * len + i] - buf[3 * len + i]) / (12 * h);
        }

        @Override public String toString() { return base + " (∂H by 4th-order finite differences, h=" + step + ")"; }
    }
}
