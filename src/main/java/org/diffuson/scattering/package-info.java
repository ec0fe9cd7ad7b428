/**
 * Non-perturbative single-impurity scattering for seed 001 (Huang, Tokatly, Cazalilla): the spin-½ partial-wave
 * T/S-matrix with spin–orbit coupling from phase shifts ({@link org.diffuson.scattering.PartialWaveTMatrix}, any
 * l ≤ 12, with an explicit off-shell continuation), its unitarity / optical-theorem, reciprocity and parity checks
 * ({@link org.diffuson.scattering.TMatrixChecks}), the first-Born reduction
 * ({@link org.diffuson.scattering.BornPotential}), and the impurity sub-models: resonant level, Friedel sum rule, Fumi
 * energy and the Read–Newns Kondo temperature ({@link org.diffuson.scattering.ResonantLevel}), Schrieffer–Wolff
 * ({@link org.diffuson.scattering.SchriefferWolff}). Units ħ = 1; N_F is per spin.
 */
package org.diffuson.scattering;
