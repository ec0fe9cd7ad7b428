package org.diffuson.sweep;

import org.diffuson.DiffusonException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PlanTest {
    static Plan plan() {
        return Plan.named("σ map").calculation("kubo").option("component", "xy").fixed("preset", "drude")
                .grid(Grid.of(ParameterAxis.lin("E", 1, 2, 3), ParameterAxis.log("gamma", 0.01, 1, 3)));
    }

    @Test
    void cartesianIsRowMajorFirstAxisSlowest() {
        Grid g = Grid.of(ParameterAxis.of("a", 1, 2, 3), ParameterAxis.of("b", 10, 20));
        assertEquals(6, g.size());
        assertArrayEquals(new int[]{3, 2}, g.shape());
        assertEquals(Map.of("a", 1.0, "b", 10.0), g.point(0));
        assertEquals(Map.of("a", 1.0, "b", 20.0), g.point(1));
        assertEquals(Map.of("a", 3.0, "b", 20.0), g.point(5));
        assertThrows(DiffusonException.class, () -> g.point(6));
    }

    @Test
    void zipWalksAxesTogetherAndTimesMixes() {
        Grid z = Grid.zip(ParameterAxis.of("b", 0.1, 0.2), ParameterAxis.of("tau", 5, 6));
        assertEquals(2, z.size());
        assertEquals(Map.of("b", 0.2, "tau", 6.0), z.point(1));
        Grid g = Grid.of(ParameterAxis.words("place", "SANDWICH", "PAPER_LITERAL")).times(z);
        assertEquals(4, g.size());
        assertEquals(Map.of("place", "PAPER_LITERAL", "b", 0.1, "tau", 5.0), g.point(2));
        DiffusonException e = assertThrows(DiffusonException.class, () -> Grid.zip(ParameterAxis.of("b", 1, 2), ParameterAxis.of("c", 1, 2, 3)));
        assertTrue(e.getMessage().contains("equal lengths"), e.getMessage());
        assertThrows(DiffusonException.class, () -> Grid.of(ParameterAxis.of("b", 1), ParameterAxis.of("b", 2)));
    }

    @Test
    void linAndLogRangesAreExactAtTheEnds() {
        ParameterAxis lin = ParameterAxis.lin("E", 0.5, 3, 6);
        assertEquals(List.of(0.5, 1.0, 1.5, 2.0, 2.5, 3.0), lin.values());
        ParameterAxis log = ParameterAxis.log("g", 0.01, 1, 3);
        assertEquals(0.01, (Double) log.values().get(0), 1e-17);
        assertEquals(0.1, (Double) log.values().get(1), 1e-14);
        assertEquals(1.0, (Double) log.values().get(2), 0);
        assertEquals("E = lin(0.5, 3, 6)", lin.toString());
    }

    @Test
    void pointsMergeFixedAndVaried() {
        Plan p = plan();
        assertEquals(9, p.size());
        Map<String, Object> pt = p.point(4);
        assertEquals("drude", pt.get("preset"));
        assertEquals(1.5, pt.get("E"));
        assertEquals(List.of("preset", "E", "gamma"), p.parameterNames());
        assertThrows(DiffusonException.class, () -> p.fixed("E", 1.0));
    }

    @Test
    void jsonRoundTripKeepsEveryBitAndTheHash() {
        Plan p = plan().grid(Grid.of(ParameterAxis.of("E", 0.1, 1.0 / 3, Math.PI, 1e-300, -0.0)).times(Grid.zip(ParameterAxis.of("gamma", 0.2, 0.3), ParameterAxis.words("placement", "SANDWICH", "x"))));
        Plan q = Plan.fromJson(p.toJson());
        assertEquals(p, q);
        assertEquals(p.hash(), q.hash());
        for (int i = 0; i < p.size(); i++) {
            Object a = p.point(i).get("E"), b = q.point(i).get("E");
            assertEquals(Double.doubleToRawLongBits((Double) a), Double.doubleToRawLongBits((Double) b));
        }
        assertThrows(DiffusonException.class, () -> Plan.fromJson("{\"name\": \"x\"}"));
        assertThrows(DiffusonException.class, () -> Plan.fromJson("{\"format\": "));
    }

    @Test
    void hashIgnoresNameAndOptionOrderButNotValues() {
        Plan p = plan();
        assertEquals(p.hash(), p.renamed("other").hash());
        Plan a = Plan.named("x").calculation("kubo").option("component", "xy").option("sea", true).grid(Grid.of(ParameterAxis.of("E", 1)));
        Plan b = Plan.named("x").calculation("kubo").option("sea", true).option("component", "xy").grid(Grid.of(ParameterAxis.of("E", 1)));
        assertEquals(a.hash(), b.hash());
        assertNotEquals(a.hash(), a.option("component", "xx").hash());
        assertNotEquals(p.hash(), p.grid(Grid.of(ParameterAxis.lin("E", 1, 2, 3), ParameterAxis.log("gamma", 0.01, 1.0000001, 3))).hash());
        assertNotEquals(p.hash(), p.grid(Grid.of(ParameterAxis.log("gamma", 0.01, 1, 3), ParameterAxis.lin("E", 1, 2, 3))).hash(), "axis order decides the numbering");
        assertEquals(16, p.hash().length());
    }

    @Test
    void printsAsData() {
        String s = plan().toString();
        assertTrue(s.contains("calculation: kubo {component=xy}"), s);
        assertTrue(s.contains("E = lin(1, 2, 3) × gamma = log(0.01, 1, 3)   (9 points)"), s);
        DiffusonException e = assertThrows(DiffusonException.class, () -> Plan.named("x").grid(Grid.of(ParameterAxis.of("E", 1))).validate());
        assertTrue(e.getMessage().contains("kubo"), e.getMessage());
    }
}
