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
    /** Signs S of the model's mirror k_y → −k_y ({@link Hamiltonian#mirrorY}) on a 2D polar grid, else null. */
    private final double[] mirror;
    /**
     * n = 2 builder models of degree ≤ 2: the coefficients of (H_00, H_11, Re H_01, Im H_01) on the monomials
     * 1, k_x, k_y, k_x², k_xk_y, k_y² ({@link org.diffuson.model.TermHamiltonian#quadraticRows2d}), [entry][monomial];
     * the finite-q tables evaluate these four entries only (the same sums as H.eval). Null otherwise.
     */
    private final double[][] hermitianRows;

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
        this.mirror = grid.spaceDim() == 2 && !grid.isPointGrid() ? model.hamiltonian().mirrorY() : null;
        double[][] rows = n == 2 && model.hamiltonian() instanceof org.diffuson.model.TermHamiltonian th ? th.quadraticRows2d() : null;
        if (rows != null) {
            hermitianRows = new double[4][6];
            int[] entry = {0, 6, 2, 3};
            for (int e = 0; e < 4; e++) for (int mono = 0; mono < 6; mono++) hermitianRows[e][mono] = rows[mono][entry[e]];
        } else hermitianRows = null;
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

    /** Relative size, against Σ's largest entry, below which an entry Σ_ac between j_a ≠ j_c counts as zero. */
    static final double COVARIANCE_TOLERANCE = 1e-13;

    /**
     * True when Σ (n×n, interleaved) commutes with the rotation generator J = diag(j) of the hint: every entry Σ_ac with
     * j_a ≠ j_c is at most {@link #COVARIANCE_TOLERANCE} of Σ's largest entry (FULL: J ∝ 1, always). Then G(R_θk) =
     * U_θG(k)U_θ† follows from H's covariance and the q = 0 angular integral may be done on the k_x axis; an SCBA Σ of a
     * covariant model has these entries zero, a hand-set Σ ({@code SelfEnergies.constant}) need not. The tolerance keeps
     * the reduction's error at the angular rule's 1e-13 while rounding-level entries (a full-grid Born Σ) do not force
     * the full grid.
     */
    static boolean commutesWithJ(Isotropy iso, int n, double[] s) {
        if (iso.kind() == Isotropy.Kind.FULL) return true;
        if (iso.kind() != Isotropy.Kind.AXIAL) return false;
        double[] j = iso.j();
        double max = 0;
        for (int e = 0; e < n * n; e++) max = Math.max(max, Math.hypot(s[2 * e], s[2 * e + 1]));
        for (int a = 0; a < n; a++)
            for (int c = 0; c < n; c++)
                if (Math.abs(j[a] - j[c]) > 1e-12 && !(Math.hypot(s[2 * (a * n + c)], s[2 * (a * n + c) + 1]) <= COVARIANCE_TOLERANCE * max))
                    return false;
        return true;
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
        if (zero && reducible && commutesWithJ(model.hamiltonian().isotropy(), n, s1) && commutesWithJ(model.hamiltonian().isotropy(), n, s2)) {
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

    private volatile boolean lastMirrored;

    /** Whether the last finite-q bubble summed half the angles and added their mirror images (tests). */
    boolean lastMirrored() { return lastMirrored; }

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
        boolean mirrored = mirror != null && qy == 0 && mirrorSymmetric(s1) && mirrorSymmetric(s2);
        int nAng = minAngles;
        polarLevel(nAng, false, qx, qy, z1r, z1i, s1, z2r, z2i, s2, sum, parallel, mirrored);      // S_N·N
        double[] prev = new double[m];
        for (int i = 0; i < m; i++) sum[i] /= nAng;
        while (true) {
            polarLevel(nAng, true, qx, qy, z1r, z1i, s1, z2r, z2i, s2, add, parallel, mirrored);
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
        lastMirrored = mirrored;
        System.arraycopy(sum, 0, out, 0, m);
    }

    /** S Σᵀ S = Σ for the model's mirror signs S (to 1e-14 of the largest entry): then G keeps the mirror symmetry. */
    private boolean mirrorSymmetric(double[] sigma) {
        double scale = 0;
        for (double x : sigma) scale = Math.max(scale, Math.abs(x));
        double tol = 1e-14 * scale;
        for (int a = 0; a < n; a++)
            for (int b = 0; b < a; b++) {
                double sab = mirror[a] * mirror[b];
                int ab = 2 * (a * n + b), ba = 2 * (b * n + a);
                if (Math.abs(sigma[ab] - sab * sigma[ba]) > tol || Math.abs(sigma[ab + 1] - sab * sigma[ba + 1]) > tol) return false;
            }
        return true;
    }

    /**
     * Σ_r Σ_j wr_r f(k_r, θ0 + 2πj/N) (unnormalized in j) into acc, θ0 = 0 or π/N ({@code shifted}). With
     * {@code mirrored} (q ∥ x̂, model and both Σ mirror-symmetric) only the angles θ_j ∈ [0, π] are visited, those on
     * the axis (θ = 0, π: their own images) with weight ½: the sum A over them gives the level as A + T(A), T the image
     * of a point's term under k_y → −k_y ({@link #addMirrorImages}).
     */
    private void polarLevel(int nAng, boolean shifted, double qx, double qy, double z1r, double z1i, double[] s1, double z2r, double z2i,
                            double[] s2, double[] acc, boolean parallel, boolean mirrored) {
        int m = 2 * n * n * n * n, nr = grid.radialSize(), shift = shifted ? 1 : 0;
        double theta0 = shifted ? Math.PI / nAng : 0;
        double[] cs = new double[nAng], sn = new double[nAng], aw = new double[nAng];
        int count = 0;
        for (int j = 0; j < nAng; j++) {
            int image = Math.floorMod(nAng - j - shift, nAng);   // θ_image = −θ_j (mod 2π)
            if (mirrored && image < j) continue;
            cs[count] = Math.cos(theta0 + 2 * Math.PI * j / nAng);
            sn[count] = Math.sin(theta0 + 2 * Math.PI * j / nAng);
            aw[count++] = mirrored && image == j ? 0.5 : 1;
        }
        double[] c = java.util.Arrays.copyOf(cs, count), sv = java.util.Arrays.copyOf(sn, count), wv = java.util.Arrays.copyOf(aw, count);
        // chunks of about KSum.CHUNK points, equal in radial nodes (a function of the sizes only); a level of fewer than
        // KSum.MIN_PARALLEL_CHUNKS chunks (the pole search's ~20 µs levels) runs on the calling thread
        int chunks = Math.max(1, (nr * count + KSum.CHUNK - 1) / KSum.CHUNK), perChunk = (nr + chunks - 1) / chunks;
        // H(k + q/2) at this level's points, and G(k − q/2, z2), are kept for the next call at the same q: a pole
        // search (or an ω sweep) varies only z1, so later calls evaluate and invert only the z1 side (same numbers)
        PolarLevel cached = polarCache.find(qx, qy, nAng, theta0, mirrored);
        boolean fill = cached == null;
        int points = nr * count;
        PolarLevel t = fill ? PolarLevel.allocate(qx, qy, nAng, theta0, mirrored, points * (n == 2 ? 4 : 2 * n * n), points * 2 * n * n, n == 2 ? points : 0) : cached;
        PolarLevel.G2 known = t == null ? null : t.g2;
        double[] g2Known = known != null && known.matches(z2r, z2i, s2) ? known.table : null;
        double[] g2New = t != null && g2Known == null ? new double[t.g2Size] : null;
        if (n == 2 && t != null) {
            // H(k − q/2) from the kept H(k' + q/2) at θ' = π − θ when the mirror and the rotation by π both hold
            double[] image = mirrored && g2Known == null ? halfTurnImage(shifted, nAng) : null;
            KSum.sum(nr, perChunk, m, () -> new Work(n), (from, to, part, w) -> polarRange2(from, to, c, sv, wv, qx, qy, z1r, z1i, s1, z2r, z2i, s2,
                    part, w, t, fill, g2Known, g2New, image), acc, parallel);
        } else {
            KSum.sum(nr, perChunk, m, () -> new Work(n), (from, to, part, w) -> polarRange(from, to, c, sv, wv, qx, qy, z1r, z1i, s1, z2r, z2i, s2, part, w,
                    t, fill, g2Known, g2New), acc, parallel);
        }
        if (mirrored) addMirrorImages(acc);
        if (t != null) {
            if (g2Known == null) t.g2 = new PolarLevel.G2(z2r, z2i, s2, g2New);
            if (fill) polarCache.put(t);
        }
    }

    /**
     * acc ← A + T(A) with T(A)[(ab),(cd)] = s_a s_b s_c s_d A[(cd),(ab)] (vec index a + n b): the term of the image
     * point (k_x, −k_y), since there G1 = S G1ᵀ S and G2 = S G2ᵀ S, so G1[a][c]G2[d][b] → s_a s_c s_d s_b G1[c][a]G2[b][d].
     */
    private void addMirrorImages(double[] acc) {
        int n2 = n * n;
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                for (int c = 0; c < n; c++)
                    for (int d = 0; d < n; d++) {
                        int row = a + n * b, col = c + n * d;
                        if (col < row) continue;
                        int rc = 2 * (row * n2 + col), cr = 2 * (col * n2 + row);
                        double sign = mirror[a] * mirror[b] * mirror[c] * mirror[d];
                        if (row == col) {
                            acc[rc] *= 2;
                            acc[rc + 1] *= 2;
                            continue;
                        }
                        double xr = acc[rc], xi = acc[rc + 1], yr = acc[cr], yi = acc[cr + 1];
                        acc[rc] = xr + sign * yr;
                        acc[rc + 1] = xi + sign * yi;
                        acc[cr] = yr + sign * xr;
                        acc[cr + 1] = yi + sign * xi;
                    }
    }

    private void polarRange(int rFrom, int rTo, double[] cs, double[] sn, double[] aw, double qx, double qy, double z1r, double z1i, double[] s1,
                            double z2r, double z2i, double[] s2, double[] acc, Work w, PolarLevel t, boolean fill, double[] g2Known, double[] g2New) {
        Hamiltonian h = model.hamiltonian();
        double hx = qx / 2, hy = qy / 2;
        int nn = 2 * n * n, nAng = cs.length;
        for (int r = rFrom; r < rTo; r++) {
            double k = grid.radialNode(r), wr = grid.radialWeight(r);
            for (int j = 0; j < nAng; j++) {
                double kx = k * cs[j], ky = k * sn[j], wt = wr * aw[j];
                if (t == null) {
                    h.eval(kx + hx, ky + hy, 0, w.h1, 0);
                    h.eval(kx - hx, ky - hy, 0, w.h2, 0);
                    addPoint(w.h1, 0, w.h2, 0, wt, z1r, z1i, s1, z2r, z2i, s2, acc, w);
                    continue;
                }
                int o = (r * nAng + j) * nn;
                if (fill) h.eval(kx + hx, ky + hy, 0, t.h1, o);
                double[] g2;
                int o2;
                if (g2Known != null) {
                    g2 = g2Known;
                    o2 = o;
                } else {
                    h.eval(kx - hx, ky - hy, 0, w.h2, 0);
                    if (!w.green.invert(w.h2, 0, z2r, z2i, s2, w.g2)) throw singular();
                    System.arraycopy(w.g2, 0, g2New, o, nn);
                    g2 = g2New;
                    o2 = o;
                }
                if (!w.green.invert(t.h1, o, z1r, z1i, s1, w.g1)) throw singular();
                addKron(w.g1, 0, g2, o2, wt, acc);
            }
        }
    }

    private static DiffusonException singular() {
        return new DiffusonException("energy", "z − H(k) − Σ is singular at a grid point", "add broadening or move z off the real axis");
    }

    /**
     * For each visited angle of a mirrored level, the index of the visited angle θ' = π − θ and the phase e^{−i(j_0 − j_1)π}
     * of the rotation by π ({re, im} after the indices), or null when the model is not rotation-covariant. Then
     * k − q/2 = R_π·mirror(k' + q/2), so H(k − q/2) = U S H(k' + q/2)ᵀ S U† comes from the kept table.
     */
    private double[] halfTurnImage(boolean shifted, int nAng) {
        Isotropy iso = model.hamiltonian().isotropy();
        if (!iso.reducible() || nAng % 2 != 0)
            return null;   // θ + π is a node only for an even N (always so today: minAngles is a power of two ≥ 4, doubled)
        int count = shifted ? nAng / 2 : nAng / 2 + 1;
        double[] out = new double[count + 2];
        for (int j = 0; j < count; j++) out[j] = shifted ? nAng / 2 - 1 - j : nAng / 2 - j;
        double dj = iso.kind() == Isotropy.Kind.FULL ? 0 : iso.j()[0] - iso.j()[1];
        out[count] = Math.cos(dj * Math.PI);
        out[count + 1] = -Math.sin(dj * Math.PI);
        return out;
    }

    /**
     * The finite-q level sum for n = 2 on kept tables: H(k + q/2) stored as its four real numbers (Hermitian),
     * G(k − q/2, z2) filled once per z2 (from H(k − q/2) evaluated, or from the half-turn image of the kept H when
     * {@code image} is given), then per point G1 = [z1 − H1 − Σ1]⁻¹ in closed form fused with the Kronecker sum.
     */
    private void polarRange2(int rFrom, int rTo, double[] cs, double[] sn, double[] aw, double qx, double qy, double z1r, double z1i, double[] s1,
                             double z2r, double z2i, double[] s2, double[] acc, Work w, PolarLevel t, boolean fill, double[] g2Known, double[] g2New,
                             double[] image) {
        Hamiltonian h = model.hamiltonian();
        double hx = qx / 2, hy = qy / 2;
        int nAng = cs.length;
        double[] h1 = t.h1, hb = w.h1, g2 = g2Known != null ? g2Known : g2New;
        double sign = mirror == null ? 1 : mirror[0] * mirror[1];
        for (int r = rFrom; r < rTo; r++) {
            double k = grid.radialNode(r), wr = grid.radialWeight(r);
            int base = r * nAng;
            if (fill)
                for (int j = 0; j < nAng; j++) {
                    int o = 4 * (base + j);
                    double kx = k * cs[j] + hx, ky = k * sn[j] + hy;
                    if (hermitianRows != null) {
                        double xx = kx * kx, xy = kx * ky, yy = ky * ky;
                        for (int e = 0; e < 4; e++) {
                            double[] c = hermitianRows[e];
                            h1[o + e] = c[0] + kx * c[1] + ky * c[2] + xx * c[3] + xy * c[4] + yy * c[5];
                        }
                        continue;
                    }
                    h.eval(kx, ky, 0, hb, 0);
                    h1[o] = hb[0];
                    h1[o + 1] = hb[6];
                    h1[o + 2] = hb[2];
                    h1[o + 3] = hb[3];
                }
            if (g2Known == null)
                for (int j = 0; j < nAng; j++) {
                    double h00, h11, h01r, h01i;
                    if (image != null) {
                        // H(k − q/2) = U S H(k' + q/2)ᵀ S U†: diagonal kept, H_01 → e^{−i(j_0−j_1)π}·s_0s_1·conj(H'_01)
                        int o = 4 * (base + (int) image[j]);
                        double pr = image[nAng], pi = image[nAng + 1], xr = sign * h1[o + 2], xi = -sign * h1[o + 3];
                        h00 = h1[o];
                        h11 = h1[o + 1];
                        h01r = pr * xr - pi * xi;
                        h01i = pr * xi + pi * xr;
                    } else {
                        h.eval(k * cs[j] - hx, k * sn[j] - hy, 0, hb, 0);
                        h00 = hb[0];
                        h11 = hb[6];
                        h01r = hb[2];
                        h01i = hb[3];
                    }
                    if (!inverseHermitian2(h00, h11, h01r, h01i, z2r, z2i, s2, g2New, 8 * (base + j))) throw singular();
                }
            if (fill) for (int j = 0; j < nAng; j++) t.weight[base + j] = wr * aw[j];
        }
        addPoints2(h1, g2, t.weight, rFrom * nAng, rTo * nAng, z1r, z1i, s1, acc);
    }

    /**
     * out[o..o+7] ← [z − H − Σ]⁻¹ for the Hermitian 2×2 H = [[h00, h01], [h01*, h11]]: {@link GreenWorkspace#inverse2}
     * with H's four real numbers passed in registers. Writing H out in full and calling inverse2 gives the same bits but
     * measured 2–3% more mean thread CPU per CoPt pole search (PeerBench cpu 10000 copt-pole, 4 A/B pairs at load 3–5),
     * so this form is kept.
     */
    static boolean inverseHermitian2(double h00, double h11, double h01r, double h01i, double zr, double zi, double[] s, double[] out, int o) {
        double ar = zr - h00 - s[0], ai = zi - s[1];
        double br = -h01r - s[2], bi = -h01i - s[3];
        double cr = -h01r - s[4], ci = h01i - s[5];
        double dr = zr - h11 - s[6], di = zi - s[7];
        double detr = ar * dr - ai * di - (br * cr - bi * ci);
        double deti = ar * di + ai * dr - (br * ci + bi * cr);
        double mod = detr * detr + deti * deti, den = 1 / mod;
        double ir = detr * den, ii = -deti * den;
        out[o] = dr * ir - di * ii; out[o + 1] = dr * ii + di * ir;
        out[o + 2] = -(br * ir - bi * ii); out[o + 3] = -(br * ii + bi * ir);
        out[o + 4] = -(cr * ir - ci * ii); out[o + 5] = -(cr * ii + ci * ir);
        out[o + 6] = ar * ir - ai * ii; out[o + 7] = ar * ii + ai * ir;
        return mod != 0;
    }

    /**
     * n = 2, fused, for the points [from, to) of a kept level: acc += Σ_p wt_p·G2ᵀ⊗G1 with G1 = [z1 − H1 − Σ1]⁻¹ = adj/det
     * in closed form (H1 Hermitian, kept as (H_00, H_11, Re H_01, Im H_01) at h1[4p..]) and G2 at g2[8p..]; wt/det is
     * applied to the adjugate once, and the products of two points are accumulated together with fused multiply-adds
     * (one rounding each; exact IEEE semantics on every JVM), so each accumulator is read and written once per pair.
     */
    static void addPoints2(double[] h1, double[] g2, double[] wt, int from, int to, double z1r, double z1i, double[] s1, double[] acc) {
        double a0r = z1r - s1[0], a0i = z1i - s1[1], b0r = -s1[2], b0i = -s1[3], c0r = -s1[4], c0i = -s1[5], d0r = z1r - s1[6], d0i = z1i - s1[7];
        int p = from;
        for (; p + 1 < to; p += 2) {
            int pA = p, pB = p + 1, oA = 4 * pA, oB = 4 * pB, gA = 8 * pA, gB = 8 * pB;
            double h01rA = h1[oA + 2], h01iA = h1[oA + 3];
            double arA = a0r - h1[oA], aiA = a0i, drA = d0r - h1[oA + 1], diA = d0i;
            double brA = b0r - h01rA, biA = b0i - h01iA, crA = c0r - h01rA, ciA = c0i + h01iA;
            double detrA = arA * drA - aiA * diA - (brA * crA - biA * ciA);
            double detiA = arA * diA + aiA * drA - (brA * ciA + biA * crA);
            double modA = detrA * detrA + detiA * detiA;
            if (modA == 0) throw singular();
            double denA = wt[pA] / modA, urA = detrA * denA, uiA = -detiA * denA;
            double p00rA = drA * urA - diA * uiA, p00iA = drA * uiA + diA * urA;
            double p01rA = -(brA * urA - biA * uiA), p01iA = -(brA * uiA + biA * urA);
            double p10rA = -(crA * urA - ciA * uiA), p10iA = -(crA * uiA + ciA * urA);
            double p11rA = arA * urA - aiA * uiA, p11iA = arA * uiA + aiA * urA;
            double q00rA = g2[gA], q00iA = g2[gA + 1], q01rA = g2[gA + 2], q01iA = g2[gA + 3];
            double q10rA = g2[gA + 4], q10iA = g2[gA + 5], q11rA = g2[gA + 6], q11iA = g2[gA + 7];
            double h01rB = h1[oB + 2], h01iB = h1[oB + 3];
            double arB = a0r - h1[oB], aiB = a0i, drB = d0r - h1[oB + 1], diB = d0i;
            double brB = b0r - h01rB, biB = b0i - h01iB, crB = c0r - h01rB, ciB = c0i + h01iB;
            double detrB = arB * drB - aiB * diB - (brB * crB - biB * ciB);
            double detiB = arB * diB + aiB * drB - (brB * ciB + biB * crB);
            double modB = detrB * detrB + detiB * detiB;
            if (modB == 0) throw singular();
            double denB = wt[pB] / modB, urB = detrB * denB, uiB = -detiB * denB;
            double p00rB = drB * urB - diB * uiB, p00iB = drB * uiB + diB * urB;
            double p01rB = -(brB * urB - biB * uiB), p01iB = -(brB * uiB + biB * urB);
            double p10rB = -(crB * urB - ciB * uiB), p10iB = -(crB * uiB + ciB * urB);
            double p11rB = arB * urB - aiB * uiB, p11iB = arB * uiB + aiB * urB;
            double q00rB = g2[gB], q00iB = g2[gB + 1], q01rB = g2[gB + 2], q01iB = g2[gB + 3];
            double q10rB = g2[gB + 4], q10iB = g2[gB + 5], q11rB = g2[gB + 6], q11iB = g2[gB + 7];
            // acc[(a+2b),(c+2d)] += P[a][c]·G2[d][b] for both points
            acc[0] = Math.fma(p00rA, q00rA, Math.fma(-p00iA, q00iA, Math.fma(p00rB, q00rB, Math.fma(-p00iB, q00iB, acc[0]))));
            acc[1] = Math.fma(p00rA, q00iA, Math.fma(p00iA, q00rA, Math.fma(p00rB, q00iB, Math.fma(p00iB, q00rB, acc[1]))));
            acc[4] = Math.fma(p00rA, q10rA, Math.fma(-p00iA, q10iA, Math.fma(p00rB, q10rB, Math.fma(-p00iB, q10iB, acc[4]))));
            acc[5] = Math.fma(p00rA, q10iA, Math.fma(p00iA, q10rA, Math.fma(p00rB, q10iB, Math.fma(p00iB, q10rB, acc[5]))));
            acc[16] = Math.fma(p00rA, q01rA, Math.fma(-p00iA, q01iA, Math.fma(p00rB, q01rB, Math.fma(-p00iB, q01iB, acc[16]))));
            acc[17] = Math.fma(p00rA, q01iA, Math.fma(p00iA, q01rA, Math.fma(p00rB, q01iB, Math.fma(p00iB, q01rB, acc[17]))));
            acc[20] = Math.fma(p00rA, q11rA, Math.fma(-p00iA, q11iA, Math.fma(p00rB, q11rB, Math.fma(-p00iB, q11iB, acc[20]))));
            acc[21] = Math.fma(p00rA, q11iA, Math.fma(p00iA, q11rA, Math.fma(p00rB, q11iB, Math.fma(p00iB, q11rB, acc[21]))));
            acc[2] = Math.fma(p01rA, q00rA, Math.fma(-p01iA, q00iA, Math.fma(p01rB, q00rB, Math.fma(-p01iB, q00iB, acc[2]))));
            acc[3] = Math.fma(p01rA, q00iA, Math.fma(p01iA, q00rA, Math.fma(p01rB, q00iB, Math.fma(p01iB, q00rB, acc[3]))));
            acc[6] = Math.fma(p01rA, q10rA, Math.fma(-p01iA, q10iA, Math.fma(p01rB, q10rB, Math.fma(-p01iB, q10iB, acc[6]))));
            acc[7] = Math.fma(p01rA, q10iA, Math.fma(p01iA, q10rA, Math.fma(p01rB, q10iB, Math.fma(p01iB, q10rB, acc[7]))));
            acc[18] = Math.fma(p01rA, q01rA, Math.fma(-p01iA, q01iA, Math.fma(p01rB, q01rB, Math.fma(-p01iB, q01iB, acc[18]))));
            acc[19] = Math.fma(p01rA, q01iA, Math.fma(p01iA, q01rA, Math.fma(p01rB, q01iB, Math.fma(p01iB, q01rB, acc[19]))));
            acc[22] = Math.fma(p01rA, q11rA, Math.fma(-p01iA, q11iA, Math.fma(p01rB, q11rB, Math.fma(-p01iB, q11iB, acc[22]))));
            acc[23] = Math.fma(p01rA, q11iA, Math.fma(p01iA, q11rA, Math.fma(p01rB, q11iB, Math.fma(p01iB, q11rB, acc[23]))));
            acc[8] = Math.fma(p10rA, q00rA, Math.fma(-p10iA, q00iA, Math.fma(p10rB, q00rB, Math.fma(-p10iB, q00iB, acc[8]))));
            acc[9] = Math.fma(p10rA, q00iA, Math.fma(p10iA, q00rA, Math.fma(p10rB, q00iB, Math.fma(p10iB, q00rB, acc[9]))));
            acc[12] = Math.fma(p10rA, q10rA, Math.fma(-p10iA, q10iA, Math.fma(p10rB, q10rB, Math.fma(-p10iB, q10iB, acc[12]))));
            acc[13] = Math.fma(p10rA, q10iA, Math.fma(p10iA, q10rA, Math.fma(p10rB, q10iB, Math.fma(p10iB, q10rB, acc[13]))));
            acc[24] = Math.fma(p10rA, q01rA, Math.fma(-p10iA, q01iA, Math.fma(p10rB, q01rB, Math.fma(-p10iB, q01iB, acc[24]))));
            acc[25] = Math.fma(p10rA, q01iA, Math.fma(p10iA, q01rA, Math.fma(p10rB, q01iB, Math.fma(p10iB, q01rB, acc[25]))));
            acc[28] = Math.fma(p10rA, q11rA, Math.fma(-p10iA, q11iA, Math.fma(p10rB, q11rB, Math.fma(-p10iB, q11iB, acc[28]))));
            acc[29] = Math.fma(p10rA, q11iA, Math.fma(p10iA, q11rA, Math.fma(p10rB, q11iB, Math.fma(p10iB, q11rB, acc[29]))));
            acc[10] = Math.fma(p11rA, q00rA, Math.fma(-p11iA, q00iA, Math.fma(p11rB, q00rB, Math.fma(-p11iB, q00iB, acc[10]))));
            acc[11] = Math.fma(p11rA, q00iA, Math.fma(p11iA, q00rA, Math.fma(p11rB, q00iB, Math.fma(p11iB, q00rB, acc[11]))));
            acc[14] = Math.fma(p11rA, q10rA, Math.fma(-p11iA, q10iA, Math.fma(p11rB, q10rB, Math.fma(-p11iB, q10iB, acc[14]))));
            acc[15] = Math.fma(p11rA, q10iA, Math.fma(p11iA, q10rA, Math.fma(p11rB, q10iB, Math.fma(p11iB, q10rB, acc[15]))));
            acc[26] = Math.fma(p11rA, q01rA, Math.fma(-p11iA, q01iA, Math.fma(p11rB, q01rB, Math.fma(-p11iB, q01iB, acc[26]))));
            acc[27] = Math.fma(p11rA, q01iA, Math.fma(p11iA, q01rA, Math.fma(p11rB, q01iB, Math.fma(p11iB, q01rB, acc[27]))));
            acc[30] = Math.fma(p11rA, q11rA, Math.fma(-p11iA, q11iA, Math.fma(p11rB, q11rB, Math.fma(-p11iB, q11iB, acc[30]))));
            acc[31] = Math.fma(p11rA, q11iA, Math.fma(p11iA, q11rA, Math.fma(p11rB, q11iB, Math.fma(p11iB, q11rB, acc[31]))));
        }
        if (p < to) {
            int pA = p, oA = 4 * pA, gA = 8 * pA;
            double h01rA = h1[oA + 2], h01iA = h1[oA + 3];
            double arA = a0r - h1[oA], aiA = a0i, drA = d0r - h1[oA + 1], diA = d0i;
            double brA = b0r - h01rA, biA = b0i - h01iA, crA = c0r - h01rA, ciA = c0i + h01iA;
            double detrA = arA * drA - aiA * diA - (brA * crA - biA * ciA);
            double detiA = arA * diA + aiA * drA - (brA * ciA + biA * crA);
            double modA = detrA * detrA + detiA * detiA;
            if (modA == 0) throw singular();
            double denA = wt[pA] / modA, urA = detrA * denA, uiA = -detiA * denA;
            double p00rA = drA * urA - diA * uiA, p00iA = drA * uiA + diA * urA;
            double p01rA = -(brA * urA - biA * uiA), p01iA = -(brA * uiA + biA * urA);
            double p10rA = -(crA * urA - ciA * uiA), p10iA = -(crA * uiA + ciA * urA);
            double p11rA = arA * urA - aiA * uiA, p11iA = arA * uiA + aiA * urA;
            double q00rA = g2[gA], q00iA = g2[gA + 1], q01rA = g2[gA + 2], q01iA = g2[gA + 3];
            double q10rA = g2[gA + 4], q10iA = g2[gA + 5], q11rA = g2[gA + 6], q11iA = g2[gA + 7];
            acc[0] = Math.fma(p00rA, q00rA, Math.fma(-p00iA, q00iA, acc[0])); acc[1] = Math.fma(p00rA, q00iA, Math.fma(p00iA, q00rA, acc[1]));
            acc[4] = Math.fma(p00rA, q10rA, Math.fma(-p00iA, q10iA, acc[4])); acc[5] = Math.fma(p00rA, q10iA, Math.fma(p00iA, q10rA, acc[5]));
            acc[16] = Math.fma(p00rA, q01rA, Math.fma(-p00iA, q01iA, acc[16])); acc[17] = Math.fma(p00rA, q01iA, Math.fma(p00iA, q01rA, acc[17]));
            acc[20] = Math.fma(p00rA, q11rA, Math.fma(-p00iA, q11iA, acc[20])); acc[21] = Math.fma(p00rA, q11iA, Math.fma(p00iA, q11rA, acc[21]));
            acc[2] = Math.fma(p01rA, q00rA, Math.fma(-p01iA, q00iA, acc[2])); acc[3] = Math.fma(p01rA, q00iA, Math.fma(p01iA, q00rA, acc[3]));
            acc[6] = Math.fma(p01rA, q10rA, Math.fma(-p01iA, q10iA, acc[6])); acc[7] = Math.fma(p01rA, q10iA, Math.fma(p01iA, q10rA, acc[7]));
            acc[18] = Math.fma(p01rA, q01rA, Math.fma(-p01iA, q01iA, acc[18])); acc[19] = Math.fma(p01rA, q01iA, Math.fma(p01iA, q01rA, acc[19]));
            acc[22] = Math.fma(p01rA, q11rA, Math.fma(-p01iA, q11iA, acc[22])); acc[23] = Math.fma(p01rA, q11iA, Math.fma(p01iA, q11rA, acc[23]));
            acc[8] = Math.fma(p10rA, q00rA, Math.fma(-p10iA, q00iA, acc[8])); acc[9] = Math.fma(p10rA, q00iA, Math.fma(p10iA, q00rA, acc[9]));
            acc[12] = Math.fma(p10rA, q10rA, Math.fma(-p10iA, q10iA, acc[12])); acc[13] = Math.fma(p10rA, q10iA, Math.fma(p10iA, q10rA, acc[13]));
            acc[24] = Math.fma(p10rA, q01rA, Math.fma(-p10iA, q01iA, acc[24])); acc[25] = Math.fma(p10rA, q01iA, Math.fma(p10iA, q01rA, acc[25]));
            acc[28] = Math.fma(p10rA, q11rA, Math.fma(-p10iA, q11iA, acc[28])); acc[29] = Math.fma(p10rA, q11iA, Math.fma(p10iA, q11rA, acc[29]));
            acc[10] = Math.fma(p11rA, q00rA, Math.fma(-p11iA, q00iA, acc[10])); acc[11] = Math.fma(p11rA, q00iA, Math.fma(p11iA, q00rA, acc[11]));
            acc[14] = Math.fma(p11rA, q10rA, Math.fma(-p11iA, q10iA, acc[14])); acc[15] = Math.fma(p11rA, q10iA, Math.fma(p11iA, q10rA, acc[15]));
            acc[26] = Math.fma(p11rA, q01rA, Math.fma(-p11iA, q01iA, acc[26])); acc[27] = Math.fma(p11rA, q01iA, Math.fma(p11iA, q01rA, acc[27]));
            acc[30] = Math.fma(p11rA, q11rA, Math.fma(-p11iA, q11iA, acc[30])); acc[31] = Math.fma(p11rA, q11iA, Math.fma(p11iA, q11rA, acc[31]));
        }
    }

    /**
     * H(k + q/2) at the points of one angular level of a finite-q bubble, and G(k − q/2, z2) with the z2, Σ2 it was
     * computed at (immutable once published in the cache).
     */
    private static final class PolarLevel {
        final double qx, qy, theta0;
        final int nAng;
        final boolean mirrored;
        /** H(k + q/2) per point: n = 2 as (H_00, H_11, Re H_01, Im H_01) (Hermitian), else the interleaved matrix. */
        final double[] h1;
        /** Quadrature weight of each point (n = 2 path): radial weight × angular weight (½ on the mirror axis). */
        final double[] weight;
        final int g2Size;
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

        private PolarLevel(double qx, double qy, int nAng, double theta0, boolean mirrored, int hSize, int g2Size, int weights) {
            this.qx = qx;
            this.qy = qy;
            this.nAng = nAng;
            this.theta0 = theta0;
            this.mirrored = mirrored;
            h1 = new double[hSize];
            weight = new double[weights];
            this.g2Size = g2Size;
        }

        /** A new level, or null when it would be too large to keep (then nothing is cached). */
        static PolarLevel allocate(double qx, double qy, int nAng, double theta0, boolean mirrored, int hSize, int g2Size, int weights) {
            return g2Size <= CACHED_DOUBLES ? new PolarLevel(qx, qy, nAng, theta0, mirrored, hSize, g2Size, weights) : null;
        }

        boolean matches(double qx, double qy, int nAng, double theta0, boolean mirrored) {
            return this.qx == qx && this.qy == qy && this.nAng == nAng && this.theta0 == theta0 && this.mirrored == mirrored;
        }
    }

    /** Doubles per cached table (H(k + q/2) and G(k − q/2, z2) per point): at most ~1 MB per level. */
    private static final int CACHED_DOUBLES = 1 << 16;

    /** The last few finite-q levels of this bubble (a pole search revisits one q with new z1). */
    private final PolarCache polarCache = new PolarCache();

    private static final class PolarCache {
        private final PolarLevel[] levels = new PolarLevel[8];
        private int next;

        synchronized PolarLevel find(double qx, double qy, int nAng, double theta0, boolean mirrored) {
            for (PolarLevel l : levels) if (l != null && l.matches(qx, qy, nAng, theta0, mirrored)) return l;
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

    /** out[(a+2b),(c+2d)] += w·G1[a][c]·G2[d][b]. */
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
