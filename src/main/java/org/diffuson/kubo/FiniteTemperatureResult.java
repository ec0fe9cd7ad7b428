package org.diffuson.kubo;

import org.diffuson.DataTable;

import java.util.Locale;

/**
 * χ_AB(T, μ) = ∫dε(−∂f/∂ε)χ^I(ε) + χ^{II}(T, μ) from {@link FiniteTemperature} (ħ = k_B = 1; e²/h for current vertices),
 * with the Fermi-window nodes and their T = 0 results.
 *
 * @param energies         ε_j of the Fermi-window quadrature
 * @param weights          w_j with Σ_j w_j g(ε_j) ≈ ∫dε(−∂f/∂ε)g(ε) (Σ w_j = 1 to quadrature accuracy)
 * @param atEnergies       the T = 0 Kubo result (Středa I terms) of the ladder at each ε_j
 * @param stredaI          Σ_j w_j χ^I(ε_j)
 * @param sea              Středa II: 2πT Σ_n Im X^R(μ + iω_n)
 * @param matsubaraTerms   Matsubara frequencies summed explicitly
 * @param matsubaraTail    Euler–Maclaurin tail of the frequency sum (integral + correction)
 * @param eulerMaclaurin   the (h²/24)∂_yX correction within the tail
 */
public record FiniteTemperatureResult(String observable, String field, String selfEnergy, double mu, double temperature,
                                      double[] energies, double[] weights, KuboResult[] atEnergies, double stredaI, double sea,
                                      int matsubaraTerms, double matsubaraTail, double eulerMaclaurin) {
    public FiniteTemperatureResult {
        energies = energies.clone();
        weights = weights.clone();
        atEnergies = atEnergies.clone();
    }

    @Override public double[] energies() { return energies.clone(); }
    @Override public double[] weights() { return weights.clone(); }
    @Override public KuboResult[] atEnergies() { return atEnergies.clone(); }

    /** Total χ(T, μ) = Středa I + Středa II. */
    public double total() { return stredaI + sea; }

    /** Term-by-term summary. */
    public DataTable table() {
        return DataTable.of(String.format(Locale.ROOT, "χ(%s, %s) at μ=%.6g, T=%.4g, %s", observable, field, mu, temperature, selfEnergy),
                DataTable.Column.strings("term", "Středa I (thermal average)", "Středa II (Matsubara, " + matsubaraTerms + " terms + tail)", "total"),
                DataTable.Column.doubles("value", stredaI, sea, total()));
    }

    /** The Fermi window: ε_j, w_j and χ^I(ε_j). */
    public DataTable window() {
        double[] chi = new double[atEnergies.length];
        for (int j = 0; j < chi.length; j++) chi[j] = atEnergies[j].stredaI();
        return DataTable.of("Fermi window at T=" + temperature,
                DataTable.Column.doubles("energy", energies), DataTable.Column.doubles("weight", weights), DataTable.Column.doubles("stredaI", chi));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "χ(%s, %s; T=%.4g, μ=%.6g) = %.10g  [Středa I %.10g; sea %.10g (%d Matsubara + tail %.3e, EM %.1e)] (%s)",
                observable, field, temperature, mu, total(), stredaI, sea, matsubaraTerms, matsubaraTail, eulerMaclaurin, selfEnergy);
    }
}
