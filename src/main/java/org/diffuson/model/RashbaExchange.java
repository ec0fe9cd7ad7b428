package org.diffuson.model;

/**
 * The CoPt model of seed 000 (eqs 24–37): H(k) = ε_k + α(k_y σ_x − k_x σ_y) + b·σ, with ε_k = k²/2m for a 2DEG or
 * ε_k = 0 for a magnetized topological-insulator surface ({@code mass = +∞}). Bands E_s = ε_k + s√(α²k² + b_z²) for b ∥ z.
 */
public record RashbaExchange(double mass, double alpha, double bx, double by, double bz) implements Hamiltonian {
    public RashbaExchange {
        if (!(mass > 0)) throw new org.diffuson.DiffusonException("mass", "must be > 0 (or +∞ for the TI surface), got " + mass, "pass a positive mass");
        org.diffuson.DiffusonException.requireFinite("alpha", alpha);
        org.diffuson.DiffusonException.requireFinite("bx", bx);
        org.diffuson.DiffusonException.requireFinite("by", by);
        org.diffuson.DiffusonException.requireFinite("bz", bz);
    }

    public boolean topologicalSurface() { return Double.isInfinite(mass); }

    @Override public int dim() { return 2; }
    @Override public int spaceDim() { return 2; }

    @Override
    public void eval(double kx, double ky, double kz, double[] out, int off) {
        double e = topologicalSurface() ? 0 : (kx * kx + ky * ky) / (2 * mass);
        double hx = alpha * ky + bx, hy = -alpha * kx + by;
        out[off] = e + bz; out[off + 1] = 0;
        out[off + 2] = hx; out[off + 3] = -hy;
        out[off + 4] = hx; out[off + 5] = hy;
        out[off + 6] = e - bz; out[off + 7] = 0;
    }

    @Override
    public Isotropy isotropy() { return bx == 0 && by == 0 ? Isotropy.axial(0.5, -0.5) : Isotropy.NONE; }

    @Override
    public String toString() {
        return (topologicalSurface() ? "H(k) = α(k_y σx − k_x σy) + b·σ (TI surface)" : "H(k) = k²/2m + α(k_y σx − k_x σy) + b·σ, m=" + mass)
                + ", α=" + alpha + ", b=(" + bx + ", " + by + ", " + bz + ")";
    }

    /**
     * δXX = X^A·X^R − 1 (bilinear dot product) with X^{A,R} = (αk_x, αk_y, b_z ± iΣ_z)/√(α²k² + (b_z ± iΣ_z)²)
     * (seed 000 eqs 90–92): the mismatch of the advanced and retarded spin textures caused by a spin-dependent
     * lifetime Σ_z (the paper's real Σ_z, "i" dropped). Evaluated from the definition with complex square roots.
     */
    public static double deltaXX(double alpha, double kx, double ky, double bz, double sigmaZ) {
        org.hipparchus.complex.Complex ba = new org.hipparchus.complex.Complex(bz, sigmaZ), br = new org.hipparchus.complex.Complex(bz, -sigmaZ);
        double a2k2 = alpha * alpha * (kx * kx + ky * ky);
        org.hipparchus.complex.Complex na = ba.multiply(ba).add(a2k2).sqrt(), nr = br.multiply(br).add(a2k2).sqrt();
        org.hipparchus.complex.Complex dot = ba.multiply(br).add(a2k2).divide(na.multiply(nr));
        // the principal roots of conjugate arguments are conjugates, so the product is |·| and δXX is real
        return dot.getReal() - 1;
    }
}
