package org.diffuson.usadel;

import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Seed 003 rows 8–11: the normal-state drift–diffusion limit (Eqs. 79–81) of the matrix current J̌ (Eq. 2), the EY
 * collision term and Ť = 0, all evaluated on explicit 8×8 Keldysh fields with finite-difference derivatives.
 */
class NormalStateTest {
    static final double D = 1.3, THETA = 0.07, KAPPA = 0.11, TAU_SO = 2.5;
    static final SpinChargeCoupling C = new SpinChargeCoupling(D, THETA, KAPPA, TAU_SO);

    /** Normal state ǧ^R = τ3, ǧ^A = −τ3, ǧ^K = k0 τ0 + τ3 k·σ. */
    static CMatrix normal(double k0, double kx, double ky, double kz) {
        CMatrix k = Nambu.tau(0).scale(k0).plus(Nambu.ts(3, 1).scale(kx)).plus(Nambu.ts(3, 2).scale(ky))
                .plus(Nambu.ts(3, 3).scale(kz));
        return Nambu.keldysh(Nambu.tau(3), k, Nambu.tau(3).scale(-1));
    }

    // n = −(π/4)Tr ǧ^K = −π k0, S^a = −(π/4)Tr σ^aτ3ǧ^K = −π k^a (units N_F = 1)
    static double n(double x, double y, double z) {
        return 0.3 + 0.2 * Math.sin(x + 0.5 * y) + 0.1 * z * z;
    }

    static double[] s(double x, double y, double z) {
        return new double[]{0.1 * Math.cos(y - z), 0.2 * x * y, 0.15 * Math.sin(x + z)};
    }

    static final MatrixField FIELD = (x, y, z) -> {
        double[] sv = s(x, y, z);
        return normal(-n(x, y, z) / Math.PI, -sv[0] / Math.PI, -sv[1] / Math.PI, -sv[2] / Math.PI);
    };

    static double chargeCurrent(CMatrix jk) {
        return -Math.PI / 4 * Nambu.tau(3).times(Nambu.block(jk, 0, 1)).trace().getReal();
    }

    static double spinCurrent(CMatrix jk, int a) {
        return -Math.PI / 4 * Nambu.sigma(a).times(Nambu.block(jk, 0, 1)).trace().getReal();
    }

    static double d(java.util.function.DoubleUnaryOperator f, double x) {
        double h = 1e-4;
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    @Test
    void row8ElliottYafetRelaxesSpinConservesCharge() {
        CMatrix g = normal(0.4, 0.1, -0.3, 0.25);
        CMatrix k = Nambu.block(C.collision(g), 0, 1);
        CMatrix expected = Nambu.ts(0, 1).scale(0.1).plus(Nambu.ts(0, 2).scale(-0.3)).plus(Nambu.ts(0, 3).scale(0.25))
                .scale(-1 / TAU_SO);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) assertEquals(0, k.get(i, j).subtract(expected.get(i, j)).norm(), 1e-15);
        assertEquals(0, Nambu.tau(0).times(k).trace().norm(), 1e-15);   // charge conserved
        assertEquals(0, Nambu.block(C.collision(g), 0, 0).normMax(), 1e-15);
    }

    @Test
    void row9CurrentsReproduceEqs80And81AndTorqueVanishes() {
        double[][] pts = {{0.2, -0.4, 0.7}, {1.1, 0.3, -0.5}};
        double worst = 0, torque = 0;
        for (double[] p : pts) {
            double x = p[0], y = p[1], z = p[2];
            CMatrix[] grad = SpinChargeCoupling.gradient(FIELD, x, y, z, 1e-3, 3);
            CMatrix g = FIELD.at(x, y, z);
            double[][] ds = new double[3][3];   // ds[j][a] = ∂_j S^a
            double[] dn = new double[3];
            for (int j = 0; j < 3; j++) {
                final int jj = j;
                dn[j] = d(t -> n(x + (jj == 0 ? t - x : 0), y + (jj == 1 ? t - x : 0), z + (jj == 2 ? t - x : 0)), x);
                for (int a = 0; a < 3; a++) {
                    final int aa = a;
                    ds[j][a] = d(t -> s(x + (jj == 0 ? t - x : 0), y + (jj == 1 ? t - x : 0), z + (jj == 2 ? t - x : 0))[aa], x);
                }
            }
            double div = ds[0][0] + ds[1][1] + ds[2][2];
            for (int k = 0; k < 3; k++) {
                CMatrix jk = C.current(g, grad, k);
                // Eq. 80: J = −D∇n + Dθ∇×S
                double curl = 0;
                for (int j = 0; j < 3; j++)
                    for (int a = 0; a < 3; a++) curl += SpinChargeCoupling.epsilon(k, j, a) * ds[j][a];
                worst = Math.max(worst, Math.abs(chargeCurrent(jk) - (-D * dn[k] + D * THETA * curl)));
                // Eq. 81: J^a_k = −D∂_kS^a + Dθε_akj∂_jn − Dκ(δ_ka∇·S − ∂_aS^k)
                for (int a = 0; a < 3; a++) {
                    double e = -D * ds[k][a] - D * KAPPA * ((k == a ? div : 0) - ds[a][k]);
                    for (int j = 0; j < 3; j++) e += D * THETA * SpinChargeCoupling.epsilon(a, k, j) * dn[j];
                    worst = Math.max(worst, Math.abs(spinCurrent(jk, a + 1) - e));
                }
            }
            torque = Math.max(torque, C.torque(g, grad).normMax());
        }
        assertTrue(worst < 1e-9, "max deviation from Eqs. 80–81: " + worst);
        assertEquals(0, torque, 1e-15, "Ť ≡ 0 in the normal state");
    }

