package org.diffuson.table;

import org.diffuson.DataTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * The table layer: tablesaw views of the {@link DataTable}s that physics results give of themselves (the physics
 * packages do not depend on tablesaw). A tablesaw {@link Table} sorts, filters, joins and feeds the charts of
 * {@code plot}; the kernel renders both kinds as HTML.
 */
public final class Tables {
    private Tables() {}

    /** The same columns, names and values as a tablesaw table (text → StringColumn, int → IntColumn, double → DoubleColumn). */
    public static Table tablesaw(DataTable t) {
        List<Column<?>> cols = new ArrayList<>();
        for (DataTable.Column c : t.columns()) {
            if (!c.isNumeric()) cols.add(StringColumn.create(c.name(), c.asStringArray()));
            else if (c.isInteger()) cols.add(IntColumn.create(c.name(), c.asIntArray()));
            else cols.add(DoubleColumn.create(c.name(), c.asDoubleArray()));
        }
        return Table.create(t.name(), cols.toArray(new Column<?>[0]));
    }
}
