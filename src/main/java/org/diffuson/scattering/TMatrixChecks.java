package org.diffuson.scattering;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.SphereRule;
import org.diffuson.linalg.ZOps;

/**
 * Identities a physical on-shell T-matrix must satisfy, each returned as a residual (max-norm, relative to max|T|):
 * <ul>
 *   <li>optical theorem / unitarity of S = 1 − 2πi t: T(p,q) − T(q,p)† = −2πi N_F ⟨T(p,k) T(q,k)†⟩_k
 *       (S S† = 1) and = −2πi N_F ⟨T(k,p)† T(k,q)⟩_k (S†S = 1) (seed 001 Eq. S24);</li>
 *   <li>time-reversal reciprocity T(p,k) = σ_y T(−k,−p)ᵀ σ_y;</li>
 *   <li>parity T(−p,−k) = T(p,k).</li>
 * </ul>
 * All momenta on the Fermi sphere; the angular average uses a {@link SphereRule} exact for the T's harmonics.
 */
public final class TMatrixChecks {
    private TMatrixChecks() {}

    /** Default tolerance for accepting a user-supplied T-matrix through {@link #requireUnitary}. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    private static SphereRule ruleFor(TMatrix t) {
        int l = t.maxL();
        return SphereRule.exactForDegree(2 * l);
    }

    /** max over node pairs of |T(p,q) − T(q,p)† + 2πiN_F⟨T(p,k)T(q,k)†⟩| (both S S† and S†S forms) / max|T|. */
    public static double opticalTheoremResidual(TMatrix t) {
        SphereRule r = ruleFor(t);
        int n = r.size();
        double kf = t.host().kF(), nf = t.host().dos();
        double[][] pts = new double[n][];
        for (int i = 0; i < n; i++) pts[i] = new double[]{kf * r.x(i), kf * r.y(i), kf * r.z(i)};
        double[] tm = new double[n * n * 8];
        double tmax = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                t.eval(pts[i], pts[j], tm, 8 * (i * n + j));
                for (int c = 0; c < 8; c++) tmax = Math.max(tmax, Math.abs(tm[8 * (i * n + j) + c]));
            }
        if (tmax == 0) return 0;
        double res = 0;
        double[] acc1 = new double[8], acc2 = new double[8], prod = new double[8];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) {
                java.util.Arrays.fill(acc1, 0);
                java.util.Arrays.fill(acc2, 0);
                for (int k = 0; k < n; k++) {
                    double w = r.weight(k);
                    ZOps.multByAdjointAdd(tm, 8 * (a * n + k), tm, 8 * (b * n + k), 2, w, acc1); // += w T(p,k) T(q,k)†
                    ZOps.multAdjoint(tm, 8 * (k * n + a), tm, 8 * (k * n + b), 2, 2, 2, prod, 0); // T(k,p)† T(k,q)
                    ZOps.addScaled(acc2, w, prod, 2);
                }
                int ab = 8 * (a * n + b), ba = 8 * (b * n + a);
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < 2; j++) {
                        // LHS = T_ab(i,j) − conj(T_ba(j,i))
                        double lr = tm[ab + 2 * (2 * i + j)] - tm[ba + 2 * (2 * j + i)];
                        double li = tm[ab + 2 * (2 * i + j) + 1] + tm[ba + 2 * (2 * j + i) + 1];
                        // + 2πi N_F acc
                        double s = 2 * Math.PI * nf;
                        double r1 = lr - s * acc1[2 * (2 * i + j) + 1], i1 = li + s * acc1[2 * (2 * i + j)];
                        double r2 = lr - s * acc2[2 * (2 * i + j) + 1], i2 = li + s * acc2[2 * (2 * i + j)];
                        res = Math.max(res, Math.max(Math.hypot(r1, i1), Math.hypot(r2, i2)));
                    }
            }
        return res / tmax;
    }

    /** max |T(p,k) − σ_y T(−k,−p)ᵀ σ_y| / max|T| over node pairs. */
    public static double reciprocityResidual(TMatrix t) {
        return pairResidual(t, true);
    }

    /** max |T(−p,−k) − T(p,k)| / max|T| over node pairs. */
    public static double parityResidual(TMatrix t) {
        return pairResidual(t, false);
    }

    private static double pairResidual(TMatrix t, boolean timeReversal) {
        SphereRule r = SphereRule.of(5, 7);
        double kf = t.host().kF();
        double[] a = new double[8], b = new double[8];
        double res = 0, tmax = 0;
        for (int i = 0; i < r.size(); i++)
            for (int j = 0; j < r.size(); j++) {
                double[] p = {kf * r.x(i), kf * r.y(i), kf * r.z(i)}, k = {kf * r.x(j), kf * r.y(j), kf * r.z(j)};
                double[] mp = {-p[0], -p[1], -p[2]}, mk = {-k[0], -k[1], -k[2]};
                t.eval(p, k, a, 0);
                if (timeReversal) {
                    t.eval(mk, mp, b, 0);
                    // σ_y Mᵀ σ_y = [[M11, −M01],[−M10, M00]]
                    double[] c = {b[6], b[7], -b[2], -b[3], -b[4], -b[5], b[0], b[1]};
                    b = c;
                } else t.eval(mp, mk, b, 0);
                for (int c = 0; c < 8; c++) {
                    res = Math.max(res, Math.abs(a[c] - b[c]));
                    tmax = Math.max(tmax, Math.abs(a[c]));
                }
            }
        return tmax == 0 ? 0 : res / tmax;
    }

    /**
     * Rejects a T-matrix that violates the optical theorem by more than {@code tolerance} (relative), naming the
     * residual. Born potentials are exempt (they violate it at O(U²) by construction).
     */
    public static <T extends TMatrix> T requireUnitary(T t, double tolerance) {
        if (t.isBorn()) return t;
        double res = opticalTheoremResidual(t);
        if (!(res <= tolerance))
            throw new DiffusonException("tMatrix", String.format(java.util.Locale.ROOT,
                    "violates the optical theorem T − T† = −2πi N_F ⟨T T†⟩ by %.3e (relative) > tolerance %.1e", res, tolerance),
                    "build T from phase shifts (PartialWaveTMatrix), fix its normalisation (T ∝ −e^{iη} sin η/(πN_F)), or use a BornPotential for a perturbative V");
        return t;
    }
}
