package org.diffuson.ladder;

import org.diffuson.green.Energy;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bubble's analytic q- and ω-expansion ({@link BubbleExpansion}) and the diffusion constant read from it, against
 * independent methods: finite-q bubbles (G evaluated at k ± q/2, adaptive angles) and SCBA solutions at E ± h, both
 * Richardson-extrapolated in the step; the full-grid sum against the radial reduction by rotation covariance; the
 * linearised SCBA derivative Σ′ against differences of SCBA solutions.
 */
class BubbleExpansionTest {

    static Ladder copt(double e) { return Ladder.scba(Preset.COPT.build(), e); }

    static double rel(Superoperator a, Superoperator b) { return a.minus(b).normMax() / b.normMax(); }

    /** The largest {@link #rel} over Φ̄₀, Φ̄_ω, Φ̄_a, Φ̄_ab of two expansions (2D). */
    static double maxRel(BubbleExpansion x, BubbleExpansion ref) {
        double err = Math.max(rel(x.phi0(), ref.phi0()), rel(x.phiOmega(), ref.phiOmega()));
        for (int a = 0; a < 2; a++) {
            err = Math.max(err, rel(x.linear()[a], ref.linear()[a]));
            for (int b = 0; b < 2; b++) err = Math.max(err, rel(x.quadratic()[a][b], ref.quadratic()[a][b]));
        }
        return err;
    }

    /**
     * The trapezoid weights of the radial reduction integrate e^{−imθ}·(trigonometric polynomial of degree ≤ 2)
     * exactly: against a 1024-point rule, to 1e-15.
     */
    @Test
    void angularWeightsAreExact() {
        for (int m = -4; m <= 4; m++) {
            double[][] w = BubbleExpansion.angularWeights(m);
            int nAng = 1024;
            double err = 0;
            for (int ab = 0; ab < 4; ab++)
                for (int cd = 0; cd < 4; cd++) {
                    double re = 0, im = 0, re1 = 0, im1 = 0;
                    for (int t = 0; t < nAng; t++) {
                        double th = 2 * Math.PI * t / nAng, c = Math.cos(th), s = Math.sin(th);
                        double[] r = {c, s, -s, c};
                        re += Math.cos(m * th) * r[ab] * r[cd] / nAng;
                        im -= Math.sin(m * th) * r[ab] * r[cd] / nAng;
                        re1 += Math.cos(m * th) * r[ab] / nAng;
                        im1 -= Math.sin(m * th) * r[ab] / nAng;
                    }
                    err = Math.max(err, Math.hypot(re - w[1][2 * (ab * 4 + cd)], im - w[1][2 * (ab * 4 + cd) + 1]));
                    err = Math.max(err, Math.hypot(re1 - w[0][2 * ab], im1 - w[0][2 * ab + 1]));
                }
            assertTrue(err < 1e-15, "m=" + m + ": " + err);
        }
    }

    /** Rotation covariance: the axis sums with exact angular weights equal the sum over every point of the polar grid. */
    @Test
    void radialReductionEqualsFullGridSum() {
        for (double e : new double[]{0.0, 0.3}) {
            Ladder l = copt(e);
            Energy e1 = Energy.retarded(e), e2 = Energy.advanced(e);
            CMatrix s1 = l.sigma(e1), s2 = l.sigma(e2), ds = l.sigmaDerivative(e1);
            BubbleExpansion red = BubbleExpansion.compute(l.bubble(), e1, s1, ds, e2, s2, true);
            BubbleExpansion full = BubbleExpansion.compute(l.bubble(), e1, s1, ds, e2, s2, false);
            double err = maxRel(red, full);
            System.out.printf("E=%.2f: radial reduction vs %d-point full grid: max relative difference %.2e%n", e, l.grid().size(), err);
            assertTrue(err < 1e-12, "E=" + e + ": " + err);
            // Φ̄₀ is the q = 0 bubble of the ladder, bit for bit (same points, same order)
            assertEquals(0, rel(red.phi0(), l.retardedAdvanced(new double[2], 0.0).bubble()), 0);
        }
        // a pair that is not G2 = G1† (z1 = 0.31 + 0.002i, Σ1 = Σ(0.3)): the unhalved lists, G2 inverted on its own
        Ladder l = copt(0.3);
        Energy e1 = Energy.complex(0.31, 0.002), e2 = Energy.advanced(0.3);
        CMatrix s1 = l.sigma(Energy.retarded(0.3)), s2 = l.sigma(e2), ds = l.sigmaDerivative(Energy.retarded(0.3));
        BubbleExpansion red = BubbleExpansion.compute(l.bubble(), e1, s1, ds, e2, s2, true);
        BubbleExpansion full = BubbleExpansion.compute(l.bubble(), e1, s1, ds, e2, s2, false);
        double err = maxRel(red, full);
        System.out.printf("z1 = 0.31 + 0.002i: radial reduction vs full grid: max relative difference %.2e%n", err);
        assertTrue(err < 1e-12, "non-adjoint pair: " + err);
    }

