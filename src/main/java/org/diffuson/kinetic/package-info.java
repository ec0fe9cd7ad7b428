/**
 * Kinetic theory of spin–charge diffusion with the exact impurity T-matrix (seed 001): collision operators I0
 * (Lindblad) and I1 (S-matrix gradient, side jump) on a Fermi-surface quadrature
 * ({@link org.diffuson.kinetic.CollisionKernel}), the paper's 12×12 moment solve and the exact first-order angular-grid
 * solve ({@link org.diffuson.kinetic.KineticSolver}), the coefficients D_c, θ_sH, D_m, D_s^{L,T}, κ, τ_s and Ω's
 * ({@link org.diffuson.kinetic.SpinChargeCoefficients}), the closed forms S67–S71 / Eqs. 11–14
 * ({@link org.diffuson.kinetic.MomentClosedForms}) and S94–S103 printed vs corrected
 * ({@link org.diffuson.kinetic.ThreeChannelFormulas}).
 */
package org.diffuson.kinetic;
