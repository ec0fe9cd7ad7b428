package org.diffuson.pipeline;

import org.diffuson.kubo.Kubo;
import org.diffuson.kubo.KuboResult;
import org.diffuson.ladder.Ladder;
import org.diffuson.model.Axis;
import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The fluent pipeline equals the step-by-step API, and its certificates are honest. */
class PipelineTest {
    /** Seed 002: SCBA-Kubo σ_yx of the magnetic TI surface (ξ = 0.4, u₀² = 0.025, ε_F = 1), the notebook's row. */
    @Test
    void seed002HallRowEqualsTheStepByStepApi() {
        var model = Preset.DIRAC.with("M", 0.4).with("gamma", 0.025).build();
        Response r = Pipeline.of(model).scba(1.0).ladder().conductivity(Axis.Y, Axis.X);
        KuboResult old = new Kubo(Ladder.scba(model, 1.0)).conductivity(1, 0);
        assertEquals(old.total(), r.value(), 1e-12 * Math.abs(old.total()));
        assertEquals(old.bareRA() - old.bareRR(), r.bare(), 1e-12);
        // the conserving SCBA ladder obeys the Ward identity to rounding; the grid estimate is small but honest
        assertTrue(r.certificate().wardResidual() < 1e-10, r.toString());
        assertTrue(r.certificate().gridChange() < 1e-3 * Math.abs(r.value()), r.toString());
        assertTrue(r.certificate().scbaResidual() < 1e-12, r.toString());
        assertTrue(r.toString().startsWith("σ_yx = 0.8"), r.toString());
        assertTrue(r.toString().contains("e²/h"), r.toString());
    }

    /**
     * Seed 002 with the paper's Born matrix Σᴿ = −(i/2τ)(σ₀ + ξσ_z), 1/(2τ) = u₀²ε_F/4: the fixed-Σ step equals the
     * step-by-step Ladder.fixed + Kubo (regression row 0.837441 at u₀² = 0.025, seed-002 notebook), and its certificate
     * has a grid change but no SCBA or Ward residual (a fixed Σ is not conserving).
     */
    @Test
    void seed002FixedBornMatrixEqualsTheStepByStepApi() {
        var model = Preset.DIRAC.with("M", 0.4).with("gamma", 0.025).build();
        var born = org.diffuson.linalg.Pauli.S0.plus(org.diffuson.linalg.Pauli.SZ.scale(0.4)).scale(0, -0.025 / 4);
        Response r = Pipeline.of(model).fixed(1.0, born, "paper's Born matrix").conductivity(Axis.Y, Axis.X);
        KuboResult old = new Kubo(Ladder.fixed(model, 1.0, born, "Born", org.diffuson.integrate.GridOptions.defaults())).conductivity(1, 0);
        assertEquals(old.total(), r.value(), 1e-12 * Math.abs(old.total()));
        assertEquals(0.837441, r.value(), 5e-7);
        assertTrue(Double.isNaN(r.certificate().scbaResidual()) && Double.isNaN(r.certificate().wardResidual()), r.toString());
        assertTrue(r.certificate().gridChange() < 1e-4 * Math.abs(r.value()), r.toString());
        assertTrue(r.toString().contains("fixed Σ (no SCBA)"), r.toString());
    }

    /** Seed 000: CoPt at E = 0 (the worked example), σ_xx and the SCBA step's text. */
    @Test
    void seed000CoPtEqualsTheStepByStepApi() {
        var model = Preset.COPT.build();
        ScbaStep s = Pipeline.of(model).scba(0.0);
        Ladder old = Ladder.scba(model, 0.0);
        assertEquals(old.scbaResult().tau(), s.tau(), 1e-14 * s.tau());
        Response xx = s.ladder().conductivity(Axis.X, Axis.X);
        assertEquals(new Kubo(old).conductivity(0, 0).total(), xx.value(), 1e-12 * Math.abs(xx.value()));
        assertFalse(s.toString().matches(".*\\d{11,}.*"), s.toString());
        assertTrue(s.toString().contains("τ = "), s.toString());
    }

    /**
     * Rashba 2DEG (both bands occupied, ε_Fτ ≫ 1): the bare spin Hall bubble gives the universal e/8π (0.25 in units
     * of e/2π, Sinova et al.), and the ladder vertex correction cancels it (Inoue, Bauer, Molenkamp 2004). Tolerance
     * 2e-2 relative: O(1/ε_Fτ) and O(α k_F/ε_F) corrections at these parameters.
     */
    @Test
    void rashbaSpinHallIsCancelledByTheVertexCorrection() {
        var model = Preset.RASHBA.with("alpha", 0.2).with("gamma", 0.02).build();
        Response r = Pipeline.of(model).uncertified().scba(5.0).ladder().spinHall(Axis.Z, Axis.Y, Axis.X);
        assertEquals(0.25, Math.abs(r.bare()), 0.25 * 2e-2, r.toString());
        assertTrue(Math.abs(r.value()) < 0.02 * Math.abs(r.bare()), r.toString());
        assertTrue(r.toString().contains("e/2π"), r.toString());
    }

    @Test
    void aFailedCoarseGridCheckIsStatedNotHiddenAsNaN() {
        Certificate failed = new Certificate(1e-14, 2e-15, Double.NaN, 0.8, "grid: the Fermi momentum lies outside the cutoff");
        assertEquals(0, failed.digits(), "no digit is certified by a grid check that failed");
        assertTrue(failed.toString().contains("no grid estimate: the coarser grid failed (grid: the Fermi momentum"), failed.toString());
        Certificate notAsked = new Certificate(1e-14, 2e-15, Double.NaN, 0.8);
        assertFalse(notAsked.toString().contains("grid"), notAsked.toString());
        assertEquals(6, new Certificate(1e-14, 2e-15, 4e-7, 0.8).digits());
    }
}
