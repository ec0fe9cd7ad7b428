package org.diffuson.green;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.KGrid;
import org.diffuson.integrate.KSpace;
import org.diffuson.linalg.CMatrix;
import org.diffuson.model.Isotropy;
import org.diffuson.model.Model;

/**
 * The k-sum of the Green function, ∫dk G(k, z) with G = [z − H(k) − Σ]⁻¹ (seed 000 Eqs. 2, 5–7), on a fixed {@link KGrid}.
 * H(k) is tabulated once per grid, so each SCBA iteration only inverts n×n matrices (closed form for n = 2).
 * With an isotropy hint, the q = 0 angular integral is done exactly by symmetry: evaluate on the k_x axis and keep the
 * components that commute with the rotation generator (exact on the uniform angular grid as well).
 */
public final class Resolvent {
    private final Model model;
    private final KGrid grid;
    private final KSpace space;
    private final int n;
    private final boolean reduced;
    private final double[] wk;
    private final int points;

    public Resolvent(Model model, KGrid grid) {
        this(model, new KSpace(model.hamiltonian(), grid), model.hamiltonian().isotropy().reducible());
    }

    /** @param useSymmetry false forces the full angular grid even when a reduction is possible (for cross-checks). */
    public Resolvent(Model model, KGrid grid, boolean useSymmetry) {
        this(model, new KSpace(model.hamiltonian(), grid), useSymmetry);
    }

    /** On a prepared k-space (its tabulated H is shared with every other engine on it, e.g. the ladder bubble). */
    public Resolvent(Model model, KSpace space) {
        this(model, space, model.hamiltonian().isotropy().reducible());
    }

    private Resolvent(Model model, KSpace space, boolean useSymmetry) {
        KGrid grid = space.grid();
        if (space.hamiltonian() != model.hamiltonian())
            throw new DiffusonException("space", "was prepared for another Hamiltonian", "prepare the k-space with model.hamiltonian()");
        if (grid.spaceDim() != model.spaceDim())
            throw new DiffusonException("grid", "is " + grid.spaceDim() + "D but the model is " + model.spaceDim() + "D", "build the grid for the model's dimension");
        if (grid.cutoff() > model.cutoff() * (1 + 1e-12))
            throw new DiffusonException("grid", "extends to k=" + grid.cutoff() + " beyond the model cutoff " + model.cutoff(), "build the grid with the model's cutoff");
        this.model = model;
        this.grid = grid;
        this.space = space;
        this.n = model.dim();
        Isotropy iso = model.hamiltonian().isotropy();
        this.reduced = useSymmetry && iso.reducible() && !grid.isPointGrid() && (grid.spaceDim() == 2 || iso.kind() == Isotropy.Kind.FULL);
        points = reduced ? grid.radialSize() : grid.size();
        wk = new double[points];
        for (int i = 0; i < points; i++) wk[i] = reduced ? grid.radialWeight(i) : grid.weight(i);
    }

    /** H tabulated at the nodes used (radial axis or full grid): the k-space's table, built on the first sum. */
    private double[] table() { return reduced ? space.radialTable() : space.fullTable(); }

    /** The prepared k-space (grid + tabulated H) this resolvent sums over. */
    public KSpace space() { return space; }

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
        double[] hk = table();
        java.util.Arrays.fill(out, 0, nn, 0);
        if (n == 2) {
            // GreenWorkspace.inverse2 (closed-form 2×2, scaled by the weight) fused into the sum: the SCBA's hot loop
            // keeps the 8 accumulators in registers (writing each inverse to an array was slower in CoreBench.scbaCoPt)
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
            GreenWorkspace green = new GreenWorkspace(n);
            for (int i = 0; i < points; i++) {
                if (!green.invert(hk, nn * i, zr, zi, sigma, work))
                    throw new DiffusonException("energy", "z − H(k) − Σ is singular at a grid point", "move z off the real axis or add broadening");
                double wi = wk[i];
                for (int e = 0; e < nn; e++) out[e] += wi * work[e];
            }
        }
        if (reduced) project(out);
    }

    /**
     * ∫dk dG/dz = −∫dk G(1 − Σ′)G at z (with Σ′ = dΣ/dz given), the k-sum of {@link GreenWorkspace#derivative}: e.g.
     * the analytic dΣ/dz of the Born self-energy. Symmetry reduction as in {@link #sum}: G′ transforms like G.
     */
    public CMatrix sumDerivative(Energy z, CMatrix sigma, CMatrix dSigma) {
        int nn = 2 * n * n;
        double[] s = sigma.toArray(), ds = dSigma.toArray(), g = new double[nn], gp = new double[nn], out = new double[nn], hk = table();
        GreenWorkspace green = new GreenWorkspace(n);
        for (int i = 0; i < points; i++) {
            if (!green.invert(hk, nn * i, z.re(), z.im(), s, g))
                throw new DiffusonException("energy", "z − H(k) − Σ is singular at a grid point", "move z off the real axis or add broadening");
            green.derivative(g, ds, gp);
            for (int e = 0; e < nn; e++) out[e] += wk[i] * gp[e];
        }
        if (reduced) project(out);
        return CMatrix.of(n, n, out);
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
