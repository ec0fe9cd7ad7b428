package org.diffuson.kernel.magic;

import org.diffuson.kernel.MemoryUse;

import java.util.Set;

/** {@code %memory [gc]}: live heap, committed heap, maximum heap and resident memory of the kernel. */
final class MemoryMagic extends NamedMagic {
    MemoryMagic() {
        super("memory", "%memory [gc] [as=NAME]",
                "Show the kernel's heap (in use, committed, maximum) and resident memory in MB; gc: collect first, so "
                + "'heap live' is the memory your variables hold.");
    }

    @Override
    public String help() {
        return summary() + " The maximum heap is 25% of the machine's memory unless the kernelspec or "
                + "JDK_JAVA_OPTIONS sets -Xmx (e.g. JDK_JAVA_OPTIONS=-Xmx8g). An idle kernel collects once after "
                + "DIFFUSON_IDLE_GC seconds (default 10) and gives unused heap back to the system. as=NAME binds the "
                + "MemoryUse.Snapshot (bytes) to a variable.";
    }

    @Override
    public Object run(MagicContext ctx, String args, String body) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("as"), Set.of("gc"));
        a.expectPositional(0, "gc or as=NAME");
        MemoryUse.Snapshot s = MemoryUse.snapshot(a.flag("gc"));
        ctx.out().println(s);
        if (a.hasOption("as")) ctx.bind(a.variableName(null), s, MemoryUse.Snapshot.class.getCanonicalName());
        return org.diffuson.kernel.exec.JavaEvaluator.NO_VALUE;
    }
}
