package org.diffuson.gauge;

import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

/**
 * The paper's leading-order (|X| ≪ 1) closed forms of seed 004, eqs 25–54, 86, 103–108, D10–D12, with
 * Y_σ = D_σq² − iω (eq 25), Z = Y↑Y↓ + 2πΓ̃2⟨Yν⟩ (eq 26), ⟨f⟩ = f↑ + f↓, ⟨σf⟩ = f↑ − f↓, (Ȳ)_σ = Y_σ̄. Complex ω is
 * allowed (ω = iω_λ: Matsubara). These are the reference the full ladder ({@link SpinFlipLadder}) must approach with
 * relative error O(|X|); they are not a second implementation of the ladder.
 */
public final class GaugeClosedForms {
    private final SdFerromagnet fm;
    private final double[] d, nu;
    private final double g2;

    public GaugeClosedForms(SdFerromagnet fm) {
        this.fm = fm;
        this.d = new double[]{fm.diffusion(0), fm.diffusion(1)};
        this.nu = new double[]{fm.dos(0), fm.dos(1)};
        this.g2 = 2 * Math.PI * fm.gamma2();
    }

    public SdFerromagnet ferromagnet() { return fm; }

    /** Y_σ = D_σq² − iω (eq 25). */
    public Complex y(int s, double q, Complex omega) { return omega.multiply(Complex.I).negate().add(d[s] * q * q); }

    /** Z = Y↑Y↓ + 2πΓ̃2⟨Yν⟩ (eq 26). */
    public Complex z(double q, Complex omega) {
        Complex y0 = y(0, q, omega), y1 = y(1, q, omega);
        return y0.multiply(y1).add(y0.multiply(nu[0]).add(y1.multiply(nu[1])).multiply(g2));
    }

    private double dnu() { return d[0] * nu[0] + d[1] * nu[1]; }
    private double sdnu() { return d[0] * nu[0] - d[1] * nu[1]; }

    /** K = [⟨DνȲ⟩ + 2πΓ̃2⟨ν⟩⟨Dν⟩]/Z (eq 28). */
    public Complex chargeK(double q, Complex w) {
        Complex num = y(1, q, w).multiply(d[0] * nu[0]).add(y(0, q, w).multiply(d[1] * nu[1])).add(g2 * fm.nuPlus() * dnu());
        return num.divide(z(q, w));
    }

    /** K^s = [⟨σDνȲ⟩ + 2πΓ̃2⟨ν⟩⟨σDν⟩]/Z (eq 40). */
    public Complex spinK(double q, Complex w) {
        Complex num = y(1, q, w).multiply(d[0] * nu[0]).subtract(y(0, q, w).multiply(d[1] * nu[1])).add(g2 * fm.nuPlus() * sdnu());
        return num.divide(z(q, w));
    }

    /** ΔK^s = 4πΓ̃2ν↑ν↓(D↓ − D↑)/Z (eq 47). */
    public Complex spinKDelta(double q, Complex w) { return new Complex(2 * g2 * nu[0] * nu[1] * (d[1] - d[0])).divide(z(q, w)); }

    /** ΔK^s in the paper's printed form 2πΓ̃2(⟨σν⟩⟨Dν⟩ − ⟨ν⟩⟨σDν⟩)/Z (eq 47, first form). */
    public Complex spinKDeltaPrinted(double q, Complex w) {
        return new Complex(g2 * (fm.nuMinus() * dnu() - fm.nuPlus() * sdnu())).divide(z(q, w));
    }

    /** K_σ = ν_σ(D_σY_σ̄ + 2πΓ̃2⟨Dν⟩)/Z (eq 53). */
    public Complex spinResolvedK(int s, double q, Complex w) {
        return y(1 - s, q, w).multiply(d[s]).add(g2 * dnu()).multiply(nu[s]).divide(z(q, w));
    }

    /** K'_σ = ν_σ(σD_σY_σ̄ + 2πΓ̃2⟨σDν⟩)/Z (eq 105): density of spin σ driven by div E_s. */
    public Complex spinResolvedKPrime(int s, double q, Complex w) {
        return y(1 - s, q, w).multiply(SdFerromagnet.sign(s) * d[s]).add(g2 * sdnu()).multiply(nu[s]).divide(z(q, w));
    }

