package org.diffuson.plot;

import org.diffuson.Numbers;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The paper style: round ticks, distinct series, a legend where the data leave room, curves drawn as one path. */
class PaperStyleTest {
    @Test
    void ticksFollowThe125Rule() {
        assertEquals(0.5, PaperStyle.Ticks.step(-0.9, 1.8, 5), 1e-15);
        assertEquals(0.02, PaperStyle.Ticks.step(0, 0.1, 5), 1e-15);
        assertEquals(200, PaperStyle.Ticks.step(0, 1000, 5), 1e-12);
        double[] r = PaperStyle.Ticks.niceRange(-0.93, 1.77);
        double st = PaperStyle.Ticks.step(r[0], r[1], 5);
        assertTrue(r[0] <= -0.93 && r[1] >= 1.77);
        assertEquals(0, Math.IEEEremainder(r[0], 0.1), 1e-12);
        assertEquals("0.###", PaperStyle.Ticks.pattern(-0.06, 0.03));  // step 0.02: a leading 0, decimals to spare
        assertEquals("0.##E0", PaperStyle.Ticks.pattern(0, 2e-5));
        assertEquals("0.3", PaperStyle.Ticks.label(0.30000000000000004));
        assertEquals("0", PaperStyle.Ticks.label(-1e-17));
        assertEquals("10⁻⁵", PaperStyle.Ticks.label(1e-5));
        assertTrue(st > 0);
    }

    static XYChart chart(int series, double[] x, java.util.function.BiFunction<Integer, Double, Double> f) {
        XYChart c = Plots.chart("x (units)", "y (units)");
        for (int s = 0; s < series; s++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = f.apply(s, x[i]);
            Plots.line(c, "series " + s, x, y);
        }
        return c;
    }

    @Test
    void everySeriesHasItsOwnColourAndDashAndIsOnePath() {
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) x[i] = i * 0.01;
        XYChart c = chart(6, x, (s, v) -> Math.sin(v + s));
        DisplayList list = Plots.record(c);
        Set<String> styles = new HashSet<>();
        for (XYSeries s : c.getSeriesMap().values()) {
            BasicStroke b = s.getLineStyle();
            styles.add(s.getLineColor() + java.util.Arrays.toString(b.getDashArray()));
        }
        assertEquals(6, styles.size(), "colour/dash pairs must differ");
        // a dashed series is one stroked path (its dash pattern runs along the whole curve), not 299 segments
        int dashed = 0;
        for (DisplayList.Op op : list.ops())
            if (op.kind() == DisplayList.Kind.STROKE && op.stroke().getDashArray() != null && op.stroke().getDashArray().length == 2
                    && (op.argb() & 0xFFFFFF) == (PaperStyle.palette().get(1).getRGB() & 0xFFFFFF)) dashed++;
        assertTrue(dashed >= 1 && dashed <= 3, "dashed series drawn as " + dashed + " paths");
        assertEquals(Color.WHITE, c.getStyler().getChartBackgroundColor());
        assertTrue(c.getStyler().isPlotTicksMarksVisible());
        assertFalse(c.getStyler().isPlotGridLinesVisible());
    }

    @Test
    void legendGoesToTheEmptyCorner() {
        double[] x = new double[100];
        for (int i = 0; i < x.length; i++) x[i] = i / 99.0;
        // rising curves: the upper-left and lower-right corners are empty
        XYChart rising = chart(2, x, (s, v) -> v * v * (1 + 0.1 * s));
        Plots.record(rising);
        Styler.LegendPosition p = rising.getStyler().getLegendPosition();
        assertTrue(p == Styler.LegendPosition.InsideNW || p == Styler.LegendPosition.InsideSE, p.toString());
        // falling curves: upper-right / lower-left empty
        XYChart falling = chart(2, x, (s, v) -> (1 - v) * (1 - v) * (1 + 0.1 * s));
        Plots.record(falling);
        p = falling.getStyler().getLegendPosition();
        assertTrue(p == Styler.LegendPosition.InsideNE || p == Styler.LegendPosition.InsideSW, p.toString());
        // one series: no legend
        XYChart one = chart(1, x, (s, v) -> v);
        Plots.record(one);
        assertFalse(one.getStyler().isLegendVisible());
    }

    @Test
    void evenlySampledXStillGetsRoundTicks() {
        // XChart puts ticks on the data values of an evenly spaced abscissa (−1.54, −1.28 …); the style nudges one
        // interior point by 3e-4 of the span so it falls back to round steps, and sets round axis limits
        double[] x = new double[181];
        for (int i = 0; i < x.length; i++) x[i] = -1.8 + 3.6 * i / 180;
        XYChart c = chart(1, x, (s, v) -> v * v);
        Plots.record(c);
        double moved = c.getSeriesMap().values().iterator().next().getXData()[1] - x[1];
        assertTrue(Math.abs(moved) > 0 && Math.abs(moved) < 1e-3 * 3.6, "nudge " + moved);
        double lo = c.getStyler().getXAxisMin(), hi = c.getStyler().getXAxisMax();
        assertEquals(-1.8, lo, 1e-12);
        assertEquals(1.8, hi, 1e-12);
    }

    @Test
    void journalSizeIsThePdfPage() throws Exception {
        XYChart c = chart(2, new double[]{0, 1, 2, 3}, (s, v) -> v + s);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("paper");
        Plots.save(c, dir.resolve("fig"), PaperStyle.Size.SINGLE_COLUMN);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(dir.resolve("fig.pdf").toFile())) {
            var box = doc.getPage(0).getMediaBox();
            assertEquals(246, box.getWidth(), 0.5);    // 3.4 in
            assertEquals(184, box.getHeight(), 0.5);
        }
        assertEquals(PaperStyle.Size.NOTEBOOK.width, c.getWidth(), "the chart itself keeps its notebook size");
        assertEquals("0.3", Numbers.format(0.30000000000000004));
    }
}
