package org.diffuson.kernel.display;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.*;

/** Tables keep their column order, show 6 significant digits and numerical zeros as 0 with the rule stated once. */
class TableRendererTest {
    @Test
    void readableCellsInColumnOrder() {
        Table t = Table.create("χ(v_y, v_x) (e²/h)",
                StringColumn.create("term", "RA bare", "−RR bare", "total"),
                DoubleColumn.create("value", 0.33188515744118907, -1.0943703795008187e-15, 0.8196962045863493),
                DoubleColumn.create("a small column", 1e-17, 2e-17, 3e-17));
        String plain = TableRenderer.plain(t, new TableRenderer.Cells(t));
        String html = TableRenderer.html(t);
        assertTrue(plain.indexOf("term") < plain.indexOf("value") && plain.indexOf("value") < plain.indexOf("a small column"), plain);
        assertTrue(plain.contains("0.331885") && plain.contains("0.819696"), plain);
        assertFalse(plain.contains("0.33188515744118907"), plain);
        // −1.09e-15 is a numerical zero of a column whose largest entry is 0.82; a column of 1e-17s keeps its values
        assertTrue(plain.contains(" 0\n") || plain.contains(" 0  "), plain);
        assertTrue(plain.contains("1e-17") && plain.contains("3e-17"), plain);
        assertTrue(plain.contains("shown as 0"), plain);
        assertEquals(1, html.split("shown as 0", -1).length - 1, "the zero rule is stated once");
    }
}
