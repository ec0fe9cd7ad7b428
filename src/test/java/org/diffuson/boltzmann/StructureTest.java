package org.diffuson.boltzmann;

import org.diffuson.integrate.BerryBands;
import org.diffuson.integrate.FermiContour;
import org.diffuson.model.MassiveDirac;
import org.diffuson.model.RashbaExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structural identities and limits of seed 002 Eqs. 74–86 and docs/equations.md ("Structural tests"), each against an exact statement. */
class StructureTest {
    static BoltzmannResult dirac(double m, double ef) {
        return BoltzmannSolver.builder(MassiveDirac.of(m)).disorder(0.01).kMax(4).angles(32).build().solve(ef);
    }

    /** J₀(n_FD) = 0: the equilibrium occupation is constant on an energy shell, on one and on two coupled sheets. */
    @Test
    void collisionKillsEquilibrium() {
        for (Object[] c : new Object[][]{{MassiveDirac.of(0.4), 1.0}, {new RashbaExchange(1, 0.6, 0, 0, 0.3), 1.0}}) {
            BerryBands w = new BerryBands(org.diffuson.model.GradientHamiltonian.of((org.diffuson.model.Hamiltonian) c[0]));
            double e = (Double) c[1];
            List<FermiContour> lines = FermiContour.find(w, e, 0, 0, 5, 32, 64);
            Shell s = new Shell(w, e, lines, new double[0][]);
            Collision col = new Collision(s, Shell.overlaps(s, s), 0.01);
            double[] ones = new double[s.size];
            java.util.Arrays.fill(ones, 1);
            double[] j = col.apply(ones);
            // exact zero up to rounding of a sum of P terms of size 1/τ_q ≈ 0.01
            for (double v : j) assertEquals(0, v, 1e-16);
            if (lines.size() == 2) assertEquals(1, col.components(), "interband scattering couples the two Rashba sheets");
        }
    }

