package org.diffuson.kernel.magic;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.green.Scba;
import org.diffuson.green.ScbaOptions;
import org.diffuson.green.ScbaResult;
import org.diffuson.integrate.GridOptions;
import org.diffuson.kernel.Notebook;
import org.diffuson.kernel.exec.JavaEvaluator;
import org.diffuson.ladder.DiffusionOperator;
import org.diffuson.ladder.Ladder;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.diffuson.sweep.Sweep;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Magics over Diffuson's public API: {@code %model}, {@code %scba}, {@code %ladder}, {@code %diffusion},
 * {@code %%sweep}. Each parses its arguments, calls one public entry point and binds the result; no physics here.
 */
public final class PhysicsMagics {
    private PhysicsMagics() {
    }

    public static List<Magic> all() {
        return List.of(new ModelMagic(), new ScbaMagic(), new LadderMagic(), new DiffusionMagic(), new SweepMagic(),
                new KuboMagic(), new BoltzmannMagic(), new UsadelMagic(), new GaugeMagic());
    }

    /** Runs library code; a {@link DiffusonException} from argument validation becomes a usage error. */
    static <T> T call(MagicContext ctx, Callable<T> work) throws Exception {
        try {
            @SuppressWarnings("unchecked")
            T t = (T) ctx.runStoppable(work);
            return t;
        } catch (DiffusonException e) {
            throw new MagicUsageException(e.getMessage());
        }
    }

