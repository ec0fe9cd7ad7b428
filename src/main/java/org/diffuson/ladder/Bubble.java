package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.green.GreenWorkspace;
import org.diffuson.integrate.KSum;
import org.diffuson.integrate.KSpace;
import org.diffuson.integrate.KGrid;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Isotropy;
import org.diffuson.model.Model;


/**
 * The bubble superoperator Φ̄_q(z1, z2)[X] = ∫dk G(k+q/2, z1) X G(k−q/2, z2) (seed 000 eqs 5–7, 58; seed 000 Eqs. 5–7, 58), in the
 * vec picture Φ̄ = ∫dk G(k−q/2, z2)ᵀ ⊗ G(k+q/2, z1). Computed on the same {@link KGrid} as the self-energy so that
 * Ward identities hold on the discrete grid. At q = 0 with an isotropy hint the angular integral is done exactly by
 * symmetry. Inner loops allocate nothing; large grids are split over the common fork-join pool in fixed chunks, so
 * results are bitwise reproducible.
 */
public final class Bubble {
    private final Model model;
    private final KGrid grid;
    private final int n;
    private final boolean reducible;
    private final int minAngles;
    private final KSpace space; // H on the k_x axis at radial nodes (q = 0 reduction) and on the full grid (q = 0)

    public Bubble(Model model, KGrid grid) { this(model, new KSpace(model.hamiltonian(), grid)); }

    /** On a prepared k-space: H(k) is the table the SCBA resolvent already built, not tabulated again. */
    public Bubble(Model model, KSpace space) {
        this.model = model;
        this.grid = space.grid();
        this.space = space;
        this.n = model.dim();
        Isotropy iso = model.hamiltonian().isotropy();
        this.reducible = iso.reducible() && !grid.isPointGrid() && (grid.spaceDim() == 2 || iso.kind() == Isotropy.Kind.FULL);
        this.minAngles = minAngles(iso);
    }

    public Model model() { return model; }
    public KGrid grid() { return grid; }
    /** The prepared k-space (grid + tabulated H) the bubble sums on. */
    KSpace space() { return space; }
    /** True when the q = 0 angular integral is done on the k_x axis by symmetry (2D polar grid, or FULL isotropy). */
    boolean reducible() { return reducible; }

    /**
     * The bubble's expansion Φ̄(q, ω) = Φ̄₀ + ωΦ̄_ω + q_aΦ̄_a + q_aq_bΦ̄_ab + … at (z1, z2) from G, the exact velocity
     * ∂H/∂k and ∂²H/∂k∂k in one k-sum at q = 0 ({@link BubbleExpansion}); {@code dSigma1} = dΣ/dz at z1 (null: no Φ̄_ω).
     */
    public BubbleExpansion expansion(Energy e1, CMatrix sigma1, CMatrix dSigma1, Energy e2, CMatrix sigma2) {
        return BubbleExpansion.compute(this, e1, sigma1, dSigma1, e2, sigma2, true);
    }

    /** Number of k-points a call at this q evaluates (for throughput figures). */
    public int points(double[] q) { return isZero(q) && reducible ? grid.radialSize() : grid.size(); }

    /** Φ̄_q(z1, z2) with self-energies Σ1 = Σ(z1), Σ2 = Σ(z2). */
    public Superoperator compute(double[] q, Energy e1, CMatrix sigma1, Energy e2, CMatrix sigma2) {
        double[] out = new double[2 * n * n * n * n];
        compute(q, e1.re(), e1.im(), sigma1.toArray(), e2.re(), e2.im(), sigma2.toArray(), out, true);
        return Superoperator.fromRaw(n, out);
    }