    /** K₁ = [⟨DνȲ⟩ + 2πΓ̃2⟨σν⟩⟨σDν⟩]/Z (eq D11). */
    public Complex k1(double q, Complex w) {
        Complex num = y(1, q, w).multiply(d[0] * nu[0]).add(y(0, q, w).multiply(d[1] * nu[1])).add(g2 * fm.nuMinus() * sdnu());
        return num.divide(z(q, w));
    }

    /** K₂ = [⟨D²νȲ⟩ + 2πΓ̃2⟨σDν⟩²]/Z (eq D12). */
    public Complex k2(double q, Complex w) {
        Complex num = y(1, q, w).multiply(d[0] * d[0] * nu[0]).add(y(0, q, w).multiply(d[1] * d[1] * nu[1])).add(g2 * sdnu() * sdnu());
        return num.divide(z(q, w));
    }

    /** Coefficient of ∇div E in j (eq 37): [⟨D²νȲ⟩ + 2πΓ̃2⟨Dν⟩²]/Z = (⟨Dν⟩ + iωK)/q². */
    public Complex chargeGradient(double q, Complex w) {
        Complex num = y(1, q, w).multiply(d[0] * d[0] * nu[0]).add(y(0, q, w).multiply(d[1] * d[1] * nu[1])).add(g2 * dnu() * dnu());
        return num.divide(z(q, w));
    }

    /** Coefficient of ∇div E in j_s (eq 49): [⟨σD²νȲ⟩ + 2πΓ̃2⟨Dν⟩⟨σDν⟩]/Z. */
    public Complex spinGradient(double q, Complex w) {
        Complex num = y(1, q, w).multiply(d[0] * d[0] * nu[0]).subtract(y(0, q, w).multiply(d[1] * d[1] * nu[1])).add(g2 * dnu() * sdnu());
        return num.divide(z(q, w));
    }

    /** Full density vertex 1 + Λ_0^σ ≈ Λ_0^σ = (Y_σ̄ + 2πΓ̃2⟨ν⟩)/(Zτ_σ) (eq A12; the bare 1 is dropped at this order). */
    public Complex vertex0(int s, double q, Complex w) {
        return y(1 - s, q, w).add(g2 * fm.nuPlus()).divide(z(q, w).multiply(fm.tau(s)));
    }

    /** Λ_i^σ/q_i = −i(D_σY_σ̄ + 2πΓ̃2⟨Dν⟩)/(Zτ_σ) (eq A13). */
    public Complex vertexCurrent(int s, double q, Complex w) {
        return y(1 - s, q, w).multiply(d[s]).add(g2 * dnu()).multiply(new Complex(0, -1)).divide(z(q, w).multiply(fm.tau(s)));
    }

    /** K^cc_μν (eqs 27–31) at wave vector q. */
    public CMatrix chargeCharge(double[] q, Complex w) {
        double qn = norm(q);
        Complex k = chargeK(qn, w);
        return tensor(q, w, k, k, fm.chargeConductivity());
    }

    /** K^sc_μν (eqs 38–46): K^sc_00 = q²(K^s + ΔK^s), K^sc_0i = q_iω(K^s + ΔK^s), K^sc_i0 = q_iωK^s. */
    public CMatrix spinCharge(double[] q, Complex w) {
        double qn = norm(q);
        Complex ks = spinK(qn, w), full = ks.add(spinKDelta(qn, w));
        return tensor(q, w, full, ks, fm.spinConductivity());
    }

    /** K̃^cs_μν = K^sc_νμ (Onsager, eq 72, on the closed forms a plain transpose with the same Y). */
    public CMatrix chargeSpin(double[] q, Complex w) { return spinCharge(q, w).transpose(); }

