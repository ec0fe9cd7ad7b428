package org.diffuson.model;

import org.diffuson.DiffusonException;

/**
 * Magnetic topological-insulator surface of seed 002 (seed 002 Eqs. 68–76, paper eqs 68–73):
 * H(k) = v_F(k_x σ_y − k_y σ_x) + M σ_z, bands ε^± = ±√(v_F²k² + M²). Units: ħ = 1; energies in the unit of M or ε_F,
 * momenta in energy/v_F. Velocity operator v̂ = −v_F ẑ×σ, so ∂H/∂k_x = v_F σ_y and ∂H/∂k_y = −v_F σ_x.
 */
public record MassiveDirac(double fermiVelocity, double mass) implements GradientHamiltonian {
    public MassiveDirac {
        DiffusonException.requirePositive("fermiVelocity", fermiVelocity);
        DiffusonException.requireFinite("mass", mass);
    }

    /** v_F = 1: the normalisation of the oracle table of docs/equations.md. */
    public static MassiveDirac of(double mass) { return new MassiveDirac(1, mass); }

    @Override public int dim() { return 2; }
    @Override public int spaceDim() { return 2; }

    @Override
    public void eval(double kx, double ky, double kz, double[] out, int off) {
        double v = fermiVelocity;
        out[off] = mass; out[off + 1] = 0;
        out[off + 2] = -v * ky; out[off + 3] = -v * kx;
        out[off + 4] = -v * ky; out[off + 5] = v * kx;
        out[off + 6] = -mass; out[off + 7] = 0;
    }

    @Override
    public void evalGradient(double kx, double ky, double[] dx, double[] dy, int off) {
        double v = fermiVelocity;
        java.util.Arrays.fill(dx, off, off + 8, 0);
        java.util.Arrays.fill(dy, off, off + 8, 0);
        dx[off + 3] = -v; dx[off + 5] = v;   // v σ_y
        dy[off + 2] = -v; dy[off + 4] = -v;  // −v σ_x
    }

    /** H(R_φ k) = U H(k) U† with U = diag(e^{−iφ/2}, e^{iφ/2}). */
    @Override public Isotropy isotropy() { return Isotropy.axial(0.5, -0.5); }

    @Override
    public String toString() { return "H(k) = v_F(k_x σy − k_y σx) + M σz, v_F=" + fermiVelocity + ", M=" + mass + " (ħ=1)"; }
}
