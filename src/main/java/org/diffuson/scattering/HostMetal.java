package org.diffuson.scattering;

import org.diffuson.DiffusonException;

import java.util.Locale;

/**
 * The host: a 3D free-electron gas ε_p = p²/2m with Fermi momentum k_F (ħ = 1). Seed 001 conventions: the density
 * of states N_F = m k_F/(2π²) is <b>per spin</b>, v_F = k_F/m, ε_F = k_F²/2m, and n_c = k_F³/(3π²) = (4/3) N_F ε_F is
 * the total carrier density (seed 001, below Eq. S103).
 */
public record HostMetal(double kF, double mass) {
    public HostMetal {
        if (!(kF > 0) || !Double.isFinite(kF))
            throw new DiffusonException("kF", "Fermi momentum must be finite and > 0, got " + kF, "pass k_F > 0 (units: inverse length, e.g. 1)");
        if (!(mass > 0) || !Double.isFinite(mass))
            throw new DiffusonException("mass", "effective mass must be finite and > 0, got " + mass, "pass m* > 0 (e.g. 1)");
    }

    /** k_F = m = 1: the units of the paper's closed forms. */
    public static HostMetal unit() { return new HostMetal(1, 1); }

    /** Density of states at ε_F per spin, N_F = m k_F/(2π²). */
    public double dos() { return mass * kF / (2 * Math.PI * Math.PI); }
    public double fermiVelocity() { return kF / mass; }
    public double fermiEnergy() { return kF * kF / (2 * mass); }
    /** Total (both spins) carrier density n_c = k_F³/(3π²). */
    public double carrierDensity() { return kF * kF * kF / (3 * Math.PI * Math.PI); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HostMetal(k_F=%.6g, m*=%.6g; N_F=%.6g per spin, v_F=%.6g, ε_F=%.6g, n_c=%.6g)",
                kF, mass, dos(), fermiVelocity(), fermiEnergy(), carrierDensity());
    }
}
