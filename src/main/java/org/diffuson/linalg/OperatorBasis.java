package org.diffuson.linalg;

import org.diffuson.DiffusonException;
import org.hipparchus.complex.Complex;

import java.util.ArrayList;
import java.util.List;

/**
 * A basis {B_i} of n×n matrices, orthogonal in the trace pairing with Tr(B_i† B_j) = n δ_ij and B_0 = 1 (for the
 * Hermitian bases). Components of a density are X_i = (1/n) Tr(B_i† X) and a superoperator's matrix is
 * S_ij = (1/n) Tr(B_i† S[B_j]); for n = 2 and the Pauli basis this is the convention X_i = ½Tr(σ_i X)
 * (seed 000 Eqs. 2, 5–7).
 */
public final class OperatorBasis {
    private final int n;
    private final List<CMatrix> elements;
    private final List<String> names;

    private OperatorBasis(int n, List<CMatrix> elements, List<String> names) {
        this.n = n;
        this.elements = List.copyOf(elements);
        this.names = List.copyOf(names);
    }

    /** σ_0, σ_x, σ_y, σ_z with names "0","x","y","z". */
    public static OperatorBasis pauli() {
        return new OperatorBasis(2, List.of(Pauli.S0, Pauli.SX, Pauli.SY, Pauli.SZ), List.of("0", "x", "y", "z"));
    }

    /** Products σ_{i1}⊗…⊗σ_{ik} for an n = 2^k dimensional space, names like "zx". */
    public static OperatorBasis pauliProducts(int k) {
        List<CMatrix> el = new ArrayList<>();
        List<String> nm = new ArrayList<>();
        String letters = "0xyz";
        int count = 1 << (2 * k);
        for (int c = 0; c < count; c++) {
            CMatrix m = CMatrix.identity(1);
            StringBuilder s = new StringBuilder();
            for (int p = k - 1; p >= 0; p--) {
                int idx = (c >> (2 * p)) & 3;
                m = m.kron(Pauli.sigma(idx));
                s.append(letters.charAt(idx));
            }
            el.add(m);
            nm.add(s.toString());
        }
        return new OperatorBasis(1 << k, el, nm);
    }

    /** Identity plus generalized Gell-Mann matrices scaled to Tr(B_i B_j) = n δ_ij. For n = 2 equals Pauli. */
    public static OperatorBasis gellMann(int n) {
        if (n < 1) throw new DiffusonException("n", "must be ≥ 1, got " + n, "pass the Hilbert-space dimension");
        List<CMatrix> el = new ArrayList<>();
        List<String> nm = new ArrayList<>();
        el.add(CMatrix.identity(n));
        nm.add("1");
        double scale = Math.sqrt(n / 2.0);
        for (int j = 0; j < n; j++)
            for (int k = j + 1; k < n; k++) {
                double[][] re = new double[n][n], im = new double[n][n];
                re[j][k] = re[k][j] = 1;
                el.add(CMatrix.real(re).scale(scale));
                nm.add("S" + j + k);
                im[j][k] = -1;
                im[k][j] = 1;
                el.add(CMatrix.of(new double[n][n], im).scale(scale));
                nm.add("A" + j + k);
            }
        for (int l = 1; l < n; l++) {
            double[][] re = new double[n][n];
            double f = Math.sqrt(2.0 / (l * (l + 1)));
            for (int j = 0; j < l; j++) re[j][j] = f;
            re[l][l] = -l * f;
            el.add(CMatrix.real(re).scale(scale));
            nm.add("D" + l);
        }
        return new OperatorBasis(n, el, nm);
    }

    /** Matrix units |i⟩⟨j| ordered column-major (same order as vec), scaled by √n so Tr(B†B) = n. */
    public static OperatorBasis matrixUnits(int n) {
        List<CMatrix> el = new ArrayList<>();
        List<String> nm = new ArrayList<>();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) {
                double[][] re = new double[n][n];
                re[i][j] = Math.sqrt(n);
                el.add(CMatrix.real(re));
                nm.add("|" + i + "><" + j + "|");
            }
        return new OperatorBasis(n, el, nm);
    }

    /** The natural basis for dimension n: Pauli for 2, Pauli products for 4, Gell-Mann otherwise. */
    public static OperatorBasis standard(int n) {
        if (n == 2) return pauli();
        if (n == 4) return pauliProducts(2);
        return gellMann(n);
    }

    public int dim() { return n; }
    public int size() { return elements.size(); }
    public CMatrix element(int i) { return elements.get(i); }
    public String name(int i) { return names.get(i); }
    public List<String> names() { return names; }

    /** Index of the element with this name. */
    public int indexOf(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new DiffusonException("name", "'" + name + "' is not in basis " + names, "use one of " + names);
        return i;
    }

    /** Components X_i = (1/n) Tr(B_i† X). */
    public Complex[] components(CMatrix x) {
        Complex[] c = new Complex[size()];
        for (int i = 0; i < size(); i++) c[i] = element(i).dagger().times(x).trace().divide(n);
        return c;
    }

    /** Σ_i c_i B_i. */
    public CMatrix compose(Complex... c) {
        CMatrix m = CMatrix.zeros(n, n);
        for (int i = 0; i < c.length; i++) m = m.plus(element(i).scale(c[i]));
        return m;
    }

    /**
     * Change-of-basis matrix U (n²×n²) whose column i is vec(B_i)/√n; unitary. A superoperator's matrix in this
     * basis is U† S U, with S in the vec (matrix-unit) picture.
     */
    public CMatrix vecBasis() {
        int m = size();
        double[] d = new double[2 * n * n * m];
        double s = 1 / Math.sqrt(n);
        for (int c = 0; c < m; c++) {
            CMatrix v = element(c).vec();
            for (int r = 0; r < n * n; r++) {
                d[2 * (r * m + c)] = v.re(r, 0) * s;
                d[2 * (r * m + c) + 1] = v.im(r, 0) * s;
            }
        }
        return CMatrix.wrap(n * n, m, d);
    }

    @Override
    public String toString() { return "OperatorBasis(n=" + n + ", " + names + ")"; }
}