    @Test
    void row10Swapping() {
        // S = S^x(x) x̂: J^y_y = J^z_z = κ J^x_x
        MatrixField fx = (x, y, z) -> normal(0, -0.2 * Math.sin(x) / Math.PI, 0, 0);
        CMatrix[] gr = SpinChargeCoupling.gradient(fx, 0.4, 0, 0, 1e-3, 3);
        CMatrix g = fx.at(0.4, 0, 0);
        double jxx = spinCurrent(C.current(g, gr, 0), 1), jyy = spinCurrent(C.current(g, gr, 1), 2),
                jzz = spinCurrent(C.current(g, gr, 2), 3);
        assertEquals(KAPPA * jxx, jyy, 1e-12);
        assertEquals(KAPPA * jxx, jzz, 1e-12);
        assertEquals(0, spinCurrent(C.current(g, gr, 1), 1), 1e-15);   // J^x_y = 0 for S^x(x)x̂ (vacuous relation)
        // S = S^y(x) ŷ: J^x_y = Dκ ∂_xS^y = −κ J^y_x
        MatrixField fy = (x, y, z) -> normal(0, 0, -0.2 * Math.sin(x) / Math.PI, 0);
        gr = SpinChargeCoupling.gradient(fy, 0.4, 0, 0, 1e-3, 3);
        g = fy.at(0.4, 0, 0);
        double jxy = spinCurrent(C.current(g, gr, 1), 1), jyx = spinCurrent(C.current(g, gr, 0), 2);
        assertEquals(D * KAPPA * 0.2 * Math.cos(0.4), jxy, 1e-12);
        assertEquals(-KAPPA * jyx, jxy, 1e-12);
    }

    @Test
    void row11SpinHallStripSolvesTheMatrixEquation() {
        // uniform J_x = −D∂_xn with n = n0 − (J/D)x; S^z(y) = θJ L_s sinh(y/L_s)/(D cosh(W/2L_s)), L_s = √(Dτ_so)
        double jx = 0.8, w = 2, ls = Math.sqrt(D * TAU_SO);
        MatrixField f = (x, y, z) -> {
            double nn = 1 - jx / D * x, sz = THETA * jx * ls * Math.sinh(y / ls) / (D * Math.cosh(w / (2 * ls)));
            return normal(-nn / Math.PI, 0, 0, -sz / Math.PI);
        };
        double h = 1e-3;
        for (double y : new double[]{-0.6, 0.1, 0.9}) {
            // stationary spin continuity from Tr σ^z of Eq. 1: ∂_kJ^z_k = −S^z/τ_so (collision term), Ť = 0
            double divJ = 0;
            for (int k = 0; k < 2; k++) {
                final int kk = k;
                java.util.function.DoubleUnaryOperator jz = t -> spinCurrent(C.current(f, kk == 0 ? t : 0.3,
                        kk == 1 ? t : y, 0, h, 2, kk), 3);
                divJ += (jz.applyAsDouble((k == 0 ? 0.3 : y) + h) - jz.applyAsDouble((k == 0 ? 0.3 : y) - h)) / (2 * h);
            }
            double coll = -Math.PI / 4 * Nambu.sigma(3).times(Nambu.block(C.collision(f.at(0.3, y, 0)), 0, 1)).trace().getReal();
            assertEquals(coll, divJ, 1e-7, "spin continuity at y = " + y);
        }
        // boundary: J^z_y(±W/2) = 0; charge current J_x = −D∂_xn + Dθ∂_yS^z = J(1 + θ² cosh(y/L_s)/cosh(W/2L_s)):
        // uniform to first order in θ (the O(θ²) inverse-SHE return current is beyond the theory's accuracy)
        for (double y : new double[]{-w / 2, w / 2}) {
            assertEquals(0, spinCurrent(C.current(f, 0.3, y, 0, h, 2, 1), 3), 1e-10);
            assertEquals(jx * (1 + THETA * THETA), chargeCurrent(C.current(f, 0.3, y, 0, h, 2, 0)), 1e-10);
        }
    }
}
