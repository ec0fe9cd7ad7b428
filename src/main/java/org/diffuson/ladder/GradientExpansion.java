package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.integrate.KGrid;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Model;
import org.hipparchus.complex.Complex;

/**
 * The semi-analytic spin-diffusion coefficients of seed 000 Sec. V (Eqs. 376–421) for the CoPt model
 * H = k²/2m + α(k_yσ_x − k_xσ_y) + b_zσ_z with a conserving (sandwich) rung, evaluated numerically with the SCBA Σ
 * (which the paper left undone). Sec. V's approximations, in the library's conventions (G = (z − H − Σ)⁻¹; RA ladder
 * z₁ = E + ω + i0, z₂ = E − i0 as in Eq. 7 rather than Sec. V's E ± ω/2):
 * <ul>
 *   <li>G^{R,A} = Σ_s P_s^{R,A}/d_s^{R,A} with P_s = ½(1 + s h·σ/S), d_s = E − ε_k − Σ_0 − sS,
 *       S = √(α²k² + (b_z + Σ_z)²) (Eqs. 376–377);</li>
 *   <li>the numerators P_s are taken at q = 0, ω = 0, and only the denominators are expanded to linear order in q and
 *       ω (Eq. 378 and the text after it): d_s^R(k + q/2, E + ω) ≈ d_s^R + ωZ_s − v_s k̂·q/2, with the band velocity
 *       v_s = ∂_k(ε_k + sS) (Eqs. 379–382) and Z_s = ∂_E d_s (Σ's energy dependence, kept in Eq. 399's δ);</li>
 *   <li>the product of denominators is written as ρ/(D^R − D^A) with the spectral weight ρ = 1/d^A − 1/d^R taken at
 *       q = ω = 0 (Eqs. 393–397), and 1/(δ + ωZ − V k̂·q) is expanded to second order in q (Eq. 398), with
 *       δ = d^R − d^A and V = (v^R + v^A)/2 (Eq. 381);</li>
 *   <li>the angular averages (Eqs. 401–421: μ, d, γ) are done exactly (a trapezoid rule in θ, exact for the
 *       trigonometric polynomials that appear), the radial integral on the ladder's grid.</li>
 * </ul>
 * The result is the bubble as a polynomial Φ̄(q, ω) ≈ Φ̄₀ + ωΦ̄_ω + q_aΦ̄_a + q_aq_bΦ̄_ab, whose q = 0 term is exact
 * (ρ/δ = 1/(d^R d^A)); the kinetic operator K = Φ̄⁻¹ − Γ is expanded from it and the diffusion equation read off as in
 * {@link DiffusionOperator} (D_ab = −iK_ω⁻¹K_ab, R = −iK_ω⁻¹K₀). What the expansion neglects (the q-dependence of the
 * numerators and of ρ, the ω-dependence of the numerators) is of relative order 1/(k_Fℓ) ~ 1/(E_Fτ), so Sec. V and the
 * numerical diffusion operator agree to that order and not better.
 */
