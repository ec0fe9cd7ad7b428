package org.diffuson.kernel.exec;

/**
 * Marker type that heads the kernel's default-import snippet (see {@link JavaEvaluator#importAll}); JShell keys an
 * import snippet by its first declaration, and no notebook imports this type.
 */
public final class DefaultImports {
    private DefaultImports() {
    }
}
