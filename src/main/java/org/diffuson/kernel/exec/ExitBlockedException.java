package org.diffuson.kernel.exec;

import java.util.Arrays;

/**
 * Thrown where notebook code calls {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} (see
 * {@link ExitGuard}); its stack trace starts at the caller.
 */
public final class ExitBlockedException extends SecurityException {

    private final int status;

    private ExitBlockedException(String message, int status, StackTraceElement[] frames) {
        super(message);
        this.status = status;
        setStackTrace(frames);
    }

    /** The exception for the exit call {@code call} (e.g. "System.exit") on the current stack. */
    static ExitBlockedException here(String call, int status, boolean inCell) {
        StackTraceElement[] frames = new Throwable().getStackTrace();
        int first = 0;
        while (first < frames.length && isExitMachinery(frames[first])) first++;
        String message = call + "(" + status + ") was called " + (inCell ? "in a cell" : "by a thread of the notebook")
                + "; the kernel keeps running. Use the notebook's Restart to restart the kernel.";
        return new ExitBlockedException(message, status, Arrays.copyOfRange(frames, first, frames.length));
    }

    /** The status the code asked to exit with. */
    public int status() {
        return status;
    }

    private static boolean isExitMachinery(StackTraceElement f) {
        String c = f.getClassName();
        return c.equals(ExitBlockedException.class.getName()) || c.equals(ExitGuard.class.getName());
    }
}
