package org.diffuson.kernel.exec;

import java.lang.instrument.Instrumentation;

/**
 * Java agent entry of the kernel jar ({@code -javaagent:diffuson-kernel.jar} in kernel.json). It only keeps the
 * {@link Instrumentation}, which {@link CellExecutionControl#redefine} uses so that JShell can update a snippet's
 * class in place: re-importing or redeclaring something no longer resets the variables that depend on it.
 */
public final class RedefineAgent {
    private static volatile Instrumentation instrumentation;

    private RedefineAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    public static void agentmain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** The instrumentation, or null when the kernel was started without the agent. */
    static Instrumentation instrumentation() {
        return instrumentation;
    }
}
