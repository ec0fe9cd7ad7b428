package org.diffuson.kinetic;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.SphereRule;
import org.diffuson.scattering.PartialWaveTMatrix;
import org.diffuson.scattering.TMatrix;
import org.diffuson.scattering.TMatrixChecks;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Diffusive limit of the seed 001 kinetic equation (Eqs. 6–16, S53–S71) for any 2×2 T-matrix, to first order in
 * gradients and in n_im, all orders in the single-impurity T.
 * <ul>
 *   <li>{@link #moments}: the paper's ansatz X = ρ + s·σ + (3/v_F) p̂_i (g_{i0} + g_{ia}σ_a) (Eq. 6 / S53) and the 12×12
 *       solve K g = (v_F²/3)∇M − F∇M, J = g − Z g. Exact only when T has l ≤ 1.</li>
 *   <li>{@link #exact}: the first-order kinetic solution on the angular grid with no moment ansatz:
 *       I0[Y_{kC}] = v_F p̂_k τ_C − W_k[τ_C] in the parity-odd sector, J_{jA} = [⟨v_F p̂_j Y⟩ − ⟨W_j[Y]⟩]_A.
 *       Exact for any band-limited T on a rule of degree {@link #exactDegree} (4 l_max − 1 with the full-momentum continuation);
 *       for a rotation-covariant T solved by azimuthal Fourier blocks ({@code exactAzimuthal}).</li>
 *   <li>{@link #solve}: picks {@code moments} for l_max ≤ 1 and {@code exact} otherwise.</li>
 * </ul>
 * Both return the 12×12 response J_{jA} = Σ Q[jA; kC] ∂_k M_C (M_0 = ρ, M_a = s_a) and the rates/Ω's from the moment
 * blocks K[iA;lB] = 3⟨p̂_i [I0(p̂_l τ_B)]_A⟩, F[iA;jB] = v_F⟨p̂_i [W_j(τ_B)]_A⟩, Z[jA;lB] = (3/v_F)⟨[W_j(p̂_l τ_B)]_A⟩.
 */
public final class KineticSolver {
    private KineticSolver() {}

    /** Which solver produced a result. */
    public enum Method { MOMENT_ANSATZ, EXACT_GRID }

    /**
     * Quadrature degree the moment recipe needs: with T of degree L and D_jT of degree G in p̂ (and k̂), the K, F, Z
     * integrands have degree ≤ max(2L + 1, L + G + 1); at least 3.
     */
    public static int momentDegree(TMatrix t) {
        int l = t.maxL(), g = t.gradientDegree();
        return Math.max(3, Math.max(2 * l + 1, l + g + 1));
    }

    /**
     * Quadrature degree the exact solve needs. The solution Y is parity-odd (the sources v_F p̂ and ⟨W_j⟩ are) and, from
     * Y = (gain[Y] − S)/Γ with Γ = ⟨TT†⟩ a constant, a polynomial of degree ≤ max(2L, L + G, 1) in p̂ (T of degree L, D_jT
     * of degree G): its harmonics are the odd ones up to d_Y, the largest odd number not above that bound. The gain and
     * side-jump integrands T Y T†, T Y (D_jT)† then have degree max(2L, L + G) + d_Y, so the Nyström solve on a rule
     * exact to that degree reproduces the continuum solution at the nodes (l ≤ 3: degree 11, a 6 × 12 rule). For a
     * non-band-limited T (Gaussian Born) {@link TMatrix#maxL()} is an effective cut-off and the grid solve converges
     * spectrally.
     */
    public static int exactDegree(TMatrix t) {
        int l = t.maxL(), g = t.gradientDegree();
        int dy = Math.max(Math.max(2 * l, l + g), 1);
        if (dy % 2 == 0) dy--;
        int d = Math.max(2 * l, l + g) + dy;
        return t.bandLimited() ? Math.max(3, d) : Math.max(3, 2 * l + 3);
    }

    /** Moment recipe (l ≤ 1) or exact grid solve (l ≥ 2, Gaussian Born), each on its minimal exact grid. */
    public static SpinChargeCoefficients solve(TMatrix t, double nIm) {
        return t.bandLimited() && t.maxL() <= 1 ? moments(t, nIm, null) : exact(t, nIm, null);
    }

    /** The paper's 12×12 moment solve (Eq. S53 ansatz). {@code rule} null → the minimal exact rule. */
    public static SpinChargeCoefficients moments(TMatrix t, double nIm, SphereRule rule) {
        check(t);
        rule = CollisionKernel.checkedRule(t, nIm, rule, momentDegree(t), "the 12×12 moment solve");
        CollisionKernel ker = CollisionKernel.forSolve(t, nIm, rule);
        Blocks b = blocks(ker);
        double vf = t.host().fermiVelocity();
        // Q = (1 − Z) K⁻¹ [(v_F²/3) 1 − F]
        DMatrixRMaj k = new DMatrixRMaj(12, 12, true, b.k), rhs = new DMatrixRMaj(12, 12);
        for (int i = 0; i < 144; i++) rhs.data[i] = -b.f[i];
        for (int i = 0; i < 12; i++) rhs.data[i * 13] += vf * vf / 3;
        DMatrixRMaj g = new DMatrixRMaj(12, 12);
        // EJML's real LU: the Pauli-basis super-operator blocks are real; linalg.ZOps' LU (used by the azimuthal blocks
        // below) is the complex one, which would double the work here
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(12);
        if (!lu.setA(k)) throw singular();
        lu.solve(rhs, g);
        DMatrixRMaj oneMinusZ = new DMatrixRMaj(12, 12);
        for (int i = 0; i < 144; i++) oneMinusZ.data[i] = -b.z[i];
        for (int i = 0; i < 12; i++) oneMinusZ.data[i * 13] += 1;
        DMatrixRMaj q = new DMatrixRMaj(12, 12);
        CommonOps_DDRM.mult(oneMinusZ, g, q);
        return SpinChargeCoefficients.from(t, nIm, rule, Method.MOMENT_ANSATZ, b, q.data);
    }

    /**
     * Exact first-order kinetic solve on the angular grid (no moment ansatz). {@code rule} null → minimal exact rule.
     * For a rotation-covariant T ({@link TMatrix#rotationInvariant()}) the solve is reduced to azimuthal Fourier blocks
     * ({@code exactAzimuthal}); otherwise it is a dense solve on the parity-odd half of the grid.
     */
    public static SpinChargeCoefficients exact(TMatrix t, double nIm, SphereRule rule) {
        check(t);
        rule = CollisionKernel.checkedRule(t, nIm, rule, exactDegree(t), "the exact kinetic solve");
        requireEvenAzimuths(rule);
        if (!t.rotationInvariant()) return exactOnFullGrid(t, nIm, rule);
        CollisionKernel ker = CollisionKernel.forSolve(t, nIm, rule);
        Blocks b = blocks(ker);
        return SpinChargeCoefficients.from(t, nIm, rule, Method.EXACT_GRID, b, exactAzimuthal(ker));
    }

    private static void requireEvenAzimuths(SphereRule rule) {
        if (rule.nPhi() % 2 != 0)
            throw new DiffusonException("angularGrid", rule + " has an odd number of azimuths, so it is not inversion-symmetric",
                    "use an even nPhi");
    }

    /**
     * The exact solve for a rotation-covariant T, by symmetry. Rotations R_s about z by 2πs/nPhi map the product rule to
     * itself and commute with I0; in the twisted variables X̃(i, j) = D_j* V X(i, j) (V: Pauli components (0, x, y, z) →
     * (0, +, −, z), D_j = diag(1, ω^j, ω^{−j}, 1), ω = e^{2πi/nPhi}) the operator is block-circulant in the azimuth
     * index j, so each Fourier mode m is an independent 4 nCos × 4 nCos block
     * <pre>
     *   Ĉ_m[iμ; i′ν] = Σ_d ω^{(m + s_ν) d} (V gain((i,0),(i′,d)) V†)_{μν} − δ_{ii′}(V loss(i) V†)_{μν},   s = (0, 1, −1, 0),
     * </pre>
     * built from the gain tabulated on the first azimuth only. The sources v_F p̂_k τ_C − ⟨W_k⟩ carry only m ∈ {−2, …, 2}
     * (vector ⊗ spin), so five blocks are solved instead of one dense 4n × 4n system. The even-parity sector, which
     * holds the zero mode I0[1] = 0, is shifted away by −c(1 + 𝒫) (𝒫: p̂ → −p̂, c = the out-scattering rate): it vanishes
     * on the parity-odd solution and makes every block invertible. The response J = ⟨v_F p̂ Y⟩ − ⟨W[Y]⟩ is summed on the
     * first azimuth and rotated over the group like the moment blocks.
     */
    static double[] exactAzimuthal(CollisionKernel ker) {
        Azimuthal az = new Azimuthal(ker);
        double[][] c = az.blocks();
        double[] vs0 = az.sources();
        double[] xt = az.solveModes(c, vs0);
        return ker.symmetrize(az.response(xt));
    }

    /**
     * The pieces of {@code exactAzimuthal}, split so that each is a small compilation unit. V maps Pauli components
     * (0, x, y, z) to (0, +, −, z) with u_± = (X_x ± iX_y)/√2, on which a rotation by α acts as diag(1, e^{iα}, e^{−iα}, 1).
     */
    private static final class Azimuthal {
        private static final double H = Math.sqrt(0.5);
        private static final double[] VR = {1, 0, 0, 0, 0, H, 0, 0, 0, H, 0, 0, 0, 0, 0, 1};
        private static final double[] VI = {0, 0, 0, 0, 0, 0, H, 0, 0, 0, -H, 0, 0, 0, 0, 0};
        private static final int[] SHIFT = {0, 1, -1, 0};
        private static final double[] PARITY = {1, -1, -1, 1}; // D_{nPhi/2}: rotation by π

        final CollisionKernel ker;
        final SphereRule rule;
        final int nc, np, n, dim;
        final double vf;
        final double[] wr, wi;
        /** The Fourier modes the sources occupy: m ≡ −2 … 2 (mod nPhi). */
        final int[] modes;

        Azimuthal(CollisionKernel ker) {
            this.ker = ker;
            rule = ker.rule;
            nc = rule.nCos();
            np = rule.nPhi();
            n = ker.n;
            dim = 4 * nc;
            vf = ker.t.host().fermiVelocity();
            wr = new double[np];
            wi = new double[np];
            for (int k = 0; k < np; k++) {
                wr[k] = Math.cos(2 * Math.PI * k / np);
                wi[k] = Math.sin(2 * Math.PI * k / np);
            }
            modes = java.util.stream.IntStream.rangeClosed(-2, 2).map(m -> Math.floorMod(m, np)).distinct().toArray();
        }

        /** Ĉ_m for every mode, with the loss and the parity-even shift −c(1 + 𝒫), c = the out-scattering rate. */
        double[][] blocks() {
            int nm = modes.length;
            double[][] c = new double[nm][2 * dim * dim];
            double[] tr = new double[16], ti = new double[16], gr = new double[16], gi = new double[16];
            for (int i = 0; i < nc; i++) {
                org.diffuson.Cancellation.check("exact kinetic solve");
                for (int i2 = 0; i2 < nc; i2++)
                    for (int d = 0; d < np; d++) {
                        vgv(VR, VI, ker.gain, (i * n + i2 * np + d) * 16, tr, ti, gr, gi);
                        for (int mi = 0; mi < nm; mi++) addGain(c[mi], modes[mi], d, i, i2, gr, gi);
                    }
            }
            double creg = ker.loss[0];
            for (int i = 0; i < nc; i++) {
                vgv(VR, VI, ker.loss, i * 16, tr, ti, gr, gi);
                int flip = nc - 1 - i;
                for (int mi = 0; mi < nm; mi++) {
                    double[] cm = c[mi];
                    double sg = modes[mi] % 2 == 0 ? 1 : -1;
                    for (int mu = 0; mu < 4; mu++) {
                        for (int nu = 0; nu < 4; nu++) {
                            int o = 2 * ((4 * i + mu) * dim + 4 * i + nu);
                            cm[o] -= gr[4 * mu + nu];
                            cm[o + 1] -= gi[4 * mu + nu];
                        }
                        cm[2 * ((4 * i + mu) * dim + 4 * i + mu)] -= creg;
                        cm[2 * ((4 * i + mu) * dim + 4 * flip + mu)] -= creg * sg * PARITY[mu];
                    }
                }
            }
            return c;
        }

        /** cm[iμ; i2ν] += ω^{(m + s_ν) d} g̃_{μν}. */
        private void addGain(double[] cm, int m, int d, int i, int i2, double[] gr, double[] gi) {
            for (int nu = 0; nu < 4; nu++) {
                int f = Math.floorMod((m + SHIFT[nu]) * d, np);
                double er = wr[f], ei = wi[f];
                for (int mu = 0; mu < 4; mu++) {
                    int o = 2 * ((4 * i + mu) * dim + 4 * i2 + nu);
                    double xr = gr[4 * mu + nu], xi = gi[4 * mu + nu];
                    cm[o] += xr * er - xi * ei;
                    cm[o + 1] += xr * ei + xi * er;
                }
            }
        }

        /** V S0(i) on the first azimuth, S0(i)[A; kC] = v_F p̂_k δ_AC − Σ_k' W_k(p_i, k')_{AC}: dim × 12 complex. */
        double[] sources() {
            double[] vs0 = new double[nc * 2 * 48], s0 = new double[48];
            for (int i = 0; i < nc; i++) {
                int p = ker.rows[i];
                java.util.Arrays.fill(s0, 0);
                for (int kd = 0; kd < 3; kd++) {
                    double[] sk = ker.side[kd];
                    for (int kk = 0; kk < n; kk++) {
                        int base = (i * n + kk) * 16;
                        for (int a = 0; a < 4; a++)
                            for (int cc = 0; cc < 4; cc++) s0[12 * a + 4 * kd + cc] -= sk[base + 4 * a + cc];
                    }
                    for (int a = 0; a < 4; a++) s0[12 * a + 4 * kd + a] += vf * rule.n(p, kd);
                }
                for (int mu = 0; mu < 4; mu++)
                    for (int col = 0; col < 12; col++) {
                        double sr = 0, si = 0;
                        for (int a = 0; a < 4; a++) {
                            sr += VR[4 * mu + a] * s0[12 * a + col];
                            si += VI[4 * mu + a] * s0[12 * a + col];
                        }
                        vs0[2 * (48 * i + 12 * mu + col)] = sr;
                        vs0[2 * (48 * i + 12 * mu + col) + 1] = si;
                    }
            }
            return vs0;
        }

        /** Π_m = (1/nPhi) Σ_j ω^{−mj} 𝒬_jᵀ: projects the 12 source columns (k, C) on mode m (12 × 12 complex). */
        private double[] projector(int m) {
            double[] pm = new double[288], q = new double[144];
            for (int j = 0; j < np; j++) {
                CollisionKernel.rotation12(j, np, q);
                int f = Math.floorMod(-m * j, np);
                for (int a = 0; a < 12; a++)
                    for (int b = 0; b < 12; b++) {
                        double v = q[12 * b + a] / np; // 𝒬ᵀ[a][b]
                        pm[2 * (12 * a + b)] += v * wr[f];
                        pm[2 * (12 * a + b) + 1] += v * wi[f];
                    }
            }
            return pm;
        }

        /** Solves Ĉ_m ŷ_m = V S0 Π_m for each mode and returns X̃(i, 0) = Σ_m ŷ_m(i) (dim × 12 complex). */
        double[] solveModes(double[][] c, double[] vs0) {
            double[] xt = new double[2 * dim * 12], rhs = new double[2 * dim * 12], perm = new double[2 * dim * 12];
            int[] piv = new int[dim];
            for (int mi = 0; mi < modes.length; mi++) {
                double[] pm = projector(modes[mi]);
                java.util.Arrays.fill(rhs, 0);
                for (int row = 0; row < dim; row++)
                    for (int a = 0; a < 12; a++) {
                        double xr = vs0[2 * (12 * row + a)], xi = vs0[2 * (12 * row + a) + 1];
                        if (xr == 0 && xi == 0) continue;
                        for (int col = 0; col < 12; col++) {
                            double yr = pm[2 * (12 * a + col)], yi = pm[2 * (12 * a + col) + 1];
                            rhs[2 * (12 * row + col)] += xr * yr - xi * yi;
                            rhs[2 * (12 * row + col) + 1] += xr * yi + xi * yr;
                        }
                    }
                if (!org.diffuson.linalg.ZOps.luDecompose(c[mi], dim, piv)) throw singular();
                for (int row = 0; row < dim; row++) System.arraycopy(rhs, 2 * 12 * piv[row], perm, 2 * 12 * row, 24);
                org.diffuson.linalg.ZOps.luSolveColumns(c[mi], dim, perm, 12);
                for (int x = 0; x < xt.length; x++) xt[x] += perm[x];
            }
            return xt;
        }

        /**
         * J0 = Σ_i E(i) Y(i, 0) on the first azimuth, Y(i, 0) = V† X̃(i, 0) (real), E(i)[jA; B] = w_i v_F p̂_j δ_AB − W̄_j(i)_{AB}
         * with W̄_j(k) = Σ_p w_p W_j(p, k); the full response is its rotation average.
         */
        double[] response(double[] xt) {
            double[] tbar = new double[48], y = new double[48], j0 = new double[144];
            for (int i = 0; i < nc; i++) {
                sideColumnSum(i, tbar);
                int p = ker.rows[i];
                double wp = rule.weight(p);
                for (int b = 0; b < 4; b++)
                    for (int col = 0; col < 12; col++) {
                        double v = 0;
                        for (int mu = 0; mu < 4; mu++) {
                            int o = 2 * ((4 * i + mu) * 12 + col);
                            v += VR[4 * mu + b] * xt[o] + VI[4 * mu + b] * xt[o + 1]; // Re Σ_μ conj(V_{μB}) X̃_μ
                        }
                        y[12 * b + col] = v;
                    }
                for (int jj = 0; jj < 3; jj++) {
                    double pj = wp * vf * rule.n(p, jj);
                    for (int a = 0; a < 4; a++)
                        for (int col = 0; col < 12; col++) {
                            double v = pj * y[12 * a + col];
                            for (int b = 0; b < 4; b++) v -= tbar[16 * jj + 4 * a + b] * y[12 * b + col];
                            j0[12 * (4 * jj + a) + col] += v;
                        }
                }
            }
            return j0;
        }

        /**
         * W̄_j(k_i) = Σ_p w_p W_j(p, k_i) for the node k_i of the first azimuth, from the tabulated rows by
         * W_j(R p, R k) = Σ_j″ R_jj″ 𝓡 W_j″(p, k) 𝓡ᵀ: p = R_s(i′, 0), k_i = R_s(i, −s).
         */
        private void sideColumnSum(int i, double[] tbar) {
            java.util.Arrays.fill(tbar, 0);
            double[] acc = new double[48], q = new double[144], r4 = new double[16];
            for (int jp = 0; jp < np; jp++) {
                java.util.Arrays.fill(acc, 0);
                int k = i * np + Math.floorMod(-jp, np);
                for (int i2 = 0; i2 < nc; i2++) {
                    double w = rule.weight(ker.rows[i2]);
                    int base = (i2 * n + k) * 16;
                    for (int jj = 0; jj < 3; jj++) {
                        double[] sj = ker.side[jj];
                        for (int ab = 0; ab < 16; ab++) acc[16 * jj + ab] += w * sj[base + ab];
                    }
                }
                CollisionKernel.rotation12(jp, np, q);
                CollisionKernel.rotation4(jp, np, r4);
                rotateVectorBlock(q, r4, acc, tbar);
            }
        }
    }

    /** out[μν] = (V m V†)_{μν} for the real 4×4 m at m[off..off+16), V = vr + i vi. */
    private static void vgv(double[] vr, double[] vi, double[] m, int off, double[] tr, double[] ti, double[] gr, double[] gi) {
        for (int mu = 0; mu < 4; mu++)
            for (int b = 0; b < 4; b++) {
                double sr = 0, si = 0;
                for (int a = 0; a < 4; a++) {
                    double x = m[off + 4 * a + b];
                    sr += vr[4 * mu + a] * x;
                    si += vi[4 * mu + a] * x;
                }
                tr[4 * mu + b] = sr;
                ti[4 * mu + b] = si;
            }
        for (int mu = 0; mu < 4; mu++)
            for (int nu = 0; nu < 4; nu++) {
                double sr = 0, si = 0;
                for (int b = 0; b < 4; b++) { // × conj(V_{νb})
                    double ar = tr[4 * mu + b], ai = ti[4 * mu + b], br = vr[4 * nu + b], bi = -vi[4 * nu + b];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                gr[4 * mu + nu] = sr;
                gi[4 * mu + nu] = si;
            }
    }

    /** out[jA; B] += Σ 𝒬[jA; j″A′] a[j″A′; B′] 𝓡[B; B′] for a 12×4 block a (vector ⊗ Pauli rows, Pauli columns). */
    private static void rotateVectorBlock(double[] q, double[] r4, double[] a, double[] out) {
        for (int row = 0; row < 12; row++)
            for (int b = 0; b < 4; b++) {
                double v = 0;
                for (int k = 0; k < 12; k++) {
                    double qk = q[12 * row + k];
                    if (qk == 0) continue;
                    for (int b2 = 0; b2 < 4; b2++) v += qk * a[4 * k + b2] * r4[4 * b + b2];
                }
                out[4 * row + b] += v;
            }
    }

    /** The exact solve as one dense system on the parity-odd half of the grid (any parity-invariant T). */
    static SpinChargeCoefficients exactOnFullGrid(TMatrix t, double nIm, SphereRule rule) {
        CollisionKernel ker = new CollisionKernel(t, nIm, rule, true, CollisionKernel.Rows.HALF);
        Blocks b = blocks(ker);
        int n = ker.n, h = ker.rows.length;
        // slot[k] = index of the kept row for ±k̂, negative (−slot−1) for the antipode
        int[] slot = new int[n];
        for (int ri = 0; ri < h; ri++) {
            slot[ker.rows[ri]] = ri;
            slot[rule.antipode(ker.rows[ri])] = -ri - 1;
        }
        int dim = 4 * h;
        // odd-sector I0: X(−k̂) = −X(k̂)
        DMatrixRMaj m = new DMatrixRMaj(dim, dim);
        for (int pi = 0; pi < h; pi++) {
            if ((pi & 15) == 0) org.diffuson.Cancellation.check("exact kinetic solve");
            for (int kk = 0; kk < n; kk++) {
                int s = slot[kk], col = s >= 0 ? s : -s - 1;
                double sign = s >= 0 ? 1 : -1;
                int base = (pi * n + kk) * 16;
                for (int a = 0; a < 4; a++)
                    for (int bb = 0; bb < 4; bb++) m.data[(4 * pi + a) * dim + 4 * col + bb] += sign * ker.gain[base + 4 * a + bb];
            }
            for (int a = 0; a < 4; a++)
                for (int bb = 0; bb < 4; bb++) m.data[(4 * pi + a) * dim + 4 * pi + bb] -= ker.loss[pi * 16 + 4 * a + bb];
        }
        double vf = t.host().fermiVelocity();
        // sources S_{kC}(p)_A = v_F p̂_k δ_AC − Σ_k' side_k(p,k')_{AC}
        DMatrixRMaj src = new DMatrixRMaj(dim, 12);
        for (int pi = 0; pi < h; pi++) {
            int p = ker.rows[pi];
            for (int kdir = 0; kdir < 3; kdir++) {
                double[] sk = ker.side[kdir];
                for (int c = 0; c < 4; c++)
                    for (int a = 0; a < 4; a++) {
                        double v = a == c ? vf * rule.n(p, kdir) : 0;
                        for (int kk = 0; kk < n; kk++) v -= sk[(pi * n + kk) * 16 + 4 * a + c];
                        src.data[(4 * pi + a) * 12 + 4 * kdir + c] = v;
                    }
            }
        }
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(dim);
        if (!lu.setA(m)) throw singular();
        DMatrixRMaj y = new DMatrixRMaj(dim, 12);
        lu.solve(src, y);
        // J_{jA} = Σ_p w_p v_F p̂_j Y(p)_A − Σ_p w_p Σ_k side_j(p,k)_{AB} Y(k)_B; both parity-even in (p, k) → 2 × kept rows
        double[] q = new double[144], acc = new double[4 * 12];
        double[] yd = y.data;
        for (int j = 0; j < 3; j++) {
            double[] sj = ker.side[j];
            for (int pi = 0; pi < h; pi++) {
                int p = ker.rows[pi];
                double wp = 2 * rule.weight(p);
                java.util.Arrays.fill(acc, 0);
                for (int kk = 0; kk < n; kk++) {
                    int sl = slot[kk], ki = sl >= 0 ? sl : -sl - 1;
                    double sign = sl >= 0 ? 1 : -1;
                    int base = (pi * n + kk) * 16;
                    for (int a = 0; a < 4; a++)
                        for (int bb = 0; bb < 4; bb++) {
                            double sv = sign * sj[base + 4 * a + bb];
                            if (sv == 0) continue;
                            int yo = (4 * ki + bb) * 12, ao = 12 * a;
                            for (int col = 0; col < 12; col++) acc[ao + col] += sv * yd[yo + col];
                        }
                }
                double pj = vf * rule.n(p, j);
                for (int a = 0; a < 4; a++)
                    for (int col = 0; col < 12; col++)
                        q[(4 * j + a) * 12 + col] += wp * (pj * yd[(4 * pi + a) * 12 + col] - acc[12 * a + col]);
            }
        }
        return SpinChargeCoefficients.from(t, nIm, rule, Method.EXACT_GRID, b, q);
    }

    private static void check(TMatrix t) {
        if (t != null && !(t instanceof PartialWaveTMatrix) && !t.isBorn())
            TMatrixChecks.requireUnitary(t, TMatrixChecks.DEFAULT_TOLERANCE);
    }

    private static DiffusonException singular() {
        return new DiffusonException("tMatrix", "the collision operator is singular (no momentum relaxation: T = 0, e.g. all phase shifts 0 mod π)",
                "give at least one non-zero phase shift (or U ≠ 0): without scattering D is infinite");
    }

    /** Moment blocks K, F, Z and the spin-relaxation rate. */
    record Blocks(double[] k, double[] f, double[] z, double invTauS) {}

    static Blocks blocks(CollisionKernel ker) {
        Blocks b = rawBlocks(ker);
        double invTr = -Tensors.charge(b.k());
        if (!(invTr > 1e-300 * ker.t.host().fermiEnergy()) || !Double.isFinite(invTr)) throw singular();
        return b;
    }

    private static Blocks rawBlocks(CollisionKernel ker) {
        int n = ker.n;
        SphereRule r = ker.rule;
        double vf = ker.t.host().fermiVelocity();
        double[] k = new double[144], f = new double[144], z = new double[144];
        double invTauS = 0;
        double[] gk = new double[3 * 16], sk = new double[9 * 16], s0 = new double[3 * 16];
        double[] nx = new double[n], ny = new double[n], nz = new double[n];
        for (int kk = 0; kk < n; kk++) { nx[kk] = r.x(kk); ny[kk] = r.y(kk); nz[kk] = r.z(kk); }
        for (int ri = 0; ri < ker.rows.length; ri++) {
            if ((ri & 15) == 0) org.diffuson.Cancellation.check("kinetic moment blocks");
            int p = ker.rows[ri];
            java.util.Arrays.fill(gk, 0);
            java.util.Arrays.fill(sk, 0);
            java.util.Arrays.fill(s0, 0);
            double gsum = 0;
            for (int kk = 0; kk < n; kk++) {
                int base = (ri * n + kk) * 16;
                double kx = nx[kk], ky = ny[kk], kz = nz[kk];
                for (int ab = 0; ab < 16; ab++) {
                    double gv = ker.gain[base + ab];
                    gk[ab] += gv * kx;
                    gk[16 + ab] += gv * ky;
                    gk[32 + ab] += gv * kz;
                }
                for (int j = 0; j < 3; j++) {
                    double[] sj = ker.side[j];
                    int o = 3 * j * 16;
                    for (int ab = 0; ab < 16; ab++) {
                        double sv = sj[base + ab];
                        s0[j * 16 + ab] += sv;
                        sk[o + ab] += sv * kx;
                        sk[o + 16 + ab] += sv * ky;
                        sk[o + 32 + ab] += sv * kz;
                    }
                }
                for (int a = 1; a < 4; a++) gsum += ker.gain[base + 5 * a];
            }
            double wp = r.weight(p);
            for (int a = 1; a < 4; a++) gsum -= ker.loss[ri * 16 + 5 * a];
            invTauS -= wp * gsum / 3;
            for (int i = 0; i < 3; i++) {
                double pi = r.n(p, i);
                for (int a = 0; a < 4; a++)
                    for (int l = 0; l < 3; l++)
                        for (int bb = 0; bb < 4; bb++) {
                            int ab = 4 * a + bb;
                            k[(4 * i + a) * 12 + 4 * l + bb] += 3 * wp * pi * (gk[l * 16 + ab] - ker.loss[ri * 16 + ab] * r.n(p, l));
                            f[(4 * i + a) * 12 + 4 * l + bb] += vf * wp * pi * s0[l * 16 + ab]; // here l plays j
                            z[(4 * i + a) * 12 + 4 * l + bb] += (3 / vf) * wp * sk[(3 * i + l) * 16 + ab]; // i plays j
                        }
            }
        }
        return new Blocks(ker.symmetrize(k), ker.symmetrize(f), ker.symmetrize(z), ker.rowWeight * invTauS);
    }
}
