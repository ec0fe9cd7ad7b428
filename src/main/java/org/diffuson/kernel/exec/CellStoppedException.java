package org.diffuson.kernel.exec;

/** Raised when a running cell was stopped by an interrupt request or by the per-cell timeout. */
public final class CellStoppedException extends RuntimeException {

    /** Why the cell stopped. */
    public enum Reason { INTERRUPTED, TIMEOUT }

    private final Reason reason;

    public CellStoppedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
