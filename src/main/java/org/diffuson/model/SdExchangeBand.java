package org.diffuson.model;

import org.diffuson.DiffusonException;

/**
 * The s–d ferromagnet of seed 004 (eqs 4–5, 8): H(k) = k²/2m·1 − M σ_z in 3D (ħ = 1). The conduction spin σ = ↑ (index 0)
 * is the majority spin with ε_F↑ = ε_F + M; the magnetization itself points along −n = −ẑ (seed 004 fn 35).
 */
public record SdExchangeBand(double mass, double exchange) implements Hamiltonian {
    public SdExchangeBand {
        DiffusonException.requirePositive("mass", mass);
        DiffusonException.requireFinite("M", exchange);
    }

    @Override public int dim() { return 2; }
    @Override public int spaceDim() { return 3; }

    @Override
    public void eval(double kx, double ky, double kz, double[] out, int off) {
        double e = (kx * kx + ky * ky + kz * kz) / (2 * mass);
        out[off] = e - exchange; out[off + 1] = 0; out[off + 2] = 0; out[off + 3] = 0;
        out[off + 4] = 0; out[off + 5] = 0; out[off + 6] = e + exchange; out[off + 7] = 0;
    }

    /** Diagonal in spin and rotation invariant in k: every angular average is exact by symmetry. */
    @Override public Isotropy isotropy() { return Isotropy.full(2); }

    @Override public String toString() { return "H(k) = k²/2m − M σz (3D), m=" + mass + ", M=" + exchange; }
}
