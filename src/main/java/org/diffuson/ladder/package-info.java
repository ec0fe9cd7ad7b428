/**
 * Ladder (diffuson) machinery of seed 000: bubble Φ̄, collision operator I = ΓΦ̄, susceptibility χ = Φ̄(1 − I)⁻¹,
 * kinetic operator K = χ⁻¹, Ward–Takahashi checks, small-q/ω expansion (R, drift, D_ab) and a pole finder; the BNM
 * reading (1 − I)/τ next to the conserving one.
 *
 * <h2>Where the code departs from the paper (seed 000 errata, seed 000 errata in org.diffuson.ladder)</h2>
 * <ol>
 *   <li>Signs of G and Σ vary between the paper's sections (after eq 4, eqs 17, 22, 152, 375 "E + H − Σ"); the library
 *   uses one convention (see {@link org.diffuson}). The Γ_x sign varies (eq 17 "−", eq 243 "+"): the SCBA results of
 *   eq 17 match the "+" sandwich, which {@link org.diffuson.model.Disorder#spinOrbitX} implements; n₀ ≡ n₁.</li>
 *   <li>The σ_x placement of eqs 18 and 255 ("after each G") conflicts with eq 5's index contraction (a sandwich).
 *   Both exist: {@link org.diffuson.model.Rung.Placement}; only SANDWICH with t = +1 obeys the Ward identity.</li>
 *   <li>Eq 19 has a three-entry row and eq 20's second matrix is 3×4: read as the (0, z) block. The paper's matrices are
 *   indexed (input, output): the transpose of our S_ij (checked in FermiSurfaceTest).</li>
 *   <li>Eq 21's denominator "(n₁² − n_z)²" must be read as (n₁² − n_z²) to the first power.</li>
 *   <li>Eqs 250 and 287 put opposite signs on s·b_z inside F; eq 250 is right
 *   ({@link org.diffuson.green.MinimalModelExact}). Eq 7 uses (E, E + ω), eq 58 E ± ω/2: flags via explicit energies.</li>
 *   <li>Eqs 405–406: signs and i's depend on conventions; we find Φ̄_xy = −Φ̄_yx, real (CoPtLadderTest).</li>
 *   <li>Sec. III.D and the Sec. V coefficients were never evaluated in the paper: numbers produced here are new.</li>
 * </ol>
 * Spec corrections found while testing: the Drude D = v_F²τ/d holds to 1e-4 only with the quasiparticle weight
 * Z = 1 − ∂ReΣ/∂E, i.e. D = v_F²τ/(dZ) (the SCBA Σ depends on energy; without Z the deviation is ∂ReΣ/∂E ≈ 3.5e-3);
 * the Born-residual slope of oracle 2 is 2.19 on the first pair of the reference numbers, → 2 asymptotically.
 */
package org.diffuson.ladder;
