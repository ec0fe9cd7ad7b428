package org.diffuson.ladder;

import org.diffuson.green.Energy;
import org.diffuson.green.Scba;
import org.diffuson.green.ScbaResult;
import org.diffuson.integrate.KGrid;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The finite-q bubble's adaptive angular rule against a brute-force sum over an explicit 512-angle point grid built
 * from the same radial nodes (the full-grid code path, no adaptivity): agreement to 1e-12 relative, and few angles in
 * the diffusive regime.
 */
class AdaptiveAngleTest {
    @Test
    void adaptiveEqualsBruteForce() {
        Model m = Preset.COPT.build();
        ScbaResult r = Scba.solve(m, 0.0);
        KGrid g = r.grid();
        Bubble brute = new Bubble(m, g.toPointGrid(512)), adaptive = new Bubble(m, g);
        double ell = Ladder.fromScba(r, org.diffuson.green.ScbaOptions.defaults()).meanFreePath();
        for (double ql : new double[]{0.01, 0.1, 1.0}) {
            double[] q = {ql / ell * 0.8, ql / ell * 0.6};
            Superoperator a = adaptive.compute(q, Energy.retarded(0), r.sigma(), Energy.advanced(0), r.sigma().dagger());
            Superoperator b = brute.compute(q, Energy.retarded(0), r.sigma(), Energy.advanced(0), r.sigma().dagger());
            double rel = a.minus(b).normMax() / b.normMax();
            assertTrue(rel < 1e-12, "qℓ=" + ql + ": " + rel);
            if (ql <= 0.1) assertTrue(adaptive.lastAngles() <= 16, "angles used: " + adaptive.lastAngles());
        }
    }
}
