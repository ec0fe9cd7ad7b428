package org.diffuson.plot;

import org.diffuson.DiffusonException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * XChart figures from tablesaw tables: {@code Plots.line(table, "E", "Re Σ_up", "Im Σ_up")}, log axes, and saving to
 * SVG + PDF (papers) and high-DPI PNG.
 */
public final class Plots {
    private Plots() {}

    /** Figure options. */
    public record Style(String title, String xLabel, String yLabel, boolean logX, boolean logY, boolean markers, int width, int height) {
        public static Style defaults() {
            return new Style(null, null, null, false, false, false, PaperStyle.Size.NOTEBOOK.width, PaperStyle.Size.NOTEBOOK.height);
        }
        public Style title(String t) { return new Style(t, xLabel, yLabel, logX, logY, markers, width, height); }
        public Style xLabel(String t) { return new Style(title, t, yLabel, logX, logY, markers, width, height); }
        public Style yLabel(String t) { return new Style(title, xLabel, t, logX, logY, markers, width, height); }
        public Style logXAxis() { return new Style(title, xLabel, yLabel, true, logY, markers, width, height); }
        public Style logYAxis() { return new Style(title, xLabel, yLabel, logX, true, markers, width, height); }
        public Style withMarkers() { return new Style(title, xLabel, yLabel, logX, logY, true, width, height); }
        public Style size(int w, int h) { return new Style(title, xLabel, yLabel, logX, logY, markers, w, h); }
    }

    /** Lines of columns ys against column x. */
    public static XYChart line(Table t, String x, String... ys) { return line(t, Style.defaults().title(t.name()), x, ys); }

    public static XYChart line(Table t, Style style, String x, String... ys) {
        if (ys.length == 0) throw new DiffusonException("y", "no y columns given", "name at least one column of " + t.columnNames());
        double[] xs = column(t, x);
        XYChart c = new XYChartBuilder().width(style.width()).height(style.height())
                .title(style.title() == null ? t.name() : style.title())
                .xAxisTitle(style.xLabel() == null ? x : style.xLabel()).yAxisTitle(style.yLabel() == null ? (ys.length == 1 ? ys[0] : "") : style.yLabel()).build();
        PaperStyle.apply(c, sizeFor(style.width()));
        c.getStyler().setXAxisLogarithmic(style.logX());
        c.getStyler().setYAxisLogarithmic(style.logY());
        c.getStyler().setLegendVisible(ys.length > 1);
        for (String y : ys) {
            double[] yv = column(t, y);
            if (style.logY()) for (int i = 0; i < yv.length; i++) yv[i] = Math.max(Math.abs(yv[i]), 1e-300);
            XYSeries s = c.addSeries(y, xs, yv);
            if (!style.markers()) s.setMarker(SeriesMarkers.NONE);
        }
        return c;
    }

    /**
     * An empty chart in the paper style ({@link PaperStyle}): axis labels should carry units, e.g.
     * {@code Plots.chart("E (units of b)", "Im Σ (units of b)")}.
     */
    public static XYChart chart(String xLabel, String yLabel) { return chart(null, xLabel, yLabel, PaperStyle.Size.NOTEBOOK); }

