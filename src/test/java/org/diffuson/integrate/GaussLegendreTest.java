package org.diffuson.integrate;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The double-precision Newton rules against two oracles: Hipparchus's extended-precision (Dfp) Gauss–Legendre rule
 * (nodes to 1e-15, weights to 1e-13 relative; measured ≤ 2e-14 up to n = 40), and exactness on polynomials,
 * ∫_{−1}^{1} x^{2m} dx = 2/(2m + 1) for 2m ≤ 2n − 1 (to 1e-14).
 */
class GaussLegendreTest {
    @Test
    void newtonRulesMatchTheExtendedPrecisionRule() {
        GaussIntegratorFactory f = new GaussIntegratorFactory();
        for (int n : new int[]{1, 2, 3, 4, 5, 8, 12, 16, 20, 24, 32, 40}) {
            double[][] r = GaussLegendre.reference(n);
            GaussIntegrator hp = f.legendreHighPrecision(n, -1, 1);
            for (int i = 0; i < n; i++) {
                assertEquals(hp.getPoint(i), r[0][i], 1e-15, "node " + i + " of " + n);
                assertEquals(hp.getWeight(i), r[1][i], 1e-13 * hp.getWeight(i), "weight " + i + " of " + n);
            }
        }
    }

    @Test
    void rulesIntegratePolynomialsOfDegreeTwoNMinusOneExactly() {
        for (int n = 1; n <= 64; n++) {
            double[][] r = GaussLegendre.reference(n);
            for (int m = 0; 2 * m <= 2 * n - 1; m++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += r[1][i] * Math.pow(r[0][i], 2 * m);
                assertEquals(2.0 / (2 * m + 1), s, 1e-14, "n = " + n + ", x^" + 2 * m);
            }
        }
    }
}
