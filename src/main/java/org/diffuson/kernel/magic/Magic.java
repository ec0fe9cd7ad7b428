package org.diffuson.kernel.magic;

/**
 * A line magic ({@code %name args}) or cell magic ({@code %%name args} on the first line, the rest of the cell as
 * body). Magics are thin layers over public Java APIs: each binds its result to a notebook variable so the next cell
 * can go on in plain Java.
 */
public interface Magic {

    /** Name without the percent signs. */
    String name();

    /** True for a cell magic ({@code %%name}). */
    default boolean isCell() {
        return false;
    }

    /** One-line usage, e.g. {@code %plot TABLE x=COL y=COL[,COL...] [logx] [logy] [title=TEXT] [as=NAME]}. */
    String usage();

    /** One sentence on what the magic does. */
    String summary();

    /** Longer help shown by {@code %help NAME}; defaults to the summary. */
    default String help() {
        return summary();
    }

    /**
     * Runs the magic.
     *
     * @param args text after the magic name
     * @param body the rest of the cell for cell magics, else null
     * @return the value to show as the cell result, or {@link org.diffuson.kernel.exec.JavaEvaluator#NO_VALUE}
     * @throws MagicUsageException for bad arguments (reported as one line with the usage)
     */
    Object run(MagicContext ctx, String args, String body) throws Exception;
}
