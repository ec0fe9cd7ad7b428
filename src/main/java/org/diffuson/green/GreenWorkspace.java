package org.diffuson.green;

import org.diffuson.linalg.ZOps;

/**
 * The one Green-function kernel of the library, allocation-free in the manner of EJML's decompositions: a workspace
 * sized once for n×n blocks that assembles z − H(k) − Σ, inverts it (closed form for n = 2, one LU otherwise) and
 * derives G^A and G′ from it. The matrix Green function G(k, z) = [z − H(k) − Σ(z)]⁻¹ is the one summed in the
 * SCBA (seed 000 Eq. 2) and paired in the bubble (seed 000 Eqs. 6–7) and in the Kubo density response
 * G^R V G^A (seed 002 Eq. 65); G^A(k, ε) = G^R(k, ε)† and G′ = dG/dz = −G (1 − Σ′) G enter the Fermi-sea term of
 * the Kubo–Středa formula (seed 000 Eqs. 206–213). Matrices are interleaved (re, im) row-major arrays; one workspace per thread.
 * <p>Every engine computes G here: {@link Resolvent} (the SCBA k-sum), the ladder bubble, Kubo–Středa, Bastin and the
 * Matsubara sea; the engines of seeds 001, 003 and 004 (T-matrix kinetics, Usadel Nambu blocks, gauge ladders) are
 * meant to as well. The Usadel engine (seed 003) has no resolvent z − H − Σ to assemble: its inversions are the
 * Nambu⊗spin T-matrix (1 + ip_Faǧ)⁻¹ ({@code CMatrix.inverse}), the Riccati normalizations (1 − γγ̃)⁻¹ and the bulk
 * Newton step (2×2, {@link ZOps#invert2}) and the collocation Jacobian (LU, band LU): the same {@link ZOps} routines
 * this workspace calls.
 */
public final class GreenWorkspace {
    private final int n, nn;
    private final double[] lu, one, t;
    private final int[] piv;

    public GreenWorkspace(int n) {
        if (n < 1) throw new IllegalArgumentException("dimension must be ≥ 1, got " + n);
        this.n = n;
        this.nn = 2 * n * n;
        lu = new double[nn];
        one = new double[nn];
        t = new double[nn];
        piv = new int[n];
    }

    public int dim() { return n; }

    /**
     * g ← [z − H − Σ]⁻¹ with H at {@code h[ho..]} and Σ (interleaved n×n), z = zr + i·zi. Returns false if the matrix is
     * exactly singular (then g holds no inverse).
     */
    public boolean invert(double[] h, int ho, double zr, double zi, double[] sigma, double[] g) {
        if (n == 2) return inverse2(h, ho, zr, zi, sigma, 1, g, 0);
        for (int e = 0; e < nn; e++) g[e] = -h[ho + e] - sigma[e];
        for (int d = 0; d < n; d++) {
            g[2 * (d * n + d)] += zr;
            g[2 * (d * n + d) + 1] += zi;
        }
        return ZOps.invertInPlace(g, n, lu, piv);
    }

    /**
     * Closed form for n = 2: g[go..go+7] ← scale·[z − H − Σ]⁻¹. Returns false if the determinant is exactly zero.
     * Static and branch-free, for the SCBA's fused k-sum.
     */
    public static boolean inverse2(double[] h, int ho, double zr, double zi, double[] s, double scale, double[] g, int go) {
        double ar = zr - h[ho] - s[0], ai = zi - h[ho + 1] - s[1];
        double br = -h[ho + 2] - s[2], bi = -h[ho + 3] - s[3];
        double cr = -h[ho + 4] - s[4], ci = -h[ho + 5] - s[5];
        double dr = zr - h[ho + 6] - s[6], di = zi - h[ho + 7] - s[7];
        double detr = ar * dr - ai * di - (br * cr - bi * ci);
        double deti = ar * di + ai * dr - (br * ci + bi * cr);
        double mod = detr * detr + deti * deti;
        double den = scale / mod;
        double ir = detr * den, ii = -deti * den;
        g[go] = dr * ir - di * ii; g[go + 1] = dr * ii + di * ir;
        g[go + 2] = -(br * ir - bi * ii); g[go + 3] = -(br * ii + bi * ir);
        g[go + 4] = -(cr * ir - ci * ii); g[go + 5] = -(cr * ii + ci * ir);
        g[go + 6] = ar * ir - ai * ii; g[go + 7] = ar * ii + ai * ir;
        return mod != 0;
    }

