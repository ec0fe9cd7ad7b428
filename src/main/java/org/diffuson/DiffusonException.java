package org.diffuson;

/**
 * The one exception type of the library for bad input or failed numerics. It names the offending
 * {@link #parameter()} and carries a {@link #hint()} that tells the user how to fix it, so that a notebook
 * shows "what is wrong and what to do" instead of a NaN or a stack trace.
 */
public class DiffusonException extends IllegalArgumentException {
    private final String parameter;
    private final String hint;

    public DiffusonException(String parameter, String problem, String hint) {
        super(parameter + ": " + problem + (hint == null || hint.isEmpty() ? "" : " — " + hint));
        this.parameter = parameter;
        this.hint = hint;
    }

    /** Name of the parameter (or stage) that is at fault, e.g. {@code "disorder"} or {@code "scba"}. */
    public String parameter() { return parameter; }

    /** What the user can do about it. */
    public String hint() { return hint; }

    /** Throws if {@code value} is not finite; used to keep NaN from leaking out of a computation. */
    public static double requireFinite(String parameter, double value) {
        if (!Double.isFinite(value))
            throw new DiffusonException(parameter, "must be finite, got " + value, "check the inputs that set it");
        return value;
    }

    /** Throws if {@code value <= 0}. */
    public static double requirePositive(String parameter, double value) {
        requireFinite(parameter, value);
        if (value <= 0)
            throw new DiffusonException(parameter, "must be > 0, got " + value, "pass a positive value");
        return value;
    }
}
