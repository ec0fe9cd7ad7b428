package org.diffuson.linalg;

import org.diffuson.DiffusonException;
import org.hipparchus.complex.Complex;

import java.util.Arrays;
import java.util.Locale;

/**
 * Immutable dense complex matrix, row-major with interleaved (re, im) storage: element (i, j) lives at
 * {@code data[2*(i*cols + j)]} (real) and the next slot (imaginary). This is EJML's ZMatrixRMaj layout, so
 * conversion is a copy. Hot loops use {@link ZOps} on raw arrays; this class is the value type of the API.
 */
public final class CMatrix {
    private final int rows, cols;
    private final double[] data;

    private CMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Wraps a copy of interleaved row-major data. */
    public static CMatrix of(int rows, int cols, double[] interleaved) {
        if (interleaved.length != 2 * rows * cols)
            throw new DiffusonException("data", "length " + interleaved.length + " does not match " + rows + "x" + cols,
                    "pass 2*rows*cols doubles (re, im interleaved, row-major)");
        return new CMatrix(rows, cols, interleaved.clone());
    }

    /** Takes ownership of the array (no copy): for library-internal use on fresh arrays. */
    static CMatrix wrap(int rows, int cols, double[] interleaved) { return new CMatrix(rows, cols, interleaved); }

    /** Copies the first rows*cols complex entries of a raw interleaved array. */
    public static CMatrix copyOf(int rows, int cols, double[] interleaved, int offset) {
        double[] d = Arrays.copyOfRange(interleaved, offset, offset + 2 * rows * cols);
        return new CMatrix(rows, cols, d);
    }

