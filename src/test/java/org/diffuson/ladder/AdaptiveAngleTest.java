package org.diffuson.ladder;

import org.diffuson.green.Energy;
import org.diffuson.green.Scba;
import org.diffuson.green.ScbaResult;
import org.diffuson.integrate.KGrid;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The finite-q bubble's adaptive angular rule against a brute-force sum over an explicit 512-angle point grid built
 * from the same radial nodes (the full-grid code path, no adaptivity): agreement to 1e-12 relative, and few angles in
 * the diffusive regime.
 */
class AdaptiveAngleTest {
    @Test
    void adaptiveEqualsBruteForce() {
        check(Preset.COPT.build(), true);
    }

    /** FULL (Drude), AXIAL with j = ±½ (Rashba) and no symmetry (CoPt with an in-plane exchange field). */
    @Test
    void adaptiveEqualsBruteForceForEverySymmetryClass() {
        check(Preset.DRUDE.build(), false);
        check(Preset.RASHBA.build(), false);
        Model inPlane = Preset.COPT.with("bx", 0.3).build();
        assertEquals(org.diffuson.model.Isotropy.Kind.NONE, inPlane.hamiltonian().isotropy().kind());
        check(inPlane, false);
    }

    /** The first angular level: the smallest power of two above the largest q = 0 harmonic, at least 4; 8 without symmetry. */
    @Test
    void firstLevelFollowsTheHarmonicContent() {
        assertEquals(4, Bubble.minAngles(org.diffuson.model.Isotropy.full(2)));
        assertEquals(4, Bubble.minAngles(org.diffuson.model.Isotropy.axial(0.5, -0.5)));      // |m| ≤ 2
        assertEquals(8, Bubble.minAngles(org.diffuson.model.Isotropy.axial(1.5, -1.5)));      // |m| ≤ 6
        assertEquals(8, Bubble.minAngles(org.diffuson.model.Isotropy.NONE));
    }

    private static void check(Model m, boolean countAngles) {
        ScbaResult r = Scba.solve(m, 0.0);
        KGrid g = r.grid();
        Bubble brute = new Bubble(m, g.toPointGrid(512)), adaptive = new Bubble(m, g);
        double ell = Ladder.fromScba(r, org.diffuson.green.ScbaOptions.defaults()).meanFreePath();
        for (double ql : new double[]{0.001, 0.01, 0.1, 1.0}) {
            double[] q = {ql / ell * 0.8, ql / ell * 0.6};
            Superoperator a = adaptive.compute(q, Energy.retarded(0), r.sigma(), Energy.advanced(0), r.sigma().dagger());
            Superoperator b = brute.compute(q, Energy.retarded(0), r.sigma(), Energy.advanced(0), r.sigma().dagger());
            double rel = a.minus(b).normMax() / b.normMax();
            assertTrue(rel < 1e-12, m.name() + " qℓ=" + ql + ": " + rel + " with " + adaptive.lastAngles() + " angles");
            if (countAngles && ql <= 0.1) assertTrue(adaptive.lastAngles() <= 16, "angles used: " + adaptive.lastAngles());
            if (countAngles && ql <= 0.001) assertTrue(adaptive.lastAngles() <= 8, "angles used at qℓ = 0.001: " + adaptive.lastAngles());
        }
    }
}
