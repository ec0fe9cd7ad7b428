package org.diffuson.scattering;

import org.diffuson.DiffusonException;

import java.util.Locale;

/**
 * Schrieffer–Wolff reduction of the Anderson model (level ε₀, Coulomb U, hybridisation V) to a Kondo exchange plus a
 * potential term (seed 001 Eqs. S129, S130, S136): J = 2|V|²[1/(ε₀+U−ε_F) + 1/(ε_F−ε₀)], Ũ = −|V|²/(ε₀+U−ε_F) and
 * U_pot = Ũ + J/4 = −(|V|²/2)[1/(ε₀+U−ε_F) − 1/(ε_F−ε₀)], which vanishes at the symmetric point ε₀ = ε_F − U/2.
 * Valid in the local-moment regime ε₀ &lt; ε_F &lt; ε₀ + U (S119).
 */
public record SchriefferWolff(double eps0, double u, double hybridisation, double fermiEnergy) {
    public SchriefferWolff {
        DiffusonException.requireFinite("eps0", eps0);
        DiffusonException.requirePositive("u", u);
        DiffusonException.requireFinite("hybridisation", hybridisation);
        DiffusonException.requireFinite("fermiEnergy", fermiEnergy);
        if (!(eps0 < fermiEnergy && fermiEnergy < eps0 + u))
            throw new DiffusonException("eps0", String.format(Locale.ROOT, "not in the local-moment regime ε₀ < ε_F < ε₀ + U (ε₀=%.4g, ε_F=%.4g, U=%.4g)", eps0, fermiEnergy, u),
                    "choose ε₀ below ε_F and ε₀ + U above it, e.g. ε₀ = ε_F − U/2");
    }

    public double exchange() {
        double v2 = hybridisation * hybridisation;
        return 2 * v2 * (1 / (eps0 + u - fermiEnergy) + 1 / (fermiEnergy - eps0));
    }

    public double uTilde() { return -hybridisation * hybridisation / (eps0 + u - fermiEnergy); }

    /** Potential scattering U_pot = Ũ + J/4 (dropped in the paper; keeping it shifts η₁ away from π/2). */
    public double potentialScattering() { return uTilde() + exchange() / 4; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SchriefferWolff(ε₀=%.4g, U=%.4g, V=%.4g, ε_F=%.4g → J=%.6g, Ũ=%.6g, U_pot=%.6g)",
                eps0, u, hybridisation, fermiEnergy, exchange(), uTilde(), potentialScattering());
    }
}
