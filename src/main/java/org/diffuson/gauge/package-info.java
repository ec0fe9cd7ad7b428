/**
 * Seed 004 (Shibata &amp; Kohno, spin and charge transport induced by gauge fields in a ferromagnet): the s–d
 * ferromagnet with nonmagnetic and magnetic impurities, the 2×2 spin-flip ladder and its four Kubo kernels
 * (K^cc, K^sc, K̃^cs, K̃^ss) at real and Matsubara frequency, the rotated-frame source terms that restore gauge
 * invariance, the closed forms and diffusion modes, the β term, texture geometry (SU(2)/U(1) gauge fields, spin
 * electric fields of walls and vortices) and the two-current drift-diffusion model.
 * <p>Pipeline: {@link org.diffuson.gauge.SdFerromagnet} (or {@code Preset.SD_FERROMAGNET}) →
 * {@link org.diffuson.gauge.SpinFlipLadder} → {@link org.diffuson.gauge.GaugeKernels}; closed forms
 * {@link org.diffuson.gauge.GaugeClosedForms}; k-grid check on the library's ladder engine {@link org.diffuson.gauge.GridCheck};
 * geometry {@link org.diffuson.gauge.Texture} → {@link org.diffuson.gauge.SpinFrame} → {@link org.diffuson.gauge.SpinMotiveForce};
 * kinetic check {@link org.diffuson.gauge.TwoCurrent}. Units ħ = e = 1, 3D, four-vectors q_μ = (−ω, q) (fn 45).
 *
 * <h2>Where the code departs from the paper (seed 004 errata)</h2>
 * <ol>
 *   <li>Eq D3: "−Γ̃2Π_σΛ_s^σ̄" must read "+Γ̃2Π_σ̄Λ_s^σ̄" (same kernel as eq A6); the printed kernel misses D4–D5 by
 *   factors ≈ ν₊/ν₋. {@link org.diffuson.gauge.SpinFlipLadder} uses the corrected kernel; with it the full ladder
 *   obeys (K̃^cs + ΔK̃^cs)q_ν = 0 and (K̃^ss + ΔK̃^ss)q_ν = 0 to rounding.</li>
 *   <li>Eq 82 is read as the antisymmetrised correlator; eq 94 holds for anisotropic spins with S⊥² + S_z².</li>
 *   <li>Eq 7/62 case split: mean(S^αS^β) = δ^{αβ}(S⊥² for x, y; S_z² for z), S⊥² per component.</li>
 *   <li>Eq C6 holds to O(γ/M): the wide-band ratio is 1/(1 − iσ(γ↑+γ↓)/2M) exactly; the full parabolic band gives
 *   0.99990 + 0.00883i (↑), 0.99981 − 0.01623i (↓) at set R ({@link org.diffuson.gauge.BetaTerm}).</li>
 *   <li>Constant-lifetime k-grids break charge gauge invariance at finite ω; Σ is evaluated at ε and ε + ω
 *   ({@link org.diffuson.gauge.GridCheck}).</li>
 *   <li>Set R is only marginally diffusive for spin relaxation (λ_sf ≈ 1.8ℓ): the ladder's spin pole at q = 1e-3 lies
 *   2.7 % from the Z root; the q = 0 gap −i/τ_sf is exact. {@link org.diffuson.gauge.SdFerromagnet#warnings()} flags it.</li>
 *   <li>ΔK̃^cs_μ0 built from full-ladder L's is −2Γ̃2Σ_σσν_σ̄L^σ_0μ (eq B4 with Im I^R = −πν_σ); the analogous
 *   −2Γ̃2Σ_σσν_σ̄L_s^σ_0μ repairs K̃^ss (its closed form is eq D9). Both are exact for wide-band bubbles.</li>
 * </ol>
 */
package org.diffuson.gauge;
