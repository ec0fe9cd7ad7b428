package org.diffuson.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java code and magics. A cell whose first non-blank line starts with {@code %%name} is a cell
 * magic. Otherwise a line {@code %name args} is a line magic when the Java before it is complete (so a continuation
 * line that starts with the {@code %} operator stays Java).
 */
public final class CellParser {

    private static final Pattern LINE_MAGIC = Pattern.compile("^[ \\t]*%([A-Za-z_][A-Za-z0-9_]*)(?:[ \\t]+(.*))?$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z_][A-Za-z0-9_]*)(?:[ \\t]+([^\\n]*))?");

    /** A piece of a cell: Java source, a line magic or a cell magic; {@code offset} is where it starts in the cell. */
    public record Segment(Kind kind, String name, String args, String text, int offset) {
    }

    public enum Kind { JAVA, LINE_MAGIC, CELL_MAGIC }

    private CellParser() {
    }

    /**
     * @param javaComplete tells whether Java source is complete (so that a following {@code %} line is a magic)
     */
    public static List<Segment> parse(String cell, Predicate<String> javaComplete) {
        List<Segment> out = new ArrayList<>();
        Matcher cm = CELL_MAGIC.matcher(cell);
        if (cm.lookingAt()) {
            int bodyStart = cm.end() < cell.length() && cell.charAt(cm.end()) == '\n' ? cm.end() + 1 : cm.end();
            out.add(new Segment(Kind.CELL_MAGIC, cm.group(1), nz(cm.group(2)).strip(), cell.substring(bodyStart),
                    bodyStart));
            return out;
        }
        StringBuilder java = new StringBuilder();
        int javaStart = 0;
        int pos = 0;
        while (pos <= cell.length()) {
            int nl = cell.indexOf('\n', pos);
            int end = nl < 0 ? cell.length() : nl;
            String line = cell.substring(pos, end);
            Matcher lm = LINE_MAGIC.matcher(line);
            if (lm.matches() && (java.toString().isBlank() || javaComplete.test(java.toString()))) {
                if (!java.toString().isBlank()) out.add(new Segment(Kind.JAVA, null, null, java.toString(), javaStart));
                java.setLength(0);
                out.add(new Segment(Kind.LINE_MAGIC, lm.group(1), nz(lm.group(2)).strip(), line, pos));
                javaStart = nl < 0 ? cell.length() : nl + 1;
            } else {
                if (java.length() == 0) javaStart = pos;
                java.append(line);
                if (nl >= 0) java.append('\n');
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        if (!java.toString().isBlank()) out.add(new Segment(Kind.JAVA, null, null, java.toString(), javaStart));
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
