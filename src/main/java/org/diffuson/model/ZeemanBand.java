package org.diffuson.model;

/**
 * The minimal model of seed 000 (eqs 17, 243): H(k) = ε_k·1 + b σ_z with ε_k = k²/2m in 2D. The paper calls b "E_z".
 */
public record ZeemanBand(double mass, double b) implements Hamiltonian {
    public ZeemanBand {
        org.diffuson.DiffusonException.requirePositive("mass", mass);
        org.diffuson.DiffusonException.requireFinite("b", b);
    }

    @Override public int dim() { return 2; }
    @Override public int spaceDim() { return 2; }

    @Override
    public void eval(double kx, double ky, double kz, double[] out, int off) {
        double e = (kx * kx + ky * ky) / (2 * mass);
        out[off] = e + b; out[off + 1] = 0; out[off + 2] = 0; out[off + 3] = 0;
        out[off + 4] = 0; out[off + 5] = 0; out[off + 6] = e - b; out[off + 7] = 0;
    }

    @Override public Isotropy isotropy() { return Isotropy.axial(0.5, -0.5); }

    @Override public String toString() { return "H(k) = k²/2m + b σz, m=" + mass + ", b=" + b; }
}
