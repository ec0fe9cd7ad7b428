package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.green.Scba;
import org.diffuson.green.ScbaResult;
import org.diffuson.kubo.Kubo;
import org.diffuson.kubo.KuboResult;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.diffuson.model.Coefficient.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The model builder against the hand-written Hamiltonians it replaces in the presets: the same H(k), velocities equal
 * to 4th-order finite differences (1e-8) and to the analytic ∂H/∂k (1e-13), symmetry detected rather than declared,
 * and SCBA / ladder / Kubo results of the rewritten presets equal to the old classes'.
 */
class TermHamiltonianTest {
    static final Random RNG = new Random(7);

    static double[] k3() { return new double[]{4 * RNG.nextDouble() - 2, 4 * RNG.nextDouble() - 2, 4 * RNG.nextDouble() - 2}; }

    static void sameH(Hamiltonian expected, Hamiltonian actual, double tol) {
        assertEquals(expected.dim(), actual.dim());
        assertEquals(expected.spaceDim(), actual.spaceDim());
        for (int i = 0; i < 20; i++) {
            double[] k = k3();
            if (expected.spaceDim() == 2) k[2] = 0;
            CMatrix a = expected.at(k), b = actual.at(k);
            assertTrue(a.approxEquals(b, tol * Math.max(1, a.normMax())), "H differs at " + java.util.Arrays.toString(k) + ": " + a + " vs " + b);
        }
    }

    static Hamiltonian hamiltonianOf(Preset p, Map<String, Object> params) { return p.builder().with(params).build().hamiltonian(); }

    @Test
    void presetsEqualTheHandWrittenHamiltonians() {
        // H(k) of the builder-based presets equals the old classes entry by entry (rounding level: 1e-14 relative)
        sameH(new ParabolicBand(1.3, 2), hamiltonianOf(Preset.DRUDE, Map.of("m", 1.3)), 1e-14);
        sameH(new ParabolicBand(0.7, 3), hamiltonianOf(Preset.DRUDE, Map.of("m", 0.7, "d", 3.0)), 1e-14);
        sameH(new ZeemanBand(1.1, 0.6), hamiltonianOf(Preset.MINIMAL, Map.of("m", 1.1, "b", 0.6)), 1e-14);
        sameH(new RashbaExchange(0.9, 0.5, 0.1, -0.2, 0.5), hamiltonianOf(Preset.COPT, Map.of("m", 0.9, "bx", 0.1, "by", -0.2)), 1e-14);
        sameH(new RashbaExchange(Double.POSITIVE_INFINITY, 0.5, 0, 0, 0.5), hamiltonianOf(Preset.COPT_TI, Map.of()), 1e-14);
        sameH(new MassiveDirac(1.2, 0.4), hamiltonianOf(Preset.DIRAC, Map.of("vF", 1.2)), 1e-14);
        sameH(new RashbaExchange(1, 0.2, 0, 0, 0), hamiltonianOf(Preset.RASHBA, Map.of()), 1e-14);
        sameH(new QwzModel(1.3), Hamiltonians.qwz().with("m", 1.3), 1e-14);
        sameH(new QwzModel(1.3), hamiltonianOf(Preset.QWZ, Map.of("m", 1.3)), 1e-14);
    }

