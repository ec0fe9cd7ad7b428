package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Seed 003 oracle rows 12–15: uniform solutions, against closed forms and the full 4×4 matrix equation. */
class BulkTest {

    @Test
    void row12BcsClosedFormAndAndersonTheorem() {
        for (double rate : new double[]{0, 0.7, 30}) {
            BulkState s = Bulk.bcs(1).withSpinRelaxation(rate).matsubara(0.37);
            double om = Math.hypot(0.37, 1);
            assertEquals(0.37 / om, s.g0().getReal(), 1e-15);
            assertEquals(0, s.g0().getImaginary(), 1e-15);
            assertEquals(1 / om, s.f0().getImaginary(), 1e-15);
            assertEquals(0, s.g3().norm(), 1e-15);
        }
        // negative ω: g odd, f even
        BulkState m = Bulk.bcs(1).matsubara(-0.37);
        assertEquals(-0.37 / Math.hypot(0.37, 1), m.g0().getReal(), 1e-15);
        assertEquals(1 / Math.hypot(0.37, 1), m.singlet().getReal(), 1e-15);
    }

    @Test
    void row13ExchangeFieldClosedForm() {
        BulkState s = Bulk.bcs(1).withField(0.6).matsubara(0.5);
        Complex gp = s.thetaUp().cos(), fp = s.thetaUp().sin().multiply(Complex.I);
        assertEquals(0.630796, gp.getReal(), 5e-7);
        assertEquals(-0.412802, gp.getImaginary(), 5e-7);
        assertEquals(-0.282092, fp.getReal(), 5e-7);
        assertEquals(0.923081, fp.getImaginary(), 5e-7);
        Complex w = new Complex(0.5, -0.6);
        assertEquals(0, gp.subtract(w.divide(w.multiply(w).add(1).sqrt())).norm(), 1e-15);
    }

    @Test
    void row14ElliottYafetCouplingAndMatrixResidual() {
        double[] rates = {0.4, 4, 40};
        double[] g0 = {0.587380, 0.492559, 0.452854}, f0 = {0.907299, 0.886558, 0.891945};
        double[] g3 = {-0.344280, -0.147832, -0.022589}, f3 = {-0.222885, -0.082134, -0.011469};
        for (int i = 0; i < 3; i++) {
            for (double[] h : new double[][]{{0, 0, 0.6}, {0.36, 0.48, 0}, {0.2, -0.4, 0.4}}) {
                Bulk b = Bulk.bcs(1).withField(h[0], h[1], h[2]).withSpinRelaxation(rates[i]);
                BulkState s = b.matsubara(0.5);
                assertEquals(g0[i], s.g0().getReal(), 5e-7);
                assertEquals(0, s.g0().getImaginary(), 1e-14);
                assertEquals(f0[i], s.f0().getImaginary(), 5e-7);
                assertEquals(g3[i], s.g3().getImaginary(), 5e-7);
                assertEquals(f3[i], s.f3().getReal(), 5e-7);
                // the θ equations solve the full 4×4 Usadel equation (an independent matrix check)
                assertTrue(b.residual(s) < 1e-14, "matrix residual " + b.residual(s));
                assertTrue(Nambu.normalizationResidual(s.matrix()) < 1e-14);
            }
        }
    }

    @Test
    void row15StrongSpinOrbitAbrikosovGorkovLimit() {
        // ω̃ = ω + 2h²τ_so g(ω̃), g = ω̃/√(ω̃²+Δ²): the next-order gap is the difference
        double rate = 40, tauSo = 1 / rate, w = 0.5;
        for (int i = 0; i < 200; i++) w = 0.5 + 2 * 0.36 * tauSo * w / Math.hypot(w, 1);
        BulkState s = Bulk.bcs(1).withField(0.6).withSpinRelaxation(rate).matsubara(0.5);
        assertEquals(0.45302, w / Math.hypot(w, 1), 5e-6);
        assertEquals(s.g0().getReal(), w / Math.hypot(w, 1), 3e-4);
        assertEquals(s.f0().getImaginary(), 1 / Math.hypot(w, 1), 5e-4);
    }

    @Test
    void retardedBcsDosAndPositivity() {
        Bulk b = Bulk.bcs(1);
        double eta = 1e-4;
        double[] e = {0.2, 0.9, 1.2, 2, -1.5};
        double[] n = b.dos(e, eta);
        for (int i = 0; i < e.length; i++) {
            Complex z = new Complex(Math.abs(e[i]), eta);
            double exact = z.divide(z.multiply(z).subtract(1).sqrt()).getReal();
            // Dynes form Re[(ε+iη)/√((ε+iη)²−Δ²)]
            assertEquals(Math.abs(exact), n[i], 1e-10, "ε = " + e[i]);
        }
        // with a field and relaxation the DOS stays ≥ −O(η) and the residual is machine precision
        Bulk f = Bulk.bcs(1).withField(0.3).withSpinRelaxation(0.5);
        double[] grid = new double[81];
        for (int i = 0; i < grid.length; i++) grid[i] = 2.0 * i / 80;
        for (double v : f.dos(grid, 1e-3)) assertTrue(v > -1e-2);
        assertTrue(f.residual(f.retarded(0.4, 1e-3)) < 1e-13);
    }

    @Test
    void badInputNamesTheParameter() {
        assertEquals("eta", assertThrows(DiffusonException.class, () -> Bulk.bcs(1).retarded(0.5, 0)).parameter());
        assertEquals("delta", assertThrows(DiffusonException.class, () -> Bulk.bcs(-1)).parameter());
        assertEquals("spinFlipRate", assertThrows(DiffusonException.class,
                () -> Bulk.bcs(1).withSpinRelaxation(-1)).parameter());
        assertEquals("omega", assertThrows(DiffusonException.class, () -> Bulk.bcs(1).matsubara(0)).parameter());
    }
}
