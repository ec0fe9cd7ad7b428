package org.diffuson.kinetic;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.SphereRule;
import org.diffuson.linalg.ZOps;
import org.diffuson.scattering.TMatrix;

/**
 * The linearised collision operators of seed 001 on a Fermi-surface quadrature, as real 4×4 super-operator blocks in
 * the Pauli basis τ_A = (1, σ_x, σ_y, σ_z) with components M_A = ½Tr(τ_A M). For X(p̂) = N_F δn(p̂) (Eqs. 1–3, S22–S37):
 * <pre>
 *   I0[X](p̂)  = 2πn_im N_F ⟨ T X(k̂) T† − ½{T T†, X(p̂)} ⟩_k                     (Lindblad form, Eq. 2)
 *   W_j[X](p̂) = πn_im N_F ⟨ i[ T X(k̂) (D_jT)† − (D_jT) X(k̂) T† ] ⟩_k          (side-jump term, Eq. 3)
 * </pre>
 * with T = T(k_F p̂, k_F k̂) (p outgoing) and D_j = ∂_{p_j} + ∂_{k_j}; the kinetic equation is
 * (∂_t + v_F p̂·∇) X = I0[X] + Σ_j W_j[∂_j X]. The T-form is used, not the Λ/V super-operators of Eqs. 4–5 (those carry
 * δ(0)² factors). Blocks are stored per node pair: {@code gain(p,k)} includes the weight w_k, {@code loss(p)} is the
 * anticommutator term (local in p).
 */
public final class CollisionKernel {
    /** Which outgoing momenta p̂ are tabulated. */
    enum Rows {
        /** Every node. */
        ALL,
        /** One node of each ±p̂ pair (inversion-symmetric rule; parity T(−p,−k) = T(p,k)). */
        HALF,
        /**
         * The nodes of the first azimuth φ₀ only, one per cos θ: for a rotation-covariant T
         * ({@link TMatrix#rotationInvariant()}) every other row is a rotation about z of one of these
         * (gain(R_s p, R_s k) = 𝓡_s gain(p,k) 𝓡_sᵀ with 𝓡_s = diag(1, R_s) on Pauli components).
         */
        AZIMUTH
    }

    final SphereRule rule;
    final int n;
    final Rows mode;
    /** Row (outgoing p̂) nodes that were built (see {@link Rows}). */
    final int[] rows;
    /** Multiplicity of each built row in sums over all p̂ of a rotation- and parity-invariant scalar. */
    final double rowWeight;
    final TMatrix t;
    final double nIm;
    /** gain[(r*n+k)*16 + 4A + B] for row r (node rows[r]), includes 2πn_im N_F w_k. */
    final double[] gain;
    /** loss[p*16 + 4A + B] = 2πn_im N_F ½Tr(τ_A ½{Γ(p), τ_B}), Γ(p) = ⟨T T†⟩_k. */
    final double[] loss;
    /** w[j][(p*n+k)*16 + 4A + B], includes πn_im N_F w_k. */
    final double[][] side;

    CollisionKernel(TMatrix t, double nIm, SphereRule rule, boolean withSideJump) {
        this(t, nIm, rule, withSideJump, true);
    }

    /**
     * @param halfRows build only one row of each ±p̂ pair when the rule is inversion-symmetric: parity
     *                 T(−p,−k) = T(p,k) makes gain(−p,−k) = gain(p,k) and side(−p,−k) = −side(p,k), so sums over all
     *                 p̂ of parity-even integrands are twice the sums over the kept rows.
     */
    CollisionKernel(TMatrix t, double nIm, SphereRule rule, boolean withSideJump, boolean halfRows) {
        this(t, nIm, rule, withSideJump, halfRows && rule.antipode(0) >= 0 ? Rows.HALF : Rows.ALL);
    }

    /** The cheapest exact tabulation for the kinetic solves: one azimuth for a rotation-covariant T, else half the rows. */
    static CollisionKernel forSolve(TMatrix t, double nIm, SphereRule rule) {
        return new CollisionKernel(t, nIm, rule, true, t.rotationInvariant() ? Rows.AZIMUTH : rule.antipode(0) >= 0 ? Rows.HALF : Rows.ALL);
    }

