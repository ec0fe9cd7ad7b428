package org.diffuson.usadel;

import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Oracle 4: the kinetic coefficients against the full 8×8 Keldysh matrix algebra. The coefficient form
 * (j = 𝔇∂f + 𝔍f, ∂j = 𝔎f) is compared with the current −Dǧ∂ǧ of seed 003 Eq. 2 evaluated on the 8×8 Keldysh field
 * [[ǧ^R, ǧ^Rȟ − ȟǧ^A], [0, ǧ^A]] by finite differences ({@link SpinChargeCoupling}), the collinear closed forms with
 * the trace forms, and a solved kinetic problem with the full 4×4 Keldysh equation (including the Nambu-off-diagonal
 * components that the eight projected equations do not impose).
 */
class KineticCoefficientsTest {

    /** S (Δ = 1, h = 0.3 z, 1/τ_so = 0.4) | F (h = 0.6 z, 1/τ_so = 0.25) bilayer, rigid BCS at x = 0, vacuum at x = 2. */
    static Junction bilayer() {
        Layer s = Layer.superconductor(1, 1, 1).withField(0, 0, 0.3).withSpinRelaxation(0.4).withMesh(2, 16);
        Layer f = Layer.ferromagnet(1, 0.8, 0.6).withSpinRelaxation(0.25).withMesh(2, 16);
        return Junction.of(Boundary.rigid(Bulk.bcs(1)), Boundary.vacuum(), s, f);
    }

    /** Material data at x: {D, Δ, hz, 1/τ_so}. */
    static double[] material(Junction j, double x) {
        double edge = 0;
        for (Layer l : j.layers()) {
            edge += l.length();
            if (x <= edge) return new double[]{l.diffusion(), l.gap(), l.hz(), l.spinFlipRate()};
        }
        throw new AssertionError();
    }

    @Test
    void collinearClosedFormsEqualTraceForms() {
        Junction j = bilayer();
        int[] modes = {KineticCoefficients.L, KineticCoefficients.T, KineticCoefficients.T3, KineticCoefficients.L3};
        double worst = 0, scale = 0;
        for (double e : new double[]{0.2, 0.75, 1.1, 2.5}) {
            JunctionSolution s = j.retarded(e, 1e-3, Junction.Form.THETA);
            for (double x : new double[]{0.05, 0.5, 0.97, 1.3, 1.9}) {
                double[] m = material(j, x);
                KineticCoefficients t = KineticCoefficients.trace(s.matrix(x), s.gradient(x), e,
                        new double[]{0, 0, m[2]}, m[1], 0, m[3], m[0]);
                KineticCoefficients c = KineticCoefficients.collinear(s.theta(x, 1), s.theta(x, -1), m[1], m[3], m[0]);
                for (int a : modes)
                    for (int b : modes) {
                        worst = Math.max(worst, Math.abs(t.diffusion(a, b) - c.diffusion(a, b)));
                        worst = Math.max(worst, Math.abs(t.drift(a, b) - c.drift(a, b)));
                        worst = Math.max(worst, Math.abs(t.sink(a, b) - c.sink(a, b)));
                        scale = Math.max(scale, Math.abs(t.sink(a, b)) + Math.abs(t.diffusion(a, b)));
                    }
                // the collinear modes do not couple to the transverse ones
                for (int a : modes)
                    for (int b : new int[]{2, 3, 5, 6}) {
                        worst = Math.max(worst, Math.abs(t.diffusion(a, b)) + Math.abs(t.sink(a, b)) + Math.abs(t.drift(a, b)));
                        worst = Math.max(worst, Math.abs(t.diffusion(b, a)) + Math.abs(t.sink(b, a)) + Math.abs(t.drift(b, a)));
                    }
            }
        }
        System.out.printf("closed forms vs traces: max |Δcoef| = %.3g (scale %.3g)%n", worst, scale);
        assertTrue(worst < 1e-13 * scale, "closed forms differ from traces by " + worst);
    }

    /** Random smooth test distributions f_α(x) = a + b sin(cx + d). */
    static double[][] profile(Random r) {
        double[][] p = new double[8][4];
        for (double[] q : p) {
            q[0] = r.nextGaussian();
            q[1] = r.nextGaussian();
            q[2] = 1 + r.nextDouble();
            q[3] = r.nextDouble();
        }
        return p;
    }

    static double[] f(double[][] p, double x, int deriv) {
        double[] o = new double[8];
        for (int a = 0; a < 8; a++)
            o[a] = deriv == 0 ? p[a][0] + p[a][1] * Math.sin(p[a][2] * x + p[a][3])
                    : p[a][1] * p[a][2] * Math.cos(p[a][2] * x + p[a][3]);
        return o;
    }

