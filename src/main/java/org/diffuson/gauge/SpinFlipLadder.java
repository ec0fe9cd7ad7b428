package org.diffuson.gauge;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

/**
 * The 2×2 spin-flip ladder of seed 004 (eqs A5–A6, D2–D3 with the errata's +Γ̃2Π_σ̄Λ_s^σ̄) on exact wide-band bubbles
 * ({@link FermiSurfaceBubble}), and the four Kubo kernels it builds (eqs 18–21, A7–A11):
 * <pre>
 *   (1 − WΠ)Λ = W Π_0ν,   W = [[Γ̃1, Γ̃2], [Γ̃2, Γ̃1]],   Π = diag(Π↑, Π↓)            (charge source, eq A6)
 *   (1 − WΠ)Λ_s = W σ Π_0ν                                                       (spin source, eq D3 corrected)
 *   L^σ_μν = Π^σ_μν + Π^σ_μ0 Λ^σ_ν,  L_s^σ_μν = σΠ^σ_μν + Π^σ_μ0 Λ_s^σ_ν
 *   K^cc = ν₊δδ + (iω/2π)Σ_σ L^σ,  K^sc = ν₋δδ + (iω/2π)Σ_σ σL^σ,
 *   K̃^cs = ν₋δδ + (iω/2π)Σ_σ L_s^σ,  K̃^ss = ν₊δδ + (iω/2π)Σ_σ σL_s^σ.
 * </pre>
 * All orders in X = (Dq² − iω)τ are kept (no expansion); the leading order is {@link GaugeClosedForms}. The near-singular
 * 1 − WΠ is assembled as A₀ + WPδ with det A₀ = 0 exactly (ν is its left null vector: γ_σ is the Born rate of the same
 * W), so det(1 − WΠ) = O(X) is computed without cancellation, and the full density vertices 1 + Λ_0 = A⁻¹·1 and
 * σ + Λ_s,0 = A⁻¹σ are solved for directly. A complex ω = iω_λ gives the Matsubara kernels K(q, iω_λ).
 */
public final class SpinFlipLadder {
    private final SdFerromagnet fm;

    public SpinFlipLadder(SdFerromagnet fm) { this.fm = fm; }

    public SdFerromagnet ferromagnet() { return fm; }

    /** Kernels at wave vector q (3 components, 1/length) and real frequency ω (retarded). */
    public GaugeKernels at(double[] q, double omega) { return at(q, new Complex(DiffusonException.requireFinite("omega", omega))); }

    /** Matsubara kernels K(q, iω_λ), ω_λ &gt; 0 (T = 0: bosonic frequency is continuous). */
    public GaugeKernels matsubara(double[] q, double omegaLambda) {
        if (!(omegaLambda > 0)) throw new DiffusonException("omegaLambda", "must be > 0, got " + omegaLambda, "the RA continuation starts from ω_λ > 0");
        return at(q, new Complex(0, omegaLambda));
    }

    /** Kernels at a complex frequency ω on the RA branch (Im ω &gt; −1/τ). */
    public GaugeKernels at(double[] q, Complex omega) {
        double[] qv = q3(q);
        Complex iw = omega.multiply(Complex.I);
        FermiSurfaceBubble.Values[] b = {FermiSurfaceBubble.of(fm, 0, qv, omega), FermiSurfaceBubble.of(fm, 1, qv, omega)};
        Complex[][] a = matrix(b);
        Complex det = determinant(b, a);
        double g1 = fm.gamma1(), g2 = fm.gamma2();
        Complex[][][] lam = new Complex[2][2][4], pi = {b[0].pi(), b[1].pi()};   // [charge|spin][spin][ν]
        Complex[] full0 = solve(a, det, new Complex[]{Complex.ONE, Complex.ONE});          // 1 + Λ_0
        Complex[] fullS0 = solve(a, det, new Complex[]{Complex.ONE, Complex.ONE.negate()}); // σ + Λ_s,0
        for (int s = 0; s < 2; s++) {
            lam[0][s][0] = full0[s].subtract(1);
            lam[1][s][0] = fullS0[s].subtract(SdFerromagnet.sign(s));
        }
        for (int nu = 1; nu < 4; nu++) {
            Complex[] rc = new Complex[2], rs = new Complex[2];
            for (int s = 0; s < 2; s++) {
                int t = 1 - s;
                rc[s] = pi[s][0][nu].multiply(g1).add(pi[t][0][nu].multiply(g2));
                rs[s] = pi[s][0][nu].multiply(g1 * SdFerromagnet.sign(s)).add(pi[t][0][nu].multiply(g2 * SdFerromagnet.sign(t)));
            }
            Complex[] lc = solve(a, det, rc), ls = solve(a, det, rs);
            for (int s = 0; s < 2; s++) {
                lam[0][s][nu] = lc[s];
                lam[1][s][nu] = ls[s];
            }
        }
        Complex[][][] l = new Complex[2][4][4], lsp = new Complex[2][4][4];
        for (int s = 0; s < 2; s++) {
            double sg = SdFerromagnet.sign(s);
            for (int mu = 0; mu < 4; mu++) {
                l[s][mu][0] = pi[s][mu][0].multiply(full0[s]);
                lsp[s][mu][0] = pi[s][mu][0].multiply(fullS0[s]);
                for (int nu = 1; nu < 4; nu++) {
                    l[s][mu][nu] = pi[s][mu][nu].add(pi[s][mu][0].multiply(lam[0][s][nu]));
                    lsp[s][mu][nu] = pi[s][mu][nu].multiply(sg).add(pi[s][mu][0].multiply(lam[1][s][nu]));
                }
            }
        }
        Complex pref = iw.divide(2 * Math.PI);
        double np = fm.nuPlus(), nm = fm.nuMinus();
        Complex cp = new Complex(np), cm = new Complex(nm);
        CMatrix kcc = kernel(l, pref, cp, 1, 1), ksc = kernel(l, pref, cm, 1, -1);
        CMatrix kcs = kernel(lsp, pref, cm, 1, 1), kss = kernel(lsp, pref, cp, 1, -1);
        // eq B4 with Im I^R = −πν_σ, built from full-ladder L's: ΔK̃^cs_μ0 = −2Γ̃2 Σ_σ σ ν_σ̄ L^σ_0μ
        Complex[][] dcs = GaugeClosedForms.zeros(), dss = GaugeClosedForms.zeros();
        for (int mu = 0; mu < 4; mu++) {
            Complex c = Complex.ZERO, d = Complex.ZERO;
            for (int s = 0; s < 2; s++) {
                double sg = SdFerromagnet.sign(s), nub = fm.dos(1 - s);
                c = c.add(l[s][0][mu].multiply(-2 * g2 * sg * nub));
                d = d.add(lsp[s][0][mu].multiply(-2 * g2 * sg * nub));
            }
            dcs[mu][0] = c;
            dss[mu][0] = d;
        }
        return new GaugeKernels(fm, qv, omega, kcc, ksc, kcs, kss, CMatrix.of(dcs), CMatrix.of(dss), l, lsp, lam, det);
    }

