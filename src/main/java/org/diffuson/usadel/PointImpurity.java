package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.complex.Complex;

import java.util.Locale;

/**
 * Short-range s-wave impurities with extrinsic spin–orbit coupling (seed 003 Eqs. 6–9, 30–37, 44–45, 56):
 * K = −∇²/2m − μ + U + λ²σ·(∇U × p), U = Σ V(r − r_a), scattering length a, density n_im. The Mott amplitude
 * t_F = t0/(1 + i p_F a), t0 = 2πa/m, and the SOC amplitude B = λ²p_F² t0 give 1/τ, ω1, ω2 and from them θ, κ,
 * τ_so. ħ = 1; {@code socStrength} is the dimensionless λ²p_F².
 *
 * @param mass          band mass m
 * @param pF            Fermi momentum p_F
 * @param scatteringLength s-wave scattering length a (any sign; tan δ0 = −p_F a)
 * @param density       impurity density n_im
 * @param socStrength   λ²p_F² (must be ≪ 1)
 */
public record PointImpurity(double mass, double pF, double scatteringLength, double density, double socStrength) {

    public PointImpurity {
        DiffusonException.requirePositive("mass", mass);
        DiffusonException.requirePositive("pF", pF);
        DiffusonException.requireFinite("scatteringLength", scatteringLength);
        DiffusonException.requirePositive("density", density);
        DiffusonException.requireFinite("socStrength", socStrength);
        if (socStrength < 0)
            throw new DiffusonException("socStrength", "λ²p_F² must be ≥ 0, got " + socStrength,
                    "pass λ²p_F² (dimensionless, ≪ 1)");
    }

    /** From the s-wave phase shift δ0 (tan δ0 = −p_F a). */
    public static PointImpurity fromPhaseShift(double mass, double pF, double delta0, double density,
                                               double socStrength) {
        return new PointImpurity(mass, pF, -Math.tan(delta0) / pF, density, socStrength);
    }

    /** Which formula for 1/τ_so: the paper's Eq. 56 (Born limit of the Mott amplitude) or the full (16π/9)n N_F B². */
    public enum TauSoForm { EQ56, MOTT }

    /** Per-spin density of states at the Fermi level N_F = m p_F/2π² (seed 003 Eq. 31). */
    public double nF() {
        return mass * pF / (2 * Math.PI * Math.PI);
    }

    /** p_F a = πN_F t0. */
    public double pFa() {
        return pF * scatteringLength;
    }

    /** Bare amplitude t0 = 2πa/m. */
    public double t0() {
        return 2 * Math.PI * scatteringLength / mass;
    }

    /** On-shell T-matrix t_F = t0/(1 + i p_F a) = −sinδ0 e^{iδ0}/(πN_F) (seed 003 Eq. 33). */
    public Complex tF() {
        return new Complex(t0()).divide(new Complex(1, pFa()));
    }

    /** SOC amplitude B = λ²p_F² t0 (seed 003 Eq. 44). */
    public double socAmplitude() {
        return socStrength * t0();
    }

    /** Momentum relaxation rate 1/τ = 2πn_im N_F |t_F|² (seed 003 Eq. 35). */
    public double scatteringRate() {
        Complex t = tF();
        return 2 * Math.PI * density * nF() * (t.getReal() * t.getReal() + t.getImaginary() * t.getImaginary());
    }

    /** τ. */
    public double tau() {
        double rate = scatteringRate();
        if (rate == 0)
            throw new DiffusonException("scatteringLength", "a = 0 gives no scattering (τ = ∞)",
                    "use a nonzero scattering length");
        return 1 / rate;
    }

    /** ω1 = 2πn_im N_F Re(t_F* B) (seed 003 Eq. 45); closed form ω1τ = λ²p_F². */
    public double omega1() {
        return 2 * Math.PI * density * nF() * tF().conjugate().multiply(socAmplitude()).getReal();
    }

    /** ω2 = 2πn_im N_F Im(t_F* B) (seed 003 Eq. 45); closed form ω2 = p_F a ω1. */
    public double omega2() {
        return 2 * Math.PI * density * nF() * tF().conjugate().multiply(socAmplitude()).getImaginary();
    }

    /** Elastic mean free path in units of 1/p_F: p_F l = p_F²τ/m. */
    public double pFl() {
        return pF * pF * tau() / mass;
    }

    /** Spin relaxation time τ_so: Eq. 56 1/τ_so = (8/9)λ⁴p_F⁴/τ, or the Mott form (16π/9)n_im N_F B². */
    public double tauSo(TauSoForm form) {
        double rate = form == TauSoForm.EQ56 ? 8.0 / 9 * socStrength * socStrength / tau()
                : 16 * Math.PI / 9 * density * nF() * socAmplitude() * socAmplitude();
        return 1 / rate;
    }

    /** θ, κ, τ_so (Eq. 56 form) and their parts (seed 003 Eqs. 4–5, 65–66, 75–76). */
    public SpinOrbitCoefficients coefficients() {
        return coefficients(TauSoForm.EQ56);
    }