    CollisionKernel(TMatrix t, double nIm, SphereRule rule, boolean withSideJump, Rows mode) {
        this.t = t;
        this.nIm = nIm;
        this.rule = rule;
        this.n = rule.size();
        this.mode = mode;
        int[] rs = new int[n];
        int nr = 0;
        for (int a = 0; a < n; a++)
            if (mode == Rows.ALL || (mode == Rows.HALF && a < rule.antipode(a)) || (mode == Rows.AZIMUTH && a % rule.nPhi() == 0)) rs[nr++] = a;
        this.rows = java.util.Arrays.copyOf(rs, nr);
        this.rowWeight = switch (mode) { case ALL -> 1; case HALF -> 2; case AZIMUTH -> rule.nPhi(); };
        double kf = t.host().kF(), nf = t.host().dos();
        gain = new double[nr * n * 16];
        loss = new double[nr * 16];
        side = withSideJump ? new double[][]{new double[nr * n * 16], new double[nr * n * 16], new double[nr * n * 16]} : null;
        double[] tm = new double[8], dt = new double[24], z = new double[8 * 4], gam = new double[8];
        double[] p = new double[3], k = new double[3];
        double g0 = 2 * Math.PI * nIm * nf, s0 = Math.PI * nIm * nf;
        for (int ri = 0; ri < nr; ri++) {
            org.diffuson.Cancellation.check("collision-kernel tabulation");
            int a = rows[ri];
            p[0] = kf * rule.x(a); p[1] = kf * rule.y(a); p[2] = kf * rule.z(a);
            java.util.Arrays.fill(gam, 0);
            for (int b = 0; b < n; b++) {
                k[0] = kf * rule.x(b); k[1] = kf * rule.y(b); k[2] = kf * rule.z(b);
                t.eval(p, k, tm, 0);
                double wk = rule.weight(b);
                int base = (ri * n + b) * 16;
                // Γ(p) += w_k T T†
                ZOps.multByAdjointAdd(tm, 0, tm, 0, 2, wk, gam);
                components(tm, tm, z);
                for (int ab = 0; ab < 16; ab++) gain[base + ab] = g0 * wk * z[2 * ab];
                if (withSideJump) {
                    t.shiftGradient(p, k, dt, 0);
                    for (int j = 0; j < 3; j++) {
                        componentsOff(tm, dt, 8 * j, z);
                        double[] sj = side[j];
                        for (int ab = 0; ab < 16; ab++) sj[base + ab] = -2 * s0 * wk * z[2 * ab + 1];
                    }
                }
            }
            // loss: ½Tr(τ_A ½{Γ, τ_B}); Γ = γ_C τ_C (Hermitian) → ½{Γ, τ_B} = γ_0 τ_B + γ_B τ_0 (B≠0) − … exact via products
            double[] comp = new double[32];
            double[] gh = new double[8];
            for (int c = 0; c < 8; c++) gh[c] = 0.5 * gam[c];
            anticommutatorComponents(gh, comp);
            for (int ab = 0; ab < 16; ab++) loss[ri * 16 + ab] = g0 * comp[2 * ab];
        }
    }

    /**
     * The sum over all outgoing p̂ of a 12×12 tensor a[(3-vector i, Pauli A); (3-vector l, Pauli B)] that was summed over
     * the built rows only: ×1 (ALL), ×2 (HALF: parity-even integrand), or Σ_s 𝒬_s a 𝒬_sᵀ over the nPhi rotations about
     * z (AZIMUTH), 𝒬_s = R_s ⊗ diag(1, R_s).
     */
    double[] symmetrize(double[] a) {
        if (mode != Rows.AZIMUTH) {
            double[] r = a.clone();
            if (mode == Rows.HALF) for (int i = 0; i < r.length; i++) r[i] *= 2;
            return r;
        }
        double[] out = new double[144], tmp = new double[144];
        for (double[] q : rotations12(rule.nPhi())) {
            // q holds the non-zeros of 𝒬_s as (row, col, value) triples: tmp = 𝒬 a, out += tmp 𝒬ᵀ
            java.util.Arrays.fill(tmp, 0);
            for (int x = 0; x < q.length; x += 3) {
                int i = (int) q[x], k = (int) q[x + 1];
                double v = q[x + 2];
                for (int j = 0; j < 12; j++) tmp[12 * i + j] += v * a[12 * k + j];
            }
            for (int x = 0; x < q.length; x += 3) {
                int j = (int) q[x], k = (int) q[x + 1];
                double v = q[x + 2];
                for (int i = 0; i < 12; i++) out[12 * i + j] += v * tmp[12 * i + k];
            }
        }
        return out;
    }

