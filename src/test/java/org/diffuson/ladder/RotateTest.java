package org.diffuson.ladder;

import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Ladder#rotate}: the ladder at R_φ q from the one at q (rotation covariance of CoPt, j = ±½) against the ladder
 * computed directly at R_φ q — two methods. The direct one uses the adaptive angular rule (relative tolerance 1e-13
 * on a grid that is not rotated with q), so they agree to ~1e-13; tolerance 1e-11 of the largest entry.
 */
class RotateTest {
    @Test
    void rotatedLadderEqualsDirectLadder() {
        Ladder l = Ladder.scba(Preset.COPT.build(), 0.3);
        assertTrue(l.rotationCovariant());
        double h = 0.05 / l.meanFreePath();
        LadderResult base = l.retardedAdvanced(new double[]{h, 0}, 0.0);
        for (double phi : new double[]{Math.PI / 2, Math.PI, -Math.PI / 2, Math.PI / 4, 2.0}) {
            LadderResult rot = l.rotate(base, phi), direct = l.retardedAdvanced(new double[]{h * Math.cos(phi), h * Math.sin(phi)}, 0.0);
            double scale = direct.bubble().normMax();
            assertEquals(0, rot.bubble().minus(direct.bubble()).normMax(), 1e-11 * scale, "bubble at φ=" + phi);
            assertEquals(0, rot.kinetic().minus(direct.kinetic()).normMax(), 1e-11 * direct.kinetic().normMax(), "K at φ=" + phi);
            assertEquals(direct.q()[1], rot.q()[1], 1e-15);
        }
    }
}
