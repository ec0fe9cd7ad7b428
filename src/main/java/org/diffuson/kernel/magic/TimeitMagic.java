package org.diffuson.kernel.magic;

import org.diffuson.kernel.TimeitResult;
import org.diffuson.kernel.exec.CompilationError;
import org.diffuson.kernel.exec.JavaEvaluator;

import java.util.Set;

/** {@code %%timeit}: times the cell body repeatedly, as IPython; binds {@code timeit}. */
final class TimeitMagic extends NamedMagic {
    TimeitMagic() {
        super("timeit", "%%timeit [runs=N] [loops=N] [as=NAME]",
                "Time the cell body (statements or one expression) over several runs; binds TimeitResult timeit.");
    }

    @Override
    public boolean isCell() {
        return true;
    }

    @Override
    public String help() {
        return summary() + "\nThe body runs inside a lambda: it may read notebook variables but its own declarations"
                + " stay local. Without loops=N the loop count grows (1, 2, 5, 10, ...) until one run takes 0.2 s.";
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("runs", "loops", "as"), Set.of());
        a.expectPositional(0, "no positional arguments");
        int runs = a.intOption("runs", 7);
        int loops = a.intOption("loops", 0);
        if (runs <= 0) throw new MagicUsageException("runs must be positive");
        String name = a.variableName("timeit");
        if (body == null || body.isBlank()) throw new MagicUsageException("the cell body is empty");
        String call = TimeitResult.class.getName() + ".measure(() -> {\n" + body + "\n;}, " + runs + ", " + loops + ")";
        Object result;
        try {
            result = ctx.evalJava(call);
        } catch (CompilationError e) {
            String expr = body.strip();
            if (expr.endsWith(";")) expr = expr.substring(0, expr.length() - 1);
            String asExpr = TimeitResult.class.getName() + ".measure(() -> { Object __timeitValue = (\n" + expr
                    + "\n); }, " + runs + ", " + loops + ")";
            try {
                result = ctx.evalJava(asExpr);
            } catch (CompilationError ignored) {
                throw e;
            }
        }
        if (!(result instanceof TimeitResult r)) return JavaEvaluator.NO_VALUE;
        ctx.out().println(r);
        ctx.bind(name, r, TimeitResult.class.getName());
        return JavaEvaluator.NO_VALUE;
    }
}
