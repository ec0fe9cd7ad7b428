package org.diffuson;

import org.diffuson.plot.Plots;
import org.diffuson.sweep.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class PlotSweepTest {
    @Test
    void sweepKeepsOrderReportsProgressAndNamesFailures(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        double[] x = Sweep.linspace(0, 1, 101);
        Table t = Sweep.run("squares", "x", x, v -> Map.of("x²", v * v), (d, n, m) -> calls.incrementAndGet());
        assertEquals(101, t.rowCount());
        for (int i = 0; i < 101; i++) assertEquals(x[i] * x[i], t.doubleColumn("x²").get(i), 0);
        assertEquals(102, calls.get());
        DiffusonException e = assertThrows(DiffusonException.class, () -> Sweep.run("bad", "x", x, v -> Map.of("y", v > 0.5 ? Double.NaN : v), null));
        assertTrue(e.getMessage().contains("x="));
        Path svg = Plots.save(Plots.line(t, "x", "x²"), dir.resolve("sq"));
        assertTrue(Files.size(svg) > 1000);
        assertTrue(Files.size(dir.resolve("sq.pdf")) > 500);
        assertTrue(Files.size(dir.resolve("sq.png")) > 1000);
        assertEquals("column", assertThrows(DiffusonException.class, () -> Plots.line(t, "x", "y")).parameter());
    }

    @Test
    void scansAgreeWithSinglePoints() {
        var m = org.diffuson.model.Preset.COPT.build();
        Table s = org.diffuson.sweep.Scans.selfEnergy(m, new double[]{0.0, 1.0}, null);
        assertEquals(-0.05591, s.doubleColumn("Re Σ_0").get(0), 6e-6); // seed 000 Eqs. 20, 82–105 and the worked CoPt table of docs/equations.md worked example
        Table c = org.diffuson.sweep.Scans.collision(m, new double[]{0.0}, null);
        assertEquals(0.2534, c.doubleColumn("(1-I)00").get(0), 5e-5);
        assertTrue(c.doubleColumn("min|eig|").get(0) < 1e-12);
        assertTrue(c.doubleColumn("WTI residual").get(0) < 1e-11);
    }
}
