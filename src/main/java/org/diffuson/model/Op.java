package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;

/**
 * A named Hermitian matrix of a model's basis: Pauli matrices (σ for spin, τ for orbital), Gell-Mann matrices λ_1…λ_8,
 * identities, their Kronecker products ({@code Op.sx.kron(Op.tau(3))} prints "σx⊗τz") or any Hermitian matrix with a
 * label. The matrices of a {@link TermHamiltonian} and of a {@link Disorder}.
 */
public record Op(String label, CMatrix matrix) {
    public Op {
        if (!matrix.isSquare()) throw new DiffusonException("matrix", "is " + matrix.rows() + "x" + matrix.cols(), "pass a square matrix");
        if (!matrix.isHermitian(1e-12))
            throw new DiffusonException("matrix", "'" + label + "' is not Hermitian (‖M − M†‖/2 = " + matrix.hermiticityError() + ")",
                    "a Hamiltonian term or disorder vertex needs a Hermitian matrix; use (M + M†)/2 or i(M − M†)/2");
    }

    public static final Op s0 = new Op("σ0", Pauli.S0), sx = new Op("σx", Pauli.SX), sy = new Op("σy", Pauli.SY), sz = new Op("σz", Pauli.SZ);

    /** Any Hermitian matrix with a label. */
    public static Op of(String label, CMatrix m) { return new Op(label, m); }

    /** σ_i (i = 0, 1, 2, 3) for spin. */
    public static Op sigma(int i) { return named("σ", i); }

    /** τ_i (i = 0, 1, 2, 3): Pauli matrices for an orbital / sublattice / particle-hole degree of freedom. */
    public static Op tau(int i) { return named("τ", i); }

    private static Op named(String s, int i) {
        if (i < 0 || i > 3) throw new DiffusonException("i", "Pauli index must be 0..3, got " + i, "0 = identity, 1 = x, 2 = y, 3 = z");
        return new Op(s + "0xyz".charAt(i), Pauli.sigma(i));
    }

    /** The n×n identity, printed "1". */
    public static Op identity(int n) { return new Op(n == 2 ? "σ0" : "1", CMatrix.identity(n)); }

    /** Gell-Mann matrix λ_i, i = 1…8 (λ_0 = identity), normalised Tr λ_a λ_b = 2δ_ab. */
    public static Op gellMann(int i) {
        double s3 = 1 / Math.sqrt(3);
        double[][] re = new double[3][3], im = new double[3][3];
        switch (i) {
            case 0 -> { re[0][0] = 1; re[1][1] = 1; re[2][2] = 1; }
            case 1 -> { re[0][1] = 1; re[1][0] = 1; }
            case 2 -> { im[0][1] = -1; im[1][0] = 1; }
            case 3 -> { re[0][0] = 1; re[1][1] = -1; }
            case 4 -> { re[0][2] = 1; re[2][0] = 1; }
            case 5 -> { im[0][2] = -1; im[2][0] = 1; }
            case 6 -> { re[1][2] = 1; re[2][1] = 1; }
            case 7 -> { im[1][2] = -1; im[2][1] = 1; }
            case 8 -> { re[0][0] = s3; re[1][1] = s3; re[2][2] = -2 * s3; }
            default -> throw new DiffusonException("i", "Gell-Mann index must be 0..8, got " + i, "λ_1 … λ_8 (0 = identity)");
        }
        return new Op("λ" + i, CMatrix.of(re, im));
    }

    /** The Kronecker product this ⊗ other (this acts on the slow index). */
    public Op kron(Op other) { return new Op(label + "⊗" + other.label, matrix.kron(other.matrix)); }

    public int dim() { return matrix.rows(); }

    @Override
    public String toString() { return label; }
}
