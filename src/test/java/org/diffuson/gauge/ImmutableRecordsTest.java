package org.diffuson.gauge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The records of this package are values: neither the caller's arrays nor the returned ones alias their state. */
class ImmutableRecordsTest {

    @Test
    void spinMotiveForceProfile() {
        double[] x = {0, 1, 2}, r = {1, 1, 1}, d = {2, 2, 2};
        var p = new SpinMotiveForce.Profile("wall", 0, x, r, d, 0.1, 1);
        x[2] = 9; r[0] = 9; d[0] = 9;
        p.x()[1] = 9; p.reactive()[1] = 9; p.dissipative()[1] = 9;
        assertArrayEquals(new double[]{0, 1, 2}, p.x());
        assertArrayEquals(new double[]{1, 1, 1}, p.reactive());
        assertArrayEquals(new double[]{2, 2, 2}, p.dissipative());
        assertEquals(2, p.voltageReactive(), 0);
    }

    @Test
    void twoCurrentSolution() {
        double[][] rho = {{1, 2}, {3, 4}}, j = {{5, 6}, {7, 8}};
        var s = new TwoCurrent.Solution(new double[]{0, 1}, new double[]{1, 1}, rho, j);
        rho[0][0] = 9; j[1] = new double[]{9, 9};
        s.density()[0][1] = 9; s.current()[0][0] = 9; s.x()[0] = 9; s.spinField()[0] = 9;
        assertArrayEquals(new double[]{1, 2}, s.density()[0]);
        assertArrayEquals(new double[]{7, 8}, s.current()[1]);
        assertArrayEquals(new double[]{5, 6}, s.current()[0]);
        assertArrayEquals(new double[]{0, 1}, s.x());
        assertArrayEquals(new double[]{1, 1}, s.spinField());
    }
}
