package org.diffuson.kernel.display;

import org.diffuson.Numbers;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * tablesaw tables as an HTML table (first and last rows of long tables) with a plain-text fallback, in the order of
 * the table's columns. Floating-point columns are shown at 6 significant digits; values below 1e-12 × the column's
 * largest |value| are numerical zeros and shown as 0 (stated once under the table).
 */
public final class TableRenderer {

    /** Tables longer than this show their first and last {@code MAX_ROWS / 2} rows. */
    public static final int MAX_ROWS = 20;

    /** Significant digits of floating-point cells. */
    public static final int DIGITS = 6;

    private TableRenderer() {
    }

    public static DisplayData bundle(Table table) {
        Cells cells = new Cells(table);
        DisplayData data = new DisplayData(plain(table, cells));
        data.putHTML(html(table, cells));
        return data;
    }

    public static String html(Table t) { return html(t, new Cells(t)); }

    /** The formatted cells of a table and whether any value was shown as a numerical zero. */
    static final class Cells {
        final String[][] text;
        final int[] rowsShown;
        boolean zeroed;

        Cells(Table t) {
            int rows = t.rowCount(), cols = t.columnCount();
            rowsShown = rows <= MAX_ROWS ? range(0, rows) : concat(range(0, MAX_ROWS / 2), range(rows - MAX_ROWS / 2, rows));
            text = new String[rowsShown.length][cols];
            for (int c = 0; c < cols; c++) {
                Column<?> col = t.column(c);
                boolean floating = col instanceof NumericColumn<?> && (col.type().name().equals("DOUBLE") || col.type().name().equals("FLOAT"));
                double scale = 0;
                if (floating) {
                    NumericColumn<?> nc = (NumericColumn<?>) col;
                    for (int r = 0; r < rows; r++) {
                        double v = nc.getDouble(r);
                        if (Double.isFinite(v)) scale = Math.max(scale, Math.abs(v));
                    }
                }
                for (int i = 0; i < rowsShown.length; i++) {
                    int r = rowsShown[i];
                    if (floating) {
                        double v = ((NumericColumn<?>) col).getDouble(r);
                        if (Double.isNaN(v)) text[i][c] = "";
                        else {
                            if (v != 0 && Numbers.isZero(v, scale)) zeroed = true;
                            text[i][c] = Numbers.format(v, scale, DIGITS);
                        }
                    } else text[i][c] = t.getString(r, c);
                }
            }
        }

        private static int[] range(int a, int b) {
            int[] r = new int[Math.max(0, b - a)];
            for (int i = 0; i < r.length; i++) r[i] = a + i;
            return r;
        }

        private static int[] concat(int[] a, int[] b) {
            int[] r = new int[a.length + b.length];
            System.arraycopy(a, 0, r, 0, a.length);
            System.arraycopy(b, 0, r, a.length, b.length);
            return r;
        }
    }

    static String plain(Table t, Cells cells) {
        int cols = t.columnCount();
        int[] w = new int[cols];
        for (int c = 0; c < cols; c++) {
            w[c] = t.columnNames().get(c).length();
            for (String[] row : cells.text) w[c] = Math.max(w[c], row[c].length());
        }
        StringBuilder sb = new StringBuilder();
        if (t.name() != null && !t.name().isEmpty()) sb.append(t.name()).append('\n');
        for (int c = 0; c < cols; c++) sb.append(c == 0 ? "" : "  ").append(pad(t.columnNames().get(c), w[c]));
        sb.append('\n');
        int half = MAX_ROWS / 2;
        boolean cut = t.rowCount() > MAX_ROWS;
        for (int i = 0; i < cells.text.length; i++) {
            if (cut && i == half) {
                for (int c = 0; c < cols; c++) sb.append(c == 0 ? "" : "  ").append(pad("…", w[c]));
                sb.append('\n');
            }
            for (int c = 0; c < cols; c++) sb.append(c == 0 ? "" : "  ").append(pad(cells.text[i][c], w[c]));
            sb.append('\n');
        }
        sb.append(t.rowCount()).append(" rows × ").append(cols).append(" columns");
        if (cells.zeroed) sb.append("; ").append(Numbers.ZERO_NOTE.replace("the largest entry", "the column's largest"));
        return sb.toString();
    }

    private static String pad(String s, int w) {
        int n = s.codePointCount(0, s.length());
        return " ".repeat(Math.max(0, w - n)) + s;
    }

    static String html(Table t, Cells cells) {
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
        int half = MAX_ROWS / 2;
        boolean cut = rows > MAX_ROWS;
        for (int i = 0; i < cells.text.length; i++) {
            if (cut && i == half) {
                sb.append("<tr>");
                for (int c = 0; c < cols; c++) sb.append("<td>…</td>");
                sb.append("</tr>");
            }
            sb.append("<tr>");
            for (int c = 0; c < cols; c++) sb.append("<td style=\"text-align:right\">").append(Html.escape(cells.text[i][c])).append("</td>");
            sb.append("</tr>");
        }
        sb.append("</tbody></table><p>").append(rows).append(" rows × ").append(cols).append(" columns");
        if (cells.zeroed) sb.append("; ").append(Html.escape(Numbers.ZERO_NOTE.replace("the largest entry", "the column's largest")));
        sb.append("</p></div>");
        return sb.toString();
    }
}
