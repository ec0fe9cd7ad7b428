package org.diffuson.usadel;

import org.diffuson.linalg.CMatrix;

/**
 * A matrix field ǧ(r) in 2D or 3D (4×4 Nambu⊗spin or 8×8 Keldysh), with central-difference derivatives. The generalized
 * current and torque of seed 003 are evaluated on such fields by {@link SpinChargeCoupling}; in 1D every θ and κ term
 * vanishes, so 2D fields (a vortex, a strip) are where they act.
 */
@FunctionalInterface
public interface MatrixField {

    /** ǧ at r = (x, y, z). */
    CMatrix at(double x, double y, double z);

    /** Central difference ∂_kǧ (k = 0, 1, 2) with step {@code step}: 4th order (5-point) to keep cancellations small. */
    default CMatrix derivative(double x, double y, double z, int k, double step) {
        double[] e = new double[3];
        e[k] = step;
        CMatrix p1 = at(x + e[0], y + e[1], z + e[2]), m1 = at(x - e[0], y - e[1], z - e[2]);
        CMatrix p2 = at(x + 2 * e[0], y + 2 * e[1], z + 2 * e[2]), m2 = at(x - 2 * e[0], y - 2 * e[1], z - 2 * e[2]);
        return p1.minus(m1).scale(8).minus(p2.minus(m2)).scale(1 / (12 * step));
    }
}
