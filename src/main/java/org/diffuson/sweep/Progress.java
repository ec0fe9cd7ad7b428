package org.diffuson.sweep;

/** Progress of long work: called with (done, total, message) from any thread; implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {
    void update(int done, int total, String message);

    /** Ignores progress. */
    Progress NONE = (d, t, m) -> { };

    /** A throttled one-line text bar on stderr (≤ 10 updates/s plus the final state) with the time left. */
    static Progress console() {
        return new Progress() {
            private long last;
            private final long start = System.nanoTime();

            @Override
            public synchronized void update(int done, int total, String message) {
                long now = System.nanoTime();
                if (done < total && now - last < 100_000_000L) return;
                last = now;
                int w = 30, f = total == 0 ? w : (int) Math.round(w * (double) done / total);
                double el = (now - start) / 1e9;
                String eta = done > 0 && done < total ? String.format(java.util.Locale.ROOT, " ~%.0f s left", el * (total - done) / done) : "";
                System.err.print("\r[" + "#".repeat(f) + " ".repeat(w - f) + "] " + done + "/" + total + eta + " " + message + (done == total ? "\n" : ""));
                System.err.flush();
            }
        };
    }
}
