package org.diffuson.usadel;

import org.diffuson.DiffusonException;

import java.util.Locale;

/**
 * Shared checks and grids of the Usadel engine (seed 003). The engine solves seed 003 Eq. 1: uniform with the
 * Elliott–Yafet term of Eq. 70 in {@link Bulk}, in 1D in {@link Junction} (θ and Riccati forms); the currents and
 * torque of Eqs. 2–3 are {@link SpinChargeCoupling}. This class adds no equation of its own: {@link #checkDos} tests
 * the positivity N(ε)/N_F = ¼ Re Tr τ3ǧ^R ≥ −O(η) of a retarded solution of Eq. 1, and {@link #matsubara} is the
 * fermionic grid ω_n = πT(2n+1) of the Matsubara form of Eq. 1 and of the gap equation (standard; not numbered in the
 * paper).
 */
public final class Usadel {
    private Usadel() {
    }

    /** Tolerance factor in the positivity check N(ε) ≥ −{@value} η. */
    public static final double DOS_TOLERANCE = 10;

    /** Energies on the real axis need a broadening η &gt; 0 (retarded ω = η − iε); else an {@code eta} error. */
    static void requireBroadening(double eta) {
        if (!(eta > 0))
            throw new DiffusonException("eta", "retarded functions on the real axis need a broadening η > 0, got " + eta,
                    "pass e.g. eta = 1e-4 in the same energy unit (the Dynes/inelastic rate; results are accurate to O(η))");
    }

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
