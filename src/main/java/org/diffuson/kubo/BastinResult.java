package org.diffuson.kubo;

import org.diffuson.DataTable;

import java.util.Locale;

/**
 * χ^B_AB at T = 0 in the Bastin form (bare bubbles), from {@link Bastin}; e²/h for current vertices.
 *
 * @param mu          the chemical potential (the ladder's energy)
 * @param value       χ^B = −2∫_{−∞}^{μ}dε Re Σ_k Tr[A G^R′ B ΔG]
 * @param lowerEdge   where the uniform energy panels start (spectrum bound − 50η); below it a graded tail
 * @param energyNodes number of real energies evaluated
 * @param panelWidth  width of the uniform Gauss–Legendre panels (≤ 2η)
 */
public record BastinResult(String observable, String field, String selfEnergy, double mu, double value, double lowerEdge,
                           int energyNodes, double panelWidth) {
    public DataTable table() {
        return DataTable.of(String.format(Locale.ROOT, "Bastin χ(%s, %s) at μ=%.6g, %s", observable, field, mu, selfEnergy),
                DataTable.Column.strings("quantity", "χ (Bastin, bare)", "lower edge", "energy nodes", "panel width"),
                DataTable.Column.doubles("value", value, lowerEdge, energyNodes, panelWidth));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Bastin χ(%s, %s) = %.10g at μ=%.6g (%s; %d energies from %.4g, panels %.3g)",
                observable, field, value, mu, selfEnergy, energyNodes, lowerEdge, panelWidth);
    }
}
