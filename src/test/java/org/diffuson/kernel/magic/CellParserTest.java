package org.diffuson.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellParserTest {

    private static List<CellParser.Segment> parse(String cell) {
        // Java is "complete" here when braces balance and it does not end in an operator.
        return CellParser.parse(cell, s -> s.chars().filter(c -> c == '{').count()
                == s.chars().filter(c -> c == '}').count() && !s.strip().endsWith("+"));
    }

    @Test
    void cellMagicTakesTheWholeBody() {
        List<CellParser.Segment> s = parse("%%timeit runs=3\nMath.sin(1.0)\nMath.cos(1.0)");
        assertEquals(1, s.size());
        assertEquals(CellParser.Kind.CELL_MAGIC, s.get(0).kind());
        assertEquals("timeit", s.get(0).name());
        assertEquals("runs=3", s.get(0).args());
        assertEquals("Math.sin(1.0)\nMath.cos(1.0)", s.get(0).text());
    }

    @Test
    void lineMagicsSplitJavaAndKeepOffsets() {
        String cell = "int a = 1;\n%plot t x=a y=b\nint b = 2;";
        List<CellParser.Segment> s = parse(cell);
        assertEquals(List.of(CellParser.Kind.JAVA, CellParser.Kind.LINE_MAGIC, CellParser.Kind.JAVA),
                s.stream().map(CellParser.Segment::kind).toList());
        assertEquals("plot", s.get(1).name());
        assertEquals("t x=a y=b", s.get(1).args());
        assertEquals(cell.indexOf("int b"), s.get(2).offset());
    }

    @Test
    void percentLineInsideUnfinishedJavaStaysJava() {
        List<CellParser.Segment> s = parse("int r = 7 +\n%modulo\n;");
        assertEquals(1, s.size());
        assertEquals(CellParser.Kind.JAVA, s.get(0).kind());
    }
}
