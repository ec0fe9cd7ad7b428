package org.diffuson.boltzmann;

/**
 * How the Born collision integral acts on band-off-diagonal density matrices (seed 002 Eqs. 14–20, 28, 33). The two forms agree
 * on band-diagonal ρ and differ on the interband coherence S′ that feeds skew scattering.
 */
public enum SkewForm {
    /**
     * Exact steady state of the Markov/Born step: g_ac = −[U,ρ]_ac/(ε_a − ε_c − i0), keeping the δ part. Reproduces the
     * non-crossing diagrammatic skew term (paper eqs 84–86). The default.
     */
    B,
    /**
     * The paper's eq 17/18 literal, J = ⟨[U,[W,ρ]]⟩/ħ² with W_ab = πħδ(ε_a − ε_b)U_ab: the intermediate state sits on the
     * shell of the other band. Gives one third of the form-B skew term for the TI: a documented failure mode.
     */
    A
}