    /** Checks j = 𝔇∂f + 𝔍f and the projected right-hand side = 𝔎f against 8×8 Keldysh algebra; returns the residual. */
    static double checkAgainstMatrix(JunctionSolution s, double e, double[] xs, double[] h, double gapRe, double gapIm,
                                     double rate, double d, Random rnd) {
        double[][] p = profile(rnd);
        MatrixField field = (x, y, z) -> {
            CMatrix gR = s.matrix(x);
            CMatrix gK = KineticCoefficients.keldysh(gR, KineticCoefficients.distributionMatrix(f(p, x, 0)));
            return Nambu.keldysh(gR, gK, Nambu.advanced(gR));
        };
        SpinChargeCoupling plain = new SpinChargeCoupling(d, 0, 0, rate == 0 ? 1 : 1 / rate);
        SpinChargeCoupling soc = new SpinChargeCoupling(d, 0.07, 0.05, rate == 0 ? 1 : 1 / rate);
        CMatrix lam = Nambu.lift(Nambu.tau(3).scale(0, e).plus(Nambu.zeeman(h[0], h[1], h[2]).scale(0, 1))
                .plus(Nambu.tau(2).scale(gapRe)).plus(Nambu.tau(1).scale(gapIm)), 8);
        double worst = 0, scale = 0;
        for (double x : xs) {
            KineticCoefficients c = KineticCoefficients.trace(s.matrix(x), s.gradient(x), e, h, gapRe, gapIm, rate, d);
            double[] f0 = f(p, x, 0), f1 = f(p, x, 1);
            CMatrix jm = plain.current(field, x, 0, 0, 1e-3, 1, 0);
            double[] jMatrix = KineticCoefficients.project(Nambu.block(jm, 0, 1));
            // seed 003 fact (i): the θ, κ terms of Eq. 2 vanish identically for a field of one coordinate
            assertEquals(0, soc.current(field, x, 0, 0, 1e-3, 1, 0).minus(jm).normMax(), 0);
            CMatrix g8 = field.at(x, 0, 0);
            CMatrix rhs = Nambu.commutator(lam, g8);
            if (rate != 0) rhs = rhs.plus(plain.collision(g8));
            double[] kMatrix = KineticCoefficients.project(Nambu.block(rhs, 0, 1));
            for (int a = 0; a < 8; a++) {
                double jc = 0, kc = 0;
                for (int b = 0; b < 8; b++) {
                    jc += c.diffusion(a, b) * f1[b] + c.drift(a, b) * f0[b];
                    kc += c.sink(a, b) * f0[b];
                }
                worst = Math.max(worst, Math.abs(jc - jMatrix[a]));
                worst = Math.max(worst, Math.abs(kc - kMatrix[a]));
                scale = Math.max(scale, Math.abs(jMatrix[a]) + Math.abs(kMatrix[a]));
            }
        }
        return worst / scale;
    }

    @Test
    void coefficientCurrentsEqualMatrixKeldyshCurrent() {
        Random rnd = new Random(14);
        Junction j = bilayer();
        double worst = 0;
        for (double e : new double[]{0.3, 1.2}) {
            JunctionSolution s = j.retarded(e, 1e-3, Junction.Form.THETA);
            worst = Math.max(worst, checkAgainstMatrix(s, e, new double[]{0.3, 0.7}, new double[]{0, 0, 0.3}, 1, 0, 0.4, 1, rnd));
            worst = Math.max(worst, checkAgainstMatrix(s, e, new double[]{1.4}, new double[]{0, 0, 0.6}, 0, 0, 0.25, 0.8, rnd));
        }
        // phase-biased SNS (Riccati form, supercurrent: 𝔍 ≠ 0, complex Δ) and a non-collinear helical ferromagnet
        Junction sns = Junction.sns(1, 1, 3, 1.3);
        Junction helix = Junction.of(Boundary.rigid(Bulk.bcs(1)), Boundary.vacuum(),
                new Layer("F", 1, 1, 0, 0, 0.5, 0, 0.2, 0, 0.3, 2, 16));
        for (double e : new double[]{0.4, 2.1}) {
            JunctionSolution s = sns.retarded(e, 1e-3, Junction.Form.RICCATI);
            worst = Math.max(worst, checkAgainstMatrix(s, e, new double[]{0.2, 0.5, 0.8}, new double[3], 0, 0, 0, 1, rnd));
            JunctionSolution t = helix.retarded(e, 1e-3, Junction.Form.RICCATI);
            worst = Math.max(worst, checkAgainstMatrix(t, e, new double[]{0.3, 0.6}, new double[]{0.5, 0, 0.2}, 0, 0, 0.3, 1, rnd));
        }
        System.out.printf("coefficient form vs 8×8 Keldysh current and rhs: max relative residual = %.3g%n", worst);
        assertTrue(worst < 1e-8, "relative residual " + worst);   // 5-point differences with step 1e-3
    }

