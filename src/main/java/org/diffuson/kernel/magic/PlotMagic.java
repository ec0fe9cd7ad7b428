package org.diffuson.kernel.magic;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code %plot TABLE x=COL y=COL[,COL...]}: an XChart line or scatter chart of table columns, bound to {@code chart}
 * (or {@code as=NAME}) and shown.
 */
final class PlotMagic extends NamedMagic {

    PlotMagic() {
        super("plot", "%plot TABLE x=COL y=COL[,COL...] [logx] [logy] [scatter] [title=TEXT] [xlabel=TEXT] [ylabel=TEXT]"
                + " [width=PX] [height=PX] [as=NAME]",
                "Plot numeric columns of a tablesaw Table with XChart; binds XYChart chart.");
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args,
                Set.of("x", "y", "title", "xlabel", "ylabel", "width", "height", "as"),
                Set.of("logx", "logy", "scatter"));
        if (a.positional().isEmpty()) throw new MagicUsageException("missing the table variable");
        a.expectPositional(1, "one table variable");
        if (!a.hasOption("x")) throw new MagicUsageException("missing x=COLUMN");
        if (!a.hasOption("y")) throw new MagicUsageException("missing y=COLUMN[,COLUMN...]");
        String name = a.variableName("chart");
        String tableExpr = a.positional().get(0);
        Object value = ctx.value(tableExpr);
        if (value instanceof org.diffuson.DataTable dt) value = org.diffuson.table.Tables.tablesaw(dt);
        if (!(value instanceof Table table)) {
            throw new MagicUsageException("'" + tableExpr + "' is a "
                    + (value == null ? "null" : value.getClass().getSimpleName()) + ", not a tablesaw Table");
        }
        double[] x = numeric(table, a.option("x", null));
        List<String> ys = new ArrayList<>();
        for (String y : a.option("y", "").split(",")) if (!y.isBlank()) ys.add(y.strip());
        if (ys.isEmpty()) throw new MagicUsageException("y= names no column");
        int width = a.intOption("width", org.diffuson.plot.PaperStyle.Size.NOTEBOOK.width);
        int height = a.intOption("height", org.diffuson.plot.PaperStyle.Size.NOTEBOOK.height);
        if (width < 50 || height < 50 || width > 4000 || height > 4000) {
            throw new MagicUsageException("width and height must be between 50 and 4000 pixels");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(a.option("title", table.name() == null ? "" : table.name()))
                .xAxisTitle(a.option("xlabel", a.option("x", "")))
                .yAxisTitle(a.option("ylabel", ys.size() == 1 ? ys.get(0) : "")).build();
        org.diffuson.plot.PaperStyle.apply(chart, width <= 300 ? org.diffuson.plot.PaperStyle.Size.SINGLE_COLUMN : org.diffuson.plot.PaperStyle.Size.NOTEBOOK);
        chart.getStyler().setXAxisLogarithmic(a.flag("logx"));
        chart.getStyler().setYAxisLogarithmic(a.flag("logy"));
        chart.getStyler().setLegendVisible(ys.size() > 1);
        if (a.flag("scatter")) chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        for (String y : ys) {
            XYSeries s = chart.addSeries(y, x, numeric(table, y));
            if (!a.flag("scatter")) s.setMarker(SeriesMarkers.NONE);
        }
        ctx.bind(name, chart, XYChart.class.getName());
        return chart;
    }

    private static double[] numeric(Table t, String column) {
        if (!t.containsColumn(column)) {
            throw new MagicUsageException("table '" + t.name() + "' has no column '" + column + "' (columns: "
                    + String.join(", ", t.columnNames()) + ")");
        }
        Column<?> c = t.column(column);
        if (!(c instanceof NumericColumn<?> n)) {
            throw new MagicUsageException("column '" + column + "' is " + c.type().name() + ", not numeric");
        }
        return n.asDoubleArray();
    }
}
