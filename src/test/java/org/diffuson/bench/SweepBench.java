package org.diffuson.bench;

import org.diffuson.sweep.ParameterAxis;
import org.diffuson.sweep.Grid;
import org.diffuson.sweep.LocalEngine;
import org.diffuson.sweep.Plan;
import org.diffuson.sweep.Study;
import org.diffuson.sweep.StudyRun;
import org.diffuson.sweep.StudyStore;
import org.diffuson.sweep.spark.SparkEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Issue 16 speed targets, each one study run into a fresh DuckDB store per invocation (single shot):
 * <ul>
 *   <li>{@code overhead}: 2 000 points of a 0-cost calculation on the local engine — the time per point is the
 *       engine's overhead beyond the calculation (target &lt; 1 ms);</li>
 *   <li>{@code kuboMap}: the 1 000-point σ_xx(E, γ) Kubo map of the Drude model (angles=16) on 1 and 2 workers
 *       (throughput vs cores);</li>
 *   <li>{@code crossover}: 1 000 points of {@code bench.spin} at costMs per point on the local engine (all cores)
 *       and on Spark local[*] — Spark's fixed start-up cost against the per-point work.</li>
 * </ul>
 * Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench.args="SweepBench.overhead"} (likewise kuboMap, crossover).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SweepBench {
    private Path dir;
    private StudyStore store;
    private int run;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("sweep-bench");
        store = StudyStore.open(dir.resolve("bench.duckdb"));
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    /** A plan no store has seen (the fixed "run" counter changes the hash), so nothing is skipped. */
    private Plan fresh(Plan p) { return p.fixed("run", (double) (run++)); }

    @State(Scope.Benchmark)
    public static class Workers {
        @Param({"1", "2"})
        public int workers;
    }

    @Benchmark
    public StudyRun overhead(Workers w) {
        Plan p = fresh(Plan.named("overhead").calculation("bench.spin").option("costMs", 0.0)
                .grid(Grid.of(ParameterAxis.lin("x", 0, 39, 40), ParameterAxis.lin("y", 0, 49, 50))));
        return Study.of(p).store(store).engine(LocalEngine.workers(w.workers)).run();
    }

    @Benchmark
    @Measurement(iterations = 1)
    @Warmup(iterations = 0)
    public StudyRun kuboMap(Workers w) {
        Plan p = fresh(Plan.named("kubo map").calculation("kubo").option("component", "xx").option("angles", 16.0)
                .fixed("preset", "drude").grid(Grid.of(ParameterAxis.lin("E", 0.5, 3, 40), ParameterAxis.log("gamma", 0.02, 0.5, 25))));
        return Study.of(p).store(store).engine(LocalEngine.workers(w.workers)).run();
    }

    @State(Scope.Benchmark)
    public static class Crossover {
        @Param({"1", "10", "50"})
        public double costMs;
        @Param({"local", "spark"})
        public String engine;
    }

    @Benchmark
    @Measurement(iterations = 1)
    @Warmup(iterations = 0)
    public StudyRun crossover(Crossover c) {
        Plan p = fresh(Plan.named("crossover").calculation("bench.spin").option("costMs", c.costMs)
                .grid(Grid.of(ParameterAxis.lin("x", 0, 39, 40), ParameterAxis.lin("y", 0, 24, 25))));
        return Study.of(p).store(store).engine(c.engine.equals("spark") ? SparkEngine.local() : LocalEngine.cores()).run();
    }
}
