/**
 * Semiclassical (Boltzmann) half of seed 002: the band-basis quantum kinetic equation of Atencia, Niu and Culcer,
 * solved order by order for any 2D multiband H(k) (entry point {@link org.diffuson.boltzmann.BoltzmannSolver},
 * result {@link org.diffuson.boltzmann.BoltzmannResult} with a per-{@link org.diffuson.boltzmann.Term} breakdown and
 * table views as {@link org.diffuson.DataTable}).
 * <p><b>Conventions.</b> ħ = e = 1 internally, charge −e, measure ∫d²k/(2π)², white-noise disorder
 * ⟨U(r)U(r′)⟩ = u_0²δ(r − r′); conductivities in e²/h with σ_ab = j_a/E_b; distributions on energy shells are stored
 * as amplitudes of δ(ε − E) (no broadened δ-functions).
 * <p><b>Errata used (seed 002 errata in org.diffuson.boltzmann).</b> P 36 replaced by seed 002 Eqs. 26–52 step 4; P 47 second bracket
 * U^{m′n} → U^{m′m}; P 61 last U^{mm} → U^{nm}; P 105 without the spurious ρ(ε_F). β and γ are computed as the
 * adjoint J†(R′), J†(𝒯) derived here from P 28/P 33 in the pairing Σ_k Tr, which is equivalent to the corrected P 47/P 61
 * and is checked against Σ Tr[R′J(n^{(−1)})] on every solve (diagnostic {@code adjointResidual}).
 * <p><b>Generalizations beyond the paper</b> (they reduce to the paper for one Fermi sheet): the coordinate shift and
 * J_E include interband pairs on the Fermi shell (Sinitsyn's δr for any pair of states, in the covariant form of
 * seed 002 Eqs. 37–38); the skew source is placed on "shadow shells", the iso-energy lines that the other bands have on a Fermi line.
 * <b>Skew observables</b> use twice the Fermi-shell half of n^sk; the shadow-shell half (relaxed by J₀ at the other
 * band's energy, where the T = 0 Kubo–Středa response has no transport time) is kept as a profile only. The two halves
 * coincide for the massive Dirac model (particle–hole symmetry); for the Rashba ferromagnet only the doubled Fermi half
 * agrees with the non-crossing Kubo ladder (σ_yx and ⟨s_x⟩ to ≤ 1.3e-6; {@code RashbaSkewTest}).
 * <p><b>Limits</b> (each refused with a {@link org.diffuson.DiffusonException}): Fermi lines must be star-shaped about
 * the chosen centre; bands must be non-degenerate on a Fermi line and across ε_F in the sea; ε_F not at a band edge
 * (a warning is issued when ħ/τ_q is not ≪ the distance to the band energies at the centre); the other-band skew
 * source requires the Fermi line of band s to be an iso-energy line of band m (isotropic models).
 */
package org.diffuson.boltzmann;
