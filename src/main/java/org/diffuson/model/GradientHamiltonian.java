package org.diffuson.model;

import org.diffuson.DiffusonException;

/**
 * A 2D Hamiltonian that also supplies its momentum gradient ∂H/∂k_x, ∂H/∂k_y (ħ = 1). The velocity operator is
 * v_a = ∂_a H, and every interband quantity of seed 002 (R′, Ω, 𝒯, β, γ) is built from these matrices and the
 * eigen-decomposition alone, never from derivatives of numerical eigenvectors (seed 002 Eqs. 39–43).
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

    /**
     * The one ∂H/∂k_a stencil of the library, 4th-order central: out[off..] ← [H(k − 2h e_a) − 8H(k − h e_a)
     * + 8H(k + h e_a) − H(k + 2h e_a)]/(12h), exact to rounding for H polynomial of degree ≤ 4 in k. {@code buf} holds
     * 4·2n² doubles. Used by {@link FiniteDifference} and by the Kubo velocity vertex.
     */
    static void stencil(Hamiltonian h, double kx, double ky, double kz, int axis, double step, double[] buf, double[] out, int off) {
        int len = 2 * h.dim() * h.dim();
        double ex = axis == 0 ? step : 0, ey = axis == 1 ? step : 0, ez = axis == 2 ? step : 0;
        h.eval(kx - 2 * ex, ky - 2 * ey, kz - 2 * ez, buf, 0);
        h.eval(kx - ex, ky - ey, kz - ez, buf, len);
        h.eval(kx + ex, ky + ey, kz + ez, buf, 2 * len);
        h.eval(kx + 2 * ex, ky + 2 * ey, kz + 2 * ez, buf, 3 * len);
        for (int i = 0; i < len; i++)
            out[off + i] = (buf[i] - 8 * buf[len + i] + 8 * buf[2 * len + i] - buf[3 * len + i]) / (12 * step);
    }

    /**
     * The velocity v_a = ∂H/∂k_a at k into {@code out[0..2n²)}, the one entry point for every engine: exact where the
     * model supplies it ({@link TermHamiltonian}: any axis, its coefficients differentiated symbolically; another
     * {@code GradientHamiltonian} in 2D: x and y), otherwise the 4th-order {@link #stencil} with step
     * 10⁻³·(1 + |k_x| + |k_y| + |k_z|). {@code buf} is scratch of 4·2n² doubles.
     */
    static void velocity(Hamiltonian h, int axis, double kx, double ky, double kz, double[] buf, double[] out) {
        if (h instanceof TermHamiltonian t) t.evalVelocity(Axis.of(axis), kx, ky, kz, out, 0);
        else if (h instanceof GradientHamiltonian g && h.spaceDim() == 2 && axis < 2) {
            if (axis == 0) g.evalGradient(kx, ky, out, buf, 0);
            else g.evalGradient(kx, ky, buf, out, 0);
        } else stencil(h, kx, ky, kz, axis, 1e-3 * (1 + Math.abs(kx) + Math.abs(ky) + Math.abs(kz)), buf, out, 0);
    }

    /** {@link #velocity} at (k, 0, 0) on the k_x axis (a builder model evaluates its exact axis polynomial). */
    static void velocityAxis(Hamiltonian h, int axis, double k, double[] buf, double[] out) {
        if (h instanceof TermHamiltonian t) t.evalVelocityAxis(Axis.of(axis), k, out, 0);
        else velocity(h, axis, k, 0, 0, buf, out);
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
            GradientHamiltonian.stencil(base, kx, ky, 0, 0, step, buf, dx, off);
            GradientHamiltonian.stencil(base, kx, ky, 0, 1, step, buf, dy, off);
        }

        @Override public String toString() { return base + " (∂H by 4th-order finite differences, h=" + step + ")"; }
    }
}
