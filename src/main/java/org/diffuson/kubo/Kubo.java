package org.diffuson.kubo;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.green.GreenWorkspace;
import org.diffuson.integrate.KSum;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.linalg.Superoperator;
import org.diffuson.linalg.ZOps;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Model;


/**
 * Vertex-corrected linear response (Kubo–Středa, non-crossing ladder) on a {@link Ladder}'s grid and self-energy
 * (seed 002 Eq. 65, non-crossing Kubo–Středa; seed 000 eqs 206–213). The ladder is k-independent for white-noise disorder:
 * B̃ = B + Γ[Y], (1 − Φ̄Γ)Y = Y₀ = Σ_k G^R B G^A, with Φ̄ the q = 0 bubble of the same grid — so the Ward identity
 * and the conserving structure of the SCBA carry over. A conserved mode of 1 − Φ̄Γ (exact zero eigenvalue with SCBA)
 * is deflated; its overlap with Y₀ is reported.
 */
public final class Kubo {
    private final Ladder ladder;

    public Kubo(Ladder ladder) { this.ladder = ladder; }

    public Ladder ladder() { return ladder; }

    /** σ_ab in units of e²/h (a: current direction, b: field direction). */
    public KuboResult conductivity(int a, int b) {
        Hamiltonian h = ladder.model().hamiltonian();
        return response(Vertex.velocity(h, a), Vertex.velocity(h, b));
    }

