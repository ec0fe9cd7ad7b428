package org.diffuson.gauge;

import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The four response kernels of seed 004 at one (q, ω) from the full spin-flip ladder, as 4×4 tensors with index
 * 0 = density, 1..3 = x, y, z (four-vectors q_μ = (−ω, q), A_μ = (−φ, A), j_μ = (ρ, j); seed 004 fn 45):
 * ⟨j_μ⟩ = e²K^cc_μνA_ν + eK̃^cs_μνA^z_ν, ⟨j_s,μ⟩ = e²K^sc_μνA_ν + eK̃^ss_μνA^z_ν (eqs 18–21, 67–70).
 * {@code deltaCs}/{@code deltaSs} are the rotated-frame source terms of the time-dependent impurity spins (eqs 76–87,
 * B4) built from the same ladder's L's; with them the spin-gauge kernels are gauge invariant.
 * {@code l}/{@code lSpin} are L^σ_μν, L_s^σ_μν [spin][μ][ν]; {@code vertex} is Λ [charge|spin][spin][ν].
 */
public record GaugeKernels(SdFerromagnet ferromagnet, double[] q, Complex omega, CMatrix kcc, CMatrix ksc, CMatrix kcs, CMatrix kss,
                           CMatrix deltaCs, CMatrix deltaSs, Complex[][][] l, Complex[][][] lSpin, Complex[][][] vertex, Complex determinant) {

    public double qNorm() { return Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]); }

    /** q_μ = (−ω, q). */
    public Complex[] fourQ() { return new Complex[]{omega.negate(), new Complex(q[0]), new Complex(q[1]), new Complex(q[2])}; }

    /** K = K^cc_00/q² (eq 28). */
    public Complex chargeK() { return kcc.get(0, 0).divide(qNorm() * qNorm()); }

    /** K^s from K^sc_i0 = q_iωK^s (eq 39). */
    public Complex spinK() {
        double qn = qNorm();
        Complex s = Complex.ZERO;
        for (int i = 0; i < 3; i++) s = s.add(ksc.get(i + 1, 0).multiply(q[i] / qn));
        return s.divide(omega.multiply(qn));
    }

    /** ΔK^s = K^sc_00/q² − K^s (eqs 38, 47): the gauge-violating part. */
    public Complex spinKDelta() { return ksc.get(0, 0).divide(qNorm() * qNorm()).subtract(spinK()); }

    /** K̃^cs + ΔK̃^cs: the repaired charge response to the spin gauge field (eqs 86–87). */
    public CMatrix kcsRepaired() { return kcs.plus(deltaCs); }

    /** K̃^ss + ΔK̃^ss (eqs D10–D12). */
    public CMatrix kssRepaired() { return kss.plus(deltaSs); }

    /** max_μ |Σ_ν K_μν q_ν| / max_μν |K_μν q_ν|: gauge invariance (right contraction). */
    public double gaugeResidual(CMatrix k) { return contraction(k, true); }

    /** max_ν |Σ_μ q_μ K_μν| / scale: conservation (left contraction). */
    public double conservationResidual(CMatrix k) { return contraction(k, false); }

    private double contraction(CMatrix k, boolean right) {
        Complex[] qm = fourQ();
        double res = 0, scale = 0;
        for (int a = 0; a < 4; a++) {
            Complex sum = Complex.ZERO;
            for (int b = 0; b < 4; b++) {
                Complex t = right ? k.get(a, b).multiply(qm[b]) : qm[b].multiply(k.get(b, a));
                sum = sum.add(t);
                scale = Math.max(scale, t.norm());
            }
            res = Math.max(res, sum.norm());
        }
        return scale == 0 ? 0 : res / scale;
    }

    /**
     * max_ν |Σ_μ q_μK^sc_μν − ωΔK̃^cs_ν0| / max_μν |q_μK^sc_μν|: the spin density is not conserved, and its source is the
     * same term that repairs K̃^cs (eq 47 with eq 86).
     */
    public double spinNonConservationResidual() {
        Complex[] qm = fourQ();
        double res = 0, scale = 0;
        for (int nu = 0; nu < 4; nu++) {
            Complex lhs = Complex.ZERO;
            for (int mu = 0; mu < 4; mu++) {
                Complex t = qm[mu].multiply(ksc.get(mu, nu));
                lhs = lhs.add(t);
                scale = Math.max(scale, t.norm());
            }
            res = Math.max(res, lhs.subtract(omega.multiply(deltaCs.get(nu, 0))).norm());
        }
        return scale == 0 ? 0 : res / scale;
    }

    /** |X_σ| = |D_σq² − iω|τ_σ, the expansion parameter of the closed forms (eq 12). */
    public double expansionParameter() {
        double x = 0;
        for (int s = 0; s < 2; s++)
            x = Math.max(x, new Complex(ferromagnet.diffusion(s) * qNorm() * qNorm()).subtract(omega.multiply(Complex.I)).norm() * ferromagnet.tau(s));
        return x;
    }

    /** Flags: outside the diffusive regime (|X| or qℓ not ≪ 1), marginal spin diffusion. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>(ferromagnet.warnings());
        double x = expansionParameter(), ql = qNorm() * Math.max(ferromagnet.meanFreePath(0), ferromagnet.meanFreePath(1));
        if (x > 0.1) w.add(String.format(Locale.ROOT, "|X| = %.3g is not ≪ 1: the closed forms (eqs 27–54) do not apply at this q/omega; the ladder values are exact for the wide band", x));
        if (ql > 0.3) w.add(String.format(Locale.ROOT, "qℓ = %.3g: ballistic, not diffusive (q)", ql));
        return w;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "GaugeKernels at q=(%.4g, %.4g, %.4g), ω=%s, |X|=%.3g%n",
                q[0], q[1], q[2], CMatrix.format(omega.getReal(), omega.getImaginary()), expansionParameter()));
        if (qNorm() > 0 && omega.norm() > 0)
            sb.append(String.format(Locale.ROOT, "  q²K = %s, K^s = %s, ΔK^s = %s%n", fmt(kcc.get(0, 0)), fmt(spinK()), fmt(spinKDelta())));
        sb.append(String.format(Locale.ROOT, "  gauge residual: K^cc %.2e, K^sc %.2e, K̃^cs %.2e (repaired %.2e)%n", gaugeResidual(kcc),
                gaugeResidual(ksc), gaugeResidual(kcs), gaugeResidual(kcsRepaired())));
        for (String s : warnings()) sb.append("  warning: ").append(s).append('\n');
        return sb.toString();
    }

    static String fmt(Complex z) { return String.format(Locale.ROOT, "%.7g%+.7gi", z.getReal(), z.getImaginary()); }
}
