package org.diffuson.kubo;

import org.diffuson.green.Energy;
import org.diffuson.green.GreenWorkspace;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Superoperator;
import org.diffuson.linalg.ZOps;
import org.diffuson.model.Model;
import org.hipparchus.complex.Complex;

/**
 * The (z, z) ladder of the Fermi-sea term (Středa II, seed 000 Eqs. 206–213) with dressed vertices.
 * <p>
 * In the non-crossing approximation the sea integrand is the antisymmetric z-derivative of the ladder-summed
 * correlator P(z, z′) = ⟨A, Φ(z, z′)(1 − ΓΦ(z, z′))⁻¹ B⟩ (⟨A, X⟩ = Σ_k Tr[A X], Φ(z, z′)[X] = Σ_k G(z) X G(z′) the
 * bubble of the {@link Ladder}, Γ the disorder rung). Γ does not depend on z, so
 * X_ladder(z) = (∂_{z′} − ∂_z)P|_{z′=z} = ⟨A, (1 − ΦΓ)⁻¹ DΦ (1 − ΓΦ)⁻¹ B⟩ = ⟨Ã, DΦ[B̃]⟩, where
 * DΦ[X] = Σ_k (G X G′ − G′ X G) with G′ = −G(1 − Σ′)G (the factor 1 − Σ′ is the dressed unit vertex of the Ward
 * identity), B̃ = B + δB the right-dressed vertex and Ã = A + δA the left-dressed one, all at (z, z):
 * <pre>
 *   δB = S[Y_B],  Y_B = Σ_k G B G,         S = (1 − ΓΦ)⁻¹Γ,
 *   Tr[δA W] = Tr[Y_A S[W]] for every W,  Y_A = Σ_k G A G.
 * </pre>
 * So X_ladder = X_bare + Tr[δA U_B] + Tr[V_A δB] + Tr[δA DΦ[δB]], with U_B = Σ_k (G B G′ − G′ B G) and
 * V_A = Σ_k (G′ A G − G A G′). {@link #correction} returns the last three terms; X_bare is {@link Kubo}'s bare
 * integrand. Φ is the ladder's own {@link org.diffuson.ladder.Bubble} at (z, z) and Σ(z), the k-sums use the ladder's
 * grid and its tabulated H and {@link GreenWorkspace}: Σ and the rung then come from the same grid, as the Ward
 * identity needs.
 * <p>
 * <b>When the bare sea is exact.</b> With a k-independent Σ (white-noise disorder: SCBA, Born, constant Σ) and a
 * velocity vertex v_a = ∂H/∂k_a, G v_a G = ∂G/∂k_a, so Y = Σ_k ∂_{k_a} G(k, z) is the integral of a total
 * derivative: the (z, z) vertex Ward identity Λ_a(z, z) = −∂G⁻¹/∂k_a = v_a. It vanishes exactly over a Brillouin
 * zone (lattice models; on a uniform mesh to the mesh's quadrature error, which falls geometrically for
 * Im z − Im Σ ≠ 0), so for charge currents the dressed and bare seas agree; for a continuum model with a cutoff, only
 * up to the boundary term ∮ G dS_a at |k| = k_c. A spin σ_a, a spin current or a torque vertex has no such identity:
 * Σ_k G σ_a G ≠ 0 and the dressing changes the sea term ({@link SeaVertices#LADDER}).
 */
final class SeaLadder {
    private SeaLadder() {}

    /** The (z, z) vertex dressings δA (left) and δB (right) and the sums they enter. */
    record Dressing(CMatrix deltaA, CMatrix deltaB, Complex correction) {}

    /** X_ladder(z) − X_bare(z) at z = e + iy (y &gt; 0), see the class comment. */
    static Complex correction(Ladder ladder, Vertex va, Vertex vb, double e, double y) {
        return dress(ladder, va, vb, Energy.complex(e, y)).correction();
    }

