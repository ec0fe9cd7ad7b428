package org.diffuson.sweep;

import org.diffuson.green.ScbaResult;
import org.diffuson.green.Scba;
import org.diffuson.ladder.Ladder;
import org.diffuson.ladder.LadderResult;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.OperatorBasis;
import org.diffuson.model.Model;
import org.hipparchus.complex.Complex;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ready-made energy scans of a model (parallel, with progress), returning tables ready for {@code Plots.line}. */
public final class Scans {
    private Scans() {}

    /** SCBA Σ(E) in the standard basis: columns "Re Σ_i", "Im Σ_i" per basis element, plus iterations. */
    public static Table selfEnergy(Model model, double[] energies, Progress progress) {
        OperatorBasis b = OperatorBasis.standard(model.dim());
        return Sweep.run("SCBA Σ(E) of " + model.name(), "E", energies, e -> {
            ScbaResult r = Scba.solve(model, e);
            Complex[] c = b.components(r.sigma());
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < c.length; i++) {
                m.put("Re Σ_" + b.name(i), c[i].getReal());
                m.put("Im Σ_" + b.name(i), c[i].getImaginary());
            }
            m.put("iterations", (double) r.iterations());
            return m;
        }, progress);
    }

    /**
     * The q = ω = 0 RA ladder vs E: Pauli entries (1−I)_ij (real parts), smallest |eig(1−I₀)| and the WTI residual
     * (RA, ω = 0.01/τ): BNM's reading and the conserving one side by side.
     */
    public static Table collision(Model model, double[] energies, Progress progress) {
        OperatorBasis b = OperatorBasis.standard(model.dim());
        return Sweep.run("1 − I₀ vs E, " + model.name(), "E", energies, e -> {
            Ladder l = Ladder.scba(model, e);
            LadderResult r = l.atFermiLevel();
            CMatrix p = r.oneMinusCollisionInBasis();
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < b.size(); i++)
                for (int j = 0; j < b.size(); j++) m.put("(1-I)" + b.name(i) + b.name(j), p.re(i, j));
            double min = Double.POSITIVE_INFINITY;
            for (Complex c : r.oneMinusCollisionEigenvalues()) min = Math.min(min, c.norm());
            m.put("min|eig|", min);
            m.put("WTI residual", l.wardRetardedAdvanced(0.01 / l.scbaResult().tau()).relative());
            return m;
        }, progress);
    }
}
