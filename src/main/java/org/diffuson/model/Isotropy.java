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

    /**
     * Detects the rotational symmetry of H from its values, never from a declaration. 2D: on circles of radii
     * (0.31, 0.77, 1.43)·scale the angular Fourier series of every entry H_ab(φ) = Σ_m c_m e^{imφ} (32 angles) must
     * hold a single harmonic m_ab, the same at every radius; then H(R_φ k) = U H(k) U† with U = diag(e^{−ij_aφ}) and
     * j_a − j_b = −m_ab, solved on each connected block and centred (Rashba: j = (½, −½), the conserved J_z). All
     * m_ab = 0 gives FULL (H depends on |k| only); two harmonics in one entry, or inconsistent m, gives NONE. 3D: FULL
     * if H(k) is the same along several directions at each radius, otherwise NONE. Relative tolerance 1e-9.
     */
    public static Isotropy detect(Hamiltonian h, double scale) {
        int n = h.dim(), nn = 2 * n * n;
        double[] radii = {RADII[0] * scale, RADII[1] * scale, RADII[2] * scale};
        double[] buf = new double[nn], ref = new double[nn];
        if (h.spaceDim() == 3) {
            double[][] dirs = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.48, -0.6, 0.64}, {-0.36, 0.48, -0.8}, {0.6, 0.8, 0}};
            for (double r : radii) {
                h.eval(r * dirs[0][0], r * dirs[0][1], r * dirs[0][2], ref, 0);
                double tol = 1e-9 * Math.max(1, maxAbs(ref));
                for (double[] u : dirs) {
                    h.eval(r * u[0], r * u[1], r * u[2], buf, 0);
                    for (int i = 0; i < nn; i++) if (Math.abs(buf[i] - ref[i]) > tol) return NONE;
                }
            }
            return full(n);
        }
        final int N = 32;
        double[][] vals = new double[N][nn];
        double[] re = new double[N], im = new double[N];
        int[][] found = new int[radii.length][n * n];
        for (int ri = 0; ri < radii.length; ri++) {
            double r = radii[ri], scaleH = 1;
            for (int j = 0; j < N; j++) {
                double phi = 2 * Math.PI * j / N;
                h.eval(r * Math.cos(phi), r * Math.sin(phi), 0, vals[j], 0);
                scaleH = Math.max(scaleH, maxAbs(vals[j]));
            }
            double tol = 1e-9 * scaleH, tolSq = (tol * N) * (tol * N);
            for (int ab = 0; ab < n * n; ab++) {
                // c_q = (1/N) Σ_j H_ab(φ_j) e^{−iqφ_j}, q = −N/2+1 … N/2 (one radix-2 FFT; bin q mod N)
                for (int j = 0; j < N; j++) {
                    re[j] = vals[j][2 * ab];
                    im[j] = vals[j][2 * ab + 1];
                }
                fft(re, im);
                found[ri][ab] = ABSENT;
                for (int q = -N / 2 + 1; q <= N / 2; q++) {
                    int bin = q < 0 ? q + N : q;
                    if (re[bin] * re[bin] + im[bin] * im[bin] > tolSq) {
                        if (found[ri][ab] != ABSENT) return NONE;   // two harmonics in one entry
                        found[ri][ab] = q;
                    }
                }
            }
        }
        return fromHarmonics(n, found);
    }

    /** Marks an entry without any angular harmonic above the tolerance (identically zero on that circle). */
    static final int ABSENT = Integer.MIN_VALUE;

    /** The radii (in units of the scale) of the circles on which the angular harmonics are tested. */
    static final double[] RADII = {0.31, 0.77, 1.43};

    /**
     * The symmetry from the single angular harmonic m_ab of every entry on each test circle ({@code found[circle][ab]},
     * {@link #ABSENT} where the entry vanishes): m must agree between circles; j_a − j_b = −m_ab solved on each
     * connected block and centred; all m = 0 is FULL; an inconsistency is NONE.
     */
    static Isotropy fromHarmonics(int n, int[][] found) {
        int[] m = new int[n * n];
        java.util.Arrays.fill(m, ABSENT);
        for (int[] circle : found)
            for (int ab = 0; ab < n * n; ab++) {
                if (circle[ab] == ABSENT) continue;
                if (m[ab] != ABSENT && m[ab] != circle[ab]) return NONE;
                m[ab] = circle[ab];
            }
        boolean allZero = true;
        for (int a = 0; a < n; a++) {
            if (m[a * n + a] != ABSENT && m[a * n + a] != 0) return NONE;
            for (int b = 0; b < n; b++) if (m[a * n + b] != ABSENT && m[a * n + b] != 0) allZero = false;
        }
        if (allZero) return full(n);
        double[] j = new double[n];
        boolean[] seen = new boolean[n];
        int[] block = new int[n], queue = new int[n];
        for (int root = 0; root < n; root++) {
            if (seen[root]) continue;
            // breadth-first over the entries with a harmonic: the connected block of root
            int size = 0, head = 0, tail = 0;
            queue[tail++] = root;
            seen[root] = true;
            while (head < tail) {
                int a = queue[head++];
                block[size++] = a;
                for (int b = 0; b < n; b++) {
                    int mab = m[a * n + b];
                    if (mab == ABSENT || a == b) continue;
                    double jb = j[a] + mab;   // j_a − j_b = −m_ab
                    if (!seen[b]) {
                        seen[b] = true;
                        j[b] = jb;
                        queue[tail++] = b;
                    } else if (Math.abs(j[b] - jb) > 1e-12) return NONE;
                }
            }
            double mean = 0;
            for (int i = 0; i < size; i++) mean += j[block[i]];
            mean /= size;
            for (int i = 0; i < size; i++) j[block[i]] -= mean;
        }
        return axial(j);
    }

    /** Twiddles e^{−2πik/32}, k < 16. */
    private static final double[] TW_RE = new double[16], TW_IM = new double[16];
    static {
        for (int k = 0; k < 16; k++) {
            TW_RE[k] = Math.cos(-2 * Math.PI * k / 32);
            TW_IM[k] = Math.sin(-2 * Math.PI * k / 32);
        }
    }

    /** In-place forward DFT X_q = Σ_j x_j e^{−2πiqj/32} of length 32 (iterative radix-2, bit-reversed input order). */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1, step = n / len;
            for (int s = 0; s < n; s += len)
                for (int k = 0; k < half; k++) {
                    double wr = TW_RE[k * step], wi = TW_IM[k * step];
                    int a = s + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
        }
    }

    private static double maxAbs(double[] v) {
        double s = 0;
        for (double x : v) s = Math.max(s, Math.abs(x));
        return s;
    }

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
