package org.diffuson.ladder;

import org.diffuson.green.Energy;
import org.diffuson.green.ScbaOptions;
import org.diffuson.integrate.GridOptions;
import org.diffuson.linalg.CMatrix;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bubble keeps H(k ± q/2) and G(k − q/2, z2) of its last finite-q angular levels, so that a pole search (same q,
 * new z1) evaluates and inverts only the z1 side. The oracle is a fresh bubble on the same k-space, which has kept
 * nothing: the repeated bubble must be the same bit for bit, for a new z1, for a new z2 and for a new q.
 */
class BubbleReuseTest {
    @Test
    void keptFiniteQTablesGiveTheFreshBubbleExactly() {
        Ladder l = Ladder.scba(Preset.COPT.build(), 0.0, new GridOptions(12, 64, 16, 16), ScbaOptions.defaults());
        Bubble kept = l.bubble();
        double q = 0.1 / l.meanFreePath();
        double[][] qs = {{q, 0}, {q, 0}, {q, 0}, {0.7 * q, 0.2 * q}};
        Energy[] z1 = {Energy.retarded(0).shift(new Complex(0, -3e-4)), Energy.retarded(0).shift(new Complex(1e-5, -3.5e-4)),
                Energy.retarded(0).shift(new Complex(1e-5, -3.5e-4)), Energy.retarded(0)};
        Energy[] z2 = {Energy.advanced(0), Energy.advanced(0), Energy.advanced(2e-4), Energy.advanced(0)};
        for (int i = 0; i < qs.length; i++) {
            CMatrix s1 = l.sigma(z1[i]), s2 = l.sigma(z2[i]);
            double[] reused = kept.compute(qs[i], z1[i], s1, z2[i], s2).matrix().toArray();
            Bubble fresh = new Bubble(l.model(), l.resolvent().space());
            double[] direct = fresh.compute(qs[i], z1[i], s1, z2[i], s2).matrix().toArray();
            assertArrayEquals(direct, reused, 0, "call " + i);
            assertEquals(fresh.lastAngles(), kept.lastAngles());
        }
    }
}