    @Test
    void exactVelocitiesEqualFiniteDifferencesAndClosedForms() {
        TermHamiltonian[] models = {
                Hamiltonians.rashbaExchange(true).with("m", 0.8, "alpha", 0.5, "bx", 0.2, "by", 0.1, "bz", 0.5),
                Hamiltonians.massiveDirac().with("vF", 1.3, "M", 0.4),
                Hamiltonians.qwz().with("m", 1.2),
                // a cubic (k³) Rashba term and a warping term: higher-degree polynomials
                TermHamiltonian.builder(2, 2).term(Op.s0, k2().over("m"))
                        .term(Op.sx, kx().times(kx()).times(kx()).minus(kx().times(ky()).times(ky()).times(3)).times("l"))
                        .term(Op.sy, kx().times(kx()).times(ky()).times(3).minus(ky().times(ky()).times(ky())).times("l"))
                        .build().with("m", 1, "l", 0.3)};
        double maxFd = 0;
        for (TermHamiltonian h : models) {
            GradientHamiltonian fd = new GradientHamiltonian.FiniteDifference(Hamiltonian.of(2, 2, k -> h.at(k[0], k[1])), 1e-3);
            double[] gx = new double[8], gy = new double[8], fx = new double[8], fy = new double[8];
            for (int i = 0; i < 20; i++) {
                double[] k = k3();
                h.evalGradient(k[0], k[1], gx, gy, 0);
                fd.evalGradient(k[0], k[1], fx, fy, 0);
                for (int j = 0; j < 8; j++) maxFd = Math.max(maxFd, Math.max(Math.abs(gx[j] - fx[j]), Math.abs(gy[j] - fy[j])));
            }
        }
        // stencil truncation h⁴·f⁽⁵⁾/30 ~ 1e-13 (harmonics), rounding 1e-16/h ~ 1e-13: 1e-8 leaves room for |k| ≤ 2
        assertTrue(maxFd < 1e-8, "exact vs finite-difference velocity: " + maxFd);

        // against the analytic gradients of the hand-written classes: exact up to rounding
        double[] gx = new double[8], gy = new double[8], ex = new double[8], ey = new double[8];
        for (int i = 0; i < 20; i++) {
            double[] k = k3();
            models[1].evalGradient(k[0], k[1], gx, gy, 0);
            new MassiveDirac(1.3, 0.4).evalGradient(k[0], k[1], ex, ey, 0);
            assertArrayEquals(ex, gx, 1e-15);
            assertArrayEquals(ey, gy, 1e-15);
            models[2].evalGradient(k[0], k[1], gx, gy, 0);
            new QwzModel(1.2).evalGradient(k[0], k[1], ex, ey, 0);
            assertArrayEquals(ex, gx, 1e-15);
            assertArrayEquals(ey, gy, 1e-15);
        }
        // CoPt: ∂H/∂k_x = k_x/m σ0 − α σy, printed as a formula
        TermHamiltonian vx = models[0].velocity(Axis.X);
        assertTrue(vx.at(0.3, 0.7).approxEquals(Pauli.S0.scale(0.3 / 0.8).minus(Pauli.SY.scale(0.5)), 1e-15));
        assertEquals("∂H/∂kx(k) = kx/m σ0 − alpha σy", vx.formula());
        // 3D velocity along z
        TermHamiltonian h3 = Hamiltonians.parabolic(3).with("m", 2);
        double[] v = new double[2];
        h3.evalVelocity(Axis.Z, 0.1, 0.2, 0.6, v, 0);
        assertEquals(0.3, v[0], 1e-16);
    }

