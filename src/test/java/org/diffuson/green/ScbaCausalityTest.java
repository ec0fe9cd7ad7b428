package org.diffuson.green;

import org.diffuson.integrate.GridOptions;
import org.diffuson.integrate.KGrid;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Causality of the retarded SCBA self-energy, Im Σᴿ ≤ 0 (the broadening −(Σᴿ − Σᴿ†)/2i is positive semi-definite),
 * across the band bottom of the CoPt model k²/2m + α(k_yσ_x − k_xσ_y) + b_zσ_z with scalar disorder γ (seed 000
 * Eqs. 2, 24–46; the tutorial's model). Before the fix, Anderson mixing stepped across the real axis at E = −0.65 and
 * −0.6 (just inside the band tail) and converged to the advanced fixed point Σ†, with broadening eigenvalues
 * −0.0226, −6.4e-4 and −0.0485, −0.0019.
 *
 * <p>Oracle: an independent closed form of the same SCBA. With scalar disorder Σ = Σ_0 + Σ_zσ_z, the angular average
 * kills the σ_x, σ_y parts of G, and with u = k²/2m (m = 1, ∫d²k/(2π)² = (1/2π)∫du)
 * ∫G = (1/2π)∫₀^{U_C} du [(w − u) + Bσ_z] / [(u − u₊)(u − u₋)], w = z − Σ_0, B = b_z + Σ_z,
 * u± = w + α² ± √(α⁴ + 2wα² + B²): two logarithms, no k-grid, solved by linear mixing (a convex step that cannot
 * leave the lower half plane) at z = E + i·1e-300.
 */
class ScbaCausalityTest {
    static final double ALPHA = 0.5, BZ = 0.5, GAMMA = 0.1, UC = 21.0;

    /** Principal Log(U_C − a) − Log(−a) = ∫₀^{U_C} du/(u − a) for a off the segment. */
    static Complex logSegment(Complex a) {
        return new Complex(UC).subtract(a).log().subtract(a.negate().log());
    }

    /** (Σ_0, Σ_z) ↦ γ ∫d²k/(2π)² G in closed form. */
    static Complex[] map(Complex z, Complex s0, Complex sz) {
        Complex w = z.subtract(s0), b = sz.add(BZ);
        Complex root = w.multiply(2 * ALPHA * ALPHA).add(Math.pow(ALPHA, 4)).add(b.multiply(b)).sqrt();
        Complex up = w.add(ALPHA * ALPHA).add(root), um = w.add(ALPHA * ALPHA).subtract(root);
        Complex lp = logSegment(up), lm = logSegment(um), den = up.subtract(um);
        Complex i0 = lp.subtract(lm).divide(den);                                   // ∫du / D
        Complex i1 = up.multiply(lp).subtract(um.multiply(lm)).divide(den);         // ∫u du / D
        double f = GAMMA / (2 * Math.PI);
        return new Complex[]{w.multiply(i0).subtract(i1).multiply(f), b.multiply(i0).multiply(f)};
    }

    /** Closed-form SCBA (Σ_0, Σ_z) at E + i·1e-300 by linear mixing from the causal seed −0.1i. */
    static Complex[] closedForm(double e) {
        Complex z = new Complex(e, 1e-300), s0 = new Complex(0, -0.1), sz = Complex.ZERO;
        for (int it = 0; it < 200000; it++) {
            Complex[] n = map(z, s0, sz);
            double res = Math.max(n[0].subtract(s0).norm(), n[1].subtract(sz).norm());
            s0 = s0.add(n[0]).multiply(0.5);
            sz = sz.add(n[1]).multiply(0.5);
            if (res < 1e-15) return new Complex[]{s0, sz};
        }
        throw new AssertionError("closed-form SCBA did not converge at E=" + e);
    }

    /** Largest eigenvalue of Im Σ = (Σ − Σ†)/2i (must be ≤ 0 for a retarded Σ). */
    static double maxImEigen(CMatrix s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : Eigen.hermitian(s.minus(s.dagger()).scale(0, -0.5)).values()) max = Math.max(max, v);
        return max;
    }

    @Test
    void retardedSigmaIsCausalAndMatchesTheClosedFormAcrossTheBandBottom() {
        Model model = Preset.COPT.build(); // α = 0.5, b_z = 0.5, γ = 0.1, U_C = 21: the bare band bottom is −b_z = −0.5
        double worstCausal = Double.NEGATIVE_INFINITY, worstOracle = 0;
        for (double e : new double[]{-0.9, -0.75, -0.7, -0.65, -0.6, -0.55, -0.5, -0.4}) {
            ScbaResult r = Scba.solve(model, e);
            CMatrix s = r.sigma();
            double causal = maxImEigen(s);
            worstCausal = Math.max(worstCausal, causal);
            // rounding: |Σ| ~ 0.1, so Im Σ may be +1e-17 where it is exactly 0 (below the SCBA band edge)
            assertTrue(causal <= 1e-14, "Im Σᴿ must be ≤ 0: largest eigenvalue of Im Σ = " + causal + " at E=" + e);
            Complex[] c = closedForm(e);
            double d = Math.max(s.get(0, 0).subtract(c[0].add(c[1])).norm(), s.get(1, 1).subtract(c[0].subtract(c[1])).norm());
            worstOracle = Math.max(worstOracle, d);
            assertEquals(0, d, 1e-12, "Σ vs closed form at E=" + e + ": grid " + s + " closed (Σ0, Σz) = " + c[0] + ", " + c[1]);
        }
        System.out.printf("SCBA causality: largest Im Σ eigenvalue %.2e; max |Σ − closed form| %.2e%n", worstCausal, worstOracle);
    }

    @Test
    void andersonAndLinearMixingReachTheSameCausalFixedPoint() {
        // At E = −0.6 the defect returned Σ† (Anderson) while linear mixing found Σ; both must now agree.
        Model model = Preset.COPT.build();
        ScbaResult a = Scba.solve(model, -0.6);
        ScbaResult lin = Scba.solve(new Resolvent(model, a.grid()), Energy.retarded(-0.6), null, ScbaOptions.linear(0.5));
        assertTrue(maxImEigen(lin.sigma()) < 0, "linear mixing stays retarded");
        assertEquals(0, a.sigma().minus(lin.sigma()).normMax(), 1e-11);
        assertTrue(maxImEigen(a.sigma()) < -1e-3, "E = −0.6 is inside the SCBA band tail: finite broadening");
    }

    @Test
    void bornBelowTheBandEdgeVanishesAsEtaFromBelow() {
        // Born Σ(E + iη) = Γ[∫G₀(E + iη)] at E = −1 (below the bare band bottom −0.5): Im Σ ≤ 0 and Im Σ = O(η) → 0⁻,
        // against the closed form with Σ = 0 (its map at z = E + iη).
        Model model = Preset.COPT.build();
        double e = -1.0;
        KGrid grid = Scba.adaptiveGrid(model, e, null, 1e-2, GridOptions.defaults());
        Resolvent res = new Resolvent(model, grid);
        double prevRatio = Double.NaN;
        for (double eta : new double[]{1e-2, 1e-3, 1e-4}) {
            CMatrix born = model.disorder().apply(res.sum(Energy.complex(e, eta), CMatrix.zeros(2, 2)));
            Complex[] c = map(new Complex(e, eta), Complex.ZERO, Complex.ZERO);
            assertEquals(0, born.get(0, 0).subtract(c[0].add(c[1])).norm(), 1e-10, "Born Σ_↑ vs closed form, η=" + eta);
            assertEquals(0, born.get(1, 1).subtract(c[0].subtract(c[1])).norm(), 1e-10, "Born Σ_↓ vs closed form, η=" + eta);
            double im = maxImEigen(born);
            assertTrue(im < 0, "Im Σ_Born < 0 at η=" + eta + ": " + im);
            double ratio = im / eta;             // → −γ·(smallest eigenvalue of ∫G₀(E)²): finite, so Im Σ → 0⁻ linearly
            if (!Double.isNaN(prevRatio)) assertEquals(prevRatio, ratio, 1e-3 * Math.abs(prevRatio), "Im Σ/η at η=" + eta);
            prevRatio = ratio;
        }
    }

    /**
     * The 2×2 closed form of the per-iteration causality measure max(0, −λ_min(s·(Σ − Σ†)/2i)) equals the Jacobi
     * eigenvalues of the general path (a 3×3 block-diagonal embedding, n = 3) for random Σ of both signs of broadening,
     * to 1e-15 of |Σ|: the check gives the same verdict.
     */
    @Test
    void closedFormCausalityEqualsTheEigenvalues() {
        java.util.Random rnd = new java.util.Random(11);
        for (int t = 0; t < 2000; t++) {
            double[] s2 = new double[8], s3 = new double[18];
            for (int i = 0; i < 8; i++) s2[i] = rnd.nextGaussian() * (t % 3 == 0 ? 1e-3 : 1);
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++) {
                    s3[2 * (3 * a + b)] = s2[2 * (2 * a + b)];
                    s3[2 * (3 * a + b) + 1] = s2[2 * (2 * a + b) + 1];
                }
            for (int s : new int[]{-1, 1}) {
                s3[17] = s * 1e3;    // s·Im Σ₂₂ = 1e3: a causal eigenvalue far above, so λ_min is the 2×2 block's
                double closed = Scba.causalityViolation(s2, 2, s), general = Scba.causalityViolation(s3, 3, s);
                double scale = 0;
                for (double v : s2) scale = Math.max(scale, Math.abs(v));
                assertEquals(general, closed, 1e-15 * scale, "t=" + t + " s=" + s);
            }
        }
    }
}