    /**
     * A Σ that does not commute with the rotation generator J (Σ(0.3) with +0.01 on Re Σ01 and −0.004 on Im Σ10, as a
     * hand-set Σ may be) breaks G's rotation covariance: the expansion and the q = 0 bubble must then be the full-grid
     * sums (before the covariance check the radial reduction differed by 0.35 relative, the q = 0 bubble by 0.10).
     * Same points, different code paths: agreement to rounding, 1e-12.
     */
    @Test
    void sigmaNotCommutingWithJUsesTheFullGrid() {
        Ladder l = copt(0.3);
        Energy e1 = Energy.retarded(0.3), e2 = Energy.advanced(0.3);
        double[] raw = l.sigma(e1).toArray();
        raw[2] += 0.01;                                      // Re Σ01
        raw[5] -= 0.004;                                     // Im Σ10
        CMatrix s1 = CMatrix.of(2, 2, raw), ds = l.sigmaDerivative(e1);
        for (CMatrix s2 : new CMatrix[]{s1.dagger(), l.sigma(e2)}) {
            BubbleExpansion red = BubbleExpansion.compute(l.bubble(), e1, s1, ds, e2, s2, true);
            BubbleExpansion full = BubbleExpansion.compute(l.bubble(), e1, s1, ds, e2, s2, false);
            double err = maxRel(red, full);
            double q0 = rel(l.bubble().compute(new double[2], e1, s1, e2, s2), full.phi0());
            System.out.printf("Σ not commuting with J: expansion vs full grid %.2e, q = 0 bubble vs full grid %.2e%n", err, q0);
            assertTrue(err < 1e-12, "expansion: " + err);
            assertTrue(q0 < 1e-12, "q = 0 bubble: " + q0);
        }
    }

    /**
     * Φ̄_x and Φ̄_xx against central differences of finite-q bubbles at qℓ = 0.04 and 0.02, Richardson-extrapolated
     * (error O((qℓ)⁴) ≈ 3e-7 of the coefficient plus rounding/(hℓ)²).
     */
    @Test
    void wavevectorCoefficientsMatchRichardsonExtrapolatedFiniteDifferences() {
        for (double e : new double[]{0.0, 0.3, -0.3}) {
            Ladder l = copt(Math.abs(e));
            // E = −0.3 here: z1 = 0.3 + 0.01 + 0.002i off the real axis, Σ1 = Σ(0.3): no G2 = G1† shortcut
            Energy e1 = e >= 0 ? Energy.retarded(e) : Energy.complex(-e + 0.01, 0.002), e2 = Energy.advanced(Math.abs(e));
            CMatrix s1 = l.sigma(Energy.retarded(Math.abs(e))), s2 = l.sigma(e2);
            BubbleExpansion x = l.bubble().expansion(e1, s1, null, e2, s2);
            Superoperator p0 = x.phi0();
            double h = 0.02 / l.meanFreePath();
            Superoperator[] d1 = new Superoperator[2], d2 = new Superoperator[2];
            for (int i = 0; i < 2; i++) {
                double hh = h * (i + 1);
                Superoperator p = l.bubble().compute(new double[]{hh, 0}, e1, s1, e2, s2), m = l.bubble().compute(new double[]{-hh, 0}, e1, s1, e2, s2);
                d1[i] = p.minus(m).scale(1 / (2 * hh));
                d2[i] = p.plus(m).minus(p0.scale(2)).scale(1 / (2 * hh * hh));
            }
            Superoperator r1 = d1[0].scale(4.0 / 3).minus(d1[1].scale(1.0 / 3)), r2 = d2[0].scale(4.0 / 3).minus(d2[1].scale(1.0 / 3));
            double e1r = rel(x.linear()[0], r1), e2r = rel(x.quadratic()[0][0], r2), plain = rel(x.quadratic()[0][0], d2[0]);
            System.out.printf("E=%.2f: Φ̄_x vs Richardson %.2e, Φ̄_xx vs Richardson %.2e (vs the plain difference at qℓ=0.02: %.2e)%n", e, e1r, e2r, plain);
            assertTrue(e1r < 2e-6, "Φ̄_x: " + e1r);
            assertTrue(e2r < 2e-6, "Φ̄_xx: " + e2r);
            assertTrue(e2r < 0.1 * plain, "Richardson must improve on the plain difference: " + e2r + " vs " + plain);
        }
    }

