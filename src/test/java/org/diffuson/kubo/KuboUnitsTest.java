package org.diffuson.kubo;

import org.diffuson.integrate.GridOptions;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins the unit convention stated in {@link KuboResult}: χ_AB = Σ_k Tr[A G^R B̃ G^A] − …, with
 * Σ_k = ∫d^dk/(2π)^d, ħ = 1, vertices as built by {@link Vertex} (velocity ∂H/∂k, spin σ_a = 2S_a/ħ).
 * A constant broadening Σ = −iη (τ = 1/2η) makes the Fermi-surface bubbles closed forms up to O(1/ε_Fτ) and
 * O(η/Δ) (Δ: band splitting); white scalar disorder gives no velocity vertex correction in these isotropic models.
 * <ul>
 *   <li>charge: χ(v_x, v_x) = σ_xx/(e²/h) = 2πnτ/m = ε_Fτ for one parabolic band (Drude, n = mε_F/2π);</li>
 *   <li>spin current ½{v_x, σ_z} in a Zeeman-split band (spin conserved): χ = χ_↑ − χ_↓ = −2bτ; the physical spin
 *       Hall-type conductivity is (ħ/2e)·χ·e²/h = χ·e/4π (spin counted by σ, i.e. in units of ħ/2);</li>
 *   <li>spin density σ_y in the Rashba band (Edelstein, bare bubble): χ(σ_y, v_x) = mατ, so
 *       δ⟨σ_y⟩/E_x = −(e/2π)·χ = −e m α τ/2π per unit area for electrons (charge −e).</li>
 * </ul>
 */
class KuboUnitsTest {

    private static final double TAU = 100, ETA = 1 / (2 * TAU);

    private static KuboResult bubble(Model m, double ef, Vertex a, Vertex b) {
        int n = m.dim();
        Ladder l = Ladder.fixed(m, ef, CMatrix.diagonal(n, 0, -ETA), "constant η", GridOptions.defaults());
        return new Kubo(l).response(a, b);
    }

    @Test
    void chargeCurrentIsInUnitsOfESquaredOverH() {
        double ef = 5;
        Model m = Preset.DRUDE.with("m", 0.7).with("cutoffEnergy", 60.0).build();
        KuboResult r = bubble(m, ef, Vertex.velocity(m.hamiltonian(), 0), Vertex.velocity(m.hamiltonian(), 0));
        System.out.println("charge: " + r);
        // ε_Fτ = 500; measured RA 500.208 − RR 0.208 = 500.00000 (the RR term cancels the O(1) part of RA);
        // tolerance 1e-4 relative, for the O(1/(ε_Fτ)²) and cutoff terms
        assertEquals(ef * TAU, r.stredaI(), 1e-4 * ef * TAU);
        assertEquals(0, r.vertexRA(), 1e-6 * ef * TAU, "no vertex correction for white scalar disorder");
    }

    @Test
    void spinCurrentCountsSpinInUnitsOfHbarOverTwo() {
        double ef = 5, b = 0.8;
        Model m = Preset.MINIMAL.with("b", b).with("gammaX", 0.0).with("cutoffEnergy", 60.0).build();
        Vertex vx = Vertex.velocity(m.hamiltonian(), 0);
        KuboResult charge = bubble(m, ef, vx, vx);
        KuboResult spin = bubble(m, ef, Vertex.spinCurrent(m.hamiltonian(), 0, Pauli.sigma(3), "σ_z"), vx);
        System.out.println("charge: " + charge + "\nspin current: " + spin);
        assertEquals(2 * ef * TAU, charge.stredaI(), 1e-4 * 2 * ef * TAU);
        // χ_↑ − χ_↓ = (ε_F − b)τ − (ε_F + b)τ = −2bτ = −160 (measured −160.00000: σ, not σ/2, in the vertex);
        // tolerance 1e-4 of the charge value's scale
        assertEquals(-2 * b * TAU, spin.stredaI(), 1e-4 * ef * TAU);
    }

    @Test
    void spinDensityBubbleIsTheEdelsteinForm() {
        double ef = 2, alpha = 0.4, mass = 1;
        Model m = Preset.COPT.with("m", mass).with("alpha", alpha).with("bz", 0.0).with("cutoffEnergy", 60.0).build();
        KuboResult r = bubble(m, ef, Vertex.spin(2), Vertex.velocity(m.hamiltonian(), 0));
        System.out.println("spin density: " + r);
        // intraband: −(1/4η)(k₊ − k₋) = mα/(2η) = mατ = 40; measured 39.9962 (interband terms O(η/2αk_F));
        // tolerance 1e-3 relative. (The dressed value is not pinned: a hand-set η is not the model's Born Σ.)
        assertEquals(mass * alpha * TAU, r.bareRA(), 1e-3 * mass * alpha * TAU);
    }
}
