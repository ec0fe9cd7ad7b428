package org.diffuson.kubo;

import org.diffuson.linalg.CMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Locale;

/**
 * A linear response χ_AB at T = 0 in the Kubo–Středa form (ħ = 1), term by term:
 * χ = Σ_k Tr[A G^R B̃ G^A] − Re Σ_k Tr[A G^R B̃^{RR} G^R] + χ^{II}, with B̃ = B + Γ[Y] the ladder-dressed vertex.
 * For A = v_a, B = v_b the value is σ_ab in units of e²/h (σ = (e²ħ/2π)·χ and e²/h = e²/2πħ).
 *
 * @param bareRA       Σ Tr[A G^R B G^A] (Středa I, Fermi surface, no vertex correction)
 * @param vertexRA     ladder vertex correction of the RA term
 * @param bareRR       Re Σ Tr[A G^R B G^R] (enters with a minus sign); NaN when only the Fermi-surface term was asked for
 *                     ({@link Kubo#fermiSurface(int, int)}, see {@link #rrComputed()})
 * @param vertexRR     ladder correction of the RR term (Re)
 * @param sea          Středa II (Fermi sea); 0 when not computed (see {@link #seaComputed})
 * @param dressing     Γ[Y^RA]: the k-independent ladder correction to B
 * @param zeroModeOverlap |w†Y₀|/‖Y₀‖ for the deflated conserved mode (≈ 0 for a current vertex)
 */
public record KuboResult(String observable, String field, String selfEnergy, double energy, double bareRA, double vertexRA,
                         double bareRR, double vertexRR, double sea, boolean seaComputed, CMatrix dressing,
                         double zeroModeOverlap) {

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

    public Table table() {
        return Table.create(String.format(Locale.ROOT, "χ(%s, %s) at E=%.6g, %s", observable, field, energy, selfEnergy),
                StringColumn.create("term", "RA bare bubble", "RA vertex correction", "−RR bare", "−RR vertex correction", seaComputed ? "Středa II (sea)" : "Středa II (not computed)", rrComputed() ? "total" : "Fermi-surface RA (RR not computed)"),
                DoubleColumn.create("value", bareRA, vertexRA, -bareRR, -vertexRR, sea, rrComputed() ? total() : fermiSurface()));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "χ(%s, %s) = %.8g  [RA bare %.8g + vertex %.8g; −RR %.3e; sea %s] (%s, E=%.6g)",
                observable, field, rrComputed() ? total() : fermiSurface(), bareRA, vertexRA, -(bareRR + vertexRR), seaComputed ? String.format(Locale.ROOT, "%.6g", sea) : "n/a", selfEnergy, energy);
    }
}
