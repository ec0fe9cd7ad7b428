package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.green.SelfEnergies;
import org.diffuson.integrate.GridOptions;
import org.diffuson.kubo.Kubo;
import org.diffuson.ladder.Ladder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model family point is the model the preset builds (tolerance 0: the same numbers bit for bit), and a
 * {@link TermHamiltonian#with} that reuses the unchanged terms' compiled coefficients equals a Hamiltonian compiled
 * from scratch with the same values.
 */
class ModelFamilyTest {
    /** H, ∂H/∂k_x, ∂H/∂k_y at a few k and on the axis, interleaved, for bit-for-bit comparison. */
    static double[] probe(TermHamiltonian h) {
        double[][] ks = {{0, 0}, {0.3, -1.7}, {2.5, 0.4}, {-11, 7}, {39, -0.01}};
        int nn = 2 * h.dim() * h.dim();
        double[] out = new double[ks.length * 5 * nn];
        int o = 0;
        for (double[] k : ks) {
            h.eval(k[0], k[1], 0, out, o); o += nn;
            h.evalVelocity(Axis.X, k[0], k[1], 0, out, o); o += nn;
            h.evalVelocity(Axis.Y, k[0], k[1], 0, out, o); o += nn;
            h.evalAxis(k[0], out, o); o += nn;
            h.evalVelocityAxis(Axis.Y, k[1], out, o); o += nn;
        }
        return out;
    }

    @Test
    void familyPointIsThePresetModel() {
        ModelFamily f = Preset.COPT_TI.with("alpha", -1.0).with("gamma", 0.05).with("kc", 40.0).family("bz");
        GridOptions grid = new GridOptions(8, 4, 16, 16);
        for (double xi : new double[]{0.005, 0.3, 0.995, 0.0, -0.4}) {
            Model a = f.at(xi), b = Preset.COPT_TI.with("alpha", -1.0).with("gamma", 0.05).with("kc", 40.0).with("bz", xi).build();
            assertEquals(b.parameters(), a.parameters());
            assertEquals(b.toString(), a.toString());
            assertEquals(b.hamiltonian().isotropy(), a.hamiltonian().isotropy());
            assertArrayEquals(b.hamiltonian().mirrorY(), a.hamiltonian().mirrorY());
            assertArrayEquals(probe((TermHamiltonian) b.hamiltonian()), probe((TermHamiltonian) a.hamiltonian()));
            assertSame(f.base().disorder(), a.disorder());
            if (xi > 0) assertEquals(sigma(b, grid), sigma(a, grid), 0, "σ_xy at ξ=" + xi);
        }
    }

    static double sigma(Model m, GridOptions grid) {
        return new Kubo(Ladder.fixed(m, 1.0, SelfEnergies.bornOnShell(m, 1.0), "on-shell Born", grid)).fermiSurface(0, 1).fermiSurface();
    }

    /**
     * Every preset, every coefficient it lets vary, at 0, a negative and a positive value: the family point is the
     * model the preset builds (parameters, toString, H and ∂H probes, isotropy, mirror, cutoff and rung; tolerance 0),
     * or both refuse the value with the same parameter named.
     */
    @Test
    void everyPresetFamilyPointIsThePresetModel() {
        int points = 0;
        for (Preset preset : Preset.values())
            for (String p : preset.hamiltonianCoefficients()) {
                ModelFamily f = preset.builder().family(p);
                for (double v : new double[]{0, -0.37, 0.61}) {
                    String at = preset + " " + p + "=" + v;
                    Model b;
                    try {
                        b = preset.with(p, v).build();
                    } catch (DiffusonException e) {
                        DiffusonException fe = assertThrows(DiffusonException.class, () -> f.at(v), at);
                        assertEquals(e.parameter(), fe.parameter(), at);
                        continue;
                    }
                    Model a = f.at(v);
                    assertEquals(b.parameters(), a.parameters(), at);
                    assertEquals(b.toString(), a.toString(), at);
                    assertArrayEquals(probe((TermHamiltonian) b.hamiltonian()), probe((TermHamiltonian) a.hamiltonian()), at);
                    assertEquals(b.hamiltonian().isotropy(), a.hamiltonian().isotropy(), at);
                    assertArrayEquals(b.hamiltonian().mirrorY(), a.hamiltonian().mirrorY(), at);
                    assertEquals(b.cutoff(), a.cutoff(), 0, at);
                    assertEquals(b.rung().toString(), a.rung().toString(), at); // Rung: no equals; its description
                    points++;
                }
            }
        assertTrue(points > 20, "points compared: " + points);
    }

    @Test
    void withRecompilesOnlyWhatChangedAndEqualsAFreshCompile() {
        var copt = Hamiltonians.rashbaExchange(true);
        var base = copt.with("m", 1, "alpha", 0.5, "bx", 0.1, "by", 0, "bz", 0.5);
        double[][] changes = {{0.7, 0.5}, {0.5, -0.2}, {0.0, 0.5}, {0.5, 0.0}, {-1.3, 2.0}};
        for (double[] c : changes) {
            TermHamiltonian step = base.with("alpha", c[0]).with("bz", c[1]), fresh = copt.with("m", 1, "alpha", c[0], "bx", 0.1, "by", 0, "bz", c[1]);
            assertArrayEquals(probe(fresh), probe(step));
            assertEquals(fresh.isotropy(), step.isotropy());
            assertArrayEquals(fresh.mirrorY(), step.mirrorY());
            assertArrayEquals(fresh.velocityAxisCoefficients(Axis.X), step.velocityAxisCoefficients(Axis.X));
            assertEquals(fresh.toString(), step.toString());
        }
        // a k-dependent term changed: the symmetry is detected again (α = 0 leaves a scalar band plus b·σ: AXIAL → FULL
        // only without b_x), not inherited
        var axial = copt.with("m", 1, "alpha", 0.5, "bx", 0, "by", 0, "bz", 0.5);
        assertEquals(Isotropy.Kind.AXIAL, axial.isotropy().kind());
        assertEquals(Isotropy.Kind.FULL, axial.with("alpha", 0.0).isotropy().kind());
        // a k-independent diagonal term changed: inherited, and equal to a fresh detection (b_z = 0 too)
        for (double bz : new double[]{0, -3, 1e-3}) assertEquals(copt.with("m", 1, "alpha", 0.5, "bx", 0, "by", 0, "bz", bz).isotropy(), axial.with("bz", bz).isotropy());
        // an in-plane field breaks the symmetry, and is not a diagonal term: detected again
        assertEquals(Isotropy.Kind.NONE, axial.with("bx", 0.2).isotropy().kind());
        // the mirror k_y → −k_y likewise: an in-plane b_x breaks it (null), b_y keeps it; both equal a fresh detection
        axial.mirrorY();
        assertNull(axial.with("bx", 0.2).mirrorY());
        assertArrayEquals(copt.with("m", 1, "alpha", 0.5, "bx", 0, "by", 0.2, "bz", 0.5).mirrorY(), axial.with("by", 0.2).mirrorY());
        assertNotNull(axial.with("by", 0.2).mirrorY());
        // an unchanged value shares everything and still answers the same
        assertArrayEquals(probe(base), probe(base.with("bz", 0.5)));
    }

    /**
     * Detection is tolerance-based (a harmonic counts above 10⁻⁹ of a scale that includes the diagonal terms), so an
     * inherited symmetry must equal a fresh detection also where the scale moves across a harmonic's threshold: b_x =
     * 10⁻⁷ is ignored beside b_z = 10⁴ (AXIAL) but counts beside b_z = 0.1 (NONE), and back.
     */
    @Test
    void inheritedSymmetryEqualsAFreshDetectionAcrossTheTolerance() {
        var copt = Hamiltonians.rashbaExchange(true);
        double[][] cases = {{1e-7, 1e4, 0.1}, {1e-7, 0.1, 1e4}, {0, 1e4, 0.1}, {0, 0.1, 1e13}, {1e-7, 1e4, 2e4}, {0.1, 0.5, -3}};
        for (double[] c : cases) {
            var base = copt.with("m", 1, "alpha", 0.5, "bx", c[0], "by", 0, "bz", c[1]);
            base.isotropy();
            base.mirrorY();
            base.checkIsotropy(10);
            var step = base.with("bz", c[2]);
            var fresh = copt.with("m", 1, "alpha", 0.5, "bx", c[0], "by", 0, "bz", c[2]);
            String at = java.util.Arrays.toString(c);
            assertEquals(fresh.isotropy(), step.isotropy(), at);
            assertArrayEquals(fresh.mirrorY(), step.mirrorY(), at);
            step.checkIsotropy(10);
        }
        // the reproduced case: not AXIAL
        var base = copt.with("m", 1, "alpha", 0.5, "bx", 1e-7, "by", 0, "bz", 1e4);
        assertEquals(Isotropy.Kind.AXIAL, base.isotropy().kind());
        assertEquals(Isotropy.Kind.NONE, base.with("bz", 0.1).isotropy().kind());
    }

    @Test
    void onlyHamiltonianCoefficientsVary() {
        var b = Preset.COPT.with("alpha", 0.3);
        for (String p : new String[]{"m", "gamma", "cutoffEnergy", "nope"}) {
            DiffusonException ex = assertThrows(DiffusonException.class, () -> b.family(p));
            assertEquals(p, ex.parameter());
            assertTrue(ex.getMessage().contains("alpha"), ex.getMessage());
        }
        assertThrows(DiffusonException.class, () -> Preset.COPT_TI.builder().family("bz").at(Double.NaN));
        assertEquals(0.25, Preset.COPT.builder().family("bx").at(0.25).parameters().get("bx"));
    }

    @Test
    void builderHamiltoniansAreHermitianByConstruction() {
        assertTrue(Hamiltonians.rashbaExchange(true).with("m", 1, "alpha", 0.5, "bx", 0.1, "by", 0, "bz", 0.5).hermitianByConstruction());
        assertEquals(false, Hamiltonian.of(2, 2, k -> org.diffuson.linalg.Pauli.SZ).hermitianByConstruction());
    }
}
