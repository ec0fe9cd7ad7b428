package org.diffuson.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.diffuson.model.Coefficient.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The compiled forms a builder model evaluates in hot loops against the independent routes they replace: H on the
 * k_x axis (per-entry polynomial, Horner) and the exact axis velocities against the general evaluation and against
 * the library's 4th-order finite-difference stencil; the closed-form angular harmonics of the symmetry detection
 * against the numerical detection (32-angle Fourier analysis on three circles) for Rashba, Dresselhaus, their sum,
 * cubic Rashba, massive Dirac, anisotropic and lattice models.
 */
class CompiledHamiltonianTest {
    static List<TermHamiltonian> models() {
        List<TermHamiltonian> hs = new ArrayList<>();
        hs.add(Hamiltonians.rashbaExchange(true).with("m", 1.3, "alpha", 0.5, "bx", 0.2, "by", -0.1, "bz", 0.5));
        hs.add(Hamiltonians.rashbaExchange(true).with("m", 1, "alpha", 0.5, "bx", 0, "by", 0, "bz", 0.5));
        hs.add(Hamiltonians.rashbaExchange(false).with("alpha", 0.0, "bx", 0, "by", 0, "bz", 0.5));
        hs.add(Hamiltonians.massiveDirac().with("vF", 1, "M", 0.3));
        hs.add(Hamiltonians.zeeman().with("m", 1, "b", 0.3));
        hs.add(Hamiltonians.parabolic(2).with("m", 0.7));
        hs.add(Hamiltonians.parabolic(3).with("m", 0.7));
        hs.add(TermHamiltonian.builder(2, 2).term(Op.sx, kx().times("b")).term(Op.sy, ky().times("b").negate()).build().with("b", 0.4));
        hs.add(TermHamiltonian.builder(2, 2).term(Op.sx, kx().times("b").plus(ky().times("a")))
                .term(Op.sy, ky().times("b").negate().plus(kx().times("a").negate())).build().with("b", 0.4, "a", 0.3));
        hs.add(TermHamiltonian.builder(2, 2).term(Op.s0, k2())
                .term(Op.sx, kx().times(kx()).times(ky()).times(3.0).plus(ky().times(ky()).times(ky()).negate()))
                .term(Op.sy, kx().times(kx()).times(kx()).plus(kx().times(ky()).times(ky()).times(-3.0))).build());
        hs.add(TermHamiltonian.builder(2, 2).term(Op.s0, kx().times(kx()).times(2.0).plus(ky().times(ky()))).term(Op.sz, 0.3).build());
        hs.add(Hamiltonians.qwz().with("m", 1.0));
        return hs;
    }

    @Test
    void axisPolynomialsEqualTheGeneralEvaluation() {
        Random rng = new Random(3);
        for (TermHamiltonian h : models()) {
            int len = 2 * h.dim() * h.dim();
            double[] a = new double[len], b = new double[len], buf = new double[4 * len];
            for (int i = 0; i < 20; i++) {
                double k = 3 * rng.nextDouble();
                h.evalAxis(k, a, 0);
                h.eval(k, 0, 0, b, 0);
                assertArrayEquals(b, a, 1e-14 * (1 + maxAbs(b)), "H(k,0,0) of " + h);
                for (Axis ax : h.spaceDim() == 2 ? new Axis[]{Axis.X, Axis.Y} : Axis.values()) {
                    h.evalVelocityAxis(ax, k, a, 0);
                    h.evalVelocity(ax, k, 0, 0, b, 0);
                    assertArrayEquals(b, a, 1e-14 * (1 + maxAbs(b)), "v_" + ax.label() + "(k,0,0) of " + h);
                    // against the stencil (exact to rounding ~1e-16/h for polynomials of degree ≤ 4)
                    GradientHamiltonian.stencil(h, k, 0, 0, ax.index(), 1e-3, buf, b, 0);
                    assertArrayEquals(b, a, 1e-9 * (1 + maxAbs(b)), "stencil v_" + ax.label() + " of " + h);
                }
            }
        }
    }

    @Test
    void closedFormSymmetryDetectionEqualsTheNumericalOne() {
        for (TermHamiltonian h : models())
            assertEquals(Isotropy.detect(h, 1.0), h.isotropy(), "symmetry of " + h);
        assertEquals(Isotropy.axial(0.5, -0.5), Hamiltonians.massiveDirac().with("vF", 1, "M", 0.3).isotropy());
        assertEquals(Isotropy.NONE, models().get(0).isotropy()); // in-plane exchange breaks the rotation
    }

    @Test
    void velocityEntryPointIsExactForBuilderModelsAndTheStencilOtherwise() {
        TermHamiltonian h = Hamiltonians.rashbaExchange(true).with("m", 1, "alpha", 0.5, "bx", 0, "by", 0, "bz", 0.5);
        Hamiltonian plain = Hamiltonian.of(2, 2, k -> h.at(k));  // no gradient: the stencil path
        double[] exact = new double[8], fd = new double[8], buf = new double[32];
        for (int ax = 0; ax < 2; ax++) {
            GradientHamiltonian.velocity(h, ax, 0.7, -0.4, 0, buf, exact);
            GradientHamiltonian.velocity(plain, ax, 0.7, -0.4, 0, buf, fd);
            double[] ref = new double[8];
            h.evalVelocity(Axis.of(ax), 0.7, -0.4, 0, ref, 0);
            assertArrayEquals(ref, exact, 0);
            assertArrayEquals(ref, fd, 1e-10);
        }
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
