package org.diffuson.sweep;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.GridOptions;
import org.diffuson.green.Scba;
import org.diffuson.green.ScbaOptions;
import org.diffuson.green.ScbaResult;
import org.diffuson.kubo.Kubo;
import org.diffuson.kubo.KuboResult;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.OperatorBasis;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of named calculations a {@link Plan} can name. Built in: {@code kubo} (vertex-corrected Kubo–Středa
 * σ_ab of a preset model at energy E) and {@code scba} (the SCBA self-energy and τ). More come from
 * {@link #register} or from jars that declare a {@link CalculationProvider}.
 */
public final class Calculations {
    private Calculations() {}

    /**
     * A registered calculation with a one-line description of its parameters, options and outputs.
     *
     * @param origin where it came from: {@link Class} of its {@link CalculationProvider} (a jar that can be shipped to
     *               Spark executors), {@code Calculations.class} for the built-ins, or null when registered at run time
     *               (e.g. from a notebook cell: local runs only)
     */
    public record Entry(String name, String description, Calculation calculation, Class<?> origin) {}

    /** What a provider registers into. */
    @FunctionalInterface
    public interface Registrar {
        void register(String name, String description, Calculation calculation);
    }

    private static final Map<String, Entry> REGISTRY = new ConcurrentHashMap<>();
    private static volatile boolean loaded;

    /** Registers (or replaces) a calculation under {@code name}. */
    public static void register(String name, String description, Calculation calculation) {
        if (name == null || !name.matches("[A-Za-z][\\w.:-]*"))
            throw new DiffusonException("name", "'" + name + "' is not a calculation name", "use letters, digits, '_', '.', ':', '-'");
        REGISTRY.put(name, new Entry(name, description, calculation, null));
    }

    /** The calculation called {@code name}. */
    public static Calculation get(String name) { return entry(name).calculation(); }

    /** The registry entry called {@code name}. */
    public static Entry entry(String name) {
        ensureLoaded();
        Entry e = REGISTRY.get(name);
        if (e == null)
            throw new DiffusonException("calculation", "no calculation named '" + name + "'",
                    "known: " + names() + "; register one with Calculations.register(name, description, calc)");
        return e;
    }

    /** Registered names, sorted. */
    public static List<String> names() {
        ensureLoaded();
        return List.copyOf(new TreeMap<>(REGISTRY).keySet());
    }

    /** One line per calculation. */
    public static String describe() {
        ensureLoaded();
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(REGISTRY).forEach((k, e) -> sb.append(k).append(": ").append(e.description()).append('\n'));
        return sb.toString();
    }

    private static synchronized void ensureLoaded() {
        if (loaded) return;
        REGISTRY.putIfAbsent("kubo", new Entry("kubo", "σ_ab in e²/h (vertex-corrected Kubo–Středa on the SCBA ladder) of preset model "
                + "'preset' at energy 'E'; other parameters set the preset's; options component=xx|xy|yx|yy|zz, sea=false, angles, "
                + "nodesPerPanel; outputs sigma, fermiSurface, bareRA, vertexRA, RR, [sea], tau", Calculations::kubo, Calculations.class));
        REGISTRY.putIfAbsent("scba", new Entry("scba", "SCBA self-energy of preset 'preset' at energy 'E'; options angles, nodesPerPanel; "
                + "outputs Re/Im Σ per standard-basis element, tau, iterations", Calculations::scba, Calculations.class));
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        for (CalculationProvider p : ServiceLoader.load(CalculationProvider.class, cl == null ? Calculations.class.getClassLoader() : cl))
            p.register((n, d, c) -> REGISTRY.putIfAbsent(n, new Entry(n, d, c, p.getClass())));
        loaded = true;
    }

    /** The preset model at the point: 'preset' names it, every other parameter except 'E' sets one of its parameters. */
    public static Model model(Map<String, Object> params) {
        Object name = params.get("preset");
        if (name == null) throw new DiffusonException("preset", "is not set", "add .fixed(\"preset\", \"copt\") (or vary it on an axis)");
        Preset.Builder b = Preset.named(name.toString()).builder();
        params.forEach((k, v) -> {
            if (!k.equals("preset") && !k.equals("E")) b.with(k, v);
        });
        return b.build();
    }

    static double energy(Map<String, Object> params) {
        Object e = params.get("E");
        if (!(e instanceof Double d)) throw new DiffusonException("E", "is not set (or not a number)", "add an axis or fixed value for the energy E");
        return d;
    }

    static GridOptions gridOptions(Map<String, Object> options) {
        GridOptions g = GridOptions.defaults();
        if (options.get("angles") instanceof Double a) g = g.withAngles((int) (double) a);
        if (options.get("nodesPerPanel") instanceof Double n) g = g.withNodesPerPanel((int) (double) n);
        return g;
    }

    private static int axis(char c) {
        return switch (c) {
            case 'x' -> 0;
            case 'y' -> 1;
            case 'z' -> 2;
            default -> throw new DiffusonException("component", "'" + c + "' is not x, y or z", "e.g. component=xy");
        };
    }

    static Map<String, Double> kubo(Map<String, Object> params, Map<String, Object> options) {
        String comp = String.valueOf(options.getOrDefault("component", "xx")).toLowerCase(Locale.ROOT);
        if (comp.length() != 2) throw new DiffusonException("component", "'" + comp + "' is not two axes", "e.g. component=xy");
        boolean sea = Boolean.parseBoolean(String.valueOf(options.getOrDefault("sea", "false")));
        Model m = model(params);
        Ladder l = Ladder.scba(m, energy(params), gridOptions(options), ScbaOptions.defaults());
        Kubo k = new Kubo(l);
        int a = axis(comp.charAt(0)), b = axis(comp.charAt(1));
        KuboResult r = sea ? k.conductivityWithSea(a, b) : k.conductivity(a, b);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("sigma", r.total());
        out.put("fermiSurface", r.fermiSurface());
        out.put("bareRA", r.bareRA());
        out.put("vertexRA", r.vertexRA());
        out.put("RR", r.bareRR() + r.vertexRR());
        if (sea) out.put("sea", r.sea());
        out.put("tau", l.scbaResult().tau());
        return out;
    }

    static Map<String, Double> scba(Map<String, Object> params, Map<String, Object> options) {
        Model m = model(params);
        ScbaResult r = Scba.solve(m, org.diffuson.green.Energy.retarded(energy(params)), gridOptions(options), ScbaOptions.defaults());
        OperatorBasis basis = OperatorBasis.standard(m.dim());
        Complex[] c = basis.components(r.sigma());
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < c.length; i++) {
            out.put("Re Σ_" + basis.name(i), c[i].getReal());
            out.put("Im Σ_" + basis.name(i), c[i].getImaginary());
        }
        out.put("tau", r.tau());
        out.put("iterations", (double) r.iterations());
        return out;
    }
}
