package org.diffuson.boltzmann;

/**
 * The per-term breakdown of seed 002's observables (P 52 for the current, P 63 for the spin).
 */
public enum Term {
    /** Leading order n^{(−1)} ∝ τ_tr: Drude conductivity and Edelstein spin (dissipative, O(ε_Fτ)). */
    DRUDE,
    /** Fermi sea: (e/ħ)E×Ω n_FD for the current, (ie/ħ)[𝒯, E·R′] n_FD for the spin (O(τ⁰)). */
    INTRINSIC,
    /** Extrinsic interband velocity β (current) and spin γ (spin), times n^{(−1)} (O(τ⁰)). */
    EXTRINSIC,
    /** Side-jump distribution n^{sj} from the field-corrected collision integral J_E (O(τ⁰)). */
    SIDE_JUMP,
    /**
     * Skew distribution n^{sk} sourced by J(S′)^{diag} (O(τ⁰); depends on {@link SkewForm}): twice its Fermi-shell half
     * (the shadow-shell half is a profile only; see {@link BoltzmannSolver}).
     */
    SKEW
}