    private static final java.util.concurrent.ConcurrentHashMap<Integer, double[][]> ROTATIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The non-zeros of 𝒬_s, s = 0 … nPhi − 1, as (row, col, value) triples (30 of 144 entries), cached per nPhi. */
    private static double[][] rotations12(int nPhi) {
        return ROTATIONS.computeIfAbsent(nPhi, np -> {
            double[][] all = new double[np][];
            double[] q = new double[144];
            for (int s = 0; s < np; s++) {
                rotation12(s, np, q);
                double[] nz = new double[3 * 144];
                int c = 0;
                for (int i = 0; i < 144; i++)
                    if (q[i] != 0) {
                        nz[c++] = i / 12;
                        nz[c++] = i % 12;
                        nz[c++] = q[i];
                    }
                all[s] = java.util.Arrays.copyOf(nz, c);
            }
            return all;
        });
    }

    /** 𝓡_s = diag(1, R_s): Pauli components (0, x, y, z) rotated by α_s = 2πs/nPhi about z, 4×4 row-major. */
    static void rotation4(int s, int nPhi, double[] r) {
        double a = 2 * Math.PI * s / nPhi, c = Math.cos(a), sn = Math.sin(a);
        java.util.Arrays.fill(r, 0, 16, 0);
        r[0] = 1;
        r[5] = c; r[6] = -sn;
        r[9] = sn; r[10] = c;
        r[15] = 1;
    }

    /** 𝒬_s = R_s ⊗ 𝓡_s on (3-vector, Pauli) index pairs 4i + A, 12×12 row-major. */
    static void rotation12(int s, int nPhi, double[] q) {
        double a = 2 * Math.PI * s / nPhi, c = Math.cos(a), sn = Math.sin(a);
        double[] r3 = {c, -sn, 0, sn, c, 0, 0, 0, 1}, r4 = new double[16];
        rotation4(s, nPhi, r4);
        for (int i = 0; i < 3; i++)
            for (int aa = 0; aa < 4; aa++)
                for (int j = 0; j < 3; j++)
                    for (int b = 0; b < 4; b++) q[12 * (4 * i + aa) + 4 * j + b] = r3[3 * i + j] * r4[4 * aa + b];
    }

    /** z[2(4A+B)..] = complex ½Tr(τ_A M τ_B N†), M, N at offset 0. */
    static void components(double[] m, double[] nmat, double[] z) { componentsOff(m, nmat, 0, z); }

