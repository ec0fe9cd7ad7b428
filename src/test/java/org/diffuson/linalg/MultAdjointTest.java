package org.diffuson.linalg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ZOps.multAdjoint against the value-object product A†B (CMatrix.dagger().times()), full and leading block. */
class MultAdjointTest {
    @Test
    void equalsDaggerTimesOnTheRequestedBlock() {
        int n = 3;
        Random r = new Random(3);
        double[] a = new double[2 * n * n + 4], b = new double[2 * n * n + 6];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
        CMatrix ma = CMatrix.copyOf(n, n, a, 4), mb = CMatrix.copyOf(n, n, b, 6), want = ma.dagger().times(mb);
        double[] c = new double[2 + 2 * n * n];
        ZOps.multAdjoint(a, 4, b, 6, n, n, n, c, 2);
        double[] block = new double[2 * 2 * 2];
        ZOps.multAdjoint(a, 4, b, 6, n, 2, 2, block, 0);
        for (int x = 0; x < n; x++)
            for (int y = 0; y < n; y++) {
                // same operation order as the value product: equal to rounding of a 3-term sum
                assertEquals(want.re(x, y), c[2 + 2 * (x * n + y)], 1e-14);
                assertEquals(want.im(x, y), c[2 + 2 * (x * n + y) + 1], 1e-14);
                if (x < 2 && y < 2) {
                    assertEquals(c[2 + 2 * (x * n + y)], block[2 * (x * 2 + y)], 0);
                    assertEquals(c[2 + 2 * (x * n + y) + 1], block[2 * (x * 2 + y) + 1], 0);
                }
            }
    }
}
