package org.diffuson.scattering;

import org.diffuson.DiffusonException;

import java.util.Locale;

/**
 * One partial-wave channel (l, j = l ± ½) of a spin-½ electron scattered by a rotation- and parity-invariant impurity,
 * with its phase shift η. The S-matrix eigenvalue is s = e^{2iη} and the amplitude f = e^{iη} sin η
 * (seed 001 Eqs. S171–S172). Phase shifts are defined modulo π: the constructor normalises η into (−π/2, π/2]
 * (so η and η + π give the same channel; the Kondo value π/2 is kept as π/2).
 *
 * @param l      orbital angular momentum, 0 ≤ l ≤ 12
 * @param twoJ   2j = 2l + 1 or 2l − 1 (l = 0 allows only 2j = 1)
 * @param eta    phase shift in radians (normalised)
 */
public record Channel(int l, int twoJ, double eta) {
    public static final int MAX_L = 12;

    public Channel {
        if (l < 0 || l > MAX_L)
            throw new DiffusonException("l", "orbital angular momentum must be in [0, " + MAX_L + "], got " + l, "use l = 0 (s), 1 (p), 2 (d), 3 (f), …");
        if (twoJ != 2 * l + 1 && twoJ != 2 * l - 1 || twoJ < 1)
            throw new DiffusonException("j", "j must be l ± 1/2 (and 1/2 for l = 0); got 2j = " + twoJ + " for l = " + l,
                    "pass 2j = 2l+1 (j = l+½) or 2j = 2l−1 (j = l−½)");
        if (!Double.isFinite(eta))
            throw new DiffusonException("eta", "phase shift must be finite, got " + eta, "pass a phase shift in radians");
        eta = normalise(eta);
    }

    /** Channel with j = l + ½. */
    public static Channel plus(int l, double eta) { return new Channel(l, 2 * l + 1, eta); }

    /** Channel with j = l − ½ (l ≥ 1). */
    public static Channel minus(int l, double eta) { return new Channel(l, 2 * l - 1, eta); }

    /** η reduced into (−π/2, π/2] modulo π. */
    public static double normalise(double eta) {
        double x = eta - Math.PI * Math.floor((eta + Math.PI / 2) / Math.PI);
        if (x <= -Math.PI / 2) x += Math.PI;
        if (x > Math.PI / 2) x -= Math.PI;
        // η = π/2 + rounding lands at −π/2 + tiny: keep the Kondo value on the closed end
        if (Math.abs(x + Math.PI / 2) < 4 * Math.ulp(Math.PI)) x = Math.PI / 2;
        return x;
    }

    public boolean jPlus() { return twoJ == 2 * l + 1; }

    /** Re f = sin η cos η. */
    public double fRe() { return Math.sin(eta) * Math.cos(eta); }

    /** Im f = sin² η. */
    public double fIm() { return Math.sin(eta) * Math.sin(eta); }

    /** Degeneracy 2j + 1. */
    public int degeneracy() { return twoJ + 1; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "(l=%d, j=%d/2, η=%.6f)", l, twoJ, eta);
    }
}