    /** An empty chart in the paper style at a given size. */
    public static XYChart chart(String title, String xLabel, String yLabel, PaperStyle.Size size) {
        XYChart c = new XYChartBuilder().width(size.width).height(size.height).title(title == null ? "" : title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        return PaperStyle.apply(c, size);
    }

    /** Adds a line (no markers) from raw arrays. */
    public static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** Adds points (markers, no line) from raw arrays. */
    public static XYSeries points(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return s;
    }

    private static void resize(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, int w, int h) {
        try {
            var sw = org.knowm.xchart.internal.chartpart.Chart.class.getDeclaredMethod("setWidth", int.class);
            var sh = org.knowm.xchart.internal.chartpart.Chart.class.getDeclaredMethod("setHeight", int.class);
            sw.setAccessible(true);
            sh.setAccessible(true);
            sw.invoke(chart, w);
            sh.invoke(chart, h);
        } catch (ReflectiveOperationException | RuntimeException e) {
            chart.paint(new VectorCanvas(w, h), w, h);   // the same effect through a throw-away paint
        }
    }

    private static PaperStyle.Size sizeFor(int width) {
        if (width <= 300) return PaperStyle.Size.SINGLE_COLUMN;
        return PaperStyle.Size.NOTEBOOK;
    }

    /** Adds a series from raw arrays (e.g. a closed form next to numerics). */
    public static XYChart addSeries(XYChart c, String name, double[] x, double[] y, boolean markers) {
        XYSeries s = c.addSeries(name, x, y);
        if (!markers) s.setMarker(SeriesMarkers.NONE);
        c.getStyler().setLegendVisible(true);
        return c;
    }

    /**
     * A heat map of column z over the grid of columns x and y (e.g. a study's table): one cell per distinct (x, y),
     * axis labels at 3 significant digits; rows whose z is missing (failed points) are left blank.
     */
    public static HeatMapChart heatMap(Table t, Style style, String x, String y, String z) {
        double[] xs = column(t, x), ys = column(t, y), zs = column(t, z);
        java.util.TreeSet<Double> ux = new java.util.TreeSet<>(), uy = new java.util.TreeSet<>();
        for (int i = 0; i < xs.length; i++) {
            ux.add(xs[i]);
            uy.add(ys[i]);
        }
        java.util.List<Double> lx = new java.util.ArrayList<>(ux), ly = new java.util.ArrayList<>(uy);
        java.util.List<Number[]> cells = new java.util.ArrayList<>();
        for (int i = 0; i < xs.length; i++)
            if (Double.isFinite(zs[i])) cells.add(new Number[]{lx.indexOf(xs[i]), ly.indexOf(ys[i]), zs[i]});
        if (cells.isEmpty()) throw new DiffusonException("column", "'" + z + "' has no finite value in '" + t.name() + "'", "run the study first");
        HeatMapChart c = new HeatMapChartBuilder().width(style.width()).height(style.height())
                .title(style.title() == null ? z + " over (" + x + ", " + y + ")" : style.title())
                .xAxisTitle(style.xLabel() == null ? x : style.xLabel()).yAxisTitle(style.yLabel() == null ? y : style.yLabel()).build();
        c.getStyler().setShowValue(false);
        c.getStyler().setLegendVisible(true);
        c.getStyler().setPlotContentSize(1.0);
        c.getStyler().setRangeColors(VIRIDIS);
        c.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(java.util.Locale.ROOT, "%.4g", v));
        java.util.List<String> xl = labels(lx), yl = labels(ly);
        if (xl.size() > 8) c.getStyler().setXAxisLabelRotation(45);
        c.addSeries(z, xl, yl, cells);
        return c;
    }

    /** A perceptually uniform scale (viridis, 6 stops): dark blue for low, yellow for high. */
    private static final java.awt.Color[] VIRIDIS = {new java.awt.Color(0x440154), new java.awt.Color(0x414487),
            new java.awt.Color(0x2A788E), new java.awt.Color(0x22A884), new java.awt.Color(0x7AD151), new java.awt.Color(0xFDE725)};

    /** Axis labels with the fewest significant digits (2 or 3, else full) that keep them distinct. */
    private static java.util.List<String> labels(java.util.List<Double> v) {
        for (int digits = 2; digits <= 17; digits++) {
            java.util.List<String> l = new java.util.ArrayList<>();
            for (double d : v) {
                String t = new java.math.BigDecimal(d).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
                l.add(t);
            }
            if (new java.util.HashSet<>(l).size() == l.size()) return l;
        }
        java.util.List<String> l = new java.util.ArrayList<>();
        for (double d : v) l.add(Double.toString(d));
        return l;
    }

