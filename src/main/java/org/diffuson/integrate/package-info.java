/**
 * k-space integration shared by the transport engines. This part (the lattice/Boltzmann side of issue 4):
 * {@link org.diffuson.integrate.BerryBands} (allocation-free eigen-decomposition with band-basis velocities and the
 * interband Berry connection R′ = i⟨m|∂H|n⟩/(ε_n − ε_m)), {@link org.diffuson.integrate.FermiContour} (iso-energy
 * lines on a uniform angle grid with exact δ-function weights), {@link org.diffuson.integrate.BerrySea} (polar Fermi-sea
 * integrals with a mapped power-law tail), {@link org.diffuson.integrate.BrillouinZone} (uniform 2D BZ mesh) and
 * {@link org.diffuson.integrate.BerryCurvature} (Fukui–Hatsugai–Suzuki Chern numbers and the Kubo/TKNN sum).
 * Measure ∫d²k/(2π)², ħ = 1.
 */
package org.diffuson.integrate;
