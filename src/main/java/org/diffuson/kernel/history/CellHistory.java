package org.diffuson.kernel.history;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * In-memory input/output history of this kernel session (session number {@link #SESSION}), answering
 * {@code history_request} for tail, range and search (glob patterns with {@code *} and {@code ?}, as IPython).
 */
public final class CellHistory implements HistoryManager {

    public static final int SESSION = 1;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    /** Records an executed cell; {@code output} is the text of its result, or null. */
    public synchronized void add(int executionCount, String input, String output) {
        cells.add(new Cell(executionCount, input, output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        int from = n <= 0 ? 0 : Math.max(0, cells.size() - n);
        return entries(cells.subList(from, cells.size()), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session > 0 && session != SESSION) return List.of();
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            if (c.number >= start && (stop <= 0 || c.number < stop)) out.add(c);
        }
        return entries(out, flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int n, Set<ResultFlag> flags) {
        Pattern glob = glob(pattern == null || pattern.isEmpty() ? "*" : pattern);
        boolean unique = flags.contains(ResultFlag.UNIQUE);
        Map<String, Cell> matches = new LinkedHashMap<>();
        List<Cell> all = new ArrayList<>();
        for (Cell c : cells) {
            if (!glob.matcher(c.input).matches()) continue;
            if (unique) {
                matches.remove(c.input);
                matches.put(c.input, c);
            } else {
                all.add(c);
            }
        }
        List<Cell> found = unique ? new ArrayList<>(matches.values()) : all;
        if (n > 0 && found.size() > n) found = found.subList(found.size() - n, found.size());
        return entries(found, flags);
    }

    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            out.add(new HistoryEntry(SESSION, c.number, c.input,
                    withOutput ? (c.output == null ? "" : c.output) : null));
        }
        return Collections.unmodifiableList(out);
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char ch : g.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
