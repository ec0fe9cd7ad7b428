package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Seed 003 oracle rows 18–20 and the θ-form against the general (Riccati) matrix BVP. */
class JunctionTest {

    /** Row 19: S (no exchange field) | semi-infinite F: Θ_s = 4 arctan[tan(Θ_S/4) e^{−k_s x}], k_s = √(2(ω − ish)/D). */
    @Test
    void row19SfKinkSolution() {
        double omega = 0.3, h = 2;
        Junction j = Junction.of(Boundary.rigid(Bulk.bcs(1)), Boundary.vacuum(),
                Layer.ferromagnet(20, 1, h).withMesh(16, 24));
        JunctionSolution s = j.matsubara(omega, Junction.Form.THETA);
        double thS = Math.atan(1 / omega);
        double worst = 0;
        for (double x : new double[]{0.1, 0.5, 1, 2, 4}) {
            for (int sp = 1; sp >= -1; sp -= 2) {
                Complex k = new Complex(2 * omega, -2 * sp * h).sqrt();
                Complex exact = new Complex(Math.tan(thS / 4)).multiply(k.multiply(-x).exp()).atan().multiply(4);
                worst = Math.max(worst, s.theta(x, sp).subtract(exact).norm());
            }
        }
        assertTrue(worst < 1e-10, "max |Θ − kink| = " + worst);
        Complex sin1 = s.theta(1, 1).sin();
        assertEquals(0.076945, sin1.getReal(), 5e-7);
        assertEquals(0.282265, sin1.getImaginary(), 5e-7);
    }

    /** 60-point Gauss–Legendre on [0, 1], built once (the golden-section search below calls it 400 times). */
    private static final GaussIntegrator GL60 = new GaussIntegratorFactory().legendre(60, 0, 1);

    static double firstIntegral(double psiM) {
        // ∫_0^{ψm} dψ/√(sinh ψm − sinh ψ), with ψ = ψm(1 − u²) removing the endpoint singularity
        GaussIntegrator gl = GL60;
        double s = 0;
        for (int i = 0; i < gl.getNumberOfPoints(); i++) {
            double u = gl.getPoint(i), psi = psiM * (1 - u * u);
            double den = Math.sinh(psiM) - Math.sinh(psi);
            s += gl.getWeight(i) * 2 * psiM * u / Math.sqrt(den);
        }
        return s;
    }

    /** Row 18: SNS minigap E_g = 3.1216 E_Th (η = 1e−6), BVP against the fold of the first integral. */
    @Test
    void row18SnsMinigap() {
        // first integral: L√(ε/D) = I(ψm) → ε = I² E_Th (D = L = 1), maximized over ψm
        double best = 0;
        double lo = 0.1, hi = 3;
        for (int it = 0; it < 200; it++) {       // golden section on I(ψm)
            double a = lo + 0.382 * (hi - lo), b = lo + 0.618 * (hi - lo);
            if (firstIntegral(a) > firstIntegral(b)) hi = b;
            else lo = a;
        }
        double imax = firstIntegral(0.5 * (lo + hi));
        double egFold = imax * imax;
        assertEquals(3.1216, egFold, 5e-5);

        Junction sns = Junction.of(Boundary.rigid(Bulk.bcs(1e12)), Boundary.vacuum(), Layer.normal(0.5, 1));
        double eta = 1e-6;
        double[] e = {3.13, 3.1225, 3.12, egFold - 1e-3};
        double[] n = sns.dos(e, eta, 0.5, Junction.Form.THETA);
        assertEquals(0.19011, n[0], 2e-5);
        assertTrue(n[1] > 0.03, "just above the fold the DOS is open: " + n[1]);
        assertTrue(n[2] < 1e-4, "at 3.12 the DOS is ≈ 0: " + n[2]);
        assertTrue(n[3] < 1e-4, "below E_g the DOS is ≈ 0: " + n[3]);
    }

    static double maxDiff(JunctionSolution a, JunctionSolution b, double[] xs) {
        double worst = 0;
        for (double x : xs) worst = Math.max(worst, a.matrix(x).minus(b.matrix(x)).normMax());
        return worst;
    }

