package org.diffuson.usadel;

import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Seed 003 row 21: vortex radial solution and both torque projections against 2D finite differences of Ť (Eq. 3). */
class VortexTest {

    static Vortex.Solution solve(double r0, double radius) {
        return new Vortex(1, 1, new double[]{0.3, 0, 0}, 0, Math::tanh, r0, radius).solve(0.1 * Math.PI);
    }

    @Test
    void row21RadialSolutionAndTorqueProjections() {
        Vortex.Solution s = solve(1e-3, 12);
        assertEquals(0.78264, s.theta(1, 1).getReal(), 5e-5);
        assertEquals(0.22880, s.theta(1, 1).getImaginary(), 5e-5);
        assertEquals(1.10323, s.theta(2, 1).getReal(), 5e-5);
        assertEquals(0.28118, s.theta(2, 1).getImaginary(), 5e-5);
        // Θ_− = Θ_+* for real Δ
        assertEquals(0, s.theta(1.3, -1).subtract(s.theta(1.3, 1).conjugate()).norm(), 1e-12);
        double[] r = {0.25, 0.5, 1, 2, 3, 5};
        double[] kap = {2.0153, 1.3435, 0.26465, -0.04456, -0.01410, -0.00137};
        double[] the = {2.1180, 1.6474, 0.69236, 0.06836, 0.00526, -0.00067};
        for (int i = 0; i < r.length; i++) {
            Complex k = s.torqueSigmaTau3PerKappa(r[i]), t = s.torqueSigmaPerTheta(r[i]);
            assertEquals(kap[i], k.getReal(), 5e-5 + 5e-5 * Math.abs(kap[i]), "κ projection at r = " + r[i]);
            assertEquals(0, k.getImaginary(), 1e-9);
            assertEquals(the[i], t.getImaginary(), 5e-5 + 5e-5 * Math.abs(the[i]), "θ projection at r = " + r[i]);
            assertEquals(0, t.getReal(), 1e-9);
        }
        // stable under changes of R and r0
        Vortex.Solution s2 = solve(5e-4, 14);
        assertEquals(0, s.theta(1, 1).subtract(s2.theta(1, 1)).norm(), 2e-5);
    }

    @Test
    void torqueProjectionsAgainst2dFiniteDifferences() {
        Vortex.Solution s = solve(1e-3, 12);
        MatrixField f = s.field();
        SpinChargeCoupling kappaOnly = new SpinChargeCoupling(1, 0, 1, 1), thetaOnly = new SpinChargeCoupling(1, 1, 0, 1);
        double[] dir = s.torqueDirection();
        double worst = 0;
        for (double r : new double[]{0.5, 1, 2}) {
            for (double alpha : new double[]{0.3, 2.1}) {
                double x = r * Math.cos(alpha), y = r * Math.sin(alpha);
                CMatrix tk = kappaOnly.torque(f, x, y, 0, 1e-3, 2), tt = thetaOnly.torque(f, x, y, 0, 1e-3, 2);
                Complex pk = Complex.ZERO, pt = Complex.ZERO, perpK = Complex.ZERO;
                for (int a = 0; a < 3; a++) {
                    pk = pk.add(SpinChargeCoupling.traceSigmaTau3(tk, a + 1).multiply(dir[a]));
                    pt = pt.add(SpinChargeCoupling.traceSigma(tt, a + 1).multiply(dir[a]));
                }
                // only κ enters Tr στ3Ť and only θ enters Tr σŤ
                for (int a = 0; a < 3; a++) {
                    perpK = perpK.add(SpinChargeCoupling.traceSigmaTau3(tt, a + 1).multiply(dir[a]));
                    worst = Math.max(worst, SpinChargeCoupling.traceSigma(tk, a + 1).norm());
                }
                worst = Math.max(worst, perpK.norm());
                worst = Math.max(worst, pk.subtract(s.torqueSigmaTau3PerKappa(r)).norm());
                worst = Math.max(worst, pt.subtract(s.torqueSigmaPerTheta(r)).norm());
            }
        }
        assertTrue(worst < 1e-6, "max |FD − closed form| = " + worst);
    }
}
