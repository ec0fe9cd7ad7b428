package org.diffuson.usadel;

import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

/**
 * Riccati parametrization (any spin structure): ǧ = [[N(1+γγ̃), 2Nγ], [−2Ñγ̃, −Ñ(1+γ̃γ)]], N = (1−γγ̃)⁻¹,
 * Ñ = (1−γ̃γ)⁻¹ (ǧ² = 1 exactly), with D(γ″ + 2γ′Ñγ̃γ′) = L12 − L11γ + γL22 − γL21γ and
 * D(γ̃″ + 2γ̃′Nγγ̃′) = −L21 + L22γ̃ − γ̃L11 + γ̃L12γ̃, L = Λ̌ − σ^aǧσ^a/8τ_so, Λ̌ = −(ω − ih·σ)τ3 − iΔ̌ (seed 003 Eq. 1
 * in 1D), Δ̌ = [[0, Δ], [−Δ*, 0]] (Δ complex: a rigid reservoir of phase φ has Δe^{iφ}). Unknowns per node: γ (2×2) then γ̃ (2×2), 8 complex numbers.
 */
final class RiccatiForm implements Collocation.Equation {
    private final Junction.Nodes nd;
    private final Complex omega;
    private final boolean scalar;

    /**
     * {@code scalar}: no exchange field anywhere, so γ = a σ0 and γ̃ = b σ0 (singlet pairing in the paper's basis, where
     * f̂ = f0 σ0) and the problem is solved for the two scalars a, b — 2 unknowns per node instead of 8, i.e. 1/64 of
     * the dense linear algebra. The Elliott–Yafet term drops out exactly (σ^aǧσ^a = 3ǧ commutes with ǧ), and the full
     * 2×2 equations keep γ ∝ σ0, so this is the same solution, not an approximation.
     */
    RiccatiForm(Junction.Nodes nd, Complex omega, boolean scalar) {
        this.nd = nd;
        this.omega = omega;
        this.scalar = scalar;
    }

    @Override
    public int dim() {
        return scalar ? 2 : 8;
    }

    @Override
    public void rhs(int domain, int node, double x, double[] y, double[] dy, double[] out) {
        int p = nd.mesh().start(domain) + node;
        if (scalar) {
            scalarRhs(nd.d()[p], nd.gap()[p], nd.gapIm()[p], y, dy, out);
            return;
        }
        double d = nd.d()[p], gap = nd.gap()[p], gapIm = nd.gapIm()[p], rate = nd.rate()[p];
        double[] h = nd.h()[p];
        double[] g = M2.of(y, 0), gt = M2.of(y, 8), dg = M2.of(dy, 0), dgt = M2.of(dy, 8);
        double[] one = M2.eye();
        double[] n = M2.inv(M2.sub(one, M2.mul(g, gt))), nt = M2.inv(M2.sub(one, M2.mul(gt, g)));
        double[][] blk = blocks(g, gt, n, nt);
        double[] hs = M2.pauli(h[0], h[1], h[2]);
        double[] l11 = M2.add(M2.scalar(-omega.getReal(), -omega.getImaginary()), M2.scale(hs, 0, 1));
        double[] l22 = M2.add(M2.scalar(omega.getReal(), omega.getImaginary()), M2.scale(hs, 0, -1));
        double[] l12 = M2.scalar(gapIm, -gap), l21 = M2.scalar(gapIm, gap);     // −iΔ and iΔ*
        if (rate != 0) {
            double f = -rate / 8;
            l11 = M2.add(l11, M2.scale(M2.spinSandwich(blk[0]), f, 0));
            l12 = M2.add(l12, M2.scale(M2.spinSandwich(blk[1]), f, 0));
            l21 = M2.add(l21, M2.scale(M2.spinSandwich(blk[2]), f, 0));
            l22 = M2.add(l22, M2.scale(M2.spinSandwich(blk[3]), f, 0));
        }
        double[] rg = M2.sub(M2.add(M2.sub(l12, M2.mul(l11, g)), M2.mul(g, l22)), M2.mul(g, l21, g));
        double[] rgt = M2.add(M2.sub(M2.add(M2.scale(l21, -1, 0), M2.mul(l22, gt)), M2.mul(gt, l11)), M2.mul(gt, l12, gt));
        double[] ag = M2.sub(M2.scale(rg, 1 / d, 0), M2.scale(M2.mul(M2.mul(dg, nt), M2.mul(gt, dg)), 2, 0));
        double[] agt = M2.sub(M2.scale(rgt, 1 / d, 0), M2.scale(M2.mul(M2.mul(dgt, n), M2.mul(g, dgt)), 2, 0));
        System.arraycopy(ag, 0, out, 0, 8);
        System.arraycopy(agt, 0, out, 8, 8);
    }

