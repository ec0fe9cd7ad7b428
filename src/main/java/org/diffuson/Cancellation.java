package org.diffuson;

/**
 * Lets long library loops stop when the thread that called them is interrupted (the Jupyter kernel's interrupt and
 * per-cell timeout interrupt the cell's thread; so can any caller). Loops call {@link #check(String)} once per outer
 * iteration (an SCBA step, a chunk of a k-sum, a sweep point, a Boltzmann iteration); the check costs one read of
 * the thread's interrupt flag. Work fanned out to other threads (parallel streams) captures a {@link #token()} in the
 * calling thread and checks that, so the workers stop with their caller.
 * <p>
 * The interrupt flag is left set when {@link Cancelled} is thrown, so callers further up (and the kernel) still see
 * that the thread was interrupted.
 */
public final class Cancellation {

    private Cancellation() {
    }

    /** Throws {@link Cancelled} if the current thread was interrupted; {@code where} names the loop. */
    public static void check(String where) {
        if (Thread.currentThread().isInterrupted()) throw new Cancelled(where);
    }

    /**
     * {@code body} with a check of the calling thread's interrupt state before each element, for parallel streams:
     * {@code IntStream.range(0, n).parallel().forEach(Cancellation.checking("k-sum", i -> ...))}.
     */
    public static java.util.function.IntConsumer checking(String where, java.util.function.IntConsumer body) {
        Token token = token();
        return i -> {
            token.check(where);
            body.accept(i);
        };
    }

    /** A token bound to the current thread, to check from worker threads. */
    public static Token token() {
        return new Token(Thread.currentThread());
    }

    /** The interrupt state of the thread that created it. */
    public static final class Token {
        private final Thread owner;

        private Token(Thread owner) {
            this.owner = owner;
        }

        /** Throws {@link Cancelled} if the owning thread was interrupted. */
        public void check(String where) {
            if (owner.isInterrupted()) throw new Cancelled(where);
        }
    }

    /** A library computation stopped because its thread was interrupted. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled(String where) {
            super(where + " stopped: the thread was interrupted", null, false, false);
        }
    }
}
