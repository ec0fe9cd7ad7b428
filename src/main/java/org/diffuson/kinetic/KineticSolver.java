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
 *       Exact for any band-limited T when the grid integrates degree 4 l_max + 1 exactly.</li>
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
     * Quadrature degree the exact solve needs: the solution Y has degree d_Y = max(2L, L + G, 1) and the gain and
     * side-jump integrands T Y T†, T Y (D_jT)† have degree max(2L, L + G) + d_Y. For a non-band-limited T (Gaussian Born)
     * {@link TMatrix#maxL()} is an effective cut-off and the grid solve converges spectrally.
     */
    public static int exactDegree(TMatrix t) {
        int l = t.maxL(), g = t.gradientDegree();
        int dy = Math.max(Math.max(2 * l, l + g), 1);
        int d = Math.max(Math.max(2 * l, l + g) + dy, 1 + dy);
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
        CollisionKernel ker = new CollisionKernel(t, nIm, rule, true, true);
        Blocks b = blocks(ker);
        double vf = t.host().fermiVelocity();
        // Q = (1 − Z) K⁻¹ [(v_F²/3) 1 − F]
        DMatrixRMaj k = new DMatrixRMaj(12, 12, true, b.k), rhs = new DMatrixRMaj(12, 12);
        for (int i = 0; i < 144; i++) rhs.data[i] = -b.f[i];
        for (int i = 0; i < 12; i++) rhs.data[i * 13] += vf * vf / 3;
        DMatrixRMaj g = new DMatrixRMaj(12, 12);
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

    /** Exact first-order kinetic solve on the angular grid (no moment ansatz). {@code rule} null → minimal exact rule. */
    public static SpinChargeCoefficients exact(TMatrix t, double nIm, SphereRule rule) {
        check(t);
        rule = CollisionKernel.checkedRule(t, nIm, rule, exactDegree(t), "the exact kinetic solve");
        if (rule.nPhi() % 2 != 0)
            throw new DiffusonException("angularGrid", rule + " has an odd number of azimuths, so it is not inversion-symmetric",
                    "use an even nPhi");
        CollisionKernel ker = new CollisionKernel(t, nIm, rule, true, true);
        Blocks b = blocks(ker);
        int n = ker.n, h = ker.rows.length;
        if (ker.rowWeight != 2) throw new IllegalStateException("inversion-symmetric rule expected");
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
            double wp = ker.rowWeight * r.weight(p);
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
        return new Blocks(k, f, z, invTauS);
    }
}
