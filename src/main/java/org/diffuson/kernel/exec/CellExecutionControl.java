package org.diffuson.kernel.exec;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process JShell execution: snippets run in this JVM on a {@link CellRunner} thread, so values stay live objects
 * and a cell can be stopped. JShell only receives a key for each value; {@link #takeValue(String)} returns the object.
 * The last exception a snippet threw is kept as well, so errors can be rendered from the real throwable.
 */
public final class CellExecutionControl extends DirectExecutionControl {

    private static final Object NULL = new Object();

    private final CellRunner runner;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private volatile Throwable lastFailure;
    private volatile ClassLoader snippetLoader;

    public CellExecutionControl(CellRunner runner) {
        this.runner = runner;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        ClassLoader loader = doit.getDeclaringClass().getClassLoader();
        snippetLoader = loader;
        Object value;
        try {
            value = runner.run(() -> doit.invoke(null), loader);
        } catch (InvocationTargetException e) {
            lastFailure = e.getCause();
            throw e;
        } catch (CellStoppedException e) {
            lastFailure = e;
            throw new ExecutionControl.UserException(e.getMessage(), CellStoppedException.class.getName(),
                    new StackTraceElement[0]);
        } catch (Throwable t) {
            lastFailure = t;
            throw t;
        } finally {
            System.out.flush();
            System.err.flush();
        }
        String key = "\u0000value#" + keys.incrementAndGet();
        values.put(key, value == null ? NULL : value);
        return key;
    }

    /** Returns and forgets the live value JShell knows under {@code key}; null if the key is unknown. */
    public Object takeValue(String key) {
        if (key == null) return null;
        Object v = values.remove(key);
        return v == NULL ? null : v;
    }

    /** Drops values no one asked for (earlier snippets of a cell). */
    public void clearValues() {
        values.clear();
    }

    /** Returns and clears the throwable of the last failed snippet. */
    public Throwable takeFailure() {
        Throwable t = lastFailure;
        lastFailure = null;
        return t;
    }

    /** The class loader of the most recently run snippet (the JShell class loader), or null before the first. */
    public ClassLoader snippetLoader() {
        return snippetLoader;
    }

    /** Loads snippet classes with stop checks and the exit guard put into their bytecode ({@link CellBytecode}). */
    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(instrumented(cbcs));
    }

    private static ClassBytecodes[] instrumented(ClassBytecodes[] cbcs) {
        ClassBytecodes[] out = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            out[i] = new ClassBytecodes(cbcs[i].name(), CellBytecode.instrument(cbcs[i].bytecodes()));
        }
        return out;
    }

    /**
     * Redefines already loaded snippet classes in place through the {@link RedefineAgent}'s instrumentation (static
     * fields, i.e. notebook variables, keep their values). Without the agent, or when the class shape changed, JShell
     * falls back to replacing the class, as with the JDK's local execution.
     */
    @Override
    public void redefine(ClassBytecodes[] original) throws ClassInstallException, NotImplementedException {
        ClassBytecodes[] cbcs = instrumented(original);
        Instrumentation inst = RedefineAgent.instrumentation();
        if (inst == null || !inst.isRedefineClassesSupported()) {
            throw new NotImplementedException("redefine not supported without the kernel agent");
        }
        try {
            ClassDefinition[] defs = new ClassDefinition[cbcs.length];
            for (int i = 0; i < cbcs.length; i++) {
                defs[i] = new ClassDefinition(findClass(cbcs[i].name()), cbcs[i].bytecodes());
            }
            inst.redefineClasses(defs);
        } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError e) {
            throw new ClassInstallException("redefine failed: " + e, new boolean[cbcs.length]);
        }
    }

    @Override
    public void stop() {
        runner.stop();
    }

    /** Hands one prepared control to JShell. */
    public static final class Provider implements ExecutionControlProvider {
        private final CellExecutionControl control;

        public Provider(CellExecutionControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "diffuson-cell";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
