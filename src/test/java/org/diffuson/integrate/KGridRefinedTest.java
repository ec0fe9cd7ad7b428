package org.diffuson.integrate;

import org.diffuson.model.QwzModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link KGrid#refined()}: the finer grid of the same kind that the zero-mode check of the Kubo ladder falls back on. */
class KGridRefinedTest {

    /** ∫ d²k/(2π)² e^{−k²}·(1 + cos 2θ·k) over |k| < 5: 1/4π·(1 − e^{−25}) (the cos 2θ term integrates to 0). */
    private static double integral(KGrid g) {
        double s = 0;
        for (int i = 0; i < g.size(); i++) {
            double kx = g.kx(i), ky = g.ky(i), k2 = kx * kx + ky * ky;
            s += g.weight(i) * Math.exp(-k2) * (1 + (kx * kx - ky * ky));
        }
        return s;
    }

    @Test
    void aPolarGridDoublesItsNodesAndAnglesOnTheSameBreakpoints() {
        KGrid g = KGrid.builder(2, 5).refineAround(1, 0.1).nodesPerPanel(4).angles(8).build();
        KGrid r = g.refined();
        assertEquals(8, r.nodesPerPanel());
        assertEquals(16, r.angularSize());
        assertArrayEquals(g.breakpoints(), r.breakpoints(), 0);
        double exact = (1 - Math.exp(-25)) / (4 * Math.PI);
        double coarse = Math.abs(integral(g) - exact), fine = Math.abs(integral(r) - exact);
        // measured 1.5e-6 → 3.4e-10 (4 → 8 Gauss–Legendre nodes per panel, 8 → 16 angles)
        assertTrue(fine < 1e-3 * coarse, "error " + coarse + " → " + fine);
        assertEquals(g.volume(), r.volume(), 1e-13 * g.volume());
    }

    @Test
    void aBrillouinZoneMeshDoublesNAndKeepsItsShiftAnExplicitPointGridCannotBeRefined() {
        QwzModel h = new QwzModel(1);
        KGrid g = KGrid.of(BrillouinZone.uniform(h, 6, 6, 0.25));
        KGrid r = g.refined();
        assertEquals(144, r.size());
        assertEquals(new BrillouinZone(2 * Math.PI, 0, 0, 2 * Math.PI, 12, 12, 0.25), r.zone().orElseThrow());
        assertEquals(g.volume(), r.volume(), 1e-14);
        double[] w = new double[g.size()];
        for (int i = 0; i < w.length; i++) w[i] = g.weight(i);
        assertNull(KGrid.ofPoints(2, w, w, w, w).refined());
    }
}
