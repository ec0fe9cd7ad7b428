package org.diffuson.kubo;

import org.diffuson.boltzmann.BoltzmannResult;
import org.diffuson.boltzmann.BoltzmannSolver;
import org.diffuson.boltzmann.Term;
import org.diffuson.integrate.GridOptions;
import org.diffuson.ladder.Ladder;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.diffuson.model.RashbaExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Boltzmann (seed 002 kinetic equation) against the non-crossing Kubo ladder for the Rashba ferromagnet
 * H = k²/2m + α(k_yσ_x − k_xσ_y) + b_zσ_z, m = 1, scalar white noise: the Hall conductivity σ_yx and the ∥E spin
 * response ⟨s_x⟩/E_x, one Fermi sheet (lower band only, |ε_F| < b_z) and two sheets.
 * <p>This is the regression test of the skew-term fix ({@code BoltzmannSolver} Skew: the observables take the
 * Fermi-shell half of n^sk twice instead of adding the shadow-shell half relaxed at E′ ≠ ε_F). Before the fix the
 * Boltzmann totals were 0.155016 (ε_F = 0.2), −0.041864 (ε_F = −0.2) and −0.002627 (ε_F = 1), the spin ⟨s_x⟩/E_x
 * 0.001316 and 0.001466 against the ladder's 0.002349 and 0; the Dirac model (ε_k = 0) was unaffected.
 * <p>Kubo side: on-shell Born ladder with the Fermi-sea term (Středa I + II) at u₀² = 0.01, 0.005, 0.0025, extrapolated
 * to u₀² → 0 by the quadratic 3-point rule (8f(u/4) − 6f(u/2) + f(u))/3. The removed O(u₀⁴) term is measured by the
 * difference to the linear (2-point) rule: ≤ 9e-5 here, so the residual O(u₀⁶) error is far below it. Measured
 * |Boltzmann − Kubo| ≤ 1.3e-6 for σ_yx and ≤ 8e-7 for χ_xx (5e-6 after ×2π); tolerance 2e-5 on σ_yx and 2e-5/2π on χ_xx
 * (a fifth of the largest linear–quadratic spread, ≥ 4× the residuals) — the pre-fix disagreements were 1e-3 to 8e-2.
 * <p>Units: σ in e²/h; the Kubo spin response with the σ_x vertex is −2π times the Boltzmann χ_xx (charge −e,
 * σ in e²/h = 2π e²/ħ), checked on the TI in {@code DiracOracleTest#spinAndTorqueOracles} via σ_yx = 2π v_F χ_xx.
 */
class RashbaSkewTest {
    static final double[] U0SQ = {0.01, 0.005, 0.0025};

    static double quad(double[] f) { return (8 * f[2] - 6 * f[1] + f[0]) / 3; }

    static double lin(double[] f) { return 2 * f[2] - f[1]; }

    @ParameterizedTest(name = "α={0} b_z={1} ε_F={2}")
    @CsvSource({
            "0.5, 0.3,  0.2",   // one sheet (lower band)
            "0.5, 0.3, -0.2",   // one sheet, near the band bottom
            "0.5, 0.3,  1.0",   // two sheets: the literature's vanishing non-crossing Hall conductivity
            "0.8, 0.3,  1.0",   // two sheets, stronger Rashba (pre-fix −0.0498)
            "0.2, 0.3,  0.2",   // one sheet, weak Rashba: measured |Boltzmann − Kubo| = 1e-9
    })
    void hallAndSpinAgreeWithTheKuboLadder(double alpha, double bz, double ef) {
        BoltzmannResult b = BoltzmannSolver.builder(new RashbaExchange(1, alpha, 0, 0, bz)).disorder(0.01).kMax(5).angles(64).build().solve(ef);
        // random eigenvector phases change nothing (measured ≤ 2e-14)
        BoltzmannResult g = BoltzmannSolver.builder(new RashbaExchange(1, alpha, 0, 0, bz)).disorder(0.01).kMax(5).angles(64).randomGauge(7).build().solve(ef);
        assertEquals(b.total().yx(), g.total().yx(), 1e-12);
        assertEquals(b.totalSpin().xx(), g.totalSpin().xx(), 1e-12);
        double[] syx = new double[3], sx = new double[3];
        for (int i = 0; i < 3; i++) {
            Model m = Preset.COPT.with("m", 1.0).with("alpha", alpha).with("bz", bz).with("gamma", U0SQ[i]).with("cutoffEnergy", 50.0).build();
            Kubo k = new Kubo(Ladder.fixed(m, ef, org.diffuson.green.SelfEnergies.bornOnShell(m, ef), "on-shell Born", GridOptions.defaults()));
            syx[i] = k.conductivityWithSea(1, 0).total();
            sx[i] = k.responseWithSea(Vertex.spin(1), Vertex.velocity(m.hamiltonian(), 0)).total();
        }
        double kuboYx = quad(syx), kuboSx = -quad(sx) / (2 * Math.PI);
        System.out.printf("α=%g b=%g ε_F=%g  σ_yx: Boltzmann %.7f (skew %.7f) Kubo %.7f (lin %.7f) | χ_xx: Boltzmann %.7f Kubo %.7f (lin %.7f)%n",
                alpha, bz, ef, b.total().yx(), b.sigma(Term.SKEW).yx(), kuboYx, lin(syx), b.totalSpin().xx(), kuboSx, -lin(sx) / (2 * Math.PI));
        assertEquals(kuboYx, b.total().yx(), 2e-5, "σ_yx");
        assertEquals(kuboSx, b.totalSpin().xx(), 2e-5 / (2 * Math.PI), "⟨s_x⟩/E_x");
        if (ef > bz) { // two sheets: both vanish
            assertEquals(0, b.total().yx(), 1e-9);
            assertEquals(0, b.totalSpin().xx(), 1e-9);
        }
    }

    /**
     * One band, two Fermi lines (m = 3: the lower band has a Mexican hat, min −0.435 at k = 1.37, −0.3 at k = 0, so
     * ε_F = −0.35 gives an annulus): intraband scattering between different |k| of the same band. Weaker disorder
     * (u₀² = 0.0025, 0.00125, 0.000625; ħ/τ_q ≈ 0.02 against 0.085 to the band bottom) because the ring-like density of
     * states is large. Measured Boltzmann −0.2962622, Kubo quadratic −0.2963141, linear −0.2965753: the difference,
     * 5e-5, is a fifth of the linear–quadratic spread (2.6e-4; at u₀² = 0.01…0.0025 the same comparison gave 2.6e-3
     * with spread 6e-4, i.e. the series was not yet asymptotic). Tolerance 1.5e-4.
     */
    @org.junit.jupiter.api.Test
    void annularFermiSeaOfOneBand() {
        double ef = -0.35;
        BoltzmannResult b = BoltzmannSolver.builder(new RashbaExchange(3, 0.5, 0, 0, 0.3)).disorder(0.0025).kMax(8).angles(64).build().solve(ef);
        assertEquals(2 * 64, b.fermiShell().size(), "two lines of the lower band");
        double[] u = {0.0025, 0.00125, 0.000625}, syx = new double[3];
        for (int i = 0; i < 3; i++) {
            Model m = Preset.COPT.with("m", 3.0).with("alpha", 0.5).with("bz", 0.3).with("gamma", u[i]).with("cutoffEnergy", 50.0).build();
            syx[i] = new Kubo(Ladder.fixed(m, ef, org.diffuson.green.SelfEnergies.bornOnShell(m, ef), "on-shell Born", GridOptions.defaults())).conductivityWithSea(1, 0).total();
        }
        System.out.printf("annulus: Boltzmann %.7f Kubo quadratic %.7f linear %.7f%n", b.total().yx(), quad(syx), lin(syx));
        assertEquals(quad(syx), b.total().yx(), 1.5e-4);
    }

    /** Without spin–orbit coupling there is no Hall effect: one sheet, σ_yx/α² converges as α → 0 (σ ∝ α²(1 + cα²)). */
    @org.junit.jupiter.api.Test
    void hallVanishesAsAlphaSquared() {
        double[] a = {0.1, 0.05, 0.025}, r = new double[3];
        for (int i = 0; i < 3; i++)
            r[i] = BoltzmannSolver.builder(new RashbaExchange(1, a[i], 0, 0, 0.3)).disorder(0.01).kMax(5).angles(64).build().solve(0.2).total().yx() / (a[i] * a[i]);
        // measured r = 0.7530, 0.7097, …: successive differences shrink by ≈ 4 (the α² correction); allow 0.3
        assertEquals(0, r[2] - r[1], 0.3 * Math.abs(r[1] - r[0]), java.util.Arrays.toString(r));
        assertEquals(r[2], r[1], 0.05 * r[1]);
    }
}
