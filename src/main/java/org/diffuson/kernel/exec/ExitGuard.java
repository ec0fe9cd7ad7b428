package org.diffuson.kernel.exec;

import java.security.Permission;

/**
 * Keeps notebook code from ending the kernel process: a {@link SecurityManager} that allows everything except
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} before the kernel itself decides to exit
 * ({@link #permitExit()}). The call then throws an {@link ExitBlockedException} in the calling cell (or thread of
 * the notebook) and the kernel keeps running; shutdown and restart requests exit normally, and signals still end the
 * JVM. Every other check is a no-op, so the guard costs nothing measurable per cell.
 * <p>
 * JDK 17 allows installing it, with a deprecation warning on the JVM's initial stderr (the kernel log); JDK 18 to 23
 * need {@code -Djava.security.manager=allow} (the kernelspec passes it); JDK 24 and later have no security manager,
 * and {@code System.exit} in a cell ends the kernel there. One visible side effect: with a security manager, new
 * common-pool (parallel stream) workers are the JDK's "innocuous" threads, outside the cells' thread group.
 */
public final class ExitGuard extends SecurityManager {

    private static volatile boolean exitPermitted;

    private ExitGuard() {
    }

    /**
     * Installs the guard as the JVM's security manager.
     *
     * @return null if installed, else why not
     */
    public static String install() {
        try {
            System.setSecurityManager(new ExitGuard());
            return null;
        } catch (UnsupportedOperationException | SecurityException e) {
            return e.toString();
        }
    }

    /** Lets the kernel exit: from now on, exit calls are allowed on every thread. */
    public static void permitExit() {
        exitPermitted = true;
    }

    @Override
    public void checkExit(int status) {
        if (!exitPermitted) throw ExitBlockedException.here(status, CellRunner.isCellThread(Thread.currentThread()));
    }

    @Override
    public void checkPermission(Permission perm) {
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
    }

    /** Skips the JDK's restricted-package lookup, which takes a global lock on every reflective member access. */
    @Override
    public void checkPackageAccess(String pkg) {
    }
}
