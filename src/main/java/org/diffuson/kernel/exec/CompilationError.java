package org.diffuson.kernel.exec;

import java.util.List;

/** A cell that did not compile; each problem knows its line in the cell and the column to mark. */
public final class CompilationError extends RuntimeException {

    /** One compiler diagnostic located in the cell: 1-based line, 0-based column, marked length. */
    public record Problem(int line, int column, int length, String lineText, String message) {
    }

    private final List<Problem> problems;

    public CompilationError(List<Problem> problems) {
        super(problems.isEmpty() ? "compilation failed" : firstLine(problems.get(0).message()), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
