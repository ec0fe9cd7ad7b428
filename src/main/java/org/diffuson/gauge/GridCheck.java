package org.diffuson.gauge;

import org.diffuson.green.Energy;
import org.diffuson.green.ScbaOptions;
import org.diffuson.green.SelfEnergies;
import org.diffuson.integrate.GridOptions;
import org.diffuson.ladder.Ladder;
import org.diffuson.ladder.LadderResult;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.hipparchus.complex.Complex;

/**
 * The density channel of the seed 004 ladder on the library's k-grid engine ({@link Ladder}: SCBA Σ and bubbles Φ̄ from
 * the same k-sums over the whole parabolic band with a hard cutoff), as an independent check of the Fermi-surface
 * ladder ({@link SpinFlipLadder}): γ_σ = −Im Σ_σ, the Ward identity det(1 − WΠ)(0, 0) = 0, and
 * K^cc_00 = ν₊ + (iω/2π)Tr χ[1], K^sc_00 = ν₋ + (iω/2π)Tr σ_zχ[1] with χ = Φ̄(1 − ΓΦ̄)⁻¹ and ν± from the same grid
 * (a compressibility from another grid spoils K^cc_00(0, ω) = 0). Σ is evaluated at ε and at ε + ω by
 * SCBA (the conserving choice); {@link #constantLifetime()} keeps Σ(ε) at both energies, the choice that breaks
 * charge gauge invariance at finite ω (spec errata).
 */
public final class GridCheck {
    private final SdFerromagnet fm;
    private final Ladder ladder;
    private final double nuPlus, nuMinus;

    private GridCheck(SdFerromagnet fm, Ladder ladder) {
        this.fm = fm;
        this.ladder = ladder;
        CMatrix n = ladder.densityOfStates();
        this.nuPlus = n.re(0, 0) + n.re(1, 1);
        this.nuMinus = n.re(0, 0) - n.re(1, 1);
    }

    /** SCBA at ε_F on an adaptive 3D grid of the model with hard cutoff ε(k_c) = cutoffEnergy. */
    public static GridCheck scba(SdFerromagnet fm, double cutoffEnergy, GridOptions grid) {
        return new GridCheck(fm, Ladder.scba(fm.toModel(cutoffEnergy), fm.fermiEnergy(), grid, ScbaOptions.defaults()));
    }

    /** The same grid with the SCBA Σ(ε_F) used at every energy: a constant lifetime (non-conserving at ω ≠ 0). */
    public GridCheck constantLifetime() {
        CMatrix s = ladder.scbaResult().sigma();
        return new GridCheck(fm, ladder.withSelfEnergy(SelfEnergies.constant(s, "constant Σ(ε_F)")));
    }

    public Ladder ladder() { return ladder; }
    public double nuPlus() { return nuPlus; }
    public double nuMinus() { return nuMinus; }

    /** γ_σ = −Im Σ^R_σσ at ε_F on the grid (SCBA; compare the Born rates of {@link SdFerromagnet#broadening}). */
    public double broadening(int s) { return -ladder.scbaResult().sigma().im(s, s); }

    /** The density block (↑↑, ↓↓) of 1 − I = 1 − ΓΦ̄ at (q, ω): the grid's 1 − WΠ. */
    public CMatrix oneMinusWPi(double[] q, double omega) {
        LadderResult r = ladder.retardedAdvanced(SpinFlipLadder.q3(q), omega);
        CMatrix m = r.oneMinusCollision().matrix();
        int[] v = {0, 3};
        Complex[][] a = new Complex[2][2];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) a[i][j] = m.get(v[i], v[j]);
        return CMatrix.of(a);
    }

    /** {K^cc_00, K^sc_00} at (q, ω) from the grid ladder. */
    public Complex[] densityKernels(double[] q, double omega) {
        LadderResult r = ladder.retardedAdvanced(SpinFlipLadder.q3(q), omega);
        CMatrix x = r.susceptibility().apply(CMatrix.identity(2));
        Complex pre = new Complex(0, omega / (2 * Math.PI));
        Complex cc = x.trace().multiply(pre).add(nuPlus);
        Complex sc = Pauli.SZ.times(x).trace().multiply(pre).add(nuMinus);
        return new Complex[]{cc, sc};
    }

    public SdFerromagnet ferromagnet() { return fm; }

    /** Energy of the Fermi level used by the grid ladder. */
    public Energy fermiLevel() { return Energy.retarded(fm.fermiEnergy()); }
}