    /**
     * The scalar Riccati equations (γ = aσ0, γ̃ = bσ0, Δ = Δ' + iΔ''), plain complex arithmetic in the collocation's
     * innermost loop: D(a″ + 2a′²b/(1 − ab)) = −iΔ + 2ωa − iΔ*a², D(b″ + 2b′²a/(1 − ab)) = −iΔ* + 2ωb − iΔb².
     */
    private void scalarRhs(double d, double dr, double di, double[] y, double[] dy, double[] out) {
        double wr = omega.getReal(), wi = omega.getImaginary();
        double ar = y[0], ai = y[1], br = y[2], bi = y[3];
        double pr = dy[0], pi = dy[1], qr = dy[2], qi = dy[3];
        // 1/(1 − ab)
        double er = 1 - (ar * br - ai * bi), ei = -(ar * bi + ai * br), en = er * er + ei * ei;
        double nr = er / en, ni = -ei / en;
        // a², b², a′², b′²
        double a2r = ar * ar - ai * ai, a2i = 2 * ar * ai, b2r = br * br - bi * bi, b2i = 2 * br * bi;
        double p2r = pr * pr - pi * pi, p2i = 2 * pr * pi, q2r = qr * qr - qi * qi, q2i = 2 * qr * qi;
        // −iΔ = Δ'' − iΔ', −iΔ* = −Δ'' − iΔ'
        double sr = di + 2 * (wr * ar - wi * ai) + (-di * a2r + dr * a2i);      // −iΔ + 2ωa − iΔ*a²
        double si = -dr + 2 * (wr * ai + wi * ar) + (-di * a2i - dr * a2r);
        double tr = -di + 2 * (wr * br - wi * bi) + (di * b2r + dr * b2i);      // −iΔ* + 2ωb − iΔb²
        double ti = -dr + 2 * (wr * bi + wi * br) + (di * b2i - dr * b2r);
        // 2a′²b/(1 − ab) and 2b′²a/(1 − ab)
        double ur = p2r * br - p2i * bi, ui = p2r * bi + p2i * br;
        double vr = q2r * ar - q2i * ai, vi = q2r * ai + q2i * ar;
        out[0] = sr / d - 2 * (ur * nr - ui * ni);
        out[1] = si / d - 2 * (ur * ni + ui * nr);
        out[2] = tr / d - 2 * (vr * nr - vi * ni);
        out[3] = ti / d - 2 * (vr * ni + vi * nr);
    }

    /** Offsets of γ_11 and γ̃_11 (re, im) in the 16 doubles of one node: the scalar form's unknowns. */
    static final int[] SCALAR = {0, 1, 8, 9};

    /** Full node vector (γ, γ̃ as 2×2) from the scalar one: γ = aσ0, γ̃ = bσ0. */
    static void expand(double[] small, int from, double[] full, int to) {
        for (int c = 0; c < 2; c++) {
            double re = small[from + 2 * c], im = small[from + 2 * c + 1];
            int o = to + 8 * c;
            full[o] = full[o + 6] = re;
            full[o + 1] = full[o + 7] = im;
            full[o + 2] = full[o + 3] = full[o + 4] = full[o + 5] = 0;
        }
    }

    /**
     * Singlet amplitude F0 = −(i/2) Tr_spin ǧ_12 = −i Tr[(1 − γγ̃)⁻¹γ] of the node whose (γ, γ̃) start at {@code off}
     * ({@link Nambu#singlet} of {@link #matrix} without assembling the 4×4 matrix: the gap equation reads it at every
     * node and frequency).
     */
    static Complex singlet(double[] y, int off) {
        double[] g = M2.of(y, off), gt = M2.of(y, off + 8);
        double[] ng = M2.mul(M2.inv(M2.sub(M2.eye(), M2.mul(g, gt))), g);
        return new Complex(ng[1] + ng[7], -(ng[0] + ng[6]));
    }

