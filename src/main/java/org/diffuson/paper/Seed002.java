package org.diffuson.paper;

import org.diffuson.boltzmann.BoltzmannResult;
import org.diffuson.boltzmann.BoltzmannSolver;
import org.diffuson.boltzmann.SkewForm;
import org.diffuson.integrate.GridOptions;
import org.diffuson.kubo.Kubo;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;

/**
 * Seed 002 (Atencia, Niu, Culcer: semiclassical equations of motion for disordered conductors) regression rows for
 * {@code bench.Snapshot}: massive Dirac model (magnetic TI surface), ħ = v_F = 1, ε_F = 1, ξ = M/ε_F; conductivities in
 * e²/h. Kubo points use the paper's Born matrix Σ^R = −(i/2τ)(σ₀ + ξσ_z), 1/τ = πu₀²ρ(ε_F), and are extrapolated linearly
 * in 1/(ε_Fτ) (Richardson). The figures N1–N5 are computed in visible cells of {@code notebooks/seed-002-semiclassics.ipynb},
 * which define the same functions.
 */
public final class Seed002 {
    private Seed002() {}

    static final double EF = 1.0;

    /** Boltzmann pipeline (form B unless given) at ξ = M, ε_F = 1. */
    public static BoltzmannResult boltzmann(double xi, double u0sq, SkewForm form) {
        Model m = Preset.DIRAC.with("M", xi).with("gamma", u0sq).build();
        return BoltzmannSolver.builder(m.hamiltonian()).disorder(u0sq).kMax(m.cutoff()).skewForm(form).build().solve(EF);
    }

    /** The paper's Born matrix Σ^R = −(i/2τ)(σ₀ + ξσ_z), 1/(2τ) = u₀²ε_F/4 for v_F = 1. */
    public static CMatrix bornMatrix(double xi, double u0sq) {
        return Pauli.S0.plus(Pauli.SZ.scale(xi)).scale(0, -u0sq * EF / 4);
    }

    /** Kubo ladder σ_ab (RA Fermi-surface term with vertex corrections; Středa II → 0 as the cutoff → ∞). */
    public static double kubo(double xi, double u0sq, int a, int b) {
        Model m = Preset.DIRAC.with("M", xi).with("gamma", u0sq).build();
        Ladder l = Ladder.fixed(m, EF, bornMatrix(xi, u0sq), "Born matrix", GridOptions.defaults());
        return new Kubo(l).conductivity(a, b).fermiSurface();
    }

    /** Richardson: linear extrapolation in 1/(ε_Fτ) ∝ u₀² from u₀² and u₀²/2. */
    public static double kuboExtrapolated(double xi, double u0sq, int a, int b) {
        return 2 * kubo(xi, u0sq / 2, a, b) - kubo(xi, u0sq, a, b);
    }

    /** σ_{current, field} (e²/h) from the Kubo ladder with the paper's Born matrix, typed axes. */
    public static double kubo(double xi, double u0sq, org.diffuson.model.Axis current, org.diffuson.model.Axis field) {
        return kubo(xi, u0sq, current.index(), field.index());
    }

    /** Richardson extrapolation to u₀² → 0 of {@link #kubo(double, double, org.diffuson.model.Axis, org.diffuson.model.Axis)}. */
    public static double kuboExtrapolated(double xi, double u0sq, org.diffuson.model.Axis current, org.diffuson.model.Axis field) {
        return kuboExtrapolated(xi, u0sq, current.index(), field.index());
    }

    /** Boltzmann total σ_yx = 4ξ(1+ξ²)/(1+3ξ²)² (seed 002 Eq. 86), e²/h. */
    public static double boltzmannTotal(double xi) { return total(xi); }

    static double total(double xi) { return 4 * xi * (1 + xi * xi) / Math.pow(1 + 3 * xi * xi, 2); }

}
