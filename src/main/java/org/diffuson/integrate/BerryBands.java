package org.diffuson.integrate;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.HermitianJacobi;
import org.diffuson.model.GradientHamiltonian;

import java.util.SplittableRandom;

/**
 * Allocation-free band data at one momentum: energies ε^m (ascending), eigenvectors |u^m⟩, and the velocity matrices
 * V_a^{mn} = ⟨u^m|∂_a H|u^n⟩ in the band basis (ħ = 1). The interband Berry connection is built from H alone
 * (seed 002 Eqs. 39–43): R′_a^{mn} = i V_a^{mn}/(ε^n − ε^m), m ≠ n; the Berry curvature is
 * Ω^m = −2 Im Σ_{n≠m} R′_x^{mn} R′_y^{nm}. Nothing here differentiates eigenvectors, so every product used downstream
 * is gauge invariant; {@link #randomizeGauge} multiplies the eigenvectors by random U(1) phases to prove it.
 * <p>
 * Storage: complex n×n matrices are interleaved row-major; eigenvector component i of band m is at
 * {@code u[2*(i*n + m)]}. One instance per thread; {@link #at} overwrites the previous point.
 */
public final class BerryBands {
    private final GradientHamiltonian h;
    private final int n;
    /** Band energies, ascending. */
    public final double[] eps;
    /** Eigenvectors as columns (interleaved row-major n×n). */
    public final double[] u;
    /** Band-basis velocity matrices V_x, V_y (Hermitian; the lower triangle is set to the conjugate of the upper). */
    public final double[] vx, vy;
    private final double[] hk, dxk, dyk, tmp;
    private final HermitianJacobi eigen;
    private SplittableRandom gauge;

    public BerryBands(GradientHamiltonian h) {
        if (h.spaceDim() != 2)
            throw new DiffusonException("hamiltonian", "band workspace is 2D, got d = " + h.spaceDim(), "use a 2D model");
        this.h = h;
        this.n = h.dim();
        int len = 2 * n * n;
        eps = new double[n];
        u = new double[len];
        vx = new double[len];
        vy = new double[len];
        hk = new double[len];
        dxk = new double[len];
        dyk = new double[len];
        tmp = new double[len];
        eigen = new HermitianJacobi(n);
    }

    public int dim() { return n; }

    public GradientHamiltonian hamiltonian() { return h; }

    /** From now on, multiply each eigenvector by a random phase e^{iφ_m} (seeded): a gauge-invariance diagnostic. */
    public BerryBands randomizeGauge(long seed) {
        gauge = new SplittableRandom(seed);
        return this;
    }

    /** Energies only (no vectors, no velocities): fast path for contour searches. Writes ascending values into out. */
    public void energies(double kx, double ky, double[] out) {
        h.eval(kx, ky, 0, hk, 0);
        if (n == 1) { out[0] = hk[0]; return; }
        if (n == 2) {
            double h0 = 0.5 * (hk[0] + hk[6]), hz = 0.5 * (hk[0] - hk[6]);
            double r = Math.sqrt(hz * hz + hk[2] * hk[2] + hk[3] * hk[3]);
            out[0] = h0 - r;
            out[1] = h0 + r;
            return;
        }
        jacobi(hk, false);
        System.arraycopy(eps, 0, out, 0, n);
    }

    /** Diagonalizes H(k) and forms the band-basis velocities at k. */
    public void at(double kx, double ky) {
        h.eval(kx, ky, 0, hk, 0);
        h.evalGradient(kx, ky, dxk, dyk, 0);
        if (n == 1) {
            eps[0] = hk[0];
            u[0] = 1; u[1] = 0;
        } else if (n == 2) {
            eigen2(hk);
        } else {
            jacobi(hk, true);
        }
        if (gauge != null) {
            for (int m = 0; m < n; m++) {
                double ph = 2 * Math.PI * gauge.nextDouble(), c = Math.cos(ph), s = Math.sin(ph);
                for (int i = 0; i < n; i++) {
                    int q = 2 * (i * n + m);
                    double re = u[q], im = u[q + 1];
                    u[q] = c * re - s * im;
                    u[q + 1] = s * re + c * im;
                }
            }
        }
        toBandBasis(dxk, vx);
        toBandBasis(dyk, vy);
    }

    /** out = U† A U for an n×n matrix A given in the model basis (out is made exactly Hermitian if A is). */
    public void toBandBasis(double[] a, double[] out) {
        org.diffuson.linalg.ZOps.mult(a, n, n, u, n, tmp); // tmp = A U
        for (int m = 0; m < n; m++)
            for (int l = m; l < n; l++) {
                double sr = 0, si = 0;
                for (int i = 0; i < n; i++) {
                    double xr = u[2 * (i * n + m)], xi = -u[2 * (i * n + m) + 1];
                    double yr = tmp[2 * (i * n + l)], yi = tmp[2 * (i * n + l) + 1];
                    sr += xr * yr - xi * yi;
                    si += xr * yi + xi * yr;
                }
                out[2 * (m * n + l)] = sr;
                out[2 * (m * n + l) + 1] = m == l ? 0 : si;
                out[2 * (l * n + m)] = sr;
                out[2 * (l * n + m) + 1] = m == l ? 0 : -si;
            }
    }

