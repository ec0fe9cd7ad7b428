package org.diffuson.kernel;

import java.util.Arrays;
import java.util.Locale;

/**
 * Result of {@code %%timeit}: per-loop times of each run (seconds), as IPython reports them.
 */
public record TimeitResult(double[] perLoopSeconds, int loops) {

    public double mean() {
        return Arrays.stream(perLoopSeconds).average().orElse(Double.NaN);
    }

    public double stdDev() {
        double m = mean();
        return Math.sqrt(Arrays.stream(perLoopSeconds).map(x -> (x - m) * (x - m)).sum()
                / Math.max(1, perLoopSeconds.length));
    }

    public double best() {
        return Arrays.stream(perLoopSeconds).min().orElse(Double.NaN);
    }

    /**
     * Times {@code body}: picks the loop count (1, 2, 5, 10, ...) so that one run takes at least 0.2 s unless
     * {@code loops > 0} is given, then does {@code runs} runs.
     */
    public static TimeitResult measure(Runnable body, int runs, int loops) {
        if (runs <= 0) throw new IllegalArgumentException("runs must be > 0");
        int n = loops;
        if (n <= 0) {
            n = 1;
            while (time(body, n) < 0.2 && n < 100_000_000) n = nextStep(n);
        }
        double[] per = new double[runs];
        for (int r = 0; r < runs; r++) per[r] = time(body, n) / n;
        return new TimeitResult(per, n);
    }

    /** Next count in the sequence 1, 2, 5, 10, 20, 50, ... */
    private static int nextStep(int n) {
        int mag = 1;
        while (mag * 10 <= n) mag *= 10;
        int lead = n / mag;
        return lead == 1 ? 2 * mag : lead == 2 ? 5 * mag : 10 * mag;
    }

    private static double time(Runnable body, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) body.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s ± %s per loop (mean ± std. dev. of %d run%s, %d loop%s each)",
                Timing.format(mean()), Timing.format(stdDev()), perLoopSeconds.length,
                perLoopSeconds.length == 1 ? "" : "s", loops, loops == 1 ? "" : "s");
    }
}