    @Test
    void symmetryIsDetectedNotDeclared() {
        // isotropic and axial models: the generator the old classes declared by hand
        assertEquals(Isotropy.axial(0.5, -0.5), hamiltonianOf(Preset.COPT, Map.of()).isotropy());
        assertEquals(Isotropy.axial(0.5, -0.5), hamiltonianOf(Preset.DIRAC, Map.of()).isotropy());
        assertEquals(Isotropy.axial(0.5, -0.5), hamiltonianOf(Preset.COPT_TI, Map.of()).isotropy());
        assertEquals(Isotropy.Kind.FULL, hamiltonianOf(Preset.DRUDE, Map.of()).isotropy().kind());
        assertEquals(Isotropy.Kind.FULL, hamiltonianOf(Preset.DRUDE, Map.of("d", 3.0)).isotropy().kind());
        // the minimal model depends on |k| only: U = 1 suffices (the old class declared the equivalent J_z)
        assertEquals(Isotropy.Kind.FULL, hamiltonianOf(Preset.MINIMAL, Map.of()).isotropy().kind());
        // cubic Rashba k₋³σ₊ + h.c.: J_z = L_z + 3/2 σz
        TermHamiltonian cubic = TermHamiltonian.builder(2, 2).term(Op.s0, k2().over("m"))
                .term(Op.sx, kx().times(kx()).times(kx()).minus(kx().times(ky()).times(ky()).times(3)).times(0.3))
                .term(Op.sy, kx().times(kx()).times(ky()).times(3).minus(ky().times(ky()).times(ky())).times(0.3))
                .build().with("m", 1);
        assertEquals(Isotropy.axial(1.5, -1.5), cubic.isotropy());
        // Dresselhaus k_x σx − k_y σy: j = (−½, ½)
        assertEquals(Isotropy.axial(-0.5, 0.5),
                TermHamiltonian.builder(2, 2).term(Op.sx, kx()).term(Op.sy, ky().negate()).build().isotropy());
        // anisotropic: in-plane field, Rashba + Dresselhaus, anisotropic mass, lattice, 3D anisotropic → NONE
        assertEquals(Isotropy.NONE, hamiltonianOf(Preset.COPT, Map.of("bx", 0.1)).isotropy());
        assertEquals(Isotropy.NONE, TermHamiltonian.builder(2, 2).term(Op.sx, ky().plus(kx().times(0.2))).term(Op.sy, kx().negate().minus(ky().times(0.2))).build().isotropy());
        assertEquals(Isotropy.NONE, TermHamiltonian.builder(1, 2).term(Op.identity(1), kx().times(kx()).plus(ky().times(ky()).times(2))).build().isotropy());
        assertEquals(Isotropy.NONE, Hamiltonians.qwz().with("m", 1).isotropy());
        assertEquals(Isotropy.NONE, TermHamiltonian.builder(1, 3).term(Op.identity(1), Coefficient.k2().plus(kz().times(kz()).times(3))).build().isotropy());
        // a Java-function Hamiltonian is detected the same way
        assertEquals(Isotropy.axial(0.5, -0.5), Hamiltonian.of(2, 2, k -> new RashbaExchange(1, 0.4, 0, 0, 0.3).at(k)).isotropy());
        // every detected symmetry passes the model's own check H(Rk) = U H(k) U†
        Model.of("cubic", cubic, Disorder.scalar(0.1), 5, Map.of());
    }

    @Test
    void formulaPrintsAndParametersAreSuppliedLate() {
        TermHamiltonian t = Hamiltonians.rashbaExchange(true);
        assertEquals("H(k) = (0.5·kx²/m + 0.5·ky²/m) σ0 + (alpha ky + bx) σx + (−alpha kx + by) σy + bz σz", t.formula());
        DiffusonException e = assertThrows(DiffusonException.class, () -> t.at(0.1, 0.2));
        assertEquals("m", e.parameter());
        assertTrue(e.hint().contains("with(\"m\""));
        assertEquals("nope", assertThrows(DiffusonException.class, () -> t.with("nope", 1.0)).parameter());
        TermHamiltonian b = t.with("m", 1, "alpha", 0.5, "bx", 0, "by", 0, "bz", 0.5);
        assertTrue(b.toString().endsWith("m=1, alpha=0.5, bx=0, by=0, bz=0.5 (ħ=1)"), b.toString());
        // a wrong-size matrix names the term
        assertEquals("term", assertThrows(DiffusonException.class, () -> TermHamiltonian.builder(2, 2).term(Op.gellMann(1), kx())).parameter());
        // Gell-Mann normalisation Tr λa λb = 2 δab
        for (int a = 1; a <= 8; a++)
            for (int c = 1; c <= 8; c++)
                assertEquals(a == c ? 2 : 0, Op.gellMann(a).matrix().times(Op.gellMann(c).matrix()).trace().getReal(), 1e-15);
        assertEquals("σx⊗τz", Op.sx.kron(Op.tau(3)).label());
        // harmonic products expand: cos kx · cos kx = ½ + ½ cos 2kx
        assertEquals(Coefficient.constant(0.5).plus(Coefficient.cos(2, 0).times(0.5)), Coefficient.cos(1, 0).times(Coefficient.cos(1, 0)));
    }

