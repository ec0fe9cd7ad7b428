package org.diffuson.table;

import org.diffuson.DataTable;
import org.diffuson.DiffusonException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The tablesaw view of a {@link DataTable} keeps names, types and every value exactly; bad tables are refused. */
class TablesTest {
    @Test
    void tablesawViewKeepsEveryValue() {
        DataTable t = DataTable.of("demo", DataTable.Column.strings("term", "a", "b"), DataTable.Column.ints("band", 0, 1),
                DataTable.Column.doubles("value", 0.25, -1e-17));
        tech.tablesaw.api.Table s = Tables.tablesaw(t);
        assertEquals("demo", s.name());
        assertEquals(2, s.rowCount());
        assertEquals("b", s.stringColumn("term").get(1));
        assertEquals(1, s.intColumn("band").get(1));
        assertEquals(-1e-17, s.doubleColumn("value").get(1), 0);
        assertEquals(0.25, t.doubleColumn("value").get(0), 0);
        assertTrue(t.print().contains("term") && t.print().contains("1.00000e-17"), t.print());
    }

    @Test
    void unequalColumnsAndUnknownNamesAreRefused() {
        assertThrows(DiffusonException.class, () -> DataTable.of("x", DataTable.Column.doubles("a", 1), DataTable.Column.doubles("b", 1, 2)));
        DataTable t = DataTable.of("x", DataTable.Column.doubles("a", 1));
        DiffusonException e = assertThrows(DiffusonException.class, () -> t.column("nope"));
        assertTrue(e.getMessage().contains("[a]"), e.getMessage());
    }
}