    /**
     * Σ′ by the linearised SCBA against [Σ(E + h) − Σ(E − h)]/2h of SCBA solutions, Richardson-extrapolated over
     * h = 1e-3/τ, 2e-3/τ (error O((hτ)⁴) plus the SCBA tolerance 1e-13/h ≈ 1e-9 relative); and Φ̄_ω against the same
     * differences of q = 0 bubbles.
     */
    @Test
    void energyDerivativesMatchDifferencesOfScbaSolutions() {
        for (double e : new double[]{0.0, 0.3}) {
            Ladder l = copt(e);
            Energy e1 = Energy.retarded(e), e2 = Energy.advanced(e);
            CMatrix s1 = l.sigma(e1), s2 = l.sigma(e2), ds = l.sigmaDerivative(e1);
            double h = 1e-3 / l.scbaResult().tau();
            CMatrix[] dsFd = new CMatrix[2];
            Superoperator[] dphi = new Superoperator[2];
            for (int i = 0; i < 2; i++) {
                double hh = h * (i + 1);
                CMatrix sp = l.sigma(Energy.retarded(e + hh)), sm = l.sigma(Energy.retarded(e - hh));
                dsFd[i] = sp.minus(sm).scale(1 / (2 * hh));
                dphi[i] = l.bubble().compute(new double[2], Energy.retarded(e + hh), sp, e2, s2)
                        .minus(l.bubble().compute(new double[2], Energy.retarded(e - hh), sm, e2, s2)).scale(1 / (2 * hh));
            }
            CMatrix rich = dsFd[0].scale(4.0 / 3).minus(dsFd[1].scale(1.0 / 3));
            double errS = ds.minus(rich).normMax() / ds.normMax();
            BubbleExpansion x = l.bubble().expansion(e1, s1, ds, e2, s2);
            double errW = rel(x.phiOmega(), dphi[0].scale(4.0 / 3).minus(dphi[1].scale(1.0 / 3)));
            System.out.printf("E=%.2f: Σ′ linearised vs Richardson of SCBA differences %.2e; Φ̄_ω %.2e%n", e, errS, errW);
            assertTrue(errS < 1e-7, "Σ′: " + errS);
            assertTrue(errW < 1e-7, "Φ̄_ω: " + errW);
        }
    }

    /**
     * The effective diffusion constant (with the O(q) coupling, seed 000 Eqs. 412–415) from the analytic expansion
     * against the finite-difference operator at h_qℓ = 0.02, 0.04 Richardson-extrapolated (h_ωτ = 1e-3), and its
     * insensitivity to rounding: the radial reduction and the full-grid sum (different operations, same integral) give
     * the same D to 1e-11 relative.
     */
    @Test
    void diffusionConstantMatchesRichardsonAndIsRoundingStable() {
        for (double e : new double[]{0.0, 0.3}) {
            Ladder l = copt(e);
            DiffusionOperator.Options o = DiffusionOperator.Options.defaults(l);
            Complex dA = l.diffusion(o).effectiveDiffusion(0);
            double ell = l.meanFreePath();
            Complex d1 = l.diffusion(o.withHq(0.02 / ell).withMethod(DiffusionOperator.Method.FINITE_DIFFERENCE)).effectiveDiffusion(0);
            Complex d2 = l.diffusion(o.withHq(0.04 / ell).withMethod(DiffusionOperator.Method.FINITE_DIFFERENCE)).effectiveDiffusion(0);
            Complex rich = d1.multiply(4.0 / 3).subtract(d2.multiply(1.0 / 3));
            double err = dA.subtract(rich).norm() / dA.norm(), plain = dA.subtract(d1).norm() / dA.norm();
            // the full-grid sum: another order of operations for the same integral
            Energy e1 = Energy.retarded(e), e2 = Energy.advanced(e);
            BubbleExpansion full = BubbleExpansion.compute(l.bubble(), e1, l.sigma(e1), l.sigmaDerivative(e1), e2, l.sigma(e2), false);
            BubbleExpansion.Kinetic k = full.kinetic(l.model().rung());
            Superoperator mi = k.kOmega().inverse().scale(new Complex(0, -1));
            Complex dFull = DiffusionOperator.effectiveDiffusion(mi.compose(k.k0()), mi.compose(k.linear()[0]), mi.compose(k.quadratic()[0][0]));
            double round = dFull.subtract(dA).norm() / dA.norm();
            System.out.printf("E=%.2f: D_eff analytic %s; FD Richardson %s (rel %.2e; plain FD at h_qℓ=0.02: %.2e); full-grid sum %.2e%n",
                    e, dA, rich, err, plain, round);
            assertTrue(err < 1e-6, "analytic vs Richardson: " + err);
            assertTrue(round < 1e-11, "rounding: " + round);
            assertTrue(Math.abs(dA.getImaginary()) < 1e-10 * dA.norm(), "D of the conserved mode is real: " + dA);
        }
    }