    /** θ, κ and τ_so with the chosen τ_so formula. */
    public SpinOrbitCoefficients coefficients(TauSoForm form) {
        double tau = tau(), w1 = omega1() * tau, w2 = omega2() * tau, pl = pFl();
        double vF = pF / mass, l = vF * tau;
        return new SpinOrbitCoefficients(2.0 / 3 * w2 + 2 * w1 / pl, 2.0 / 3 * w1 - 2 * w2 / pl,
                2.0 / 3 * w2 + w1 / pl, 2.0 / 3 * w1 - w2 / pl,
                2.0 / 3 * w2, 2 * w1 / pl, 2.0 / 3 * w1, -2 * w2 / pl,
                tau, vF * l / 3, pl, tauSo(form), w1, w2);
    }

    /** T̂ = (1 + i p_F a ǧ)⁻¹ t0 by matrix inversion (seed 003 Eqs. 30–32): valid for any ǧ, any p_F a. */
    public CMatrix tMatrix(CMatrix g) {
        CMatrix one = CMatrix.identity(g.rows());
        return one.plus(g.scale(0, pFa())).inverse().scale(t0());
    }

    /** Closed form T̂ = Re t_F + i Im t_F ǧ, valid only if ǧ² = 1 (seed 003 Eq. 33). */
    public CMatrix tMatrixNormalized(CMatrix g) {
        Complex t = tF();
        return CMatrix.identity(g.rows()).scale(t.getReal()).plus(g.scale(0, t.getImaginary()));
    }

    /** Born limit T̂ → t0 (first Born), i.e. the p_F a → 0 limit of {@link #tMatrix}. */
    public CMatrix tMatrixBorn(CMatrix g) {
        return CMatrix.identity(g.rows()).scale(t0());
    }

    /**
     * The Born series of Fig. 2c summed to {@code order}: t0 Σ_k (−i p_F a ǧ)^k. Converges only for |p_F a| < 1 (a
     * clear error otherwise): invert with {@link #tMatrix} instead.
     */
    public CMatrix bornSeries(CMatrix g, int order) {
        if (Math.abs(pFa()) >= 1)
            throw new DiffusonException("scatteringLength", String.format(Locale.ROOT,
                    "the Born series diverges for |p_F a| = %.3g ≥ 1", Math.abs(pFa())),
                    "use tMatrix(g), which inverts (1 + i p_F a ǧ) exactly");
        CMatrix term = CMatrix.identity(g.rows()), sum = term, step = g.scale(0, -pFa());
        for (int k = 1; k <= order; k++) {
            term = term.times(step);
            sum = sum.plus(term);
        }
        return sum.scale(t0());
    }

    /** Self-energy Σ̌^(0) = n_im T̂ = n_im Re t_F − (i/2τ) ǧ (seed 003 Eq. 36; ǧ² = 1 assumed). */
    public CMatrix selfEnergy(CMatrix g) {
        return tMatrixNormalized(g).scale(density);
    }

    /**
     * Elliott–Yafet self-energy for a Fermi-surface direction n (seed 003 Eq. 55, corrected prefactor):
     * Σ̌^(2)(n) = (3i/16τ_so)(σ·n ǧ σ·n − σ^aǧσ^a). {@code paperLiteral} uses the printed 16i/(3τ_so).
     */
    public static CMatrix elliottYafet(double[] n, CMatrix g, double tauSo, boolean paperLiteral) {
        CMatrix sn = Nambu.lift(Nambu.sigma(1).scale(n[0]).plus(Nambu.sigma(2).scale(n[1]))
                .plus(Nambu.sigma(3).scale(n[2])), g.rows());
        double pref = paperLiteral ? 16.0 / 3 / tauSo : 3.0 / 16 / tauSo;
        return sn.times(g).times(sn).minus(Nambu.sigmaSandwich(g)).scale(0, pref);
    }

    /**
     * Fermi-sphere average ⟨Σ̌^(2)(n)⟩ by Gauss–Legendre in cos ϑ times a uniform φ rule; with the corrected prefactor
     * it equals −(i/8τ_so)σ^aǧσ^a (seed 003 Eq. 70).
     */
    public static CMatrix elliottYafetAverage(CMatrix g, double tauSo, boolean paperLiteral, int nodes) {
        GaussIntegrator gl = new GaussIntegratorFactory().legendre(nodes, -1, 1);
        CMatrix sum = CMatrix.zeros(g.rows(), g.cols());
        for (int i = 0; i < gl.getNumberOfPoints(); i++) {
            double c = gl.getPoint(i), s = Math.sqrt(1 - c * c), w = gl.getWeight(i) / 2;
            for (int k = 0; k < nodes; k++) {
                double phi = 2 * Math.PI * k / nodes;
                sum = sum.plus(elliottYafet(new double[]{s * Math.cos(phi), s * Math.sin(phi), c}, g, tauSo,
                        paperLiteral).scale(w / nodes));
            }
        }
        return sum;
    }
}
