package org.diffuson.kernel.magic;

import org.diffuson.kernel.Timing;

import java.util.Set;

/** {@code %time CODE}: evaluates Java code once and prints the wall time; binds {@code timing}. */
final class TimeMagic extends NamedMagic {
    TimeMagic() {
        super("time", "%time JAVA-CODE",
                "Run one line of Java, print its wall time and bind it as Timing timing; the code's value is shown.");
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        if (args.isBlank()) throw new MagicUsageException("missing the Java code to time");
        long t0 = System.nanoTime();
        Object value;
        try {
            value = ctx.evalJava(args);
        } catch (Exception | Error e) {
            ctx.out().println(new Timing((System.nanoTime() - t0) / 1e9) + " (failed)");
            throw e;
        }
        Timing t = new Timing((System.nanoTime() - t0) / 1e9);
        ctx.out().println(t);
        ctx.bind("timing", t, Timing.class.getName());
        return value;
    }
}
