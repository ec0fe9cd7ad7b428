package org.diffuson.gauge;

import org.diffuson.DiffusonException;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fermi-surface data of the seed 004 s–d ferromagnet (eqs 4–11): parabolic band of mass m, Fermi energy ε_F, exchange
 * M (ε_Fσ = ε_F + σM, σ = ↑ = +1 majority), nonmagnetic impurities {@code scalar} = n_iu², impurity spins
 * {@code magneticPerp} = n_su_s²S⊥² (one in-plane component) and {@code magneticZ} = n_su_s²S_z². Units ħ = m = e = 1
 * unless the parameters say otherwise; energies in units of ε_F's unit, lengths in 1/k units. Spin index s = 0 (↑),
 * 1 (↓) with sign σ = 1 − 2s. The Born rates are the wide-band (Fermi-surface) limit of the SCBA of the same model on a
 * k-grid ({@link GridCheck}); Re Σ is absorbed into ε_F (seed 004 §II).
 */
public record SdFerromagnet(double mass, double fermiEnergy, double exchange, double scalar, double magneticPerp, double magneticZ) {
    public SdFerromagnet {
        DiffusonException.requirePositive("m", mass);
        DiffusonException.requirePositive("eF", fermiEnergy);
        DiffusonException.requireFinite("M", exchange);
        if (!(exchange > 0))
            throw new DiffusonException("M", "must be > 0, got " + exchange, "σ = ↑ is the majority spin (ε_F↑ = ε_F + M); for M = 0 there is no spin splitting — use Preset.DRUDE with d = 3");
        if (exchange >= fermiEnergy)
            throw new DiffusonException("M", "M = " + exchange + " ≥ ε_F = " + fermiEnergy + ": half-metal, the minority band is empty (ν↓ = 0)",
                    "D↓, Z (eq 26), ΔK^s (eq 47), τ_sf,↑ and β (eq 94) all assume two Fermi surfaces: choose M < eF");
        for (Object[] p : new Object[][]{{"scalar", scalar}, {"magneticPerp", magneticPerp}, {"magneticZ", magneticZ}}) {
            double v = (double) p[1];
            DiffusonException.requireFinite((String) p[0], v);
            if (v < 0) throw new DiffusonException((String) p[0], "must be ≥ 0, got " + v, "disorder strengths are variances n u²");
        }
        if (scalar + magneticPerp + magneticZ == 0)
            throw new DiffusonException("scalar", "all disorder strengths are 0", "set a positive n_iu² or magnetic disorder (the clean limit has no diffusion)");
    }

    /** Reference set R of the seed 004 spec: ε_F = 1, M = 0.2, Γ̃1 = 0.01, Γ̃2 = 5e-4, isotropic impurity spins. */
    public static SdFerromagnet setR() { return ofRates(1, 1, 0.2, 0.01, 5e-4); }

    /** From the rates Γ̃1 = n_iu² + n_su_s²S_z² and Γ̃2 = 2n_su_s²S⊥² with isotropic spins (S_z² = S⊥²). */
    public static SdFerromagnet ofRates(double mass, double fermiEnergy, double exchange, double gamma1, double gamma2) {
        if (gamma2 < 0) throw new DiffusonException("gamma2", "must be ≥ 0, got " + gamma2, "Γ̃2 = 2n_su_s²S⊥² is a variance");
        if (gamma1 < gamma2 / 2)
            throw new DiffusonException("gamma1", "Γ̃1 = " + gamma1 + " < Γ̃2/2 = " + gamma2 / 2 + " is impossible for isotropic spins",
                    "Γ̃1 = n_iu² + n_su_s²S_z² ≥ n_su_s²S_z² = Γ̃2/2; raise gamma1");
        return new SdFerromagnet(mass, fermiEnergy, exchange, gamma1 - gamma2 / 2, gamma2 / 2, gamma2 / 2);
    }

    /** From a {@link Preset#SD_FERROMAGNET} model. */
    public static SdFerromagnet of(Model model) {
        Map<String, Object> p = model.parameters();
        if (!"sd-ferromagnet".equals(model.name()))
            throw new DiffusonException("model", "is '" + model.name() + "', not an s–d ferromagnet", "build it with Preset.SD_FERROMAGNET");
        return new SdFerromagnet(num(p, "m"), num(p, "eF"), num(p, "M"), num(p, "scalar"), num(p, "magneticPerp"), num(p, "magneticZ"));
    }

