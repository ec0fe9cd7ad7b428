package org.diffuson.gauge;

import org.diffuson.green.Energy;
import org.diffuson.green.ScbaOptions;
import org.diffuson.green.SelfEnergies;
import org.diffuson.integrate.GridOptions;
import org.diffuson.ladder.Ladder;
import org.diffuson.ladder.LadderResult;
import org.diffuson.ladder.LadderCorrelations;
import org.diffuson.ladder.VertexInsertion;
import org.diffuson.DiffusonException;
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
    public static GridCheck scba(SdFerromagnet fm, double cutoffEnergy, GridOptions grid) { return scba(fm, cutoffEnergy, grid, ScbaOptions.defaults()); }

    /**
     * As {@link #scba(SdFerromagnet, double, GridOptions)} with explicit SCBA options. The gauge identities of
     * {@link #kernels} need Σ(ε + ω) − Σ(ε) = Γ[ΔI] to high accuracy, because the diffusion pole amplifies an SCBA
     * error δΣ by ~1/|X|: a tolerance of 1e-13 leaves ~1e-8 relative residuals at |X| ~ 1e-4.
     */
    public static GridCheck scba(SdFerromagnet fm, double cutoffEnergy, GridOptions grid, ScbaOptions options) {
        return new GridCheck(fm, Ladder.scba(fm.toModel(cutoffEnergy), fm.fermiEnergy(), grid, options));
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

    // ---- all four kernels on the k-grid ladder (current vertices of ladder.Bubble) ----

    /** The eight insertions P_σ v_μ (σ = ↑, ↓; μ = 0 density, 1..3 current x, y, z), index 4σ + μ. */
    static final java.util.List<VertexInsertion> INSERTIONS = insertions();

    private static java.util.List<VertexInsertion> insertions() {
        java.util.List<VertexInsertion> v = new java.util.ArrayList<>();
        for (int s = 0; s < 2; s++) {
            CMatrix p = s == 0 ? CMatrix.diagonal(Complex.ONE, Complex.ZERO) : CMatrix.diagonal(Complex.ZERO, Complex.ONE);
            String a = SdFerromagnet.arrow(s);
            v.add(VertexInsertion.density(p, "P" + a));
            for (int i = 0; i < 3; i++) v.add(VertexInsertion.current(p, i, "P" + a + "v_" + "xyz".charAt(i)));
        }
        return java.util.List.copyOf(v);
    }

    /**
     * K^cc, K^sc, K̃^cs, K̃^ss and the source terms ΔK̃^cs, ΔK̃^ss at (q, ω) on the k-grid ladder (seed 004 eqs 18–21,
     * A1–A11, B4), from the spin-resolved correlations L^{σσ'}_μν = ∫Tr[P_σv_μ G^R(k+, ε+ω)(P_σ'v_ν + Λ)G^A(k−, ε)]
     * of {@link Ladder#correlations}, with the SCBA Σ solved at ε + ω and at ε on the same grid:
     * <pre>
     *   K^{ab}_μν = Tr[τ_aτ_b n_ω]δ_μ0δ_ν0 + (iω/2π)[L^RA − δ_μiδ_νj X]^{ab}_μν,   τ_c = 1, τ_s = σ_z,
     *   n_ω = −ΔI/2πi,  ΔI = Σ_k[G^R(ε+ω) − G^A(ε)],   X = ½[L^RR(ε+ω, ε+ω) + L^AA(ε, ε)],  L^AA = (L^RR)*.
     * </pre>
     * n_ω → the grid's DOS matrix as ω → 0 (the compressibility must come from the same grid, and at both energies for
     * K^cc_00(0, ω) = 0). X stands for the RR/AA parts of the continuation (eqs A7–A8) that the wide band drops; over the
     * whole band it cancels the UV tail of Π^RA_ij and the −(q_i/2m)Tr Σ_k(G1 + G2) that RA alone leaves in K_jν q_ν.
     * It is kept only in the current–current block: in the density components it is O(X/ε_Fτ) against RA and would
     * only add an O(ω²) gauge residual. The source terms are eq B4 with I = Σ_kG from the same grid:
     * ΔK̃^{·s}_μ0 = (i/2π)Σ_σ' S_σ' L^RA_{·μ,σ'0} with S = −2Γ̃2 σ_z(ΔI↓, ΔI↑); for ΔI ≈ −2πiν this is
     * ΔK̃^cs_μ0 = −2Γ̃2Σ_σσν_σ̄L^σ_0μ of the Fermi-surface ladder. With Σ at both energies from one SCBA, the
     * identities K q = 0, q K = 0 and (K̃ + ΔK̃)q = 0 then hold on the grid up to the SCBA tolerance amplified by 1/|X|.
     */
    public GaugeKernels kernels(double[] q, double omega) {
        DiffusonException.requireFinite("omega", omega);
        double[] qv = SpinFlipLadder.q3(q);
        double e = fm.fermiEnergy();
        Energy r1 = Energy.retarded(e + omega), a2 = Energy.advanced(e), r2 = Energy.retarded(e);
        LadderCorrelations ra = ladder.correlations(qv, r1, a2, INSERTIONS);
        LadderCorrelations rrHigh = ladder.correlations(qv, r1, r1, INSERTIONS), rrLow = rrAtFermiLevel(qv);
        Complex pref = new Complex(0, omega / (2 * Math.PI));
        // spin-resolved [σ][σ'][μ][ν]: L^RA, minus ½[L^RR(ε+ω, ε+ω) + L^AA(ε, ε)] (L^AA = (L^RR)*) in the current–current block
        Complex[][][][] l = new Complex[2][2][4][4], lra = new Complex[2][2][4][4];
        for (int s = 0; s < 2; s++)
            for (int t = 0; t < 2; t++)
                for (int mu = 0; mu < 4; mu++)
                    for (int nu = 0; nu < 4; nu++) {
                        int a = 4 * s + mu, b = 4 * t + nu;
                        lra[s][t][mu][nu] = ra.get(a, b);
                        l[s][t][mu][nu] = mu == 0 || nu == 0 ? lra[s][t][mu][nu]
                                : lra[s][t][mu][nu].subtract(rrHigh.get(a, b).add(rrLow.get(a, b).conjugate()).multiply(0.5));
                    }
        // the Fermi-sea (compressibility) term from the same grid at both energies: n = −ΔI/2πi → ν_σ as ω → 0
        CMatrix dI = ladder.deltaG(r1, a2);
        Complex n0 = dI.get(0, 0).multiply(new Complex(0, 1 / (2 * Math.PI))), n1 = dI.get(1, 1).multiply(new Complex(0, 1 / (2 * Math.PI)));
        Complex[][][] lc = new Complex[2][4][4], ls = new Complex[2][4][4], lam = new Complex[2][2][4];
        for (int s = 0; s < 2; s++)
            for (int mu = 0; mu < 4; mu++)
                for (int nu = 0; nu < 4; nu++) {
                    lc[s][mu][nu] = l[s][0][mu][nu].add(l[s][1][mu][nu]);
                    ls[s][mu][nu] = l[s][0][mu][nu].subtract(l[s][1][mu][nu]);
                }
        for (int s = 0; s < 2; s++)
            for (int nu = 0; nu < 4; nu++) {
                Complex c = Complex.ZERO, sp = Complex.ZERO;
                for (int t = 0; t < 2; t++) {
                    Complex x = ra.vertexCorrection()[4 * t + nu].get(s, s);
                    c = c.add(x);
                    sp = sp.add(x.multiply(SdFerromagnet.sign(t)));
                }
                lam[0][s][nu] = c;
                lam[1][s][nu] = sp;
            }
        CMatrix kcc = SpinFlipLadder.kernel(lc, pref, n0.add(n1), 1, 1), ksc = SpinFlipLadder.kernel(lc, pref, n0.subtract(n1), 1, -1);
        CMatrix kcs = SpinFlipLadder.kernel(ls, pref, n0.subtract(n1), 1, 1), kss = SpinFlipLadder.kernel(ls, pref, n0.add(n1), 1, -1);
        // eq B4 on the grid: S = −2Γ̃2 σ_z flip(ΔI), ΔI = Σ_k[G^R(ε+ω) − G^A(ε)]
        double g2 = fm.gamma2();
        Complex[] src = {dI.get(1, 1).multiply(-2 * g2), dI.get(0, 0).multiply(2 * g2)};
        Complex ip = new Complex(0, 1 / (2 * Math.PI));
        Complex[][] dcs = GaugeClosedForms.zeros(), dss = GaugeClosedForms.zeros();
        for (int mu = 0; mu < 4; mu++) {
            Complex c = Complex.ZERO, d = Complex.ZERO;
            for (int s = 0; s < 2; s++)
                for (int t = 0; t < 2; t++) {
                    Complex x = lra[s][t][mu][0].multiply(src[t]);
                    c = c.add(x);
                    d = d.add(x.multiply(SdFerromagnet.sign(s)));
                }
            dcs[mu][0] = c.multiply(ip);
            dss[mu][0] = d.multiply(ip);
        }
        return new GaugeKernels(fm, qv, new Complex(omega), kcc, ksc, kcs, kss, CMatrix.of(dcs), CMatrix.of(dss), lc, ls, lam,
                densityBlock(ra).determinant());
    }

    /** The density block (↑↑, ↓↓) of 1 − ΓΦ̄ of a grid correlation: the grid's 1 − WΠ. */
    private CMatrix densityBlock(LadderCorrelations ra) {
        CMatrix m = ladder.model().rung().collision(ra.bubble().phi()).oneMinus().matrix();
        int[] v = {0, 3};
        Complex[][] a = new Complex[2][2];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) a[i][j] = m.get(v[i], v[j]);
        return CMatrix.of(a);
    }

    private volatile Object[] rrCache;   // {q, L^RR(ε, ε) at q}: ω-independent, reused across a frequency scan

    private LadderCorrelations rrAtFermiLevel(double[] q) {
        Object[] c = rrCache;
        if (c != null && java.util.Arrays.equals((double[]) c[0], q)) return (LadderCorrelations) c[1];
        Energy r = Energy.retarded(fm.fermiEnergy());
        LadderCorrelations l = ladder.correlations(q, r, r, INSERTIONS);
        rrCache = new Object[]{q.clone(), l};
        return l;
    }

    /**
     * The Fermi-surface ferromagnet the grid describes: the SCBA's Re Σ_σ(ε_F) shifts ε_Fσ (it is absorbed into ε_F,
     * seed 004 §II), so ε_F,eff = ε_F − (Re Σ↑ + Re Σ↓)/2 and M_eff = M − (Re Σ↑ − Re Σ↓)/2, with the same disorder.
     */
    public SdFerromagnet effectiveFerromagnet() {
        CMatrix s = ladder.scbaResult().sigma();
        double r0 = s.re(0, 0), r1 = s.re(1, 1);
        return new SdFerromagnet(fm.mass(), fm.fermiEnergy() - (r0 + r1) / 2, fm.exchange() - (r0 - r1) / 2, fm.scalar(), fm.magneticPerp(), fm.magneticZ());
    }
}
