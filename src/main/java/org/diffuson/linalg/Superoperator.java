package org.diffuson.linalg;

import org.diffuson.DiffusonException;
import org.hipparchus.complex.Complex;

/**
 * A linear map on n×n matrices, stored as its n²×n² matrix in the column-major vec picture:
 * vec(S[X]) = S·vec(X), so that the sandwich X ↦ A X B is Bᵀ ⊗ A (seed 000 Eqs. 2, 5–7).
 * Immutable; {@link #inBasis(OperatorBasis)} gives the Pauli (or other) picture S_ij = (1/n)Tr(B_i† S[B_j]).
 */
public final class Superoperator {
    private final int n;
    private final CMatrix matrix;

    private Superoperator(int n, CMatrix matrix) {
        this.n = n;
        this.matrix = matrix;
    }

    /** From its n²×n² vec-picture matrix. */
    public static Superoperator of(int n, CMatrix vecMatrix) {
        if (vecMatrix.rows() != n * n || vecMatrix.cols() != n * n)
            throw new DiffusonException("vecMatrix", "must be " + n * n + "x" + n * n + ", got " + vecMatrix.rows() + "x" + vecMatrix.cols(),
                    "pass the n²×n² matrix acting on column-major vec(X)");
        return new Superoperator(n, vecMatrix);
    }

    /** From raw interleaved n²×n² data (copied). */
    public static Superoperator fromRaw(int n, double[] interleaved) {
        return new Superoperator(n, CMatrix.of(n * n, n * n, interleaved));
    }

    /** From the matrix in an operator basis: the inverse of {@link #inBasis}. */
    public static Superoperator fromBasis(OperatorBasis basis, CMatrix s) {
        CMatrix u = basis.vecBasis();
        return new Superoperator(basis.dim(), u.times(s).times(u.dagger()));
    }

    public static Superoperator identity(int n) { return new Superoperator(n, CMatrix.identity(n * n)); }

    public static Superoperator zero(int n) { return new Superoperator(n, CMatrix.zeros(n * n, n * n)); }

    /** X ↦ A X B. */
    public static Superoperator sandwich(CMatrix a, CMatrix b) {
        return new Superoperator(a.rows(), b.transpose().kron(a));
    }

    /** X ↦ M X M (the Gaussian-disorder rung M⊗M of seed 000 eq 5). */
    public static Superoperator sandwich(CMatrix m) { return sandwich(m, m); }

    /** X ↦ A X. */
    public static Superoperator leftMultiply(CMatrix a) { return sandwich(a, CMatrix.identity(a.rows())); }

    /** X ↦ X B. */
    public static Superoperator rightMultiply(CMatrix b) { return sandwich(CMatrix.identity(b.rows()), b); }

    public int dim() { return n; }

    /** The n²×n² matrix in the vec picture. */
    public CMatrix matrix() { return matrix; }

    /** S[X]. */
    public CMatrix apply(CMatrix x) { return CMatrix.unvec(matrix.times(x.vec()), n); }

    /** Adjoint in the trace pairing: Tr(Y† S[X]) = Tr((S†[Y])† X). */
    public Superoperator adjoint() { return new Superoperator(n, matrix.dagger()); }

    /** this ∘ other: X ↦ this[other[X]]. */
    public Superoperator compose(Superoperator other) { return new Superoperator(n, matrix.times(other.matrix)); }

    public Superoperator plus(Superoperator o) { return new Superoperator(n, matrix.plus(o.matrix)); }
    public Superoperator minus(Superoperator o) { return new Superoperator(n, matrix.minus(o.matrix)); }
    public Superoperator scale(double s) { return new Superoperator(n, matrix.scale(s)); }
    public Superoperator scale(Complex z) { return new Superoperator(n, matrix.scale(z)); }

    /** 1 − this. */
    public Superoperator oneMinus() { return identity(n).minus(this); }

    public Superoperator inverse() {
        try {
            return new Superoperator(n, matrix.inverse());
        } catch (DiffusonException e) {
            throw new DiffusonException("superoperator", "is singular", "it has a zero mode; project it out or move off the pole");
        }
    }

    /** The matrix in an operator basis, S_ij = (1/n) Tr(B_i† S[B_j]). */
    public CMatrix inBasis(OperatorBasis basis) {
        if (basis.dim() != n) throw new DiffusonException("basis", "has dimension " + basis.dim() + ", superoperator has " + n, "use OperatorBasis.standard(" + n + ")");
        CMatrix u = basis.vecBasis();
        return u.dagger().times(matrix).times(u);
    }

    /** Matrix in the standard basis of {@link OperatorBasis#standard(int)} (Pauli for n = 2). */
    public CMatrix inStandardBasis() { return inBasis(OperatorBasis.standard(n)); }

    /** Eigen-decomposition of the vec-picture matrix (eigenvectors are vec(X)). */
    public Eigen.General eigen() { return Eigen.general(matrix); }

    public Complex[] eigenvalues() { return Eigen.values(matrix); }

    public double normMax() { return matrix.normMax(); }

    public boolean approxEquals(Superoperator o, double tol) { return matrix.approxEquals(o.matrix, tol); }

    @Override
    public String toString() {
        OperatorBasis b = OperatorBasis.standard(n);
        return "Superoperator n=" + n + " in basis " + b.names() + ":\n" + inBasis(b);
    }
}