    /**
     * A solved kinetic problem satisfies the eight projections of the Keldysh component of Eq. 1 at every interior
     * node (to collocation accuracy), and the remaining Nambu-off-diagonal components vanish as O(η): they are fixed
     * by {ǧ, ∂J̌ − ...} = 0 only up to the η of the retarded functions, which the conserving kinetic equations omit.
     * (Below a superconductor's gap that bound degrades to O(η/σ_min) with σ_min ~ η, hence energies above the gap.)
     */
    @Test
    void solvedDistributionSatisfiesFullMatrixKeldyshEquation() {
        double[] full = new double[2];
        double proj = 0, projScale = 0;
        double[] etas = {1e-3, 1e-4};
        for (int k = 0; k < 2; k++) {
            Layer f = Layer.ferromagnet(1, 1, 0.4).withSpinRelaxation(0.3).withMesh(2, 20);
            Junction j = Junction.of(Boundary.rigid(Bulk.bcs(0)), Boundary.rigid(Bulk.bcs(1)), f);
            double[] grid = {-2.5, -1.9, -1.6, 1.6, 1.9, 2.5};
            Kinetic.Spectrum sp = Kinetic.spectrum(j, Junction.Form.THETA, etas[k], grid);
            Kinetic.NonEquilibrium ne = sp.bias(Distribution.biased(0.05, 0.3).withSpin(0.1, 0, 0.2),
                    Distribution.equilibrium(0.05));
            for (int i = 0; i < grid.length; i++) {
                double e = grid[i];
                JunctionSolution s = sp.retarded(i);
                Collocation.Mesh mesh = s.mesh();
                CMatrix[][] g = Kinetic.nodal(s);
                int pts = mesh.points();
                CMatrix[] jk = new CMatrix[pts], rk = new CMatrix[pts];
                for (int dom = 0; dom < mesh.domains(); dom++) {
                    int s0 = mesh.start(dom), nn = mesh.intervals(dom);
                    double[] d1 = mesh.d1[dom];
                    for (int q = 0; q <= nn; q++) {
                        double[] fv = new double[8], df = new double[8];
                        for (int a = 0; a < 8; a++) {
                            fv[a] = ne.distribution(a, i, s0 + q);
                            for (int r = 0; r <= nn; r++) df[a] += d1[q * (nn + 1) + r] * ne.distribution(a, i, s0 + r);
                        }
                        CMatrix gR = g[s0 + q][0], dgR = g[s0 + q][1], gA = Nambu.advanced(gR);
                        CMatrix dgA = Nambu.tau(3).times(dgR.dagger()).times(Nambu.tau(3)).scale(-1);
                        CMatrix hh = KineticCoefficients.distributionMatrix(fv), dh = KineticCoefficients.distributionMatrix(df);
                        CMatrix gK = gR.times(hh).minus(hh.times(gA));
                        CMatrix dgK = dgR.times(hh).plus(gR.times(dh)).minus(dh.times(gA)).minus(hh.times(dgA));
                        jk[s0 + q] = gR.times(dgK).plus(gK.times(dgA)).scale(-1);       // J^K = −D(ǧ∂ǧ)^K, D = 1
                        CMatrix g8 = Nambu.keldysh(gR, gK, gA);
                        CMatrix lam = Nambu.lift(Nambu.tau(3).scale(0, e).plus(Nambu.zeeman(0, 0, 0.4).scale(0, 1)), 8);
                        CMatrix r8 = Nambu.commutator(lam, g8).plus(new SpinChargeCoupling(1, 0, 0, 1 / 0.3).collision(g8));
                        rk[s0 + q] = Nambu.block(r8, 0, 1);
                    }
                    for (int q = 1; q < nn; q++) {
                        CMatrix div = CMatrix.zeros(4, 4);
                        for (int r = 0; r <= nn; r++) div = div.plus(jk[s0 + r].scale(d1[q * (nn + 1) + r]));
                        CMatrix res = div.minus(rk[s0 + q]);
                        for (int a = 0; a < 8; a++) proj = Math.max(proj, KineticCoefficients.mode(a).times(res).trace().norm());
                        projScale = Math.max(projScale, rk[s0 + q].normMax());
                        full[k] = Math.max(full[k], res.normMax());
                    }
                }
            }
        }
        System.out.printf("solved ȟ in the 4×4 Keldysh equation: projections %.3g (scale %.3g); full residual %.3g at "
                + "η = 1e-3, %.3g at η = 1e-4%n", proj, projScale, full[0], full[1]);
        assertTrue(proj < 1e-9 * projScale, "projected Keldysh residual " + proj);
        assertTrue(full[0] < 2 * etas[0] * projScale && full[1] < 2 * etas[1] * projScale, "full residual not O(η)");
        assertTrue(full[0] / full[1] > 5, "full residual does not scale with η");
    }
}
