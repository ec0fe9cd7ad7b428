package org.diffuson.bench;

import org.diffuson.sweep.CalculationProvider;
import org.diffuson.sweep.Calculations;

import java.util.Map;

/**
 * Calculations of known cost for the sweep benchmarks, registered through a {@link CalculationProvider} (so the
 * Spark engine ships them like a user's packaged jar): {@code bench.spin} spins for {@code costMs} milliseconds of
 * CPU and returns a number that depends on the point.
 */
public final class BenchCalculations implements CalculationProvider {
    @Override
    public void register(Calculations.Registrar r) {
        r.register("bench.spin", "spins costMs of CPU; outputs value = x + y", (p, o) -> {
            long until = System.nanoTime() + (long) ((Double) o.getOrDefault("costMs", 0.0) * 1e6);
            double acc = 0;
            while (System.nanoTime() < until) acc += Math.sqrt(acc + 1);
            double x = (Double) p.getOrDefault("x", 0.0), y = (Double) p.getOrDefault("y", 0.0);
            return Map.of("value", x + y + 0 * acc);
        });
    }
}
