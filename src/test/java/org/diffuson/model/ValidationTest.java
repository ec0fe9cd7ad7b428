package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.green.Scba;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.linalg.Superoperator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Bad input gets a DiffusonException naming the parameter and the fix — never a NaN. */
class ValidationTest {
    static DiffusonException fails(Runnable r) { return assertThrows(DiffusonException.class, r::run); }

    @Test
    void nonHermitianHamiltonian() {
        Hamiltonian bad = new Hamiltonian() {
            public int dim() { return 2; }
            public int spaceDim() { return 2; }
            public void eval(double kx, double ky, double kz, double[] out, int off) {
                java.util.Arrays.fill(out, off, off + 8, 0);
                out[off + 2] = kx; // σ+ only: not Hermitian
            }
        };
        DiffusonException e = fails(() -> Model.of("bad", bad, Disorder.scalar(2, 0.1), 5, Map.of()));
        assertEquals("hamiltonian", e.parameter());
        assertTrue(e.getMessage().contains("not Hermitian") && e.hint().contains("H(k)†"));
    }

    @Test
    void negativeOrNonHermitianDisorder() {
        assertEquals("disorder", fails(() -> Disorder.scalar(2, -0.1)).parameter());
        assertEquals("disorder", fails(() -> Disorder.of(Disorder.term(0.1, Pauli.SX.plus(Pauli.SY.scale(0, 1)), "bad"))).parameter());
        // a tensor that is not a covariance: −σx⊗σx
        assertEquals("disorder", fails(() -> Disorder.tensor(Superoperator.sandwich(Pauli.SX).scale(-1))).parameter());
        assertEquals("gamma", fails(() -> Preset.DRUDE.with("gamma", 0.0).build()).parameter());
    }

    @Test
    void cutoffAndPresetParameters() {
        assertEquals("cutoffEnergy", fails(() -> Preset.COPT.with("cutoffEnergy", -1.0).build()).parameter());
        DiffusonException e = fails(() -> Preset.COPT.with("alpah", 0.5));
        assertTrue(e.hint().contains("alpha"));
        assertEquals("alpha", fails(() -> Preset.COPT.with("alpha", "abc")).parameter());
        assertEquals("alpha", fails(() -> Preset.COPT.with("alpha", Double.NaN)).parameter());
        assertEquals("preset", fails(() -> Preset.named("graphene")).parameter());
        assertEquals("placement", fails(() -> Preset.MINIMAL.with("placement", "SIDEWAYS").build()).parameter());
        assertEquals("cutoff", fails(() -> Model.of("x", new ParabolicBand(1, 2), Disorder.scalar(1, 0.1), Double.POSITIVE_INFINITY, Map.of())).parameter());
    }

    @Test
    void fermiEnergyAboveTheCutoff() {
        // cutoff ε(k_c) = 21 for the CoPt preset: E = 30 would need states beyond k_c
        DiffusonException e = fails(() -> Scba.solve(Preset.COPT.build(), 30.0));
        assertEquals("cutoff", e.parameter());
        assertTrue(e.hint().contains("raise the cutoff"));
        fails(() -> Scba.solve(Preset.COPT_TI.build(), -6.0)); // TI: lower band at k_c is −√(α²k_c² + b²) ≈ −5.02
    }

    @Test
    void isotropyClaimsAreChecked() {
        Hamiltonian lying = new Hamiltonian() {
            public int dim() { return 2; }
            public int spaceDim() { return 2; }
            public void eval(double kx, double ky, double kz, double[] out, int off) {
                java.util.Arrays.fill(out, off, off + 8, 0);
                out[off + 2] = kx; out[off + 4] = kx; // k_x σ_x is not rotation covariant with j = (½, −½)
            }
            public Isotropy isotropy() { return Isotropy.axial(0.5, -0.5); }
        };
        assertEquals("isotropy", fails(() -> Model.of("lying", lying, Disorder.scalar(2, 0.1), 5, Map.of())).parameter());
    }

    @Test
    void modelsPrintTheirParameters() {
        String s = Preset.COPT.build().toString();
        assertTrue(s.contains("α=0.5") && s.contains("γ") || s.contains("alpha"), s);
        assertTrue(s.contains("cutoff"));
        assertTrue(Preset.MINIMAL.describe().contains("placement"));
    }

    @Test
    void scbaInAGapGivesNoNaN() {
        // E inside the exchange gap of the TI surface: Σ is real-ish but finite, never NaN
        CMatrix s = Scba.solve(Preset.COPT_TI.build(), 0.1).sigma();
        assertTrue(s.allFinite());
    }

    @Test
    void scalarStrengthIsPresentOnlyForScalarWhiteNoise() {
        assertEquals(0.05, Disorder.scalar(0.05).scalarStrength().orElseThrow(), 1e-17);
        assertTrue(Disorder.magnetic(0.02).scalarStrength().isEmpty(), "magnetic disorder is not Γ[X] = u0²X");
        assertTrue(Disorder.scalar(0.05).plus(Disorder.magnetic(0.01)).scalarStrength().isEmpty());
    }
}
