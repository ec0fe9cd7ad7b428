package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Seed 003 oracle rows 1–7: algebra, T-matrix, Mott coefficients (closed forms of Eqs. 33–37, 56, 65–66, 75–76). */
class ImpurityAlgebraTest {

    static CMatrix randomNormalized(long seed, int n) {
        Random r = new Random(seed);
        double[] d = new double[2 * n * n];
        for (int i = 0; i < d.length; i++) d[i] = r.nextGaussian();
        CMatrix m = CMatrix.of(n, n, d);
        CMatrix t3 = Nambu.lift(Nambu.tau(3), n);
        return m.times(t3).times(m.inverse());
    }

    @Test
    void row1TMatrixInversionEqualsClosedFormWhenNormalized() {
        PointImpurity imp = new PointImpurity(1, 1, 0.5, 0.01, 0.01);
        for (int n : new int[]{4, 8}) {
            CMatrix g = randomNormalized(7 + n, n);
            assertTrue(Nambu.normalizationResidual(g) < 1e-12, "ǧ² = 1 by construction");
            CMatrix t = imp.tMatrix(g);
            // relative to the matrix scale (random M makes ǧ entries O(10))
            double scale = 1 + g.normMax();
            assertEquals(0, t.minus(imp.tMatrixNormalized(g)).normMax() / scale, 1e-13);
            assertEquals(0, Nambu.commutator(t, g).normMax() / (scale * scale), 1e-13);
        }
        // the identity fails if ǧ² ≠ 1
        CMatrix bad = randomNormalized(3, 4).scale(1.1);
        assertTrue(imp.tMatrix(bad).minus(imp.tMatrixNormalized(bad)).normMax() > 1e-3);
    }

    @Test
    void row2MottAmplitudeAndOpticalTheorem() {
        PointImpurity imp = new PointImpurity(1, 1, 0.5, 0.01, 0.01);
        Complex tf = imp.tF();
        assertEquals(2.51327, tf.getReal(), 5e-6);
        assertEquals(-1.25664, tf.getImaginary(), 5e-6);
        assertEquals(-Math.PI * imp.nF() * tf.norm() * tf.norm(), tf.getImaginary(), 1e-15);
        // phase-shift form t_F = −sinδ0 e^{iδ0}/(πN_F), tan δ0 = −p_F a
        double d0 = Math.atan(-0.5);
        Complex alt = new Complex(Math.cos(d0), Math.sin(d0)).multiply(-Math.sin(d0) / (Math.PI * imp.nF()));
        assertEquals(0, tf.subtract(alt).norm(), 1e-14);
    }

    @Test
    void bornSeriesOfFig2cConvergesToInversionAndRefusesBeyondRadius() {
        PointImpurity imp = new PointImpurity(1, 1, 0.3, 0.01, 0.01);
        CMatrix g = Nambu.tau(3);
        assertEquals(0, imp.bornSeries(g, 60).minus(imp.tMatrix(g)).normMax(), 1e-14);
        assertEquals(0, imp.tMatrixBorn(g).minus(new PointImpurity(1, 1, 1e-9, 0.01, 0.01).tMatrix(g)
                .scale(0.3 / 1e-9)).normMax(), 1e-7);
        DiffusonException e = assertThrows(DiffusonException.class,
                () -> new PointImpurity(1, 1, 1.5, 0.01, 0.01).bornSeries(g, 10));
        assertEquals("scatteringLength", e.parameter());
    }

    @Test
    void row3Coefficients() {
        SpinOrbitCoefficients c = new PointImpurity(1, 1, 0.5, 0.0198944, 0.01).coefficients();
        assertEquals(20, c.tau(), 2e-4);              // n_im is given to 6 digits
        assertEquals(0.01, c.omega1Tau(), 1e-15);     // closed form ω1τ = λ²p_F², independent of n_im
        assertEquals(0.005, c.omega2Tau(), 1e-15);
        assertEquals(4.3333e-3, c.theta(), 5e-8);
        assertEquals(6.1667e-3, c.kappa(), 5e-8);
        assertEquals(3.8333e-3, c.thetaPrime(), 5e-8);
        assertEquals(6.4167e-3, c.kappaPrime(), 5e-8);
        assertEquals(6.6667, c.diffusion(), 1e-4);
        assertEquals(11250, c.tauSoOverTau(), 1e-9);
        assertEquals(c.theta(), c.thetaSkew() + c.thetaSideJump(), 1e-18);
        assertEquals(c.kappa(), c.kappaLocal() + c.kappaNonlocal(), 1e-18);
    }

