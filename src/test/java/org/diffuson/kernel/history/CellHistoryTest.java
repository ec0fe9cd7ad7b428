package org.diffuson.kernel.history;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellHistoryTest {

    private final CellHistory h = new CellHistory();

    CellHistoryTest() {
        h.add(1, "6*7", "42");
        h.add(2, "int x = 1;", null);
        h.add(3, "6*7", "42");
        h.add(4, "x + 1", "2");
    }

    @Test
    void tailRangeAndSearch() {
        Set<ResultFlag> none = EnumSet.noneOf(ResultFlag.class);
        assertEquals(List.of(3, 4), h.lookupTail(2, none).stream().map(HistoryEntry::getCellNumber).toList());
        assertEquals(List.of(2, 3), h.lookupRange(1, 2, 4, none).stream().map(HistoryEntry::getCellNumber).toList());
        assertEquals(2, h.search("6*?", 0, none).size());
        assertEquals(1, h.search("6*?", 0, EnumSet.of(ResultFlag.UNIQUE)).size());
        assertEquals(1, h.search("*", 1, none).size());
    }

    @Test
    void outputIsIncludedOnRequest() {
        HistoryEntry e = h.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0);
        assertEquals("2", e.getOutput());
        assertEquals(null, h.lookupTail(1, EnumSet.noneOf(ResultFlag.class)).get(0).getOutput());
    }
}
