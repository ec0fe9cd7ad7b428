package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A finalized 2D tight-binding model H(k) = Σ_R t_R e^{i k·R} with R = n_1 a_1 + n_2 a_2 (periodic gauge: orbital
 * positions are not included in the phase, so H(k + b_i) = H(k)). Built once from a list of hoppings (each hop t_R
 * also adds its Hermitian partner t_R† at −R) and immutable afterwards. ħ = 1; lengths in the unit of the lattice
 * vectors.
 */
public final class TightBinding implements LatticeHamiltonian {
    private final String name;
    private final int n;
    private final double a1x, a1y, a2x, a2y;
    private final int count;
    private final double[] rx, ry;   // hopping vectors R
    private final double[] t;        // count blocks of n×n interleaved matrices

    private TightBinding(String name, int n, double a1x, double a1y, double a2x, double a2y, List<double[]> hops) {
        this.name = name;
        this.n = n;
        this.a1x = a1x; this.a1y = a1y; this.a2x = a2x; this.a2y = a2y;
        this.count = hops.size();
        rx = new double[count];
        ry = new double[count];
        t = new double[count * 2 * n * n];
        for (int h = 0; h < count; h++) {
            double[] e = hops.get(h);
            rx[h] = e[0] * a1x + e[1] * a2x;
            ry[h] = e[0] * a1y + e[1] * a2y;
            System.arraycopy(e, 2, t, h * 2 * n * n, 2 * n * n);
        }
    }

    /** Starts a model with n orbitals per cell and lattice vectors a_1 = (a1x, a1y), a_2 = (a2x, a2y). */
    public static Builder builder(int n, double a1x, double a1y, double a2x, double a2y) {
        return new Builder(n, a1x, a1y, a2x, a2y);
    }

    /** Collects on-site terms and hoppings; {@link #build} validates and finalizes. */
    public static final class Builder {
        private final int n;
        private final double a1x, a1y, a2x, a2y;
        private final List<double[]> hops = new ArrayList<>();

        private Builder(int n, double a1x, double a1y, double a2x, double a2y) {
            if (n < 1) throw new DiffusonException("n", "orbitals per cell must be ≥ 1, got " + n, "pass n ≥ 1");
            if (Math.abs(a1x * a2y - a1y * a2x) < 1e-12)
                throw new DiffusonException("latticeVectors", "a_1 and a_2 are parallel", "pass two independent lattice vectors");
            this.n = n; this.a1x = a1x; this.a1y = a1y; this.a2x = a2x; this.a2y = a2y;
        }

        /** On-site matrix (must be Hermitian). */
        public Builder onsite(CMatrix e) {
            if (!e.isHermitian(1e-12)) throw new DiffusonException("onsite", "on-site matrix is not Hermitian", "pass a Hermitian matrix");
            add(0, 0, e);
            return this;
        }

        /** Hopping t_R to the cell R = n1 a_1 + n2 a_2; its partner t_R† at −R is added automatically. */
        public Builder hop(int n1, int n2, CMatrix tR) {
            if (n1 == 0 && n2 == 0) throw new DiffusonException("hop", "R = 0 is an on-site term", "use onsite(...)");
            add(n1, n2, tR);
            add(-n1, -n2, tR.dagger());
            return this;
        }

        private void add(int n1, int n2, CMatrix m) {
            if (m.rows() != n || m.cols() != n)
                throw new DiffusonException("hop", "matrix is " + m.rows() + "x" + m.cols() + ", expected " + n + "x" + n, "pass n×n matrices");
            double[] e = new double[2 + 2 * n * n];
            e[0] = n1; e[1] = n2;
            m.copyTo(e, 2);
            hops.add(e);
        }

        public TightBinding build(String name) { return new TightBinding(name, n, a1x, a1y, a2x, a2y, hops); }
    }

    @Override public int dim() { return n; }

    @Override
    public double[] reciprocalVectors() {
        double det = a1x * a2y - a1y * a2x, s = 2 * Math.PI / det;
        return new double[]{s * a2y, -s * a2x, -s * a1y, s * a1x};
    }

    @Override
    public void eval(double kx, double ky, double kz, double[] out, int off) {
        int len = 2 * n * n;
        java.util.Arrays.fill(out, off, off + len, 0);
        for (int h = 0; h < count; h++) {
            double ph = kx * rx[h] + ky * ry[h], c = Math.cos(ph), s = Math.sin(ph);
            int b = h * len;
            for (int i = 0; i < len; i += 2) {
                out[off + i] += c * t[b + i] - s * t[b + i + 1];
                out[off + i + 1] += s * t[b + i] + c * t[b + i + 1];
            }
        }
    }

    @Override
    public void evalGradient(double kx, double ky, double[] dx, double[] dy, int off) {
        int len = 2 * n * n;
        java.util.Arrays.fill(dx, off, off + len, 0);
        java.util.Arrays.fill(dy, off, off + len, 0);
        for (int h = 0; h < count; h++) {
            double ph = kx * rx[h] + ky * ry[h], c = Math.cos(ph), s = Math.sin(ph);
            int b = h * len;
            for (int i = 0; i < len; i += 2) {
                // ∂ e^{ik·R} = i R e^{ik·R}: i(c + is)(tr + i ti) = i[(c tr − s ti) + i(s tr + c ti)]
                double zr = c * t[b + i] - s * t[b + i + 1], zi = s * t[b + i] + c * t[b + i + 1];
                dx[off + i] -= rx[h] * zi; dx[off + i + 1] += rx[h] * zr;
                dy[off + i] -= ry[h] * zi; dy[off + i + 1] += ry[h] * zr;
            }
        }
    }

    /** Number of stored hopping matrices (including Hermitian partners and on-site terms). */
    public int hoppingCount() { return count; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TightBinding %s: n=%d, a1=(%g,%g), a2=(%g,%g), %d hopping matrices (ħ=1)",
                name, n, a1x, a1y, a2x, a2y, count);
    }
}