    /** The θ-form with 1/τ_so ≠ 0 (coupled spins) against the general 4×4 Riccati BVP, Matsubara and retarded. */
    @Test
    void thetaFormAgainstGeneralMatrixBvp() {
        // 7 × 14 intervals: on 7 × 12 the two discretizations themselves differ by 9.8e-13 (stable under further Newton
        // refinement of both), too close to the 1e-12 tolerance; on 7 × 14 by ≈ 2e-13
        Layer f = Layer.ferromagnet(1.5, 1, 0.8).withSpinRelaxation(0.5).withMesh(7, 14);
        Junction j = Junction.of(Boundary.rigid(Bulk.bcs(1)), Boundary.vacuum(), f);
        double[] xs = {0, 0.2, 0.75, 1.1, 1.5};
        JunctionSolution a = j.matsubara(0.3, Junction.Form.THETA), b = j.matsubara(0.3, Junction.Form.RICCATI);
        assertTrue(maxDiff(a, b, xs) < 1e-12, "Matsubara max|ǧ_θ − ǧ_R| = " + maxDiff(a, b, xs));
        assertTrue(b.normalizationResidual() < 1e-13);
        JunctionSolution c = j.retarded(0.4, 1e-2, Junction.Form.THETA), d = j.retarded(0.4, 1e-2, Junction.Form.RICCATI);
        assertTrue(maxDiff(c, d, xs) < 1e-12, "retarded max|ǧ_θ − ǧ_R| = " + maxDiff(c, d, xs));
        // without the EY coupling term the θ-form would be a different (wrong) problem: τ_so matters here
        JunctionSolution e = Junction.of(Boundary.rigid(Bulk.bcs(1)), Boundary.vacuum(), f.withSpinRelaxation(0))
                .matsubara(0.3, Junction.Form.THETA);
        assertTrue(maxDiff(a, e, xs) > 1e-3);
    }

    /** Kupriyanov–Lukichev barriers (outer tunnel end and an internal barrier): θ-form against Riccati. */
    @Test
    void tunnelBoundariesThetaAgainstRiccati() {
        Layer n = Layer.normal(0.6, 1).withMesh(2, 16), fl = Layer.ferromagnet(0.8, 0.7, 0.5).withSpinRelaxation(0.3)
                .withMesh(2, 16);
        Junction j = new Junction(java.util.List.of(n, fl), Boundary.tunnel(Bulk.bcs(1), 0, 0.4), Boundary.vacuum(),
                java.util.List.of(Boundary.barrier(0.3)), false, 0);
        double[] xs = {0, 0.3, 0.6, 0.9, 1.4};
        JunctionSolution a = j.matsubara(0.5, Junction.Form.THETA), b = j.matsubara(0.5, Junction.Form.RICCATI);
        assertTrue(maxDiff(a, b, xs) < 1e-12, "max|ǧ_θ − ǧ_R| = " + maxDiff(a, b, xs));
        // KL at x = 0: L_B Θ′ = sin(Θ − Θ_S)
        Complex th = a.theta(0, 1), ths = Bulk.bcs(1).matsubara(0.5).thetaUp();
        assertEquals(0, a.thetaDerivative(0, 1).multiply(0.4).subtract(th.subtract(ths).sin()).norm(), 1e-11);
    }

    /**
     * A field of 1e-300 along x: physically zero (it changes nothing at double precision), but it makes the Riccati
     * solver take its general path, 2×2 γ and γ̃ (8 unknowns per node), instead of the spin-scalar reduction it uses
     * when no field is present at all.
     */
    static Layer generalMatrix(Layer l) {
        return l.withField(1e-300, 0, 0);
    }

    /**
     * Without an exchange field the θ-form solves one Θ for both spins (τ_so drops out): against the general 4×4
     * Riccati BVP, with a KL outer end, an internal barrier and spin relaxation, Matsubara and retarded (≤ 1e-12).
     */
    @Test
    void spinDegenerateThetaAgainstGeneralMatrixBvp() {
        Layer n = Layer.normal(0.6, 1).withMesh(2, 16), n2 = Layer.normal(0.8, 0.7).withSpinRelaxation(0.3).withMesh(2, 16);
        Junction j = new Junction(java.util.List.of(n, n2), Boundary.tunnel(Bulk.bcs(1), 0, 0.4), Boundary.vacuum(),
                java.util.List.of(Boundary.barrier(0.3)), false, 0);
        Junction general = new Junction(java.util.List.of(n, generalMatrix(n2)), Boundary.tunnel(Bulk.bcs(1), 0, 0.4),
                Boundary.vacuum(), java.util.List.of(Boundary.barrier(0.3)), false, 0);
        double[] xs = {0, 0.3, 0.6, 0.9, 1.4};
        JunctionSolution a = j.matsubara(0.5, Junction.Form.THETA), b = general.matsubara(0.5, Junction.Form.RICCATI);
        assertTrue(maxDiff(a, b, xs) < 1e-12, "Matsubara max|ǧ_θ − ǧ_R| = " + maxDiff(a, b, xs));
        JunctionSolution c = j.retarded(0.3, 1e-2, Junction.Form.THETA), d = general.retarded(0.3, 1e-2, Junction.Form.RICCATI);
        assertTrue(maxDiff(c, d, xs) < 1e-12, "retarded max|ǧ_θ − ǧ_R| = " + maxDiff(c, d, xs));
        assertEquals(a.theta(0.9, 1), a.theta(0.9, -1), "both spins carry the one solved Θ");
    }

