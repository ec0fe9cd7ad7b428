package org.diffuson.kernel;

import org.diffuson.kernel.display.Html;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar shown in the cell output and redrawn in place through {@code update_display_data}, at most
 * {@link #MAX_UPDATES_PER_SECOND} times a second however often {@link #step()} is called (thread-safe, so parallel
 * workers may share one bar). {@link #close()} always draws the final state, which is what a saved notebook keeps.
 * It is also a {@link org.diffuson.sweep.Progress}, so it can be handed to {@code Sweep.run(...)}: the bar then
 * follows the sweep and closes itself when {@code done == total}.
 */
public final class ProgressBar implements AutoCloseable, org.diffuson.sweep.Progress {

    public static final int MAX_UPDATES_PER_SECOND = 10;
    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L / MAX_UPDATES_PER_SECOND;
    private static final int BAR_CHARS = 30;

    private final String label;
    private volatile long total;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final String displayId;
    private long lastDrawNanos;
    private boolean closed;
    private volatile String message = "";

    ProgressBar(String label, long total) {
        if (total < 0) throw new IllegalArgumentException("total must be >= 0, got " + total);
        this.label = label == null ? "" : label;
        this.total = total;
        this.lastDrawNanos = startNanos;
        this.displayId = Notebook.display(bundle(0, false)).id();
    }

    /**
     * {@link org.diffuson.sweep.Progress} callback: sets total, done and the message shown after the counts (e.g.
     * "2 failed"); closes the bar when done reaches total.
     */
    @Override
    public void update(int doneSteps, int totalSteps, String message) {
        this.message = message == null ? "" : message;
        total = totalSteps;
        done.set(doneSteps);
        if (doneSteps >= totalSteps) close();
        else maybeDraw(doneSteps);
    }

    /** Advances by one step. */
    public void step() {
        step(1);
    }

    /** Advances by {@code n} steps. */
    public void step(long n) {
        long now = done.addAndGet(n);
        maybeDraw(now);
    }

    /** Sets the number of finished steps. */
    public void set(long finished) {
        done.set(finished);
        maybeDraw(finished);
    }

    public long done() {
        return done.get();
    }

    public long total() {
        return total;
    }

    public String displayId() {
        return displayId;
    }

    /** Draws the final state (complete, or where the work stopped). */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Notebook.updateDisplay(displayId, bundle(done.get(), true));
    }

    private void maybeDraw(long value) {
        long now = System.nanoTime();
        synchronized (this) {
            if (closed || now - lastDrawNanos < MIN_INTERVAL_NANOS) return;
            lastDrawNanos = now;
        }
        Notebook.updateDisplay(displayId, bundle(value, false));
    }

    private DisplayData bundle(long value, boolean fin) {
        double frac = total == 0 ? (fin ? 1 : 0) : Math.min(1, Math.max(0, (double) value / total));
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String msg = message;
        String times = (fin || value == 0 ? String.format(Locale.ROOT, "%.1f s", elapsed)
                : String.format(Locale.ROOT, "%.1f s, ~%.1f s left", elapsed, elapsed / frac - elapsed))
                + (msg.isEmpty() ? "" : "; " + msg);
        int filled = (int) Math.round(frac * BAR_CHARS);
        String text = String.format(Locale.ROOT, "%s |%s%s| %d/%d (%.0f%%) [%s]", label, "█".repeat(filled),
                " ".repeat(BAR_CHARS - filled), value, total, 100 * frac, times);
        DisplayData d = new DisplayData(text);
        d.putHTML(String.format(Locale.ROOT, "<div class=\"diffuson-progress\" style=\"font-family:monospace\">"
                        + "<span>%s</span> <progress value=\"%d\" max=\"%d\" style=\"width:20em\"></progress> "
                        + "<span>%d/%d (%.0f%%) %s</span></div>", Html.escape(label), value, Math.max(total, 1),
                value, total, 100 * frac, Html.escape(times)));
        return d;
    }

    @Override
    public String toString() {
        return "ProgressBar[" + label + " " + done.get() + "/" + total + "]";
    }
}
