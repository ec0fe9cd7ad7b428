package org.diffuson.kernel.magic;

import org.diffuson.kernel.exec.JavaEvaluator;

import java.util.Set;

/** {@code %timeout [SECONDS|off]}: sets or shows the per-cell timeout. */
final class TimeoutMagic extends NamedMagic {
    TimeoutMagic() {
        super("timeout", "%timeout [SECONDS|off]",
                "Stop any later cell that runs longer than SECONDS (off: no limit); without argument, show it.");
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) {
        MagicArgs a = MagicArgs.parse(args, Set.of(), Set.of("off"));
        if (a.flag("off")) {
            a.expectPositional(0, "SECONDS or off");
            ctx.setTimeoutMillis(0);
        } else if (!a.positional().isEmpty()) {
            a.expectPositional(1, "SECONDS or off");
            double s;
            try {
                s = Double.parseDouble(a.positional().get(0).replaceFirst("s$", ""));
            } catch (NumberFormatException e) {
                throw new MagicUsageException("'" + a.positional().get(0) + "' is not a number of seconds");
            }
            if (!(s > 0) || Double.isInfinite(s)) throw new MagicUsageException("SECONDS must be positive");
            ctx.setTimeoutMillis(Math.round(s * 1000));
        }
        long ms = ctx.timeoutMillis();
        ctx.out().println(ms <= 0 ? "Cell timeout: off" : "Cell timeout: " + ms / 1000.0 + " s");
        return JavaEvaluator.NO_VALUE;
    }
}
