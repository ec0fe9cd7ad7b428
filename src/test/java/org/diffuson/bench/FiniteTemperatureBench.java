package org.diffuson.bench;

import org.diffuson.integrate.GridOptions;
import org.diffuson.integrate.KGrid;
import org.diffuson.kubo.Bastin;
import org.diffuson.kubo.FiniteTemperature;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Issue 4 item 1: one σ_yx(T = 0.01, μ = 1) point of the massive Dirac model (M = 0.4, cutoff 40, the Born matrix of
 * ε_F = 1 at u₀² = 0.1 held fixed; default grid adapted at μ and shared by the 60 Fermi-window energies; 64
 * Matsubara terms + tail), and the same point with each window energy on its own adaptive grid; plus one bare Bastin
 * point (Σ = −0.1i) for comparison.
 * Run: mvn -B -Pbench test-compile exec:exec -Dbench.args="FiniteTemperatureBench -wi 1 -i 3".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class FiniteTemperatureBench {
    Model model;
    CMatrix born;
    KGrid shared;

    @Setup
    public void setup() {
        model = Preset.COPT_TI.with("alpha", -1.0).with("bz", 0.4).with("gamma", 0.1).with("kc", 40.0).build();
        double halfRate = 0.1 * 1.0 / 4;
        born = Pauli.S0.plus(Pauli.SZ.scale(0.4)).scale(0, -halfRate);
        shared = Ladder.fixed(model, 1.0, born, "Born matrix", GridOptions.defaults()).grid();
    }

    @Benchmark
    public double sigmaYxSharedGrid() {
        return FiniteTemperature.fixed(model, born, "Born matrix", shared).conductivity(1, 0, 0.01, 1.0).total();
    }

    @Benchmark
    public double sigmaYxAdaptiveGrids() {
        return FiniteTemperature.fixed(model, born, "Born matrix", GridOptions.defaults()).conductivity(1, 0, 0.01, 1.0).total();
    }

    @Benchmark
    public double bastinBare() {
        return new Bastin(Ladder.fixed(model, 1.0, Pauli.S0.scale(0, -0.1), "η=0.1", GridOptions.defaults())).conductivity(1, 0).value();
    }
}