    /** ΔK̃^cs_μν = −ΔK^s{q²δ_μ0 + q_iωδ_μi}δ_ν0 (eq 86). */
    public CMatrix chargeSpinSource(double[] q, Complex w) {
        double[] qv = SpinFlipLadder.q3(q);
        double qn = norm(qv);
        Complex dk = spinKDelta(qn, w);
        Complex[][] m = zeros();
        m[0][0] = dk.multiply(-qn * qn);
        for (int i = 0; i < 3; i++) m[i + 1][0] = dk.multiply(w).multiply(-qv[i]);
        return CMatrix.of(m);
    }

    /** ΔK̃^ss_μ0 = −4πΓ̃2ν↑ν↓[⟨Y⟩δ_μ0 − iq_i⟨DȲ⟩δ_μi]/Z (eq D9). */
    public CMatrix spinSpinSource(double[] q, Complex w) {
        double[] qv = SpinFlipLadder.q3(q);
        double qn = norm(qv);
        Complex zz = z(qn, w), pre = new Complex(-2 * g2 * nu[0] * nu[1]).divide(zz);
        Complex sumY = y(0, qn, w).add(y(1, qn, w)), dyb = y(1, qn, w).multiply(d[0]).add(y(0, qn, w).multiply(d[1]));
        Complex[][] m = zeros();
        m[0][0] = pre.multiply(sumY);
        for (int i = 0; i < 3; i++) m[i + 1][0] = pre.multiply(dyb).multiply(new Complex(0, -qv[i]));
        return CMatrix.of(m);
    }

    private CMatrix tensor(double[] q, Complex w, Complex k0, Complex ki0, double sigma) {
        double[] qv = SpinFlipLadder.q3(q);
        double qn = norm(qv);
        Complex iw = w.multiply(Complex.I);
        Complex[][] m = zeros();
        m[0][0] = k0.multiply(qn * qn);
        for (int i = 0; i < 3; i++) {
            m[0][i + 1] = k0.multiply(w).multiply(qv[i]);
            m[i + 1][0] = ki0.multiply(w).multiply(qv[i]);
            for (int j = 0; j < 3; j++) {
                double qq = qn > 0 ? qv[i] * qv[j] / (qn * qn) : 0;
                // iω{σ(δ − q̂q̂) − iωK q̂q̂}
                m[i + 1][j + 1] = iw.multiply(new Complex(sigma * ((i == j ? 1 : 0) - qq)).subtract(iw.multiply(ki0).multiply(qq)));
            }
        }
        return CMatrix.of(m);
    }

    /** Roots s = −iω of Z(q, s) = s² + s[(D↑+D↓)q² + 1/τ_sf] + D↑D↓q⁴ + 2πΓ̃2q²⟨Dν⟩ (eqs 32–34): the two modes ω = is, slow first. */
    public Complex[] modes(double q) {
        double b = (d[0] + d[1]) * q * q + fm.spinFlipRate(), c = d[0] * d[1] * q * q * q * q + g2 * q * q * dnu();
        double disc = b * b - 4 * c;
        if (disc >= 0) {
            double big = -(b + Math.sqrt(disc)) / 2, small = big == 0 ? 0 : c / big;
            return new Complex[]{new Complex(0, small), new Complex(0, big)};
        }
        double re = -b / 2, im = Math.sqrt(-disc) / 2;
        return new Complex[]{new Complex(0, re).add(new Complex(-im, 0)), new Complex(0, re).add(new Complex(im, 0))};
    }

    /** Small-q charge mode ω = −iD_eff q² (eq 34). */
    public Complex chargeModeSmallQ(double q) { return new Complex(0, -fm.effectiveDiffusion() * q * q); }

    /** Small-q spin mode ω = −i[1/τ_sf + q²(D↑ν↓ + D↓ν↑)/⟨ν⟩]. */
    public Complex spinModeSmallQ(double q) {
        return new Complex(0, -(fm.spinFlipRate() + q * q * (d[0] * nu[1] + d[1] * nu[0]) / fm.nuPlus()));
    }

    static double norm(double[] q) {
        double s = 0;
        for (double x : q) s += x * x;
        return Math.sqrt(s);
    }

    /** A 4×4 tensor of zeros. */
    static Complex[][] zeros() {
        Complex[][] m = new Complex[4][4];
        for (Complex[] r : m) java.util.Arrays.fill(r, Complex.ZERO);
        return m;
    }
}
