package org.diffuson.paper;

import org.diffuson.DiffusonException;
import org.diffuson.usadel.Boundary;
import org.diffuson.usadel.Bulk;
import org.diffuson.usadel.Junction;
import org.diffuson.usadel.Layer;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.*;

/** The transport view behind {@code %usadel ns lead=normal}: the biased end is the normal reservoir. */
class JunctionViewKeldyshTest {

    @Test
    void nsViewGivesReentrantConductanceAndOhmicHighBiasCurrent() {
        JunctionView v = new JunctionView(Junction.of(Boundary.rigid(Bulk.bcs(50)), Boundary.rigid(Bulk.bcs(0)),
                Layer.normal(1, 1)), 1, Junction.Form.THETA, 1e-5);
        Table t = v.iv(10, 11, 0);
        assertEquals(1, t.doubleColumn("G/G_N").get(0), 1e-9);            // re-entrance, ε = 0 on the grid
        assertTrue(t.doubleColumn("G/G_N").get(5) > 1.15);                // maximum near 5 E_Th
        assertEquals(0, t.doubleColumn("I R_N").get(0), 1e-15);
        assertThrows(DiffusonException.class, () -> v.iv(10, 1, 0));
        JunctionView closed = new JunctionView(Junction.of(Boundary.rigid(Bulk.bcs(5)), Boundary.vacuum(),
                Layer.normal(1, 1)), 1, Junction.Form.THETA, 1e-3);
        DiffusonException e = assertThrows(DiffusonException.class, () -> closed.iv(2, 5, 0));
        assertEquals("biased", e.parameter());
    }
}
