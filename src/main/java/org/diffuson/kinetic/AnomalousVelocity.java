package org.diffuson.kinetic;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.SphereRule;
import org.diffuson.scattering.BornPotential;
import org.diffuson.scattering.TMatrix;

/**
 * Side-jump anomalous velocity of an electron with momentum p and spin α (along z) (seed 001 Eq. S39):
 * ω(p, α) = 2πn_im Σ_k δ(ε_p − ε_k) Σ_γ Im[(D_pk T_{αγ}) T*_{αγ}], with D_pk = ∇_p + ∇_k. Levy's form (S42) uses ∇_k
 * only. In the Born limit T = U(p−k)[1 − iγ(p×k)·σ]: |ω| = γ|σ×p|/τ_tr and |ω_Levy| = γ|σ×p|/τ_qp (S46–S50).
 */
public final class AnomalousVelocity {
    private AnomalousVelocity() {}

    /** ω(p̂, α) as a 3-vector; {@code spinUp} selects α = ↑ or ↓ along z. */
    public static double[] of(TMatrix t, double nIm, double[] pHat, boolean spinUp, SphereRule rule) {
        return compute(t, nIm, pHat, spinUp, rule, false);
    }

    /** Levy's ∇_k-only velocity (S42), for a Born potential. */
    public static double[] levy(BornPotential t, double nIm, double[] pHat, boolean spinUp, SphereRule rule) {
        return compute(t, nIm, pHat, spinUp, rule, true);
    }

    private static double[] compute(TMatrix t, double nIm, double[] pHat, boolean up, SphereRule rule, boolean levy) {
        if (!(nIm > 0)) throw new DiffusonException("nImp", "impurity density must be > 0, got " + nIm, "pass n_imp > 0");
        if (rule == null) rule = SphereRule.exactForDegree(Math.min(2 * t.maxL() + 4, 120));
        double kf = t.host().kF();
        double[] p = {kf * pHat[0], kf * pHat[1], kf * pHat[2]}, k = new double[3];
        double[] tm = new double[8], g = new double[24], w = new double[3];
        int a = up ? 0 : 1;
        for (int i = 0; i < rule.size(); i++) {
            k[0] = kf * rule.x(i); k[1] = kf * rule.y(i); k[2] = kf * rule.z(i);
            t.eval(p, k, tm, 0);
            if (levy) ((BornPotential) t).kGradient(p, k, g, 0);
            else t.shiftGradient(p, k, g, 0);
            for (int j = 0; j < 3; j++)
                for (int c = 0; c < 2; c++) {
                    int e = 2 * (2 * a + c);
                    double dr = g[8 * j + e], di = g[8 * j + e + 1], tr = tm[e], ti = -tm[e + 1];
                    w[j] += rule.weight(i) * (dr * ti + di * tr); // Im[(D T) T*]
                }
        }
        double pref = 2 * Math.PI * nIm * t.host().dos();
        for (int j = 0; j < 3; j++) w[j] *= pref;
        return w;
    }

    /** 1/τ_tr = 2πn_im N_F ⟨|U|²(1 − p̂·k̂)⟩ and 1/τ_qp = 2πn_im N_F ⟨|U|²⟩ of the scalar Born part: {1/τ_tr, 1/τ_qp}. */
    public static double[] bornRates(BornPotential t, double nIm, SphereRule rule) {
        if (rule == null) rule = SphereRule.exactForDegree(Math.min(2 * t.maxL() + 4, 120));
        double kf = t.host().kF(), tr = 0, qp = 0;
        for (int i = 0; i < rule.size(); i++) {
            double c = rule.z(i), u = t.potential(kf * Math.sqrt(2 - 2 * c));
            tr += rule.weight(i) * u * u * (1 - c);
            qp += rule.weight(i) * u * u;
        }
        double pref = 2 * Math.PI * nIm * t.host().dos();
        return new double[]{pref * tr, pref * qp};
    }
}