    /** det(1 − WΠ)(q, ω): vanishes at the diffusion poles; O(X) near them, computed without cancellation. */
    public Complex determinant(double[] q, Complex omega) {
        double[] qv = q3(q);
        FermiSurfaceBubble.Values[] b = {FermiSurfaceBubble.of(fm, 0, qv, omega), FermiSurfaceBubble.of(fm, 1, qv, omega)};
        return determinant(b, matrix(b));
    }

    private Complex[][] matrix(FermiSurfaceBubble.Values[] b) {
        double g1 = fm.gamma1(), g2 = fm.gamma2(), n0 = fm.dos(0), n1 = fm.dos(1);
        Complex[][] a = new Complex[2][2];
        a[0][0] = b[0].defect().multiply(g1 * b[0].p()).add(g2 * b[0].p() * n1 / n0);
        a[1][1] = b[1].defect().multiply(g1 * b[1].p()).add(g2 * b[1].p() * n0 / n1);
        a[0][1] = b[1].pi()[0][0].multiply(-g2);
        a[1][0] = b[0].pi()[0][0].multiply(-g2);
        return a;
    }

    /** det(A₀ + B) with det A₀ = 0 dropped analytically (A₀ = 1 − WP, B = WPδ). */
    private Complex determinant(FermiSurfaceBubble.Values[] b, Complex[][] a) {
        double g1 = fm.gamma1(), g2 = fm.gamma2(), n0 = fm.dos(0), n1 = fm.dos(1), p0 = b[0].p(), p1 = b[1].p();
        Complex b00 = b[0].defect().multiply(g1 * p0), b11 = b[1].defect().multiply(g1 * p1);
        Complex b01 = b[1].defect().multiply(g2 * p1), b10 = b[0].defect().multiply(g2 * p0);
        double a00 = g2 * p0 * n1 / n0, a11 = g2 * p1 * n0 / n1, a01 = -g2 * p1, a10 = -g2 * p0;
        Complex detB = b00.multiply(b11).subtract(b01.multiply(b10));
        return b11.multiply(a00).add(b00.multiply(a11)).subtract(b10.multiply(a01)).subtract(b01.multiply(a10)).add(detB);
    }

    /**
     * x = A⁻¹r by Cramer's rule with the cancellation-free det above. Not {@code ZOps.invert2}/{@code GreenWorkspace}:
     * their det = a₀₀a₁₁ − a₀₁a₁₀ subtracts two O(1) numbers whose difference is O(X) near a diffusion pole, losing
     * log₁₀(1/X) digits that the split A₀ + WPδ keeps.
     */
    private static Complex[] solve(Complex[][] a, Complex det, Complex[] r) {
        if (det.norm() == 0 || det.isNaN())
            throw new DiffusonException("q/omega", "the ladder is singular (on a diffusion pole)", "move ω off the real pole (ω ≠ 0 or q ≠ 0)");
        Complex x0 = a[1][1].multiply(r[0]).subtract(a[0][1].multiply(r[1])).divide(det);
        Complex x1 = a[0][0].multiply(r[1]).subtract(a[1][0].multiply(r[0])).divide(det);
        return new Complex[]{x0, x1};
    }

    /** K_μν = sea·δ_μ0δ_ν0 + pref·(w0 L↑_μν + w1 L↓_μν) (eqs A7–A11). */
    static CMatrix kernel(Complex[][][] l, Complex pref, Complex sea, double w0, double w1) {
        Complex[][] k = new Complex[4][4];
        for (int mu = 0; mu < 4; mu++)
            for (int nu = 0; nu < 4; nu++)
                k[mu][nu] = l[0][mu][nu].multiply(w0).add(l[1][mu][nu].multiply(w1)).multiply(pref).add(mu == 0 && nu == 0 ? sea : Complex.ZERO);
        return CMatrix.of(k);
    }

    static double[] q3(double[] q) {
        if (q == null || q.length == 0 || q.length > 3)
            throw new DiffusonException("q", "needs 1 to 3 components", "pass q = {qx} or {qx, qy, qz}");
        double[] v = new double[3];
        for (int i = 0; i < q.length; i++) v[i] = DiffusonException.requireFinite("q", q[i]);
        return v;
    }
}
