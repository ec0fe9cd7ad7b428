package org.diffuson.sweep;

import java.util.Map;

/**
 * The outcome of one point of a study.
 *
 * @param index   the point's number in its plan (row-major over the grid)
 * @param outputs named outputs (empty when failed)
 * @param error   null when ok, else the error text (exception class and message)
 * @param wallMs  wall time of the calculation in milliseconds
 */
public record PointResult(int index, Map<String, Double> outputs, String error, double wallMs) {
    public boolean ok() { return error == null; }

    public String status() { return ok() ? "ok" : "failed"; }

    /** Runs {@code calc} at point {@code index} of {@code plan}, catching its failure (a failing point never loses the others). */
    public static PointResult compute(Plan plan, int index, Calculation calc) {
        long t0 = System.nanoTime();
        try {
            Map<String, Double> out = calc.compute(plan.point(index), plan.options());
            if (out == null || out.isEmpty()) throw new IllegalStateException("the calculation returned no outputs");
            for (Map.Entry<String, Double> e : out.entrySet())
                if (e.getValue() == null || !Double.isFinite(e.getValue()))
                    throw new IllegalStateException("output '" + e.getKey() + "' is " + e.getValue() + " (not a finite number)");
            return new PointResult(index, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(out)), null, (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String msg = e.getMessage();
            return new PointResult(index, Map.of(), e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg), (System.nanoTime() - t0) / 1e6);
        }
    }
}
