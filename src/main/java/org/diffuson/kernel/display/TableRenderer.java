package org.diffuson.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import tech.tablesaw.api.Table;

/** tablesaw tables as an HTML table (first and last rows of long tables) with a plain-text fallback. */
public final class TableRenderer {

    /** Tables longer than this show their first and last {@code MAX_ROWS / 2} rows. */
    public static final int MAX_ROWS = 20;

    private TableRenderer() {
    }

    public static DisplayData bundle(Table table) {
        DisplayData data = new DisplayData(table.rowCount() <= MAX_ROWS ? table.printAll() : table.print(MAX_ROWS));
        data.putHTML(html(table));
        return data;
    }

    public static String html(Table t) {
        int rows = t.rowCount();
        int cols = t.columnCount();
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<div class=\"diffuson-table\"><table class=\"dataframe\" border=\"1\">");
        if (t.name() != null && !t.name().isEmpty()) {
            sb.append("<caption style=\"caption-side:top;text-align:left\"><b>")
                    .append(Html.escape(t.name())).append("</b></caption>");
        }
        sb.append("<thead><tr>");
        for (String name : t.columnNames()) sb.append("<th>").append(Html.escape(name)).append("</th>");
        sb.append("</tr></thead><tbody>");
        if (rows <= MAX_ROWS) {
            appendRows(sb, t, 0, rows);
        } else {
            appendRows(sb, t, 0, MAX_ROWS / 2);
            sb.append("<tr>");
            for (int c = 0; c < cols; c++) sb.append("<td>…</td>");
            sb.append("</tr>");
            appendRows(sb, t, rows - MAX_ROWS / 2, rows);
        }
        sb.append("</tbody></table><p>").append(rows).append(" rows × ").append(cols).append(" columns</p></div>");
        return sb.toString();
    }

    private static void appendRows(StringBuilder sb, Table t, int from, int to) {
        int cols = t.columnCount();
        for (int r = from; r < to; r++) {
            sb.append("<tr>");
            for (int c = 0; c < cols; c++) {
                sb.append("<td>").append(Html.escape(t.getString(r, c))).append("</td>");
            }
            sb.append("</tr>");
        }
    }
}
