package org.diffuson.kernel.exec;

/**
 * Keeps notebook code from ending the kernel process, on every JDK and without the security manager (gone in
 * JDK 24): {@link CellBytecode} rewrites the calls {@code System.exit(int)}, {@code Runtime.exit(int)} and
 * {@code Runtime.halt(int)} (and method references to them) in every class the kernel loads for notebook code, cells
 * and jars added with {@code %jars} / {@code %maven} alike, into calls of the methods below. Until the kernel itself
 * decides to exit ({@link #permitExit()}), they throw an {@link ExitBlockedException} in the calling cell or thread
 * and the kernel keeps running; shutdown and restart requests exit normally, and signals still end the JVM.
 * <p>
 * Not covered: exits through reflection or from native code.
 */
public final class ExitGuard {

    private static volatile boolean exitPermitted;

    private ExitGuard() {
    }

    /** Lets the kernel exit: from now on, the rewritten calls exit as the originals would. */
    public static void permitExit() {
        exitPermitted = true;
    }

    /** Replaces {@code System.exit(status)} in notebook code. */
    public static void exit(int status) {
        if (exitPermitted) System.exit(status);
        throw blocked("System.exit", status);
    }

    /** Replaces {@code runtime.exit(status)} in notebook code. */
    public static void exit(Runtime runtime, int status) {
        if (exitPermitted) runtime.exit(status);
        throw blocked("Runtime.exit", status);
    }

    /** Replaces {@code runtime.halt(status)} in notebook code. */
    public static void halt(Runtime runtime, int status) {
        if (exitPermitted) runtime.halt(status);
        throw blocked("Runtime.halt", status);
    }

    private static ExitBlockedException blocked(String call, int status) {
        return ExitBlockedException.here(call, status, CellRunner.isCellThread(Thread.currentThread()));
    }
}
