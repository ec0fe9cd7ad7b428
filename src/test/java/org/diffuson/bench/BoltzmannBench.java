package org.diffuson.bench;

import org.diffuson.boltzmann.BoltzmannSolver;
import org.diffuson.model.MassiveDirac;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Issue 4 speed target: a 100-point σ_xy(ξ) curve of the TI surface from the full Boltzmann pipeline (numerical Fermi
 * lines, all five terms including the valence shadow shell, Fermi-sea integral) in &lt; 1 s total.
 * Run: mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt; mvn -q test-compile;
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main BoltzmannBench -f 1 -wi 2 -i 3
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BoltzmannBench {
    @Benchmark
    public double hallCurve100() {
        double s = 0;
        for (int i = 0; i < 100; i++) {
            double xi = 0.005 + 0.99 * i / 99; // ε_F = 1, M = ξ
            s += BoltzmannSolver.builder(MassiveDirac.of(xi)).disorder(0.01).kMax(4).angles(32).build().solve(1.0).total().xy();
        }
        return s;
    }
}
