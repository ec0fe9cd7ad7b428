package org.diffuson.model;

/** Single parabolic band ε_k = k²/2m (n = 1) in d = 2 or 3 dimensions: the Drude model (the Drude model, not in seed 000). */
public record ParabolicBand(double mass, int spaceDim) implements Hamiltonian {
    public ParabolicBand {
        org.diffuson.DiffusonException.requirePositive("mass", mass);
        if (spaceDim != 2 && spaceDim != 3)
            throw new org.diffuson.DiffusonException("spaceDim", "must be 2 or 3, got " + spaceDim, "pass 2 or 3");
    }

    @Override public int dim() { return 1; }

    @Override
    public void eval(double kx, double ky, double kz, double[] out, int off) {
        double k2 = kx * kx + ky * ky + (spaceDim == 3 ? kz * kz : 0);
        out[off] = k2 / (2 * mass);
        out[off + 1] = 0;
    }

    @Override public Isotropy isotropy() { return Isotropy.full(1); }

    @Override public String toString() { return "H(k) = k²/2m, m=" + mass + ", d=" + spaceDim; }
}
