package org.diffuson.linalg;

import org.hipparchus.complex.Complex;

/**
 * Allocation-free operations on raw interleaved complex arrays (row-major, (re, im) pairs), for hot loops.
 * In the EJML spirit: small static methods with explicit output arguments.
 */
public final class ZOps {
    private ZOps() {}

    /** c = a·b with a (m×k), b (k×n), c (m×n). c must not alias a or b. */
    public static void mult(double[] a, int m, int k, double[] b, int n, double[] c) {
        if (m == 2 && k == 2 && n == 2) {
            mult2(a, b, c);
            return;
        }
        if (k == 4) {
            // the 2×2 superoperators' 4×4 products: a's row held in locals, the same operations in the same order as
            // the general loop below (results equal bit for bit)
            for (int i = 0; i < m; i++) {
                int ia = 8 * i;
                double a0 = a[ia], a1 = a[ia + 1], a2 = a[ia + 2], a3 = a[ia + 3], a4 = a[ia + 4], a5 = a[ia + 5], a6 = a[ia + 6], a7 = a[ia + 7];
                for (int j = 0; j < n; j++) {
                    int b0 = 2 * j, b1 = b0 + 2 * n, b2 = b1 + 2 * n, b3 = b2 + 2 * n;
                    double sr = 0, si = 0;
                    sr += a0 * b[b0] - a1 * b[b0 + 1];
                    si += a0 * b[b0 + 1] + a1 * b[b0];
                    sr += a2 * b[b1] - a3 * b[b1 + 1];
                    si += a2 * b[b1 + 1] + a3 * b[b1];
                    sr += a4 * b[b2] - a5 * b[b2 + 1];
                    si += a4 * b[b2 + 1] + a5 * b[b2];
                    sr += a6 * b[b3] - a7 * b[b3 + 1];
                    si += a6 * b[b3 + 1] + a7 * b[b3];
                    c[2 * (i * n + j)] = sr;
                    c[2 * (i * n + j) + 1] = si;
                }
            }
            return;
        }
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double sr = 0, si = 0;
                for (int l = 0; l < k; l++) {
                    int ia = 2 * (i * k + l), ib = 2 * (l * n + j);
                    double ar = a[ia], ai = a[ia + 1], br = b[ib], bi = b[ib + 1];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                c[2 * (i * n + j)] = sr;
                c[2 * (i * n + j) + 1] = si;
            }
    }

    /**
     * c ← a·b for 2×2 complex matrices, unrolled; the same operations in the same order as the general loop (results
     * equal bit for bit). c must not alias a or b.
     */
    public static void mult2(double[] a, double[] b, double[] c) { mult2(a, 0, b, 0, c, 0); }