    /** Blocks G11, G12, G21, G22 of ǧ. */
    static double[][] blocks(double[] g, double[] gt, double[] n, double[] nt) {
        double[] one = M2.eye();
        return new double[][]{M2.mul(n, M2.add(one, M2.mul(g, gt))), M2.scale(M2.mul(n, g), 2, 0),
                M2.scale(M2.mul(nt, gt), -2, 0), M2.scale(M2.mul(nt, M2.add(one, M2.mul(gt, g))), -1, 0)};
    }

    /** ǧ (4×4) from (γ, γ̃) stored as 16 doubles. */
    static CMatrix matrix(double[] y) {
        double[] g = M2.of(y, 0), gt = M2.of(y, 8), one = M2.eye();
        double[] n = M2.inv(M2.sub(one, M2.mul(g, gt))), nt = M2.inv(M2.sub(one, M2.mul(gt, g)));
        return assemble(blocks(g, gt, n, nt));
    }

    /** ∂ǧ from (γ, γ̃) and (γ′, γ̃′): exact chain rule. */
    static CMatrix derivative(double[] y, double[] dy) {
        double[] g = M2.of(y, 0), gt = M2.of(y, 8), dg = M2.of(dy, 0), dgt = M2.of(dy, 8), one = M2.eye();
        double[] n = M2.inv(M2.sub(one, M2.mul(g, gt))), nt = M2.inv(M2.sub(one, M2.mul(gt, g)));
        double[] dp = M2.add(M2.mul(dg, gt), M2.mul(g, dgt)), dpt = M2.add(M2.mul(dgt, g), M2.mul(gt, dg));
        double[] dn = M2.mul(n, dp, n), dnt = M2.mul(nt, dpt, nt);
        double[] d11 = M2.add(M2.mul(dn, M2.add(one, M2.mul(g, gt))), M2.mul(n, dp));
        double[] d12 = M2.scale(M2.add(M2.mul(dn, g), M2.mul(n, dg)), 2, 0);
        double[] d21 = M2.scale(M2.add(M2.mul(dnt, gt), M2.mul(nt, dgt)), -2, 0);
        double[] d22 = M2.scale(M2.add(M2.mul(dnt, M2.add(one, M2.mul(gt, g))), M2.mul(nt, dpt)), -1, 0);
        return assemble(new double[][]{d11, d12, d21, d22});
    }

    static CMatrix assemble(double[][] b) {
        double[] d = new double[32];
        for (int bi = 0; bi < 2; bi++)
            for (int bj = 0; bj < 2; bj++) {
                double[] m = b[2 * bi + bj];
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < 2; j++) {
                        d[2 * ((2 * bi + i) * 4 + 2 * bj + j)] = m[2 * (2 * i + j)];
                        d[2 * ((2 * bi + i) * 4 + 2 * bj + j) + 1] = m[2 * (2 * i + j) + 1];
                    }
            }
        return CMatrix.of(4, 4, d);
    }

    static double[] block(CMatrix g, int bi, int bj) {
        double[] m = new double[8];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) {
                m[2 * (2 * i + j)] = g.re(2 * bi + i, 2 * bj + j);
                m[2 * (2 * i + j) + 1] = g.im(2 * bi + i, 2 * bj + j);
            }
        return m;
    }

    /** (γ, γ̃) from a normalized ǧ: γ = (1 + G11)⁻¹G12, γ̃ = −(1 − G22)⁻¹G21. */
    static double[] fromMatrix(CMatrix g) {
        double[] one = M2.eye();
        double[] gam = M2.mul(M2.inv(M2.add(one, block(g, 0, 0))), block(g, 0, 1));
        double[] gamt = M2.scale(M2.mul(M2.inv(M2.sub(one, block(g, 1, 1))), block(g, 1, 0)), -1, 0);
        double[] y = new double[16];
        System.arraycopy(gam, 0, y, 0, 8);
        System.arraycopy(gamt, 0, y, 8, 8);
        return y;
    }

    /** Writes blocks 12 and 21 of a 4×4 matrix (8 complex numbers) into out at offset. */
    static void offDiagonal(CMatrix a, double[] out, int off) {
        double[] b12 = block(a, 0, 1), b21 = block(a, 1, 0);
        System.arraycopy(b12, 0, out, off, 8);
        System.arraycopy(b21, 0, out, off + 8, 8);
    }
}
