package org.diffuson.boltzmann;

import org.diffuson.DataTable;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Output of {@link BoltzmannSolver#solve}: the conductivity and spin response per {@link Term} (seed 002 P 52, P 63),
 * the pointwise shell data (Fermi shell first, then the shadow shells that carry the other bands' skew
 * distribution), convergence/consistency diagnostics and warnings. Immutable.
 *
 * @param fermiEnergy      ε_F
 * @param disorder         u_0² of ⟨U(r)U(r′)⟩ = u_0² δ(r − r′)
 * @param form             the skew-scattering form used
 * @param angles           angular points per contour
 * @param conductivity     σ per term, e²/h
 * @param spin             ⟨s⟩/E per term (empty map if no spin operators were given)
 * @param shells           pointwise data; index 0 is the Fermi shell (absent if ε_F is in a gap)
 * @param diagnostics      see {@link Diagnostics}
 * @param warnings         human-readable validity warnings (empty if none)
 */
public record BoltzmannResult(double fermiEnergy, double disorder, SkewForm form, int angles,
                              Map<Term, Conductivity> conductivity, Map<Term, SpinResponse> spin,
                              List<ShellProfile> shells, Diagnostics diagnostics, List<String> warnings) {
    public BoltzmannResult {
        conductivity = Collections.unmodifiableMap(new EnumMap<>(conductivity));
        spin = spin.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(spin));
        shells = List.copyOf(shells);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param solvability      largest relative size of the component removed from a J₀ source to make it solvable
     *                         (≈ 1e-15 when the source is consistent; the skew source of form A is not exactly)
     * @param adjointResidual  max|Σ_k Tr[R′ J(n^{(−1)})] − Σ β n^{(−1)}| relative to the largest component (the J† identity, seed 002 Eq. 47)
     * @param quantumRate      1/τ_q averaged over the Fermi shell (Born out-scattering rate, ħ = 1)
     * @param transportRate    1/τ_tr = ⟨v·v⟩/⟨v·n^{(−1)}⟩ for E ∥ x (equals 1/τ_tr for isotropic bands)
     * @param minPairGap       smallest occupied–empty direct gap met in the Fermi-sea integral
     */
    public record Diagnostics(double solvability, double adjointResidual, double quantumRate, double transportRate, double minPairGap) {}

    /** Σ of all terms. */
    public Conductivity total() {
        Conductivity s = Conductivity.ZERO;
        for (Conductivity c : conductivity.values()) s = s.plus(c);
        return s;
    }

    /** σ of one term. */
    public Conductivity sigma(Term t) { return conductivity.getOrDefault(t, Conductivity.ZERO); }

    /** Σ of all spin terms. */
    public SpinResponse totalSpin() {
        SpinResponse s = SpinResponse.ZERO;
        for (SpinResponse c : spin.values()) s = s.plus(c);
        return s;
    }

    /** Spin response of one term. */
    public SpinResponse spin(Term t) { return spin.getOrDefault(t, SpinResponse.ZERO); }

    /** The Fermi shell (throws if ε_F is in a gap). */
    public ShellProfile fermiShell() {
        if (shells.isEmpty() || shells.get(0).energy() != fermiEnergy)
            throw new org.diffuson.DiffusonException("fermiEnergy", "ε_F = " + fermiEnergy + " is in a gap: there is no Fermi shell", "put ε_F in a band");
        return shells.get(0);
    }

    /** One row per term plus a total: σ_ab in e²/h and χ_ib = ⟨s_i⟩/E_b. */
    public DataTable toTable() {
        Term[] terms = Term.values();
        int rows = terms.length + 1;
        String[] names = new String[rows];
        double[][] c = new double[10][rows];
        for (int r = 0; r < rows; r++) {
            Conductivity s = r < terms.length ? sigma(terms[r]) : total();
            SpinResponse p = r < terms.length ? spin(terms[r]) : totalSpin();
            names[r] = r < terms.length ? terms[r].name() : "TOTAL";
            c[0][r] = s.xx(); c[1][r] = s.xy(); c[2][r] = s.yx(); c[3][r] = s.yy();
            c[4][r] = p.xx(); c[5][r] = p.xy(); c[6][r] = p.yx(); c[7][r] = p.yy(); c[8][r] = p.zx(); c[9][r] = p.zy();
        }
        String[] cols = {"σ_xx (e²/h)", "σ_xy (e²/h)", "σ_yx (e²/h)", "σ_yy (e²/h)", "⟨σ_x⟩/E_x", "⟨σ_x⟩/E_y", "⟨σ_y⟩/E_x", "⟨σ_y⟩/E_y", "⟨σ_z⟩/E_x", "⟨σ_z⟩/E_y"};
        java.util.List<DataTable.Column> t = new java.util.ArrayList<>();
        t.add(DataTable.Column.strings("term", names));
        for (int i = 0; i < cols.length; i++) t.add(DataTable.Column.doubles(cols[i], c[i]));
        return DataTable.of("Boltzmann ε_F=" + org.diffuson.Numbers.format(fermiEnergy) + " u0²=" + org.diffuson.Numbers.format(disorder) + " form " + form
                + " (σ in e²/h; spin density ⟨σ_i⟩ per unit area and unit field, Pauli units ħ/2, e = ħ = 1)", t);
    }
}
