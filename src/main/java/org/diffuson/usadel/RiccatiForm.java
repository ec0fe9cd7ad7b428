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

    RiccatiForm(Junction.Nodes nd, Complex omega) {
        this.nd = nd;
        this.omega = omega;
    }

    @Override
    public int dim() {
        return 8;
    }

    @Override
    public void rhs(int domain, int node, double x, double[] y, double[] dy, double[] out) {
        int p = nd.mesh().start(domain) + node;
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