    /** Středa-I response χ_AB (RA and RR, both ladder dressed). */
    public KuboResult response(Vertex a, Vertex b) {
        Model model = ladder.model();
        int n = model.dim();
        if (a.dim() != n || b.dim() != n)
            throw new DiffusonException("vertex", "dimension " + a.dim() + "/" + b.dim() + " ≠ model " + n, "build vertices for the model's basis");
        double e = ladder.energy();
        Energy er = Energy.retarded(e), ea = Energy.advanced(e);
        CMatrix sR = ladder.sigma(er);
        double[] sig = sR.toArray();
        KGrid g = ladder.grid();
        int nn = 2 * n * n;
        // acc layout: [tRA(2), tRR(2), Y0(nn), L(nn), Y0rr(nn), Lrr(nn), Σ w‖G^R B G^A‖, Σ w‖G^R B G^R‖]
        int m = 4 + 4 * nn + 2;
        double[] hTab = ladder.resolvent().space().fullTable(); // H(k) tabulated once per ladder grid, shared
        double[] acc = KSum.sum(g.size(), m, () -> new Work(n), (from, to, part, w) -> accumulate(hTab, a, b, g, e, sig, from, to, part, n, w));
        CMatrix y0 = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4, 4 + nn));
        CMatrix l = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4 + nn, 4 + 2 * nn));
        CMatrix y0rr = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4 + 2 * nn, 4 + 3 * nn));
        CMatrix lrr = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4 + 3 * nn, 4 + 4 * nn));
        Superoperator gamma = model.disorder().superoperator();
        double[] overlap = new double[1];
        Superoperator phiRA = ladder.at(new double[model.spaceDim()], er, ea).bubble();
        CMatrix yRA = solveLadder(phiRA, gamma, y0, acc[4 + 4 * nn], overlap, g);
        CMatrix dress = gamma.apply(yRA);
        double vertexRA = dress.times(l).trace().getReal();
        Superoperator phiRR = ladder.at(new double[model.spaceDim()], er, er).bubble();
        CMatrix yRR = solveLadder(phiRR, gamma, y0rr, acc[5 + 4 * nn], new double[1]);
        double vertexRR = gamma.apply(yRR).times(lrr).trace().getReal();
        double bareRA = acc[0];
        if (Math.abs(acc[1]) > 1e-8 * Math.max(1, Math.abs(bareRA)))
            throw new DiffusonException("vertex", "RA trace is not real (Im = " + acc[1] + ")", "vertices must be Hermitian operators");
        return new KuboResult(a.name(), b.name(), ladder.selfEnergy().name(), e, bareRA, vertexRA, acc[2], vertexRR, 0, false, dress, overlap[0]);
    }

    /** Středa I + II: {@link #response} plus the Fermi-sea term {@link #sea}. */
    public KuboResult responseWithSea(Vertex a, Vertex b) {
        KuboResult r = response(a, b);
        return new KuboResult(r.observable(), r.field(), r.selfEnergy(), r.energy(), r.bareRA(), r.vertexRA(), r.bareRR(), r.vertexRR(),
                sea(a, b), true, r.dressing(), r.zeroModeOverlap());
    }

    /** σ_ab (e²/h) including the Fermi-sea term. */
    public KuboResult conductivityWithSea(int a, int b) {
        Hamiltonian h = ladder.model().hamiltonian();
        return responseWithSea(Vertex.velocity(h, a), Vertex.velocity(h, b));
    }

    /**
     * Středa II at T = 0 (Crépieux–Bruno form, ħ = 1, units e²/h for current vertices):
     * χ^{II} = ½∫_{−∞}^{E_F} dε Tr[A G^R B G^R′ − A G^R′ B G^R − (R → A)] = Re ∫_{−∞}^{E_F} dε X^R(ε),
     * X^R = Tr[A G B G′ − A G′ B G], G′ = dG/dz = −G(1 − dΣ/dz)G. G^R is analytic in the upper half plane and decays as
     * 1/z (bounded H: the model's cutoff), so the real-axis integral is rotated onto E_F + iy, y ∈ [0, ∞): composite
     * Gauss–Legendre panels growing geometrically from the broadening scale, and y = W/t beyond the band scale W.
     * No broadened δ and no Fermi-sea k-integral below the cutoff are needed.
     */
    public double sea(Vertex a, Vertex b) {
        Model model = ladder.model();
        double e = ladder.energy();
        CMatrix s0 = ladder.sigma(Energy.retarded(e));
        double w = Math.max(model.hamiltonian().at(model.cutoff(), 0, 0).normMax(), Math.abs(e)) * 2 + 1e-12;
        double eta = Math.max(org.diffuson.green.Scba.minBroadening(s0), 1e-6 * w);
        java.util.List<double[]> nodes = new java.util.ArrayList<>(); // {y, weight} for ∫dy on [0, W]
        org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory f = new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory();
        double lo = 0, hi = eta;
        while (lo < w) {
            hi = Math.min(hi, w);
            var gi = f.legendre(16, lo, hi);
            for (int i = 0; i < gi.getNumberOfPoints(); i++) nodes.add(new double[]{gi.getPoint(i), gi.getWeight(i)});
            lo = hi;
            hi = hi * 4;
        }
        var tail = f.legendre(24, 0, 1); // y = W/t, dy = W/t² dt
        for (int i = 0; i < tail.getNumberOfPoints(); i++) {
            double t = tail.getPoint(i);
            nodes.add(new double[]{w / t, tail.getWeight(i) * w / (t * t)});
        }
        double sum = 0;
        for (double[] nd : nodes) {
            org.hipparchus.complex.Complex x = seaIntegrand(a, b, e, nd[0]);
            // ∫ X dε along ε = E_F + iy: dε = i dy, and the path runs from E_F up, i.e. −∫_{E_F}^{E_F+i∞}
            sum -= nd[1] * x.multiply(org.hipparchus.complex.Complex.I).getReal();
        }
        return DiffusonException.requireFinite("sea", sum);
    }


    private volatile KGrid seaGrid;

    /**
     * The sea integrand off the real axis has structure at small |k| (band extrema, Dirac gaps) that the Fermi-surface
     * grid need not resolve: use the ladder grid's breakpoints plus a geometric grading k_c·4^{−j} towards k = 0.
     */
    KGrid seaGrid() {
        KGrid s = seaGrid;
        if (s != null) return s;
        KGrid g = ladder.grid();
        if (g.isPointGrid()) {
            seaGrid = g;
            return g;
        }
        KGrid.Builder b = KGrid.builder(g.spaceDim(), g.cutoff()).nodesPerPanel(g.nodesPerPanel());
        if (g.spaceDim() == 2) b.angles(g.angularSize());
        else b.angles3d(g.nCos(), g.nPhi());
        for (double x : g.breakpoints()) b.breakpoint(x);
        for (int j = 1; j <= 12; j++) b.breakpoint(g.cutoff() * Math.pow(4, -j));
        s = b.build();
        seaGrid = s;
        return s;
    }

    /**
     * X^R(e + iy) = Σ_k Tr[A G B G′ − A G′ B G] at z = e + iy (y ≥ 0) on the sea grid, with this ladder's Σ(z); the
     * integrand of {@link #sea} and of the Matsubara sum of {@link FiniteTemperature}.
     */
    org.hipparchus.complex.Complex seaIntegrand(Vertex va, Vertex vb, double e, double y) {
        Model model = ladder.model();
        int n = model.dim(), nn = 2 * n * n;
        Energy z = Energy.complex(e, y);
        CMatrix sig = ladder.sigma(z);
        double[] s = sig.toArray(), ds = ladder.selfEnergy().derivative(z).toArray();
        KGrid g = seaGrid();
        double[] part = KSum.sum(g.size(), 2, () -> new Work(n), (from, to, acc, w) -> {
            for (int i = from; i < to; i++) {
                double kx = g.kx(i), ky = g.ky(i), kz = g.kz(i), wt = g.weight(i);
                model.hamiltonian().eval(kx, ky, kz, w.hk, 0);
                w.green.invert(w.hk, 0, e, y, s, w.g);
                w.green.derivative(w.g, ds, w.gp);
                va.eval(kx, ky, kz, w.a);
                vb.eval(kx, ky, kz, w.b);
                // Tr[A G B G'] − Tr[A G' B G]
                ZOps.mult(w.b, n, n, w.gp, n, w.t1);   // B G'
                ZOps.mult(w.g, n, n, w.t1, n, w.t2);   // G B G'
                double tr1r = traceRe(w.a, w.t2, n), tr1i = traceIm(w.a, w.t2, n);
                ZOps.mult(w.b, n, n, w.g, n, w.t1);    // B G
                ZOps.mult(w.gp, n, n, w.t1, n, w.t2);  // G' B G
                double tr2r = traceRe(w.a, w.t2, n), tr2i = traceIm(w.a, w.t2, n);
                acc[0] += wt * (tr1r - tr2r);
                acc[1] += wt * (tr1i - tr2i);
            }
        });
        double re = part[0], im = part[1];
        return new org.hipparchus.complex.Complex(re, im);
    }

    private static double traceRe(double[] a, double[] x, int n) { return GreenWorkspace.traceRe(a, x, n); }

    private static double traceIm(double[] a, double[] x, int n) { return GreenWorkspace.traceIm(a, x, n); }

    /** Per-task scratch of the k-sums: one Green workspace and the n×n blocks. */
    static final class Work {
        final GreenWorkspace green;
        final double[] hk, g, ga, gp, a, b, t1, t2, t3;

        Work(int n) {
            int nn = 2 * n * n;
            green = new GreenWorkspace(n);
            hk = new double[nn]; g = new double[nn]; ga = new double[nn]; gp = new double[nn];
            a = new double[nn]; b = new double[nn]; t1 = new double[nn]; t2 = new double[nn]; t3 = new double[nn];
        }
    }

    /** Solves (1 − Φ̄Γ)Y = Y₀, deflating an (almost) zero mode. */
    static CMatrix solveLadder(Superoperator phi, Superoperator gamma, CMatrix y0, double[] overlapOut) {
        return solveLadder(phi, gamma, y0, 0, overlapOut);
    }

    /**
     * As above; y0Scale = Σ_k w‖G B G′‖ is the size of the terms that sum to Y₀, so that a Y₀ which cancels to
     * rounding by symmetry (e.g. the current vertex of an isotropic single band) is not mistaken for a drive of the
     * conserved mode.
     */
    static CMatrix solveLadder(Superoperator phi, Superoperator gamma, CMatrix y0, double y0Scale, double[] overlapOut) {
        return solveLadder(phi, gamma, y0, y0Scale, overlapOut, null);
    }

    /** As above; {@code grid} (may be null) is named in the refusal, which then says how to refine it. */
    static CMatrix solveLadder(Superoperator phi, Superoperator gamma, CMatrix y0, double y0Scale, double[] overlapOut, KGrid grid) {
        int n = phi.dim();
        Superoperator mOp = Superoperator.identity(n).minus(phi.compose(gamma));
        CMatrix mat = mOp.matrix();
        Eigen.General eg = Eigen.general(mat);
        int k = eg.indexOfSmallest();
        CMatrix yv = y0.vec();
        if (eg.values()[k].norm() < 1e-8 * Math.max(1, mat.normMax())) {
            CMatrix v = eg.rightVector(k), w = eg.leftVector(k);
            // w†v = 1 by construction (rows of V⁻¹); M + v w† has the zero eigenvalue lifted to 1
            mat = mat.plus(v.times(w.dagger()));
            double ov = w.dagger().times(yv).get(0, 0).norm() / Math.max(Math.max(yv.normF(), 1e-8 * y0Scale) * w.normF(), 1e-300);
            overlapOut[0] = ov;
            if (ov > 1e-6) throw zeroModeRefusal(ov, grid);
        }
        return CMatrix.unvec(mat.inverse().times(yv), n);
    }

    /** The refusal when the vertex overlaps the ladder's conserved mode: names the grid when it may be the cause (issue 9). */
    static DiffusonException zeroModeRefusal(double overlap, KGrid grid) {
        if (grid == null)
            return new DiffusonException("vertex", String.format(java.util.Locale.ROOT, "drives the conserved (zero) mode of the ladder (overlap %.2e)", overlap),
                    "the static uniform response to this vertex diverges (e.g. a density vertex); use a current/spin vertex or ω ≠ 0");
        String refine = grid.isPointGrid()
                ? "a finer Brillouin-zone mesh (double N in BrillouinZone.uniform(h, N, N, 0.5); an inversion-symmetric mesh, shift 0 or 0.5, cancels it best)"
                : "more nodes per panel / angles (GridOptions.withNodesPerPanel, withAngles)";
        return new DiffusonException("grid", String.format(java.util.Locale.ROOT,
                "does not resolve the Fermi surface: on this %d-point k-grid the vertex's Fermi-surface sum overlaps the conserved (zero) mode of the ladder"
                        + " (|w†Y₀|/‖Y₀‖ = %.2e, must be < 1e-6)", grid.size(), overlap),
                "refine the k-grid — " + refine + " — until the overlap falls below 1e-6; for a current or spin vertex it does."
                        + " Only if it stays large as the grid is refined does the vertex drive the conserved mode (a density-like vertex,"
                        + " whose static uniform response diverges): then use ω ≠ 0 or another vertex");
    }

    private static void accumulate(double[] hTab, Vertex va, Vertex vb, KGrid g, double e, double[] sig, int from, int to, double[] acc, int n, Work wk) {
        int nn = 2 * n * n;
        double[] gr = wk.g, ga = wk.ga, a = wk.a, b = wk.b, t1 = wk.t1, t2 = wk.t2, t3 = wk.t3;
        for (int i = from; i < to; i++) {
            double kx = g.kx(i), ky = g.ky(i), kz = g.kz(i), w = g.weight(i);
            if (!wk.green.invert(hTab, i * nn, e, 0, sig, gr))
                throw new DiffusonException("energy", "E − H − Σ is singular at k=(" + kx + "," + ky + ")", "Σ needs Im Σ^R < 0");
            GreenWorkspace.dagger(gr, n, ga); // G^A = (G^R)†
            va.eval(kx, ky, kz, a);
            vb.eval(kx, ky, kz, b);
            // Y0 += w G^R B G^A ; tRA += w Tr[A G^R B G^A]
            ZOps.mult(gr, n, n, b, n, t1);      // G^R B
            ZOps.mult(t1, n, n, ga, n, t2);     // G^R B G^A
            addScaled(acc, 4, t2, w, nn);
            addTraceProduct(acc, 0, a, t2, w, n);
            acc[4 + 4 * nn] += w * maxAbs(t2, nn);
            // Y0rr += w G^R B G^R ; tRR += w Tr[A G^R B G^R]
            ZOps.mult(t1, n, n, gr, n, t3);
            addScaled(acc, 4 + 2 * nn, t3, w, nn);
            addTraceProduct(acc, 2, a, t3, w, n);
            acc[5 + 4 * nn] += w * maxAbs(t3, nn);
            // L += w G^A A G^R ; Lrr += w G^R A G^R
            ZOps.mult(a, n, n, gr, n, t1);      // A G^R
            ZOps.mult(ga, n, n, t1, n, t2);
            addScaled(acc, 4 + nn, t2, w, nn);
            ZOps.mult(gr, n, n, t1, n, t3);
            addScaled(acc, 4 + 3 * nn, t3, w, nn);
        }
    }

    private static double maxAbs(double[] x, int nn) {
        double m = 0;
        for (int j = 0; j < nn; j += 2) m = Math.max(m, Math.hypot(x[j], x[j + 1]));
        return m;
    }

    private static void addScaled(double[] acc, int off, double[] x, double w, int nn) {
        for (int j = 0; j < nn; j++) acc[off + j] += w * x[j];
    }

    /** acc[off] += w Re Tr[A X], acc[off+1] += w Im Tr[A X]. */
    private static void addTraceProduct(double[] acc, int off, double[] a, double[] x, double w, int n) {
        acc[off] += w * traceRe(a, x, n);
        acc[off + 1] += w * traceIm(a, x, n);
    }
}