    /**
     * Without any exchange field the Riccati solver reduces to γ = aσ0, γ̃ = bσ0 (2 unknowns per node instead of 8):
     * against the general 2×2 Riccati BVP on a phase-biased S|N|S with tunnel ends, an internal barrier and spin
     * relaxation (which drops out), Matsubara and retarded (≤ 1e-11, Newton's step tolerance: the two are the same
     * discrete equations, so they differ only by where each Newton iteration stops; measured 7.1e-14 and 1.3e-12).
     */
    @Test
    void spinScalarRiccatiAgainstGeneralMatrixBvp() {
        Layer n = Layer.normal(0.5, 1).withMesh(2, 14), n2 = Layer.normal(0.4, 0.6).withSpinRelaxation(0.4).withMesh(1, 14);
        java.util.function.Function<Layer, Junction> make = last -> new Junction(java.util.List.of(n, last),
                Boundary.tunnel(Bulk.bcs(1), -0.7, 0.3), Boundary.rigid(Bulk.bcs(1.2), 0.9),
                java.util.List.of(Boundary.barrier(0.2)), false, 0);
        Junction scalar = make.apply(n2), general = make.apply(generalMatrix(n2));
        double[] xs = {0, 0.25, 0.5, 0.7, 0.9};
        JunctionSolution a = scalar.matsubara(0.4, Junction.Form.RICCATI), b = general.matsubara(0.4, Junction.Form.RICCATI);
        assertTrue(maxDiff(a, b, xs) < 1e-11, "Matsubara max|ǧ_scalar − ǧ_general| = " + maxDiff(a, b, xs));
        assertTrue(a.normalizationResidual() < 1e-13);
        JunctionSolution c = scalar.retarded(0.5, 1e-2, Junction.Form.RICCATI),
                d = general.retarded(0.5, 1e-2, Junction.Form.RICCATI);
        assertTrue(maxDiff(c, d, xs) < 1e-11, "retarded max|ǧ_scalar − ǧ_general| = " + maxDiff(c, d, xs));
        // the supercurrent flows (the phase bias is not lost in the reduction)
        assertTrue(Nambu.tau(3).times(a.currentMatrix(0.3)).trace().norm() > 1e-3);
    }

    /**
     * A BVP that does not converge: continuing from a start where Newton cannot converge (a neighbour whose values are
     * NaN, standing in for any hopeless start) must stop with an error that names the residual, the continuation step
     * that failed and the last converged point, and suggests a fix, instead of looping or returning a wrong number.
     */
    @Test
    void nonConvergingContinuationReportsResidualAndFailedStep() {
        Junction j = Junction.of(Boundary.rigid(Bulk.bcs(1)), Boundary.vacuum(), Layer.ferromagnet(1, 1, 0.5).withMesh(1, 8));
        JunctionSolution good = j.matsubara(2.0, Junction.Form.THETA);
        double[] poisoned = good.y();
        java.util.Arrays.fill(poisoned, Double.NaN);
        JunctionSolution bad = new JunctionSolution(j, good.nodes(), good.form(), good.omega(), poisoned, 0, Double.NaN);
        DiffusonException e = assertThrows(DiffusonException.class,
                () -> j.continueTo(new Complex(0.5), Junction.Form.THETA, bad, null, 0));
        assertEquals("bvp", e.parameter());
        String m = e.getMessage();
        assertTrue(m.contains("continuation along the energy axis stalled at"), m);
        assertTrue(m.contains("target 0.5"), m);
        assertTrue(m.contains("residual"), m);
        assertTrue(m.contains("increase η") && m.contains("refine the mesh"), m);
        // a single solve from that start: the residual and the iterations are named
        DiffusonException single = assertThrows(DiffusonException.class,
                () -> j.solve(new Complex(0.5), Junction.Form.THETA, bad, null, 0));
        assertTrue(single.getMessage().contains("Newton did not converge at ω") && single.getMessage().contains("residual"),
                single.getMessage());
    }

