package org.diffuson.boltzmann;

import org.diffuson.DataTable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pointwise data on one energy shell (all iso-energy lines at {@link #energy}): the mesh (band, θ, k, quadrature
 * weight) travels with the values. Distribution columns are shell amplitudes: the coefficient g_k of
 * δ(ε^{band}_k − E) per unit field (e = ħ = 1), so that Σ_k n_k F_k = Σ_j weight_j g_j F_j.
 * Column names used by {@link BoltzmannSolver}: {@code n-1_Ex, n-1_Ey} (n^{(−1)}), {@code beta_x, beta_y} (β),
 * {@code gamma_x, gamma_y, gamma_z} (γ), {@code nsj_Ex, nsj_Ey}, {@code nsk_Ex, nsk_Ey}. On the Fermi shell
 * {@code nsk} is the Fermi-shell half of n^sk (the observables use it twice); on the shadow shells it is form B's
 * shadow half, which is not summed into the observables (P 84's valence part for the TI).
 */
public record ShellProfile(double energy, int[] band, double[] theta, double[] kx, double[] ky, double[] weight,
                           Map<String, double[]> columns) {
    public ShellProfile {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public int size() { return band.length; }

    /** A copy of the named column; throws with the list of available names if absent. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null)
            throw new org.diffuson.DiffusonException("column", "no column '" + name + "' on the shell at E = " + energy, "available: " + columns.keySet());
        return c.clone();
    }

    public Set<String> names() { return columns.keySet(); }

    /** One row per contour point. */
    public DataTable toTable() {
        java.util.List<DataTable.Column> t = new java.util.ArrayList<>(java.util.List.of(
                DataTable.Column.ints("band", band), DataTable.Column.doubles("theta", theta), DataTable.Column.doubles("kx", kx),
                DataTable.Column.doubles("ky", ky), DataTable.Column.doubles("weight", weight)));
        for (Map.Entry<String, double[]> e : columns.entrySet()) t.add(DataTable.Column.doubles(e.getKey(), e.getValue()));
        return DataTable.of("shell E=" + energy, t);
    }
}
