package org.diffuson.usadel;

import org.diffuson.DiffusonException;

import java.util.Locale;

/** Shared checks and grids of the Usadel engine (seed 003). */
public final class Usadel {
    private Usadel() {
    }

    /** Tolerance factor in the positivity check N(ε) ≥ −{@value} η. */
    public static final double DOS_TOLERANCE = 10;

    /**
     * Every returned DOS must satisfy N(ε) ≥ −O(η); a violation means the solver landed on an unphysical branch
     * (typically after continuation in h or τ_so instead of along the energy axis).
     */
    public static void checkDos(String where, double energy, double dos, double eta) {
        if (!(dos >= -DOS_TOLERANCE * eta - 1e-9))
            throw new DiffusonException("branch", String.format(Locale.ROOT,
                    "%s: N(ε = %.6g) = %.4g < 0 (η = %.2g): the solution is on an unphysical branch", where, energy,
                    dos, eta), "continue along the energy axis from above the gap (not in h or τ_so), or increase η");
    }

    /** Positive Matsubara frequencies ω_n = πT(2n+1), n = 0..count−1. */
    public static double[] matsubara(double temperature, int count) {
        DiffusonException.requirePositive("temperature", temperature);
        double[] w = new double[count];
        for (int n = 0; n < count; n++) w[n] = Math.PI * temperature * (2 * n + 1);
        return w;
    }
}
