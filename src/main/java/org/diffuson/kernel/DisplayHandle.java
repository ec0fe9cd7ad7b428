package org.diffuson.kernel;

/**
 * An output shown by {@link Notebook#display(Object)}; {@link #update(Object)} redraws it in place. As a cell value
 * it shows nothing (the output is already there).
 */
public final class DisplayHandle {
    private final String id;

    DisplayHandle(String id) {
        this.id = id;
    }

    /** The Jupyter display id. */
    public String id() {
        return id;
    }

    /** Replaces the shown output with {@code value}. */
    public void update(Object value) {
        Notebook.updateDisplay(id, value);
    }

    @Override
    public String toString() {
        return "display " + id;
    }
}
