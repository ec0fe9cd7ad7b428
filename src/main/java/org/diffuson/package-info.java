/**
 * Diffuson: disordered-electron transport — SCBA self-energies, ladder (diffuson) responses, vertex-corrected Kubo,
 * Boltzmann kinetic theory — for arbitrary multiband H(k) with matrix-valued disorder.
 *
 * <h2>Library-wide conventions (seed 000 Eqs. 2, 5–7)</h2>
 * <ul>
 *   <li>Units ħ = 1; each preset states its energy and momentum units through its parameters.</li>
 *   <li>Measure ∫dk ≡ ∫d^dk/(2π)^d. (Seed 000 writes ∫d²k without (2π)⁻², so γ_ours = (2π)²γ_paper.)</li>
 *   <li>G(k, z) = [z − H(k) − Σ(z)]⁻¹; retarded z = E + i0 with Im Σ^R ≤ 0 as a matrix; Σ^A = (Σ^R)†.</li>
 *   <li>Disorder ⟨V_{αγ}V_{δβ}⟩ = Γ_{αγδβ}, Γ[X]_{αβ} = Σ Γ_{αγδβ}X_{γδ}; Σ_a w_a M_a⊗M_a means Γ[X] = Σ_a w_a M_a X M_a.</li>
 *   <li>Superoperators act on column-major vec: vec(AXB) = (Bᵀ⊗A)vec X. Pauli components X_i = ½Tr(σ_iX) and
 *   S_ij = ½Tr(σ_i S[σ_j]) (generally (1/n)Tr(B_i† ·) for the bases of {@link org.diffuson.linalg.OperatorBasis}).</li>
 *   <li>Two-energy objects: G(z1) on the left line, G(z2) on the right; RA means z1 = E + ω + i0, z2 = E − i0.</li>
 *   <li>Fourier convention e^{i(q·r − ωt)}: ω → i∂_t, q → −i∇.</li>
 * </ul>
 * Layers: linalg → model → integrate → green → ladder, kubo, boltzmann → sweep, plot, paper → kernel.
 */
package org.diffuson;
