package org.diffuson.kernel.magic;

import org.diffuson.DiffusonException;
import org.diffuson.sweep.StudyStore;

import java.util.Set;

/**
 * {@code %sql QUERY} and {@code %%sql [store=PATH] [as=NAME]} + query body: SQL (DuckDB dialect) over a study store
 * ({@link StudyStore#sql}); the result is a table, bound to {@code sql} (or NAME). The store is the default
 * {@code studies.duckdb} in the notebook's folder unless {@code store=} names another file.
 */
final class SqlMagic implements Magic {
    private final boolean cell;

    SqlMagic(boolean cell) {
        this.cell = cell;
    }

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public boolean isCell() {
        return cell;
    }

    @Override
    public String usage() {
        return cell ? "%%sql [store=PATH] [as=NAME]  (query in the cell body)" : "%sql QUERY";
    }

    @Override
    public String summary() {
        return "SQL (DuckDB) over the study store (default " + StudyStore.DEFAULT_FILE + "): tables 'studies' and one view"
                + " per study named after its plan; binds Table sql.";
    }

    @Override
    public String help() {
        return summary() + "\nExamples:\n%sql SELECT * FROM studies\n%%sql as=peaks\nSELECT gamma, max(sigma) AS peak FROM sigma_map"
                + " WHERE status = 'ok' GROUP BY gamma ORDER BY gamma";
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        String query;
        String store = null;
        String name = "sql";
        if (cell) {
            MagicArgs a = MagicArgs.parse(args, Set.of("store", "as"), Set.of());
            a.expectPositional(0, "only store=PATH and as=NAME on the first line; the query goes in the body");
            store = a.option("store", null);
            name = a.variableName("sql");
            query = body;
        } else {
            query = args;
        }
        if (query == null || query.isBlank()) throw new MagicUsageException("the query is empty");
        String path = store;
        Object table;
        try {
            table = PhysicsMagics.call(ctx, () -> (path == null ? StudyStore.open() : StudyStore.open(path)).sql(query.strip()));
        } catch (DiffusonException e) {
            throw new MagicUsageException(e.getMessage());
        }
        ctx.bind(name, table, "tech.tablesaw.api.Table");
        return table;
    }
}
