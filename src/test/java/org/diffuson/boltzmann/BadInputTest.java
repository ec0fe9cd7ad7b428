package org.diffuson.boltzmann;

import org.diffuson.DiffusonException;
import org.diffuson.model.MassiveDirac;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gives a named error or a warning, never a silent wrong number. */
class BadInputTest {
    static BoltzmannSolver dirac(double m) { return BoltzmannSolver.builder(MassiveDirac.of(m)).disorder(0.01).kMax(4).angles(32).build(); }

    @Test
    void degenerateBandsAtTheFermiLevel() {
        // M = 0, ε_F = 0: the Dirac point (two degenerate bands) sits at the Fermi level
        DiffusonException e = assertThrows(DiffusonException.class, () -> dirac(0).solve(0));
        assertEquals("fermiEnergy", e.parameter());
        // M → 0 with ε_F in the closing gap: R′ ∝ 1/(2M) is unresolvable — refused, not integrated
        DiffusonException g = assertThrows(DiffusonException.class, () -> dirac(1e-9).solve(0));
        assertEquals("fermiEnergy", g.parameter());
        assertTrue(g.getMessage().contains("degenerate"), g.getMessage());
    }

    @Test
    void fermiLevelAtBandEdge() {
        DiffusonException e = assertThrows(DiffusonException.class, () -> dirac(0.4).solve(0.4));
        assertEquals("fermiEnergy", e.parameter());
        assertTrue(e.getMessage().contains("band edge"), e.getMessage());
        assertFalse(e.hint().isEmpty());
        // just above the edge: a number, but with a validity warning (ħ/τ_q not ≪ ε_F − M)
        BoltzmannResult r = dirac(0.4).solve(0.4 * (1 + 1e-5));
        assertFalse(r.warnings().isEmpty());
        assertTrue(r.warnings().get(0).contains("unreliable"));
    }

    @Test
    void fermiLineOutsideSearchRadius() {
        DiffusonException e = assertThrows(DiffusonException.class,
                () -> BoltzmannSolver.builder(MassiveDirac.of(0.2)).disorder(0.01).kMax(0.5).build().solve(1));
        assertEquals("kMax", e.parameter());
    }

    @Test
    void missingSettings() {
        assertEquals("disorder", assertThrows(DiffusonException.class, () -> BoltzmannSolver.builder(MassiveDirac.of(0.2)).kMax(2).build()).parameter());
        assertEquals("kMax", assertThrows(DiffusonException.class, () -> BoltzmannSolver.builder(MassiveDirac.of(0.2)).disorder(0.1).build()).parameter());
        assertEquals("disorder", assertThrows(DiffusonException.class, () -> BoltzmannSolver.builder(MassiveDirac.of(0.2)).disorder(-1)).parameter());
    }
}