    /** z[2(4A+B)..] = complex ½Tr(τ_A M τ_B N†) with N read from nmat[no..no+8). */
    static void componentsOff(double[] m, double[] nmat, int no, double[] z) {
        // N† entries
        double n00r = nmat[no], n00i = -nmat[no + 1], n01r = nmat[no + 4], n01i = -nmat[no + 5];
        double n10r = nmat[no + 2], n10i = -nmat[no + 3], n11r = nmat[no + 6], n11i = -nmat[no + 7];
        double m00r = m[0], m00i = m[1], m01r = m[2], m01i = m[3], m10r = m[4], m10i = m[5], m11r = m[6], m11i = m[7];
        for (int b = 0; b < 4; b++) {
            // Y = M τ_B (column operations on M)
            double y00r, y00i, y01r, y01i, y10r, y10i, y11r, y11i;
            switch (b) {
                case 0 -> { y00r = m00r; y00i = m00i; y01r = m01r; y01i = m01i; y10r = m10r; y10i = m10i; y11r = m11r; y11i = m11i; }
                case 1 -> { y00r = m01r; y00i = m01i; y01r = m00r; y01i = m00i; y10r = m11r; y10i = m11i; y11r = m10r; y11i = m10i; }
                case 2 -> { // M σ_y: col0 = i·M[:,1], col1 = −i·M[:,0]
                    y00r = -m01i; y00i = m01r; y01r = m00i; y01i = -m00r;
                    y10r = -m11i; y10i = m11r; y11r = m10i; y11i = -m10r; }
                default -> { y00r = m00r; y00i = m00i; y01r = -m01r; y01i = -m01i; y10r = m10r; y10i = m10i; y11r = -m11r; y11i = -m11i; }
            }
            // P = Y N†
            double p00r = y00r * n00r - y00i * n00i + y01r * n10r - y01i * n10i;
            double p00i = y00r * n00i + y00i * n00r + y01r * n10i + y01i * n10r;
            double p01r = y00r * n01r - y00i * n01i + y01r * n11r - y01i * n11i;
            double p01i = y00r * n01i + y00i * n01r + y01r * n11i + y01i * n11r;
            double p10r = y10r * n00r - y10i * n00i + y11r * n10r - y11i * n10i;
            double p10i = y10r * n00i + y10i * n00r + y11r * n10i + y11i * n10r;
            double p11r = y10r * n01r - y10i * n01i + y11r * n11r - y11i * n11i;
            double p11i = y10r * n01i + y10i * n01r + y11r * n11i + y11i * n11r;
            // components: 0: (P00+P11)/2, x: (P01+P10)/2, y: (i P01 − i P10)/2, z: (P00−P11)/2
            z[2 * b] = 0.5 * (p00r + p11r);
            z[2 * b + 1] = 0.5 * (p00i + p11i);
            z[2 * (4 + b)] = 0.5 * (p01r + p10r);
            z[2 * (4 + b) + 1] = 0.5 * (p01i + p10i);
            z[2 * (8 + b)] = 0.5 * (-p01i + p10i);
            z[2 * (8 + b) + 1] = 0.5 * (p01r - p10r);
            z[2 * (12 + b)] = 0.5 * (p00r - p11r);
            z[2 * (12 + b) + 1] = 0.5 * (p00i - p11i);
        }
    }

    /** comp[2(4A+B)] = ½Tr(τ_A {G, τ_B}) for a 2×2 G (so with G = ½Γ this is ½Tr(τ_A ½{Γ,τ_B})). */
    private static void anticommutatorComponents(double[] g, double[] comp) {
        double[] one = {1, 0, 0, 0, 0, 0, 1, 0};
        double[] z1 = new double[32], z2 = new double[32];
        // G τ_B = ½Tr(τ_A G τ_B 1) ; τ_B G: use ½Tr(τ_A τ_B G) = ½Tr(τ_A 1 τ_B G††) → components(1, G†)
        components(g, one, z1);
        double[] gd = {g[0], -g[1], g[4], -g[5], g[2], -g[3], g[6], -g[7]}; // G†
        components(one, gd, z2); // ½Tr(τ_A 1 τ_B (G†)†) = ½Tr(τ_A τ_B G)
        for (int i = 0; i < 32; i++) comp[i] = z1[i] + z2[i];
    }

    /** Validates n_im, the T-matrix and the grid; returns the rule to use. */
    static SphereRule checkedRule(TMatrix t, double nIm, SphereRule rule, int requiredDegree, String what) {
        if (t == null) throw new DiffusonException("tMatrix", "is null", "pass a PartialWaveTMatrix or BornPotential");
        if (!(nIm > 0) || !Double.isFinite(nIm))
            throw new DiffusonException("nImp", "impurity density must be finite and > 0, got " + nIm,
                    "pass n_imp > 0, e.g. r·n_c with r = n_imp/n_c = 0.01");
        if (rule == null) return SphereRule.exactForDegree(requiredDegree);
        if (rule.exactDegree() < requiredDegree) {
            SphereRule min = SphereRule.exactForDegree(requiredDegree);
            throw new DiffusonException("angularGrid", String.format(java.util.Locale.ROOT,
                    "%s is too coarse for %s (l_max = %d): it integrates polynomials of degree %d exactly, %d is needed",
                    rule, what, t.maxL(), rule.exactDegree(), requiredDegree),
                    "use at least SphereRule.of(" + min.nCos() + ", " + min.nPhi() + ") (or pass null for the minimal exact rule)");
        }
        return rule;
    }
}
