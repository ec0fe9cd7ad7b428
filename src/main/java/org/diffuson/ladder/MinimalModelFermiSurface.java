package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Rung;

/**
 * Fermi-surface (FS) version of the seed-000 minimal model (eqs 17–21; seed 000 Eqs. 17, 243–252): per-spin DOS n_↑, n_↓, Zeeman E_z,
 * disorder Γ_1, Γ_x; broadening η_s = −Im Σ_s = π(Γ_1 n_s + Γ_x n_{−s}), Re Σ dropped; bubble
 * Φ̄[|s⟩⟨s'|] = B_{ss'}|s⟩⟨s'| with B_{ss'} = π(n_s + n_{s'})/(η_s + η_{s'} + i(s − s')E_z) (RA, our convention; the paper's
 * eq 18 is its complex conjugate). Exact in the wide-band limit for s = s'.
 */
public record MinimalModelFermiSurface(double nUp, double nDown, double ez, double gamma1, double gammaX) {
    public MinimalModelFermiSurface {
        DiffusonException.requirePositive("nUp", nUp);
        DiffusonException.requirePositive("nDown", nDown);
        DiffusonException.requireFinite("ez", ez);
        if (gamma1 < 0 || gammaX < 0 || gamma1 + gammaX == 0)
            throw new DiffusonException("gamma1/gammaX", "must be ≥ 0 and not both 0", "set a positive disorder strength");
    }

    /** From n_0 = (n_↑ + n_↓)/2 and n_z = (n_↑ − n_↓)/2. */
    public static MinimalModelFermiSurface ofAverage(double n0, double nz, double ez, double gamma1, double gammaX) {
        return new MinimalModelFermiSurface(n0 + nz, n0 - nz, ez, gamma1, gammaX);
    }

    /** η_s for s = +1 (index 0) and s = −1 (index 1). */
    public double[] broadening() {
        return new double[]{Math.PI * (gamma1 * nUp + gammaX * nDown), Math.PI * (gamma1 * nDown + gammaX * nUp)};
    }

    /** Σ_1 = (η_↑ + η_↓)/2, the paper's "Σ_1" (it drops the i). */
    public double sigma1() {
        double[] e = broadening();
        return (e[0] + e[1]) / 2;
    }

    /** The FS bubble as a superoperator (diagonal in the |s⟩⟨s'| vec basis). */
    public Superoperator bubble() {
        double[] eta = broadening(), n = {nUp, nDown};
        int[] s = {1, -1};
        double[] d = new double[2 * 16];
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++) {
                // B = π(n_a + n_b)/(η_a + η_b + i(s_a − s_b)E_z)
                double re = eta[a] + eta[b], im = (s[a] - s[b]) * ez, den = re * re + im * im, num = Math.PI * (n[a] + n[b]);
                int v = a + 2 * b;
                d[2 * (v * 4 + v)] = num * re / den;
                d[2 * (v * 4 + v) + 1] = -num * im / den;
            }
        return Superoperator.of(2, CMatrix.of(4, 4, d));
    }

    /** I with the chosen rung placement and HLN sign t. */
    public Superoperator collision(Rung.Placement placement, double t) {
        return Rung.minimal(gamma1, gammaX, t, placement).collision(bubble());
    }

    /** 1 − I in the Pauli basis. */
    public CMatrix oneMinusCollisionPauli(Rung.Placement placement, double t) {
        return collision(placement, t).oneMinus().inStandardBasis();
    }
}
