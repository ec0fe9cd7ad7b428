package org.diffuson.ladder;

import org.diffuson.green.ScbaOptions;
import org.diffuson.integrate.GridOptions;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The pole finder's stopping rule (seed 000 Eqs. 8–10, Sec. I.F): a pole returned from Muller's step, where λ was never
 * evaluated, must be a root of λ(ω) all the same. Oracle: λ evaluated afterwards at the returned ω, against the slope
 * |λ′|·|ω| (a relative error δ of ω gives |λ| ≈ δ·|λ′|·|ω|), and the root a secant iteration run on to its rounding
 * floor finds.
 */
class PoleFinderTest {
    @Test
    void mullerAcceptedPoleIsARootOfTheVanishingEigenvalue() {
        Ladder l = Ladder.scba(Preset.COPT.build(), 0.0, new GridOptions(12, 64, 16, 16), ScbaOptions.defaults());
        double[] q = {0.1 / l.meanFreePath(), 0};
        Complex start = l.diffusion().expandedPole(q);
        PoleFinder.Pole p = PoleFinder.find(l, q, start);
        // from the expanded pole (3.8e-4 off) the secant and Muller steps agree after three evaluations of K
        assertEquals(2, p.iterations(), "three evaluations: two starts and one secant point");
        Complex w = p.omega();
        Complex lam = PoleFinder.smallestEigen(l, q, w, null);
        double h = 1e-4 * w.norm();
        Complex slope = PoleFinder.smallestEigen(l, q, w.add(h), lam).subtract(PoleFinder.smallestEigen(l, q, w.subtract(h), lam)).divide(2 * h);
        // 1e-11: the SCBA at complex ω is solved to 1e-13 (Σ ~ 0.06), so λ carries ~1e-15 of noise, i.e. ~3e-12 of ω
        // (measured 1.3e-13 now, 2.6e-12 at an earlier commit); the pole's grid error is 6.8e-11
        assertTrue(lam.norm() <= 1e-11 * slope.norm() * w.norm(), "|λ(ω)| = " + lam.norm() + " vs |λ′||ω| = " + slope.norm() * w.norm());
        // the secant run on from the same start to its rounding floor
        Complex w0 = start, w1 = start.add(new Complex(0, -1e-3 * start.norm()));
        Complex f0 = PoleFinder.smallestEigen(l, q, w0, null), f1 = PoleFinder.smallestEigen(l, q, w1, f0);
        for (int it = 0; it < 6; it++) {
            Complex w2 = w1.subtract(f1.multiply(w1.subtract(w0)).divide(f1.subtract(f0)));
            w0 = w1;
            f0 = f1;
            w1 = w2;
            f1 = PoleFinder.smallestEigen(l, q, w1, f0);
        }
        assertEquals(0, w1.subtract(w).norm() / w.norm(), 1e-11, "converged secant root " + w1 + " vs " + w);
    }

    @Test
    void parallelStartGivesTheSerialPoleBitForBit() {
        Ladder scba = Ladder.scba(Preset.COPT.build(), 0.0, new GridOptions(12, 64, 16, 16), ScbaOptions.defaults());
        double[] q = {0.1 / scba.meanFreePath(), 0};
        Complex start = scba.diffusion().expandedPole(q);
        // fresh ladders on the same SCBA result: nothing solved or kept carries over between the two searches
        PoleFinder.Pole serial = PoleFinder.find(Ladder.fromScba(scba.scbaResult(), ScbaOptions.defaults()), q, start, false);
        PoleFinder.Pole parallel = PoleFinder.find(Ladder.fromScba(scba.scbaResult(), ScbaOptions.defaults()), q, start, true);
        assertEquals(serial.omega(), parallel.omega());
        assertEquals(serial.iterations(), parallel.iterations());
    }

    @Test
    void continuedSigmaFromTheExtrapolatedSeedIsTheScbaSolution() {
        // a pole search's Σ(E + ω) is seeded on the line through the two nearest solutions; it must be the SCBA
        // solution all the same: against Scba.solve seeded with Σ(E), within twice the SCBA tolerance (1e-13 each)
        Ladder l = Ladder.scba(Preset.COPT.build(), 0.0, new GridOptions(12, 64, 16, 16), ScbaOptions.defaults());
        Complex w = new Complex(-1.6e-7, -3.484e-4);
        for (Complex omega : new Complex[]{w, w.multiply(1.001), w.multiply(0.9995), w.multiply(1.0004)}) {
            org.diffuson.green.Energy e = org.diffuson.green.Energy.retarded(0).shift(omega);
            org.diffuson.linalg.CMatrix s = l.sigma(e);
            org.diffuson.linalg.CMatrix ref = org.diffuson.green.Scba.solve(l.resolvent(), e, l.scbaResult().sigma(), ScbaOptions.defaults()).sigma();
            assertEquals(0, s.minus(ref).normMax(), 2e-13, "Σ at ω = " + omega);
        }
    }
}
