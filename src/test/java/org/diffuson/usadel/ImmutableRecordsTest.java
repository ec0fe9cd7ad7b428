package org.diffuson.usadel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The records of this package are values: neither the caller's arrays nor the returned ones alias their state. */
class ImmutableRecordsTest {

    @Test
    void collocationResult() {
        double[] y = {1, 2, 3, 4};
        var r = new Collocation.Result(null, 2, y, 3, 0, true);
        y[0] = 9;
        r.y()[1] = 9;
        assertArrayEquals(new double[]{1, 2, 3, 4}, r.y());
    }

    @Test
    void junctionSolutionHandsOutCopies() {
        // a caller writing into y() must not change the solution (Kinetic reads it lazily for densities)
        Junction ns = Junction.of(Boundary.rigid(Bulk.bcs(0)), Boundary.rigid(Bulk.bcs(5)), Layer.normal(1, 1));
        JunctionSolution s = ns.retarded(1.0, 1e-3, Junction.Form.THETA);
        double before = s.y()[0];
        s.y()[0] = 1e9;
        assertArrayEquals(new double[]{before}, new double[]{s.y()[0]});
    }

    @Test
    void selfConsistent() {
        double[] gap = {1, 1}, phase = {0, 0.5};
        var sc = new MatsubaraSet.SelfConsistent(null, gap, phase, 1, 0, List.of(0.0));
        gap[0] = 9; phase[0] = 9;
        sc.gap()[1] = 9; sc.phase()[1] = 9;
        assertArrayEquals(new double[]{1, 1}, sc.gap());
        assertArrayEquals(new double[]{0, 0.5}, sc.phase());
    }
}
