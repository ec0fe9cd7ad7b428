package org.diffuson.kernel.magic;

import org.diffuson.kernel.exec.JavaEvaluator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** What a magic may use from the kernel. */
public interface MagicContext {

    /** The notebook's Java evaluator. */
    JavaEvaluator java();

    /** Evaluates Java source (error positions relative to {@code source}); returns the last value or NO_VALUE. */
    Object evalJava(String source) throws Exception;

    /**
     * The live value of a notebook variable or expression.
     *
     * @throws MagicUsageException if it does not compile or has no value
     */
    Object value(String expression) throws Exception;

    /** Declares a notebook variable {@code type name} holding {@code value} (type null: the value's public type). */
    void bind(String name, Object value, String type) throws Exception;

    /** Runs work on the stoppable cell thread (interrupt and timeout apply). */
    Object runStoppable(Callable<?> work) throws Exception;

    /** Shows an object below the cell. */
    void display(Object value);

    /** The cell's stdout. */
    PrintStream out();

    /** The cell's stderr. */
    PrintStream err();

    /** All registered magics, by name. */
    List<Magic> magics();

    /** Adds jars or directories to the notebook classpath (compiler and class loader). */
    void addToClasspath(List<Path> paths);

    /** Sets the per-cell timeout in milliseconds (zero: none). */
    void setTimeoutMillis(long millis);

    long timeoutMillis();
}
