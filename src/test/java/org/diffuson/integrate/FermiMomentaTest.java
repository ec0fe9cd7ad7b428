package org.diffuson.integrate;

import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.RashbaExchange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fermi momenta against the closed forms of the Rashba–exchange bands E_± = k²/2m ± √(α²k² + b²) (seed 000 eq 26):
 * (E − k²/2m)² = α²k² + b² is a quadratic in k². Tolerances: the root is solved to ~1e-15 k_c (1e-12 allowed), the
 * velocity is a central difference with relative step 1e-6 (error ≲ 1e-10 relative away from band extrema, 1e-8 allowed).
 */
class FermiMomentaTest {
    /** Closed-form crossings (k, v) of k²/2m ± √(α²k² + b²) = e. */
    static double[][] exact(double m, double alpha, double b, double e, double kc) {
        double qa = 1 / (4 * m * m), qb = -(e / m + alpha * alpha), qc = e * e - b * b, disc = qb * qb - 4 * qa * qc;
        java.util.List<double[]> out = new java.util.ArrayList<>();
        if (disc >= 0)
            for (double x : new double[]{(-qb - Math.sqrt(disc)) / (2 * qa), (-qb + Math.sqrt(disc)) / (2 * qa)}) {
                if (x <= 0 || x >= kc * kc) continue;
                double k = Math.sqrt(x), root = Math.sqrt(alpha * alpha * x + b * b);
                int s = e - x / (2 * m) > 0 ? 1 : -1;
                out.add(new double[]{k, Math.abs(k / m + s * alpha * alpha * k / root)});
            }
        out.sort((p, q) -> Double.compare(p[0], q[0]));
        return out.toArray(new double[0][]);
    }

    static void check(double m, double alpha, double b, double e, double kc) { check(m, alpha, b, e, kc, 1e-8); }

    static void check(double m, double alpha, double b, double e, double kc, double vTol) {
        List<FermiMomenta.Crossing> cs = FermiMomenta.find(new RashbaExchange(m, alpha, 0, 0, b), null, e, kc);
        double[][] ex = exact(m, alpha, b, e, kc);
        assertEquals(ex.length, cs.size(), "number of crossings at E=" + e + ": " + cs);
        for (int i = 0; i < ex.length; i++) {
            assertEquals(ex[i][0], cs.get(i).k(), 1e-12 * kc, "k_F");
            assertEquals(ex[i][1], cs.get(i).velocity(), vTol * ex[i][1], "v_F");
        }
    }

    @Test
    void rashbaExchangeBandsInEveryRegime() {
        // one band, two bands, and the Rashba ring below the band touching point (two crossings of the lower band)
        for (double e : new double[]{-0.3, 0.0, 0.7, 3.0}) check(1, 0.5, 0.5, e, Math.sqrt(42));
        check(1, 0.2, 0, -0.019, Math.sqrt(200)); // ring: minimum −mα²/2 = −0.02; crossings 0.0448 apart, far below the scan step
        // ring a hair above its bottom: crossings 4.5e-4 apart; v ~ 4e-4, so the difference step (1e-6 k_F) sees the
        // curvature: measured relative velocity error 2.5e-8, allowed 1e-7
        check(1, 0.2, 0, -0.0199999, Math.sqrt(200), 1e-7);
    }

    @Test
    void diracSurfaceAndShift() {
        // TI surface: E = √(α²k² + b²) ⇒ k_F = √(E² − b²)/|α|, v = α²k_F/E
        for (double b : new double[]{0.005, 0.5, 0.995}) {
            List<FermiMomenta.Crossing> cs = FermiMomenta.find(new RashbaExchange(Double.POSITIVE_INFINITY, -1, 0, 0, b), null, 1.0, 40);
            assertEquals(1, cs.size());
            double kf = Math.sqrt(1 - b * b);
            assertEquals(kf, cs.get(0).k(), 1e-13);
            assertEquals(kf, cs.get(0).velocity(), 1e-9);
        }
        // a Hermitian shift s0 + s_z σ_z moves E → E − s0 and b → b + s_z
        CMatrix shift = Pauli.S0.scale(0.1).plus(Pauli.SZ.scale(-0.2));
        List<FermiMomenta.Crossing> cs = FermiMomenta.find(new RashbaExchange(Double.POSITIVE_INFINITY, -1, 0, 0, 0.5), shift, 1.0, 40);
        assertEquals(Math.sqrt(0.81 - 0.09), cs.get(0).k(), 1e-13);
        // in the gap: none
        assertEquals(0, FermiMomenta.find(new RashbaExchange(Double.POSITIVE_INFINITY, -1, 0, 0, 0.5), null, 0.0, 40).size());
    }

