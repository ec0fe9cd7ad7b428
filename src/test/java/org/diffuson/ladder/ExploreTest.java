package org.diffuson.ladder;

import org.diffuson.green.*;
import org.diffuson.model.*;
import org.diffuson.linalg.*;
import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void explore() {
        Model m = Preset.COPT.build();
        Ladder l = Ladder.scba(m, 0.0);
        LadderResult r = l.atFermiLevel();
        System.out.println(r);
        System.out.println(java.util.Arrays.toString(r.oneMinusCollisionEigenvalues()));
        System.out.println(l.wardRetardedAdvanced(0.0));
        System.out.println(l.wardRetardedAdvanced(0.01));
        Ladder b = l.born(0.02);
        System.out.println(java.util.Arrays.toString(b.atFermiLevel().oneMinusCollisionEigenvalues()));
        Ladder c = l.scalarBroadening();
        System.out.println(java.util.Arrays.toString(c.atFermiLevel().oneMinusCollisionEigenvalues()));
        Model d = Preset.DRUDE.with("gamma", 0.2).build();
        Ladder ld = Ladder.scba(d, 10.0);
        DiffusionOperator op = ld.diffusion();
        System.out.println(op);
        double tau = ld.scbaResult().tau();
        double vf = Math.sqrt(2 * (10 - ld.scbaResult().scalarPart().getReal()));
        System.out.println("expected D = " + vf * vf * tau / 2 + " tau=" + tau);
        long t0 = System.nanoTime();
        DiffusionOperator op2 = l.diffusion();
        System.out.println(op2 + " " + (System.nanoTime() - t0) / 1e6 + " ms");
    }
}