    /** Group velocity ∂_a ε^m (Hellmann–Feynman), a = 0 (x) or 1 (y). */
    public double velocity(int a, int m) { return (a == 0 ? vx : vy)[2 * (m * n + m)]; }

    /** Re R′_a^{mn} = Re[i V_a^{mn}/(ε^n − ε^m)]; zero for m = n. */
    public double connRe(int a, int m, int l) {
        if (m == l) return 0;
        return -(a == 0 ? vx : vy)[2 * (m * n + l) + 1] / (eps[l] - eps[m]);
    }

    /** Im R′_a^{mn}. */
    public double connIm(int a, int m, int l) {
        if (m == l) return 0;
        return (a == 0 ? vx : vy)[2 * (m * n + l)] / (eps[l] - eps[m]);
    }

    /** Writes R′_x and R′_y (off-diagonal interband connection; zero diagonal) into rx, ry at offset off. */
    public void connection(double[] rx, double[] ry, int off) { dress(vx, rx, off); dress(vy, ry, off); }

    /**
     * The off-diagonal "dressing" O′^{mn} = −i O^{mn}/(ε^m − ε^n) of a band-basis operator O (zero diagonal):
     * R′ = (∂H)′ and the spin 𝒯 = s′ of seed 002 (P 56) are both of this form.
     */
    public void dress(double[] o, double[] out, int off) {
        for (int m = 0; m < n; m++)
            for (int l = 0; l < n; l++) {
                int q = 2 * (m * n + l);
                if (m == l) { out[off + q] = 0; out[off + q + 1] = 0; continue; }
                double d = eps[m] - eps[l];
                out[off + q] = o[q + 1] / d;
                out[off + q + 1] = -o[q] / d;
            }
    }

    /** Berry curvature Ω_z^m = −2 Im Σ_{n≠m} R′_x^{mn} R′_y^{nm} = −2 Im Σ V_x^{mn}V_y^{nm}/(ε^n − ε^m)². */
    public double curvature(int m) {
        double s = 0;
        for (int l = 0; l < n; l++) {
            if (l == m) continue;
            double d = eps[l] - eps[m];
            int q = 2 * (m * n + l), p = 2 * (l * n + m);
            s += (vx[q] * vy[p + 1] + vx[q + 1] * vy[p]) / (d * d);
        }
        return -2 * s;
    }

    /** Smallest |ε^m − ε^l| with m ≠ l at the current point (∞ for n = 1). */
    public double minGap() {
        double g = Double.POSITIVE_INFINITY;
        for (int m = 0; m + 1 < n; m++) g = Math.min(g, eps[m + 1] - eps[m]);
        return g;
    }

    /** The eigenvectors at the current point as a value (columns are bands). */
    public CMatrix vectors() { return CMatrix.of(n, n, u.clone()); }

    // ---- eigen-decompositions -------------------------------------------------------------------------------

    /** Closed form for H = h0 + h·σ; gauge: the larger of the two components of |u^+⟩ is real positive. */
    private void eigen2(double[] a) {
        double h0 = 0.5 * (a[0] + a[6]), hz = 0.5 * (a[0] - a[6]);
        double hx = a[2], hy = -a[3]; // H_01 = hx − i hy
        double r = Math.sqrt(hx * hx + hy * hy + hz * hz);
        eps[0] = h0 - r;
        eps[1] = h0 + r;
        double p0r, p0i, p1r, p1i; // |u+>
        if (r == 0) {
            p0r = 1; p0i = 0; p1r = 0; p1i = 0;
        } else if (hz >= 0) {
            double nrm = Math.sqrt(2 * r * (r + hz));
            p0r = (r + hz) / nrm; p0i = 0; p1r = hx / nrm; p1i = hy / nrm;
        } else {
            double nrm = Math.sqrt(2 * r * (r - hz));
            p0r = hx / nrm; p0i = -hy / nrm; p1r = (r - hz) / nrm; p1i = 0;
        }
        // columns: band 0 = |u−> = (−conj(p1), conj(p0)), band 1 = |u+>
        u[0] = -p1r; u[1] = p1i;      // (0, band0)
        u[2] = p0r; u[3] = p0i;       // (0, band1)
        u[4] = p0r; u[5] = -p0i;      // (1, band0)
        u[6] = p1r; u[7] = p1i;       // (1, band1)
    }

    /** Cyclic complex Jacobi of the library ({@link HermitianJacobi}), into eps and u. */
    private void jacobi(double[] a, boolean vectors) { eigen.decompose(a, vectors, eps, u); }
}