    /**
     * A builder model's band scan is kept for the next call on the same thread (the on-shell Born Σ and the grid
     * policy ask the same question): the kept answer equals a fresh scan of an equal model, for any shift and energy.
     */
    @Test
    void keptScanAnswersLikeAFreshOne() {
        var h = org.diffuson.model.Hamiltonians.rashbaExchange(true).with("m", 1, "alpha", 0.2, "bx", 0, "by", 0, "bz", 0.1);
        var same = org.diffuson.model.Hamiltonians.rashbaExchange(true).with("m", 1, "alpha", 0.2, "bx", 0, "by", 0, "bz", 0.1);
        CMatrix shift = Pauli.SZ.scale(-0.03);
        for (double e : new double[]{-0.05, 0.3, 0.3, 1.0}) {
            for (CMatrix s : new CMatrix[]{null, shift, Pauli.SZ.scale(-0.03)}) {
                List<FermiMomenta.Crossing> kept = FermiMomenta.find(h, s, e, 20), fresh = FermiMomenta.find(same, s, e, 20);
                assertEquals(fresh, kept);
                assertEquals(fresh, FermiMomenta.find(h, s, e, 20));
                org.junit.jupiter.api.Assertions.assertArrayEquals(FermiMomenta.extrema(same, s, 20), FermiMomenta.extrema(h, s, 20));
                org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, kept::clear);
            }
        }
    }

    /**
     * Bands proven strictly monotone (the massive Dirac surface, any gap, with or without a σ_z shift) are bisected over
     * the scan's own samples: the crossings equal the full scan's bit for bit (same bracket, same Brent iterates), k_F
     * the closed form √(E² − b²)/|α| to 1e-13, and no extrema. The Rashba ring (a turning lower band) is not proven
     * monotone and keeps the full scan with its extremum.
     */
    @Test
    void monotoneBandsBisectLikeTheFullScan() {
        var dirac = org.diffuson.model.Hamiltonians.rashbaExchange(false);
        CMatrix[] shifts = {null, Pauli.SZ.scale(-0.07), Pauli.S0.scale(0.1).plus(Pauli.SZ.scale(0.2))};
        double alpha = -1.0;
        for (double b : new double[]{0, 0.005, 0.3, 0.995, 2.0}) {
            var h = dirac.with("alpha", alpha, "bx", 0, "by", 0, "bz", b);
            for (CMatrix s : shifts) {
                assertEquals(true, FermiMomenta.monotoneBands(h.axisCoefficients(), s == null ? new double[8] : s.toArray()), "b=" + b);
                for (double e : new double[]{-3, -1, -0.5, 0, b, 0.2, 1.0, 1.0 + 1e-12, 7, 39.9, 45}) {
                    FermiMomenta.Scan fast = new FermiMomenta.Scan(h, s, 40, true), full = new FermiMomenta.Scan(h, s, 40, false);
                    assertEquals(full.crossings(e), fast.crossings(e), "b=" + b + " E=" + e + " shift " + s);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(full.extrema(), fast.extrema());
                    if (s == null && e > b && e < 40) assertEquals(Math.sqrt(e * e - b * b) / Math.abs(alpha), fast.crossings(e).get(fast.crossings(e).size() - 1).k(), 1e-13 * Math.max(1, e));
                }
            }
        }
        var ring = org.diffuson.model.Hamiltonians.rashbaExchange(true).with("m", 1, "alpha", 0.5, "bx", 0, "by", 0, "bz", 0.1);
        assertEquals(false, FermiMomenta.monotoneBands(ring.axisCoefficients(), new double[8]));
        assertEquals(1, FermiMomenta.extrema(ring, null, 20).length);
        check(1, 0.5, 0.1, -0.1, 20);
    }

    /**
     * The 4m′²Q branch of the proof, on the massive Rashba–exchange bands E_± = k²/2m ± √(α²k² + b²) (k_x axis): P =
     * 4k²[(α²k² + b²)/m² − α⁴] has coefficients of one sign iff b² > α⁴m², the Mexican-hat threshold α²m = |b| (the
     * lower band turns at k > 0 below it). α = 0.5, m = 1: b = 0.25·(1 + 10⁻³) is proven monotone, b = 0.25·(1 − 10⁻³)
     * is not, and b = 0.25 itself (P's k² coefficient cancels to 0) is not; a σ_x shift s_x adds to b² on the k_x axis
     * (b² → b_z² + s_x², orthogonal to the −αk_x σ_y term). Proven or not, the crossings equal the full scan's bit for
     * bit and the closed form {@link #exact} (E − s_0, b_eff) to 1e-12·k_c.
     */
    @Test
    void mexicanHatThresholdDecidesTheProof() {
        var copt = org.diffuson.model.Hamiltonians.rashbaExchange(true);
        double alpha = 0.5, m = 1, kc = 20;
        // {b_z, s_0, s_x, proven}
        double[][] cases = {{0.25 * (1 + 1e-3), 0, 0, 1}, {0.25 * (1 - 1e-3), 0, 0, 0}, {0.25, 0, 0, 0}, {-0.25 * (1 + 1e-3), 0, 0, 1},
                {0.25, 0.1, 0.05, 1}, {0.2, 0.1, 0.05, 0}};
        for (double[] c : cases) {
            var h = copt.with("m", m, "alpha", alpha, "bx", 0, "by", 0, "bz", c[0]);
            CMatrix s = c[1] == 0 && c[2] == 0 ? null : Pauli.S0.scale(c[1]).plus(Pauli.SX.scale(c[2]));
            String at = java.util.Arrays.toString(c);
            assertEquals(c[3] == 1, FermiMomenta.monotoneBands(h.axisCoefficients(), s == null ? new double[8] : s.toArray()), at);
            double beff = Math.hypot(c[0], c[2]);
            for (double e : new double[]{-0.5, -0.3, -0.2502, -0.25, -0.2, 0, 0.1, 1.0, 5}) {
                FermiMomenta.Scan fast = new FermiMomenta.Scan(h, s, kc, true), full = new FermiMomenta.Scan(h, s, kc, false);
                assertEquals(full.crossings(e), fast.crossings(e), at + " E=" + e);
                double[][] ex = exact(m, alpha, beff, e - c[1], kc);
                assertEquals(ex.length, fast.crossings(e).size(), at + " E=" + e);
                for (int i = 0; i < ex.length; i++) assertEquals(ex[i][0], fast.crossings(e).get(i).k(), 1e-12 * kc, at + " E=" + e);
            }
        }
    }
}
