package org.diffuson.gauge;

import org.hipparchus.complex.Complex;

/**
 * Exact wide-band (Fermi-surface) RA bubbles of one spin of the 3D s–d ferromagnet (seed 004 eqs A1–A4, A9–A11):
 * Π^σ_μν(q, ω) = Σ_k v_μv_ν G^R_{k+σ}(ε+ω) G^A_{k−σ}(ε) = 2πν_στ_σ⟨v_μv_ν/(1 − iωτ_σ + iv·qτ_σ)⟩_FS with v_0 = 1,
 * v_i = v_Fσ k̂_i, averaged over the Fermi sphere in closed form (arctan and its moments, series for small qℓ).
 * The leading-order forms of the paper (Π^RA ≃ 2πντ(1 − X), Π_i0 ≃ −2πiq_iDντ, Π_ij ≃ 2πDνδ_ij) are its small-X limit.
 * A complex ω = iω_λ (ω_λ &gt; 0) gives the Matsubara RA bubble (|ω_λ| replaces −iω).
 *
 * <p>The q = ω = 0 value P = 2πντ is kept apart: {@link Values#defect()} = 1 − Π_00/P is computed without cancellation,
 * because the ladder denominator 1 − Γ̃Π is O(X) (spec pitfall §5).
 */
public final class FermiSurfaceBubble {
    private FermiSurfaceBubble() {}

    /** The 4×4 Π^σ_μν (index 0 = density, 1..3 = x, y, z), P = 2πν_στ_σ and δ = 1 − Π_00/P. */
    public record Values(Complex[][] pi, double p, Complex defect) {}

    /** Angular averages I_n = ⟨c^n/(a + ibc)⟩ over c = cos θ ∈ [−1, 1] (n = 0, 1, 2) and 1 − I_0. */
    static Complex[] moments(Complex a, double b) {
        Complex i0, i1, i2, oneMinusI0;
        double ratio = b / a.norm();
        if (ratio < 0.25) {
            // 1/(a+ibc) = (1/a) Σ (−ibc/a)^n, ⟨c^{2k}⟩ = 1/(2k+1)
            Complex u = new Complex(b).divide(a), u2 = u.multiply(u), pw = Complex.ONE, t0 = Complex.ZERO, t1 = Complex.ZERO, t2 = Complex.ZERO;
            for (int k = 0; k < 40; k++) {
                Complex sgn = (k % 2 == 0) ? pw : pw.negate();
                if (k > 0) t0 = t0.add(sgn.divide(2 * k + 1));
                t1 = t1.add(sgn.multiply(u).divide(2 * k + 3));
                t2 = t2.add(sgn.divide(2 * k + 3));
                pw = pw.multiply(u2);
                if (pw.norm() < 1e-19) break;
            }
            Complex inv = a.reciprocal();
            i0 = inv.multiply(t0.add(1));
            oneMinusI0 = a.subtract(1).subtract(t0).multiply(inv);       // (a − 1 − t0)/a
            i1 = inv.multiply(t1).multiply(new Complex(0, -1));
            i2 = inv.multiply(t2);
        } else {
            Complex ib = new Complex(0, b);
            i0 = a.add(ib).log().subtract(a.subtract(ib).log()).divide(new Complex(0, 2 * b));
            oneMinusI0 = Complex.ONE.subtract(i0);
            i1 = Complex.ONE.subtract(a.multiply(i0)).divide(ib);
            i2 = a.multiply(i1).negate().divide(ib);
        }
        return new Complex[]{i0, i1, i2, oneMinusI0};
    }

    /**
     * Π^σ at wave vector q (3 components) and complex frequency ω (real: retarded–advanced; ω = iω_λ: Matsubara).
     * Requires Re(1 − iωτ) &gt; 0, i.e. Im ω &gt; −1/τ (the RA branch).
     */
    public static Values of(SdFerromagnet fm, int s, double[] q, Complex omega) {
        double tau = fm.tau(s), v = fm.fermiVelocity(s), p = 2 * Math.PI * fm.dos(s) * tau;
        double qn = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]);
        Complex a = Complex.ONE.subtract(omega.multiply(Complex.I).multiply(tau));
        if (!(a.getReal() > 0))
            throw new org.diffuson.DiffusonException("omega", "Im ω = " + omega.getImaginary() + " ≤ −1/τ leaves the RA branch",
                    "the diffusive poles lie at |Im ω| ≪ 1/τ; use a frequency with Im ω > −1/τ");
        Complex[] m = moments(a, qn * v * tau);
        double[] qh = qn > 0 ? new double[]{q[0] / qn, q[1] / qn, q[2] / qn} : new double[]{1, 0, 0};
        Complex[][] pi = new Complex[4][4];
        pi[0][0] = m[0].multiply(p);
        Complex par = m[2].multiply(p * v * v), perp = m[0].subtract(m[2]).multiply(0.5 * p * v * v);
        for (int i = 0; i < 3; i++) {
            pi[0][i + 1] = pi[i + 1][0] = m[1].multiply(p * v * qh[i]);
            for (int j = 0; j < 3; j++)
                pi[i + 1][j + 1] = par.subtract(perp).multiply(qh[i] * qh[j]).add(i == j ? perp : Complex.ZERO);
        }
        return new Values(pi, p, m[3]);
    }

    /**
     * Wide-band three-Green-function bubble of the β term at q = 0, ε = 0 (seed 004 eq C5):
     * Q^σ_xx = Σ_k v_x² G^R_{kσ} G^R_{kσ̄} G^A_{kσ}, with the ξ-integral done by residues at fixed ν_σ, v_Fσ:
     * Q^σ_xx = −(σ/2M)·2πD_σν_σ/(1 − iσ(γ↑ + γ↓)/2M) — the oracle the spec's errata give for eq C6.
     * The full-band value with the ε-dependence of ν v² is {@link BetaTerm#threeGreenParabolic}.
     */
    public static Complex threeGreenWideBand(SdFerromagnet fm, int s) {
        double sg = SdFerromagnet.sign(s), mx = fm.exchange();
        double g = fm.broadening(0) + fm.broadening(1);
        Complex den = new Complex(1, -sg * g / (2 * mx));
        return new Complex(-sg / (2 * mx) * 2 * Math.PI * fm.diffusion(s) * fm.dos(s)).divide(den);
    }
}
