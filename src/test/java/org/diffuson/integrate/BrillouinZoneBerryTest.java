package org.diffuson.integrate;

import org.diffuson.DiffusonException;
import org.diffuson.boltzmann.BoltzmannResult;
import org.diffuson.boltzmann.BoltzmannSolver;
import org.diffuson.model.QwzModel;
import org.diffuson.model.TightBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lattice side of issue 4: BZ mesh, Berry curvature from ∂H, Chern numbers of the QWZ model. */
class BrillouinZoneBerryTest {
    /**
     * Independent oracle: the Chern number of the lower band from the low-energy Dirac points. Near each TRIM D the
     * model is a massive Dirac cone of chirality χ_D = cos k_x cos k_y and mass m_D = m + cos k_x + cos k_y, and a cone
     * contributes (χ_D/2) sgn m_D (the continuum result σ_yx = ½ sgn M tested in StructureTest.fermiLevelInGap, whose
     * Hamiltonian has χ = +1). Hence C = ½[sgn(m+2) + sgn(m−2) − 2 sgn m].
     */
    static double diracCount(double m) { return 0.5 * (Math.signum(m + 2) + Math.signum(m - 2) - 2 * Math.signum(m)); }

    @ParameterizedTest
    @ValueSource(doubles = {-3, -1.5, -0.5, 0.5, 1.5, 3, 1.0, -1.0})
    void chernNumberFukuiIsExactInteger(double m) {
        QwzModel h = new QwzModel(m);
        // FHS is an exact integer once every plaquette flux < π: a coarse 16×16 mesh suffices away from the transitions
        double c = BerryCurvature.chernFukui(h, BrillouinZone.uniform(h, 16), 0);
        assertEquals(diracCount(m), c, 1e-10);
        assertEquals(Math.abs(m) < 2 ? 1 : 0, Math.abs(Math.round(c)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.5, -0.5, 0.5, 1.5, 2.5})
    void kuboHallConductanceIsChernTimesE2OverH(double m) {
        QwzModel h = new QwzModel(m);
        double c = diracCount(m);
        // Ω is smooth and periodic in a gap: the uniform mesh error decays exponentially. Tolerance 1e-9 at N = 96
        // (gap ≥ 1 here); the coarse mesh is also checked to be worse, i.e. the agreement is a property of the mesh.
        double fine = BerryCurvature.hallConductance(h, BrillouinZone.uniform(h, 96, 96, 0.5), 0);
        double coarse = BerryCurvature.hallConductance(h, BrillouinZone.uniform(h, 8, 8, 0.5), 0);
        assertEquals(c, fine, 1e-9);
        assertTrue(Math.abs(coarse - c) > Math.abs(fine - c), "mesh refinement must help: coarse " + coarse + " fine " + fine);
        // the Boltzmann solver's Fermi-sea term uses the same lattice path when ε_F is in the gap
        BoltzmannResult r = BoltzmannSolver.builder(h).disorder(0.01).kMax(Math.PI).angles(16).mesh(96).build().solve(0);
        assertEquals(c, r.total().yx(), 1e-9);
        assertEquals(-c, r.total().xy(), 1e-9);
    }

    @Test
    void chernRefusesGaplessAndMetallicInput() {
        QwzModel critical = new QwzModel(2); // gap closes at (π, π): on a mesh containing it
        assertThrows(DiffusonException.class, () -> BerryCurvature.chernFukui(critical, BrillouinZone.uniform(critical, 16), 0));
        QwzModel h = new QwzModel(1);
        DiffusonException e = assertThrows(DiffusonException.class, () -> BerryCurvature.chernFukui(h, BrillouinZone.uniform(h, 16), 1.5));
        assertEquals("fermiEnergy", e.parameter());
    }

    @Test
    void tightBindingReproducesQwzAndItsGradient() {
        QwzModel q = new QwzModel(0.7);
        TightBinding tb = q.asTightBinding();
        SplittableRandom rnd = new SplittableRandom(3);
        double[] a = new double[8], b = new double[8], ax = new double[8], ay = new double[8], bx = new double[8], by = new double[8];
        for (int i = 0; i < 20; i++) {
            double kx = rnd.nextDouble(-4, 4), ky = rnd.nextDouble(-4, 4);
            q.eval(kx, ky, 0, a, 0);
            tb.eval(kx, ky, 0, b, 0);
            q.evalGradient(kx, ky, ax, ay, 0);
            tb.evalGradient(kx, ky, bx, by, 0);
            for (int j = 0; j < 8; j++) {
                assertEquals(a[j], b[j], 1e-14);
                assertEquals(ax[j], bx[j], 1e-14);
                assertEquals(ay[j], by[j], 1e-14);
            }
        }
        double[] rv = tb.reciprocalVectors();
        assertEquals(2 * Math.PI, rv[0], 1e-14);
        assertEquals(2 * Math.PI, rv[3], 1e-14);
    }

    @Test
    void meshMeasureAndBerryConnectionFromGradient() {
        QwzModel h = new QwzModel(1.2);
        BrillouinZone bz = BrillouinZone.uniform(h, 10);
        // Σ w · 1 = |BZ|/(2π)² = 1 for the unit square lattice
        assertEquals(1, bz.integrate((x, y) -> 1), 1e-14);
        // Ω from ∂H/(ε_m − ε_n) equals the curl of the Berry connection by finite differences of overlaps in a smooth
        // local gauge (independent route): Ω ≈ −Im ln(plaquette)/δ² for a small plaquette
        BerryBands b = new BerryBands(h);
        double kx = 0.3, ky = -0.8, d = 1e-4;
        b.at(kx, ky);
        double omega = b.curvature(0);
        double[][] u = new double[4][];
        double[][] ks = {{kx - d / 2, ky - d / 2}, {kx + d / 2, ky - d / 2}, {kx + d / 2, ky + d / 2}, {kx - d / 2, ky + d / 2}};
        for (int i = 0; i < 4; i++) { b.at(ks[i][0], ks[i][1]); u[i] = b.u.clone(); }
        double re = 1, im = 0;
        for (int i = 0; i < 4; i++) {
            double[] p = u[i], q = u[(i + 1) % 4];
            double sr = p[0] * q[0] + p[1] * q[1] + p[4] * q[4] + p[5] * q[5];
            double si = p[0] * q[1] - p[1] * q[0] + p[4] * q[5] - p[5] * q[4];
            double nr = re * sr - im * si;
            im = re * si + im * sr;
            re = nr;
        }
        // loop phase = −∮A = −Ω δ² (tolerance: O(δ²) curvature variation over the plaquette)
        assertEquals(omega, -Math.atan2(im, re) / (d * d), 1e-6 * Math.max(1, Math.abs(omega)));
    }
}