    /** J₀ acting on the first angular harmonic gives 1/τ_tr = (1+3ξ²)/(2τ) [P 76]: an independent check of the kernel. */
    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.4, 0.7})
    void transportRateEigenvalue(double xi) {
        BerryBands w = new BerryBands(MassiveDirac.of(xi));
        List<FermiContour> lines = FermiContour.find(w, 1.0, 0, 0, 4, 32, 64);
        Shell s = new Shell(w, 1.0, lines, new double[0][]);
        Collision col = new Collision(s, Shell.overlaps(s, s), 0.01);
        double[] cos = new double[s.size];
        for (int p = 0; p < s.size; p++) cos[p] = Math.cos(s.theta[p]);
        double[] j = col.apply(cos);
        double invTau = Math.PI * 0.01 / (2 * Math.PI); // πu0²ρ, ρ = 1/2π at ε_F = 1
        for (int p = 0; p < s.size; p++) assertEquals((1 + 3 * xi * xi) / 2 * invTau * cos[p], j[p], 1e-16);
    }

    /** Σ_k Tr[R′ J(n^{(−1)})] = Σ β n^{(−1)} (adjoint identity) and consistent J₀ sources (solvability) to rounding. */
    @Test
    void adjointIdentityAndSolvability() {
        for (double xi : new double[]{0.2, 0.7}) {
            BoltzmannResult r = dirac(xi, 1);
            assertTrue(r.diagnostics().adjointResidual() < 1e-13, "adjoint " + r.diagnostics().adjointResidual());
            assertTrue(r.diagnostics().solvability() < 1e-13, "solvability " + r.diagnostics().solvability());
        }
    }

    /** M → 0 kills every Hall term (each ∝ ξ); exactly at M = 0 they vanish to rounding, as does ⟨s⟩ ∥ E. */
    @Test
    void massToZeroKillsHall() {
        BoltzmannResult zero = dirac(0, 1);
        for (Term t : Term.values()) {
            assertEquals(0, zero.sigma(t).yx(), 1e-13, t.name());
            assertEquals(0, zero.spin(t).xx(), 1e-13, t.name());
        }
        for (double xi : new double[]{1e-3, 1e-5}) {
            BoltzmannResult r = dirac(xi, 1);
            // closed forms are ≤ 1.5 ξ per term near ξ = 0 (int ξ/2, ext = sj ≈ ξ, sk ≈ 1.5ξ)
            for (Term t : Term.values()) if (t != Term.DRUDE) assertTrue(Math.abs(r.sigma(t).yx()) <= 1.5 * xi * (1 + 1e-6), t + " " + r.sigma(t).yx());
            assertEquals(4 * xi, r.total().yx(), 10 * xi * xi); // total = 4ξ + O(ξ²)... (4ξ(1+ξ²)/(1+3ξ²)² = 4ξ − 20ξ³)
        }
    }

    /** ξ → 1 (ε_F → M⁺): the Fermi-surface terms vanish ∝ (1−ξ²) and the total → ½ (intrinsic only). */
    @Test
    void xiToOneGivesHalf() {
        for (double delta : new double[]{1e-2, 1e-3, 1e-4}) {
            BoltzmannResult r = dirac(1 - delta, 1);
            // total = 4ξ(1+ξ²)/(1+3ξ²)² = ½ + δ/2 + O(δ²)
            assertEquals(0.5, r.total().yx(), 0.6 * delta);
            assertEquals((1 - delta) / 2, r.sigma(Term.INTRINSIC).yx(), 1e-9);
            if (delta <= 1e-3) assertFalse(r.warnings().isEmpty(), "ε_F within " + delta + " of the band edge must warn");
        }
    }

    /** ε_F in the gap: σ_yx = (e²/2h) sgn M, no Fermi shell, no dissipative or extrinsic term. */
    @Test
    void fermiLevelInGap() {
        for (double m : new double[]{0.5, -0.5, 2.0})
            for (double ef : new double[]{0, 0.3 * Math.abs(m), -0.2 * Math.abs(m)}) {
                BoltzmannResult r = dirac(m, ef);
                assertEquals(0.5 * Math.signum(m), r.total().yx(), 1e-9, "M=" + m + " ε_F=" + ef);
                assertEquals(0, r.total().xx(), 0);
                assertTrue(r.shells().isEmpty());
            }
    }

    /** Onsager: σ_xy(M) = σ_yx(−M), term by term, for the TI and for the two-sheet Rashba ferromagnet. */
    @Test
    void onsager() {
        for (boolean rashba : new boolean[]{false, true}) {
            double m = 0.3;
            BoltzmannResult p = rashba ? rashba(m) : dirac(m, 1), q = rashba ? rashba(-m) : dirac(-m, 1);
            for (Term t : Term.values()) {
                assertEquals(p.sigma(t).xy(), q.sigma(t).yx(), 1e-12, t.name());
                assertEquals(p.sigma(t).xx(), q.sigma(t).xx(), 1e-12 * Math.max(1, p.sigma(t).xx()), t.name());
            }
            // non-triviality on a single term: the two-sheet Rashba total vanishes (non-crossing result, RashbaSkewTest)
            assertTrue(Math.abs(p.sigma(Term.INTRINSIC).yx()) > 1e-3, "non-trivial Hall response");
        }
    }

    static BoltzmannResult rashba(double bz) {
        // α = 0.6 (not 0.5): with m = 1, α = 0.5, b = 0 the upper sheet's shadow energy would be exactly 0, the
        // Rashba band crossing at k = 0, which the solver rightly refuses as a band edge.
        return BoltzmannSolver.builder(new RashbaExchange(1, 0.6, 0, 0, bz)).disorder(0.01).kMax(5).angles(32).build().solve(1.0);
    }

    /** Time-reversal-symmetric Rashba 2DEG (b = 0, two sheets): every Hall term vanishes. */
    @Test
    void timeReversalRashbaHasNoHall() {
        BoltzmannResult r = rashba(0);
        assertEquals(3, r.shells().size(), "Fermi shell + one shadow shell per sheet");
        // rounding-level: 1e-13 relative to the largest conductivity in play (σ_xx ≈ 250 for the Drude row)
        double scale = Math.max(1, r.total().xx());
        for (Term t : Term.values()) assertEquals(0, r.sigma(t).yx(), 1e-13 * scale, t.name());
    }
}