public record GradientExpansion(double energy, double mass, double alpha, double bz, Superoperator gamma,
                                Superoperator phi0, Superoperator phiOmega, Superoperator[] phiLinear, Superoperator[][] phiQuadratic,
                                Superoperator k0, Superoperator kOmega, Superoperator[] kLinear, Superoperator[][] kQuadratic,
                                Superoperator relaxation, Superoperator[][] diffusion) {

    /** Angles of the trapezoid rule: the integrands are trigonometric polynomials of degree ≤ 4, so 16 is exact. */
    static final int ANGLES = 16;

    /**
     * Sec. V's expansion for the CoPt model with band mass {@code m}, Rashba coupling {@code alpha} and exchange field
     * {@code bz} at the ladder's energy, on the ladder's grid and with its SCBA Σ (dΣ/dE by a central difference of
     * SCBA solutions on the same grid). Throws if the ladder's model is not this Hamiltonian or its rung is not the
     * conserving one.
     */
    public static GradientExpansion coPt(Ladder ladder, double m, double alpha, double bz) {
        Model model = ladder.model();
        requireCoPt(model, m, alpha, bz);
        if (!model.rung().consistentWithSelfEnergy())
            throw new DiffusonException("rung", "Sec. V's expansion here assumes the conserving rung I = ΓΦ̄ (sandwich placement)",
                    "build the model with Rung.of(disorder) (the default)");
        KGrid grid = ladder.grid();
        if (grid.isPointGrid())
            throw new DiffusonException("grid", "needs a polar (radial × angle) grid", "use the default adaptive grid of Scba.solve");
        double e = ladder.energy();
        CMatrix sr = ladder.sigma(Energy.retarded(e));
        double tau = ladder.scbaResult().tau();
        double h = 1e-3 / tau;
        CMatrix dsig = ladder.sigma(Energy.retarded(e + h)).minus(ladder.sigma(Energy.retarded(e - h))).scale(1 / (2 * h));
        Complex s0 = sr.get(0, 0).add(sr.get(1, 1)).multiply(0.5), sz = sr.get(0, 0).subtract(sr.get(1, 1)).multiply(0.5);
        Complex ds0 = dsig.get(0, 0).add(dsig.get(1, 1)).multiply(0.5), dsz = dsig.get(0, 0).subtract(dsig.get(1, 1)).multiply(0.5);
        if (sr.get(0, 1).norm() + sr.get(1, 0).norm() > 1e-10 * sr.normMax())
            throw new DiffusonException("bz", "Σ has in-plane spin components; Sec. V's closed forms assume b ∥ z", "use an exchange field along z");

        double[] p0 = new double[32], pw = new double[32];
        double[][] pl = new double[2][32];
        double[][][] pq = new double[2][2][32];
        double[] cs = new double[ANGLES], sn = new double[ANGLES];
        for (int j = 0; j < ANGLES; j++) {
            cs[j] = Math.cos(2 * Math.PI * j / ANGLES);
            sn[j] = Math.sin(2 * Math.PI * j / ANGLES);
        }
        Complex[] b = {sz.add(bz), sz.conjugate().add(bz)};        // b_z + Σ_z on R, A
        Complex[] sig0 = {s0, s0.conjugate()};
        double[] pr = new double[8], pa = new double[8];
        for (int r = 0; r < grid.radialSize(); r++) {
            double k = grid.radialNode(r), wt = grid.radialWeight(r) / ANGLES, eps = k * k / (2 * m);
            Complex[] bigS = {b[0].multiply(b[0]).add(alpha * alpha * k * k).sqrt(), b[1].multiply(b[1]).add(alpha * alpha * k * k).sqrt()};
            for (int s = -1; s <= 1; s += 2) {
                Complex dR = sig0[0].negate().add(e - eps).subtract(bigS[0].multiply(s));
                Complex vR = bigS[0].reciprocal().multiply(s * alpha * alpha * k).add(k / m);
                Complex zR = ds0.negate().add(1).subtract(b[0].multiply(dsz).divide(bigS[0]).multiply(s));
                for (int t = -1; t <= 1; t += 2) {
                    Complex dA = sig0[1].negate().add(e - eps).subtract(bigS[1].multiply(t));
                    Complex vA = bigS[1].reciprocal().multiply(t * alpha * alpha * k).add(k / m);
                    Complex delta = dR.subtract(dA), rho = dA.reciprocal().subtract(dR.reciprocal());
                    Complex vbar = vR.add(vA).multiply(0.5);
                    Complex c0 = rho.divide(delta);                                   // 1/δ term (exact: 1/(d^R d^A))
                    Complex cw = rho.multiply(zR).divide(delta.multiply(delta)).negate(); // −Z/δ²
                    Complex c1 = rho.multiply(vbar).divide(delta.multiply(delta));      // V/δ²
                    Complex c2 = rho.multiply(vbar.multiply(vbar)).divide(delta.multiply(delta).multiply(delta)); // V²/δ³
                    for (int j = 0; j < ANGLES; j++) {
                        double kx = k * cs[j], ky = k * sn[j];
                        projector(alpha * ky, -alpha * kx, b[0], bigS[0], s, pr);
                        projector(alpha * ky, -alpha * kx, b[1], bigS[1], t, pa);
                        double[] u = {cs[j], sn[j]};
                        kron(pr, pa, c0.multiply(wt), p0);
                        kron(pr, pa, cw.multiply(wt), pw);
                        for (int a = 0; a < 2; a++) {
                            kron(pr, pa, c1.multiply(wt * u[a]), pl[a]);
                            for (int c = 0; c < 2; c++) kron(pr, pa, c2.multiply(wt * u[a] * u[c]), pq[a][c]);
                        }
                    }
                }
            }
        }
        Superoperator phi0 = Superoperator.fromRaw(2, p0), phiW = Superoperator.fromRaw(2, pw);
        Superoperator[] phiL = {Superoperator.fromRaw(2, pl[0]), Superoperator.fromRaw(2, pl[1])};
        Superoperator[][] phiQ = {{Superoperator.fromRaw(2, pq[0][0]), Superoperator.fromRaw(2, pq[0][1])},
                {Superoperator.fromRaw(2, pq[1][0]), Superoperator.fromRaw(2, pq[1][1])}};
        Superoperator gamma = model.disorder().superoperator();
        // K = Φ̄⁻¹ − Γ expanded: A = Φ̄₀⁻¹; K_x = −AΦ̄_xA; K_ab = −AΦ̄_abA + ½(AΦ̄_aAΦ̄_bA + AΦ̄_bAΦ̄_aA)
        Superoperator a = phi0.inverse();
        Superoperator k0 = a.minus(gamma), kw = a.compose(phiW).compose(a).scale(-1);
        Superoperator[] kl = new Superoperator[2];
        Superoperator[][] kq = new Superoperator[2][2];
        for (int i = 0; i < 2; i++) kl[i] = a.compose(phiL[i]).compose(a).scale(-1);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) {
                Superoperator ab = a.compose(phiL[i]).compose(a).compose(phiL[j]).compose(a);
                Superoperator ba = a.compose(phiL[j]).compose(a).compose(phiL[i]).compose(a);
                kq[i][j] = a.compose(phiQ[i][j]).compose(a).scale(-1).plus(ab.plus(ba).scale(0.5));
            }
        Superoperator minusIKwInv = kw.inverse().scale(new Complex(0, -1));
        Superoperator[][] dif = new Superoperator[2][2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) dif[i][j] = minusIKwInv.compose(kq[i][j]);
        return new GradientExpansion(e, m, alpha, bz, gamma, phi0, phiW, phiL, phiQ, k0, kw, kl, kq, minusIKwInv.compose(k0), dif);
    }

    /** The truncated bubble Φ̄₀ + ωΦ̄_ω + q_aΦ̄_a + q_aq_bΦ̄_ab. */
    public Superoperator bubble(double qx, double qy, double omega) {
        double[] q = {qx, qy};
        Superoperator out = phi0.plus(phiOmega.scale(omega));
        for (int a = 0; a < 2; a++) {
            out = out.plus(phiLinear[a].scale(q[a]));
            for (int b = 0; b < 2; b++) out = out.plus(phiQuadratic[a][b].scale(q[a] * q[b]));
        }
        return out;
    }

    /** Eigenvalues of R = −iK_ω⁻¹K₀ (rates ± i·precession frequencies). */
    public Complex[] relaxationRates() { return relaxation.eigenvalues(); }

    /**
     * Diffusion constant of the conserved mode along a, b: w†D_ab v / w†v with v, w the right and left eigenvectors
     * of R for its eigenvalue closest to 0 (as {@link DiffusionOperator#zeroModeDiffusion}).
     */
    public Complex zeroModeDiffusion(int a, int b) {
        return DiffusionOperator.zeroModeDiffusion(relaxation, diffusion[a][b]);
    }

    /**
     * The diffusion constant of the conserved mode along a including its O(q) coupling to the other modes, as
     * {@link DiffusionOperator#effectiveDiffusion(int)}: the quantity to compare between the two methods.
     */
    public Complex effectiveDiffusion(int a) {
        Superoperator p = kOmega.inverse().compose(kLinear[a]).scale(new Complex(0, -1));
        return DiffusionOperator.effectiveDiffusion(relaxation, p, diffusion[a][a]);
    }

    /** P_s = ½(1 + s h·σ/S) with h = (hx, hy, hz) (hz complex), into a 2×2 interleaved row-major array. */
    private static void projector(double hx, double hy, Complex hz, Complex bigS, int s, double[] out) {
        Complex inv = bigS.reciprocal().multiply(0.5 * s);
        Complex z = hz.multiply(inv), x = inv.multiply(hx), y = inv.multiply(hy);
        // ½·1 + c·(hx σx + hy σy + hz σz)
        out[0] = 0.5 + z.getReal(); out[1] = z.getImaginary();                                   // (0,0)
        out[2] = x.getReal() + y.getImaginary(); out[3] = x.getImaginary() - y.getReal();         // (0,1): c(hx − i hy)
        out[4] = x.getReal() - y.getImaginary(); out[5] = x.getImaginary() + y.getReal();         // (1,0): c(hx + i hy)
        out[6] = 0.5 - z.getReal(); out[7] = -z.getImaginary();                                   // (1,1)
    }

    /** out += w·(G1 ⊗ G2ᵀ) in the vec picture, for a complex weight w: {@link Bubble#kron2} on w·G1. */
    private static void kron(double[] g1, double[] g2, Complex w, double[] out) {
        double wr = w.getReal(), wi = w.getImaginary();
        double[] scaled = new double[8];
        for (int i = 0; i < 4; i++) {
            scaled[2 * i] = g1[2 * i] * wr - g1[2 * i + 1] * wi;
            scaled[2 * i + 1] = g1[2 * i] * wi + g1[2 * i + 1] * wr;
        }
        Bubble.kron2(scaled, g2, 1, out);
    }

    /** Checks H(k) = k²/2m + α(k_yσ_x − k_xσ_y) + b_zσ_z at a few k to 1e-12 (relative). */
    private static void requireCoPt(Model model, double m, double alpha, double bz) {
        if (model.dim() != 2 || model.spaceDim() != 2)
            throw new DiffusonException("model", "Sec. V's expansion is for the 2D two-band CoPt model, got n=" + model.dim() + ", d=" + model.spaceDim(),
                    "use Preset.COPT or an equivalent k²/2m + α(k_yσx − k_xσy) + b_zσz model");
        double[] hk = new double[8];
        for (double[] k : new double[][]{{0.3, 0.7}, {-1.1, 0.4}, {0.0, 0.0}, {2.0, -1.5}}) {
            model.hamiltonian().eval(k[0], k[1], 0, hk, 0);
            double eps = (k[0] * k[0] + k[1] * k[1]) / (2 * m);
            double[] want = {eps + bz, 0, alpha * k[1], alpha * k[0], alpha * k[1], -alpha * k[0], eps - bz, 0};
            double err = 0, scale = 1e-300;
            for (int i = 0; i < 8; i++) {
                err = Math.max(err, Math.abs(hk[i] - want[i]));
                scale = Math.max(scale, Math.abs(want[i]));
            }
            if (err > 1e-12 * scale)
                throw new DiffusonException("model", String.format(java.util.Locale.ROOT,
                        "H(k) at k=(%g, %g) differs from k²/2m + α(k_yσx − k_xσy) + b_zσz with m=%g, α=%g, b_z=%g by %.3g", k[0], k[1], m, alpha, bz, err),
                        "pass the model's own m, alpha, bz");
        }
    }
}
