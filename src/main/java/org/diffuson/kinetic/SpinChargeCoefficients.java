package org.diffuson.kinetic;

import org.diffuson.integrate.SphereRule;
import org.diffuson.scattering.HostMetal;
import org.diffuson.scattering.TMatrix;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The spin–charge diffusion coefficients of seed 001 (Eqs. 7–16) from one kinetic solve, with the rates and Ω's it was
 * built from. Conventions: ħ = 1; ρ = ½Tr X and s_a = ½Tr(σ_a X) are per-spin densities (X = N_F δn); the currents are
 * J_j = −D_c ∂_jρ − Dθ_sH ε_{jka} ∂_k s_a (Eq. 8) and J_{jb} = −Σ_m D_m P^m_{jb} − Dθ_sH ε_{jkb} ∂_kρ (Eqs. 9–10);
 * D = v_F²τ_tr/3. The Ω's are the S23-literal moments of I1 (the paper's printed S98–S103 are twice these, with
 * Ω_cs ↔ Ω_sc interchanged; see {@link ThreeChannelFormulas}).
 *
 * @param q 12×12 response J_{jA} = Σ q[(4j+A)·12 + 4k+C] ∂_k M_C (row-major; A, C = 0 charge, 1–3 spin)
 */
public record SpinChargeCoefficients(
        HostMetal host, double nImp, KineticSolver.Method method, String grid,
        double invTauTr, double invTauS, double omegaSk, double[] gamma,
        double omegaC, double omegaCs, double omegaSc, double[] omegaM,
        double omegaCSource, double omegaCsSource, double omegaScSource, double[] omegaMSource,
        double dc, double dThetaSH, double dThetaSHOnsager, double[] dm,
        double anisotropy, double[] q) {

    /** Units of the spin current in σ_sH. */
    public enum SpinCurrentUnit {
        /** Pauli-weighted j↑ − j↓ (the library default): σ_sH = 2eN_F Dθ_sH. */
        PAULI,
        /** (ħ/2)(j↑ − j↓) expressed as a charge current: σ_sH = eN_F Dθ_sH. */
        HBAR_HALF
    }

    static SpinChargeCoefficients from(TMatrix t, double nIm, SphereRule rule, KineticSolver.Method m, KineticSolver.Blocks b, double[] q) {
        HostMetal h = t.host();
        double vf = h.fermiVelocity(), sF = 3 / (vf * vf);
        double invTr = -Tensors.charge(b.k());
        double[] gam = new double[3], om = new double[3], omF = new double[3], dm = new double[3];
        for (int i = 0; i < 3; i++) {
            gam[i] = -Tensors.spin(b.k(), i) / invTr;
            om[i] = Tensors.spin(b.z(), i);
            omF[i] = sF * Tensors.spin(b.f(), i);
            dm[i] = -Tensors.spin(q, i);
        }
        double aniso = Math.max(Tensors.anisotropy(q), Math.max(Tensors.anisotropy(b.k()), Tensors.anisotropy(b.z())));
        return new SpinChargeCoefficients(h, nIm, m, rule.toString(), invTr, b.invTauS(), Tensors.chargeSpin(b.k()), gam,
                Tensors.charge(b.z()), Tensors.chargeSpin(b.z()), Tensors.spinCharge(b.z()), om,
                sF * Tensors.charge(b.f()), sF * Tensors.spinCharge(b.f()), sF * Tensors.chargeSpin(b.f()), omF,
                -Tensors.charge(q), -Tensors.chargeSpin(q), -Tensors.spinCharge(q), dm, aniso, q.clone());
    }

    /** r = n_imp/n_c, the dilute-limit small parameter. */
    public double r() { return nImp / host.carrierDensity(); }
    public double tauTr() { return 1 / invTauTr; }
    public double tauS() { return 1 / invTauS; }
    /** D = v_F² τ_tr/3. */
    public double diffusionConstant() { double v = host.fermiVelocity(); return v * v * tauTr() / 3; }
    /** θ_sk = ω_sk τ_tr (never defined in the paper; the inference of its S59). */
    public double thetaSk() { return omegaSk * tauTr(); }
    /** ω_sw ≡ (γ₂ − γ₀)/(3τ_tr); equals S80 when B is angle-independent (then γ_m = 1 − {2,1,−1} ω_sw τ_tr, S89). */
    public double omegaSw() { return (gamma[2] - gamma[0]) / 3 * invTauTr; }
    public double thetaSH() { return dThetaSH / diffusionConstant(); }
    public double d0() { return dm[0]; }
    public double d1() { return dm[1]; }
    public double d2() { return dm[2]; }
    /** D_s^T = (D₁ + D₂)/2 (Eq. 15). */
    public double dsT() { return 0.5 * (dm[1] + dm[2]); }
    /** D_s^L = (D₀ + 2D₂)/3 (Eq. 15). */
    public double dsL() { return (dm[0] + 2 * dm[2]) / 3; }
    /** Swapping coefficient κ = (D₂ − D₀)/3 (Eq. 15). */
    public double kappa() { return (dm[2] - dm[0]) / 3; }
    /** λ_T = √(D_s^T τ_s). */
    public double lambdaT() { return Math.sqrt(dsT() * tauS()); }
    /** λ_L = √(D_s^L τ_s). */
    public double lambdaL() { return Math.sqrt(dsL() * tauS()); }
    /** Charge conductivity (both spins) σ_c = 2e²N_F D_c, in units of e² (Einstein relation; = n_c e²τ_tr/m when Ω = θ = 0). */
    public double sigmaCharge() { return 2 * host.dos() * dc; }
    /** Spin Hall conductivity in units of e: 2N_F Dθ_sH (PAULI) or N_F Dθ_sH (HBAR_HALF). */
    public double sigmaSH(SpinCurrentUnit unit) { return (unit == SpinCurrentUnit.PAULI ? 2 : 1) * host.dos() * dThetaSH; }
    /** σ_sH/(e k_F), Pauli units. */
    public double sigmaSHOverKF() { return sigmaSH(SpinCurrentUnit.PAULI) / host.kF(); }
    /** Largest deviation of Q, K, Z from isotropic tensors (relative): a rotational-invariance/quadrature check. */
    public double isotropyResidual() { return anisotropy; }
    /** |Dθ_sH from the charge row − from the spin row| / |Dθ_sH| (Onsager reciprocity). */
    public double onsagerResidual() {
        double s = Math.max(Math.abs(dThetaSH), 1e-300);
        return Math.abs(dThetaSH - dThetaSHOnsager) / s;
    }

    /** The coefficients as name → value in the units stated in the name (x = ε_F r). */
    public Map<String, Double> table() {
        double x = host.fermiEnergy() * r(), d = diffusionConstant();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("r = n_imp/n_c", r());
        m.put("1/τ_tr / (ε_F r)", invTauTr / x);
        m.put("1/τ_s / (ε_F r)", invTauS / x);
        m.put("ω_sk / (ε_F r)", omegaSk / x);
        m.put("ω_sw / (ε_F r)", omegaSw() / x);
        m.put("θ_sk", thetaSk());
        m.put("γ0", gamma[0]);
        m.put("γ1", gamma[1]);
        m.put("γ2", gamma[2]);
        m.put("Ω_c / r", omegaC / r());
        m.put("Ω_cs / r", omegaCs / r());
        m.put("Ω_sc / r", omegaSc / r());
        m.put("Ω_0 / r", omegaM[0] / r());
        m.put("Ω_1 / r", omegaM[1] / r());
        m.put("Ω_2 / r", omegaM[2] / r());
        m.put("D = v_F²τ_tr/3", d);
        m.put("D_c / D", dc / d);
        m.put("θ_sH", thetaSH());
        m.put("D_0 / D", dm[0] / d);
        m.put("D_1 / D", dm[1] / d);
        m.put("D_2 / D", dm[2] / d);
        m.put("D_s^T / D", dsT() / d);
        m.put("D_s^L / D", dsL() / d);
        m.put("D_s^L / D_s^T", dsL() / dsT());
        m.put("κ / D", kappa() / d);
        m.put("λ_T (= √(D_s^T τ_s))", lambdaT());
        m.put("σ_c / e²", sigmaCharge());
        m.put("σ_sH / (e k_F) [Pauli j↑−j↓]", sigmaSHOverKF());
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "SpinChargeCoefficients(%s on %s; %s, n_imp=%.6g)%n", method, grid, host, nImp));
        for (Map.Entry<String, Double> e : table().entrySet())
            sb.append(String.format(Locale.ROOT, "  %-32s %+.9g%n", e.getKey(), e.getValue()));
        return sb.toString();
    }
}
