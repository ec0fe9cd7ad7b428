package org.diffuson.kernel.exec;

/**
 * Thrown by {@link CellStop#check()} in notebook code whose cell is being interrupted or has timed out. An
 * {@link Error}, so {@code catch (Exception e)} in a cell does not swallow it; a loop that catches {@code Throwable}
 * meets the next check at its back-edge. The kernel reports the cell as {@code Interrupted} or {@code Timeout}.
 */
public final class CellStopError extends Error {

    public CellStopError() {
        super("cell stopped", null, false, false);
    }
}
