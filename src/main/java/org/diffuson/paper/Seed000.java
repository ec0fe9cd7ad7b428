package org.diffuson.paper;

import org.diffuson.ladder.Ladder;
import org.diffuson.ladder.LadderResult;
import org.diffuson.ladder.WardCheck;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.OperatorBasis;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The worked CoPt table of seed 000 (Sacksteder, spin diffusion in magnetized systems; docs/equations.md), a regression
 * record for {@code bench.Snapshot} and the tests. The figures F1–F8 are computed in visible, parameterised cells of
 * {@code notebooks/seed-000-spin-diffusion.ipynb}.
 */
public final class Seed000 {
    private Seed000() {}

    static double minEig(LadderResult r) {
        double m = Double.POSITIVE_INFINITY;
        for (Complex c : r.oneMinusCollisionEigenvalues()) m = Math.min(m, c.norm());
        return m;
    }

    /** The worked CoPt table of seed 000 Eqs. 20, 82–105 and the worked CoPt table of docs/equations.md (E = 0, cutoff 21 and 10): Σ, (1−I) entries, min|eig|, WTI, for the three Σ choices. */
    public static Table workedTable() {
        StringColumn choice = StringColumn.create("Σ choice");
        DoubleColumn cut = DoubleColumn.create("cutoff ε(kc)"), s0r = DoubleColumn.create("Re Σ0"), s0i = DoubleColumn.create("Im Σ0"),
                szr = DoubleColumn.create("Re Σz"), szi = DoubleColumn.create("Im Σz"), d00 = DoubleColumn.create("(1-I)00"),
                d0z = DoubleColumn.create("(1-I)0z"), me = DoubleColumn.create("min|eig(1-I0)|"), wti = DoubleColumn.create("WTI residual (RA, ω=0.01)");
        for (double uc : new double[]{21, 10}) {
            Ladder base = Ladder.scba(Preset.COPT.with("cutoffEnergy", uc).build(), 0.0);
            for (Ladder l : List.of(base, base.born(0.02), base.scalarBroadening())) {
                LadderResult r = l.atFermiLevel();
                CMatrix pm = r.oneMinusCollisionInBasis();
                Complex[] s = OperatorBasis.pauli().components(r.sigma1());
                WardCheck w = l.wardRetardedAdvanced(0.01);
                choice.append(l.selfEnergy().name());
                cut.append(uc);
                s0r.append(s[0].getReal()); s0i.append(s[0].getImaginary()); szr.append(s[3].getReal()); szi.append(s[3].getImaginary());
                d00.append(pm.re(0, 0)); d0z.append(pm.re(0, 3)); me.append(minEig(r)); wti.append(w.collisionForm());
            }
        }
        return Table.create("Worked CoPt example (m=1, α=0.5, bz=0.5, γ=0.1, E=0)", choice, cut, s0r, s0i, szr, szi, d00, d0z, me, wti);
    }

}
