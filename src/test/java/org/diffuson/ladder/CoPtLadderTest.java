package org.diffuson.ladder;

import org.diffuson.green.Energy;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.OperatorBasis;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.diffuson.model.RashbaExchange;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Seed 000: the worked CoPt table (docs/equations.md), the BNM reading of Eqs. 20, 82–105, the Φ̄ structure of Eqs. 401–415 and δXX of Eqs. 90–92. */
class CoPtLadderTest {
    static double minEig(LadderResult r) {
        double m = Double.POSITIVE_INFINITY;
        for (Complex c : r.oneMinusCollisionEigenvalues()) m = Math.min(m, c.norm());
        return m;
    }

    @Test
    void workedRegressionTable() {
        // {cutoff, (1−I)_00, (1−I)_0z, Born min|eig|, Σ∝1 min|eig|}; 4 digits given (3 for the cutoff-10 Born/Σ∝1 entries)
        double[][] rows = {{21, 0.2534, 0.4279, 0.0310, 0.3983, 5e-5}, {10, 0.2564, 0.4299, 0.028, 0.396, 5e-4}};
        for (double[] row : rows) {
            Model m = Preset.COPT.with("cutoffEnergy", row[0]).build();
            Ladder l = Ladder.scba(m, 0.0);
            LadderResult r = l.atFermiLevel();
            CMatrix p = r.oneMinusCollisionInBasis();
            assertEquals(row[1], p.re(0, 0), 5e-5);
            assertEquals(row[2], p.re(0, 3), 5e-5);
            assertEquals(row[2], p.re(3, 0), 5e-5);
            assertTrue(minEig(r) < 1e-12, "SCBA zero mode");
            assertTrue(l.wardRetardedAdvanced(0).relative() < 1e-11);
            assertEquals(row[3], minEig(l.born(0.02).atFermiLevel()), row[5] + 1e-4 * (row[0] == 10 ? 10 : 1));
            assertEquals(row[4], minEig(l.scalarBroadening().atFermiLevel()), row[5] + 1e-4 * (row[0] == 10 ? 10 : 1));
        }
    }

    @Test
    void spinPolarizationAndBothBandsLimit() {
        // n_z/n_0 ≈ −0.59 at E = 0 (one band); at E = 1 both bands: (1−I)_00 ≈ 4.1e-5, (1−I)_0z ≈ 5.3e-3 (seed 000 Eqs. 20, 82–105 and the worked CoPt table of docs/equations.md, 2 digits)
        Ladder l0 = Ladder.scba(Preset.COPT.build(), 0.0);
        Complex[] n = OperatorBasis.pauli().components(l0.densityOfStates());
        assertEquals(-0.59, n[3].getReal() / n[0].getReal(), 0.005);
        CMatrix p = Ladder.scba(Preset.COPT.build(), 1.0).atFermiLevel().oneMinusCollisionInBasis();
        assertEquals(4.1e-5, p.re(0, 0), 0.05e-5);
        assertEquals(5.3e-3, Math.abs(p.re(0, 3)), 0.05e-3);
    }

    @Test
    void coptBubbleSectorsAndRotationCovariance() {
        Ladder l = Ladder.scba(Preset.COPT.build(), 0.5);
        CMatrix b0 = l.retardedAdvanced(new double[]{0, 0}, 0.0).bubble().inStandardBasis();
        // q = 0: {0,z} and {x,y} sectors decouple; Φ̄_xx = Φ̄_yy, Φ̄_xy = −Φ̄_yx, Φ̄_0z = Φ̄_z0
        for (int i : new int[]{0, 3}) for (int j : new int[]{1, 2}) {
            assertEquals(0, b0.get(i, j).norm(), 1e-15);
            assertEquals(0, b0.get(j, i).norm(), 1e-15);
        }
        assertEquals(0, b0.get(1, 1).subtract(b0.get(2, 2)).norm(), 1e-14);
        assertEquals(0, b0.get(1, 2).add(b0.get(2, 1)).norm(), 1e-14);
        assertEquals(0, b0.get(0, 3).subtract(b0.get(3, 0)).norm(), 1e-14);
        // rotation covariance Φ̄(R_φ q) = 𝓡 Φ̄(q) 𝓡ᵀ, 𝓡 rotating (x, y) spin components (full angular grid, no symmetry used)
        double q = 0.002, phi = 0.7; // qℓ ≈ 0.03 (ℓ ≈ 13): linear-response regime
        CMatrix bq = l.retardedAdvanced(new double[]{q, 0}, 0.0).bubble().inStandardBasis();
        CMatrix br = l.retardedAdvanced(new double[]{q * Math.cos(phi), q * Math.sin(phi)}, 0.0).bubble().inStandardBasis();
        double c = Math.cos(phi), s = Math.sin(phi);
        CMatrix rot = CMatrix.real(new double[][]{{1, 0, 0, 0}, {0, c, -s, 0}, {0, s, c, 0}, {0, 0, 0, 1}});
        // the angular grid is not rotated with q, so covariance holds to the spectral accuracy of 64 angles
        assertTrue(br.minus(rot.times(bq).times(rot.transpose())).normMax() < 1e-12 * bq.normMax());
        // linear order in q: charge couples to in-plane spin (Φ̄_0y ∝ q_x here), Φ̄_xx − Φ̄_yy ∝ q_y² − q_x²
        CMatrix bh = l.retardedAdvanced(new double[]{q / 2, 0}, 0.0).bubble().inStandardBasis();
        Complex c1 = bq.get(0, 2).add(bq.get(0, 1)), c2 = bh.get(0, 2).add(bh.get(0, 1));
        assertEquals(2, c1.norm() / c2.norm(), 0.01, "Φ̄_0,in-plane ∝ q");
        Complex a1 = bq.get(1, 1).subtract(bq.get(2, 2)), a2 = bh.get(1, 1).subtract(bh.get(2, 2));
        assertEquals(4, a1.norm() / a2.norm(), 0.05, "Φ̄_xx − Φ̄_yy ∝ q²");
        CMatrix by = l.retardedAdvanced(new double[]{0, q}, 0.0).bubble().inStandardBasis();
        assertEquals(0, by.get(1, 1).subtract(by.get(2, 2)).add(a1).norm(), 1e-12 * a1.norm() + 1e-15, "sign flips under q_x ↔ q_y");
    }

    @Test
    void deltaXXOfSpinPolarisedLifetimes() {
        double alpha = 0.5, bz = 0.5;
        java.util.Random rnd = new java.util.Random(11);
        for (int i = 0; i < 200; i++) {
            double k = 3 * rnd.nextDouble(), th = 2 * Math.PI * rnd.nextDouble(), sz = rnd.nextGaussian() * 0.3;
            double a2k2 = alpha * alpha * k * k;
            double closed = -1 + Math.sqrt(1 + 4 * sz * sz * a2k2 / (Math.pow(a2k2 + bz * bz - sz * sz, 2) + 4 * bz * bz * sz * sz));
            double d = RashbaExchange.deltaXX(alpha, k * Math.cos(th), k * Math.sin(th), bz, sz);
            assertEquals(closed, d, 1e-14);
            assertTrue(d >= -1e-15);
        }
        assertEquals(0, RashbaExchange.deltaXX(alpha, 0, 0, bz, 0.2), 1e-15);
        assertEquals(0, RashbaExchange.deltaXX(alpha, 1, 0, bz, 0), 1e-15);
        assertTrue(RashbaExchange.deltaXX(alpha, 1.3, 0, bz, 0.6) > 0.1, "O(1) when Σ_z ~ αk_F");
    }
}
