package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.green.GreenWorkspace;
import org.diffuson.integrate.KGrid;
import org.diffuson.integrate.KSpace;
import org.diffuson.integrate.KSum;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Superoperator;
import org.diffuson.linalg.ZOps;
import org.diffuson.model.Axis;
import org.diffuson.model.GradientHamiltonian;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Isotropy;
import org.diffuson.model.Rung;
import org.diffuson.model.TermHamiltonian;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bubble Φ̄_q(z1, z2)[X] = ∫dk G1(k + q/2) X G2(k − q/2) (seed 000 Eqs. 5–7) expanded at q = 0, ω = 0 (z1 = E + ω):
 * Φ̄ ≈ Φ̄₀ + ωΦ̄_ω + q_aΦ̄_a + q_aq_bΦ̄_ab, with the k-derivatives of G taken analytically,
 * ∂_aG = G v_a G and ∂_a∂_bG = G v_a ∂_bG + G v_b ∂_aG + G w_ab G (v_a = ∂_aH exact, w_ab = ∂_a∂_bH), so that
 * <ul>
 *   <li>Φ̄_a[X] = ½∫(∂_aG1 X G2 − G1 X ∂_aG2),</li>
 *   <li>Φ̄_ab[X] = ⅛∫(∂_a∂_bG1 X G2 + G1 X ∂_a∂_bG2 − ∂_aG1 X ∂_bG2 − ∂_bG1 X ∂_aG2),</li>
 *   <li>Φ̄_ω[X] = ∫Ġ1 X G2 with Ġ1 = dG1/dz1 = −G1(1 − Σ1′)G1 (Σ's energy dependence included),</li>
 * </ul>
 * all in ONE k-sum at q = 0: the exact derivatives of the discrete bubble, with no finite-difference step and hence no
 * 1/(hℓ)² amplification of rounding (the finite-q differences of {@link DiffusionOperator.Method#FINITE_DIFFERENCE}
 * converge to these as h² — {@code BubbleExpansionTest} checks it by Richardson extrapolation).
 * <p>For a rotation-covariant 2D model on a polar grid (H(R_θk) = U_θH(k)U_θ†, U_θ = diag(e^{−ij_aθ})) the sum runs
 * over the radial nodes on the k_x axis only: the integrand at R_θk is Ad_θ of the integrand at k with the wave vector
 * rotated by −θ, f(R_θk, q) = Ad_θ f(k, R_{−θ}q), and Ad_θ multiplies the entry (ab),(cd) by e^{−imθ},
 * m = (j_a − j_b) − (j_c − j_d). The angular average of e^{−imθ} times the degree ≤ 2 trigonometric polynomials
 * R_{−θ} and R_{−θ} ⊗ R_{−θ} is done by an N-point trapezoid rule, exact when N &gt; |m| + 2
 * ({@link #angularWeights}); the full-grid sum equals it to rounding (tested). Otherwise every grid point is summed.
 */
public record BubbleExpansion(Superoperator phi0, Superoperator phiOmega, Superoperator[] linear, Superoperator[][] quadratic) {

    /** Copies the tables in (a record of immutable values). */
    public BubbleExpansion {
        linear = linear.clone();
        quadratic = DiffusionOperator.copy(quadratic);
    }

    /** ∂Φ̄/∂q_a (a copy). */
    @Override
    public Superoperator[] linear() { return linear.clone(); }

    /** ½∂²Φ̄/∂q_a∂q_b (a copy). */
    @Override
    public Superoperator[][] quadratic() { return DiffusionOperator.copy(quadratic); }

    /** Φ̄₀ + ωΦ̄_ω + q_aΦ̄_a + q_aq_bΦ̄_ab. */
    public Superoperator at(double[] q, double omega) {
        Superoperator out = phiOmega == null ? phi0 : phi0.plus(phiOmega.scale(omega));
        for (int a = 0; a < linear.length; a++) {
            out = out.plus(linear[a].scale(q[a]));
            for (int b = 0; b < linear.length; b++) out = out.plus(quadratic[a][b].scale(q[a] * q[b]));
        }
        return out;
    }

    /**
     * The kinetic operator K = (1 − I)Φ̄⁻¹ (seed 000 Sec. I.F) expanded to the same order, for a rung I linear in Φ̄:
     * with A = Φ̄₀⁻¹, K₀ = (1 − I₀)A, K_x = −(1 − I₀)AΦ̄_xA − I[Φ̄_x]A for x = ω, a, and
     * K_ab = −(1 − I₀)AΦ̄_abA − I[Φ̄_ab]A + ½[(1 − I₀)A(Φ̄_aAΦ̄_b + Φ̄_bAΦ̄_a)A + I[Φ̄_a]AΦ̄_bA + I[Φ̄_b]AΦ̄_aA]
     * (for the conserving rung I = ΓΦ̄ this is the expansion of Φ̄⁻¹ − Γ).
     */
    public Kinetic kinetic(Rung rung) {
        KineticTerms t = new KineticTerms(rung);
        int d = linear.length;
        Superoperator[][] kq = new Superoperator[d][d];
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++) kq[i][j] = kq[j][i] = t.quadratic(i, j);
        Superoperator[] kl = new Superoperator[d];
        for (int i = 0; i < d; i++) kl[i] = t.linear(i);
        return new Kinetic(t.ia, t.kw, kl, kq);
    }

    /**
     * The terms of {@link #kinetic} with the q_aq_b coefficients one pair at a time ({@link #quadratic}), so that a caller
     * needing only the diagonal (a diffusion constant along an axis) computes no off-diagonal pair. K = (1 − I)Φ̄⁻¹
     * expanded (seed 000 Eqs. 5–10, 2; the expansion row of docs/equations.md).
     */
    final class KineticTerms {
        final Rung rung;
        /** A = Φ̄₀⁻¹, 1 − I₀, K₀ = (1 − I₀)A, K_ω. */
        final Superoperator a, oneMinusI0, ia, kw;
        private final Superoperator[] kl, aPhiA, iLinearA;

        KineticTerms(Rung rung) {
            this.rung = rung;
            int d = linear.length;
            a = phi0.inverse();
            oneMinusI0 = rung.collision(phi0).oneMinus();
            ia = oneMinusI0.compose(a);
            kw = phiOmega == null ? null : first(rung, ia, a, phiOmega);
            kl = new Superoperator[d];
            aPhiA = new Superoperator[d];
            iLinearA = new Superoperator[d];
        }

        /** K_a, with the axis's I[Φ̄_a]A and Φ̄_aA (computed on first use). */
        Superoperator linear(int i) {
            if (kl[i] == null) {
                iLinearA[i] = rung.collision(linear[i]).compose(a);                 // I[Φ̄_a]A
                kl[i] = first(ia, a, linear[i], iLinearA[i]);
                aPhiA[i] = linear[i].compose(a);
            }
            return kl[i];
        }

        /** K_ab (see {@link #kinetic}). */
        Superoperator quadratic(int i, int j) {
            linear(i);
            linear(j);
            Superoperator second = first(rung, ia, a, BubbleExpansion.this.quadratic[i][j]);
            Superoperator cross = ia.compose(aPhiA[i].compose(aPhiA[j]).plus(aPhiA[j].compose(aPhiA[i])))
                    .plus(iLinearA[i].compose(aPhiA[j]))
                    .plus(iLinearA[j].compose(aPhiA[i]));
            return second.plus(cross.scale(0.5));
        }
    }

    /** −(1 − I₀)AΦ̄_xA − I[Φ̄_x]A. */
    private static Superoperator first(Rung rung, Superoperator ia, Superoperator a, Superoperator phiX) {
        return first(ia, a, phiX, rung.collision(phiX).compose(a));
    }

    /** −(1 − I₀)AΦ̄_xA − I[Φ̄_x]A with I[Φ̄_x]A given. */
    private static Superoperator first(Superoperator ia, Superoperator a, Superoperator phiX, Superoperator iXA) {
        return ia.compose(phiX).compose(a).plus(iXA).scale(-1);
    }

    /** K ≈ K₀ + ωK_ω + q_aK_a + q_aq_bK_ab. */
    public record Kinetic(Superoperator k0, Superoperator kOmega, Superoperator[] linear, Superoperator[][] quadratic) {
        /** Copies the tables in and out (a record of immutable values). */
        public Kinetic {
            linear = linear.clone();
            quadratic = DiffusionOperator.copy(quadratic);
        }

        @Override
        public Superoperator[] linear() { return linear.clone(); }

        @Override
        public Superoperator[][] quadratic() { return DiffusionOperator.copy(quadratic); }
    }

    // ---- the k-sum ----

    /**
     * One k-sum at q = 0 for the expansion at (z1, Σ1, Σ1′; z2, Σ2); {@code symmetric} allows the radial reduction of a
     * rotation-covariant 2D model (false forces the full grid, for the test of the reduction).
     */
    static BubbleExpansion compute(Bubble bubble, Energy e1, CMatrix sigma1, CMatrix dSigma1, Energy e2, CMatrix sigma2, boolean symmetric) {
        KSpace space = bubble.space();
        KGrid grid = space.grid();
        Hamiltonian h = space.hamiltonian();
        int n = h.dim(), d = grid.spaceDim();
        // the radial reduction needs G rotation-covariant: H covariant (the hint) and Σ1, Σ2 commuting with J
        boolean radial = symmetric && bubble.reducible() && d == 2
                && Bubble.commutesWithJ(h.isotropy(), n, sigma1.toArray()) && Bubble.commutesWithJ(h.isotropy(), n, sigma2.toArray());
        int m = 2 * n * n * n * n, blocks = 2 + d + d * (d + 1) / 2;
        double[] s1 = sigma1.toArray(), s2 = sigma2.toArray(), ds1 = dSigma1 == null ? null : dSigma1.toArray();
        double z1r = e1.re(), z1i = e1.im(), z2r = e2.re(), z2i = e2.im();
        Hamiltonian[] curv = curvature(h, d);
        double[] acc = new double[blocks * m];
        boolean adjoint = z2r == z1r && z2i == -z1i && sigma2.equals(sigma1.dagger());
        // n = 2: the closed-form kernel; for the RA pair (G2 = G1†) only one entry of each conjugate pair of Φ̄_a, Φ̄_ab
        // (Entries.halved, lists kept per generator), the other filled in after the sum
        Entries half = radial && n == 2 && adjoint ? Entries.halvedByHarmonic(n, h.isotropy()) : null;
        Entries entries = half != null ? half : radial ? Entries.byHarmonic(n, h.isotropy()) : Entries.all(n);
        if (radial) {
            double[] hTab = space.radialTable();
            // n = 2 (Σ1, Σ2 commute with the rotation generator J, checked above): the ∂_y derivatives on the k_x axis by
            // rotation (no v_y table)
            double[] delta = n == 2 ? rotationCharges(h.isotropy()) : null;
            int dv = delta != null ? 1 : d;
            int nn = 2 * n * n;
            // a curvature constant along the axis (degree 0, e.g. 1/m) is evaluated once per task, not per node
            boolean constant = constantOnAxis(curv);
            KSum.sum(grid.radialSize(), KSum.CHUNK, acc.length, () -> {
                Work w = new Work(n, d, adjoint);
                if (constant) second(h, curv, d, 0, 0, 0, true, w);
                return w;
            }, (from, to, part, w) -> {
                for (int r = from; r < to; r++) {
                    double k = grid.radialNode(r);
                    System.arraycopy(hTab, r * nn, w.h, 0, nn);
                    // v_a on the axis by the call KSpace.radialVelocityTable makes (no table for one pass over the nodes)
                    for (int a = 0; a < dv; a++) GradientHamiltonian.velocityAxis(h, a, k, w.buf, w.v[a]);
                    if (!constant) second(h, curv, d, k, 0, 0, true, w);
                    if (n == 2) point2(k, delta, grid.radialWeight(r), z1r, z1i, s1, ds1, z2r, z2i, s2, part, w, entries);
                    else point(n, d, grid.radialWeight(r), z1r, z1i, s1, ds1, z2r, z2i, s2, part, w, entries);
                }
            }, acc, true);
            if (half != null) half.fillPartners(acc, m);
            return project(h.isotropy(), n, acc, dSigma1 != null);
        }
        int nn = 2 * n * n;
        double[] hTab = space.fullTable();
        KSum.sum(grid.size(), KSum.CHUNK, acc.length, () -> new Work(n, d, adjoint), (from, to, part, w) -> {
            for (int i = from; i < to; i++) {
                double kx = grid.kx(i), ky = grid.ky(i), kz = grid.kz(i);
                System.arraycopy(hTab, i * nn, w.h, 0, nn);
                for (int a = 0; a < d; a++) GradientHamiltonian.velocity(h, a, kx, ky, kz, w.buf, w.v[a]);
                second(h, curv, d, kx, ky, kz, false, w);
                point(n, d, grid.weight(i), z1r, z1i, s1, ds1, z2r, z2i, s2, part, w, entries);
            }
        }, acc, true);
        return assemble(n, d, acc, dSigma1 != null);
    }

    /** Scratch of one task: H, v_a, w_ab, the two G, their first and second k-derivatives, products. */
    private static final class Work {
        final double[] h, g1, g2, gg1, gg2, t, u, gdot, buf;
        /** n = 2, d = 2 ({@link #point2}): the matrices of each side as 2×2 blocks at the offsets {@link #G} … {@link #TMP}. */
        final double[] x1 = new double[BLOCKS], x2 = new double[BLOCKS];
        /** G2 = G1† (RA pair at a real energy): the z2 side is the adjoint of the z1 side. */
        final boolean adjoint;
        final double[][] v, w, t1, t2, d1, d2, dd1, dd2;
        final GreenWorkspace green;

        Work(int n, int d, boolean adjoint) {
            this.adjoint = adjoint;
            int nn = 2 * n * n, pairs = d * (d + 1) / 2;
            h = new double[nn]; g1 = new double[nn]; g2 = new double[nn]; gg1 = new double[nn]; gg2 = new double[nn]; t = new double[nn]; u = new double[nn]; gdot = new double[nn];
            buf = new double[4 * nn];
            v = new double[d][nn]; t1 = new double[d][nn]; t2 = new double[d][nn]; d1 = new double[d][nn]; d2 = new double[d][nn];
            w = new double[pairs][nn]; dd1 = new double[pairs][nn]; dd2 = new double[pairs][nn];
            green = new GreenWorkspace(n);
        }
    }

    /** Index of the pair a ≤ b in the packed list (00, 01, …, 0d−1, 11, …). */
    static int pair(int a, int b, int d) {
        if (a > b) { int x = a; a = b; b = x; }
        return a * d - a * (a - 1) / 2 + (b - a);
    }

    /**
     * The entries of each block a k-point must update: with the radial reduction only the harmonics the angular
     * average keeps (Φ̄₀, Φ̄_ω: m = 0; Φ̄_a: |m| = 1; Φ̄_ab: m ∈ {0, ±2}; see {@link #angularWeights}), otherwise all.
     * Entry e of G2ᵀ⊗G1 is G1[a][c]·G2[d][b] at (a + nb, c + nd); stored as (offset in acc, offset of G1[a][c], of G2[d][b]).
     */
    record Entries(int[] zero, int[] linear, int[] quadratic, int[] mixed, int[] partners) {
        static Entries all(int n) { int[] e = select(n, null, -1); return new Entries(e, e, e, e, null); }

        /**
         * For the RA pair at a real energy (G2 = G1†, ∂G2 = (∂G1)†, ∂²G2 = (∂²G1)†): Φ̄_a[X]† = −Φ̄_a[X†] and
         * Φ̄_ab[X]† = Φ̄_ab[X†], i.e. the entry (ba),(dc) of Φ̄_a is −conj of the entry (ab),(cd), of Φ̄_ab its conj. The
         * lists of Φ̄_a, Φ̄_ab keep one entry of each such pair (and the self-paired a = b, c = d); {@link #fillPartners}
         * writes the others after the sum. Φ̄₀ and Φ̄_ω keep every entry (Φ̄₀ stays the q = 0 bubble bit for bit).
         * {@code partners}: (offset kept, offset filled) pairs within a block, for the Φ̄_a lists then a −1, then Φ̄_aa, −1,
         * then Φ̄_ab (a ≠ b), −1. (Φ̄_a, Φ̄_ab: seed 000 Eqs. 5–10; the expansion row of docs/equations.md.)
         */
        static Entries halved(Entries e, int n) {
            java.util.List<Integer> pairs = new java.util.ArrayList<>();
            int[] lin = keep(e.linear, n, pairs);
            pairs.add(-1);
            int[] quad = keep(e.quadratic, n, pairs);
            pairs.add(-1);
            int[] mix = keep(e.mixed, n, pairs);
            pairs.add(-1);
            return new Entries(e.zero, lin, quad, mix, pairs.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The entries (ab),(cd) of the list with (ab),(cd) ≤ (ba),(dc) in offset order; the pairs kept→filled into out. */
        private static int[] keep(int[] list, int n, java.util.List<Integer> pairs) {
            int n2 = n * n;
            java.util.List<int[]> l = new java.util.ArrayList<>();
            for (int i = 0; i < list.length; i += 3) {
                int o = list[i] / 2, row = o / n2, col = o % n2;          // row = a + nb, col = c + nd
                int a = row % n, b = row / n, c = col % n, dd = col / n;
                int p = 2 * ((b + n * a) * n2 + dd + n * c);
                if (p < list[i]) continue;
                l.add(new int[]{list[i], list[i + 1], list[i + 2]});
                if (p != list[i]) { pairs.add(list[i]); pairs.add(p); }
            }
            int[] out = new int[3 * l.size()];
            for (int i = 0; i < l.size(); i++) System.arraycopy(l.get(i), 0, out, 3 * i, 3);
            return out;
        }

        /** Writes the partner entries of {@link #halved} into the blocks of acc (2D: Φ̄_x, Φ̄_y; Φ̄_xx, Φ̄_yy; Φ̄_xy). */
        void fillPartners(double[] acc, int m) {
            int i = 0;
            for (int group = 0; group < 3; group++, i++) {
                int[] blocks = group == 0 ? new int[]{2, 3} : group == 1 ? new int[]{4, 6} : new int[]{5};
                double sign = group == 0 ? -1 : 1;                            // Φ̄_a: −conj, Φ̄_ab: conj
                for (; partners[i] >= 0; i += 2)
                    for (int blk : blocks) {
                        int o = blk * m + partners[i], p = blk * m + partners[i + 1];
                        acc[p] = sign * acc[o];
                        acc[p + 1] = -sign * acc[o + 1];
                    }
            }
        }

        /** {@link #halved} of {@link #byHarmonic}, kept per (n, j) (read-only lists). */
        static Entries halvedByHarmonic(int n, Isotropy iso) {
            double[] j = iso.kind() == Isotropy.Kind.FULL ? new double[n] : iso.j();
            return HALVED.computeIfAbsent(n + ":" + java.util.Arrays.toString(j), key -> halved(byHarmonic(n, iso), n));
        }

        private static final Map<String, Entries> HALVED = new java.util.concurrent.ConcurrentHashMap<>();

        /**
         * The radial reduction's lists; {@code mixed} for Φ̄_ab with a ≠ b: its axis sum S_xy enters every Φ̄_bd only
         * through ⟨e^{−imθ}(R_0bR_1d + R_1bR_0d)⟩, which vanishes at m = 0 (cos 2θ, sin 2θ have no mean), so |m| = 2 only.
         */
        static Entries byHarmonic(int n, Isotropy iso) {
            double[] j = iso.kind() == Isotropy.Kind.FULL ? new double[n] : iso.j();
            return new Entries(select(n, j, 0), select(n, j, 1), select(n, j, 2), select(n, j, 3), null);
        }

        /** kind −1: all; 0: m = 0; 1: |m| = 1; 2: m ∈ {0, ±2}; 3: |m| = 2. */
        private static int[] select(int n, double[] j, int kind) {
            java.util.List<int[]> l = new java.util.ArrayList<>();
            int n2 = n * n;
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                    for (int c = 0; c < n; c++)
                        for (int dd = 0; dd < n; dd++) {
                            if (kind >= 0) {
                                long m = Math.round(Math.abs((j[a] - j[b]) - (j[c] - j[dd])));
                                if (kind == 0 ? m != 0 : kind == 1 ? m != 1 : kind == 3 ? m != 2 : (m != 0 && m != 2)) continue;
                            }
                            l.add(new int[]{2 * ((a + n * b) * n2 + c + n * dd), 2 * (a * n + c), 2 * (dd * n + b)});
                        }
            int[] out = new int[3 * l.size()];
            for (int i = 0; i < l.size(); i++) System.arraycopy(l.get(i), 0, out, 3 * i, 3);
            return out;
        }
    }

    /** Adds one k-point's integrands, weighted by wt, into acc (blocks: Φ̄₀, Φ̄_ω, Φ̄_a, Φ̄_ab for a ≤ b). */
    private static void point(int n, int d, double wt, double z1r, double z1i, double[] s1, double[] ds1, double z2r, double z2i,
                              double[] s2, double[] acc, Work w, Entries entries) {
        int m = 2 * n * n * n * n, nn = 2 * n * n;
        // RA at real E (z2 = z1*, Σ2 = Σ1†): G2 = G1†, and with v_a, w_ab Hermitian ∂_aG2 = (∂_aG1)†, ∂_a∂_bG2 = (∂_a∂_bG1)†
        // (for n = 2 the closed-form inverse of the adjoint matrix is the adjoint of the inverse bit for bit, same products;
        // for n > 2 they agree to rounding)
        boolean adjoint = w.adjoint;
        if (!w.green.invert(w.h, 0, z1r, z1i, s1, w.g1) || !(adjoint || w.green.invert(w.h, 0, z2r, z2i, s2, w.g2)))
            throw new DiffusonException("energy", "z − H(k) − Σ is singular at a grid point", "add broadening or move z off the real axis");
        if (adjoint) GreenWorkspace.dagger(w.g1, n, w.g2);
        for (int a = 0; a < d; a++) {
            ZOps.mult(w.v[a], n, n, w.g1, n, w.t1[a]);       // T_a = v_a G1
            ZOps.mult(w.g1, n, n, w.t1[a], n, w.d1[a]);      // ∂_aG1 = G1 T_a
            if (adjoint) GreenWorkspace.dagger(w.d1[a], n, w.d2[a]);
            else {
                ZOps.mult(w.v[a], n, n, w.g2, n, w.t2[a]);
                ZOps.mult(w.g2, n, n, w.t2[a], n, w.d2[a]);  // ∂_aG2
            }
        }
        ZOps.mult(w.g1, n, n, w.g1, n, w.gg1);
        if (!adjoint) ZOps.mult(w.g2, n, n, w.g2, n, w.gg2);
        for (int a = 0; a < d; a++)
            for (int b = a; b < d; b++) {
                int p = pair(a, b, d);
                double c = scalar(w.w[p], n);
                secondDerivative(n, a == b, w.g1, w.gg1, w.t1[a], w.t1[b], w.d1[a], w.d1[b], w.w[p], c, w.t, w.u, w.dd1[p]);
                if (adjoint) GreenWorkspace.dagger(w.dd1[p], n, w.dd2[p]);
                else secondDerivative(n, a == b, w.g2, w.gg2, w.t2[a], w.t2[b], w.d2[a], w.d2[b], w.w[p], c, w.t, w.u, w.dd2[p]);
            }
        double[] g1 = w.g1, g2 = w.g2;
        if (ds1 != null) {
            // Ġ1 = −G1(1 − Σ1′)G1 = G1Σ1′G1 − G1G1
            ZOps.mult(ds1, n, n, g1, n, w.t);
            ZOps.mult(g1, n, n, w.t, n, w.gdot);
            for (int e = 0; e < nn; e++) w.gdot[e] -= w.gg1[e];
        }
        int[] z = entries.zero();
        for (int i = 0; i < z.length; i += 3) {
            int o = z[i], x = z[i + 1], y = z[i + 2];
            // the operations of Bubble.kron2, so that Φ̄₀ is the q = 0 bubble bit for bit
            double ar = g1[x] * wt, ai = g1[x + 1] * wt;
            acc[o] += ar * g2[y] - ai * g2[y + 1];
            acc[o + 1] += ar * g2[y + 1] + ai * g2[y];
            if (ds1 != null) {
                double[] gd = w.gdot;
                double cr = gd[x] * wt, ci = gd[x + 1] * wt;
                acc[m + o] += cr * g2[y] - ci * g2[y + 1];
                acc[m + o + 1] += cr * g2[y + 1] + ci * g2[y];
            }
        }
        int[] l1 = entries.linear();
        double half = 0.5 * wt, eighth = 0.125 * wt;
        for (int a = 0; a < d; a++) {
            double[] da = w.d1[a], ea = w.d2[a];
            int ob = (2 + a) * m;
            for (int i = 0; i < l1.length; i += 3) {
                int o = ob + l1[i], x = l1[i + 1], y = l1[i + 2];
                // ½(∂_aG1[a][c]·G2[d][b] − G1[a][c]·∂_aG2[d][b])
                double re = da[x] * g2[y] - da[x + 1] * g2[y + 1] - (g1[x] * ea[y] - g1[x + 1] * ea[y + 1]);
                double im = da[x] * g2[y + 1] + da[x + 1] * g2[y] - (g1[x] * ea[y + 1] + g1[x + 1] * ea[y]);
                acc[o] += half * re;
                acc[o + 1] += half * im;
            }
        }
        for (int a = 0; a < d; a++)
            for (int b = a; b < d; b++) {
                int p = pair(a, b, d), ob = (2 + d + p) * m;
                int[] l2 = a == b ? entries.quadratic() : entries.mixed();
                double[] p1 = w.dd1[p], p2 = w.dd2[p], da = w.d1[a], db = w.d1[b], ea = w.d2[a], eb = w.d2[b];
                for (int i = 0; i < l2.length; i += 3) {
                    int o = ob + l2[i], x = l2[i + 1], y = l2[i + 2];
                    // ⅛(∂²G1·G2 + G1·∂²G2 − ∂_aG1·∂_bG2 − ∂_bG1·∂_aG2), entry [a][c]·[d][b]
                    double re = p1[x] * g2[y] - p1[x + 1] * g2[y + 1] + g1[x] * p2[y] - g1[x + 1] * p2[y + 1]
                            - (da[x] * eb[y] - da[x + 1] * eb[y + 1]) - (db[x] * ea[y] - db[x + 1] * ea[y + 1]);
                    double im = p1[x] * g2[y + 1] + p1[x + 1] * g2[y] + g1[x] * p2[y + 1] + g1[x + 1] * p2[y]
                            - (da[x] * eb[y + 1] + da[x + 1] * eb[y]) - (db[x] * ea[y + 1] + db[x + 1] * ea[y]);
                    acc[o] += eighth * re;
                    acc[o + 1] += eighth * im;
                }
            }
    }

    /** Offsets of the 2×2 blocks in {@link Work#x1}/{@link Work#x2}: G, Ġ, ∂_xG, ∂_yG, ∂²_xxG, ∂²_xyG, ∂²_yyG, T_x, T_y, GG, scratch. */
    private static final int G = 0, GDOT = 8, D = 16, DD = 32, T = 56, GG = 72, TMP = 80, BLOCKS = 88;

    /**
     * {@link #point} for n = 2, d = 2 (the radial reduction): the same 2×2 products in the same order on flat blocks
     * (every matrix equal to {@link #point}'s bit for bit), and the entry sums over the lists of {@code entries} — for
     * the RA pair the halved lists of {@link Entries#halved}; the cross term of Φ̄_xx enters as −2∂_xG1·∂_xG2.
     */
    private static void point2(double k, double[] delta, double wt, double z1r, double z1i, double[] s1, double[] ds1, double z2r, double z2i,
                               double[] s2, double[] acc, Work w, Entries entries) {
        int m = 32;
        boolean adjoint = w.adjoint;
        double[] x = w.x1, y = w.x2;
        if (!GreenWorkspace.inverse2(w.h, 0, z1r, z1i, s1, 1, x, G) || !(adjoint || GreenWorkspace.inverse2(w.h, 0, z2r, z2i, s2, 1, y, G)))
            throw new DiffusonException("energy", "z − H(k) − Σ is singular at a grid point", "add broadening or move z off the real axis");
        double c00 = scalar(w.w[0], 2);
        derivatives2(x, w, c00);
        if (adjoint) {
            // G2 = G1† block by block (only G, ∂_xG, ∂²_xxG are read)
            GreenWorkspace.dagger2(x, G, y, G);
            GreenWorkspace.dagger2(x, D, y, D);
            GreenWorkspace.dagger2(x, DD, y, DD);
        } else derivatives2(y, w, c00);
        if (ds1 != null) {
            // Ġ1 = −G1(1 − Σ1′)G1 = G1Σ1′G1 − G1G1
            ZOps.mult2(ds1, 0, x, G, x, TMP);
            ZOps.mult2(x, G, x, TMP, x, GDOT);
            for (int e = 0; e < 8; e++) x[GDOT + e] -= x[GG + e];
        }
        int[] z = entries.zero();
        for (int i = 0; i < z.length; i += 3) {
            int o = z[i], xi = G + z[i + 1], yi = G + z[i + 2];
            // the operations of Bubble.kron2, so that Φ̄₀ is the q = 0 bubble bit for bit
            double ar = x[xi] * wt, ai = x[xi + 1] * wt, br = y[yi], bi = y[yi + 1];
            acc[o] += ar * br - ai * bi;
            acc[o + 1] += ar * bi + ai * br;
            if (ds1 != null) {
                double cr = x[xi + GDOT] * wt, ci = x[xi + GDOT + 1] * wt;
                acc[m + o] += cr * br - ci * bi;
                acc[m + o + 1] += cr * bi + ci * br;
            }
        }
        int[] l1 = entries.linear();
        double half = 0.5 * wt, eighth = 0.125 * wt;
        {   // the x axis; the y blocks follow by the rotation generator ({@link #yByRotation})
            int da = D, ob = 2 * m;
            for (int i = 0; i < l1.length; i += 3) {
                int o = ob + l1[i], xi = l1[i + 1], yi = l1[i + 2];
                double g1r = x[xi], g1i = x[xi + 1], g2r = y[yi], g2i = y[yi + 1];
                double d1r = x[da + xi], d1i = x[da + xi + 1], d2r = y[da + yi], d2i = y[da + yi + 1];
                // ½(∂_aG1[a][c]·G2[d][b] − G1[a][c]·∂_aG2[d][b])
                acc[o] += half * (d1r * g2r - d1i * g2i - (g1r * d2r - g1i * d2i));
                acc[o + 1] += half * (d1r * g2i + d1i * g2r - (g1r * d2i + g1i * d2r));
            }
        }
        int[] l2 = entries.quadratic();
        {
            int da = D, pa = DD + 8 * pair(0, 0, 2), ob = (4 + pair(0, 0, 2)) * m;
            for (int i = 0; i < l2.length; i += 3) {
                int o = ob + l2[i], xi = l2[i + 1], yi = l2[i + 2];
                double g1r = x[xi], g1i = x[xi + 1], g2r = y[yi], g2i = y[yi + 1];
                double p1r = x[pa + xi], p1i = x[pa + xi + 1], p2r = y[pa + yi], p2i = y[pa + yi + 1];
                double d1r = x[da + xi], d1i = x[da + xi + 1], d2r = y[da + yi], d2i = y[da + yi + 1];
                // ⅛(∂²G1·G2 + G1·∂²G2 − 2∂_aG1·∂_aG2), entry [a][c]·[d][b]
                acc[o] += eighth * (p1r * g2r - p1i * g2i + g1r * p2r - g1i * p2i - 2 * (d1r * d2r - d1i * d2i));
                acc[o + 1] += eighth * (p1r * g2i + p1i * g2r + g1r * p2i + g1i * p2r - 2 * (d1r * d2i + d1i * d2r));
            }
        }
        yByRotation(k, delta, half, eighth, x, y, acc, l1, l2, entries.mixed());
    }

    /**
     * The y blocks of {@link #point2} on the k_x axis when G1, G2 are rotation-covariant ({@link #derivatives2}):
     * with ∂_yG = −iδG/k, ∂²_yyG = ∂_xG/k − δ²G/k², ∂²_xyG = −iδ(∂_xG/k − G/k²) per entry (δ₁ = j_a − j_c of G1[a][c],
     * δ₂ = j_d − j_b of G2[d][b], m = δ₁ − δ₂ the entry's harmonic) and P = ∂_xG1·G2, Q = G1·∂_xG2, R = G1·G2:
     * Φ̄_y = −(im/2k)R, Φ̄_yy = ⅛[(P + Q)/k − m²R/k²], Φ̄_xy = ⅛[−(im/k)(P − Q) + i(δ₁ + δ₂)R/k²] — the same sums as the
     * products with ∂_yG, ∂²G (equal to rounding), from at most three products per entry.
     */
    private static void yByRotation(double k, double[] delta, double half, double eighth, double[] x, double[] y, double[] acc,
                                    int[] l1, int[] l2, int[] l3) {
        int m = 32;
        double ik = 1 / k, ik2 = ik * ik;
        for (int i = 0; i < l1.length; i += 3) {
            int o = 3 * m + l1[i], xi = l1[i + 1], yi = l1[i + 2];
            double g1r = x[xi], g1i = x[xi + 1], g2r = y[yi], g2i = y[yi + 1];
            double rr = g1r * g2r - g1i * g2i, ri = g1r * g2i + g1i * g2r;
            double f = half * (delta[xi >> 1] - delta[yi >> 1]) * ik;   // −(im/2k)·wt·R
            acc[o] += f * ri;
            acc[o + 1] -= f * rr;
        }
        int ob = (4 + pair(1, 1, 2)) * m;
        for (int i = 0; i < l2.length; i += 3) {
            int o = ob + l2[i], xi = l2[i + 1], yi = l2[i + 2];
            double g1r = x[xi], g1i = x[xi + 1], g2r = y[yi], g2i = y[yi + 1];
            double d1r = x[D + xi], d1i = x[D + xi + 1], d2r = y[D + yi], d2i = y[D + yi + 1];
            double mm = delta[xi >> 1] - delta[yi >> 1], c = mm * mm * ik2;
            double pqr = d1r * g2r - d1i * g2i + g1r * d2r - g1i * d2i, pqi = d1r * g2i + d1i * g2r + g1r * d2i + g1i * d2r;
            if (c == 0) {                                   // m = 0: no R term
                acc[o] += eighth * (pqr * ik);
                acc[o + 1] += eighth * (pqi * ik);
                continue;
            }
            double rr = g1r * g2r - g1i * g2i, ri = g1r * g2i + g1i * g2r;
            acc[o] += eighth * (pqr * ik - c * rr);
            acc[o + 1] += eighth * (pqi * ik - c * ri);
        }
        ob = (4 + pair(0, 1, 2)) * m;
        for (int i = 0; i < l3.length; i += 3) {
            int o = ob + l3[i], xi = l3[i + 1], yi = l3[i + 2];
            double g1r = x[xi], g1i = x[xi + 1], g2r = y[yi], g2i = y[yi + 1];
            double d1r = x[D + xi], d1i = x[D + xi + 1], d2r = y[D + yi], d2i = y[D + yi + 1];
            double dx = delta[xi >> 1], dy = delta[yi >> 1], a = (dx - dy) * ik, b = (dx + dy) * ik2;
            double pqr = d1r * g2r - d1i * g2i - (g1r * d2r - g1i * d2i), pqi = d1r * g2i + d1i * g2r - (g1r * d2i + g1i * d2r);
            double rr = g1r * g2r - g1i * g2i, ri = g1r * g2i + g1i * g2r;
            // −i·a·(P − Q) + i·b·R
            acc[o] += eighth * (a * pqi - b * ri);
            acc[o + 1] += eighth * (b * rr - a * pqr);
        }
    }

    /**
     * One side's k-derivatives for n = 2, d = 2 on the k_x axis into the blocks of x (G given at {@link #G}): T_x = v_xG,
     * ∂_xG = GT_x, GG and ∂²_xxG = 2∂_xG·T_x + G w_xx G by {@link #secondDerivative}'s operations (c00: the curvature's
     * scalar, NaN if not scalar). The y-derivatives follow from rotation covariance, which holds because the model is
     * covariant (the isotropy hint) and Σ commutes with the generator J = diag(j) ({@link Bubble#commutesWithJ}, checked
     * by {@link #compute}): G(R_θk) = U_θG(k)U_θ†, U_θ = e^{−iJθ}, so ∂_θG = −i[J, G] and ∂²_θG = −[J, [J, G]], and in
     * polar coordinates at (k, 0): ∂_yG = ∂_θG/k, ∂²_yyG = ∂_kG/k + ∂²_θG/k², ∂²_xyG = ∂_k∂_θG/k − ∂_θG/k². Entry-wise,
     * with δ_ac = j_a − j_c: ∂_yG_ac = −iδG_ac/k, ∂²_yyG_ac = ∂_xG_ac/k − δ²G_ac/k², ∂²_xyG_ac = −iδ(∂_xG_ac/k − G_ac/k²),
     * which {@link #yByRotation} folds into the entry sums (the k-derivatives of G in the bubble's expansion, seed 000
     * Eqs. 5–7; docs/equations.md, the row of the radial reduction). Equal to the products with the exact v_y, w_xy, w_yy
     * to rounding ({@code BubbleExpansionTest.radialReductionEqualsFullGridSum}).
     */
    private static void derivatives2(double[] x, Work w, double c00) {
        ZOps.mult2(w.v[0], 0, x, G, x, T);                 // T_x = v_x G
        ZOps.mult2(x, G, x, T, x, D);                      // ∂_xG = G T_x
        ZOps.mult2(x, G, x, G, x, GG);
        int xx = DD + 8 * pair(0, 0, 2);
        ZOps.mult2(x, D, x, T, x, xx);
        for (int e = 0; e < 8; e++) x[xx + e] *= 2;
        if (!Double.isNaN(c00)) {
            if (c00 != 0) for (int e = 0; e < 8; e++) x[xx + e] += c00 * x[GG + e];
        } else {
            ZOps.mult2(w.w[0], 0, x, G, w.u, 0);
            ZOps.mult2(x, G, w.u, 0, x, TMP);
            for (int e = 0; e < 8; e++) x[xx + e] += x[TMP + e];
        }
    }

    /**
     * δ_e = j_a − j_c for the entries e = (a, c) of a 2×2 matrix (the radial reduction, chosen only when Σ1 and Σ2
     * commute with J, so that G's rotation covariance holds).
     */
    private static double[] rotationCharges(Isotropy iso) {
        double[] j = iso.kind() == Isotropy.Kind.FULL ? new double[2] : iso.j();
        double[] delta = new double[4];
        for (int a = 0; a < 2; a++)
            for (int c = 0; c < 2; c++) {
                double dl = j[a] - j[c];
                delta[a * 2 + c] = Math.abs(dl) > 1e-12 ? dl : 0;
            }
        return delta;
    }

    /**
     * out ← ∂_a∂_bG = G v_a G v_b G + G v_b G v_a G + G w_ab G = ∂_aG·T_b + ∂_bG·T_a + G w_ab G, with T_a = v_aG; for a
     * curvature w_ab = c·1 (c not NaN) the last term is c·GG.
     */
    private static void secondDerivative(int n, boolean diagonal, double[] g, double[] gg, double[] ta, double[] tb, double[] dga, double[] dgb,
                                         double[] wab, double c, double[] t, double[] u, double[] out) {
        int nn = 2 * n * n;
        ZOps.mult(dga, n, n, tb, n, out);
        if (diagonal) for (int e = 0; e < nn; e++) out[e] *= 2;
        else {
            ZOps.mult(dgb, n, n, ta, n, t);
            for (int e = 0; e < nn; e++) out[e] += t[e];
        }
        if (!Double.isNaN(c)) {
            if (c != 0) for (int e = 0; e < nn; e++) out[e] += c * gg[e];
            return;
        }
        ZOps.mult(wab, n, n, g, n, u);
        ZOps.mult(g, n, n, u, n, t);
        for (int e = 0; e < nn; e++) out[e] += t[e];
    }

    /** c if the n×n matrix is c·1 with c real, NaN otherwise. */
    private static double scalar(double[] m, int n) {
        double c = m[0];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                int e = 2 * (i * n + j);
                if (m[e + 1] != 0 || m[e] != (i == j ? c : 0)) return Double.NaN;
            }
        return c;
    }

    /**
     * Symbolic second derivatives ∂_a∂_bH (a ≤ b, packed) of a builder model; null otherwise. Kept per term list
     * (shared by every {@code with(...)} of a preset, compared by identity) and parameter values, so that a model
     * built again per call does not differentiate again (the last 32).
     */
    private record CurvatureKey(List<TermHamiltonian.Term> terms, Map<String, Double> values) {
        @Override public boolean equals(Object o) { return o instanceof CurvatureKey k && k.terms == terms && k.values.equals(values); }
        @Override public int hashCode() { return 31 * System.identityHashCode(terms) + values.hashCode(); }
    }

    private static final Map<CurvatureKey, Hamiltonian[]> CURVATURE = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<CurvatureKey, Hamiltonian[]> e) { return size() > 32; }
    });

    private static Hamiltonian[] curvature(Hamiltonian h, int d) {
        if (!(h instanceof TermHamiltonian t)) return null;
        return CURVATURE.computeIfAbsent(new CurvatureKey(t.terms(), t.parameters()), k -> {
            Hamiltonian[] out = new Hamiltonian[d * (d + 1) / 2];
            for (int a = 0; a < d; a++) {
                TermHamiltonian va = t.velocity(Axis.of(a));
                for (int b = a; b < d; b++) out[pair(a, b, d)] = va.velocity(Axis.of(b));
            }
            return out;
        });
    }

    /** True when every symbolic ∂_a∂_bH is a polynomial of degree 0 on the k_x axis (its Horner value is the constant). */
    private static boolean constantOnAxis(Hamiltonian[] curv) {
        if (curv == null) return false;
        for (Hamiltonian c : curv) {
            double[][] coeff = c instanceof TermHamiltonian t ? t.axisCoefficients() : null;
            if (coeff == null || coeff.length != 1) return false;
        }
        return true;
    }

    /**
     * w_ab = ∂_a∂_bH at k into w.w: exact for a builder model (its coefficients differentiated twice), otherwise the
     * library's 4th-order stencil applied to the velocity v_a along b (step 10⁻³(1 + |k|)).
     */
    private static void second(Hamiltonian h, Hamiltonian[] curv, int d, double kx, double ky, double kz, boolean axis, Work w) {
        int nn = w.h.length;
        for (int a = 0; a < d; a++)
            for (int b = a; b < d; b++) {
                double[] out = w.w[pair(a, b, d)];
                if (curv != null) {
                    if (axis) curv[pair(a, b, d)].evalAxis(kx, out, 0);      // Horner on the k_x axis (a copy if constant)
                    else curv[pair(a, b, d)].eval(kx, ky, kz, out, 0);
                    continue;
                }
                double step = 1e-3 * (1 + Math.abs(kx) + Math.abs(ky) + Math.abs(kz));
                java.util.Arrays.fill(out, 0);
                double[] c = {-2, -1, 1, 2}, f = {1, -8, 8, -1};
                for (int s = 0; s < 4; s++) {
                    double x = kx + (b == 0 ? c[s] * step : 0), y = ky + (b == 1 ? c[s] * step : 0), z = kz + (b == 2 ? c[s] * step : 0);
                    GradientHamiltonian.velocity(h, a, x, y, z, w.buf, w.u);
                    for (int e = 0; e < nn; e++) out[e] += f[s] * w.u[e] / (12 * step);
                }
            }
    }

    /** Lab-frame sums (full grid) into the record. */
    private static BubbleExpansion assemble(int n, int d, double[] acc, boolean omega) {
        int m = 2 * n * n * n * n;
        Superoperator[] lin = new Superoperator[d];
        Superoperator[][] quad = new Superoperator[d][d];
        for (int a = 0; a < d; a++) lin[a] = Superoperator.fromRaw(n, java.util.Arrays.copyOfRange(acc, (2 + a) * m, (3 + a) * m));
        for (int a = 0; a < d; a++)
            for (int b = a; b < d; b++) {
                int o = (2 + d + pair(a, b, d)) * m;
                quad[a][b] = quad[b][a] = Superoperator.fromRaw(n, java.util.Arrays.copyOfRange(acc, o, o + m));
            }
        return new BubbleExpansion(Superoperator.fromRaw(n, java.util.Arrays.copyOf(acc, m)),
                omega ? Superoperator.fromRaw(n, java.util.Arrays.copyOfRange(acc, m, 2 * m)) : null, lin, quad);
    }

    /**
     * The exact angular averages of a rotation-covariant 2D model from the axis sums: Φ̄₀, Φ̄_ω keep the entries with
     * m = 0; Φ̄_b = Σ_a W1(m)_ab S_a, Φ̄_bd = Σ_ac W2(m)_abcd S_ac (S the axis sums, W from {@link #angularWeights}).
     */
    private static BubbleExpansion project(Isotropy iso, int n, double[] acc, boolean omega) {
        int m = 2 * n * n * n * n, n2 = n * n, d = 2;
        double[] j = iso.kind() == Isotropy.Kind.FULL ? new double[n] : iso.j();
        double[] out = new double[(2 + d + d * d) * m];   // Φ̄₀, Φ̄_ω, Φ̄_x, Φ̄_y, Φ̄_xx, Φ̄_xy, Φ̄_yx, Φ̄_yy
        java.util.Map<Integer, double[][]> weights = new java.util.HashMap<>();
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                for (int c = 0; c < n; c++)
                    for (int dd = 0; dd < n; dd++) {
                        double mm = (j[a] - j[b]) - (j[c] - j[dd]);
                        int harmonic = (int) Math.round(mm);
                        if (Math.abs(mm - harmonic) > 1e-9)
                            throw new DiffusonException("model", "angular momenta j = " + java.util.Arrays.toString(j) + " give a non-integer harmonic " + mm,
                                    "use a model whose rotation generators differ by integers");
                        double[][] wgt = weights.computeIfAbsent(harmonic, BubbleExpansion::cachedAngularWeights);
                        int e = 2 * ((a + n * b) * n2 + c + n * dd);
                        if (harmonic == 0) {
                            out[e] = acc[e];
                            out[e + 1] = acc[e + 1];
                            out[m + e] = acc[m + e];
                            out[m + e + 1] = acc[m + e + 1];
                        }
                        // Φ̄_b = Σ_a W1_ab S_a (complex weight times complex sum)
                        for (int bb = 0; bb < 2; bb++) {
                            double re = 0, im = 0;
                            for (int aa = 0; aa < 2; aa++) {
                                double wr = wgt[0][2 * (aa * 2 + bb)], wi = wgt[0][2 * (aa * 2 + bb) + 1];
                                double sr = acc[(2 + aa) * m + e], si = acc[(2 + aa) * m + e + 1];
                                re += wr * sr - wi * si;
                                im += wr * si + wi * sr;
                            }
                            out[(2 + bb) * m + e] = re;
                            out[(2 + bb) * m + e + 1] = im;
                        }
                        // Φ̄_bd = Σ_ac W2_abcd S_ac
                        for (int bb = 0; bb < 2; bb++)
                            for (int db = 0; db < 2; db++) {
                                double re = 0, im = 0;
                                for (int aa = 0; aa < 2; aa++)
                                    for (int cc = 0; cc < 2; cc++) {
                                        int wIdx = 2 * (((aa * 2 + bb) * 2 + cc) * 2 + db);
                                        double wr = wgt[1][wIdx], wi = wgt[1][wIdx + 1];
                                        int o = (2 + 2 + pair(aa, cc, 2)) * m + e;
                                        double sr = acc[o], si = acc[o + 1];
                                        re += wr * sr - wi * si;
                                        im += wr * si + wi * sr;
                                    }
                                int o = (4 + bb * 2 + db) * m + e;
                                out[o] = re;
                                out[o + 1] = im;
                            }
                    }
        Superoperator[] lin = new Superoperator[2];
        Superoperator[][] quad = new Superoperator[2][2];
        for (int a = 0; a < 2; a++) lin[a] = Superoperator.fromRaw(n, java.util.Arrays.copyOfRange(out, (2 + a) * m, (3 + a) * m));
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++) quad[a][b] = Superoperator.fromRaw(n, java.util.Arrays.copyOfRange(out, (4 + 2 * a + b) * m, (5 + 2 * a + b) * m));
        return new BubbleExpansion(Superoperator.fromRaw(n, java.util.Arrays.copyOf(out, m)),
                omega ? Superoperator.fromRaw(n, java.util.Arrays.copyOfRange(out, m, 2 * m)) : null, lin, quad);
    }

    /**
     * W1_ab = ⟨e^{−imθ}R_ab(θ)⟩ and W2_abcd = ⟨e^{−imθ}R_ab(θ)R_cd(θ)⟩ over θ, R(θ) = R_{−θ} = [[cos θ, sin θ], [−sin θ, cos θ]]
     * (interleaved complex, W1 at [0][2(2a+b)], W2 at [1][2(((2a+b)2+c)2+d)]): N-point trapezoid rules with N a power of
     * two above |m| + 2, exact for these trigonometric polynomials of degree |m| + 2 (values below 1e-15 are exact zeros).
     */
    /** {@link #angularWeights} of |m| ≤ 8, computed once (read-only tables; the same numbers). */
    private static final double[][][] WEIGHTS = new double[17][][];
    static {
        for (int m = -8; m <= 8; m++) WEIGHTS[m + 8] = angularWeights(m);
    }

    private static double[][] cachedAngularWeights(int m) {
        return Math.abs(m) <= 8 ? WEIGHTS[m + 8] : angularWeights(m);
    }

    static double[][] angularWeights(int m) {
        int nAng = 8;
        while (nAng <= Math.abs(m) + 2) nAng *= 2;
        double[] w1 = new double[8], w2 = new double[32];
        for (int t = 0; t < nAng; t++) {
            double th = 2 * Math.PI * t / nAng, c = Math.cos(th), s = Math.sin(th);
            double er = Math.cos(m * th) / nAng, ei = -Math.sin(m * th) / nAng;
            double[] r = {c, s, -s, c};
            for (int ab = 0; ab < 4; ab++) {
                w1[2 * ab] += er * r[ab];
                w1[2 * ab + 1] += ei * r[ab];
                for (int cd = 0; cd < 4; cd++) {
                    w2[2 * (ab * 4 + cd)] += er * r[ab] * r[cd];
                    w2[2 * (ab * 4 + cd) + 1] += ei * r[ab] * r[cd];
                }
            }
        }
        for (double[] w : new double[][]{w1, w2})
            for (int i = 0; i < w.length; i++) if (Math.abs(w[i]) < 1e-15) w[i] = 0;
        return new double[][]{w1, w2};
    }
}
