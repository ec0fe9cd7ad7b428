package org.diffuson.green;

import org.diffuson.linalg.CMatrix;

/**
 * How Σ(z) is obtained at any energy: self-consistently (the conserving choice, seed 000 Eq. 2), or by one of the
 * paper's shortcuts, kept as named failure modes: Born from bare G (seed 000 Eqs. 53–54), Σ ∝ 1 set by hand
 * (Eqs. 3–4), a constant Σ.
 * <p>An implementation need not be thread-safe for the ladder's pole search: {@code PoleFinder} calls {@link #sigma}
 * only on the calling thread (it solves every Σ a parallel start needs before forking, and the forked task evaluates
 * a bubble on those values only).
 */
public interface SelfEnergyModel {
    /** Σ at this energy (advanced: Σ^A = (Σ^R)†). */
    CMatrix sigma(Energy e);

    /** Short name for tables, e.g. "SCBA", "Born(η=0.02)", "Σ∝1". */
    String name();

    /** True if Σ and the ladder rung come from the same conserving approximation (Ward identity exact). */
    default boolean conserving() { return false; }

    /**
     * dΣ/dz at e, for G′ = −G(1 − Σ′)G in the Fermi-sea term of the Kubo–Středa formula (seed 000 Eqs. 206–213). Σ is analytic off the real axis, so
     * the default is the central difference along Re z, [Σ(z + h) − Σ(z − h)]/2h on the same branch, with the one step
     * rule of the library, {@link #derivativeStep(Energy)}. Models that know Σ′ in closed form override it (a constant
     * Σ: exactly 0).
     */
    default CMatrix derivative(Energy e) {
        double h = derivativeStep(e);
        return sigma(e.shift(h)).minus(sigma(e.shift(-h))).scale(1 / (2 * h));
    }

    /**
     * The finite-difference step for dΣ/dz: h = 10⁻⁴·max(|Im z|, 10⁻³). Σ(z) is analytic at a distance ≳ |Im z| from
     * its nearest singularity, so the truncation error is O((h/|Im z|)²) ≈ 10⁻⁸ relative; the floor 10⁻³ keeps the
     * rounding error (and an iterative Σ's convergence error divided by h) bounded on and near the real axis.
     */
    static double derivativeStep(Energy e) { return 1e-4 * Math.max(Math.abs(e.im()), 1e-3); }

    /**
     * The same approximation on another grid (its {@link Resolvent}), for automatic grid refinement; null when the
     * model does not know how (the default: a user's own model). Grid-independent models return themselves.
     */
    default SelfEnergyModel onGrid(Resolvent resolvent) { return null; }
}
