package org.diffuson.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicArgsTest {

    @Test
    void positionalOptionsFlagsAndQuotes() {
        MagicArgs a = MagicArgs.parse("tbl x=a y=b,c logy title=\"two words\"", Set.of("x", "y", "title"),
                Set.of("logx", "logy"));
        assertEquals(List.of("tbl"), a.positional());
        assertEquals("b,c", a.option("y", null));
        assertEquals("two words", a.option("title", null));
        assertTrue(a.flag("logy"));
        assertFalse(a.flag("logx"));
    }

    @Test
    void unknownOptionEmptyValueAndOpenQuoteAreUsageErrors() {
        assertThrows(MagicUsageException.class, () -> MagicArgs.parse("z=1", Set.of("x"), Set.of()));
        assertThrows(MagicUsageException.class, () -> MagicArgs.parse("x=", Set.of("x"), Set.of()));
        assertThrows(MagicUsageException.class, () -> MagicArgs.parse("title='open", Set.of("title"), Set.of()));
    }

    @Test
    void variableNamesMustBeJavaIdentifiers() {
        assertEquals("chart", MagicArgs.parse("", Set.of("as"), Set.of()).variableName("chart"));
        assertEquals("c2", MagicArgs.parse("as=c2", Set.of("as"), Set.of()).variableName("chart"));
        assertThrows(MagicUsageException.class,
                () -> MagicArgs.parse("as=class", Set.of("as"), Set.of()).variableName("chart"));
        assertThrows(MagicUsageException.class,
                () -> MagicArgs.parse("as=1x", Set.of("as"), Set.of()).variableName("chart"));
    }

    @Test
    void numbersAreChecked() {
        MagicArgs a = MagicArgs.parse("runs=3 tol=abc", Set.of("runs", "tol"), Set.of());
        assertEquals(3, a.intOption("runs", 7));
        assertThrows(MagicUsageException.class, () -> a.doubleOption("tol", 0));
    }
}
