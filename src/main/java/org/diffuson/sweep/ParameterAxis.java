package org.diffuson.sweep;

import org.diffuson.DiffusonException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One named parameter axis of a study: an ordered list of values, each a finite number ({@link Double}) or a word
 * ({@link String}, e.g. a rung placement). {@link #lin}/{@link #log} remember how they were made, so a plan prints
 * as {@code E = lin(0.5, 3, 16)} rather than sixteen numbers.
 *
 * @param name   the parameter it sets (a model parameter, the energy "E", or any name the calculation reads)
 * @param values the values in order
 * @param recipe how the values were made ("lin(a, b, n)", "log(a, b, n)" or "list")
 */
public record ParameterAxis(String name, List<Object> values, String recipe) {
    public ParameterAxis {
        if (name == null || name.isBlank()) throw new DiffusonException("axis", "has no name", "name the parameter it sets, e.g. ParameterAxis.lin(\"E\", 0.5, 3, 16)");
        if (values == null || values.isEmpty()) throw new DiffusonException(name, "axis has no values", "give at least one value");
        List<Object> v = new ArrayList<>(values.size());
        for (Object o : values) v.add(normalize(name, o));
        values = Collections.unmodifiableList(v);
        recipe = recipe == null ? "list" : recipe;
    }

    static Object normalize(String name, Object o) {
        if (o instanceof Number n) return DiffusonException.requireFinite(name, n.doubleValue());
        if (o instanceof String || o instanceof Boolean) return o.toString();
        if (o instanceof Enum<?> e) return e.name();
        throw new DiffusonException(name, "value " + o + " is neither a number nor a word", "use doubles or strings");
    }

    /** n values from a to b inclusive, evenly spaced. */
    public static ParameterAxis lin(String name, double a, double b, int n) {
        return new ParameterAxis(name, box(Sweep.linspace(a, b, n)), String.format(Locale.ROOT, "lin(%s, %s, %d)", num(a), num(b), n));
    }

    /** n values from a to b (both > 0) evenly spaced in log. */
    public static ParameterAxis log(String name, double a, double b, int n) {
        return new ParameterAxis(name, box(Sweep.logspace(a, b, n)), String.format(Locale.ROOT, "log(%s, %s, %d)", num(a), num(b), n));
    }

    /** Explicit numbers. */
    public static ParameterAxis of(String name, double... values) { return new ParameterAxis(name, box(values), "list"); }

    /** Explicit words (e.g. rung placements or preset names). */
    public static ParameterAxis words(String name, String... values) { return new ParameterAxis(name, List.of(values), "list"); }

    /** Explicit values, numbers or words. */
    public static ParameterAxis list(String name, List<?> values) { return new ParameterAxis(name, new ArrayList<>(values), "list"); }

    public int size() { return values.size(); }

    /** Whether every value is a number (the store then keeps the column as DOUBLE). */
    public boolean numeric() {
        for (Object o : values) if (!(o instanceof Double)) return false;
        return true;
    }

    private static List<Object> box(double[] x) {
        List<Object> l = new ArrayList<>(x.length);
        for (double d : x) l.add(d);
        return l;
    }

    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String toString() {
        if (!"list".equals(recipe)) return name + " = " + recipe;
        StringBuilder sb = new StringBuilder(name).append(" = [");
        for (int i = 0; i < values.size(); i++) {
            if (i == 6 && values.size() > 8) {
                sb.append(", … (").append(values.size()).append(" values)");
                break;
            }
            if (i > 0) sb.append(", ");
            Object v = values.get(i);
            sb.append(v instanceof Double d ? num(d) : v);
        }
        return sb.append(']').toString();
    }
}
