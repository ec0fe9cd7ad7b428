package org.diffuson.kernel.exec;

/** Raised when a running cell was stopped by an interrupt request or by the per-cell timeout. */
public final class CellStoppedException extends RuntimeException {

    /** Why the cell stopped. */
    public enum Reason { INTERRUPTED, TIMEOUT }

    private final Reason reason;
    private final boolean stillRunning;

    public CellStoppedException(Reason reason, String message) {
        this(reason, message, false);
    }

    public CellStoppedException(Reason reason, String message, boolean stillRunning) {
        super(message, null, false, false);
        this.reason = reason;
        this.stillRunning = stillRunning;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the cell's thread could not be stopped and still runs (the kernel should be restarted). */
    public boolean stillRunning() {
        return stillRunning;
    }
}
