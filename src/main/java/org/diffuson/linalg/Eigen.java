package org.diffuson.linalg;

import org.diffuson.DiffusonException;
import org.hipparchus.complex.Complex;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Eigen-decompositions of small dense complex matrices (EJML 0.44 has no complex eigensolver).
 * <ul>
 *   <li>{@link #general(CMatrix)}: any square complex matrix (superoperators such as 1 − I or K are not Hermitian).
 *   Householder reduction to Hessenberg form, then the single-shift complex QR iteration with Wilkinson shifts
 *   (Golub &amp; Van Loan, Alg. 7.5), eigenvectors by back-substitution on the Schur form. Left eigenvectors are the
 *   rows of V⁻¹, so that they are bi-orthonormal to the right ones: w_iᴴ v_j = δ_ij.</li>
 *   <li>{@link #hermitian(CMatrix)}: cyclic complex Jacobi; real ascending eigenvalues, orthonormal vectors.</li>
 * </ul>
 */
public final class Eigen {
    private Eigen() {}

    /** Result of a general decomposition: A v_i = λ_i v_i and w_iᴴ A = λ_i w_iᴴ. */
    public record General(Complex[] values, CMatrix right, CMatrix left, double conditionV) {
        /** Right eigenvector i (column). */
        public CMatrix rightVector(int i) { return right.column(i); }

        /** Left eigenvector i (column w_i such that w_iᴴ A = λ_i w_iᴴ). */
        public CMatrix leftVector(int i) { return left.column(i); }

        /** Index of the eigenvalue of smallest modulus. */
        public int indexOfSmallest() {
            int k = 0;
            for (int i = 1; i < values.length; i++) if (values[i].norm() < values[k].norm()) k = i;
            return k;
        }
    }

    /** Result of a Hermitian decomposition: A = U diag(values) Uᴴ, values ascending. */
    public record Hermitian(double[] values, CMatrix vectors) {}

    /** Eigenvalues and left/right eigenvectors of a general complex square matrix, sorted by real part. */
    public static General general(CMatrix a) {
        a.requireSquare("matrix");
        if (!a.allFinite()) throw new DiffusonException("matrix", "has non-finite entries", "check what produced it");
        int n = a.rows();
        double[][][] t = schurForm(a);
        double[][] hr = t[0], hi = t[1], zr = t[2], zi = t[3];
        // Eigenvectors of the upper-triangular T by back-substitution, then V = Z Y.
        double norm = 0;
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) norm = Math.max(norm, Math.hypot(hr[i][j], hi[i][j]));
        double small = Math.max(norm, Double.MIN_NORMAL) * 1e-15;
        double[][] yr = new double[n][n], yi = new double[n][n];
        for (int k = 0; k < n; k++) {
            yr[k][k] = 1;
            double lr = hr[k][k], li = hi[k][k];
            for (int i = k - 1; i >= 0; i--) {
                double sr = 0, si = 0;
                for (int j = i + 1; j <= k; j++) {
                    sr += hr[i][j] * yr[j][k] - hi[i][j] * yi[j][k];
                    si += hr[i][j] * yi[j][k] + hi[i][j] * yr[j][k];
                }
                double dr = hr[i][i] - lr, di = hi[i][i] - li;
                if (Math.hypot(dr, di) < small) dr = small;
                double den = dr * dr + di * di;
                yr[i][k] = -(sr * dr + si * di) / den;
                yi[i][k] = -(si * dr - sr * di) / den;
            }
        }
        double[] v = new double[2 * n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) {
                double sr = 0, si = 0;
                for (int j = 0; j <= k; j++) {
                    sr += zr[i][j] * yr[j][k] - zi[i][j] * yi[j][k];
                    si += zr[i][j] * yi[j][k] + zi[i][j] * yr[j][k];
                }
                v[2 * (i * n + k)] = sr;
                v[2 * (i * n + k) + 1] = si;
            }
        // normalize columns
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += v[2 * (i * n + k)] * v[2 * (i * n + k)] + v[2 * (i * n + k) + 1] * v[2 * (i * n + k) + 1];
            s = Math.sqrt(s);
            for (int i = 0; i < n; i++) {
                v[2 * (i * n + k)] /= s;
                v[2 * (i * n + k) + 1] /= s;
            }
        }
        Complex[] vals = new Complex[n];
        for (int i = 0; i < n; i++) vals[i] = new Complex(hr[i][i], hi[i][i]);
        // sort by real part, then imaginary part
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> vals[i].getReal()).thenComparingDouble(i -> vals[i].getImaginary()));
        Complex[] sv = new Complex[n];
        double[] svv = new double[2 * n * n];
        for (int c = 0; c < n; c++) {
            sv[c] = vals[order[c]];
            for (int i = 0; i < n; i++) {
                svv[2 * (i * n + c)] = v[2 * (i * n + order[c])];
                svv[2 * (i * n + c) + 1] = v[2 * (i * n + order[c]) + 1];
            }
        }
        CMatrix right = CMatrix.wrap(n, n, svv);
        CMatrix vinv;
        double cond;
        try {
            vinv = right.inverse();
            cond = right.normF() * vinv.normF();
        } catch (DiffusonException e) {
            throw new DiffusonException("matrix", "is defective (eigenvectors are linearly dependent)",
                    "left eigenvectors are undefined; perturb the input or use the Schur form");
        }
        return new General(sv, right, vinv.dagger(), cond);
    }

    /**
     * Eigenvalues only (sorted by real part, then imaginary part): the Schur form's diagonal, the same numbers as
     * {@link #general}'s without its eigenvectors, their inverse and condition number.
     */
    public static Complex[] values(CMatrix a) {
        a.requireSquare("matrix");
        if (!a.allFinite()) throw new DiffusonException("matrix", "has non-finite entries", "check what produced it");
        int n = a.rows();
        double[][][] t = schurForm(a);
        double[][] hr = t[0], hi = t[1];
        Complex[] vals = new Complex[n];
        for (int i = 0; i < n; i++) vals[i] = new Complex(hr[i][i], hi[i][i]);
        Arrays.sort(vals, Comparator.comparingDouble(Complex::getReal).thenComparingDouble(Complex::getImaginary));
        return vals;
    }

    /** The complex Schur form A = Z T Zᴴ as {Re T, Im T, Re Z, Im Z} (Householder to Hessenberg form, then QR steps). */
    private static double[][][] schurForm(CMatrix a) {
        int n = a.rows();
        double[][] hr = new double[n][n], hi = new double[n][n], zr = new double[n][n], zi = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                hr[i][j] = a.re(i, j);
                hi[i][j] = a.im(i, j);
            }
            zr[i][i] = 1;
        }
        hessenberg(hr, hi, zr, zi, n);
        schur(hr, hi, zr, zi, n);
        return new double[][][]{hr, hi, zr, zi};
    }

    private static void hessenberg(double[][] hr, double[][] hi, double[][] zr, double[][] zi, int n) {
        double[] ur = new double[n], ui = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double alpha = 0;
            for (int i = k + 1; i < n; i++) alpha += hr[i][k] * hr[i][k] + hi[i][k] * hi[i][k];
            alpha = Math.sqrt(alpha);
            if (alpha == 0) continue;
            double xr = hr[k + 1][k], xi = hi[k + 1][k], xa = Math.hypot(xr, xi);
            double pr = xa == 0 ? 1 : xr / xa, pi = xa == 0 ? 0 : xi / xa; // phase of x_0
            // u = x + e^{i arg x0} alpha e_1
            for (int i = 0; i < n; i++) { ur[i] = 0; ui[i] = 0; }
            for (int i = k + 1; i < n; i++) { ur[i] = hr[i][k]; ui[i] = hi[i][k]; }
            ur[k + 1] += pr * alpha;
            ui[k + 1] += pi * alpha;
            double un = 0;
            for (int i = k + 1; i < n; i++) un += ur[i] * ur[i] + ui[i] * ui[i];
            if (un == 0) continue;
            double beta = 2 / un;
            // H = (I - beta u uᴴ) H (I - beta u uᴴ); Z = Z (I - beta u uᴴ)
            for (int j = 0; j < n; j++) { // left: rows
                double sr = 0, si = 0;
                for (int i = k + 1; i < n; i++) { // uᴴ h_j
                    sr += ur[i] * hr[i][j] + ui[i] * hi[i][j];
                    si += ur[i] * hi[i][j] - ui[i] * hr[i][j];
                }
                sr *= beta;
                si *= beta;
                for (int i = k + 1; i < n; i++) {
                    hr[i][j] -= ur[i] * sr - ui[i] * si;
                    hi[i][j] -= ur[i] * si + ui[i] * sr;
                }
            }
            rightReflect(hr, hi, ur, ui, beta, k + 1, n);
            rightReflect(zr, zi, ur, ui, beta, k + 1, n);
        }
    }

    /** M ← M (I − β u uᴴ) acting on columns from..n−1. */
    private static void rightReflect(double[][] mr, double[][] mi, double[] ur, double[] ui, double beta, int from, int n) {
        for (int i = 0; i < n; i++) {
            double sr = 0, si = 0;
            for (int j = from; j < n; j++) { // m_i · u
                sr += mr[i][j] * ur[j] - mi[i][j] * ui[j];
                si += mr[i][j] * ui[j] + mi[i][j] * ur[j];
            }
            sr *= beta;
            si *= beta;
            for (int j = from; j < n; j++) { // subtract s conj(u_j)
                mr[i][j] -= sr * ur[j] + si * ui[j];
                mi[i][j] -= si * ur[j] - sr * ui[j];
            }
        }
    }

    /** Complex single-shift QR on an upper Hessenberg matrix, accumulating Z. Leaves T upper triangular. */
    private static void schur(double[][] hr, double[][] hi, double[][] zr, double[][] zi, int n) {
        int hiIdx = n - 1;
        int iter = 0, maxIter = 100 * n;
        double eps = 2.220446049250313e-16;
        while (hiIdx > 0) {
            // find small subdiagonal
            int l = hiIdx;
            while (l > 0) {
                double s = Math.hypot(hr[l - 1][l - 1], hi[l - 1][l - 1]) + Math.hypot(hr[l][l], hi[l][l]);
                if (s == 0) s = 1;
                if (Math.hypot(hr[l][l - 1], hi[l][l - 1]) <= eps * s) {
                    hr[l][l - 1] = 0;
                    hi[l][l - 1] = 0;
                    break;
                }
                l--;
            }
            if (l == hiIdx) {
                hiIdx--;
                iter = 0;
                continue;
            }
            if (++iter > maxIter)
                throw new DiffusonException("matrix", "QR iteration did not converge", "check for non-finite or huge entries");
            // Wilkinson shift from trailing 2x2 of active block
            double ar = hr[hiIdx - 1][hiIdx - 1], ai = hi[hiIdx - 1][hiIdx - 1];
            double br = hr[hiIdx - 1][hiIdx], bi = hi[hiIdx - 1][hiIdx];
            double cr = hr[hiIdx][hiIdx - 1], ci = hi[hiIdx][hiIdx - 1];
            double dr = hr[hiIdx][hiIdx], di = hi[hiIdx][hiIdx];
            Complex a = new Complex(ar, ai), b = new Complex(br, bi), c = new Complex(cr, ci), d = new Complex(dr, di);
            Complex tr2 = a.add(d).divide(2);
            Complex disc = a.subtract(d).divide(2).pow(2).add(b.multiply(c)).sqrt();
            Complex m1 = tr2.add(disc), m2 = tr2.subtract(disc);
            Complex mu = m1.subtract(d).norm() < m2.subtract(d).norm() ? m1 : m2;
            if (iter % 11 == 10) { // exceptional shift
                mu = d.add(new Complex(Math.hypot(cr, ci), 0));
            }
            double mr = mu.getReal(), mi = mu.getImaginary();
            // QR step on block l..hiIdx via Givens rotations
            double xr = hr[l][l] - mr, xi = hi[l][l] - mi, yr = hr[l + 1][l], yi = hi[l + 1][l];
            for (int k = l; k < hiIdx; k++) {
                if (k > l) {
                    xr = hr[k][k - 1];
                    xi = hi[k][k - 1];
                    yr = hr[k + 1][k - 1];
                    yi = hi[k + 1][k - 1];
                }
                double nx = Math.hypot(xr, xi), ny = Math.hypot(yr, yi), r = Math.hypot(nx, ny);
                if (r == 0) continue;
                // G = [[c, s],[-conj(s), c]] with c real: c = |x|/r, s = (x/|x|) conj(y)/r
                double cc, sr, si;
                if (nx == 0) {
                    cc = 0;
                    sr = yr / ny;
                    si = -yi / ny;
                } else {
                    cc = nx / r;
                    double pxr = xr / nx, pxi = xi / nx;
                    sr = (pxr * yr + pxi * yi) / r;
                    si = (pxi * yr - pxr * yi) / r;
                }
                int jstart = Math.max(l, k - 1);
                for (int j = jstart; j < n; j++) { // rows k, k+1
                    double ur = hr[k][j], ui = hi[k][j], vr = hr[k + 1][j], vi = hi[k + 1][j];
                    hr[k][j] = cc * ur + (sr * vr - si * vi);
                    hi[k][j] = cc * ui + (sr * vi + si * vr);
                    hr[k + 1][j] = -(sr * ur + si * ui) + cc * vr;
                    hi[k + 1][j] = -(sr * ui - si * ur) + cc * vi;
                }
                int iend = Math.min(hiIdx, k + 2);
                for (int i = 0; i <= iend; i++) rotCols(hr, hi, i, k, cc, sr, si);
                for (int i = 0; i < n; i++) rotCols(zr, zi, i, k, cc, sr, si);
                if (k > l) {
                    hr[k + 1][k - 1] = 0;
                    hi[k + 1][k - 1] = 0;
                }
            }
        }
    }

    /** Columns k, k+1 of row i times Gᴴ. */
    private static void rotCols(double[][] mr, double[][] mi, int i, int k, double cc, double sr, double si) {
        double ur = mr[i][k], ui = mi[i][k], vr = mr[i][k + 1], vi = mi[i][k + 1];
        // [u v] Gᴴ, Gᴴ = [[c, -s],[conj(s), c]]
        mr[i][k] = cc * ur + (sr * vr + si * vi);
        mi[i][k] = cc * ui + (sr * vi - si * vr);
        mr[i][k + 1] = -(sr * ur - si * ui) + cc * vr;
        mi[i][k + 1] = -(sr * ui + si * ur) + cc * vi;
    }

    /** Hermitian eigen-decomposition by cyclic complex Jacobi rotations. */
    public static Hermitian hermitian(CMatrix a) {
        a.requireSquare("matrix");
        if (!a.isHermitian(1e-10))
            throw new DiffusonException("matrix", "is not Hermitian (‖A − A†‖ = " + a.hermiticityError() + ")",
                    "use Eigen.general for non-Hermitian matrices");
        int n = a.rows();
        double[] vals = new double[n], vec = new double[2 * n * n];
        new HermitianJacobi(n).decompose(a.toArray(), true, vals, vec);
        return new Hermitian(vals, CMatrix.wrap(n, n, vec));
    }
}