    private static double num(Map<String, Object> p, String k) { return ((Number) p.get(k)).doubleValue(); }

    /** The k-space model (Preset.SD_FERROMAGNET) for grid checks, with hard cutoff ε(k_c) = cutoffEnergy. */
    public Model toModel(double cutoffEnergy) {
        return Preset.SD_FERROMAGNET.with("m", mass).with("eF", fermiEnergy).with("M", exchange).with("scalar", scalar)
                .with("magneticPerp", magneticPerp).with("magneticZ", magneticZ).with("cutoffEnergy", cutoffEnergy).build();
    }

    /** The same ferromagnet with Γ̃2 scaled to {@code gamma2} at fixed Γ̃1 and spin anisotropy ratio (rates recomputed). */
    public SdFerromagnet withGamma2(double gamma2) {
        DiffusonException.requireFinite("gamma2", gamma2);
        if (gamma2 < 0) throw new DiffusonException("gamma2", "must be ≥ 0", "Γ̃2 is a variance");
        double r = magneticPerp > 0 ? gamma2 / gamma2() : 0;
        double mz = magneticPerp > 0 ? magneticZ * r : magneticZ;
        double s = gamma1() - mz;
        if (s < 0) throw new DiffusonException("gamma2", "too large for Γ̃1 = " + gamma1() + " at this anisotropy", "raise scalar");
        return new SdFerromagnet(mass, fermiEnergy, exchange, s, gamma2 / 2, mz);
    }

    public static int sign(int s) { return 1 - 2 * s; }

    /** Γ̃1 = n_iu² + n_su_s²S_z² (spin-conserving, eq 10). */
    public double gamma1() { return scalar + magneticZ; }
    /** Γ̃2 = 2n_su_s²S⊥² (spin-flip, eq 11). */
    public double gamma2() { return 2 * magneticPerp; }

    /** ε_Fσ = ε_F + σM. */
    public double fermiEnergy(int s) { return fermiEnergy + sign(s) * exchange; }
    public double fermiMomentum(int s) { return Math.sqrt(2 * mass * fermiEnergy(s)); }
    public double fermiVelocity(int s) { return fermiMomentum(s) / mass; }
    /** Per-spin DOS ν_σ = m k_Fσ/2π² (3D). */
    public double dos(int s) { return mass * fermiMomentum(s) / (2 * Math.PI * Math.PI); }
    /** γ_σ = 1/2τ_σ = π(Γ̃1ν_σ + Γ̃2ν_σ̄) (eq 9). */
    public double broadening(int s) { return Math.PI * (gamma1() * dos(s) + gamma2() * dos(1 - s)); }
    public double tau(int s) { return 1 / (2 * broadening(s)); }
    /** D_σ = v_Fσ²τ_σ/3. */
    public double diffusion(int s) { return fermiVelocity(s) * fermiVelocity(s) * tau(s) / 3; }
    /** σ_σ = e²D_σν_σ (eq 54), e = 1. */
    public double conductivity(int s) { return diffusion(s) * dos(s); }
    public double meanFreePath(int s) { return fermiVelocity(s) * tau(s); }
    /** ν₊ = ν↑ + ν↓. */
    public double nuPlus() { return dos(0) + dos(1); }
    /** ν₋ = ν↑ − ν↓. */
    public double nuMinus() { return dos(0) - dos(1); }
    /** σ_c = ⟨Dν⟩ (eq 35). */
    public double chargeConductivity() { return conductivity(0) + conductivity(1); }
    /** σ_s = ⟨σDν⟩ (eq 45). */
    public double spinConductivity() { return conductivity(0) - conductivity(1); }
    public double currentPolarization() { return spinConductivity() / chargeConductivity(); }
    public double dosPolarization() { return nuMinus() / nuPlus(); }
    /** D_eff = ⟨Dν⟩/⟨ν⟩ (eq 34). */
    public double effectiveDiffusion() { return chargeConductivity() / nuPlus(); }
    /** 1/τ_sf = 2πΓ̃2⟨ν⟩ (eq 110). */
    public double spinFlipRate() { return 2 * Math.PI * gamma2() * nuPlus(); }
    /** 1/τ_sf,σ = 2πΓ̃2ν_σ̄. */
    public double spinFlipRate(int s) { return 2 * Math.PI * gamma2() * dos(1 - s); }
    /** ℓ_σ = √(D_στ_sf,σ). */
    public double spinLength(int s) { return Math.sqrt(diffusion(s) / spinFlipRate(s)); }
    /** λ_sf = √(D↑D↓/(2πΓ̃2⟨Dν⟩)), i.e. λ_sf⁻² = ℓ↑⁻² + ℓ↓⁻² (eq 34, Valet–Fert). */
    public double spinDiffusionLength() {
        return Math.sqrt(diffusion(0) * diffusion(1) / (2 * Math.PI * gamma2() * chargeConductivity()));
    }

