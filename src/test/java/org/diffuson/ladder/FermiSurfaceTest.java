package org.diffuson.ladder;

import org.diffuson.linalg.CMatrix;
import org.diffuson.model.Rung;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Seed 000 oracle 6: the Fermi-surface minimal model against the paper's Eqs. 19, 20, 21 and the sandwich-rung block. */
class FermiSurfaceTest {
    @Test
    void inPlaneSpinPrecessionBlockWithoutSpinMixing() {
        double n0 = 0.16, ez = 0.3, g1 = 0.2;
        var fs = MinimalModelFermiSurface.ofAverage(n0, 0, ez, g1, 0);
        double s1 = fs.sigma1();
        for (Rung.Placement pl : Rung.Placement.values()) {
            CMatrix p = fs.oneMinusCollisionPauli(pl, 1);
            double f = ez / (ez * ez + s1 * s1);
            for (int i = 0; i < 4; i++) {
                assertEquals(0, p.get(0, i).norm() + p.get(i, 0).norm() + p.get(3, i).norm() + p.get(i, 3).norm(), 1e-15);
            }
            assertEquals(f * ez, p.re(1, 1), 1e-15);
            assertEquals(f * ez, p.re(2, 2), 1e-15);
            // off-diagonal ∓Σ₁ (sign is convention: the paper's eq 18 is the complex conjugate of our RA bubble)
            assertEquals(f * s1, Math.abs(p.re(1, 2)), 1e-15);
            assertEquals(-p.re(1, 2), p.re(2, 1), 1e-15);
        }
    }

    @Test
    void paperLiteralRungLosesChargeWithSpinFlipDisorder() {
        double n1 = 0.2, nz = 0.05, ez = 0.3, gx = 0.4, t = 1;
        var fs = MinimalModelFermiSurface.ofAverage(n1, nz, ez, 0, gx);
        CMatrix p = fs.oneMinusCollisionPauli(Rung.Placement.PAPER_LITERAL, t);
        double s1 = fs.sigma1(), d1 = n1 * n1 - nz * nz, d2 = ez * ez + s1 * s1;
        // first matrix of eq 20 (xy block), second (0,z block; the paper's 3×4 matrix read as the (0,3) block, erratum 3)
        Complex[][] expected = new Complex[4][4];
        for (Complex[] r : expected) java.util.Arrays.fill(r, Complex.ZERO);
        expected[1][1] = new Complex(-((t - 1) * n1 * n1 + (t + 1) * nz * nz) / d1);
        expected[1][2] = new Complex(0, -2 * t * n1 * nz / d1);
        expected[2][1] = new Complex(0, -2 * t * n1 * nz / d1);
        expected[2][2] = new Complex(-(-(t + 1) * n1 * n1 + (t - 1) * nz * nz) / d1);
        expected[0][0] = new Complex((ez * ez + (1 - t) * s1 * s1) / d2);
        expected[0][3] = new Complex(0, t * ez * s1 / d2);
        expected[3][0] = new Complex(0, -t * ez * s1 / d2);
        expected[3][3] = new Complex((ez * ez + (1 + t) * s1 * s1) / d2);
        CMatrix e = CMatrix.of(expected);
        // The paper's D⁻¹_ij = ½Tr(Γ G^A σ_i G^R σ_j) puts the input index first: it is the transpose of our
        // S_ij = ½Tr(σ_i S[σ_j]). With that, eq 20 is reproduced exactly (seed 000 Eqs. 20, 82–105 and the worked CoPt table of docs/equations.md: PAPER_LITERAL, t = +1).
        assertTrue(p.transpose().minus(e).normMax() < 1e-14, "eq 20:\n" + p + "\nexpected (transposed)\n" + e);
    }

    @Test
    void chargeDecayRateToLowestOrderInSpinFlip() {
        double n1 = 0.2, nz = 0.06, ez = 0.3, g0 = 0.4, gx = 3e-4 * g0, t = 1;
        var fs = MinimalModelFermiSurface.ofAverage(n1, nz, ez, g0, gx);
        double d00 = fs.oneMinusCollisionPauli(Rung.Placement.PAPER_LITERAL, t).re(0, 0);
        double s1 = Math.PI * n1 * g0;
        // denominator read as Γ₀(n₁² − n_z²)(E_z² + Σ₁²) (erratum 4)
        double eq21 = gx * (ez * ez * (n1 * n1 + nz * nz) + s1 * s1 * ((1 - t) * n1 * n1 + (t + 1) * nz * nz))
                / (g0 * (n1 * n1 - nz * nz) * (ez * ez + s1 * s1));
        assertEquals(eq21, d00, 1e-3 * eq21, "lowest order agrees to 0.1%");
    }

    @Test
    void sandwichGammaXOnlyBlock() {
        // seed 000 Eqs. 20, 82–105 and the worked CoPt table of docs/equations.md: sandwich, Γ₁ = 0: the (0,z) block is [[−2n_z², −2n₀n_z], [2n₀n_z, 2n₀²]]/(n₀² − n_z²), det = 0
        double n0 = 0.2, nz = 0.05;
        var fs = MinimalModelFermiSurface.ofAverage(n0, nz, 0.3, 0, 0.4);
        CMatrix p = fs.oneMinusCollisionPauli(Rung.Placement.SANDWICH, 1);
        double d = n0 * n0 - nz * nz;
        double[][] blk = {{-2 * nz * nz / d, -2 * n0 * nz / d}, {2 * n0 * nz / d, 2 * n0 * n0 / d}};
        int[] idx = {0, 3};
        boolean ok = true, okT = true;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) {
                ok &= p.get(idx[i], idx[j]).subtract(new Complex(blk[i][j])).norm() < 1e-13;
                okT &= p.get(idx[i], idx[j]).subtract(new Complex(blk[j][i])).norm() < 1e-13;
            }
        assertTrue(ok || okT, "(0,z) block:\n" + p);
    }
}
