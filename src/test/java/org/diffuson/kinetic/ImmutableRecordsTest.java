package org.diffuson.kinetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The records of this package are values: neither the caller's arrays nor the returned ones alias their state. */
class ImmutableRecordsTest {

    @Test
    void phaseShiftMapResult() {
        double[] a = {0, 1}, b = {2, 3}, fixed = {0, 0.5, 0};
        var r = new PhaseShiftMap.Result(new PhaseShiftMap.Axes(0, 2), a, b, fixed, 1, new SpinChargeCoefficients[2][2]);
        a[0] = 9; b[0] = 9; fixed[0] = 9;
        r.a()[1] = 9; r.b()[1] = 9; r.fixed()[1] = 9;
        r.values()[0] = new SpinChargeCoefficients[0];
        assertArrayEquals(new double[]{0, 1}, r.a());
        assertArrayEquals(new double[]{2, 3}, r.b());
        assertArrayEquals(new double[]{0, 0.5, 0}, r.fixed());
        assertNull(r.values()[0][1]);
    }

    @Test
    void spinDiffusionSlabProfile() {
        double[][] s = {{1, 2}, {3, 4}, {5, 6}};
        double[] x = {-1, 1}, jy = {7, 8};
        var p = new SpinDiffusionSlab.Profile(null, 1, x, s, jy);
        s[2][1] = 9; x[0] = 9; jy[0] = 9;
        p.s()[2][0] = 9; p.x()[1] = 9; p.jy()[1] = 9;
        assertArrayEquals(new double[]{5, 6}, p.s()[2]);
        assertArrayEquals(new double[]{-1, 1}, p.x());
        assertArrayEquals(new double[]{7, 8}, p.jy());
        assertArrayEquals(new double[]{5, 6}, new double[]{p.s()[2][0], p.edgeAccumulation()});
    }
}
