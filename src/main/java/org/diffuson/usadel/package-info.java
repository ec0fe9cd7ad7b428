/**
 * Quasiclassical Usadel engine for diffusive superconductors with extrinsic spin–orbit coupling (seed 003: Huang,
 * Tokatly, Bergeret 2018). The chain is impurity → coefficients → bulk → junction → observables:
 * <ul>
 *   <li>{@link org.diffuson.usadel.Nambu}: Nambu ⊗ spin ⊗ Keldysh algebra in the paper's time-reversed basis
 *       Ψ̃ = (ψ↑, ψ↓, ψ↓†, −ψ↑†) and the transformation to the standard basis; normalization residuals.</li>
 *   <li>{@link org.diffuson.usadel.PointImpurity}: the s-wave T-matrix (seed 003 Eqs. 30–37) and the Mott amplitudes
 *       giving θ, κ, τ_so ({@link org.diffuson.usadel.SpinOrbitCoefficients}, Eqs. 4–5, 56, 65–66, 75–76).</li>
 *   <li>{@link org.diffuson.usadel.Bulk}, {@link org.diffuson.usadel.GapEquation}: uniform superconductor with
 *       exchange field and Elliott–Yafet relaxation; cutoff-free gap equation, T_c, free energy.</li>
 *   <li>{@link org.diffuson.usadel.Junction}: 1D boundary-value problems (θ and Riccati forms) solved by Chebyshev
 *       collocation ({@link org.diffuson.usadel.Collocation}), continued along the energy axis.</li>
 *   <li>{@link org.diffuson.usadel.MatrixField}: the generalized current J̌ and torque Ť (Eqs. 1–3) on matrix fields,
 *       their trace projections and the normal-state drift–diffusion limit (Eqs. 79–81).</li>
 * </ul>
 * Units: ħ = k_B = 1; energies in the user's unit (usually Δ0, T_c0 or E_Th), lengths in matching units.
 * Matrix index convention: 4×4 matrices are τ ⊗ σ (Nambu outer, spin inner), index 2·nambu + spin; 8×8 Keldysh
 * matrices are [[R, K], [0, A]].
 */
package org.diffuson.usadel;
