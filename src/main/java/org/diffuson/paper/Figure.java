package org.diffuson.paper;

import org.diffuson.plot.Plots;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

import java.nio.file.Path;

/** A reproduced figure: its data table, the chart, and a caption that says what it shows. */
public record Figure(String id, String caption, Table table, XYChart chart) {
    /** Writes id.svg, id.pdf and id.png into {@code dir}. */
    public Path save(Path dir) { return Plots.save(chart, dir.resolve(id)); }

    @Override
    public String toString() { return id + ": " + caption + "\n" + table.print(12); }
}
