package org.diffuson.kernel.magic;

import org.diffuson.kernel.exec.JavaEvaluator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code %lsmagic}: lists the magics; binds {@code magics} (their names, with percent signs). */
final class LsMagic extends NamedMagic {
    LsMagic() {
        super("lsmagic", "%lsmagic [as=NAME]",
                "List all magics; binds their names as List<String> magics.");
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("as"), Set.of());
        a.expectPositional(0, "no arguments");
        List<String> names = new ArrayList<>();
        StringBuilder line = new StringBuilder("Line magics:");
        StringBuilder cell = new StringBuilder("Cell magics:");
        for (Magic m : ctx.magics()) {
            String n = (m.isCell() ? "%%" : "%") + m.name();
            names.add(n);
            (m.isCell() ? cell : line).append(' ').append(n);
        }
        ctx.out().println(line);
        ctx.out().println(cell);
        ctx.out().println("Use %help NAME for the usage of one magic.");
        ctx.bind(a.variableName("magics"), List.copyOf(names), "java.util.List<String>");
        return JavaEvaluator.NO_VALUE;
    }
}