    /** β = (π/M) n_su_s²(S⊥² + S_z²) ν₊ (eq 94). */
    public double beta() { return Math.PI / exchange * (magneticPerp + magneticZ) * nuPlus(); }

    /** True when S⊥² = S_z² (then β = 1/(2Mτ_sf)). */
    public boolean isotropicSpins() { return Math.abs(magneticPerp - magneticZ) <= 1e-14 * Math.max(magneticPerp, magneticZ); }

    /**
     * Validity flags (never silent): γ/ε_Fσ (Born, eq 9), γ/M (eq C6 holds to O(γ/M)), and λ_sf in mean free paths
     * (the diffusive spin-relaxation expansion is marginal below ~3ℓ, as for set R at 1.8ℓ).
     */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            double r = broadening(s) / fermiEnergy(s);
            if (r > 0.05) w.add(String.format(Locale.ROOT, "γ_%s/ε_F%s = %.3g is not ≪ 1: Born rates and Fermi-surface bubbles lose accuracy (scalar/magnetic)", arrow(s), arrow(s), r));
            double rm = broadening(s) / exchange;
            if (rm > 0.05) w.add(String.format(Locale.ROOT, "γ_%s/M = %.3g is not ≪ 1: eq C6 (and so β) holds only to O(γ/M) (M)", arrow(s), rm));
        }
        if (gamma2() > 0) {
            double l = Math.max(meanFreePath(0), meanFreePath(1)), r = spinDiffusionLength() / l;
            if (r < 1) w.add(String.format(Locale.ROOT, "λ_sf = %.3g is shorter than the mean free path ℓ = %.3g: spin relaxation is not diffusive, the closed forms fail (magneticPerp)", spinDiffusionLength(), l));
            else if (r < 3) w.add(String.format(Locale.ROOT, "λ_sf = %.2f ℓ: the diffusive spin-relaxation expansion is marginal (ladder poles differ from Z roots by a few %%) (magneticPerp)", r));
        }
        return List.copyOf(w);
    }

    static String arrow(int s) { return s == 0 ? "↑" : "↓"; }

    /** A table of the derived Fermi-surface quantities. */
    public String describe() {
        StringBuilder sb = new StringBuilder(toString()).append('\n');
        sb.append(String.format(Locale.ROOT, "%-14s %-14s %-14s%n", "quantity", "↑", "↓"));
        String[] names = {"k_F", "ν", "γ", "τ", "D", "σ_σ = Dν", "ℓ = v_Fτ", "ℓ_σ (spin)"};
        for (int i = 0; i < names.length; i++) {
            double[] v = new double[2];
            for (int s = 0; s < 2; s++)
                v[s] = switch (i) {
                    case 0 -> fermiMomentum(s); case 1 -> dos(s); case 2 -> broadening(s); case 3 -> tau(s);
                    case 4 -> diffusion(s); case 5 -> conductivity(s); case 6 -> meanFreePath(s); default -> spinLength(s);
                };
            sb.append(String.format(Locale.ROOT, "%-14s %-14.7g %-14.7g%n", names[i], v[0], v[1]));
        }
        sb.append(String.format(Locale.ROOT, "σ_c = %.7g, σ_s = %.7g, P_j = %.6f, P_ν = %.6f, D_eff = %.7g%n", chargeConductivity(),
                spinConductivity(), currentPolarization(), dosPolarization(), effectiveDiffusion()));
        sb.append(String.format(Locale.ROOT, "τ_sf = %.7g, λ_sf = %.7g, β = %.7g%n", 1 / spinFlipRate(), spinDiffusionLength(), beta()));
        for (String w : warnings()) sb.append("warning: ").append(w).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SdFerromagnet(m=%g, ε_F=%g, M=%g, n_iu²=%g, n_su_s²S⊥²=%g, n_su_s²S_z²=%g; Γ̃1=%g, Γ̃2=%g; ħ=e=1)",
                mass, fermiEnergy, exchange, scalar, magneticPerp, magneticZ, gamma1(), gamma2());
    }
}