    /**
     * Every DOS handed out is checked N(ε) ≥ −O(η): {@link Usadel#checkDos} names the branch problem, and the
     * per-solution accessors ({@link JunctionSolution#dos}, {@link BulkState#dos}) apply it to retarded solutions.
     * A retarded state on the wrong branch (Θ → π − Θ maps g^R → −g^R, the advanced-like branch with N &lt; 0) is
     * refused.
     */
    @Test
    void negativeDensityOfStatesIsABranchError() {
        DiffusonException e = assertThrows(DiffusonException.class, () -> Usadel.checkDos("test", 0.3, -0.2, 1e-3));
        assertEquals("branch", e.parameter());
        assertTrue(e.getMessage().contains("unphysical branch"), e.getMessage());
        assertTrue(e.getMessage().contains("continue along the energy axis"), e.getMessage());
        Usadel.checkDos("test", 0.3, -5e-3, 1e-3);      // −O(η) is accepted
        BulkState s = Bulk.bcs(1).retarded(1.5, 1e-3);
        assertTrue(s.dos() > 1);
        BulkState wrong = new BulkState(s.omega(), new Complex(Math.PI).subtract(s.thetaUp()),
                new Complex(Math.PI).subtract(s.thetaDown()), s.hHat(), 0);
        assertEquals("branch", assertThrows(DiffusonException.class, wrong::dos).parameter());
        Junction j = Junction.of(Boundary.rigid(Bulk.bcs(1)), Boundary.vacuum(), Layer.normal(1, 1).withMesh(1, 8));
        JunctionSolution r = j.retarded(1.5, 1e-3, Junction.Form.THETA);
        assertTrue(r.dos(1) > 0.5, "N(1.5) = " + r.dos(1));
        double[] flipped = r.y().clone();
        for (int i = 0; i < flipped.length; i += 2) {
            flipped[i] = Math.PI - flipped[i];
            flipped[i + 1] = -flipped[i + 1];
        }
        JunctionSolution w = new JunctionSolution(j, r.nodes(), r.form(), r.omega(), flipped, 0, 0);
        assertEquals("branch", assertThrows(DiffusonException.class, () -> w.dos(1)).parameter());
    }

    /** Row 20: helical exchange field, Riccati form regression (1e-4, the row's quoted digits). */
    @Test
    void row20RiccatiHelix() {
        Layer f = new Layer("F", 1.5, 1, 0, 0, 2, 0, 0.6, 3, 0.5, 5, 12);
        Junction j = Junction.of(Boundary.rigid(Bulk.bcs(1)), Boundary.vacuum(), f);
        JunctionSolution s = j.matsubara(0.3, Junction.Form.RICCATI);
        CMatrix g = s.matrix(1.5);
        double[][] exp = {{-0.18745, 0.18085, 0.22013, 0.15017}, {0.22013, -0.15017, 0.18745, 0.18085}};
        for (int i = 0; i < 2; i++)
            for (int k = 0; k < 2; k++) {
                assertEquals(exp[i][2 * k], g.re(i, 2 + k), 1e-4, "f(" + i + "," + k + ") re");
                assertEquals(exp[i][2 * k + 1], g.im(i, 2 + k), 1e-4, "f(" + i + "," + k + ") im");
            }
    }

    @Test
    void badInput() {
        assertEquals("length", assertThrows(DiffusonException.class, () -> Layer.normal(-1, 1)).parameter());
        assertEquals("diffusion", assertThrows(DiffusonException.class, () -> Layer.normal(1, 0)).parameter());
        DiffusonException negD = assertThrows(DiffusonException.class, () -> Layer.ferromagnet(1, -0.5, 1));
        assertEquals("diffusion", negD.parameter());
        assertTrue(negD.getMessage().contains("-0.5"), negD.getMessage());
        assertEquals("radius", assertThrows(DiffusonException.class,
                () -> new Vortex(1, 1, new double[]{0.3, 0, 0}, 0, Math::tanh, 1e-3, -2)).parameter());
        assertEquals("diffusion", assertThrows(DiffusonException.class,
                () -> new Vortex(-1, 1, new double[]{0.3, 0, 0}, 0, Math::tanh, 1e-3, 5)).parameter());
        Junction j = Junction.sns(1, 1, 1, 0);
        // energies on the real axis without broadening: every retarded entry point refuses η ≤ 0
        assertEquals("eta", assertThrows(DiffusonException.class, () -> j.retarded(0.5, 0, Junction.Form.THETA)).parameter());
        assertEquals("eta", assertThrows(DiffusonException.class,
                () -> j.dos(new double[]{0.5}, 0, 0.5, Junction.Form.THETA)).parameter());
        assertEquals("eta", assertThrows(DiffusonException.class,
                () -> j.continueTo(new Complex(0, -0.5), Junction.Form.THETA, null, null, 0)).parameter());
        assertEquals("form", assertThrows(DiffusonException.class,
                () -> Junction.sns(1, 1, 1, 1.0).matsubara(1, Junction.Form.THETA)).parameter());
    }
}