    /** c[co..co+7] ← a[ao..]·b[bo..] for 2×2 complex blocks at offsets (see {@link #mult2(double[], double[], double[])}). */
    public static void mult2(double[] a, int ao, double[] b, int bo, double[] c, int co) {
        double a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3], a4 = a[ao + 4], a5 = a[ao + 5], a6 = a[ao + 6], a7 = a[ao + 7];
        double b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3], b4 = b[bo + 4], b5 = b[bo + 5], b6 = b[bo + 6], b7 = b[bo + 7];
        c[co] = (a0 * b0 - a1 * b1) + (a2 * b4 - a3 * b5);
        c[co + 1] = (a0 * b1 + a1 * b0) + (a2 * b5 + a3 * b4);
        c[co + 2] = (a0 * b2 - a1 * b3) + (a2 * b6 - a3 * b7);
        c[co + 3] = (a0 * b3 + a1 * b2) + (a2 * b7 + a3 * b6);
        c[co + 4] = (a4 * b0 - a5 * b1) + (a6 * b4 - a7 * b5);
        c[co + 5] = (a4 * b1 + a5 * b0) + (a6 * b5 + a7 * b4);
        c[co + 6] = (a4 * b2 - a5 * b3) + (a6 * b6 - a7 * b7);
        c[co + 7] = (a4 * b3 + a5 * b2) + (a6 * b7 + a7 * b6);
    }

    /**
     * c = (A†B)[0..rows, 0..cols]: the overlaps ⟨a_x|b_y⟩ of the columns of two n×n matrices stored at a[ao..] and
     * b[bo..] (e.g. eigenvector matrices at two k-points), written row-major (rows×cols) to c[co..].
     */
    public static void multAdjoint(double[] a, int ao, double[] b, int bo, int n, int rows, int cols, double[] c, int co) {
        for (int x = 0; x < rows; x++)
            for (int y = 0; y < cols; y++) {
                double sr = 0, si = 0;
                for (int i = 0; i < n; i++) {
                    double ar = a[ao + 2 * (i * n + x)], ai = -a[ao + 2 * (i * n + x) + 1];
                    double br = b[bo + 2 * (i * n + y)], bi = b[bo + 2 * (i * n + y) + 1];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                c[co + 2 * (x * cols + y)] = sr;
                c[co + 2 * (x * cols + y) + 1] = si;
            }
    }

    /**
     * c = A·B† for two n×n matrices stored at a[ao..] and b[bo..], written row-major (n×n) to c[co..]: the Hermitian
     * products T T† of the kinetic collision integral and the optical theorem (seed 001 Eqs. 2, S24).
     */
    public static void multByAdjoint(double[] a, int ao, double[] b, int bo, int n, double[] c, int co) {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double sr = 0, si = 0;
                for (int m = 0; m < n; m++) {
                    double ar = a[ao + 2 * (i * n + m)], ai = a[ao + 2 * (i * n + m) + 1];
                    double br = b[bo + 2 * (j * n + m)], bi = -b[bo + 2 * (j * n + m) + 1]; // (B†)_{mj} = conj B_{jm}
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                c[co + 2 * (i * n + j)] = sr;
                c[co + 2 * (i * n + j) + 1] = si;
            }
    }

    /**
     * acc[0..2n²) += w·A·B† (A, B at offsets; the weighted sum Σ_k w_k T T† of the collision integral's Γ = ⟨T T†⟩,
     * seed 001 Eq. 2), without a temporary. The same operations in the same order as {@link #multByAdjoint} followed by
     * {@link #addScaled} (bit for bit); unrolled for n = 2, the hot case.
     */
    public static void multByAdjointAdd(double[] a, int ao, double[] b, int bo, int n, double w, double[] acc) {
        if (n == 2) {
            double a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3], a4 = a[ao + 4], a5 = a[ao + 5], a6 = a[ao + 6], a7 = a[ao + 7];
            double b0 = b[bo], b1 = -b[bo + 1], b2 = b[bo + 2], b3 = -b[bo + 3], b4 = b[bo + 4], b5 = -b[bo + 5], b6 = b[bo + 6], b7 = -b[bo + 7];
            // (A B†)_ij = Σ_m A_im conj(B_jm); (br, bi) hold conj B
            acc[0] += w * ((a0 * b0 - a1 * b1) + (a2 * b2 - a3 * b3));
            acc[1] += w * ((a0 * b1 + a1 * b0) + (a2 * b3 + a3 * b2));
            acc[2] += w * ((a0 * b4 - a1 * b5) + (a2 * b6 - a3 * b7));
            acc[3] += w * ((a0 * b5 + a1 * b4) + (a2 * b7 + a3 * b6));
            acc[4] += w * ((a4 * b0 - a5 * b1) + (a6 * b2 - a7 * b3));
            acc[5] += w * ((a4 * b1 + a5 * b0) + (a6 * b3 + a7 * b2));
            acc[6] += w * ((a4 * b4 - a5 * b5) + (a6 * b6 - a7 * b7));
            acc[7] += w * ((a4 * b5 + a5 * b4) + (a6 * b7 + a7 * b6));
            return;
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double sr = 0, si = 0;
                for (int m = 0; m < n; m++) {
                    double ar = a[ao + 2 * (i * n + m)], ai = a[ao + 2 * (i * n + m) + 1];
                    double br = b[bo + 2 * (j * n + m)], bi = -b[bo + 2 * (j * n + m) + 1];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                acc[2 * (i * n + j)] += w * sr;
                acc[2 * (i * n + j) + 1] += w * si;
            }
    }

    /** acc[0..2n²) += w·c[0..2n²): the weighted accumulation of a product written by one of the routines above. */
    public static void addScaled(double[] acc, double w, double[] c, int n) {
        for (int x = 0; x < 2 * n * n; x++) acc[x] += w * c[x];
    }

    /**
     * Closed-form inverse of a 2×2 complex matrix stored in {@code a[off..off+7]}, written to {@code out[oo..oo+7]}.
     * Returns false (and leaves out untouched) if the determinant is exactly zero.
     */
    public static boolean invert2(double[] a, int off, double[] out, int oo) {
        double ar = a[off], ai = a[off + 1], br = a[off + 2], bi = a[off + 3];
        double cr = a[off + 4], ci = a[off + 5], dr = a[off + 6], di = a[off + 7];
        double detr = ar * dr - ai * di - (br * cr - bi * ci);
        double deti = ar * di + ai * dr - (br * ci + bi * cr);
        double den = detr * detr + deti * deti;
        if (den == 0) return false;
        double ir = detr / den, ii = -deti / den;
        out[oo] = dr * ir - di * ii;
        out[oo + 1] = dr * ii + di * ir;
        out[oo + 2] = -(br * ir - bi * ii);
        out[oo + 3] = -(br * ii + bi * ir);
        out[oo + 4] = -(cr * ir - ci * ii);
        out[oo + 5] = -(cr * ii + ci * ir);
        out[oo + 6] = ar * ir - ai * ii;
        out[oo + 7] = ar * ii + ai * ir;
        return true;
    }

    /**
     * In-place inverse of an n×n complex matrix by LU with partial pivoting (Gauss–Jordan on a copy).
     * {@code work} needs 2n² doubles, {@code piv} n ints. Returns false if singular.
     */
    public static boolean invertInPlace(double[] a, int n, double[] work, int[] piv) {
        if (n == 1) {
            double r = a[0], i = a[1], den = r * r + i * i;
            if (den == 0) return false;
            a[0] = r / den;
            a[1] = -i / den;
            return true;
        }
        if (n == 2) {
            System.arraycopy(a, 0, work, 0, 8);
            return invert2(work, 0, a, 0);
        }
        // LU decomposition in place (Doolittle, partial pivoting), then solve for the identity into work.
        if (!luDecompose(a, n, piv)) return false;
        for (int col = 0; col < n; col++) {
            for (int i = 0; i < n; i++) {
                work[2 * (i * n + col)] = piv[i] == col ? 1 : 0;
                work[2 * (i * n + col) + 1] = 0;
            }
        }
        luSolveColumns(a, n, work, n);
        System.arraycopy(work, 0, a, 0, 2 * n * n);
        return true;
    }

    /**
     * LU decomposition in place with partial pivoting: on return a holds L (unit lower, below the diagonal) and U;
     * piv[i] is the original row now at position i. Returns false if a pivot is exactly zero.
     */
    public static boolean luDecompose(double[] a, int n, int[] piv) {
        for (int i = 0; i < n; i++) piv[i] = i;
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = -1;
            for (int i = k; i < n; i++) {
                double re = a[2 * (i * n + k)], im = a[2 * (i * n + k) + 1], m = re * re + im * im;   // |a|² (same order as |a|)
                if (m > best) {
                    best = m;
                    p = i;
                }
            }
            if (best == 0) return false;
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    int x = 2 * (k * n + j), y = 2 * (p * n + j);
                    double t = a[x]; a[x] = a[y]; a[y] = t;
                    t = a[x + 1]; a[x + 1] = a[y + 1]; a[y + 1] = t;
                }
                int t = piv[k]; piv[k] = piv[p]; piv[p] = t;
            }
            double pr = a[2 * (k * n + k)], pi = a[2 * (k * n + k) + 1], den = pr * pr + pi * pi;
            double qr = pr / den, qi = -pi / den;
            for (int i = k + 1; i < n; i++) {
                int ik = 2 * (i * n + k);
                double lr = a[ik] * qr - a[ik + 1] * qi, li = a[ik] * qi + a[ik + 1] * qr;
                a[ik] = lr;
                a[ik + 1] = li;
                for (int j = k + 1; j < n; j++) {
                    int ij = 2 * (i * n + j), kj = 2 * (k * n + j);
                    a[ij] -= lr * a[kj] - li * a[kj + 1];
                    a[ij + 1] -= lr * a[kj + 1] + li * a[kj];
                }
            }
        }
        return true;
    }

    /** Row width of the band storage used by {@link #luDecomposeBanded}: 2·kl + ku + 1 complex entries per row. */
    public static int bandWidth(int kl, int ku) {
        return 2 * kl + ku + 1;
    }

    /** Index (of the real part) of entry (i, j) in band storage: row i holds columns i − kl … i + kl + ku. */
    public static int bandIndex(int i, int j, int kl, int ku) {
        return 2 * (i * (2 * kl + ku + 1) + j - i + kl);
    }

    /**
     * Banded LU with partial pivoting, in place on true band storage (n rows of {@link #bandWidth} complex entries;
     * entry (i, j) at {@link #bandIndex}, entries with j − i &gt; ku or i − j &gt; kl are zero; the extra kl columns
     * hold the fill of pivoting, which widens the upper band to kl + ku). Cost O(n·kl·(kl + ku)), memory
     * O(n·(2kl + ku)). Returns false on an exactly zero pivot. LINPACK-style pivots: row k was swapped with row piv[k]
     * at step k (the multipliers stay in place). Solve with {@link #luSolveBanded}.
     */
    public static boolean luDecomposeBanded(double[] ab, int n, int kl, int ku, int[] piv) {
        int w = 2 * kl + ku + 1;
        for (int k = 0; k < n; k++) {
            int last = Math.min(n - 1, k + kl), lastCol = Math.min(n - 1, k + kl + ku);
            int p = k;
            double best = -1;
            for (int i = k; i <= last; i++) {
                int ik = 2 * (i * w + k - i + kl);
                double m = Math.abs(ab[ik]) + Math.abs(ab[ik + 1]);
                if (m > best) {
                    best = m;
                    p = i;
                }
            }
            if (best == 0) return false;
            if (p != k) {
                for (int j = k; j <= lastCol; j++) {
                    int x = 2 * (k * w + j - k + kl), y = 2 * (p * w + j - p + kl);
                    double t = ab[x]; ab[x] = ab[y]; ab[y] = t;
                    t = ab[x + 1]; ab[x + 1] = ab[y + 1]; ab[y + 1] = t;
                }
            }
            piv[k] = p;
            int kk = 2 * (k * w + kl);
            double pr = ab[kk], pi = ab[kk + 1], den = pr * pr + pi * pi;
            double qr = pr / den, qi = -pi / den;
            for (int i = k + 1; i <= last; i++) {
                int ik = 2 * (i * w + k - i + kl);
                double lr = ab[ik] * qr - ab[ik + 1] * qi, li = ab[ik] * qi + ab[ik + 1] * qr;
                ab[ik] = lr;
                ab[ik + 1] = li;
                if (lr == 0 && li == 0) continue;
                // row i, columns k+1..lastCol start right after (i, k); row k's start right after the pivot
                for (int j = 1, e = lastCol - k; j <= e; j++) {
                    int ij = ik + 2 * j, kj = kk + 2 * j;
                    ab[ij] -= lr * ab[kj] - li * ab[kj + 1];
                    ab[ij + 1] -= lr * ab[kj + 1] + li * ab[kj];
                }
            }
        }
        return true;
    }

    /**
     * Solves A·x = b after {@link #luDecomposeBanded} (band storage; b in original row order, overwritten with x; one
     * column).
     */
    public static void luSolveBanded(double[] ab, int n, int kl, int ku, int[] piv, double[] b) {
        int w = 2 * kl + ku + 1;
        for (int k = 0; k < n; k++) {
            int p = piv[k];
            if (p != k) {
                double t = b[2 * k]; b[2 * k] = b[2 * p]; b[2 * p] = t;
                t = b[2 * k + 1]; b[2 * k + 1] = b[2 * p + 1]; b[2 * p + 1] = t;
            }
            double xr = b[2 * k], xi = b[2 * k + 1];
            if (xr == 0 && xi == 0) continue;
            for (int i = k + 1, e = Math.min(n - 1, k + kl); i <= e; i++) {
                int ik = 2 * (i * w + k - i + kl);
                double lr = ab[ik], li = ab[ik + 1];
                b[2 * i] -= lr * xr - li * xi;
                b[2 * i + 1] -= lr * xi + li * xr;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double sr = b[2 * i], si = b[2 * i + 1];
            int ii = 2 * (i * w + kl);
            for (int k = i + 1, e = Math.min(n - 1, i + kl + ku); k <= e; k++) {
                int ik = ii + 2 * (k - i);
                double ur = ab[ik], ui = ab[ik + 1];
                sr -= ur * b[2 * k] - ui * b[2 * k + 1];
                si -= ur * b[2 * k + 1] + ui * b[2 * k];
            }
            double ur = ab[ii], ui = ab[ii + 1], den = ur * ur + ui * ui;
            b[2 * i] = (sr * ur + si * ui) / den;
            b[2 * i + 1] = (si * ur - sr * ui) / den;
        }
    }

    /** Solves LU·X = B in place for m columns of B (n×m, already row-permuted by piv). */
    public static void luSolveColumns(double[] lu, int n, double[] b, int m) {
        for (int c = 0; c < m; c++) {
            for (int i = 1; i < n; i++) {
                double sr = b[2 * (i * m + c)], si = b[2 * (i * m + c) + 1];
                for (int k = 0; k < i; k++) {
                    double lr = lu[2 * (i * n + k)], li = lu[2 * (i * n + k) + 1];
                    double xr = b[2 * (k * m + c)], xi = b[2 * (k * m + c) + 1];
                    sr -= lr * xr - li * xi;
                    si -= lr * xi + li * xr;
                }
                b[2 * (i * m + c)] = sr;
                b[2 * (i * m + c) + 1] = si;
            }
            for (int i = n - 1; i >= 0; i--) {
                double sr = b[2 * (i * m + c)], si = b[2 * (i * m + c) + 1];
                for (int k = i + 1; k < n; k++) {
                    double ur = lu[2 * (i * n + k)], ui = lu[2 * (i * n + k) + 1];
                    double xr = b[2 * (k * m + c)], xi = b[2 * (k * m + c) + 1];
                    sr -= ur * xr - ui * xi;
                    si -= ur * xi + ui * xr;
                }
                double ur = lu[2 * (i * n + i)], ui = lu[2 * (i * n + i) + 1], den = ur * ur + ui * ui;
                b[2 * (i * m + c)] = (sr * ur + si * ui) / den;
                b[2 * (i * m + c) + 1] = (si * ur - sr * ui) / den;
            }
        }
    }

    /** Determinant (destroys a). */
    public static Complex determinant(double[] a, int n) {
        int[] piv = new int[n];
        if (!luDecompose(a, n, piv)) return Complex.ZERO;
        double dr = 1, di = 0;
        for (int i = 0; i < n; i++) {
            double ur = a[2 * (i * n + i)], ui = a[2 * (i * n + i) + 1];
            double t = dr * ur - di * ui;
            di = dr * ui + di * ur;
            dr = t;
        }
        int swaps = 0;
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (seen[i]) continue;
            int len = 0;
            for (int j = i; !seen[j]; j = piv[j]) {
                seen[j] = true;
                len++;
            }
            swaps += len - 1;
        }
        return swaps % 2 == 0 ? new Complex(dr, di) : new Complex(-dr, -di);
    }
}
