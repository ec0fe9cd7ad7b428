package org.diffuson.kernel.magic;

import org.diffuson.kernel.exec.JavaEvaluator;

import java.util.Set;

/** {@code %help [NAME]}: usage of one magic, or a table of all. */
final class HelpMagic extends NamedMagic {
    HelpMagic() {
        super("help", "%help [MAGIC]",
                "Show the usage of a magic (%help plot), or of all magics; for Java docs put ? after a name (Math.abs?).");
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) {
        MagicArgs a = MagicArgs.parse(args, Set.of(), Set.of());
        if (a.positional().size() > 1) throw new MagicUsageException("expected at most one magic name");
        if (a.positional().isEmpty()) {
            for (Magic m : ctx.magics()) {
                ctx.out().printf("%-60s %s%n", m.usage(), m.summary());
            }
            ctx.out().println("Java documentation: end a name with ? (String?, Math.abs?) or press Shift-Tab.");
            return JavaEvaluator.NO_VALUE;
        }
        String name = a.positional().get(0).replaceFirst("^%%?", "");
        for (Magic m : ctx.magics()) {
            if (m.name().equals(name)) {
                ctx.out().println(m.usage());
                ctx.out().println();
                ctx.out().println(m.help());
                return JavaEvaluator.NO_VALUE;
            }
        }
        throw new MagicUsageException("no magic named '" + name + "'; %lsmagic lists them");
    }
}
