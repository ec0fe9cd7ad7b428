package org.diffuson.linalg;

/** Pauli matrices σ_0 = 1, σ_x, σ_y, σ_z (index 0..3) and Kronecker-product builders. */
public final class Pauli {
    private Pauli() {}

    public static final CMatrix S0 = CMatrix.real(new double[][]{{1, 0}, {0, 1}});
    public static final CMatrix SX = CMatrix.real(new double[][]{{0, 1}, {1, 0}});
    public static final CMatrix SY = CMatrix.of(new double[][]{{0, 0}, {0, 0}}, new double[][]{{0, -1}, {1, 0}});
    public static final CMatrix SZ = CMatrix.real(new double[][]{{1, 0}, {0, -1}});

    private static final CMatrix[] ALL = {S0, SX, SY, SZ};

    /** σ_i for i = 0 (identity), 1 (x), 2 (y), 3 (z). */
    public static CMatrix sigma(int i) { return ALL[i]; }

    /** Kronecker product σ_i ⊗ σ_j (e.g. spin ⊗ orbital for a 4-band model). */
    public static CMatrix kron(int i, int j) { return ALL[i].kron(ALL[j]); }

    /** Kronecker product of several matrices, left to right. */
    public static CMatrix kron(CMatrix first, CMatrix... rest) {
        CMatrix m = first;
        for (CMatrix r : rest) m = m.kron(r);
        return m;
    }

    /**
     * The Pauli components of the Hermitian part of a 2×2 matrix M (interleaved re/im at m[off..off+8)), the inverse of
     * {@link #combination}: M = m₀ σ_0 + m_x σ_x + m_y σ_y + m_z σ_z with m₀ = Re(M₀₀ + M₁₁)/2, m_z = Re(M₀₀ − M₁₁)/2,
     * m_x = Re(M₀₁ + M₁₀)/2 and m_y = Im(M₁₀ − M₀₁)/2 (σ_y's sign: M₀₁ = m_x − i m_y). Into out[0..4) = {m₀, m_x, m_y, m_z}.
     * The one 2×2 split of the band code (FermiMomenta's bands and proof, GridPolicy's polynomial weight).
     */
    public static void components(double[] m, int off, double[] out) {
        double a = m[off], d = m[off + 6];
        out[0] = 0.5 * (a + d);
        out[1] = 0.5 * (m[off + 2] + m[off + 4]);
        out[2] = 0.5 * (m[off + 5] - m[off + 3]);
        out[3] = 0.5 * (a - d);
    }

    /** a_0 σ_0 + a_x σ_x + a_y σ_y + a_z σ_z with real coefficients. */
    public static CMatrix combination(double a0, double ax, double ay, double az) {
        return S0.scale(a0).plus(SX.scale(ax)).plus(SY.scale(ay)).plus(SZ.scale(az));
    }
}
