package org.diffuson.gauge;

import org.diffuson.DiffusonException;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gives a clear error naming the parameter, or a flagged result; never NaN. */
class BadInputTest {
    @Test
    void exchangeOutOfRange() {
        DiffusonException e = assertThrows(DiffusonException.class, () -> new SdFerromagnet(1, 1, 0, 0.01, 1e-4, 1e-4));
        assertEquals("M", e.parameter());
        DiffusonException h = assertThrows(DiffusonException.class, () -> new SdFerromagnet(1, 1, 1.2, 0.01, 1e-4, 1e-4));
        assertEquals("M", h.parameter());
        assertTrue(h.getMessage().contains("half-metal") && h.hint().contains("Z"), h.getMessage());
        assertThrows(DiffusonException.class, () -> Preset.SD_FERROMAGNET.with("M", 1.5).build());
        assertThrows(DiffusonException.class, () -> Preset.SD_FERROMAGNET.with("M", -0.1).build());
        assertEquals("gamma1", assertThrows(DiffusonException.class, () -> SdFerromagnet.ofRates(1, 1, 0.2, 1e-4, 1e-3)).parameter());
        assertEquals("scalar", assertThrows(DiffusonException.class, () -> new SdFerromagnet(1, 1, 0.2, -1, 0, 0)).parameter());
    }

    @Test
    void marginalSpinDiffusionIsFlagged() {
        assertTrue(SdFerromagnet.setR().warnings().stream().anyMatch(w -> w.contains("marginal") && w.contains("magneticPerp")),
                SdFerromagnet.setR().warnings().toString());
        SdFerromagnet strong = SdFerromagnet.ofRates(1, 1, 0.2, 0.01, 0.008);
        assertTrue(strong.warnings().stream().anyMatch(w -> w.contains("shorter than the mean free path")), strong.warnings().toString());
        SdFerromagnet clean = SdFerromagnet.ofRates(1, 1, 0.2, 0.01, 1e-6);
        assertTrue(clean.warnings().isEmpty(), clean.warnings().toString());
    }

    @Test
    void outsideDiffusiveRegimeIsFlagged() {
        SpinFlipLadder l = new SpinFlipLadder(SdFerromagnet.setR());
        GaugeKernels k = l.at(new double[]{3e-2}, 1e-3);
        assertTrue(k.warnings().stream().anyMatch(w -> w.contains("|X|")), k.warnings().toString());
        assertTrue(k.warnings().stream().anyMatch(w -> w.contains("(q)")), k.warnings().toString());
        assertTrue(k.kcc().allFinite());
        assertEquals("omega", assertThrows(DiffusonException.class, () -> l.at(new double[]{1e-4}, new Complex(0, -1))).parameter());
        assertEquals("omegaLambda", assertThrows(DiffusonException.class, () -> l.matsubara(new double[]{1e-4}, -1e-6)).parameter());
        assertEquals("q", assertThrows(DiffusonException.class, () -> l.at(new double[]{Double.NaN}, 1e-6)).parameter());
    }

    @Test
    void presetRoundTrip() {
        SdFerromagnet r = SdFerromagnet.setR();
        SdFerromagnet back = SdFerromagnet.of(r.toModel(100));
        assertEquals(r, back);
        assertTrue(r.describe().contains("λ_sf"));
    }
}