    /**
     * Drude (seed 000 oracle 7): a parabolic band with scalar white-noise disorder has no vertex correction to the
     * current (τ_tr = τ), so the analytic D equals v_F²τ/(2Z) with the SCBA's τ, v_F and Z = 1 − ∂ReΣ/∂E up to the
     * band's finite width and the difference quotient in Z (tolerance 1e-6; DiffusionTest's finite-difference D needed 2e-4), and the bare v_F²τ/2 = E_Fτ_in up to O(1/(E_Fτ)): the
     * difference must shrink at least 3× from τ_in = 5 to 20 (measured and printed).
     */
    @Test
    void drudeLimit() {
        double ef = 10;
        double[] dev = new double[2];
        int i = 0;
        for (double tauIn : new double[]{5, 20}) {
            Ladder l = Ladder.scba(Preset.DRUDE.with("gamma", 1 / tauIn).build(), ef);
            double dNum = l.diffusion().effectiveDiffusion(0).getReal();
            double tau = l.scbaResult().tau(), vf = Math.sqrt(2 * (ef - l.scbaResult().scalarPart().getReal()));
            double z = DiffusionTest.zFactor(l, ef), dren = vf * vf * tau / (2 * z);
            dev[i] = Math.abs(dNum - ef * tauIn) / (ef * tauIn);
            System.out.printf("Drude τ_in=%g: D %.12g, v_F²τ/2Z %.12g (rel %.2e), bare E_Fτ_in %.6g (rel %.2e, 1/(E_Fτ) = %.2e)%n",
                    tauIn, dNum, dren, Math.abs(dNum - dren) / dren, ef * tauIn, dev[i], 1 / (ef * tauIn));
            assertEquals(dren, dNum, 1e-6 * dNum, "τ_in=" + tauIn);   // measured 3.1e-7, 4.9e-9 (Z by a difference, band cutoff)
            assertTrue(dev[i] < 1 / (ef * tauIn), "O(1/E_Fτ): " + dev[i]);
            i++;
        }
        assertTrue(dev[1] < dev[0] / 3, "must shrink with weaker disorder: " + dev[0] + " → " + dev[1]);
    }

    /**
     * A model without symbolic derivatives (a plain {@link org.diffuson.model.ParabolicBand}): velocities and ∂²H by the
     * library's 4th-order stencils (exact for a parabola up to rounding ~1e-16·|H|/h²), against the builder's parabola
     * with exact derivatives on the same grid: the same D to 1e-7.
     */
    @Test
    void stencilDerivativesForAModelWithoutGradient() {
        Model builder = Preset.DRUDE.with("gamma", 0.1).build();
        Model plain = Model.of("plain parabola", new org.diffuson.model.ParabolicBand(1.0, 2), builder.disorder(), builder.cutoff(), java.util.Map.of());
        Ladder a = Ladder.scba(builder, 10.0), b = Ladder.scba(plain, 10.0, a.grid(), org.diffuson.green.ScbaOptions.defaults());
        double da = a.diffusion().effectiveDiffusion(0).getReal(), db = b.diffusion().effectiveDiffusion(0).getReal();
        System.out.printf("parabola: exact derivatives D = %.12g, stencils D = %.12g (rel %.2e)%n", da, db, Math.abs(da - db) / da);
        assertEquals(da, db, 1e-7 * da);
    }

    /** The expansion and the operator are values: writing into the tables they hand out changes neither. */
    @Test
    void tablesHandedOutAreCopies() {
        Ladder l = copt(0.0);
        DiffusionOperator op = l.diffusion();
        Complex d = op.effectiveDiffusion(0);
        op.kLinear()[0] = null;
        op.kQuadratic()[0][0] = null;
        op.diffusion()[0][0] = null;
        op.drift()[0] = null;
        assertEquals(d, op.effectiveDiffusion(0));
        Energy e1 = Energy.retarded(0.0), e2 = Energy.advanced(0.0);
        BubbleExpansion x = BubbleExpansion.compute(l.bubble(), e1, l.sigma(e1), l.sigmaDerivative(e1), e2, l.sigma(e2), true);
        Superoperator q00 = x.quadratic()[0][0];
        x.quadratic()[0][0] = null;
        x.linear()[0] = null;
        assertTrue(x.quadratic()[0][0] == q00 && x.linear()[0] != null);
    }
}
