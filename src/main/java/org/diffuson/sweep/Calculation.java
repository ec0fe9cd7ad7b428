package org.diffuson.sweep;

import java.util.Map;

/**
 * One point of a study: parameters in, named numbers out. A calculation registered in {@link Calculations} by name
 * can run anywhere the library is (the local engine, a Spark executor); a lambda typed in a notebook can only run
 * locally (package it in a jar and register it through {@link CalculationProvider} to ship it).
 */
@FunctionalInterface
public interface Calculation {
    /**
     * @param params  the point's parameters (fixed + varied; numbers as {@link Double}, words as {@link String})
     * @param options the plan's options
     * @return named finite outputs, in a stable order
     */
    Map<String, Double> compute(Map<String, Object> params, Map<String, Object> options);
}
