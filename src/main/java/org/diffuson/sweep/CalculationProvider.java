package org.diffuson.sweep;

/**
 * Registers calculations from another jar (a later paper's module, or a user's packaged code): list the
 * implementation in {@code META-INF/services/org.diffuson.sweep.CalculationProvider}. Providers are loaded once,
 * by {@link java.util.ServiceLoader} on the thread's context class loader, on every JVM that runs a study (so on
 * Spark executors too when the jar is shipped with the plan).
 */
public interface CalculationProvider {
    void register(Calculations.Registrar registrar);
}
