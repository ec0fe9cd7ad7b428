package org.diffuson.gauge;

import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.diffuson.gauge.SetRTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Full spin-flip ladder (exact wide-band bubbles) against the identities and closed forms of seed 004. */
class SpinFlipLadderTest {
    static final SdFerromagnet R = SdFerromagnet.setR();
    static final SpinFlipLadder LADDER = new SpinFlipLadder(R);

    static double maxRel(CMatrix a, CMatrix b) {
        double scale = Math.max(a.normMax(), b.normMax());
        return a.minus(b).normMax() / scale;
    }

    static void report(String what, double value, double tol) {
        System.out.printf("[gauge-oracle] %-60s %.3e (tol %.1e)%n", what, value, tol);
        assertTrue(value <= tol, what + " = " + value + " > " + tol);
    }

    /** The spec's independent 40-digit wide-band ladder values at q = 1e-4, ω = 1e-6 (printed to 7 digits). */
    @Test
    void ladderValuesOfTheSpec() {
        GaugeKernels k = LADDER.at(new double[]{1e-4}, 1e-6);
        assertClose(new Complex(9.524885e-2, 6.714718e-2), k.kcc().get(0, 0), 1e-6, "q²K (ladder)");
        assertClose(new Complex(1.990540e6, 1.402985e6), k.spinK(), 1e-6, "K^s (ladder)");
        assertClose(new Complex(-1.026709e6, -7.269531e5), k.spinKDelta(), 1e-6, "ΔK^s (ladder)");
        double r = k.kcc().get(0, 0).subtract(new Complex(9.524885e-2, 6.714718e-2)).norm() / k.kcc().get(0, 0).norm();
        System.out.printf("[gauge-oracle] ladder q²K vs spec 40-digit value: rel %.2e%n", r);
    }

    /** Oracle 3: |ladder/closed − 1| ≤ 1·|X| for the kernels q²K, K^s, ΔK^s over a (q, ω) grid. */
    @Test
    void kernelsApproachClosedFormsAtOrderX() {
        GaugeClosedForms cf = new GaugeClosedForms(R);
        double worst = 0;
        for (double q : new double[]{1e-5, 3e-5, 1e-4, 3e-4, 1e-3})
            for (double w : new double[]{1e-8, 1e-7, 1e-6, 1e-5}) {
                GaugeKernels k = LADDER.at(new double[]{q}, w);
                Complex cw = new Complex(w);
                double x = k.expansionParameter();
                double[] r = {rel(k.kcc().get(0, 0), cf.chargeK(q, cw).multiply(q * q)), rel(k.spinK(), cf.spinK(q, cw)),
                        rel(k.spinKDelta(), cf.spinKDelta(q, cw)), maxRel(k.kcc(), cf.chargeCharge(new double[]{q}, cw)),
                        maxRel(k.ksc(), cf.spinCharge(new double[]{q}, cw))};
                for (double v : r) {
                    assertTrue(v <= x, "q=" + q + " ω=" + w + ": rel " + v + " > |X| = " + x);
                    worst = Math.max(worst, v / x);
                }
            }
        report("max (|ladder/CF − 1|)/|X| over 20 (q, ω) points, K's and tensors", worst, 1);
    }

    /** Spin vertices: the errata's ≈ 20|X| tolerance (neglected numerator terms O((Γ̃2/Γ̃1)X)). */
    @Test
    void vertices() {
        GaugeClosedForms cf = new GaugeClosedForms(R);
        double worst = 0;
        for (double[] p : new double[][]{{1e-4, 1e-6}, {3e-4, 1e-5}, {1e-4, 1e-7}, {3e-5, 1e-7}}) {
            GaugeKernels k = LADDER.at(new double[]{p[0]}, p[1]);
            Complex w = new Complex(p[1]);
            double x = k.expansionParameter();
            for (int s = 0; s < 2; s++) {
                double r0 = rel(k.vertex()[0][s][0].add(1), cf.vertex0(s, p[0], w));
                double rx = rel(k.vertex()[0][s][1], cf.vertexCurrent(s, p[0], w).multiply(p[0]));
                worst = Math.max(worst, Math.max(r0, rx) / x);
            }
        }
        report("charge vertices Λ_0, Λ_x vs eqs A12–A13, max rel/|X|", worst, 20);
    }

    static double rel(Complex a, Complex b) { return a.subtract(b).norm() / b.norm(); }

