package org.diffuson.kubo;

import org.diffuson.DataTable;
import org.diffuson.linalg.CMatrix;

import java.util.Locale;

/**
 * A linear response χ_AB at T = 0 in the Kubo–Středa form (ħ = 1), term by term:
 * χ = Σ_k Tr[A G^R B̃ G^A] − Re Σ_k Tr[A G^R B̃^{RR} G^R] + χ^{II}, with B̃ = B + Γ[Y] the ladder-dressed vertex.
 * <p><b>Units.</b> Σ_k = ∫d^dk/(2π)^d (the {@link org.diffuson.integrate.KGrid} weights), so χ is per unit area (2D)
 * or volume (3D); the trace runs over the model's orbitals and spins (no extra spin-degeneracy factor). With the
 * field vertex B = v_b = ∂H/∂k_b, the response to an electric field E_b acting on carriers of charge q (q = −e for
 * electrons) is δ⟨A⟩/E_b = q·χ/h (ħ = 1: q·χ/2π; with ħ restored the velocities are ∂H/ħ∂k). Read χ as:
 * <ul>
 *   <li>charge current, A = v_a (current density q·v_a): σ_ab = q²χ/h, i.e. χ is σ_ab in units of <b>e²/h</b>;</li>
 *   <li>spin density, A = σ_a ({@link Vertex#spin}: Pauli matrices, spin S_a = (ħ/2)σ_a): δ⟨σ_a⟩/E_b = q·χ/h
 *       (per unit area), δ⟨S_a⟩/E_b = (ħ/2)·q·χ/h = q·χ/4π (ħ = 1);</li>
 *   <li>spin current, A = ½{v_a, σ_c} ({@link Vertex#spinCurrent} with σ_c; spin counted by σ, i.e. in units of
 *       ħ/2): the current of S_c is j_a = (ħ/2)·q·χ/h·E_b = q·χ/4π·E_b; in the common convention
 *       σ^s = (2q/ħ)·j/E it is σ^s_ab = χ in units of <b>e²/h</b>;</li>
 *   <li>any other vertex (torque, orbital moment): δ⟨A⟩/E_b = q·χ/h in the units of A.</li>
 * </ul>
 * The test {@code KuboUnitsTest} pins these: Drude χ(v_x, v_x) = ε_Fτ = 2πnτ/m, a Zeeman band's
 * χ(½{v_x, σ_z}, v_x) = χ_↑ − χ_↓ = −2bτ, and the Rashba (Edelstein) bubble χ(σ_y, v_x) = mατ.
 *
 * @param bareRA       Σ Tr[A G^R B G^A] (Středa I, Fermi surface, no vertex correction)
 * @param vertexRA     ladder vertex correction of the RA term
 * @param bareRR       Re Σ Tr[A G^R B G^R] (enters with a minus sign); NaN when only the Fermi-surface term was asked for
 *                     ({@link Kubo#fermiSurface(int, int)}, see {@link #rrComputed()})
 * @param vertexRR     ladder correction of the RR term (Re)
 * @param sea          Středa II (Fermi sea); 0 when not computed (see {@link #seaComputed})
 * @param dressing     Γ[Y^RA]: the k-independent ladder correction to B
 * @param zeroModeOverlap |w†Y₀|/‖Y₀‖ for the deflated conserved mode (≈ 0 for a current vertex)
 * @param refinement   null, or how the k-grid was refined automatically because the ladder's own grid did not resolve
 *                     the Fermi surface ({@link GridRefinement}); then every term was computed on the refined grid
 */
public record KuboResult(String observable, String field, String selfEnergy, double energy, double bareRA, double vertexRA,
                         double bareRR, double vertexRR, double sea, boolean seaComputed, CMatrix dressing,
                         double zeroModeOverlap, GridRefinement refinement) {

    /** A result computed on the ladder's own grid (no automatic refinement). */
    public KuboResult(String observable, String field, String selfEnergy, double energy, double bareRA, double vertexRA,
                      double bareRR, double vertexRR, double sea, boolean seaComputed, CMatrix dressing, double zeroModeOverlap) {
        this(observable, field, selfEnergy, energy, bareRA, vertexRA, bareRR, vertexRR, sea, seaComputed, dressing, zeroModeOverlap, null);
    }

    /** The same values, computed on the grid of {@code r}. */
    KuboResult withRefinement(GridRefinement r) {
        return new KuboResult(observable, field, selfEnergy, energy, bareRA, vertexRA, bareRR, vertexRR, sea, seaComputed, dressing, zeroModeOverlap, r);
    }

    /** Fermi-surface RA part with vertex corrections. */
    public double fermiSurface() { return bareRA + vertexRA; }

    /** False when only the RA Fermi-surface term was computed ({@link Kubo#fermiSurface(int, int)}). */
    public boolean rrComputed() { return !Double.isNaN(bareRR) && !Double.isNaN(vertexRR); }

    /** Středa I: RA − RR (both ladder dressed). */
    public double stredaI() {
        if (!rrComputed())
            throw new org.diffuson.DiffusonException("terms", "only the RA Fermi-surface term was computed (no RR term)",
                    "use Kubo.conductivity / response (Středa I) or conductivityWithSea (I + II) for this value");
        return bareRA + vertexRA - bareRR - vertexRR;
    }

    /** Total: Středa I + Středa II (if computed). */
    public double total() { return stredaI() + sea; }

    public DataTable table() {
        return DataTable.of(String.format(Locale.ROOT, "χ(%s, %s) at E=%.6g, %s", observable, field, energy, selfEnergy)
                        + (refinement == null ? "" : " (" + refinement + ")"),
                DataTable.Column.strings("term", "RA bare bubble", "RA vertex correction", "−RR bare", "−RR vertex correction", seaComputed ? "Středa II (sea)" : "Středa II (not computed)", rrComputed() ? "total" : "Fermi-surface RA (RR not computed)"),
                DataTable.Column.doubles("value", bareRA, vertexRA, -bareRR, -vertexRR, sea, rrComputed() ? total() : fermiSurface()));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "χ(%s, %s) = %.8g  [RA bare %.8g + vertex %.8g; −RR %.3e; sea %s] (%s, E=%.6g)",
                observable, field, rrComputed() ? total() : fermiSurface(), bareRA, vertexRA, -(bareRR + vertexRR), seaComputed ? String.format(Locale.ROOT, "%.6g", sea) : "n/a", selfEnergy, energy)
                + (refinement == null ? "" : "; " + refinement);
    }
}