    /** out ← g† (G^A = (G^R)† at real energy). out must not alias g. */
    public static void dagger(double[] g, int n, double[] out) {
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) {
                out[2 * (r * n + c)] = g[2 * (c * n + r)];
                out[2 * (r * n + c) + 1] = -g[2 * (c * n + r) + 1];
            }
    }

    /**
     * out ← G′ = dG/dz = −G (1 − Σ′) G at fixed k, with Σ′ = dΣ/dz from {@link SelfEnergyModel#derivative}
     * (null: Σ′ = 0). out must not alias g.
     */
    public void derivative(double[] g, double[] dSigma, double[] out) {
        for (int j = 0; j < nn; j++) one[j] = dSigma == null ? 0 : -dSigma[j];
        for (int d = 0; d < n; d++) one[2 * (d * n + d)] += 1;
        ZOps.mult(g, n, n, one, n, t);
        ZOps.mult(t, n, n, g, n, out);
        for (int j = 0; j < nn; j++) out[j] = -out[j];
    }

    /** 2×2 closed form of {@link #dagger}: out[oo..oo+7] ← g[go..go+7]†. */
    public static void dagger2(double[] g, int go, double[] out, int oo) {
        out[oo] = g[go]; out[oo + 1] = -g[go + 1];
        out[oo + 2] = g[go + 4]; out[oo + 3] = -g[go + 5];
        out[oo + 4] = g[go + 2]; out[oo + 5] = -g[go + 3];
        out[oo + 6] = g[go + 6]; out[oo + 7] = -g[go + 7];
    }

    /** 2×2 closed form of {@link #traceRe}: Re Tr[A X] for blocks at offsets (same operations, same order). */
    public static double traceRe2(double[] a, int ao, double[] x, int xo) {
        return (((0 + (a[ao] * x[xo] - a[ao + 1] * x[xo + 1])) + (a[ao + 2] * x[xo + 4] - a[ao + 3] * x[xo + 5]))
                + (a[ao + 4] * x[xo + 2] - a[ao + 5] * x[xo + 3])) + (a[ao + 6] * x[xo + 6] - a[ao + 7] * x[xo + 7]);
    }

    /** 2×2 closed form of {@link #traceIm}. */
    public static double traceIm2(double[] a, int ao, double[] x, int xo) {
        return (((0 + (a[ao] * x[xo + 1] + a[ao + 1] * x[xo])) + (a[ao + 2] * x[xo + 5] + a[ao + 3] * x[xo + 4]))
                + (a[ao + 4] * x[xo + 3] + a[ao + 5] * x[xo + 2])) + (a[ao + 6] * x[xo + 7] + a[ao + 7] * x[xo + 6]);
    }

    /** Re Tr[A X] for n×n interleaved matrices. */
    public static double traceRe(double[] a, double[] x, int n) {
        double sr = 0;
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) sr += a[2 * (r * n + c)] * x[2 * (c * n + r)] - a[2 * (r * n + c) + 1] * x[2 * (c * n + r) + 1];
        return sr;
    }

    /** Im Tr[A X]. */
    public static double traceIm(double[] a, double[] x, int n) {
        double si = 0;
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) si += a[2 * (r * n + c)] * x[2 * (c * n + r) + 1] + a[2 * (r * n + c) + 1] * x[2 * (c * n + r)];
        return si;
    }
}