    /** From real and imaginary parts ({@code im} may be null). */
    public static CMatrix of(double[][] re, double[][] im) {
        int r = re.length, c = re[0].length;
        double[] d = new double[2 * r * c];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) {
                d[2 * (i * c + j)] = re[i][j];
                d[2 * (i * c + j) + 1] = im == null ? 0 : im[i][j];
            }
        return new CMatrix(r, c, d);
    }

    /** A real matrix. */
    public static CMatrix real(double[][] re) { return of(re, null); }

    /** From Hipparchus complex entries. */
    public static CMatrix of(Complex[][] z) {
        int r = z.length, c = z[0].length;
        double[] d = new double[2 * r * c];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) {
                d[2 * (i * c + j)] = z[i][j].getReal();
                d[2 * (i * c + j) + 1] = z[i][j].getImaginary();
            }
        return new CMatrix(r, c, d);
    }

    public static CMatrix zeros(int rows, int cols) { return new CMatrix(rows, cols, new double[2 * rows * cols]); }

    public static CMatrix identity(int n) { return diagonal(n, 1, 0); }

    /** (re + i im) times the n×n identity. */
    public static CMatrix diagonal(int n, double re, double im) {
        double[] d = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            d[2 * (i * n + i)] = re;
            d[2 * (i * n + i) + 1] = im;
        }
        return new CMatrix(n, n, d);
    }

    /** Diagonal matrix with the given complex entries. */
    public static CMatrix diagonal(Complex... z) {
        int n = z.length;
        double[] d = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            d[2 * (i * n + i)] = z[i].getReal();
            d[2 * (i * n + i) + 1] = z[i].getImaginary();
        }
        return new CMatrix(n, n, d);
    }

    /** Column vector. */
    public static CMatrix column(Complex... z) {
        double[] d = new double[2 * z.length];
        for (int i = 0; i < z.length; i++) {
            d[2 * i] = z[i].getReal();
            d[2 * i + 1] = z[i].getImaginary();
        }
        return new CMatrix(z.length, 1, d);
    }

    public int rows() { return rows; }
    public int cols() { return cols; }
    public boolean isSquare() { return rows == cols; }

    public double re(int i, int j) { return data[2 * (i * cols + j)]; }
    public double im(int i, int j) { return data[2 * (i * cols + j) + 1]; }
    public Complex get(int i, int j) { return new Complex(re(i, j), im(i, j)); }

    /** A copy of the interleaved row-major storage. */
    public double[] toArray() { return data.clone(); }

    /** Copies the storage into {@code dst} at {@code offset} (no allocation). */
    public void copyTo(double[] dst, int offset) { System.arraycopy(data, 0, dst, offset, data.length); }

    /** Read-only view for library-internal hot paths. Do not modify. */
    double[] raw() { return data; }

    public CMatrix plus(CMatrix b) { return combine(b, 1); }
    public CMatrix minus(CMatrix b) { return combine(b, -1); }

    private CMatrix combine(CMatrix b, double s) {
        requireSameShape(b);
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) d[i] = data[i] + s * b.data[i];
        return new CMatrix(rows, cols, d);
    }

    public CMatrix scale(double s) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) d[i] = s * data[i];
        return new CMatrix(rows, cols, d);
    }

    public CMatrix scale(Complex z) { return scale(z.getReal(), z.getImaginary()); }

    public CMatrix scale(double zr, double zi) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i += 2) {
            d[i] = zr * data[i] - zi * data[i + 1];
            d[i + 1] = zr * data[i + 1] + zi * data[i];
        }
        return new CMatrix(rows, cols, d);
    }

    /** Matrix product {@code this · b}. */
    public CMatrix times(CMatrix b) {
        if (cols != b.rows)
            throw new DiffusonException("b", "shape " + b.rows + "x" + b.cols + " cannot multiply " + rows + "x" + cols,
                    "inner dimensions must agree");
        double[] d = new double[2 * rows * b.cols];
        ZOps.mult(data, rows, cols, b.data, b.cols, d);
        return new CMatrix(rows, b.cols, d);
    }

    /** Conjugate transpose. */
    public CMatrix dagger() {
        double[] d = new double[data.length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                d[2 * (j * rows + i)] = data[2 * (i * cols + j)];
                d[2 * (j * rows + i) + 1] = -data[2 * (i * cols + j) + 1];
            }
        return new CMatrix(cols, rows, d);
    }

    public CMatrix transpose() {
        double[] d = new double[data.length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                d[2 * (j * rows + i)] = data[2 * (i * cols + j)];
                d[2 * (j * rows + i) + 1] = data[2 * (i * cols + j) + 1];
            }
        return new CMatrix(cols, rows, d);
    }

    public CMatrix conjugate() {
        double[] d = data.clone();
        for (int i = 1; i < d.length; i += 2) d[i] = -d[i];
        return new CMatrix(rows, cols, d);
    }

    public Complex trace() {
        requireSquare("matrix");
        double r = 0, im = 0;
        for (int i = 0; i < rows; i++) {
            r += re(i, i);
            im += im(i, i);
        }
        return new Complex(r, im);
    }

    /** Inverse by LU with partial pivoting; throws if singular. */
    public CMatrix inverse() {
        requireSquare("matrix");
        double[] d = data.clone();
        if (!ZOps.invertInPlace(d, rows, new double[2 * rows * rows], new int[rows]))
            throw new DiffusonException("matrix", "is singular (cannot invert)", "check the model or regularize it");
        return new CMatrix(rows, rows, d);
    }

    /** Determinant by LU. */
    public Complex determinant() {
        requireSquare("matrix");
        return ZOps.determinant(data.clone(), rows);
    }

    /** Kronecker product {@code this ⊗ b}. */
    public CMatrix kron(CMatrix b) {
        int r = rows * b.rows, c = cols * b.cols;
        double[] d = new double[2 * r * c];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                double ar = re(i, j), ai = im(i, j);
                for (int k = 0; k < b.rows; k++)
                    for (int l = 0; l < b.cols; l++) {
                        int idx = 2 * ((i * b.rows + k) * c + j * b.cols + l);
                        double br = b.re(k, l), bi = b.im(k, l);
                        d[idx] = ar * br - ai * bi;
                        d[idx + 1] = ar * bi + ai * br;
                    }
            }
        return new CMatrix(r, c, d);
    }

    /** Column-major vectorization vec(X): an (rows*cols)×1 column. */
    public CMatrix vec() {
        double[] d = new double[data.length];
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++) {
                d[2 * (j * rows + i)] = re(i, j);
                d[2 * (j * rows + i) + 1] = im(i, j);
            }
        return new CMatrix(rows * cols, 1, d);
    }

    /** Inverse of {@link #vec()}: an n×n matrix from a column of length n². */
    public static CMatrix unvec(CMatrix v, int n) {
        if (v.rows * v.cols != n * n)
            throw new DiffusonException("v", "length " + v.rows * v.cols + " is not " + n + "²", "pass a vec of an n×n matrix");
        double[] d = new double[2 * n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) {
                d[2 * (i * n + j)] = v.data[2 * (j * n + i)];
                d[2 * (i * n + j) + 1] = v.data[2 * (j * n + i) + 1];
            }
        return new CMatrix(n, n, d);
    }

    /** Largest entry modulus. */
    public double normMax() {
        // the largest squared modulus, one square root (hypot is ~10× slower); hypot only if a square overflows
        double m2 = 0;
        for (int i = 0; i < data.length; i += 2) m2 = Math.max(m2, data[i] * data[i] + data[i + 1] * data[i + 1]);
        if (m2 != Double.POSITIVE_INFINITY) return Math.sqrt(m2);
        double m = 0;
        for (int i = 0; i < data.length; i += 2) m = Math.max(m, Math.hypot(data[i], data[i + 1]));
        return m;
    }

    /** Frobenius norm. */
    public double normF() {
        double s = 0;
        for (double v : data) s += v * v;
        return Math.sqrt(s);
    }

    /** True if ‖A − A†‖_max ≤ tol·max(1, ‖A‖_max). */
    public boolean isHermitian(double tol) {
        if (!isSquare()) return false;
        // ‖A − A†‖_max ≤ tol·max(1, ‖A‖_max), compared in squared moduli (no hypot, no intermediate matrices)
        double d2 = 0, a2 = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                int x = 2 * (i * cols + j), y = 2 * (j * cols + i);
                double dr = data[x] - data[y], di = data[x + 1] + data[y + 1];
                d2 = Math.max(d2, dr * dr + di * di);
                a2 = Math.max(a2, data[x] * data[x] + data[x + 1] * data[x + 1]);
            }
        double bound = tol * Math.max(1, Math.sqrt(a2));
        return d2 <= bound * bound;
    }

    /** The anti-Hermitian-part measure ‖A − A†‖_max / 2. */
    public double hermiticityError() { return minus(dagger()).normMax() / 2; }

    public boolean allFinite() {
        for (double v : data) if (!Double.isFinite(v)) return false;
        return true;
    }

    public boolean approxEquals(CMatrix b, double tol) {
        return rows == b.rows && cols == b.cols && minus(b).normMax() <= tol;
    }

    /** Column j as an n×1 matrix. */
    public CMatrix column(int j) {
        double[] d = new double[2 * rows];
        for (int i = 0; i < rows; i++) {
            d[2 * i] = re(i, j);
            d[2 * i + 1] = im(i, j);
        }
        return new CMatrix(rows, 1, d);
    }

    private void requireSameShape(CMatrix b) {
        if (rows != b.rows || cols != b.cols)
            throw new DiffusonException("b", "shape " + b.rows + "x" + b.cols + " differs from " + rows + "x" + cols,
                    "use matrices of the same shape");
    }

    void requireSquare(String what) {
        if (!isSquare())
            throw new DiffusonException(what, "must be square, got " + rows + "x" + cols, "pass a square matrix");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() { return 31 * (31 * rows + cols) + Arrays.hashCode(data); }

    /** Formats one complex number compactly, e.g. {@code -0.05591-0.03516i}. */
    public static String format(double re, double im) {
        if (im == 0) return String.format(Locale.ROOT, "%.6g", re);
        if (re == 0) return String.format(Locale.ROOT, "%.6gi", im);
        return String.format(Locale.ROOT, "%.6g%s%.6gi", re, im < 0 ? "-" : "+", Math.abs(im));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(rows).append('x').append(cols).append(" CMatrix\n");
        String[][] cells = new String[rows][cols];
        double scale = normMax();
        boolean dropped = false;
        int w = 1;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                cells[i][j] = org.diffuson.Numbers.complex(re(i, j), im(i, j), scale, 6);
                dropped |= (re(i, j) != 0 && org.diffuson.Numbers.isZero(re(i, j), scale)) || (im(i, j) != 0 && org.diffuson.Numbers.isZero(im(i, j), scale));
                w = Math.max(w, cells[i][j].length());
            }
        for (int i = 0; i < rows; i++) {
            sb.append("[ ");
            for (int j = 0; j < cols; j++) sb.append(String.format("%" + w + "s ", cells[i][j]));
            sb.append("]\n");
        }
        if (dropped) sb.append(org.diffuson.Numbers.ZERO_NOTE).append('\n');
        return sb.toString();
    }

    /** LaTeX bmatrix, for notebook display. */
    public String toLatex() {
        StringBuilder sb = new StringBuilder("\\begin{bmatrix}");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                sb.append(org.diffuson.Numbers.complex(re(i, j), im(i, j), normMax(), 6).replace("−", "-").replace("i", "\\,i").replace("e", "\\mathrm{e}"));
                if (j < cols - 1) sb.append(" & ");
            }
            if (i < rows - 1) sb.append(" \\\\ ");
        }
        return sb.append("\\end{bmatrix}").toString();
    }
}