    /** A column as doubles; the error names the missing column and lists the available ones. */
    public static double[] column(Table t, String name) {
        if (!t.columnNames().contains(name))
            throw new DiffusonException("column", "'" + name + "' is not in table '" + t.name() + "'", "available: " + t.columnNames());
        if (!(t.column(name) instanceof NumericColumn<?> nc))
            throw new DiffusonException("column", "'" + name + "' is not numeric", "plot a numeric column");
        return nc.asDoubleArray();
    }

    /**
     * Any XChart chart painted once into a display list. XChart keeps layout state while painting, so the chart is
     * locked for the paint; the list can then be written and rasterized from several threads.
     */
    public static DisplayList record(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        synchronized (chart) {
            if (chart instanceof XYChart xy) PaperStyle.finish(xy);
            VectorCanvas canvas = new VectorCanvas(chart.getWidth(), chart.getHeight());
            chart.paint(canvas, chart.getWidth(), chart.getHeight());
            return canvas.displayList();
        }
    }

    /**
     * The chart laid out at a journal size ({@link PaperStyle.Size#SINGLE_COLUMN}: 3.4 in wide, 8 pt text), painted
     * into a display list; the chart itself is restored to its own size and fonts afterwards.
     */
    public static DisplayList record(XYChart chart, PaperStyle.Size size) {
        synchronized (chart) {
            int w = chart.getWidth(), h = chart.getHeight();
            PaperStyle.apply(chart, size);
            try {
                PaperStyle.finish(chart);
                VectorCanvas canvas = new VectorCanvas(size.width, size.height);
                chart.paint(canvas, size.width, size.height);
                return canvas.displayList();
            } finally {
                resize(chart, w, h);   // paint(g, w, h) keeps the size it was given
                PaperStyle.apply(chart, sizeFor(w));
                PaperStyle.finish(chart);
            }
        }
    }

    /** Writes base.svg, base.pdf and base.png and returns the chart, so one cell line both saves and shows it. */
    public static XYChart export(XYChart c, Path base) {
        save(c, base);
        return c;
    }

    /** Writes base.svg, base.pdf (the page is the journal size) and base.png (300 dpi) at a journal size. */
    public static Path save(XYChart c, Path base, PaperStyle.Size size) {
        try {
            if (base.getParent() != null) Files.createDirectories(base.getParent());
            String b = base.toString();
            DisplayList list = record(c, size);
            Files.writeString(Path.of(b + ".svg"), list.toSvg());
            Files.write(Path.of(b + ".pdf"), list.toPdf(c.getTitle()));
            Files.write(Path.of(b + ".png"), PngWriter.encode(list.raster(300 / 72.0), 6, 300));
            return Path.of(b + ".svg");
        } catch (IOException e) {
            throw new DiffusonException("path", "cannot write " + base + ": " + e.getMessage(), "check that the folder is writable");
        }
    }

    /**
     * Writes base.svg, base.pdf and base.png (200 dpi) and returns the SVG path. The chart is painted once into a
     * {@link DisplayList}; a chart it cannot record faithfully is written by XChart's own encoders.
     */
    public static Path save(org.knowm.xchart.internal.chartpart.Chart<?, ?> c, Path base) {
        try {
            if (base.getParent() != null) Files.createDirectories(base.getParent());
            String b = base.toString();
            DisplayList list = record(c);
            if (list.isExact()) {
                Files.writeString(Path.of(b + ".svg"), list.toSvg());
                Files.write(Path.of(b + ".pdf"), list.toPdf(c.getTitle()));
                Files.write(Path.of(b + ".png"), PngWriter.encode(list.raster(200 / 72.0), 6, 200));
            } else {
                VectorGraphicsEncoder.saveVectorGraphic(c, b, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                VectorGraphicsEncoder.saveVectorGraphic(c, b, VectorGraphicsEncoder.VectorGraphicsFormat.PDF);
                BitmapEncoder.saveBitmapWithDPI(c, b, BitmapEncoder.BitmapFormat.PNG, 200);
            }
            return Path.of(b + ".svg");
        } catch (IOException e) {
            throw new DiffusonException("path", "cannot write " + base + ": " + e.getMessage(), "check that the folder is writable");
        }
    }
}
