package org.diffuson.kernel.exec;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * Java agent entry of the kernel jar ({@code -javaagent:diffuson-kernel.jar} in kernel.json). It keeps the
 * {@link Instrumentation}, which {@link CellExecutionControl#redefine} uses so that JShell can update a snippet's
 * class in place (re-importing or redeclaring something no longer resets the variables that depend on it), and it
 * rewrites the classes of jars that notebook code added ({@code %jars}, {@code %maven}, {@code %classpath}) as
 * {@link CellBytecode} rewrites cells: stop checks, and no {@code System.exit}. Snippet classes themselves are
 * rewritten by {@link CellExecutionControl#load}, which works without the agent too.
 */
public final class RedefineAgent {
    private static volatile Instrumentation instrumentation;

    private RedefineAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        install(inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        install(inst);
    }

    private static void install(Instrumentation inst) {
        instrumentation = inst;
        inst.addTransformer(new NotebookJars(), false);
    }

    /** The instrumentation, or null when the kernel was started without the agent. */
    static Instrumentation instrumentation() {
        return instrumentation;
    }

    /** Rewrites classes that JShell's class loader defines from added jars (not the snippets, done on load). */
    static final class NotebookJars implements ClassFileTransformer {
        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                                byte[] classFile) {
            if (loader == null || redefined != null || className == null || className.startsWith("REPL/")) {
                return null;
            }
            if (!loader.getClass().getName().startsWith("jdk.jshell.")) return null;
            byte[] out = CellBytecode.instrument(classFile);
            return out == classFile ? null : out;
        }
    }
}
