package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

/**
 * The generalized Usadel current and torque of seed 003 (Eqs. 2–3) with uniform coefficients D, θ, κ and the
 * Elliott–Yafet collision term (Eq. 70):
 * J̌_k = −Dǧ∂_kǧ + (D/2)ε_akj(θ{∂_jǧ, σ^a} + iκ[ǧ∂_jǧ, σ^a]),
 * Ť = (D/4)θ ε_akj[σ^a, ǧ∂_kǧ∂_jǧ] + (D/4)κ ε_akj i[∂_kǧ∂_jǧ, σ^a],
 * collision −(1/8τ_so)[σ^aǧσ^a, ǧ]. Index a is spin, k the current direction, j the derivative.
 *
 * @param diffusion   D
 * @param theta       spin Hall angle θ
 * @param kappa       swapping coefficient κ
 * @param tauSo       τ_so (∞ for none)
 */
public record SpinChargeCoupling(double diffusion, double theta, double kappa, double tauSo) {

    public SpinChargeCoupling {
        DiffusonException.requirePositive("diffusion", diffusion);
        DiffusonException.requirePositive("tauSo", tauSo);
    }

    /** From the Mott coefficients of a point-impurity model. */
    public static SpinChargeCoupling of(SpinOrbitCoefficients c) {
        return new SpinChargeCoupling(c.diffusion(), c.theta(), c.kappa(), c.tauSo());
    }

    /** Levi-Civita ε_abc (0-based). */
    public static int epsilon(int a, int b, int c) {
        if (a == b || b == c || a == c) return 0;
        return ((b - a + 3) % 3 == 1) ? 1 : -1;
    }

    /** J̌_k from ǧ and its three derivatives dg[j] = ∂_jǧ (seed 003 Eq. 2). */
    public CMatrix current(CMatrix g, CMatrix[] dg, int k) {
        int n = g.rows();
        CMatrix out = g.times(dg[k]).scale(-diffusion);
        for (int a = 0; a < 3; a++)
            for (int j = 0; j < 3; j++) {
                int e = epsilon(a, k, j);
                if (e == 0) continue;
                CMatrix s = Nambu.lift(Nambu.sigma(a + 1), n);
                CMatrix term = Nambu.anticommutator(dg[j], s).scale(theta)
                        .plus(Nambu.commutator(g.times(dg[j]), s).scale(0, kappa));
                out = out.plus(term.scale(diffusion / 2 * e));
            }
        return out;
    }

    /** Ť (seed 003 Eq. 3). */
    public CMatrix torque(CMatrix g, CMatrix[] dg) {
        int n = g.rows();
        CMatrix out = CMatrix.zeros(n, n);
        for (int a = 0; a < 3; a++)
            for (int k = 0; k < 3; k++)
                for (int j = 0; j < 3; j++) {
                    int e = epsilon(a, k, j);
                    if (e == 0) continue;
                    CMatrix s = Nambu.lift(Nambu.sigma(a + 1), n);
                    CMatrix dd = dg[k].times(dg[j]);
                    CMatrix term = Nambu.commutator(s, g.times(dd)).scale(theta)
                            .plus(Nambu.commutator(dd, s).scale(0, kappa));
                    out = out.plus(term.scale(diffusion / 4 * e));
                }
        return out;
    }

    /** Elliott–Yafet collision term −(1/8τ_so)[σ^aǧσ^a, ǧ] (seed 003 Eq. 70). */
    public CMatrix collision(CMatrix g) {
        return Nambu.commutator(Nambu.sigmaSandwich(g), g).scale(-1 / (8 * tauSo));
    }

    /** Derivatives of a field at r by 5-point central differences. */
    public static CMatrix[] gradient(MatrixField f, double x, double y, double z, double step, int dims) {
        CMatrix g = f.at(x, y, z);
        CMatrix[] d = new CMatrix[3];
        for (int k = 0; k < 3; k++) d[k] = k < dims ? f.derivative(x, y, z, k, step) : CMatrix.zeros(g.rows(), g.cols());
        return d;
    }

    /** Ť of a field at r (derivatives by finite differences in the first {@code dims} directions). */
    public CMatrix torque(MatrixField f, double x, double y, double z, double step, int dims) {
        return torque(f.at(x, y, z), gradient(f, x, y, z, step, dims));
    }

    /** J̌_k of a field at r. */
    public CMatrix current(MatrixField f, double x, double y, double z, double step, int dims, int k) {
        return current(f.at(x, y, z), gradient(f, x, y, z, step, dims), k);
    }

    /** Spin projection Tr[σ^a τ3 X] (the paper's choice for the torque, Eq. 84), a = 1..3, of a 4×4 block. */
    public static Complex traceSigmaTau3(CMatrix x4, int a) {
        return Nambu.ts(3, a).times(x4).trace();
    }

    /** Spin projection Tr[σ^a X] (the one entering spin continuity, Eqs. 79, 81), a = 1..3, of a 4×4 block. */
    public static Complex traceSigma(CMatrix x4, int a) {
        return Nambu.sigma(a).times(x4).trace();
    }
}
