package org.diffuson.model;

import java.util.Arrays;

/**
 * Symmetry hint of a Hamiltonian, used for exact angular reductions at q = 0.
 * <ul>
 *   <li>{@code FULL}: H depends on |k| only (scalar bands), in 2D or 3D.</li>
 *   <li>{@code AXIAL}: 2D rotation covariance H(R_φ k) = U_φ H(k) U_φ†, with U_φ = diag(e^{−i j_a φ}) in the model
 *   basis (for Rashba, j = (+½, −½): the conserved J_z = L_z + S_z).</li>
 *   <li>{@code NONE}: no reduction; every integral runs on the full grid.</li>
 * </ul>
 * Declaring a symmetry the model does not have gives wrong numbers; {@link Hamiltonian#checkIsotropy} tests it.
 */
public record Isotropy(Kind kind, double[] j) {
    public enum Kind { NONE, FULL, AXIAL }

    public static final Isotropy NONE = new Isotropy(Kind.NONE, new double[0]);

    public static Isotropy full(int n) { return new Isotropy(Kind.FULL, new double[n]); }

    /** Axial symmetry about z with generator diag(j) in the model basis. */
    public static Isotropy axial(double... j) { return new Isotropy(Kind.AXIAL, j.clone()); }

    public boolean reducible() { return kind != Kind.NONE; }

    /** True if the angular average keeps the operator component |a⟩⟨b|, i.e. j_a = j_b. */
    public boolean keeps(int a, int b) { return kind == Kind.FULL || Math.abs(j[a] - j[b]) < 1e-12; }

    /** True if the superoperator entry (ab),(cd) survives the angular average: j_a − j_b = j_c − j_d. */
    public boolean keeps(int a, int b, int c, int d) {
        return kind == Kind.FULL || Math.abs((j[a] - j[b]) - (j[c] - j[d])) < 1e-12;
    }

    @Override
    public String toString() { return kind == Kind.AXIAL ? "AXIAL j=" + Arrays.toString(j) : kind.toString(); }

    @Override
    public boolean equals(Object o) { return o instanceof Isotropy i && i.kind == kind && Arrays.equals(i.j, j); }

    @Override
    public int hashCode() { return kind.hashCode() * 31 + Arrays.hashCode(j); }
}
