package org.diffuson.green;

import org.diffuson.DiffusonException;
import org.hipparchus.complex.Complex;

/**
 * Closed forms of the seed-000 minimal model (H = k²/2m + bσ_z, Γ = Γ_1 1⊗1 + Γ_x σ_x⊗σ_x, hard cutoff U_C) with no
 * k-grid: F(u) = ∫d²k/(2π)² 1/(u − ε_k) = −(m/2π)[Log(u − U_C) − Log(u)] (eq 251 in our measure; the difference of
 * logs, not the log of the ratio, which jumps branch at complex u), and the exact SCBA
 * Σ_s(z) = Γ_1 F(z − s b − Σ_s) + Γ_x F(z + s b − Σ_{−s}) (eq 250; Σ = diag(Σ_↑, Σ_↓), s = ±1).
 * Eq 287 of the paper has the opposite sign on s·b inside F (erratum, seed 000 errata in org.diffuson.ladder item 5).
 */
public record MinimalModelExact(double mass, double b, double gamma1, double gammaX, double cutoffEnergy) {

    /** F(u) in the measure ∫d²k/(2π)². */
    public Complex f(Complex u) {
        Complex a = u.subtract(cutoffEnergy).log(), c = u.log();
        return a.subtract(c).multiply(-mass / (2 * Math.PI));
    }

    /** Σ_↑, Σ_↓ at complex z (Im z ≠ 0 selects the branch; for the retarded line use z = E + i0⁺ as E + 1e-300i). */
    public Complex[] sigma(Complex z, Complex[] seed) {
        Complex up = seed == null ? new Complex(0, z.getImaginary() >= 0 ? -0.1 : 0.1) : seed[0];
        Complex dn = seed == null ? up : seed[1];
        for (int it = 0; it < 5000; it++) {
            Complex nu = f(z.subtract(b).subtract(up)).multiply(gamma1).add(f(z.add(b).subtract(dn)).multiply(gammaX));
            Complex nd = f(z.add(b).subtract(dn)).multiply(gamma1).add(f(z.subtract(b).subtract(up)).multiply(gammaX));
            double res = Math.max(nu.subtract(up).norm(), nd.subtract(dn).norm());
            up = up.multiply(0.5).add(nu.multiply(0.5));
            dn = dn.multiply(0.5).add(nd.multiply(0.5));
            if (res < 1e-15) return new Complex[]{up, dn};
        }
        throw new DiffusonException("scba", "closed-form minimal-model SCBA did not converge at z=" + z, "move z off the real axis or lower the disorder");
    }

    /** Residual of eq 250 at (Σ_↑, Σ_↓): max over s of |Σ_s − Γ_1F(z − sb − Σ_s) − Γ_xF(z + sb − Σ_{−s})|. */
    public double residual(Complex z, Complex[] s) {
        Complex ru = s[0].subtract(f(z.subtract(b).subtract(s[0])).multiply(gamma1)).subtract(f(z.add(b).subtract(s[1])).multiply(gammaX));
        Complex rd = s[1].subtract(f(z.add(b).subtract(s[1])).multiply(gamma1)).subtract(f(z.subtract(b).subtract(s[0])).multiply(gammaX));
        return Math.max(ru.norm(), rd.norm());
    }

    /**
     * Bubble in the |s⟩⟨s'| basis: Φ̄[|s⟩⟨s'|] = B_{ss'}|s⟩⟨s'|, B_{ss'} = [F(c_{s'}) − F(a_s)]/(a_s − c_{s'}), with
     * a_s = z1 − s b − Σ_s(z1), c_s = z2 − s b − Σ_s(z2) (seed 000 Eqs. 17, 243–252). Index 0 = ↑ (s = +1), 1 = ↓.
     */
    public Complex[][] bubble(Complex z1, Complex[] s1, Complex z2, Complex[] s2) {
        Complex[] a = {z1.subtract(b).subtract(s1[0]), z1.add(b).subtract(s1[1])};
        Complex[] c = {z2.subtract(b).subtract(s2[0]), z2.add(b).subtract(s2[1])};
        Complex[][] out = new Complex[2][2];
        for (int s = 0; s < 2; s++)
            for (int t = 0; t < 2; t++) out[s][t] = f(c[t]).subtract(f(a[s])).divide(a[s].subtract(c[t]));
        return out;
    }
}
