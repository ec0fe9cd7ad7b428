package org.diffuson.green;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.KGrid;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.ZOps;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Isotropy;
import org.diffuson.model.Model;

/**
 * The k-sum of the Green function, ∫dk G(k, z) with G = [z − H(k) − Σ]⁻¹ (seed 000 spec §1), on a fixed {@link KGrid}.
 * H(k) is tabulated once per grid, so each SCBA iteration only inverts n×n matrices (closed form for n = 2).
 * With an isotropy hint, the q = 0 angular integral is done exactly by symmetry: evaluate on the k_x axis and keep the
 * components that commute with the rotation generator (exact on the uniform angular grid as well).
 */
public final class Resolvent {
    private final Model model;
    private final KGrid grid;
    private final int n;
    private final boolean reduced;
    private final double[] hk;   // tabulated H at the nodes used (radial axis or full grid)
    private final double[] wk;
    private final int points;

    public Resolvent(Model model, KGrid grid) {
        this(model, grid, model.hamiltonian().isotropy().reducible());
    }

    /** @param useSymmetry false forces the full angular grid even when a reduction is possible (for cross-checks). */
    public Resolvent(Model model, KGrid grid, boolean useSymmetry) {
        if (grid.spaceDim() != model.spaceDim())
            throw new DiffusonException("grid", "is " + grid.spaceDim() + "D but the model is " + model.spaceDim() + "D", "build the grid for the model's dimension");
        if (grid.cutoff() > model.cutoff() * (1 + 1e-12))
            throw new DiffusonException("grid", "extends to k=" + grid.cutoff() + " beyond the model cutoff " + model.cutoff(), "build the grid with the model's cutoff");
        this.model = model;
        this.grid = grid;
        this.n = model.dim();
        Isotropy iso = model.hamiltonian().isotropy();
        this.reduced = useSymmetry && iso.reducible() && !grid.isPointGrid() && (grid.spaceDim() == 2 || iso.kind() == Isotropy.Kind.FULL);
        Hamiltonian h = model.hamiltonian();
        points = reduced ? grid.radialSize() : grid.size();
        hk = new double[points * 2 * n * n];
        wk = new double[points];
        for (int i = 0; i < points; i++) {
            if (reduced) {
                h.eval(grid.radialNode(i), 0, 0, hk, i * 2 * n * n);
                wk[i] = grid.radialWeight(i);
            } else {
                h.eval(grid.kx(i), grid.ky(i), grid.kz(i), hk, i * 2 * n * n);
                wk[i] = grid.weight(i);
            }
        }
    }

    public Model model() { return model; }
    public KGrid grid() { return grid; }
    public boolean usesSymmetry() { return reduced; }

    /** Number of k-points evaluated per call. */
    public int points() { return points; }

    /**
     * out ← Σ_k w_k [z − H(k) − Σ]⁻¹, with Σ given as interleaved n×n. Allocation-free given the workspace of
     * {@link #workspace()}.
     */
    public void sum(double zr, double zi, double[] sigma, double[] out, double[] work) {
        int nn = 2 * n * n;
        java.util.Arrays.fill(out, 0, nn, 0);
        if (n == 2) {
            double s0r = sigma[0], s0i = sigma[1], s1r = sigma[2], s1i = sigma[3], s2r = sigma[4], s2i = sigma[5], s3r = sigma[6], s3i = sigma[7];
            double o0r = 0, o0i = 0, o1r = 0, o1i = 0, o2r = 0, o2i = 0, o3r = 0, o3i = 0;
            for (int i = 0; i < points; i++) {
                int o = 8 * i;
                double ar = zr - hk[o] - s0r, ai = zi - hk[o + 1] - s0i;
                double br = -hk[o + 2] - s1r, bi = -hk[o + 3] - s1i;
                double cr = -hk[o + 4] - s2r, ci = -hk[o + 5] - s2i;
                double dr = zr - hk[o + 6] - s3r, di = zi - hk[o + 7] - s3i;
                double detr = ar * dr - ai * di - (br * cr - bi * ci);
                double deti = ar * di + ai * dr - (br * ci + bi * cr);
                double den = wk[i] / (detr * detr + deti * deti);
                double ir = detr * den, ii = -deti * den;
                o0r += dr * ir - di * ii; o0i += dr * ii + di * ir;
                o1r -= br * ir - bi * ii; o1i -= br * ii + bi * ir;
                o2r -= cr * ir - ci * ii; o2i -= cr * ii + ci * ir;
                o3r += ar * ir - ai * ii; o3i += ar * ii + ai * ir;
            }
            out[0] = o0r; out[1] = o0i; out[2] = o1r; out[3] = o1i; out[4] = o2r; out[5] = o2i; out[6] = o3r; out[7] = o3i;
        } else {
            double[] a = work;
            int[] piv = new int[n];
            double[] lu = new double[nn];
            for (int i = 0; i < points; i++) {
                int o = nn * i;
                for (int e = 0; e < nn; e++) a[e] = -hk[o + e] - sigma[e];
                for (int d = 0; d < n; d++) {
                    a[2 * (d * n + d)] += zr;
                    a[2 * (d * n + d) + 1] += zi;
                }
                if (!ZOps.invertInPlace(a, n, lu, piv))
                    throw new DiffusonException("energy", "z − H(k) − Σ is singular at a grid point", "move z off the real axis or add broadening");
                double wi = wk[i];
                for (int e = 0; e < nn; e++) out[e] += wi * a[e];
            }
        }
        if (reduced) project(out);
    }

    /** Keeps the components that survive the angular average (j_a = j_b). */
    private void project(double[] out) {
        Isotropy iso = model.hamiltonian().isotropy();
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                if (!iso.keeps(a, b)) {
                    out[2 * (a * n + b)] = 0;
                    out[2 * (a * n + b) + 1] = 0;
                }
    }

    /** Workspace array for {@link #sum}. */
    public double[] workspace() { return new double[2 * n * n]; }

    /** ∫dk G(k, z) as a value. */
    public CMatrix sum(Energy z, CMatrix sigma) {
        double[] s = sigma.toArray(), out = new double[2 * n * n];
        sum(z.re(), z.im(), s, out, workspace());
        return CMatrix.of(n, n, out);
    }
}
