package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;

/**
 * H(k) + δ with a constant Hermitian δ, e.g. the SCBA counterterm δ = −Re Σ(μ) that keeps the physical chemical
 * potential and mass at their given values ({@code ScbaOptions.Counterterm}). Keeps the base model's isotropy when δ
 * has only components that the symmetry keeps (δ_ab ≠ 0 only where j_a = j_b), else declares none.
 *
 */
public final class ShiftedHamiltonian implements Hamiltonian {
    private final Hamiltonian base;
    private final CMatrix shift;
    private final double[] d;

    /** @param base the Hamiltonian without the shift; @param shift δ, n×n Hermitian */
    public ShiftedHamiltonian(Hamiltonian base, CMatrix shift) {
        if (shift.rows() != base.dim() || shift.cols() != base.dim())
            throw new DiffusonException("shift", "is " + shift.rows() + "x" + shift.cols() + " but H(k) is " + base.dim() + "x" + base.dim(), "pass an n×n matrix");
        if (!shift.isHermitian(1e-12 * Math.max(1, shift.normMax())))
            throw new DiffusonException("shift", "must be Hermitian", "use the Hermitian part (Σ + Σ†)/2");
        this.base = base;
        this.shift = shift;
        this.d = shift.toArray();
    }

    public Hamiltonian base() { return base; }
    public CMatrix shift() { return shift; }

    @Override public int dim() { return base.dim(); }
    @Override public int spaceDim() { return base.spaceDim(); }

    @Override
    public void eval(double kx, double ky, double kz, double[] out, int off) {
        base.eval(kx, ky, kz, out, off);
        for (int i = 0; i < d.length; i++) out[off + i] += d[i];
    }

    @Override
    public Isotropy isotropy() {
        Isotropy iso = base.isotropy();
        if (!iso.reducible()) return iso;
        int n = dim();
        double scale = Math.max(1e-300, shift.normMax());
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                if (!iso.keeps(a, b) && shift.get(a, b).norm() > 1e-12 * scale) return Isotropy.NONE;
        return iso;
    }

    @Override
    public String toString() { return base + " + δ (counterterm " + shift + ")"; }
}
