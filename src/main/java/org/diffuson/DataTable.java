package org.diffuson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A small immutable table of named columns (numbers, integers or text): the tabular view every result of the physics
 * packages gives of itself, with no dependency on a table or chart library. Print it ({@link #print()}), read a
 * column ({@link #doubleColumn(String)}), or hand it to the {@code table}/{@code plot} layer, which converts it to a
 * tablesaw {@code Table} for sorting, filtering and charts (the kernel renders both as HTML).
 */
public final class DataTable {
    /** One named column: exactly one of doubles, ints or strings is non-null. */
    public static final class Column {
        private final String name;
        private final double[] doubles;
        private final int[] ints;
        private final String[] strings;

        private Column(String name, double[] d, int[] i, String[] s) {
            if (name == null || name.isEmpty()) throw new DiffusonException("column", "needs a name", "pass a non-empty name");
            this.name = name;
            this.doubles = d;
            this.ints = i;
            this.strings = s;
        }

        public static Column doubles(String name, double... values) { return new Column(name, values.clone(), null, null); }
        public static Column ints(String name, int... values) { return new Column(name, null, values.clone(), null); }
        public static Column strings(String name, String... values) { return new Column(name, null, null, values.clone()); }

        public String name() { return name; }
        public int size() { return doubles != null ? doubles.length : ints != null ? ints.length : strings.length; }
        public boolean isNumeric() { return strings == null; }
        public boolean isInteger() { return ints != null; }

        /** Value i as a double (numeric columns). */
        public double get(int i) {
            if (doubles != null) return doubles[i];
            if (ints != null) return ints[i];
            throw new DiffusonException("column", "'" + name + "' holds text", "read it with text(i)");
        }

        /** Value i as text (numbers formatted as in {@link DataTable#print()}). */
        public String text(int i) {
            if (strings != null) return strings[i];
            if (ints != null) return Integer.toString(ints[i]);
            return format(doubles[i]);
        }

        public double[] asDoubleArray() {
            if (doubles != null) return doubles.clone();
            if (ints != null) return Arrays.stream(ints).asDoubleStream().toArray();
            throw new DiffusonException("column", "'" + name + "' holds text", "read it with text(i)");
        }

        public int[] asIntArray() {
            if (ints == null) throw new DiffusonException("column", "'" + name + "' is not an integer column", "use asDoubleArray()");
            return ints.clone();
        }

        public String[] asStringArray() {
            String[] s = new String[size()];
            for (int i = 0; i < s.length; i++) s[i] = text(i);
            return s;
        }
    }

    private final String name;
    private final List<Column> columns;

    private DataTable(String name, List<Column> columns) {
        this.name = name == null ? "" : name;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        for (Column c : columns)
            if (c.size() != columns.get(0).size())
                throw new DiffusonException("columns", "have different lengths (" + c.name() + ": " + c.size() + ", "
                        + columns.get(0).name() + ": " + columns.get(0).size() + ")", "give every column one value per row");
    }

    public static DataTable of(String name, Column... columns) { return new DataTable(name, Arrays.asList(columns)); }
    public static DataTable of(String name, List<Column> columns) { return new DataTable(name, columns); }

    public String name() { return name; }
    public List<Column> columns() { return columns; }
    public int rowCount() { return columns.isEmpty() ? 0 : columns.get(0).size(); }
    public int columnCount() { return columns.size(); }

    public List<String> columnNames() {
        List<String> n = new ArrayList<>();
        for (Column c : columns) n.add(c.name());
        return n;
    }

    public Column column(String columnName) {
        for (Column c : columns) if (c.name().equals(columnName)) return c;
        throw new DiffusonException("column", "'" + columnName + "' is not in table '" + name + "'", "one of " + columnNames());
    }

    public Column column(int index) { return columns.get(index); }

    /** A numeric column by name (tablesaw-style accessor). */
    public Column doubleColumn(String columnName) {
        Column c = column(columnName);
        if (!c.isNumeric()) throw new DiffusonException("column", "'" + columnName + "' holds text", "use column(name).text(i)");
        return c;
    }

    /** Numbers as text: 6 significant digits, scientific outside [1e-4, 1e6). */
    static String format(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v).replace(".0", "").replace("Infinity", "∞");
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e6 ? String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.5e", v);
    }

    /** The table as aligned text: name, header, rule, rows. */
    public String print() {
        int nc = columns.size(), nr = rowCount();
        int[] w = new int[nc];
        String[][] cells = new String[nr][nc];
        for (int c = 0; c < nc; c++) {
            w[c] = columns.get(c).name().length();
            for (int r = 0; r < nr; r++) {
                cells[r][c] = columns.get(c).text(r);
                w[c] = Math.max(w[c], cells[r][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!name.isEmpty()) sb.append(name).append('\n');
        int total = 0;
        for (int c = 0; c < nc; c++) {
            sb.append(c == 0 ? "" : "  |  ").append(pad(columns.get(c).name(), w[c], false));
            total += w[c] + (c == 0 ? 0 : 5);
        }
        sb.append('\n').append("-".repeat(Math.max(total, 1))).append('\n');
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) sb.append(c == 0 ? "" : "  |  ").append(pad(cells[r][c], w[c], columns.get(c).isNumeric()));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int w, boolean right) {
        String sp = " ".repeat(Math.max(0, w - s.length()));
        return right ? sp + s : s + sp;
    }

    @Override
    public String toString() { return print(); }
}
