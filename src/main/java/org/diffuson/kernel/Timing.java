package org.diffuson.kernel;

import java.util.Locale;

/** Wall-clock time of one evaluation, as measured by {@code %time}. */
public record Timing(double seconds) {

    /** Formats a duration in s, ms, µs or ns. */
    public static String format(double seconds) {
        double a = Math.abs(seconds);
        if (a >= 1) return String.format(Locale.ROOT, "%.3g s", seconds);
        if (a >= 1e-3) return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
        if (a >= 1e-6) return String.format(Locale.ROOT, "%.3g µs", seconds * 1e6);
        return String.format(Locale.ROOT, "%.3g ns", seconds * 1e9);
    }

    @Override
    public String toString() {
        return "Wall time: " + format(seconds);
    }
}