    /**
     * Raw entry point: writes the n²×n² vec-picture matrix (interleaved, row-major) into {@code out}.
     * @param parallel split large grids over the common pool
     */
    public void compute(double[] q, double z1r, double z1i, double[] s1, double z2r, double z2i, double[] s2, double[] out, boolean parallel) {
        double qx = q.length > 0 ? q[0] : 0, qy = q.length > 1 ? q[1] : 0, qz = q.length > 2 ? q[2] : 0;
        if (!(Double.isFinite(qx) && Double.isFinite(qy) && Double.isFinite(qz)))
            throw new DiffusonException("q", "must be finite", "pass a finite wave vector");
        int m = 2 * n * n * n * n;
        boolean zero = qx == 0 && qy == 0 && qz == 0;
        if (zero && reducible) {
            java.util.Arrays.fill(out, 0, m, 0);
            if (n == 2) radialZero2(z1r, z1i, s1, z2r, z2i, s2, out);
            else {
                accumulate(space.radialTable(), null, true, 0, grid.radialSize(), 0, 0, 0, z1r, z1i, s1, z2r, z2i, s2, out, new Work(n));
                projectAngular(out);
            }
            return;
        }
        if (!zero && grid.spaceDim() == 2 && !grid.isPointGrid()) {
            adaptiveAngles(qx, qy, z1r, z1i, s1, z2r, z2i, s2, out, parallel);
            return;
        }
        double[] hTab = zero ? fullTable() : null;
        KSum.sum(grid.size(), KSum.CHUNK, m, () -> new Work(n), (from, to, acc, w) -> accumulate(hTab, hTab, false, from, to,
                qx, qy, qz, z1r, z1i, s1, z2r, z2i, s2, acc, w), out, parallel);
    }

    /** Relative accuracy of the adaptive angular quadrature at finite q. */
    public static final double ANGULAR_TOLERANCE = 1e-13;
    private static final int MAX_ANGLES = 4096;