    static <T> T variable(MagicContext ctx, MagicArgs a, String fallback, Class<T> type) throws Exception {
        String name = a.positional().isEmpty() ? fallback : a.positional().get(0);
        if (a.positional().size() > 1) throw new MagicUsageException("unexpected argument '" + a.positional().get(1) + "'");
        Object v;
        try {
            v = ctx.value(name);
        } catch (MagicUsageException e) {
            throw new MagicUsageException("no " + type.getSimpleName() + " '" + name + "' (" + e.getMessage() + ")");
        }
        if (!type.isInstance(v)) {
            throw new MagicUsageException("'" + name + "' is a " + (v == null ? "null" : v.getClass().getSimpleName())
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    static double requiredDouble(MagicArgs a, String key) {
        if (!a.hasOption(key)) throw new MagicUsageException("missing " + key + "=NUMBER");
        return a.doubleOption(key, Double.NaN);
    }

    /** {@code %model PRESET [param=value ...]}: a model from a preset; binds {@code model}. */
    static final class ModelMagic extends NamedMagic {
        ModelMagic() {
            super("model", "%model PRESET [PARAM=VALUE ...] [as=NAME]",
                    "Build a model from a preset (Preset.named(..).with(..).build()); binds Model model. "
                    + "Without arguments, list the presets and their parameters.");
        }

        @Override
        public Object run(MagicContext ctx, String args, String body) throws Exception {
            List<String> words = MagicArgs.split(args);
            if (words.isEmpty()) {
                for (Preset p : Preset.values()) ctx.out().println(p.describe());
                return JavaEvaluator.NO_VALUE;
            }
            Preset preset;
            try {
                preset = Preset.named(words.get(0));
            } catch (DiffusonException e) {
                throw new MagicUsageException(e.getMessage());
            }
            Set<String> keys = new LinkedHashSet<>(preset.defaults().keySet());
            keys.add("as");
            MagicArgs a = MagicArgs.parse(args, keys, Set.of());
            a.expectPositional(1, "one preset name");
            String name = a.variableName("model");
            Model model = call(ctx, () -> {
                Preset.Builder b = preset.builder();
                for (String k : preset.defaults().keySet()) {
                    if (a.hasOption(k)) b = b.with(k, a.option(k, null));
                }
                return b.build();
            });
            ctx.bind(name, model, Model.class.getName());
            return model;
        }
    }

    /** {@code %scba [MODEL] energy=E}: self-consistent Born self-energy; binds {@code scba}. */
    static final class ScbaMagic extends NamedMagic {
        ScbaMagic() {
            super("scba", "%scba [MODEL] energy=E [tol=T] [maxIter=N] [mixing=B] [anderson=M] [as=NAME]",
                    "Solve the SCBA self-energy at energy E (Scba.solve); binds ScbaResult scba.");
        }

        @Override
        public Object run(MagicContext ctx, String args, String body) throws Exception {
            MagicArgs a = MagicArgs.parse(args, Set.of("energy", "tol", "maxIter", "mixing", "anderson", "as"), Set.of());
            Model model = variable(ctx, a, "model", Model.class);
            double e = requiredDouble(a, "energy");
            String name = a.variableName("scba");
            ScbaResult r = call(ctx, () -> {
                ScbaOptions o = ScbaOptions.defaults();
                if (a.hasOption("tol")) o = o.withTolerance(a.doubleOption("tol", 0));
                if (a.hasOption("maxIter")) o = o.withMaxIterations(a.intOption("maxIter", 0));
                if (a.hasOption("mixing")) o = o.withMixing(a.doubleOption("mixing", 0));
                if (a.hasOption("anderson")) o = o.withAnderson(a.intOption("anderson", 0));
                return Scba.solve(model, Energy.retarded(e), GridOptions.defaults(), o);
            });
            ctx.bind(name, r, ScbaResult.class.getName());
            return r;
        }
    }

    /** {@code %ladder [MODEL] energy=E [born=ETA]}: the ladder on the SCBA (or Born) self-energy; binds {@code ladder}. */
    static final class LadderMagic extends NamedMagic {
        LadderMagic() {
            super("ladder", "%ladder [MODEL] energy=E [born=ETA] [as=NAME]",
                    "Set up the ladder at energy E (Ladder.scba, or .born(ETA)); binds Ladder ladder and shows 1 − I at q=0.");
        }

        @Override
        public Object run(MagicContext ctx, String args, String body) throws Exception {
            MagicArgs a = MagicArgs.parse(args, Set.of("energy", "born", "as"), Set.of());
            Model model = variable(ctx, a, "model", Model.class);
            double e = requiredDouble(a, "energy");
            String name = a.variableName("ladder");
            Ladder ladder = call(ctx, () -> {
                Ladder l = Ladder.scba(model, e);
                return a.hasOption("born") ? l.born(a.doubleOption("born", 0)) : l;
            });
            ctx.bind(name, ladder, Ladder.class.getName());
            return call(ctx, ladder::atFermiLevel);
        }
    }

    /** {@code %diffusion [LADDER]}: relaxation and diffusion tensors; binds {@code diffusion}. */
    static final class DiffusionMagic extends NamedMagic {
        DiffusionMagic() {
            super("diffusion", "%diffusion [LADDER] [as=NAME]",
                    "Extract the diffusion operator of a ladder (Ladder.diffusion); binds DiffusionOperator diffusion"
                    + " and shows its rates table.");
        }

        @Override
        public Object run(MagicContext ctx, String args, String body) throws Exception {
            MagicArgs a = MagicArgs.parse(args, Set.of("as"), Set.of());
            Ladder ladder = variable(ctx, a, "ladder", Ladder.class);
            String name = a.variableName("diffusion");
            DiffusionOperator d = call(ctx, ladder::diffusion);
            ctx.bind(name, d, DiffusionOperator.class.getName());
            org.hipparchus.complex.Complex dz = d.effectiveDiffusion(0);
            ctx.out().println("diffusion operator (ħ = 1; rates in energy units, D in energy × length² of the model): τ = "
                    + org.diffuson.Numbers.format(d.tau()) + ", ℓ = " + org.diffuson.Numbers.format(d.meanFreePath())
                    + ", D_xx of the conserved mode (with its O(q) coupling to the other modes) = " + org.diffuson.Numbers.format(dz)
                    + "; the table lists the relaxation rates (eigenvalues of R = −iK_ω⁻¹K₀ and BNM's (1 − I₀)/τ)");
            return d.ratesTable();
        }
    }

    static int axis(MagicArgs a, String key, String fallback) {
        String v = a.option(key, fallback).trim();
        return switch (v) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> throw new MagicUsageException(key + "= must be x, y or z, got '" + v + "'");
        };
    }

    /** {@code %kubo [LADDER] current=y field=x [sea]}: vertex-corrected Kubo–Středa σ; binds {@code kubo}. */
    static final class KuboMagic extends NamedMagic {
        KuboMagic() {
            super("kubo", "%kubo [LADDER] current=x|y field=x|y [sea] [as=NAME]",
                    "Vertex-corrected Kubo–Středa conductivity σ_ab in e²/h on a ladder's grid and self-energy "
                    + "(new Kubo(ladder).conductivity(a, b), with the Fermi-sea term if 'sea'); binds KuboResult kubo.");
        }

        @Override
        public Object run(MagicContext ctx, String args, String body) throws Exception {
            MagicArgs a = MagicArgs.parse(args, Set.of("current", "field", "as"), Set.of("sea"));
            Ladder ladder = variable(ctx, a, "ladder", Ladder.class);
            int i = axis(a, "current", "x"), j = axis(a, "field", "x");
            String name = a.variableName("kubo");
            org.diffuson.kubo.KuboResult r = call(ctx, () -> a.flag("sea")
                    ? new org.diffuson.kubo.Kubo(ladder).conductivityWithSea(i, j)
                    : new org.diffuson.kubo.Kubo(ladder).conductivity(i, j));
            ctx.bind(name, r, org.diffuson.kubo.KuboResult.class.getName());
            double ward = ladder.scbaResult().method().startsWith("SCBA")
                    ? ladder.ward(org.diffuson.green.Energy.retarded(ladder.energy()), org.diffuson.green.Energy.advanced(ladder.energy())).relative() : Double.NaN;
            String sym = "σ_" + "xyz".charAt(i) + "xyz".charAt(j);
            return new org.diffuson.pipeline.Response(sym, "e²/h", r,
                    new org.diffuson.pipeline.Certificate(ladder.scbaResult().residual(), ward, Double.NaN, r.total())).toString()
                    + "\n  (" + name + " = KuboResult χ(" + r.observable() + ", " + r.field() + "); σ = (e²/h)·χ with ħ = 1)";
        }
    }

    /** {@code %boltzmann [MODEL] energy=E [form=A|B] [angles=N]}: seed-002 kinetic theory; binds {@code boltzmann}. */
    static final class BoltzmannMagic extends NamedMagic {
        BoltzmannMagic() {
            super("boltzmann", "%boltzmann [MODEL] energy=E [form=A|B] [angles=N] [as=NAME]",
                    "Band-basis Boltzmann theory of seed 002 (BoltzmannSolver) for a model with scalar white-noise disorder;"
                    + " binds BoltzmannResult boltzmann and shows its per-term table.");
        }

        @Override
        public Object run(MagicContext ctx, String args, String body) throws Exception {
            MagicArgs a = MagicArgs.parse(args, Set.of("energy", "form", "angles", "as"), Set.of());
            Model model = variable(ctx, a, "model", Model.class);
            double e = requiredDouble(a, "energy");
            String name = a.variableName("boltzmann");
            org.diffuson.boltzmann.BoltzmannResult r = call(ctx, () -> {
                var b = org.diffuson.boltzmann.BoltzmannSolver.builder(model);
                if (a.hasOption("angles")) b = b.angles(a.intOption("angles", 64));
                if (a.hasOption("form")) {
                    String f = a.option("form", "B").trim().toUpperCase(Locale.ROOT);
                    if (!f.equals("A") && !f.equals("B")) throw new MagicUsageException("form= must be A or B");
                    b = b.skewForm(f.equals("A") ? org.diffuson.boltzmann.SkewForm.A : org.diffuson.boltzmann.SkewForm.B);
                }
                return b.build().solve(e);
            });
            ctx.bind(name, r, org.diffuson.boltzmann.BoltzmannResult.class.getName());
            return r.toTable();
        }
    }

    /**
     * {@code %%sweep PARAM=START:STOP:N}: evaluates the cell body for each value of PARAM (in parallel, with a progress
     * bar) through {@link Sweep#run}; binds the tablesaw Table {@code sweep}.
     */
    static final class SweepMagic extends NamedMagic {
        SweepMagic() {
            super("sweep", "%%sweep PARAM=START:STOP:N [log] [serial] [title=TEXT] [as=NAME]",
                    "Run the cell body for each PARAM value (Sweep.run, parallel, progress bar); its last expression is"
                    + " a number or a Map<String, Double>; binds Table sweep.");
        }

        @Override
        public boolean isCell() {
            return true;
        }

        @Override
        public String help() {
            return summary() + "\nExample:\n%%sweep gamma=0.05:0.5:10\nvar m = Preset.DRUDE.with(\"gamma\", gamma).build();"
                    + "\nMap.of(\"tau\", Scba.solve(m, 1.0).tau())";
        }

        @Override
        public Object run(MagicContext ctx, String args, String body) throws Exception {
            List<String> words = MagicArgs.split(args);
            if (words.isEmpty() || !words.get(0).contains("=")) throw new MagicUsageException("missing PARAM=START:STOP:N");
            String param = words.get(0).substring(0, words.get(0).indexOf('='));
            if (!MagicArgs.isJavaIdentifier(param)) throw new MagicUsageException("'" + param + "' is not a Java name");
            Set<String> keys = new HashSet<>(Set.of("title", "as", param));
            MagicArgs a = MagicArgs.parse(args, keys, Set.of("log", "serial"));
            a.expectPositional(0, "no other arguments");
            String[] range = a.option(param, "").split(":");
            if (range.length != 3) throw new MagicUsageException(param + "= must be START:STOP:N");
            double start;
            double stop;
            int n;
            try {
                start = Double.parseDouble(range[0]);
                stop = Double.parseDouble(range[1]);
                n = Integer.parseInt(range[2]);
            } catch (NumberFormatException e) {
                throw new MagicUsageException(param + "= must be START:STOP:N with numbers, got " + a.option(param, ""));
            }
            if (n < 1) throw new MagicUsageException("N must be at least 1");
            if (a.flag("log") && (start <= 0 || stop <= 0)) throw new MagicUsageException("log needs positive START and STOP");
            if (body == null || body.isBlank()) throw new MagicUsageException("the cell body is empty");
            String name = a.variableName("sweep");
            String title = a.option("title", "sweep over " + param);
            String values = String.format(Locale.ROOT, "%s.%s(%s, %s, %d)", Sweep.class.getName(),
                    a.flag("log") ? "logspace" : "linspace", Double.toString(start), Double.toString(stop), n);
            List<String> snippets = ctx.java().splitSnippets(body);
            if (snippets.isEmpty()) throw new MagicUsageException("the cell body is empty");
            String last = snippets.get(snippets.size() - 1).strip();
            if (last.endsWith(";")) last = last.substring(0, last.length() - 1);
            String head = String.join("\n", snippets.subList(0, snippets.size() - 1));
            String code = Sweep.class.getName() + ".run(" + quote(title) + ", " + quote(param) + ", " + values + ", ("
                    + "double " + param + ") -> {\n" + head + "\nreturn " + PhysicsMagics.class.getName() + ".row(" + last
                    + ");\n}, " + Notebook.class.getName() + ".progress(" + quote(title) + "), " + !a.flag("serial") + ")";
            Object table = ctx.evalJava(code);
            ctx.bind(name, table, "tech.tablesaw.api.Table");
            return table;
        }

        private static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /** One sweep row from a cell body's value: a number becomes {@code {"value": x}}, a map is converted. */
    public static Map<String, Double> row(Object value) {
        if (value instanceof Number n) return Map.of("value", n.doubleValue());
        if (value instanceof Map<?, ?> m) {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof Number num)) {
                    throw new IllegalArgumentException("sweep output '" + e.getKey() + "' is not a number: " + e.getValue());
                }
                out.put(String.valueOf(e.getKey()), num.doubleValue());
            }
            return out;
        }
        throw new IllegalArgumentException("the sweep body must end in a number or a Map<String, Double>, got "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }
}
