package org.diffuson.scattering;

/**
 * A single-impurity T-matrix T(p, k) = ⟨p|T^R(ε_F + i0)|k⟩ as a 2×2 spin matrix, <b>p outgoing, k incoming</b>
 * (seed 001 Eq. S24 conventions), together with its momentum-shift derivative D_j T = (∂_{p_j} + ∂_{k_j}) T (seed 001
 * Eq. 3) on its off-shell continuation. Matrices are written interleaved (re, im) row-major, 8 doubles each.
 * Implementations: {@link PartialWaveTMatrix} (exact, from phase shifts) and {@link BornPotential} (first Born).
 */
public interface TMatrix {
    /** The host metal (k_F, m, N_F). */
    HostMetal host();

    /** Writes T(p, k) (2×2, interleaved) into {@code out[off .. off+8)}. */
    void eval(double[] p, double[] k, double[] out, int off);

    /** Writes D_j T(p, k) for j = x, y, z into {@code out[off + 8j .. off + 8j + 8)}. */
    void shiftGradient(double[] p, double[] k, double[] out, int off);

    /**
     * The highest angular harmonic of T on the Fermi sphere (an effective cut-off if not {@link #bandLimited()}). Sets the quadrature and decides whether the paper's l ≤ 1 moment
     * ansatz is exact.
     */
    int maxL();

    /**
     * Polynomial degree of D_jT(p,k) in p̂ (and k̂) on the Fermi sphere: l_max when the off-shell continuation is a
     * polynomial in the full vectors p, k (the default), l_max + 1 for unit-vector projectors (D_j p̂ = (1 − p̂p̂)/p).
     */
    default int gradientDegree() { return maxL(); }

    /**
     * False if T is not a finite sum of harmonics (a Gaussian Born potential): {@link #maxL()} is then an effective
     * cut-off at which the harmonics have decayed to ~1e−15, and kinetic solves use the exact angular-grid solver.
     */
    default boolean bandLimited() { return true; }

    /** True for a first-Born (Hermitian, non-unitary) T: the optical theorem is then not expected to hold. */
    default boolean isBorn() { return false; }

    /**
     * True if T is covariant under joint rotations of momentum and spin, T(Rp, Rk) = U_R T(p, k) U_R† (and D_jT
     * transforms as a vector), as for any spherical impurity with spin–orbit coupling i(k×p)·σ (seed 001 Eq. 17). The
     * kinetic solvers then tabulate one azimuth of outgoing momenta and reduce the solve to azimuthal Fourier blocks;
     * an implementation that is not covariant must leave this false (it is then solved on the full grid).
     */
    default boolean rotationInvariant() { return false; }
}
