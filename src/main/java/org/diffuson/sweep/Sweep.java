package org.diffuson.sweep;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

/**
 * Parameter sweeps: evaluate a function of one parameter at many values in parallel (common fork-join pool), report
 * progress, and return a tablesaw {@link Table} with the parameter column first and one column per named output, in
 * the order of the values. A failing point is reported with its parameter value.
 */
public final class Sweep {
    private Sweep() {}

    /** n points from a to b inclusive. */
    public static double[] linspace(double a, double b, int n) {
        if (n < 1) throw new DiffusonException("n", "must be ≥ 1, got " + n, "ask for at least one point");
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = n == 1 ? a : clean(a + (b - a) * i / (n - 1), Math.abs(b - a));
        return x;
    }

    /** Removes binary round-off below 1e-12 of the range (0.15000000000000002 → 0.15), so tables print cleanly. */
    private static double clean(double v, double range) {
        if (range == 0 || v == 0) return v;
        double q = Math.pow(10, Math.floor(Math.log10(range)) - 12);
        double r = Math.rint(v / q) * q;
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.15g", r));
    }

    /** n points from a to b (both > 0) evenly spaced in log; the ends are exactly a and b. */
    public static double[] logspace(double a, double b, int n) {
        if (!(a > 0 && b > 0)) throw new DiffusonException("range", "logspace needs positive ends, got " + a + ", " + b, "use linspace for ranges through 0");
        double[] x = linspace(Math.log(a), Math.log(b), n);
        for (int i = 0; i < n; i++) x[i] = Math.exp(x[i]);
        x[0] = a;
        x[n - 1] = b;
        return x;
    }

    /**
     * One row of a sweep with its columns in the order given: {@code Sweep.row("Kubo", k, "Boltzmann", b)} (a
     * {@code Map.of} row would scramble the column order).
     */
    public static Map<String, Double> row(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0)
            throw new DiffusonException("row", "expects name, value pairs, got " + namesAndValues.length + " arguments", "e.g. Sweep.row(\"tau\", tau, \"sigma\", s)");
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name) || !(namesAndValues[i + 1] instanceof Number v))
                throw new DiffusonException("row", "argument " + i + " is not a (String, number) pair", "e.g. Sweep.row(\"tau\", 1.5)");
            m.put(name, v.doubleValue());
        }
        return m;
    }

    /** Runs f at every value (in parallel) and tabulates the outputs. */
    public static Table run(String title, String parameter, double[] values, DoubleFunction<Map<String, Double>> f, Progress progress) {
        return run(title, parameter, values, f, progress, true);
    }

    public static Table run(String title, String parameter, double[] values, DoubleFunction<Map<String, Double>> f, Progress progress, boolean parallel) {
        int n = values.length;
        List<Map<String, Double>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(null);
        AtomicInteger done = new AtomicInteger();
        Progress p = progress == null ? Progress.NONE : progress;
        p.update(0, n, title);
        IntStream idx = IntStream.range(0, n);
        (parallel ? idx.parallel() : idx).forEach(Cancellation.checking("sweep over " + parameter, i -> {
            Map<String, Double> r;
            try {
                r = f.apply(values[i]);
            } catch (Cancellation.Cancelled e) {
                throw e;
            } catch (DiffusonException e) {
                throw new DiffusonException(e.parameter(), "at " + parameter + "=" + values[i] + ": " + e.getMessage(), e.hint());
            } catch (RuntimeException e) {
                throw new DiffusonException("sweep", "failed at " + parameter + "=" + values[i] + ": " + e, "evaluate that point alone to debug it");
            }
            out.set(i, r);
            p.update(done.incrementAndGet(), n, title);
        }));
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int i = 0; i < n; i++)
            for (Map.Entry<String, Double> e : out.get(i).entrySet()) {
                double v = e.getValue() == null ? Double.NaN : e.getValue();
                if (!Double.isFinite(v))
                    throw new DiffusonException("sweep", "output '" + e.getKey() + "' is " + v + " at " + parameter + "=" + values[i], "the function returned a non-finite number; check that point");
                cols.computeIfAbsent(e.getKey(), k -> new double[n])[i] = v;
            }
        Table t = Table.create(title, DoubleColumn.create(parameter, values.clone()));
        cols.forEach((k, v) -> t.addColumns(DoubleColumn.create(k, v)));
        return t;
    }
}
