package org.diffuson.scattering;

import org.diffuson.DiffusonException;

import java.util.Locale;

/**
 * A resonant level at λ with half-width Γ in the wide-band limit: phase shift η(ε) = Im ln(λ + iΓ − ε) =
 * atan2(Γ, λ − ε) ∈ (0, π) (seed 001 Eq. S148). It describes the Read–Newns mean-field Kondo resonance (λ, Γ from
 * Eqs. S160–S161), a non-interacting Anderson level (λ = ε₀, Γ = Δ = πN_F|V|², Eq. S181) and its Fumi energy.
 */
public record ResonantLevel(double lambda, double gamma) {
    public ResonantLevel {
        DiffusonException.requireFinite("lambda", lambda);
        if (!(gamma > 0) || !Double.isFinite(gamma))
            throw new DiffusonException("gamma", "resonance width Γ must be finite and > 0, got " + gamma, "pass Γ > 0 (energy units)");
    }

    /** Non-interacting Anderson level ε₀ with hybridisation V: Γ = Δ = πN_F|V|² (seed 001 Eq. S181). */
    public static ResonantLevel anderson(double eps0, double hybridisation, double dosPerSpin) {
        DiffusonException.requirePositive("dosPerSpin", dosPerSpin);
        double g = Math.PI * dosPerSpin * hybridisation * hybridisation;
        return new ResonantLevel(eps0, g);
    }

    /**
     * Read–Newns large-N Kondo resonance (seed 001 Eqs. S158–S161): λ − ε_F = T_K cos πq, Γ = T_K sin πq with T_K the
     * exact root of the stationarity condition (see {@link #kondoTemperature}). q = n_a/N is the occupancy per flavour.
     */
    public static ResonantLevel kondo(double fermiEnergy, double jTimesDos, double q) {
        double tk = kondoTemperature(fermiEnergy, jTimesDos, q);
        return new ResonantLevel(fermiEnergy + tk * Math.cos(Math.PI * q), tk * Math.sin(Math.PI * q));
    }

    /** η(ε) = atan2(Γ, λ − ε) ∈ (0, π). */
    public double phaseShift(double energy) { return Math.atan2(gamma, lambda - energy); }

    /**
     * Kondo temperature from the exact solution of seed 001 Eq. S158, ln(|ξ|/|ξ + ε_F|) = −1/(JN_F) with
     * ξ = T_K e^{iπq}: T_K²(1 − e^{−2y}) − 2e^{−2y} ε_F cos(πq) T_K − e^{−2y} ε_F² = 0, y = 1/(JN_F). For q = ½ this is
     * T_K = ε_F e^{−y}/√(1 − e^{−2y}); S159's ε_F e^{−1/JN_F} is its leading term.
     */
    public static double kondoTemperature(double fermiEnergy, double jTimesDos, double q) {
        DiffusonException.requirePositive("fermiEnergy", fermiEnergy);
        if (!(jTimesDos > 0) || !Double.isFinite(jTimesDos))
            throw new DiffusonException("jTimesDos", "J N_F must be > 0 (antiferromagnetic exchange), got " + jTimesDos,
                    "a Kondo effect needs J > 0; typical J N_F = 0.05–0.3");
        if (!(q > 0 && q < 1))
            throw new DiffusonException("q", "occupancy per flavour q = n_a/N must lie in (0, 1), got " + q, "q = 1/2 for the N = 2 doublet, 1/4 for the N = 4 quartet");
        double e2 = Math.exp(-2 / jTimesDos), c = Math.cos(Math.PI * q);
        double a = -Math.expm1(-2 / jTimesDos);
        double b = e2 * fermiEnergy * c;
        return (b + Math.sqrt(b * b + a * e2 * fermiEnergy * fermiEnergy)) / a;
    }

    /** Friedel sum rule (seed 001 Eq. S154): η(ε_F) = π q = π n_a/N. */
    public static double friedelPhaseShift(double occupancy, int degeneracy) {
        if (degeneracy < 1) throw new DiffusonException("degeneracy", "N must be ≥ 1, got " + degeneracy, "N = 2 (doublet), 4 (quartet)");
        if (!(occupancy >= 0 && occupancy <= degeneracy))
            throw new DiffusonException("occupancy", "n_a must lie in [0, N], got " + occupancy, "n_a = 1 for a Ce 4f¹ ion");
        return Math.PI * occupancy / degeneracy;
    }

    /** Wilson ratio of the SU(N) Fermi liquid, W = 1/(1 − 1/N) (seed 001 Eq. S165); W = 2 for N = 2. */
    public static double wilsonRatio(int degeneracy) {
        if (degeneracy < 2) throw new DiffusonException("degeneracy", "N must be ≥ 2, got " + degeneracy, "N = 2 for the Kondo doublet");
        return 1 / (1 - 1.0 / degeneracy);
    }

    /**
     * Fumi's theorem (seed 001 Eqs. S151–S152): the energy change from filling N degenerate channels up to ε_F from
     * the band bottom at 0, ΔE = −N ∫₀^{ε_F} dε η(ε)/π, in closed form.
     */
    public double fumiEnergy(double fermiEnergy, int degeneracy) {
        DiffusonException.requirePositive("fermiEnergy", fermiEnergy);
        // ∫₀^{ε_F} atan2(Γ, λ−ε) dε = ∫_{λ−ε_F}^{λ} (π/2 − atan(x/Γ)) dx
        double hi = lambda, lo = lambda - fermiEnergy;
        double integral = antiderivative(hi) - antiderivative(lo);
        return -degeneracy * integral / Math.PI;
    }

    private double antiderivative(double x) {
        return Math.PI * x / 2 - x * Math.atan(x / gamma) + 0.5 * gamma * Math.log(x * x + gamma * gamma);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ResonantLevel(λ=%.6g, Γ=%.6g)", lambda, gamma);
    }
}
