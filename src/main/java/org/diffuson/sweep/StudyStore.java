package org.diffuson.sweep;

import org.diffuson.DiffusonException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Study results in an embedded DuckDB file: one table {@code s_<hash>} per study with one row per finished point
 * (its parameters, outputs, status "ok"/"failed", error text, wall time, the study hash, the library version and
 * the time), a {@code studies} table of plans (with their JSON), and a view named after each plan for SQL.
 * Rows are written in transactions of whole points, so a killed process leaves every committed point intact and
 * no half point; re-running a study skips the finished points ({@link #finished}).
 * <p>
 * A file that is not a DuckDB database, or a DuckDB database that is not a Diffuson store, is refused with an
 * error and left untouched. DuckDB ({@code org.duckdb:duckdb_jdbc}) is an optional dependency of the library: the
 * kernel ships it; library users add it to use a store. One process holds a file at a time (DuckDB's lock).
 */
public final class StudyStore implements AutoCloseable {
    /** The store format this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;
    /** Default store file, in the working directory (the notebook's directory in the kernel). */
    public static final String DEFAULT_FILE = "studies.duckdb";
    static final Set<String> RESERVED = Set.of("idx", "status", "error", "wall_ms", "study_hash", "library_version", "engine", "finished_at");
    private static final Map<Path, StudyStore> OPEN = new HashMap<>();

    private final Path file;
    private Connection conn;
    private final Map<String, Set<String>> columns = new HashMap<>();

    private StudyStore(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /** The default store {@value #DEFAULT_FILE} in the working directory. */
    public static StudyStore open() { return open(Path.of(DEFAULT_FILE)); }

    public static StudyStore open(String file) { return open(Path.of(file)); }

    /**
     * Opens (or creates) the store at {@code file}; the same open store is returned for the same file in one JVM.
     *
     * @throws DiffusonException if the file is not a DuckDB database, is another program's DuckDB database, was
     *                           written by a newer Diffuson, or is locked by another process (the file is not touched)
     */
    public static StudyStore open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        synchronized (OPEN) {
            StudyStore s = OPEN.get(abs);
            if (s != null && s.conn != null) return s;
            s = new StudyStore(abs, connect(abs));
            OPEN.put(abs, s);
            return s;
        }
    }

    public Path file() { return file; }

    private static Connection connect(Path file) {
        boolean existing = Files.exists(file);
        if (existing) checkHeader(file);
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new DiffusonException("store", "DuckDB is not on the classpath", "add org.duckdb:duckdb_jdbc (the Diffuson kernel ships it)");
        }
        if (existing) {
            // inspect read-only first: a foreign database is never written to
            Properties ro = new Properties();
            ro.setProperty("duckdb.read_only", "true");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, ro)) {
                inspect(c, file);
            } catch (SQLException e) {
                throw openError(file, e);
            }
        } else {
            try {
                if (file.getParent() != null) Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new DiffusonException("store", "cannot create the folder of " + file + ": " + e.getMessage(), "choose a writable path");
            }
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS diffuson_store (key VARCHAR PRIMARY KEY, value VARCHAR)");
                st.execute("INSERT OR IGNORE INTO diffuson_store VALUES ('format', 'diffuson-study-store'), ('schema_version', '" + SCHEMA_VERSION + "')");
                st.execute("CREATE TABLE IF NOT EXISTS studies (hash VARCHAR PRIMARY KEY, name VARCHAR, calculation VARCHAR, points INTEGER, "
                        + "plan_json VARCHAR, library_version VARCHAR, created TIMESTAMP DEFAULT current_timestamp)");
            }
            return c;
        } catch (SQLException e) {
            throw openError(file, e);
        }
    }

    private static DiffusonException openError(Path file, SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Could not set lock") || m.contains("Conflicting lock"))
            return new DiffusonException("store", file + " is in use by another process (" + firstLine(m) + ")",
                    "close the other notebook or program, or open another file");
        return new DiffusonException("store", "cannot open " + file + " as a DuckDB database: " + firstLine(m),
                "the file was left untouched; open another path, or move the file away if it is not needed");
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    /** DuckDB files carry "DUCK" at bytes 8–11; anything else is not opened at all. */
    private static void checkHeader(Path file) {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 12);
        } catch (IOException e) {
            throw new DiffusonException("store", "cannot read " + file + ": " + e.getMessage(), "check the path and its permissions");
        }
        if (n < 12 || !"DUCK".equals(new String(head, 8, 4, StandardCharsets.ISO_8859_1))) {
            String what = n >= 6 && new String(head, 0, 6, StandardCharsets.ISO_8859_1).equals("SQLite") ? "an SQLite database" : "not a DuckDB database";
            throw new DiffusonException("store", file + " is " + what + " (" + sizeOf(file) + " bytes)",
                    "it was left untouched; pass the path of a Diffuson store or of a new file");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void inspect(Connection c, Path file) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        if (tables.isEmpty()) return;
        if (!tables.contains("diffuson_store"))
            throw new DiffusonException("store", file + " is a DuckDB database of another program (tables: " + String.join(", ", tables) + ")",
                    "it was left untouched; pass another path for the study store");
        Map<String, String> meta = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM diffuson_store")) {
            while (rs.next()) meta.put(rs.getString(1), rs.getString(2));
        }
        if (!"diffuson-study-store".equals(meta.get("format")))
            throw new DiffusonException("store", file + " has a diffuson_store table but format '" + meta.get("format") + "'", "it was left untouched; pass another path");
        int v;
        try {
            v = Integer.parseInt(meta.getOrDefault("schema_version", "?"));
        } catch (NumberFormatException e) {
            throw new DiffusonException("store", file + " has an unreadable schema version", "it was left untouched; pass another path");
        }
        if (v > SCHEMA_VERSION)
            throw new DiffusonException("store", file + " was written by a newer Diffuson (store schema " + v + " > " + SCHEMA_VERSION + ")",
                    "update Diffuson, or use another file");
    }

    private Connection conn() {
        if (conn == null) throw new DiffusonException("store", file + " is closed", "open it again with StudyStore.open(path)");
        return conn;
    }

    static String tableName(Plan plan) { return "s_" + plan.hash(); }

    static String quote(String id) { return "\"" + id.replace("\"", "\"\"") + "\""; }

    /** SQL-friendly view name of a plan: lower-case letters, digits and '_'. */
    public static String viewName(Plan plan) {
        String v = plan.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (v.isEmpty() || Character.isDigit(v.charAt(0))) v = "study_" + v;
        if (v.equals("studies") || v.equals("diffuson_store") || v.matches("s_[0-9a-f]{16}")) v = "study_" + v;
        return v;
    }

    /** Registers the plan and makes its table and view (idempotent). */
    public synchronized void begin(Plan plan) {
        plan.validate();
        String t = tableName(plan);
        for (String p : plan.parameterNames())
            if (RESERVED.contains(p)) throw new DiffusonException(p, "is a reserved column name of the store", "rename the parameter");
        try (Statement st = conn().createStatement()) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS " + quote(t) + " (idx INTEGER PRIMARY KEY");
            for (String p : plan.parameterNames()) ddl.append(", ").append(quote(p)).append(plan.numeric(p) ? " DOUBLE" : " VARCHAR");
            ddl.append(", status VARCHAR NOT NULL, error VARCHAR, wall_ms DOUBLE, study_hash VARCHAR, library_version VARCHAR, engine VARCHAR, finished_at TIMESTAMP)");
            st.execute(ddl.toString());
            try (PreparedStatement ps = conn().prepareStatement("INSERT OR IGNORE INTO studies (hash, name, calculation, points, plan_json, library_version) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, plan.hash());
                ps.setString(2, plan.name());
                ps.setString(3, plan.calculation());
                ps.setInt(4, plan.size());
                ps.setString(5, plan.toJson());
                ps.setString(6, libraryVersion());
                ps.execute();
            }
            st.execute("CREATE OR REPLACE VIEW " + quote(viewName(plan)) + " AS SELECT * FROM " + quote(t));
        } catch (SQLException e) {
            throw sqlError("preparing the table of '" + plan.name() + "'", e);
        }
        columns.remove(t);
    }

    private Set<String> columns(String t) throws SQLException {
        Set<String> c = columns.get(t);
        if (c != null) return c;
        c = new LinkedHashSet<>();
        try (PreparedStatement ps = conn().prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, t);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) c.add(rs.getString(1));
            }
        }
        columns.put(t, c);
        return c;
    }

    /**
     * Indices of the points already in the store: those finished ok, and the failed ones too unless {@code retryFailed}.
     */
    public synchronized Set<Integer> finished(Plan plan, boolean retryFailed) {
        Set<Integer> done = new HashSet<>();
        try (Statement st = conn().createStatement();
             ResultSet rs = st.executeQuery("SELECT idx FROM " + quote(tableName(plan)) + (retryFailed ? " WHERE status = 'ok'" : ""))) {
            while (rs.next()) done.add(rs.getInt(1));
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("does not exist")) return done;
            throw sqlError("reading the finished points", e);
        }
        return done;
    }

    /** Writes finished points in one transaction (all or none); a rerun point replaces its row. */
    public synchronized void write(Plan plan, List<PointResult> batch, String engine) {
        if (batch.isEmpty()) return;
        String t = tableName(plan);
        Connection c = conn();
        try {
            Set<String> cols = columns(t);
            Set<String> outs = new LinkedHashSet<>();
            for (PointResult r : batch) outs.addAll(r.outputs().keySet());
            List<String> params = plan.parameterNames();
            for (String o : outs) {
                if (params.contains(o) || RESERVED.contains(o))
                    throw new DiffusonException(o, "is both an output and a parameter/reserved column", "rename the output of the calculation");
                if (!cols.contains(o)) {
                    try (Statement st = c.createStatement()) {
                        st.execute("ALTER TABLE " + quote(t) + " ADD COLUMN IF NOT EXISTS " + quote(o) + " DOUBLE");
                    }
                    cols.add(o);
                }
            }
            List<String> outputCols = new ArrayList<>();
            for (String col : cols) if (!params.contains(col) && !RESERVED.contains(col)) outputCols.add(col);
            // DuckDB's appender into a temporary staging table, then one set-based upsert: ~µs per row, where a
            // prepared INSERT costs ~1 ms per row
            String stage = "stage_" + t;
            StringBuilder colList = new StringBuilder("idx");
            for (String p : params) colList.append(", ").append(quote(p));
            for (String o : outputCols) colList.append(", ").append(quote(o));
            colList.append(", status, error, wall_ms, study_hash, library_version, engine");
            String hash = plan.hash(), version = libraryVersion();
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE OR REPLACE TEMP TABLE " + quote(stage) + " AS SELECT " + colList + " FROM " + quote(t) + " LIMIT 0");
                }
                try (org.duckdb.DuckDBAppender ap = c.unwrap(org.duckdb.DuckDBConnection.class).createAppender("temp", "main", stage)) {
                    for (PointResult r : batch) {
                        ap.beginRow();
                        ap.append(r.index());
                        Map<String, Object> p = plan.point(r.index());
                        for (String name : params) {
                            Object v = p.get(name);
                            if (v instanceof Double d) ap.append((double) d);
                            else ap.append(String.valueOf(v));
                        }
                        for (String o : outputCols) {
                            Double v = r.outputs().get(o);
                            if (v == null) ap.appendNull();
                            else ap.append((double) v);
                        }
                        ap.append(r.status());
                        if (r.error() == null) ap.appendNull();
                        else ap.append(r.error());
                        ap.append(r.wallMs());
                        ap.append(hash);
                        ap.append(version);
                        ap.append(engine);
                        ap.endRow();
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT OR REPLACE INTO " + quote(t) + " (" + colList + ", finished_at) SELECT " + colList
                            + ", current_timestamp FROM " + quote(stage));
                    st.execute("DROP TABLE " + quote(stage));
                }
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; nothing was committed
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            columns.remove(t);
            throw sqlError("writing " + batch.size() + " points of '" + plan.name() + "'", e);
        }
    }

    /** The study's rows, ordered by point index (empty if it never ran). */
    public Table table(Plan plan) {
        Table t = sql("SELECT * FROM " + quote(tableName(plan)) + " ORDER BY idx", plan.name());
        return t;
    }

    /** Number of stored points of the plan with the given status ("ok" or "failed"; null for all). */
    public synchronized int count(Plan plan, String status) {
        try (Statement st = conn().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(tableName(plan)) + (status == null ? "" : " WHERE status = '" + status.replace("'", "''") + "'"))) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("does not exist")) return 0;
            throw sqlError("counting points", e);
        }
    }

    /** The studies this store holds. */
    public Table studies() {
        return sql("SELECT s.name, s.hash, s.calculation, s.points, s.library_version, s.created FROM studies s ORDER BY s.created", "studies");
    }

    /** Runs SQL (DuckDB dialect) and returns the result as a table; statements without a result give an empty table. */
    public Table sql(String query) { return sql(query, "sql"); }

    synchronized Table sql(String query, String title) {
        try (Statement st = conn().createStatement()) {
            if (!st.execute(query)) return Table.create(title + " (" + st.getUpdateCount() + " rows changed)");
            try (ResultSet rs = st.getResultSet()) {
                return toTable(rs, title);
            }
        } catch (SQLException e) {
            throw new DiffusonException("sql", firstLine(String.valueOf(e.getMessage())), "check the query; tables: studies, and one view per study (" + views() + ")");
        }
    }

    /** Loads Parquet files written by another engine into the study, as rows of finished points. */
    synchronized int[] importParquet(Plan plan, String glob, String engine) {
        List<PointResult> rows = new ArrayList<>();
        try (Statement st = conn().createStatement();
             ResultSet rs = st.executeQuery("SELECT idx, error, wall_ms, output_names, output_values FROM read_parquet('" + glob.replace("'", "''") + "')")) {
            while (rs.next()) {
                Map<String, Double> out = new java.util.LinkedHashMap<>();
                Object names = rs.getArray(4) == null ? null : rs.getArray(4).getArray();
                Object values = rs.getArray(5) == null ? null : rs.getArray(5).getArray();
                if (names != null) {
                    Object[] n = (Object[]) names, v = (Object[]) values;
                    for (int i = 0; i < n.length; i++) out.put((String) n[i], ((Number) v[i]).doubleValue());
                }
                rows.add(new PointResult(rs.getInt(1), out, rs.getString(2), rs.getDouble(3)));
            }
        } catch (SQLException e) {
            throw sqlError("reading the engine's Parquet results " + glob, e);
        }
        write(plan, rows, engine);
        int failed = 0;
        for (PointResult r : rows) if (!r.ok()) failed++;
        return new int[]{rows.size(), failed};
    }

    private String views() {
        List<String> v = new ArrayList<>();
        try (Statement st = conn().createStatement(); ResultSet rs = st.executeQuery("SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name")) {
            while (rs.next()) v.add(rs.getString(1));
        } catch (SQLException e) {
            return "?";
        }
        return String.join(", ", v);
    }

    private DiffusonException sqlError(String what, SQLException e) {
        return new DiffusonException("store", what + " in " + file + " failed: " + firstLine(String.valueOf(e.getMessage())), "the store keeps every committed point; rerun the study to resume");
    }

    static Table toTable(ResultSet rs, String title) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Column<?>> cols = new ArrayList<>();
        int[] kind = new int[n];
        for (int i = 0; i < n; i++) {
            String name = md.getColumnLabel(i + 1);
            switch (md.getColumnType(i + 1)) {
                case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.DECIMAL, Types.NUMERIC -> { kind[i] = 0; cols.add(DoubleColumn.create(name)); }
                case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> { kind[i] = 1; cols.add(IntColumn.create(name)); }
                case Types.BIGINT -> { kind[i] = 2; cols.add(LongColumn.create(name)); }
                case Types.BOOLEAN -> { kind[i] = 3; cols.add(BooleanColumn.create(name)); }
                default -> { kind[i] = 4; cols.add(StringColumn.create(name)); }
            }
        }
        while (rs.next()) {
            for (int i = 0; i < n; i++) {
                Column<?> c = cols.get(i);
                switch (kind[i]) {
                    case 0 -> { double v = rs.getDouble(i + 1); if (rs.wasNull()) ((DoubleColumn) c).appendMissing(); else ((DoubleColumn) c).append(v); }
                    case 1 -> { int v = rs.getInt(i + 1); if (rs.wasNull()) ((IntColumn) c).appendMissing(); else ((IntColumn) c).append(v); }
                    case 2 -> { long v = rs.getLong(i + 1); if (rs.wasNull()) ((LongColumn) c).appendMissing(); else ((LongColumn) c).append(v); }
                    case 3 -> { boolean v = rs.getBoolean(i + 1); if (rs.wasNull()) ((BooleanColumn) c).appendMissing(); else ((BooleanColumn) c).append(v); }
                    default -> { String v = rs.getString(i + 1); ((StringColumn) c).append(v == null ? "" : v); }
                }
            }
        }
        Table t = Table.create(title);
        for (Column<?> c : cols) t.addColumns(c);
        return t;
    }

    /** The library version recorded with every point. */
    public static String libraryVersion() {
        try (InputStream in = StudyStore.class.getResourceAsStream("library.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Closes the connection (DuckDB checkpoints the file). */
    @Override
    public void close() {
        synchronized (OPEN) {
            synchronized (this) {
                if (conn == null) return;
                try {
                    conn.close();
                } catch (SQLException ignored) {
                    // closing: nothing left to save
                }
                conn = null;
                OPEN.remove(file);
            }
        }
    }

    @Override
    public String toString() {
        return "StudyStore[" + file + (conn == null ? ", closed" : "") + "]";
    }
}