    /** Oracle 5: gauge invariance and conservation of the full ladder (exact for wide-band bubbles), random inputs. */
    @Test
    void gaugeInvarianceAndConservation() {
        Random rnd = new Random(4);
        double worstCc = 0, worstSc = 0, worstCsFixed = 0, worstCsCons = 0, worstSsFixed = 0, minCsBroken = 1, worstSpinNonCons = 0;
        for (int t = 0; t < 30; t++) {
            SdFerromagnet fm = new SdFerromagnet(1, 1, 0.05 + 0.5 * rnd.nextDouble(), 0.002 + 0.01 * rnd.nextDouble(),
                    1e-4 + 1e-3 * rnd.nextDouble(), 1e-4 + 1e-3 * rnd.nextDouble());
            double[] q = {1e-4 * rnd.nextGaussian(), 1e-4 * rnd.nextGaussian(), 1e-4 * rnd.nextGaussian()};
            GaugeKernels k = new SpinFlipLadder(fm).at(q, 1e-6 * (0.1 + rnd.nextDouble()));
            worstCc = Math.max(worstCc, Math.max(k.gaugeResidual(k.kcc()), k.conservationResidual(k.kcc())));
            worstSc = Math.max(worstSc, k.gaugeResidual(k.ksc()));
            worstCsCons = Math.max(worstCsCons, k.conservationResidual(k.kcs()));
            worstCsFixed = Math.max(worstCsFixed, k.gaugeResidual(k.kcsRepaired()));
            worstSsFixed = Math.max(worstSsFixed, k.gaugeResidual(k.kssRepaired()));
            minCsBroken = Math.min(minCsBroken, k.gaugeResidual(k.kcs()));
            worstSpinNonCons = Math.max(worstSpinNonCons, k.spinNonConservationResidual());   // q_μK^sc_μν = ωΔK̃^cs_ν0 (eq 47)
        }
        report("K^cc q_ν = 0 and q_μK^cc_μν = 0 (30 random ferromagnets/q/ω)", worstCc, 1e-12);
        report("K^sc q_ν = 0", worstSc, 1e-12);
        report("q_μK̃^cs_μν = 0 (charge conservation)", worstCsCons, 1e-12);
        // the repaired contraction cancels two O(ΔK^s·q²) terms built from L ~ 1/|X|: rounding ≈ eps/|X| ≈ 1e-12
        report("(K̃^cs + ΔK̃^cs) q_ν = 0 with the source terms (eq 87)", worstCsFixed, 1e-10);
        report("(K̃^ss + ΔK̃^ss) q_ν = 0 with the source terms (eq D9)", worstSsFixed, 1e-10);
        report("q_μK^sc_μν = ωΔK̃^cs_ν0 (eq 47)", worstSpinNonCons, 1e-10);
        System.out.printf("[gauge-oracle] K̃^cs q_ν without the source terms: min residual %.3e (violated)%n", minCsBroken);
        assertTrue(minCsBroken > 1e-3);
    }

    /** Oracle 6: Onsager K̃^cs_μν(q, ω) = K^sc_νμ(−q, −ω − i0), both sides from separate ladders (charge vs spin source). */
    @Test
    void onsager() {
        double worst = 0;
        Random rnd = new Random(6);
        for (int t = 0; t < 20; t++) {
            double[] q = {3e-4 * rnd.nextGaussian(), 3e-4 * rnd.nextGaussian(), 3e-4 * rnd.nextGaussian()};
            GaugeKernels k = LADDER.at(q, 1e-5 * rnd.nextDouble());
            worst = Math.max(worst, maxRel(k.kcs(), k.ksc().transpose()));
        }
        report("Onsager K̃^cs_μν = K^sc_νμ (20 random points)", worst, 1e-10);
    }

    /** Oracle 4 and the Ward identity: K^cc_00(q, 0) = ν₊; K^cc_00(q → 0, ω) → 0; det(1 − WΠ) = 0 at q = ω = 0. */
    @Test
    void compressibilityAndWard() {
        GaugeKernels k = LADDER.at(new double[]{1e-4}, 1e-12);
        report("K^cc_00(q=1e-4, ω→0) = ν₊", Math.abs(k.kcc().get(0, 0).getReal() / R.nuPlus() - 1), 1e-5);
        GaugeKernels k0 = LADDER.at(new double[]{0}, 1e-6);
        report("K^cc_00(q=0, ω=1e-6)/ν₊ (Ward: 0)", k0.kcc().get(0, 0).norm() / R.nuPlus(), 1e-12);
        Complex det = LADDER.determinant(new double[]{0}, Complex.ZERO);
        report("det(1 − WΠ) at q = ω = 0", det.norm(), 1e-30);
    }

    /** Matsubara form: K(q, iω_λ) is real (time-reversal of the Euclidean kernel) and equals the retarded closed form at ω = iω_λ. */
    @Test
    void matsubara() {
        GaugeClosedForms cf = new GaugeClosedForms(R);
        double q = 1e-4, wl = 1e-6;
        GaugeKernels k = LADDER.matsubara(new double[]{q}, wl);
        Complex w = new Complex(0, wl);
        report("Im K^cc_00(q, iω_λ)/|K| (Matsubara kernel is real)", Math.abs(k.kcc().get(0, 0).getImaginary()) / k.kcc().get(0, 0).norm(), 1e-12);
        report("Matsubara K^cc_00 vs closed form at ω = iω_λ, rel/|X|", rel(k.kcc().get(0, 0), cf.chargeK(q, w).multiply(q * q)) / k.expansionParameter(), 1);
        report("Matsubara gauge residual (K̃^cs + ΔK̃^cs)", k.gaugeResidual(k.kcsRepaired()), 1e-10);
    }
}