    static Dressing dress(Ladder ladder, Vertex va, Vertex vb, Energy z) {
        Model model = ladder.model();
        int n = model.dim(), nn = 2 * n * n, n4 = n * n * n * n;
        CMatrix sigma = ladder.sigma(z);
        double[] s = sigma.toArray(), ds = ladder.selfEnergy().derivative(z).toArray();
        KGrid grid = ladder.grid();
        double[] table = ladder.resolvent().space().fullTable();
        GreenWorkspace ws = new GreenWorkspace(n);
        double[] g = new double[nn], gp = new double[nn], a = new double[nn], b = new double[nn], t = new double[nn], u = new double[nn];
        // sums: Y_A = Σ G A G, Y_B = Σ G B G, U_B = Σ (G B G′ − G′ B G), V_A = Σ (G′ A G − G A G′),
        // T[r,p,q,s] = Σ (G_rp G′_qs − G′_rp G_qs) so that DΦ[X]_rs = Σ_pq T[r,p,q,s] X_pq
        double[] yA = new double[nn], yB = new double[nn], uB = new double[nn], vA = new double[nn], tt = new double[2 * n4];
        double zr = z.re(), zi = z.im();
        for (int i = 0; i < grid.size(); i++) {
            double w = grid.weight(i);
            ws.invert(table, i * nn, zr, zi, s, g);
            ws.derivative(g, ds, gp);
            va.eval(grid.kx(i), grid.ky(i), grid.kz(i), a);
            vb.eval(grid.kx(i), grid.ky(i), grid.kz(i), b);
            ZOps.mult(g, n, n, a, n, t);
            ZOps.mult(t, n, n, g, n, u);
            add(yA, u, w);                        // G A G
            ZOps.mult(t, n, n, gp, n, u);
            add(vA, u, -w);                       // − G A G′
            ZOps.mult(gp, n, n, a, n, t);
            ZOps.mult(t, n, n, g, n, u);
            add(vA, u, w);                        // + G′ A G
            ZOps.mult(g, n, n, b, n, t);
            ZOps.mult(t, n, n, g, n, u);
            add(yB, u, w);                        // G B G
            ZOps.mult(t, n, n, gp, n, u);
            add(uB, u, w);                        // + G B G′
            ZOps.mult(gp, n, n, b, n, t);
            ZOps.mult(t, n, n, g, n, u);
            add(uB, u, -w);                       // − G′ B G
            for (int r = 0; r < n; r++)
                for (int p = 0; p < n; p++) {
                    int rp = 2 * (r * n + p);
                    double gr = g[rp], gi = g[rp + 1], pr = gp[rp], pi = gp[rp + 1];
                    for (int q = 0; q < n; q++)
                        for (int c = 0; c < n; c++) {
                            int qs = 2 * (q * n + c), o = 2 * (((r * n + p) * n + q) * n + c);
                            tt[o] += w * (gr * gp[qs] - gi * gp[qs + 1] - (pr * g[qs] - pi * g[qs + 1]));
                            tt[o + 1] += w * (gr * gp[qs + 1] + gi * gp[qs] - (pr * g[qs + 1] + pi * g[qs]));
                        }
                }
        }
        Superoperator gamma = model.disorder().superoperator();
        Superoperator phi = ladder.at(new double[model.spaceDim()], z, z).bubble();
        Superoperator sOp = Superoperator.identity(n).minus(gamma.compose(phi)).inverse().compose(gamma);
        CMatrix dB = sOp.apply(CMatrix.of(n, n, yB));
        // δA_qp = Tr[Y_A S[E_pq]]
        CMatrix yAm = CMatrix.of(n, n, yA);
        double[] dA = new double[nn];
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++) {
                double[] unit = new double[nn];
                unit[2 * (p * n + q)] = 1;
                Complex v = yAm.times(sOp.apply(CMatrix.of(n, n, unit))).trace();
                dA[2 * (q * n + p)] = v.getReal();
                dA[2 * (q * n + p) + 1] = v.getImaginary();
            }
        // DΦ[δB]
        double[] db = dB.toArray(), dphi = new double[nn];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) {
                double re = 0, im = 0;
                for (int p = 0; p < n; p++)
                    for (int q = 0; q < n; q++) {
                        int o = 2 * (((r * n + p) * n + q) * n + c), x = 2 * (p * n + q);
                        re += tt[o] * db[x] - tt[o + 1] * db[x + 1];
                        im += tt[o] * db[x + 1] + tt[o + 1] * db[x];
                    }
                dphi[2 * (r * n + c)] = re;
                dphi[2 * (r * n + c) + 1] = im;
            }
        double re = GreenWorkspace.traceRe(dA, uB, n) + GreenWorkspace.traceRe(vA, db, n) + GreenWorkspace.traceRe(dA, dphi, n);
        double im = GreenWorkspace.traceIm(dA, uB, n) + GreenWorkspace.traceIm(vA, db, n) + GreenWorkspace.traceIm(dA, dphi, n);
        return new Dressing(CMatrix.of(n, n, dA), dB, new Complex(re, im));
    }

    private static void add(double[] acc, double[] x, double w) {
        for (int j = 0; j < acc.length; j++) acc[j] += w * x[j];
    }
}