    /**
     * First level of the angular rule. At q = 0 an AXIAL model's entry (ab),(cd) is the single harmonic
     * e^{imθ}, m = (j_a − j_b) − (j_c − j_d) (FULL: m = 0); an N-point periodic trapezoid integrates it exactly when
     * |m| &lt; N, so the rule starts at the smallest power of two above the largest |m| (at least 4), and finite q adds
     * harmonics that decay geometrically beyond it, which the level-doubling check sees. Without a symmetry hint the
     * harmonic content is unknown and the rule starts at 8.
     */
    static int minAngles(Isotropy iso) {
        if (iso.kind() == Isotropy.Kind.NONE) return 8;
        double mMax = 0;
        if (iso.kind() == Isotropy.Kind.AXIAL) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double j : iso.j()) {
                lo = Math.min(lo, j);
                hi = Math.max(hi, j);
            }
            mMax = 2 * (hi - lo);
        }
        int n0 = 4;
        while (n0 <= mMax + 1e-9) n0 *= 2;
        return Math.min(n0, MAX_ANGLES / 2);
    }
    private volatile int lastAngles;

    /** Number of angles the last finite-q bubble needed (2D polar grids). */
    public int lastAngles() { return lastAngles; }

    /**
     * Finite q on a 2D polar grid: the radial nodes of the grid with a nested periodic trapezoid rule in the angle,
     * doubled (reusing every earlier point) until the finer level is accurate to {@link #ANGULAR_TOLERANCE}. The integrand is
     * periodic and analytic, so the rule converges geometrically at a rate set by qℓ, starting from
     * {@link #minAngles(Isotropy)}: for CoPt 8 angles give machine precision at qℓ ≤ 0.001, 16 at qℓ ≤ 0.1, where
     * diffusion constants are extracted, while qℓ ~ 1 takes ~32 (measured; AdaptiveAngleTest checks each against a
     * 512-angle sum).
     */
    private void adaptiveAngles(double qx, double qy, double z1r, double z1i, double[] s1, double z2r, double z2i, double[] s2,
                                double[] out, boolean parallel) {
        int m = 2 * n * n * n * n;
        double[] sum = new double[m], add = new double[m];
        int nAng = minAngles;
        polarLevel(nAng, 0, qx, qy, z1r, z1i, s1, z2r, z2i, s2, sum, parallel);      // S_N·N
        double[] prev = new double[m];
        for (int i = 0; i < m; i++) sum[i] /= nAng;
        while (true) {
            polarLevel(nAng, Math.PI / nAng, qx, qy, z1r, z1i, s1, z2r, z2i, s2, add, parallel);
            double diff = 0, norm = 0;
            for (int i = 0; i < m; i++) {
                prev[i] = sum[i];
                sum[i] = 0.5 * (sum[i] + add[i] / nAng);
                diff = Math.max(diff, Math.abs(sum[i] - prev[i]));
                norm = Math.max(norm, Math.abs(sum[i]));
            }
            nAng *= 2;
            // geometric convergence: err(S_2N) ≈ err(S_N)², and |S_2N − S_N| ≈ err(S_N); so S_2N is at the
            // tolerance once the difference is below √tolerance (checked against a 512-angle sum in the tests)
            if (diff <= Math.sqrt(ANGULAR_TOLERANCE) * norm) break;
            if (nAng >= MAX_ANGLES)
                throw new DiffusonException("q", "the angular integral did not converge with " + nAng + " angles (|q| = " + Math.hypot(qx, qy) + ")",
                        "q is far outside the diffusive regime (qℓ ≫ 1); use a smaller q");
        }
        lastAngles = nAng;
        System.arraycopy(sum, 0, out, 0, m);
    }

    /** Σ_r Σ_j wr_r f(k_r, θ0 + 2πj/N) (unnormalized in j) into acc. */
    private void polarLevel(int nAng, double theta0, double qx, double qy, double z1r, double z1i, double[] s1, double z2r, double z2i,
                            double[] s2, double[] acc, boolean parallel) {
        int m = 2 * n * n * n * n, nr = grid.radialSize();
        double[] cs = new double[nAng], sn = new double[nAng];
        for (int j = 0; j < nAng; j++) {
            cs[j] = Math.cos(theta0 + 2 * Math.PI * j / nAng);
            sn[j] = Math.sin(theta0 + 2 * Math.PI * j / nAng);
        }
        int perChunk = Math.max(1, KSum.CHUNK / nAng);
        // H(k ± q/2) at this level's points, and G(k − q/2, z2), are kept for the next call at the same q: a pole
        // search (or an ω sweep) varies only z1, so later calls evaluate and invert only the z1 side (same numbers)
        PolarLevel cached = polarCache.find(qx, qy, nAng, theta0);
        boolean fill = cached == null;
        PolarLevel t = fill ? PolarLevel.allocate(qx, qy, nAng, theta0, nr * nAng * 2 * n * n) : cached;
        PolarLevel.G2 known = t == null ? null : t.g2;
        double[] g2Known = known != null && known.matches(z2r, z2i, s2) ? known.table : null;
        double[] g2New = t != null && g2Known == null ? new double[t.h1.length] : null;
        KSum.sum(nr, perChunk, m, () -> new Work(n), (from, to, part, w) -> polarRange(from, to, cs, sn, qx, qy, z1r, z1i, s1, z2r, z2i, s2, part, w,
                t, fill, g2Known, g2New), acc, parallel);
        if (t != null) {
            if (g2Known == null) t.g2 = new PolarLevel.G2(z2r, z2i, s2, g2New);
            if (fill) polarCache.put(t);
        }
    }

    private void polarRange(int rFrom, int rTo, double[] cs, double[] sn, double qx, double qy, double z1r, double z1i, double[] s1,
                            double z2r, double z2i, double[] s2, double[] acc, Work w, PolarLevel t, boolean fill, double[] g2Known, double[] g2New) {
        Hamiltonian h = model.hamiltonian();
        double hx = qx / 2, hy = qy / 2;
        int nn = 2 * n * n, nAng = cs.length;
        for (int r = rFrom; r < rTo; r++) {
            double k = grid.radialNode(r), wt = grid.radialWeight(r);
            for (int j = 0; j < nAng; j++) {
                double kx = k * cs[j], ky = k * sn[j];
                if (t == null) {
                    h.eval(kx + hx, ky + hy, 0, w.h1, 0);
                    h.eval(kx - hx, ky - hy, 0, w.h2, 0);
                    addPoint(w.h1, 0, w.h2, 0, wt, z1r, z1i, s1, z2r, z2i, s2, acc, w);
                    continue;
                }
                int o = (r * nAng + j) * nn;
                if (fill) {
                    h.eval(kx + hx, ky + hy, 0, t.h1, o);
                    h.eval(kx - hx, ky - hy, 0, t.h2, o);
                }
                if (!w.green.invert(t.h1, o, z1r, z1i, s1, w.g1))
                    throw new DiffusonException("energy", "z − H(k) − Σ is singular at a grid point", "add broadening or move z off the real axis");
                double[] g2;
                int o2;
                if (g2Known != null) {
                    g2 = g2Known;
                    o2 = o;
                } else {
                    if (!w.green.invert(t.h2, o, z2r, z2i, s2, w.g2))
                        throw new DiffusonException("energy", "z − H(k) − Σ is singular at a grid point", "add broadening or move z off the real axis");
                    System.arraycopy(w.g2, 0, g2New, o, nn);
                    g2 = w.g2;
                    o2 = 0;
                }
                addKron(w.g1, 0, g2, o2, wt, acc);
            }
        }
    }

    /**
     * H(k ± q/2) at the points of one angular level of a finite-q bubble, and G(k − q/2, z2) with the z2, Σ2 it was
     * computed at (immutable once published in the cache).
     */
    private static final class PolarLevel {
        final double qx, qy, theta0;
        final int nAng;
        final double[] h1, h2;
        /** G(k − q/2, z2) at every point of the level, with the z2 and Σ2 it belongs to (replaced as a whole). */
        volatile G2 g2;

        record G2(double z2r, double z2i, double[] sigma2, double[] table) {
            G2 {
                sigma2 = sigma2.clone();
            }

            boolean matches(double zr, double zi, double[] s2) {
                return z2r == zr && z2i == zi && java.util.Arrays.equals(sigma2, s2);
            }
        }

        private PolarLevel(double qx, double qy, int nAng, double theta0, int size) {
            this.qx = qx;
            this.qy = qy;
            this.nAng = nAng;
            this.theta0 = theta0;
            h1 = new double[size];
            h2 = new double[size];
        }

        /** A new level, or null when it would be too large to keep (then nothing is cached). */
        static PolarLevel allocate(double qx, double qy, int nAng, double theta0, int size) {
            return size <= CACHED_DOUBLES ? new PolarLevel(qx, qy, nAng, theta0, size) : null;
        }

        boolean matches(double qx, double qy, int nAng, double theta0) {
            return this.qx == qx && this.qy == qy && this.nAng == nAng && this.theta0 == theta0;
        }
    }

    /** Doubles per cached level (H twice and G once per point): at most ~1.5 MB each. */
    private static final int CACHED_DOUBLES = 1 << 16;

    /** The last few finite-q levels of this bubble (a pole search revisits one q with new z1). */
    private final PolarCache polarCache = new PolarCache();

    private static final class PolarCache {
        private final PolarLevel[] levels = new PolarLevel[8];
        private int next;

        synchronized PolarLevel find(double qx, double qy, int nAng, double theta0) {
            for (PolarLevel l : levels) if (l != null && l.matches(qx, qy, nAng, theta0)) return l;
            return null;
        }

        synchronized void put(PolarLevel l) {
            levels[next] = l;
            next = (next + 1) % levels.length;
        }
    }

    private double[] fullTable() { return space.fullTable(); }

    private static boolean isZero(double[] q) {
        for (double x : q) if (x != 0) return false;
        return true;
    }

    /** Per-task scratch: H at k ± q/2, the two Green functions and their workspace. */
    private static final class Work {
        final double[] h1, h2, g1, g2;
        final GreenWorkspace green;

        Work(int n) {
            int nn = 2 * n * n;
            h1 = new double[nn]; h2 = new double[nn]; g1 = new double[nn]; g2 = new double[nn];
            green = new GreenWorkspace(n);
        }
    }

    /**
     * Adds Σ_{i∈[from,to)} w_i G2ᵀ⊗G1 to out. With {@code radial} the points are radial nodes on the k_x axis with
     * radial weights; otherwise full-grid points, H from the tables if given (q = 0) or evaluated at k ± q/2.
     */
    private void accumulate(double[] tab1, double[] tab2, boolean radial, int from, int to, double qx, double qy, double qz,
                            double z1r, double z1i, double[] s1, double z2r, double z2i, double[] s2, double[] out, Work w) {
        Hamiltonian h = model.hamiltonian();
        int nn = 2 * n * n;
        double hx = qx / 2, hy = qy / 2, hz = qz / 2;
        double[] h1 = w.h1, h2 = w.h2;
        for (int i = from; i < to; i++) {
            double wt;
            double[] a1, a2;
            int o1, o2;
            if (radial) {
                wt = grid.radialWeight(i);
                a1 = tab1; a2 = tab1; o1 = o2 = i * nn;
            } else {
                wt = grid.weight(i);
                if (tab1 != null) {
                    a1 = tab1; a2 = tab2; o1 = o2 = i * nn;
                } else {
                    double kx = grid.kx(i), ky = grid.ky(i), kz = grid.kz(i);
                    h.eval(kx + hx, ky + hy, kz + hz, h1, 0);
                    h.eval(kx - hx, ky - hy, kz - hz, h2, 0);
                    a1 = h1; a2 = h2; o1 = o2 = 0;
                }
            }
            addPoint(a1, o1, a2, o2, wt, z1r, z1i, s1, z2r, z2i, s2, out, w);
        }
    }

    /** out += wt·G2ᵀ⊗G1 at one k-point, with H(k+q/2) at a1[o1..] and H(k−q/2) at a2[o2..]. */
    private void addPoint(double[] a1, int o1, double[] a2, int o2, double wt, double z1r, double z1i, double[] s1,
                          double z2r, double z2i, double[] s2, double[] out, Work w) {
        double[] g1 = w.g1, g2 = w.g2;
        if (!w.green.invert(a1, o1, z1r, z1i, s1, g1) || !w.green.invert(a2, o2, z2r, z2i, s2, g2))
            throw new DiffusonException("energy", "z − H(k) − Σ is singular at a grid point", "add broadening or move z off the real axis");
        addKron(g1, 0, g2, 0, wt, out);
    }

    /** out += wt·G2ᵀ⊗G1 with G1 at g1[o1..], G2 at g2[o2..]. */
    private void addKron(double[] g1, int o1, double[] g2, int o2, double wt, double[] out) { kron(n, g1, o1, g2, o2, wt, out, 0); }

    /** out[oo + ((a+nb),(c+nd))] += wt·G1[a][c]·G2[d][b]: the vec-picture G2ᵀ⊗G1 (interleaved, row-major). */
    static void kron(int n, double[] g1, int o1, double[] g2, int o2, double wt, double[] out, int oo) {
        if (n == 2) {
            kron2(g1, o1, g2, o2, wt, out, oo);
        } else {
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++) {
                    int row = a + n * b;
                    for (int c = 0; c < n; c++) {
                        double g1r = g1[o1 + 2 * (a * n + c)] * wt, g1i = g1[o1 + 2 * (a * n + c) + 1] * wt;
                        for (int d = 0; d < n; d++) {
                            int col = c + n * d, idx = oo + 2 * (row * n * n + col);
                            double g2r = g2[o2 + 2 * (d * n + b)], g2i = g2[o2 + 2 * (d * n + b) + 1];
                            out[idx] += g1r * g2r - g1i * g2i;
                            out[idx + 1] += g1r * g2i + g1i * g2r;
                        }
                    }
                }
        }
    }

    /** out[(a+2b),(c+2d)] += w·G1[a][c]·G2[d][b]. */
    /**
     * The q = 0 radial sum for n = 2 with the operations of {@link #accumulate} + {@link #kron2} + {@link #projectAngular}
     * (equal bit for bit), computing only the entries the angular average keeps, and one inversion per node when both
     * sides are the same Green function (z1 = z2, Σ1 = Σ2: the RR bubble of dΣ/dz).
     */
    private void radialZero2(double z1r, double z1i, double[] s1, double z2r, double z2i, double[] s2, double[] out) {
        Isotropy iso = model.hamiltonian().isotropy();
        int count = 0;
        int[] kept = new int[3 * 16];
        for (int a = 0; a < 2; a++)
            for (int c = 0; c < 2; c++)
                for (int b = 0; b < 2; b++)
                    for (int d = 0; d < 2; d++)
                        if (iso.keeps(a, b, c, d)) {
                            kept[count++] = 2 * ((a + 2 * b) * 4 + c + 2 * d);
                            kept[count++] = 2 * (a * 2 + c);
                            kept[count++] = 2 * (d * 2 + b);
                        }
        boolean same = z1r == z2r && z1i == z2i && java.util.Arrays.equals(s1, s2);
        double[] tab = space.radialTable(), g1 = new double[8], g2 = same ? g1 : new double[8];
        for (int i = 0, nr = grid.radialSize(); i < nr; i++) {
            double wt = grid.radialWeight(i);
            if (!GreenWorkspace.inverse2(tab, 8 * i, z1r, z1i, s1, 1, g1, 0) || !(same || GreenWorkspace.inverse2(tab, 8 * i, z2r, z2i, s2, 1, g2, 0)))
                throw new DiffusonException("energy", "z − H(k) − Σ is singular at a grid point", "add broadening or move z off the real axis");
            for (int e = 0; e < count; e += 3) {
                int idx = kept[e], x = kept[e + 1], y = kept[e + 2];
                double pr = g1[x] * wt, pi = g1[x + 1] * wt, qr = g2[y], qi = g2[y + 1];
                out[idx] += pr * qr - pi * qi;
                out[idx + 1] += pr * qi + pi * qr;
            }
        }
    }

    static void kron2(double[] g1, double[] g2, double w, double[] out) { kron2(g1, 0, g2, 0, w, out); }

    /** out[(a+2b),(c+2d)] += w·G1[a][c]·G2[d][b] with G1 at g1[o1..], G2 at g2[o2..]. */
    static void kron2(double[] g1, int o1, double[] g2, int o2, double w, double[] out) { kron2(g1, o1, g2, o2, w, out, 0); }

    /** {@link #kron2(double[], int, double[], int, double, double[])} into out[oo..]. */
    static void kron2(double[] g1, int o1, double[] g2, int o2, double w, double[] out, int oo) {
        for (int a = 0; a < 2; a++)
            for (int c = 0; c < 2; c++) {
                double pr = g1[o1 + 2 * (a * 2 + c)] * w, pi = g1[o1 + 2 * (a * 2 + c) + 1] * w;
                for (int b = 0; b < 2; b++)
                    for (int d = 0; d < 2; d++) {
                        double qr = g2[o2 + 2 * (d * 2 + b)], qi = g2[o2 + 2 * (d * 2 + b) + 1];
                        int idx = oo + 2 * ((a + 2 * b) * 4 + c + 2 * d);
                        out[idx] += pr * qr - pi * qi;
                        out[idx + 1] += pr * qi + pi * qr;
                    }
            }
    }

    /** Keeps entries (ab),(cd) with j_a − j_b = j_c − j_d: the exact angular average at q = 0. */
    private void projectAngular(double[] out) {
        Isotropy iso = model.hamiltonian().isotropy();
        int n2 = n * n;
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                for (int c = 0; c < n; c++)
                    for (int d = 0; d < n; d++)
                        if (!iso.keeps(a, b, c, d)) {
                            int idx = 2 * ((a + n * b) * n2 + c + n * d);
                            out[idx] = 0;
                            out[idx + 1] = 0;
                        }
    }

    // ---- vertex insertions (current vertices for Kubo ladders; seed 004 eqs 13–24, A1–A6) ----

    /**
     * Φ̄_q(z1, z2) and the vertex sums of {@code vertices} in one pass over the grid ({@link VertexBubble}): the density
     * and current vertices of a Kubo bubble, with the model's exact velocity ∂H/∂k ({@link #velocity}) at the mid-point k.
     * Always sums the full grid (no q = 0 symmetry reduction, no adaptive angles: current vertices carry the angular
     * dependence the reductions assume away), with the same chunking, Green functions and interrupt checks as
     * {@link #compute}.
     */
    public VertexBubble withVertices(double[] q, Energy e1, CMatrix sigma1, Energy e2, CMatrix sigma2, java.util.List<VertexInsertion> vertices) {
        double qx = q.length > 0 ? q[0] : 0, qy = q.length > 1 ? q[1] : 0, qz = q.length > 2 ? q[2] : 0;
        if (!(Double.isFinite(qx) && Double.isFinite(qy) && Double.isFinite(qz)))
            throw new DiffusonException("q", "must be finite", "pass a finite wave vector");
        int m = vertices.size(), nn = 2 * n * n, phiLen = 2 * n * n * n * n;
        if (m == 0) throw new DiffusonException("vertices", "is empty", "pass at least one VertexInsertion");
        double[][] p = new double[m][];
        int[] axis = new int[m];
        for (int a = 0; a < m; a++) {
            VertexInsertion v = vertices.get(a);
            if (v.matrix().rows() != n)
                throw new DiffusonException("vertices", v.name() + " is " + v.matrix().rows() + "×" + v.matrix().rows() + " but the model is " + n + "×" + n,
                        "use vertex matrices of the model's basis dimension");
            if (v.axis() >= grid.spaceDim())
                throw new DiffusonException("vertices", v.name() + " is a current along axis " + v.axis() + " of a " + grid.spaceDim() + "D model", "use axes below the space dimension");
            p[a] = v.matrix().toArray();
            axis[a] = v.axis();
        }
        double[] s1 = sigma1.toArray(), s2 = sigma2.toArray();
        double z1r = e1.re(), z1i = e1.im(), z2r = e2.re(), z2i = e2.im();
        int width = phiLen + 2 * m * nn + 2 * m * m;
        double[] out = new double[width];
        KSum.sum(grid.size(), KSum.CHUNK, width, () -> new VertexWork(n, m), (from, to, acc, w) -> {
            Hamiltonian h = model.hamiltonian();
            for (int i = from; i < to; i++) {
                double kx = grid.kx(i), ky = grid.ky(i), kz = grid.kz(i), wt = grid.weight(i);
                h.eval(kx + qx / 2, ky + qy / 2, kz + qz / 2, w.base.h1, 0);
                h.eval(kx - qx / 2, ky - qy / 2, kz - qz / 2, w.base.h2, 0);
                addPoint(w.base.h1, 0, w.base.h2, 0, wt, z1r, z1i, s1, z2r, z2i, s2, acc, w.base);
                addVertices(kx, ky, kz, wt, p, axis, acc, phiLen, w);
            }
        }, out, true);
        CMatrix[] right = new CMatrix[m], left = new CMatrix[m];
        org.hipparchus.complex.Complex[][] pi = new org.hipparchus.complex.Complex[m][m];
        for (int a = 0; a < m; a++) {
            right[a] = CMatrix.copyOf(n, n, out, phiLen + a * nn);
            left[a] = CMatrix.copyOf(n, n, out, phiLen + (m + a) * nn);
            for (int b = 0; b < m; b++) {
                int o = phiLen + 2 * m * nn + 2 * (a * m + b);
                pi[a][b] = new org.hipparchus.complex.Complex(out[o], out[o + 1]);
            }
        }
        return new VertexBubble(Superoperator.fromRaw(n, java.util.Arrays.copyOf(out, phiLen)), java.util.List.copyOf(vertices), right, left, pi);
    }

    /** Scratch of {@link #withVertices}: the bubble's own work plus velocities and the products V_aG1, V_aG2. */
    private static final class VertexWork {
        final Work base;
        final double[][] vel, vx, x1, x2;
        final double[] t, buf;

        VertexWork(int n, int m) {
            int nn = 2 * n * n;
            base = new Work(n);
            vel = new double[3][nn];
            vx = new double[m][nn];
            x1 = new double[m][nn];
            x2 = new double[m][nn];
            t = new double[nn];
            buf = new double[4 * nn];
        }
    }

    /**
     * The velocity v_a = ∂H/∂k_a at k, from the library's one entry point
     * {@link org.diffuson.model.GradientHamiltonian#velocity}: exact for a {@link org.diffuson.model.TermHamiltonian}
     * (symbolic derivative) and other gradient models, otherwise the 4th-order stencil (exact to rounding for H
     * polynomial of degree ≤ 4 in k).
     */
    static void velocity(Hamiltonian h, double kx, double ky, double kz, int a, double[] buf, double[] out) {
        org.diffuson.model.GradientHamiltonian.velocity(h, a, kx, ky, kz, buf, out);
    }

    /** acc += wt·(G1V_aG2, G2V_aG1, Tr[V_aG1V_bG2]) with G1, G2 of this point in w.base. */
    private void addVertices(double kx, double ky, double kz, double wt, double[][] p, int[] axis, double[] acc, int off, VertexWork w) {
        int m = p.length, nn = 2 * n * n;
        double[] g1 = w.base.g1, g2 = w.base.g2;
        boolean[] done = new boolean[3];
        for (int a = 0; a < m; a++) {
            double[] v = w.vx[a];
            if (axis[a] < 0) {
                System.arraycopy(p[a], 0, v, 0, nn);
            } else {
                int ax = axis[a];
                if (!done[ax]) {
                    velocity(model.hamiltonian(), kx, ky, kz, ax, w.buf, w.vel[ax]);
                    done[ax] = true;
                }
                // ½{P, v}
                org.diffuson.linalg.ZOps.mult(p[a], n, n, w.vel[ax], n, v);
                org.diffuson.linalg.ZOps.mult(w.vel[ax], n, n, p[a], n, w.t);
                for (int e = 0; e < nn; e++) v[e] = 0.5 * (v[e] + w.t[e]);
            }
            org.diffuson.linalg.ZOps.mult(v, n, n, g1, n, w.x1[a]);   // V_a G1
            org.diffuson.linalg.ZOps.mult(v, n, n, g2, n, w.x2[a]);   // V_a G2
            int oR = off + a * nn, oL = off + (m + a) * nn;
            // right_a += G1 (V_a G2), left_a += G2 (V_a G1)
            org.diffuson.linalg.ZOps.mult(g1, n, n, w.x2[a], n, w.t);
            for (int e = 0; e < nn; e++) acc[oR + e] += wt * w.t[e];
            org.diffuson.linalg.ZOps.mult(g2, n, n, w.x1[a], n, w.t);
            for (int e = 0; e < nn; e++) acc[oL + e] += wt * w.t[e];
        }
        int oP = off + 2 * m * nn;
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++) {
                double tr = org.diffuson.green.GreenWorkspace.traceRe(w.x1[a], w.x2[b], n), ti = org.diffuson.green.GreenWorkspace.traceIm(w.x1[a], w.x2[b], n);
                acc[oP + 2 * (a * m + b)] += wt * tr;
                acc[oP + 2 * (a * m + b) + 1] += wt * ti;
            }
    }
}
