package org.diffuson.kernel.exec;

/** The cell ends in the middle of a statement (an open brace, a trailing operator, ...). */
public final class IncompleteInputException extends RuntimeException {
    private final int line;

    public IncompleteInputException(int line, String source) {
        super("incomplete input starting at line " + line + ": " + abbreviate(source), null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }

    private static String abbreviate(String s) {
        String t = s.strip().replace('\n', ' ');
        return t.length() > 60 ? t.substring(0, 59) + "…" : t;
    }
}
