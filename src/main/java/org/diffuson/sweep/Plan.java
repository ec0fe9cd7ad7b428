package org.diffuson.sweep;

import org.diffuson.DiffusonException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parameter study as data: a named {@link Calculation} (looked up in {@link Calculations}), its options, the
 * parameters held fixed and the {@link Grid} of parameters varied. A plan prints, round-trips through JSON
 * ({@link #toJson()}/{@link #fromJson}) and has a {@link #hash()} of everything that decides its numbers (not its
 * name), so a store recognises a study it has seen and resumes it. Built step by step, each step a new value:
 * <pre>{@code
 * Plan p = Plan.named("sigma_xy map").calculation("kubo").option("component", "xy")
 *              .fixed("preset", "copt").grid(Grid.of(ParameterAxis.lin("E", 0.5, 3, 16), ParameterAxis.log("gamma", 0.02, 0.2, 12)));
 * }</pre>
 *
 * @param name        a label for people (also the SQL view the store makes)
 * @param calculation the registered calculation's name
 * @param fixed       parameters set at every point (e.g. the model preset and parameters not varied)
 * @param options     options of the calculation (e.g. the Kubo component), the same at every point
 * @param grid        the varied parameters; null until {@link #grid(Grid)} is called
 */
public record Plan(String name, String calculation, Map<String, Object> fixed, Map<String, Object> options, Grid grid) {
    /** Format tag written into the JSON. */
    public static final String FORMAT = "diffuson-plan";

    public Plan {
        if (name == null || name.isBlank()) throw new DiffusonException("name", "a plan needs a name", "Plan.named(\"my map\")");
        fixed = frozen("fixed", fixed);
        options = frozen("option", options);
        if (grid != null)
            for (ParameterAxis a : grid.axes())
                if (fixed.containsKey(a.name()))
                    throw new DiffusonException(a.name(), "is both fixed and varied", "remove it from fixed(...) or from the grid");
    }

    private static Map<String, Object> frozen(String what, Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (m != null) m.forEach((k, v) -> out.put(k, ParameterAxis.normalize(k, v)));
        return Collections.unmodifiableMap(out);
    }

    /** An empty plan with a name. */
    public static Plan named(String name) { return new Plan(name, null, Map.of(), Map.of(), null); }

    /** The calculation to run at each point (a name from {@link Calculations#names()}). */
    public Plan calculation(String calc) { return new Plan(name, calc, fixed, options, grid); }

    /** Sets an option of the calculation. */
    public Plan option(String key, Object value) {
        Map<String, Object> o = new LinkedHashMap<>(options);
        o.put(key, value);
        return new Plan(name, calculation, fixed, o, grid);
    }

    /** Holds a parameter fixed at every point. */
    public Plan fixed(String key, Object value) {
        Map<String, Object> f = new LinkedHashMap<>(fixed);
        f.put(key, value);
        return new Plan(name, calculation, f, options, grid);
    }

    /** Sets the grid of varied parameters. */
    public Plan grid(Grid g) { return new Plan(name, calculation, fixed, options, g); }

    /** Same plan, other name (same hash). */
    public Plan renamed(String newName) { return new Plan(newName, calculation, fixed, options, grid); }

    /** Number of points. */
    public int size() { return requireGrid().size(); }

    /** All parameters of point {@code i}: the fixed ones, then the grid's. */
    public Map<String, Object> point(int i) {
        Map<String, Object> p = new LinkedHashMap<>(fixed);
        p.putAll(requireGrid().point(i));
        return p;
    }

    /** Names of the stored parameter columns: fixed first, then the axes. */
    public List<String> parameterNames() {
        List<String> l = new ArrayList<>(fixed.keySet());
        for (ParameterAxis a : requireGrid().axes()) l.add(a.name());
        return l;
    }

    /** Whether parameter {@code key} is numeric at every point. */
    public boolean numeric(String key) {
        if (fixed.containsKey(key)) return fixed.get(key) instanceof Double;
        for (ParameterAxis a : requireGrid().axes()) if (a.name().equals(key)) return a.numeric();
        throw new DiffusonException(key, "is not a parameter of plan '" + name + "'", "parameters: " + parameterNames());
    }

    Grid requireGrid() {
        if (grid == null) throw new DiffusonException("grid", "plan '" + name + "' has no grid", "add .grid(Grid.of(ParameterAxis.lin(\"E\", 0.5, 3, 16), ...))");
        return grid;
    }

    /** Checks the plan is complete: a calculation and a grid. */
    public Plan validate() {
        if (calculation == null || calculation.isBlank())
            throw new DiffusonException("calculation", "plan '" + name + "' names no calculation", "add .calculation(\"kubo\"); known: " + Calculations.names());
        requireGrid();
        return this;
    }

    /** SHA-256 (first 16 hex digits) of the calculation, options, fixed parameters and grid values; not the name. */
    public String hash() {
        validate();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calculation", calculation);
        m.put("options", new TreeMap<>(options));
        m.put("fixed", new TreeMap<>(fixed));
        List<Object> g = new ArrayList<>();
        for (List<ParameterAxis> block : grid.blocks()) {
            List<Object> b = new ArrayList<>();
            for (ParameterAxis a : block) b.add(List.of(a.name(), a.values()));
            g.add(b);
        }
        m.put("grid", g);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Json.write(m).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan as JSON (exact: numbers round-trip to the same bits). */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", 1);
        m.put("name", name);
        m.put("calculation", calculation);
        m.put("fixed", fixed);
        m.put("options", options);
        List<Object> g = new ArrayList<>();
        if (grid != null)
            for (List<ParameterAxis> block : grid.blocks()) {
                List<Object> b = new ArrayList<>();
                for (ParameterAxis a : block) {
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("name", a.name());
                    am.put("recipe", a.recipe());
                    am.put("values", a.values());
                    b.add(am);
                }
                g.add(b);
            }
        m.put("grid", g);
        return Json.write(m);
    }

    /** Reads a plan written by {@link #toJson()}. */
    @SuppressWarnings("unchecked")
    public static Plan fromJson(String json) {
        Object o = Json.parse(json);
        if (!(o instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format")))
            throw new DiffusonException("json", "is not a Diffuson plan (no \"format\": \"" + FORMAT + "\")", "pass text made by Plan.toJson()");
        List<List<ParameterAxis>> blocks = new ArrayList<>();
        for (Object b : (List<Object>) m.get("grid")) {
            List<ParameterAxis> block = new ArrayList<>();
            for (Object a : (List<Object>) b) {
                Map<String, Object> am = (Map<String, Object>) a;
                block.add(new ParameterAxis((String) am.get("name"), (List<Object>) am.get("values"), (String) am.get("recipe")));
            }
            blocks.add(block);
        }
        return new Plan((String) m.get("name"), (String) m.get("calculation"), (Map<String, Object>) m.get("fixed"),
                (Map<String, Object>) m.get("options"), blocks.isEmpty() ? null : new Grid(blocks));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Plan \"" + name + "\"");
        if (calculation != null && grid != null) sb.append(" [hash ").append(hash()).append(']');
        sb.append("\n  calculation: ").append(calculation == null ? "(none)" : calculation);
        if (!options.isEmpty()) sb.append(' ').append(options);
        if (!fixed.isEmpty()) sb.append("\n  fixed:       ").append(fixed);
        sb.append("\n  grid:        ").append(grid == null ? "(none)" : grid + "   (" + grid.size() + " points)");
        return sb.toString();
    }
}