    @Test
    void row4CoefficientsAcrossScatteringLengths() {
        double[] pfa = {-2, -0.5, 0.1, 0.5, 2, 10};
        double[] theta = {-1.2931e-2, -3.2328e-3, 6.7164e-4, 3.4339e-3, 1.3735e-2, 6.7164e-2};
        double[] kappa = {7.4709e-3, 6.7169e-3, 6.6662e-3, 6.6164e-3, 5.8624e-3, 1.6899e-3};
        double[] pfl = {49.736, 198.94, 4018.7, 198.94, 49.736, 40.187};
        for (int i = 0; i < pfa.length; i++) {
            SpinOrbitCoefficients c = new PointImpurity(1, 1, pfa[i], 0.002, 0.01).coefficients();
            assertEquals(theta[i], c.theta(), 5e-5 * Math.abs(theta[i]), "θ at p_F a = " + pfa[i]);
            assertEquals(kappa[i], c.kappa(), 5e-5 * Math.abs(kappa[i]), "κ at p_F a = " + pfa[i]);
            assertEquals(pfl[i], c.pFl(), 5e-5 * pfl[i], "p_F l at p_F a = " + pfa[i]);
        }
    }

    @Test
    void row5BornLimitAndRow6KappaZero() {
        double lam = 0.01;
        PointImpurity born = new PointImpurity(1, 1, 1e-7, 0.002, lam);
        SpinOrbitCoefficients c = born.coefficients();
        assertEquals(2 * 1 * lam / born.pF() / born.pF() / c.tau(), c.thetaSideJump(), 1e-12 * c.thetaSideJump());
        assertEquals(2.0 / 3 * lam, c.kappa(), 1e-8);
        assertEquals(born.pFa() * c.pFl() / 3, c.thetaSkew() / c.thetaSideJump(), 1e-9 * c.pFl());
        // side jump = 2mλ²/τ for any a
        PointImpurity any = new PointImpurity(1.3, 0.8, 2.2, 0.002, lam);
        double lambda2 = lam / (any.pF() * any.pF());
        assertEquals(2 * any.mass() * lambda2 / any.tau(), any.coefficients().thetaSideJump(), 1e-15);
        // κ = 0 where p_F a = p_F l/3 (solve the fixed point by iteration)
        double a = 1;
        for (int i = 0; i < 200; i++) a = new PointImpurity(1, 1, a, 0.002, lam).pFl() / 3;
        assertEquals(0, new PointImpurity(1, 1, a, 0.002, lam).coefficients().kappa(), 1e-14);
    }

    @Test
    void mottTauSoReducesToEq56InBornLimit() {
        PointImpurity imp = new PointImpurity(1, 1, 0.5, 0.002, 0.01);
        assertEquals(1 + 0.25, imp.tauSo(PointImpurity.TauSoForm.EQ56) / imp.tauSo(PointImpurity.TauSoForm.MOTT),
                1e-13);
    }

    @Test
    void row7AngularAverageOfCorrectedEq55GivesEq70() {
        CMatrix g = randomNormalized(11, 8);
        double tauSo = 3.7;
        CMatrix avg = PointImpurity.elliottYafetAverage(g, tauSo, false, 6);
        CMatrix eq70 = Nambu.sigmaSandwich(g).scale(0, -1 / (8 * tauSo));
        assertEquals(0, avg.minus(eq70).normMax() / (1 + g.normMax()), 1e-14);
        // the printed 16i/3τ_so is off by (16/3)/(3/16) = 256/9
        CMatrix lit = PointImpurity.elliottYafetAverage(g, tauSo, true, 6);
        assertEquals(0, lit.minus(eq70.scale(256.0 / 9)).normMax() / (1 + g.normMax()), 1e-12);
    }

    @Test
    void basisTransformationReproducesTableI() {
        Complex d = new Complex(0.7, -0.3);
        CMatrix std = Nambu.toStandard(Nambu.gap(d));
        CMatrix isy = Pauli.SY.scale(0, 1);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) {
                assertEquals(0, std.get(i, 2 + j).subtract(isy.get(i, j).multiply(d)).norm(), 1e-15);
                assertEquals(0, std.get(2 + i, j).subtract(isy.get(i, j).multiply(d.conjugate())).norm(), 1e-15);
            }
        CMatrix z = Nambu.toStandard(Nambu.zeeman(0.2, -0.4, 0.5));
        CMatrix hs = Pauli.combination(0, 0.2, -0.4, 0.5);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) {
                assertEquals(0, z.get(i, j).subtract(hs.get(i, j)).norm(), 1e-15);
                assertEquals(0, z.get(2 + i, 2 + j).subtract(hs.get(i, j).conjugate()).norm(), 1e-15);
            }
        CMatrix g = randomNormalized(5, 8);
        assertEquals(0, Nambu.fromStandard(Nambu.toStandard(g)).minus(g).normMax(), 1e-12);
        assertEquals(Nambu.normalizationResidual(g), Nambu.normalizationResidual(Nambu.toStandard(g)), 1e-11);
    }

    @Test
    void keldyshBlocksAndEquilibriumNormalization() {
        BulkState s = Bulk.bcs(1).retarded(1.3, 1e-3);
        CMatrix gR = s.matrix();
        CMatrix gk = Nambu.equilibrium(gR, 1.3, 0.2);
        assertTrue(Nambu.normalizationResidual(gk) < 1e-12);
        assertEquals(0, Nambu.block(gk, 0, 0).minus(gR).normMax(), 0);
        // normal state: ǧ^R = τ3, ǧ^A = −τ3
        assertEquals(0, Nambu.advanced(Nambu.tau(3)).plus(Nambu.tau(3)).normMax(), 0);
    }
}