    @Test
    void disorderFactories() {
        assertEquals(Disorder.scalar(2, 0.1).superoperator().matrix(), Disorder.scalar(0.1).superoperator().matrix());
        assertEquals(Disorder.magnetic(0.05).superoperator().matrix(), Disorder.magnetic(0.05, 0.05, 0).superoperator().matrix());
        assertEquals("Γ = 0.1·σ0⊗σ0 + 0.02·σz⊗σz", Disorder.of(Op.s0, 0.1).plus(Op.sz, 0.02).toString());
    }

    /** The rewritten presets give the same SCBA, ladder and Kubo numbers as models on the hand-written classes. */
    @Test
    void presetResultsEqualTheOldClasses() {
        Model copt = Preset.COPT.build();
        Model coptOld = Model.of("copt", new RashbaExchange(1, 0.5, 0, 0, 0.5), Disorder.scalar(2, 0.1), copt.cutoff(), Map.of());
        ScbaResult a = Scba.solve(copt, 0.0), b = Scba.solve(coptOld, 0.0);
        assertTrue(a.sigma().approxEquals(b.sigma(), 1e-13), a.sigma() + " vs " + b.sigma());
        Ladder la = Ladder.scba(copt, 0.3), lb = Ladder.scba(coptOld, 0.3);
        assertTrue(la.atFermiLevel().oneMinusCollisionInBasis().approxEquals(lb.atFermiLevel().oneMinusCollisionInBasis(), 1e-12));
        KuboResult ka = new Kubo(la).conductivity(1, 0), kb = new Kubo(lb).conductivity(1, 0);
        assertEquals(kb.fermiSurface(), ka.fermiSurface(), 1e-11 * Math.abs(kb.fermiSurface()));

        Model min = Preset.MINIMAL.build();
        Model minOld = new Model("minimal", new ZeemanBand(1, 0.6), min.disorder(), min.rung(), min.cutoff(), Map.of());
        ScbaResult c = Scba.solve(min, 1.0), d = Scba.solve(minOld, 1.0);
        assertTrue(c.sigma().approxEquals(d.sigma(), 1e-13), c.sigma() + " vs " + d.sigma());
        Ladder lc = Ladder.scba(min, 1.0), ld = Ladder.scba(minOld, 1.0);
        assertTrue(lc.retardedAdvanced(new double[]{0.05, 0}, 0.01).oneMinusCollisionInBasis()
                .approxEquals(ld.retardedAdvanced(new double[]{0.05, 0}, 0.01).oneMinusCollisionInBasis(), 1e-12));

        Model dirac = Preset.DIRAC.with("gamma", 0.05).build();
        Model diracOld = Model.of("dirac", new MassiveDirac(1, 0.4), Disorder.scalar(2, 0.05), dirac.cutoff(), Map.of());
        KuboResult ke = new Kubo(Ladder.scba(dirac, 1.0)).conductivity(1, 0), kf = new Kubo(Ladder.scba(diracOld, 1.0)).conductivity(1, 0);
        assertEquals(kf.fermiSurface(), ke.fermiSurface(), 1e-11 * Math.abs(kf.fermiSurface()));
    }

    /** The QWZ preset on the builder: same Chern numbers as the hand-written lattice model (Fukui–Hatsugai–Suzuki). */
    @Test
    void latticeBuilderGivesTheChernNumbers() {
        for (double m : new double[]{-1.5, 0.5, 1.5, 3}) {
            var built = (LatticeHamiltonian) Preset.QWZ.with("m", m).build().hamiltonian();
            var hand = new QwzModel(m);
            double c = org.diffuson.integrate.BerryCurvature.chernFukui(built, org.diffuson.integrate.BrillouinZone.uniform(built, 16), 0);
            double d = org.diffuson.integrate.BerryCurvature.chernFukui(hand, org.diffuson.integrate.BrillouinZone.uniform(hand, 16), 0);
            assertEquals(d, c, 1e-10);
            assertEquals(Math.abs(m) < 2 ? 1 : 0, Math.abs(Math.round(c)));
        }
        assertEquals("reciprocalVectors", assertThrows(DiffusonException.class,
                () -> Hamiltonians.qwz().with("m", 1).onLattice(Math.PI, 0, 0, 2 * Math.PI)).parameter());
    }
}
