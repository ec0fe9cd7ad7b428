package org.diffuson.usadel;

import org.diffuson.DiffusonException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Equilibrium distribution of a reservoir: temperature T, electrochemical potential μ (= eV, e = 1, energy units) and
 * spin accumulation μ_s (a vector, energy units). In the time-reversed Nambu basis of seed 003 (Eqs. 12–15) the
 * electron block of ȟ is tanh((ε − μ − μ_s·σ)/2T) and the hole block tanh((ε + μ − μ_s·σ)/2T), so
 * ȟ = Σ_{p,s=±} ¼(1 + pτ3)(1 + s n̂·σ) tanh((ε − pμ − s|μ_s|)/2T):
 * f_L = ¼Σ t, f_T = ¼Σ p t, f_Ta = ¼Σ s n_a t, f_La = ¼Σ p s n_a t. With this sign the charge density
 * n = −(π/4)N_F∫dε/2π Tr ǧ^K (seed 003 Sec. V, the definitions after Eq. 79) of a normal reservoir is 2N_Fμ and its spin density S^a = 2N_F μ_s^a.
 * Every mode is a sum of terms w·tanh((ε − a)/2T), which {@link Kinetic} integrates exactly against piecewise-linear
 * spectral responses (also at T = 0).
 */
public record Distribution(double temperature, double potential, double sx, double sy, double sz) {

    public Distribution {
        DiffusonException.requireFinite("temperature", temperature);
        if (temperature < 0)
            throw new DiffusonException("temperature", "T must be ≥ 0, got " + temperature, "pass T ≥ 0 (energy units)");
        DiffusonException.requireFinite("potential", potential);
        DiffusonException.requireFinite("spinAccumulation", sx + sy + sz);
    }

    /** Equilibrium at temperature T (μ = 0). */
    public static Distribution equilibrium(double temperature) {
        return new Distribution(temperature, 0, 0, 0, 0);
    }

    /** Reservoir at temperature T and potential μ = eV. */
    public static Distribution biased(double temperature, double potential) {
        return new Distribution(temperature, potential, 0, 0, 0);
    }

    /** Same reservoir with spin accumulation μ_s = (x, y, z). */
    public Distribution withSpin(double x, double y, double z) {
        return new Distribution(temperature, potential, x, y, z);
    }

    /** Same reservoir at potential μ. */
    public Distribution atPotential(double mu) {
        return new Distribution(temperature, mu, sx, sy, sz);
    }

    /** |μ_s|. */
    public double spin() {
        return Math.sqrt(sx * sx + sy * sy + sz * sz);
    }

    /** One term w·tanh((ε − a)/2T) of mode {@code mode}; a = pμ + s|μ_s|, so ∂a/∂μ = p. */
    public record Term(int mode, double weight, double center, int p) {
    }

    /** The terms of all eight modes. */
    public List<Term> terms() {
        List<Term> out = new ArrayList<>();
        double m = spin();
        double[] n = m == 0 ? new double[3] : new double[]{sx / m, sy / m, sz / m};
        for (int p = 1; p >= -1; p -= 2)
            for (int s = 1; s >= -1; s -= 2) {
                double a = p * potential + s * m;
                out.add(new Term(KineticCoefficients.L, 0.25, a, p));
                out.add(new Term(KineticCoefficients.T, 0.25 * p, a, p));
                if (m == 0) continue;
                for (int c = 0; c < 3; c++) {
                    if (n[c] == 0) continue;
                    out.add(new Term(2 + c, 0.25 * s * n[c], a, p));
                    out.add(new Term(5 + c, 0.25 * p * s * n[c], a, p));
                }
            }
        return out;
    }

    /** The eight modes f_α(ε) (T = 0: tanh → sign). */
    public double[] modes(double energy) {
        double[] f = new double[KineticCoefficients.MODES];
        for (Term t : terms()) f[t.mode()] += t.weight() * tanh(energy - t.center());
        return f;
    }

    double tanh(double u) {
        return temperature == 0 ? Math.signum(u) : Math.tanh(u / (2 * temperature));
    }

    /** Largest |a| over the terms: the bias window is |ε| ≲ |μ| + |μ_s| + 30T (tanh = ±1 to 2e−13 beyond). */
    double window() {
        return Math.abs(potential) + spin() + 30 * temperature;
    }

    boolean isEquilibrium() {
        return potential == 0 && spin() == 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Distribution[T = %.4g, μ = %.4g%s]", temperature, potential,
                spin() == 0 ? "" : String.format(Locale.ROOT, ", μ_s = (%.3g, %.3g, %.3g)", sx, sy, sz));
    }
}
