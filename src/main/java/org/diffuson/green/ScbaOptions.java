package org.diffuson.green;

import org.diffuson.DiffusonException;

/**
 * Options of the SCBA loop (seed 000 Eqs. 2, 187, 247, 384): Σ ← (1−β)Σ + βΓ[∫G(Σ)] (linear) or Anderson mixing with the given
 * history depth; stop when max|ΔΣ| &lt; tolerance.
 *
 * @param tolerance     absolute stop criterion on max|Σ_new − Σ| (default 1e-13)
 * @param maxIterations iteration budget (default 500)
 * @param mixing        β of the linear step, also used inside Anderson (default 0.5)
 * @param anderson      Anderson history depth; 0 means plain linear mixing (default 5)
 * @param counterterm   whether the real part of Σ at the solved energy is absorbed into the bare Hamiltonian
 *                      (default {@link Counterterm#NONE}); see {@link Counterterm#FERMI_LEVEL}
 */
public record ScbaOptions(double tolerance, int maxIterations, double mixing, int anderson, Counterterm counterterm) {

    /** Renormalisation of the Hamiltonian by the real part of Σ. */
    public enum Counterterm {
        /** The given H is the bare one: the physical chemical potential, mass and Fermi surface are those of H + Re Σ. */
        NONE,
        /**
         * The given H is the physical one at the solved energy μ: the bare Hamiltonian is H + δ with the counterterm
         * δ = −Re Σ(μ + i0) (the Hermitian part of Σ, every matrix component: the chemical-potential shift ∝ 1, the
         * mass or exchange ∝ σ_z, …), found self-consistently, so that H + δ + Re Σ(μ) = H: the renormalised Fermi
         * momentum and gap are the requested ones, as in the literature that quotes μ and M as physical. The result's
         * model is the bare one (a {@link org.diffuson.model.ShiftedHamiltonian}); {@link ScbaResult#counterterm()}
         * gives δ. Σ at other energies (ladders, sea terms) is solved with the same δ.
         */
        FERMI_LEVEL
    }

    public ScbaOptions(double tolerance, int maxIterations, double mixing, int anderson) {
        this(tolerance, maxIterations, mixing, anderson, Counterterm.NONE);
    }

    public ScbaOptions {
        if (counterterm == null) throw new DiffusonException("counterterm", "must not be null", "use Counterterm.NONE or FERMI_LEVEL");
        DiffusonException.requirePositive("tolerance", tolerance);
        if (maxIterations < 1) throw new DiffusonException("maxIterations", "must be ≥ 1, got " + maxIterations, "e.g. 500");
        if (!(mixing > 0 && mixing <= 1)) throw new DiffusonException("mixing", "must be in (0, 1], got " + mixing, "0.5 is usual; lower it for strong disorder");
        if (anderson < 0 || anderson > 20) throw new DiffusonException("anderson", "history must be in [0, 20], got " + anderson, "5 is usual; 0 = linear mixing");
    }

    public static ScbaOptions defaults() { return new ScbaOptions(1e-13, 500, 0.5, 5); }

    /** Plain linear mixing, as in the paper's prototype (≈ 40–55 iterations). */
    public static ScbaOptions linear(double mixing) { return new ScbaOptions(1e-13, 2000, mixing, 0); }

    public ScbaOptions withTolerance(double t) { return new ScbaOptions(t, maxIterations, mixing, anderson, counterterm); }
    public ScbaOptions withMaxIterations(int m) { return new ScbaOptions(tolerance, m, mixing, anderson, counterterm); }
    public ScbaOptions withMixing(double b) { return new ScbaOptions(tolerance, maxIterations, b, anderson, counterterm); }
    public ScbaOptions withAnderson(int m) { return new ScbaOptions(tolerance, maxIterations, mixing, m, counterterm); }
    /** The same options with the given counterterm scheme. */
    public ScbaOptions withCounterterm(Counterterm c) { return new ScbaOptions(tolerance, maxIterations, mixing, anderson, c); }
}
