package org.diffuson.model;

/**
 * A 2D Bloch Hamiltonian periodic on a lattice: H(k + b_i) = H(k) for the primitive reciprocal vectors b_1, b_2
 * (periodic gauge of the orbital basis, so H itself, not just its spectrum, is periodic). The Brillouin zone is the
 * parallelogram {s b_1 + t b_2 : s, t ∈ [0, 1)}. Units: ħ = 1, lattice constant 1 unless the model says otherwise.
 */
public interface LatticeHamiltonian extends GradientHamiltonian {
    /** Primitive reciprocal vectors as {b1x, b1y, b2x, b2y} (a fresh array). */
    double[] reciprocalVectors();

    /** Area of the Brillouin zone |b_1 × b_2|. */
    default double brillouinZoneArea() {
        double[] b = reciprocalVectors();
        return Math.abs(b[0] * b[3] - b[1] * b[2]);
    }

    @Override default int spaceDim() { return 2; }
}
