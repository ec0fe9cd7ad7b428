package org.diffuson.kubo;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.green.GreenWorkspace;
import org.diffuson.integrate.GridPolicy;
import org.diffuson.integrate.KGrid;
import org.diffuson.integrate.KSpace;
import org.diffuson.integrate.KSum;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.linalg.Superoperator;
import org.diffuson.linalg.ZOps;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Model;
import org.diffuson.model.TermHamiltonian;


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

    /**
     * σ_ab (e²/h), RA Fermi-surface term with the ladder vertex only: the RR products and the RR ladder are not
     * computed ({@link KuboResult#rrComputed()} is false; {@link KuboResult#fermiSurface()} is the value).
     */
    public KuboResult fermiSurface(int a, int b) {
        Hamiltonian h = ladder.model().hamiltonian();
        return response(Vertex.velocity(h, a), Vertex.velocity(h, b), false);
    }

    /** χ_AB, RA Fermi-surface term with the ladder vertex only (see {@link #fermiSurface(int, int)}). */
    public KuboResult fermiSurfaceResponse(Vertex a, Vertex b) { return response(a, b, false); }

    /** Středa-I response χ_AB (RA and RR, both ladder dressed). */
    public KuboResult response(Vertex a, Vertex b) { return response(a, b, true); }

    /**
     * {@link #responseOnGrid} on this ladder's grid, or on a refined one when the grid does not resolve the Fermi
     * surface well enough for the zero-mode deflation ({@link GridRefinement}).
     */
    private KuboResult response(Vertex a, Vertex b, boolean withRR) {
        return GridRefinement.converged(ladder, l -> (l == ladder ? this : new Kubo(l)).responseOnGrid(a, b, withRR));
    }

    private KuboResult responseOnGrid(Vertex a, Vertex b, boolean withRR) {
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
        double[] acc;
        double[] phiRaw = null; // the q = 0 RA bubble when the k-sum computed it (polar moments), else null
        double[][][] vPoly = polar(a, b) && n == 2 && !withRR ? velocityPolynomials() : null;
        if (vPoly != null) {
            acc = new double[m];
            phiRaw = new double[2 * n * n * n * n];
            polarMoments2(ladder.grid(), model.hamiltonian(), vPoly, e, sig, polarCoefficients(n, (VelocityVertex) a, (VelocityVertex) b), acc, phiRaw);
        } else if (polar(a, b)) acc = accumulatePolar(n, (VelocityVertex) a, (VelocityVertex) b, e, sig, m, withRR);
        else {
            Hamiltonian h = model.hamiltonian();
            acc = KSum.sum(g.size(), m, () -> new Work(n), (from, to, part, w) -> accumulate(h, a, b, g, e, sig, from, to, part, w, withRR));
        }
        CMatrix y0 = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4, 4 + nn));
        CMatrix l = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4 + nn, 4 + 2 * nn));
        CMatrix y0rr = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4 + 2 * nn, 4 + 3 * nn));
        CMatrix lrr = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4 + 3 * nn, 4 + 4 * nn));
        Superoperator gamma = model.disorder().superoperator();
        double[] overlap = new double[1];
        // the moments' bubble takes G^A = (G^R)†, as the RA sums do: used when the self-energy's Σ^A is Σ^R† (to rounding)
        boolean adjoint = phiRaw != null && ladder.sigma(ea).minus(sR.dagger()).normMax() <= 1e-15 * sR.normMax();
        Superoperator phiRA = adjoint ? Superoperator.fromRaw(n, phiRaw) : ladder.at(new double[model.spaceDim()], er, ea).bubble();
        CMatrix yRA = solveLadder(phiRA, gamma, y0, acc[4 + 4 * nn], overlap, g);
        CMatrix dress = gamma.apply(yRA);
        double vertexRA = dress.times(l).trace().getReal();
        double vertexRR = Double.NaN, bareRR = Double.NaN;
        if (withRR) {
            Superoperator phiRR = ladder.at(new double[model.spaceDim()], er, er).bubble();
            CMatrix yRR = solveLadder(phiRR, gamma, y0rr, acc[5 + 4 * nn], new double[1]);
            vertexRR = gamma.apply(yRR).times(lrr).trace().getReal();
            bareRR = acc[2];
        }
        double bareRA = acc[0];
        if (Math.abs(acc[1]) > 1e-8 * Math.max(1, Math.abs(bareRA)))
            throw new DiffusonException("vertex", "RA trace is not real (Im = " + acc[1] + ")", "vertices must be Hermitian operators");
        return new KuboResult(a.name(), b.name(), ladder.selfEnergy().name(), e, bareRA, vertexRA, bareRR, vertexRR, 0, false, dress, overlap[0]);
    }

    /** Středa I + II: {@link #response} plus the Fermi-sea term {@link #sea} with bare vertices. */
    public KuboResult responseWithSea(Vertex a, Vertex b) { return responseWithSea(a, b, SeaVertices.BARE); }

    /** Středa I + II with the sea term's vertices as chosen ({@link SeaVertices}; LADDER for spin and torque vertices). */
    public KuboResult responseWithSea(Vertex a, Vertex b, SeaVertices seaVertices) {
        KuboResult r = response(a, b);
        Kubo onGrid = r.refinement() == null ? this : new Kubo(r.refinement().ladder()); // every term on the same grid
        return new KuboResult(r.observable(), r.field(), r.selfEnergy(), r.energy(), r.bareRA(), r.vertexRA(), r.bareRR(), r.vertexRR(),
                onGrid.sea(a, b, seaVertices), true, r.dressing(), r.zeroModeOverlap(), r.refinement());
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
     * Gauss–Legendre panels growing ×4 from the broadening scale (8–16 nodes each, following the k-grid's nodes per
     * panel), and y = W/t beyond the band scale W. The nodes run in parallel and are summed in order.
     * No broadened δ and no Fermi-sea k-integral below the cutoff are needed.
     * <p>The vertices are bare. That is exact for two velocity (charge-current) vertices when Σ is k-independent
     * (white-noise disorder with SCBA, Born or a constant Σ): then G v G = ∂G/∂k and the (z, z) ladder correction
     * Γ[Σ_k ∂_k G] vanishes — the Ward identity Λ(z, z) = −∂G⁻¹/∂k = v — exactly over a Brillouin zone, and for a
     * continuum model up to the boundary term at the cutoff. Spin, spin-current and torque vertices have no such
     * identity: use {@link #sea(Vertex, Vertex, SeaVertices)} with {@link SeaVertices#LADDER}.
     */
    public double sea(Vertex a, Vertex b) { return sea(a, b, SeaVertices.BARE); }

    /**
     * {@link #sea(Vertex, Vertex)} with the chosen vertices: {@link SeaVertices#LADDER} dresses both by the (z, z)
     * ladder at every node of the energy path ({@link SeaLadder}; its k-sums run on the ladder's grid).
     */
    public double sea(Vertex a, Vertex b, SeaVertices seaVertices) {
        boolean dressed = seaVertices == SeaVertices.LADDER;
        Model model = ladder.model();
        double e = ladder.energy();
        CMatrix s0 = ladder.sigma(Energy.retarded(e));
        double w = Math.max(model.hamiltonian().at(model.cutoff(), 0, 0).normMax(), Math.abs(e)) * 2 + 1e-12;
        double eta = Math.max(org.diffuson.green.Scba.minBroadening(s0), 1e-6 * w);
        // the y rule follows the k-grid's accuracy: n Gauss–Legendre nodes per ×4 panel with n = the grid's nodes per
        // panel clamped to [8, 16] (16 for the default grids), 2n in the tail (measured on the KuboBench curve: 8 nodes
        // reproduce the 16-node values to 3e-9)
        int gridNodes = ladder.grid().isPointGrid() ? 16 : ladder.grid().nodesPerPanel();
        int yNodes = Math.max(8, Math.min(16, gridNodes)), tailNodes = Math.min(24, 2 * yNodes);
        java.util.List<double[]> nodes = new java.util.ArrayList<>(); // {y, weight} for ∫dy on [0, W]
        double lo = 0, hi = eta;
        while (lo < w) {
            hi = Math.min(hi, w);
            double[][] gi = org.diffuson.integrate.GaussLegendre.rule(yNodes, lo, hi);
            for (int i = 0; i < yNodes; i++) nodes.add(new double[]{gi[0][i], gi[1][i]});
            lo = hi;
            hi = hi * 4;
        }
        double[][] tail = org.diffuson.integrate.GaussLegendre.rule(tailNodes, 0, 1); // y = W/t, dy = W/t² dt
        for (int i = 0; i < tailNodes; i++) {
            double t = tail[0][i];
            nodes.add(new double[]{w / t, tail[1][i] * w / (t * t)});
        }
        // ∫ X dε along ε = E_F + iy: dε = i dy, and the path runs from E_F up, i.e. −∫_{E_F}^{E_F+i∞}: −Re(i X) = Im X.
        // One parallel sum over the energy nodes (KSum: fixed chunks of whole nodes, ordered reduction); each node's
        // k-sum is itself a KSum, nested inside the node's task. Both have fixed chunks and ordered reductions, so the
        // result is the same bits on any number of threads (KSumTest).
        double[] total = new double[1];
        KSum.sum(nodes.size(), KSum.chunkOver(seaGrid().size()), 1, () -> null, (from, to, acc, none) -> {
            for (int j = from; j < to; j++) acc[0] += nodes.get(j)[1] * seaIntegrand(a, b, e, nodes.get(j)[0], dressed).getImaginary();
        }, total, true);
        return DiffusonException.requireFinite("sea", total[0]);
    }


    private volatile KGrid seaGrid;

    /** The grid of the Fermi-sea integral, {@link GridPolicy#sea} of the ladder's grid (built once). */
    KGrid seaGrid() {
        KGrid s = seaGrid;
        if (s == null) seaGrid = s = GridPolicy.sea(ladder.grid());
        return s;
    }

    /**
     * X^R(e + iy) = Σ_k Tr[A G B G′ − A G′ B G] at z = e + iy (y ≥ 0) on the sea grid, with this ladder's Σ(z); the
     * integrand of {@link #sea} and of the Matsubara sum of {@link FiniteTemperature}.
     */
    org.hipparchus.complex.Complex seaIntegrand(Vertex va, Vertex vb, double e, double y, boolean dressed) {
        org.hipparchus.complex.Complex bare = seaIntegrand(va, vb, e, y);
        return dressed ? bare.add(SeaLadder.correction(ladder, va, vb, e, y)) : bare;
    }

    org.hipparchus.complex.Complex seaIntegrand(Vertex va, Vertex vb, double e, double y) {
        Model model = ladder.model();
        int n = model.dim(), nn = 2 * n * n;
        Energy z = Energy.complex(e, y);
        CMatrix sig = ladder.sigma(z);
        // dΣ/dz from the self-energy model itself (analytic where known, one documented step rule otherwise)
        double[] s = sig.toArray(), ds = ladder.selfEnergy().derivative(z).toArray();
        KGrid g = seaGrid();
        if (polar(va, vb)) return seaPolar((VelocityVertex) va, (VelocityVertex) vb, g, n, e, y, s, ds);
        Hamiltonian h = model.hamiltonian();
        double[] part = KSum.sum(g.size(), 2, () -> new Work(n), (from, to, acc, w) -> {
            for (int i = from; i < to; i++) {
                double kx = g.kx(i), ky = g.ky(i), kz = g.kz(i), wt = g.weight(i);
                h.eval(kx, ky, kz, w.hk, 0);
                w.green.invert(w.hk, 0, e, y, s, w.g);
                w.green.derivative(w.g, ds, w.ga);  // G' = −G (1 − Σ') G
                va.eval(kx, ky, kz, w.a);
                vb.eval(kx, ky, kz, w.b);
                // Tr[A G B G'] − Tr[A G' B G]
                ZOps.mult(w.b, n, n, w.ga, n, w.t1);   // B G'
                ZOps.mult(w.g, n, n, w.t1, n, w.t2);  // G B G'
                double tr1r = traceRe(w.a, w.t2, n), tr1i = traceIm(w.a, w.t2, n);
                ZOps.mult(w.b, n, n, w.g, n, w.t1);   // B G
                ZOps.mult(w.ga, n, n, w.t1, n, w.t2);  // G' B G
                double tr2r = traceRe(w.a, w.t2, n), tr2i = traceIm(w.a, w.t2, n);
                acc[0] += wt * (tr1r - tr2r);
                acc[1] += wt * (tr1i - tr2i);
            }
        });
        double re = part[0], im = part[1];
        return new org.hipparchus.complex.Complex(re, im);
    }

    /** The sea grid with H and the velocities tabulated on its k_x axis (once, shared by every energy node). */
    private volatile KSpace seaSpace;

    private KSpace seaSpace(KGrid g) {
        KSpace t = seaSpace;
        if (t == null) {
            KSpace own = ladder.resolvent().space();
            seaSpace = t = own.grid() == g ? own : new KSpace(ladder.model().hamiltonian(), g);
        }
        return t;
    }

    /**
     * {@link #seaIntegrand} for two velocity vertices of a rotation-covariant model ({@link #polar}): the traces are
     * rotation invariant, so the angular average is Σ_ab ⟨R_ca R_db⟩ T_ab on the k_x axis ({@link #traceAverage}).
     */
    private org.hipparchus.complex.Complex seaPolar(VelocityVertex va, VelocityVertex vb, KGrid g, int n, double e, double y, double[] s, double[] ds) {
        int nn = 2 * n * n, c = va.direction, d = vb.direction;
        KSpace space = seaSpace(g);
        double[] ht = space.radialTable(), vt0 = space.radialVelocityTable(0), vt1 = space.radialVelocityTable(1);
        // Σ_ab ⟨R_ca R_db⟩ (Tr[v_a G v_b G′] − Tr[v_a G′ v_b G]) = Σ_ab f_ab Tr[(v_a G)(v_b G′)], f_ab = t_ab − t_ba
        double[][] f = new double[2][2];
        for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) f[a][b] = traceAverage(c, d, a, b) - traceAverage(c, d, b, a);
        if (n == 2) return seaPolar2(g, ht, vt0, vt1, f, e, y, s, ds);
        GreenWorkspace green = new GreenWorkspace(n);
        double[] gz = new double[nn], gp = new double[nn], t1 = new double[nn];
        double[][] vg = new double[2][nn], vgp = new double[2][nn];
        double re = 0, im = 0;
        for (int r = 0; r < g.radialSize(); r++) {
            int o = r * nn;
            green.invert(ht, o, e, y, s, gz);
            green.derivative(gz, ds, gp);            // G' = −G (1 − Σ') G
            for (int a = 0; a < 2; a++) {
                System.arraycopy(a == 0 ? vt0 : vt1, o, t1, 0, nn);
                ZOps.mult(t1, n, n, gz, n, vg[a]);
                ZOps.mult(t1, n, n, gp, n, vgp[a]);
            }
            double wr = g.radialWeight(r), sr = 0, si = 0;
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++) {
                    if (f[a][b] == 0) continue;
                    sr += f[a][b] * traceRe(vg[a], vgp[b], n);
                    si += f[a][b] * traceIm(vg[a], vgp[b], n);
                }
            re += wr * sr;
            im += wr * si;
        }
        return new org.hipparchus.complex.Complex(re, im);
    }

    /**
     * {@link #seaPolar} for n = 2 in closed form on one flat scratch array: G by {@link GreenWorkspace#inverse2},
     * G′ = −G(1 − Σ′)G, and Σ_ab f_ab Tr[(v_a G)(v_b G′)] with the 2×2 products and traces unrolled.
     */
    private static org.hipparchus.complex.Complex seaPolar2(KGrid g, double[] ht, double[] vt0, double[] vt1, double[][] f,
                                                            double e, double y, double[] s, double[] ds) {
        final int G = 0, GP = 8, T = 16, VG = 24, VGP = 40, ONE = 56;
        double[] w = new double[64];
        for (int j = 0; j < 8; j++) w[ONE + j] = -ds[j];
        w[ONE] += 1;
        w[ONE + 6] += 1;
        double re = 0, im = 0;
        for (int r = 0; r < g.radialSize(); r++) {
            int o = 8 * r;
            GreenWorkspace.inverse2(ht, o, e, y, s, 1, w, G);
            // G' = −G (1 − Σ') G
            ZOps.mult2(w, G, w, ONE, w, T);
            ZOps.mult2(w, T, w, G, w, GP);
            for (int j = GP; j < GP + 8; j++) w[j] = -w[j];
            ZOps.mult2(vt0, o, w, G, w, VG);
            ZOps.mult2(vt1, o, w, G, w, VG + 8);
            ZOps.mult2(vt0, o, w, GP, w, VGP);
            ZOps.mult2(vt1, o, w, GP, w, VGP + 8);
            double wr = g.radialWeight(r), sr = 0, si = 0;
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++) {
                    double fab = f[a][b];
                    if (fab == 0) continue;
                    sr += fab * GreenWorkspace.traceRe2(w, VG + 8 * a, w, VGP + 8 * b);
                    si += fab * GreenWorkspace.traceIm2(w, VG + 8 * a, w, VGP + 8 * b);
                }
            re += wr * sr;
            im += wr * si;
        }
        return new org.hipparchus.complex.Complex(re, im);
    }

    /** Re Tr[A X] for n×n interleaved matrices (no allocation). */
    private static double traceRe(double[] a, double[] x, int n) { return org.diffuson.green.GreenWorkspace.traceRe(a, x, n); }

    /** Im Tr[A X]. */
    private static double traceIm(double[] a, double[] x, int n) { return org.diffuson.green.GreenWorkspace.traceIm(a, x, n); }

    /**
     * True when the angular integral of a two-velocity k-sum can be done by symmetry: a 2D polar grid and a
     * rotation-covariant model (AXIAL or FULL), H(R k) = U H(k) U†, with the velocity vertices of its Hamiltonian.
     * Then v_c(R k) = Σ_b R_cb U v_b(k) U†, and each angular average follows exactly from the k_x axis (below).
     */
    private boolean polar(Vertex a, Vertex b) {
        KGrid g = ladder.grid();
        Hamiltonian h = ladder.model().hamiltonian();
        return g.spaceDim() == 2 && !g.isPointGrid() && h.isotropy().reducible()
                && a instanceof VelocityVertex va && va.h == h && va.direction < 2
                && b instanceof VelocityVertex vb && vb.h == h && vb.direction < 2;
    }

    /**
     * ⟨R_db(θ) e^{−imθ}⟩_θ, the angular average that maps the axis value X_b of a k-sum with one velocity vertex to the
     * (p, q) entry of its full average (m = j_p − j_q; R the rotation by θ): cos θ → ½ for |m| = 1, ±sin θ →
     * ∓(i/2) sgn m for |m| = 1, and 0 otherwise. Written as {re, im} into out.
     */
    static void rotationAverage(int d, int b, double m, double[] out) {
        out[0] = 0;
        out[1] = 0;
        if (Math.abs(Math.abs(m) - 1) > 1e-12) return;
        if (d == b) out[0] = 0.5;                       // R_xx = R_yy = cos θ
        else out[1] = (d == 1 ? -0.5 : 0.5) * Math.signum(m); // R_yx = sin θ, R_xy = −sin θ
    }

    /** ⟨R_ca R_db⟩_θ = ½(δ_cd δ_ab + ε_cd ε_ab): the angular average of a trace with two velocity vertices. */
    static double traceAverage(int c, int d, int a, int b) {
        return 0.5 * ((c == d && a == b ? 1 : 0) + eps(c, d) * eps(a, b));
    }

    private static int eps(int a, int b) { return a == b ? 0 : a == 0 ? 1 : -1; }

    /**
     * The angular coefficients of the polar sums for the vertices v_c (A) and v_d (B): per entry (p, q) and axis
     * velocity b, {@link #rotationAverage} for B (cb) and A (ca), and the trace averages t_ab = {@link #traceAverage}.
     */
    private record PolarCoefficients(double[][] cb, double[][] ca, double[][] tc) {}

    private PolarCoefficients polarCoefficients(int n, VelocityVertex va, VelocityVertex vb) {
        Hamiltonian h = ladder.model().hamiltonian();
        int nn = 2 * n * n, c = va.direction, d = vb.direction;
        double[] j = h.isotropy().j();
        boolean full = h.isotropy().kind() == org.diffuson.model.Isotropy.Kind.FULL;
        double[][] cb = new double[2][nn], ca = new double[2][nn];
        double[] tmp = new double[2];
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++) {
                double m = full ? 0 : j[p] - j[q];
                for (int x = 0; x < 2; x++) {
                    rotationAverage(d, x, m, tmp);
                    cb[x][2 * (p * n + q)] = tmp[0];
                    cb[x][2 * (p * n + q) + 1] = tmp[1];
                    rotationAverage(c, x, m, tmp);
                    ca[x][2 * (p * n + q)] = tmp[0];
                    ca[x][2 * (p * n + q) + 1] = tmp[1];
                }
            }
        double[][] tc = {{traceAverage(c, d, 0, 0), traceAverage(c, d, 0, 1)}, {traceAverage(c, d, 1, 0), traceAverage(c, d, 1, 1)}};
        return new PolarCoefficients(cb, ca, tc);
    }

    /**
     * The axis velocities ∂H/∂k_x, ∂H/∂k_y on the k_x axis as polynomials in k ({@link TermHamiltonian#velocityAxisCoefficients}),
     * [axis][power][entry], for a builder model's own velocity vertices; null otherwise (then the tables are used).
     */
    private double[][][] velocityPolynomials() {
        if (!(ladder.model().hamiltonian() instanceof TermHamiltonian t)) return null;
        double[][] x = t.velocityAxisCoefficients(org.diffuson.model.Axis.X), y = t.velocityAxisCoefficients(org.diffuson.model.Axis.Y);
        return x == null || y == null ? null : new double[][][]{x, y};
    }

    /**
     * The RA sums of {@link #accumulatePolar} for n = 2 and the q = 0 RA bubble, from moments of one product per node.
     * Every RA sum is linear in K[p,q,c,d] = G^R_pc G^A_dq (G^A = (G^R)†): (G^R v G^A)_pq = Σ_cd v_cd K[p,q,c,d],
     * (G^A v G^R)_pq = Σ_cd v_cd K[d,c,q,p], Tr[v_a G^R v_b G^A] = Σ v_a,qp v_b,cd K[p,q,c,d], and the bubble's entry
     * (a+2b),(c+2d) is K[a,b,c,d]. With the axis velocities polynomials v_b(k) = Σ_s k^s V_b,s, the k-sums need only
     * the moments M_s = Σ_r w_r k_r^s K_r (s ≤ twice the velocity degree): K is the outer product g g† of the four
     * entries of G^R = adj(A)/det A (A = E − H − Σ^R), i.e. adj(A) adj(A)†/|det A|², so 10 products of the adjugate's
     * entries per radial node with 1/|det A|² in the node's weight, and the contractions once per call. Exact algebra (equal to {@link #polarNodes2} and
     * {@link org.diffuson.ladder.Bubble} to rounding, KuboPolarTest). The scale slot gets Σ_b Σ_s ‖V_b,s‖_F Σ_r w_r k_r^s ‖G^R‖²_F,
     * an upper bound of Σ_r w_r ‖G^R v_b G^A‖_F. The bubble is projected on the entries the rotation keeps ({@link org.diffuson.model.Isotropy#keeps}).
     */
    private static void polarMoments2(KGrid g, Hamiltonian h, double[][][] v, double e, double[] sig, PolarCoefficients pc, double[] acc, double[] phiRaw) {
        int deg = Math.max(v[0].length, v[1].length) - 1, ns = 2 * deg + 1;
        // K as a 4×4 matrix over u = 2p + c, v = 2q + d is the outer product g g† of the entries g_u = G_pc: Hermitian,
        // so only its upper triangle (4 real diagonal + 6 complex entries) is summed, at tri[s][·]
        double[][] tri = new double[ns][16];
        double[] hk = new double[8];
        // a builder model's H on the axis as per-entry polynomials, by Horner's rule in locals (as evalAxis does)
        double[][] hp = h instanceof TermHamiltonian t ? t.axisCoefficients() : null;
        int hdeg = hp == null ? -1 : hp.length - 1;
        // the s = 0 moment in locals (the only one for k-independent velocities), higher ones in tri[s]
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
        for (int r = 0; r < g.radialSize(); r++) {
            double k = g.radialNode(r);
            double h0, h1, h2, h3, h4, h5, h6, h7;
            if (hp != null) {
                double[] top = hp[hdeg];
                h0 = top[0]; h1 = top[1]; h2 = top[2]; h3 = top[3]; h4 = top[4]; h5 = top[5]; h6 = top[6]; h7 = top[7];
                for (int p = hdeg - 1; p >= 0; p--) {
                    double[] c = hp[p];
                    h0 = h0 * k + c[0]; h1 = h1 * k + c[1]; h2 = h2 * k + c[2]; h3 = h3 * k + c[3];
                    h4 = h4 * k + c[4]; h5 = h5 * k + c[5]; h6 = h6 * k + c[6]; h7 = h7 * k + c[7];
                }
            } else {
                h.evalAxis(k, hk, 0);
                h0 = hk[0]; h1 = hk[1]; h2 = hk[2]; h3 = hk[3]; h4 = hk[4]; h5 = hk[5]; h6 = hk[6]; h7 = hk[7];
            }
            // A = E − H − Σ^R = [[a, b], [c, d]]; G^R = adj(A)/det A with adj(A) = [[d, −b], [−c, a]], so
            // K = g g† = adj(A) adj(A)† / |det A|²: the products of the adjugate's entries, the real 1/|det A|² folded
            // into the node's weight (no complex division per entry)
            double ar = e - h0 - sig[0], ai = 0 - h1 - sig[1];
            double br = -h2 - sig[2], bi = -h3 - sig[3];
            double cr = -h4 - sig[4], ci = -h5 - sig[5];
            double dr = e - h6 - sig[6], di = 0 - h7 - sig[7];
            double detr = ar * dr - ai * di - (br * cr - bi * ci);
            double deti = ar * di + ai * dr - (br * ci + bi * cr);
            double mod = detr * detr + deti * deti;
            if (!(mod > 0)) throw new DiffusonException("energy", "E − H − Σ is singular at |k|=" + k, "Σ needs Im Σ^R < 0");
            double g0r = dr, g0i = di, g1r = -br, g1i = -bi, g2r = -cr, g2i = -ci, g3r = ar, g3i = ai;
            double k00 = g0r * g0r + g0i * g0i, k11 = g1r * g1r + g1i * g1i, k22 = g2r * g2r + g2i * g2i, k33 = g3r * g3r + g3i * g3i;
            // g_u conj(g_v) for u < v
            double k01r = g0r * g1r + g0i * g1i, k01i = g0i * g1r - g0r * g1i, k02r = g0r * g2r + g0i * g2i, k02i = g0i * g2r - g0r * g2i;
            double k03r = g0r * g3r + g0i * g3i, k03i = g0i * g3r - g0r * g3i, k12r = g1r * g2r + g1i * g2i, k12i = g1i * g2r - g1r * g2i;
            double k13r = g1r * g3r + g1i * g3i, k13i = g1i * g3r - g1r * g3i, k23r = g2r * g3r + g2i * g3i, k23i = g2i * g3r - g2r * g3i;
            double w = g.radialWeight(r) / mod;
            a0 += w * k00; a1 += w * k11; a2 += w * k22; a3 += w * k33;
            a4 += w * k01r; a5 += w * k01i; a6 += w * k02r; a7 += w * k02i; a8 += w * k03r; a9 += w * k03i;
            a10 += w * k12r; a11 += w * k12i; a12 += w * k13r; a13 += w * k13i; a14 += w * k23r; a15 += w * k23i;
            double f = w * k;
            for (int s = 1; s < ns; s++, f *= k) { // w includes 1/|det A|²
                double[] t = tri[s];
                t[0] += f * k00; t[1] += f * k11; t[2] += f * k22; t[3] += f * k33;
                t[4] += f * k01r; t[5] += f * k01i; t[6] += f * k02r; t[7] += f * k02i; t[8] += f * k03r; t[9] += f * k03i;
                t[10] += f * k12r; t[11] += f * k12i; t[12] += f * k13r; t[13] += f * k13i; t[14] += f * k23r; t[15] += f * k23i;
            }
        }
        tri[0] = new double[]{a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15};
        // M_s[p,q,c,d] = Σ_r w k^s K[u = 2p + c][v = 2q + d], interleaved at 2·(((p·2 + q)·2 + c)·2 + d)
        int[][] off = {{-1, 4, 6, 8}, {-1, -1, 10, 12}, {-1, -1, -1, 14}};
        double[][] mom = new double[ns][32];
        for (int s = 0; s < ns; s++)
            for (int u = 0; u < 4; u++)
                for (int x = 0; x < 4; x++) {
                    double re, im;
                    if (u == x) { re = tri[s][u]; im = 0; }
                    else if (u < x) { re = tri[s][off[u][x]]; im = tri[s][off[u][x] + 1]; }
                    else { re = tri[s][off[x][u]]; im = -tri[s][off[x][u] + 1]; }
                    int p = u >> 1, c = u & 1, q = x >> 1, d = x & 1, i = 2 * (((p * 2 + q) * 2 + c) * 2 + d);
                    mom[s][i] = re;
                    mom[s][i + 1] = im;
                }
        double[][] cb = pc.cb, ca = pc.ca, tc = pc.tc;
        for (int b = 0; b < 2; b++) {
            double[][] vb = v[b];
            for (int p = 0; p < 2; p++)
                for (int q = 0; q < 2; q++) {
                    double xr = 0, xi = 0, lr = 0, li = 0;   // (Σ_r w G v_b G^A)_pq, (Σ_r w G^A v_b G)_pq
                    for (int s = 0; s < vb.length; s++)
                        for (int c = 0; c < 2; c++)
                            for (int d = 0; d < 2; d++) {
                                double vr = vb[s][2 * (2 * c + d)], vi = vb[s][2 * (2 * c + d) + 1];
                                int ix = 2 * (((p * 2 + q) * 2 + c) * 2 + d), il = 2 * (((d * 2 + c) * 2 + q) * 2 + p);
                                xr += vr * mom[s][ix] - vi * mom[s][ix + 1];
                                xi += vr * mom[s][ix + 1] + vi * mom[s][ix];
                                lr += vr * mom[s][il] - vi * mom[s][il + 1];
                                li += vr * mom[s][il + 1] + vi * mom[s][il];
                            }
                    int o = 2 * (2 * p + q);
                    acc[4 + o] += cb[b][o] * xr - cb[b][o + 1] * xi;
                    acc[5 + o] += cb[b][o] * xi + cb[b][o + 1] * xr;
                    acc[12 + o] += ca[b][o] * lr - ca[b][o + 1] * li;
                    acc[13 + o] += ca[b][o] * li + ca[b][o + 1] * lr;
                }
            for (int a = 0; a < 2; a++) {
                if (tc[a][b] == 0) continue;
                double[][] va = v[a];
                double tr = 0, ti = 0;  // Σ_r w Tr[v_a G v_b G^A]
                for (int t = 0; t < va.length; t++)
                    for (int s = 0; s < vb.length; s++)
                        for (int p = 0; p < 2; p++)
                            for (int q = 0; q < 2; q++) {
                                double ar = va[t][2 * (2 * q + p)], ai = va[t][2 * (2 * q + p) + 1];
                                for (int c = 0; c < 2; c++)
                                    for (int d = 0; d < 2; d++) {
                                        double br = vb[s][2 * (2 * c + d)], bi = vb[s][2 * (2 * c + d) + 1];
                                        double cr = ar * br - ai * bi, ci = ar * bi + ai * br;
                                        int ix = 2 * (((p * 2 + q) * 2 + c) * 2 + d);
                                        double[] m = mom[s + t];
                                        tr += cr * m[ix] - ci * m[ix + 1];
                                        ti += cr * m[ix + 1] + ci * m[ix];
                                    }
                            }
                acc[0] += tc[a][b] * tr;
                acc[1] += tc[a][b] * ti;
            }
        }
        // scale: Σ_b Σ_s ‖V_b,s‖_F Σ_r w k^s ‖G‖²_F, with ‖G‖²_F = Σ_pc K[p,p,c,c]
        double scale = 0;
        for (int b = 0; b < 2; b++)
            for (int s = 0; s < v[b].length; s++) {
                double nv = 0, ng = 0;
                for (double x : v[b][s]) nv += x * x;
                for (int p = 0; p < 2; p++) for (int c = 0; c < 2; c++) ng += mom[s][2 * (((p * 2 + p) * 2 + c) * 2 + c)];
                scale += Math.sqrt(nv) * ng;
            }
        acc[36] = scale;
        org.diffuson.model.Isotropy iso = h.isotropy();
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                for (int c = 0; c < 2; c++)
                    for (int d = 0; d < 2; d++) {
                        int out = 2 * ((a + 2 * b) * 4 + c + 2 * d), in = 2 * (((a * 2 + b) * 2 + c) * 2 + d);
                        boolean keep = iso.keeps(a, b, c, d);
                        phiRaw[out] = keep ? mom[0][in] : 0;
                        phiRaw[out + 1] = keep ? mom[0][in + 1] : 0;
                    }
    }

    /**
     * The k-sums of {@link #accumulate} on the radial nodes only ({@link #polar} holds): per node, G from H on the k_x
     * axis and both velocities there (tabulated once on the ladder's k-space); Y₀ and L from the averages
     * {@link #rotationAverage}, the traces from {@link #traceAverage}. Same accumulator layout as {@link #accumulate}.
     */
    private double[] accumulatePolar(int n, VelocityVertex va, VelocityVertex vb, double e, double[] sig, int width, boolean rr) {
        KSpace space = ladder.resolvent().space();
        KGrid g = space.grid();
        double[] acc = new double[width];
        int nn = 2 * n * n;
        PolarCoefficients pc = polarCoefficients(n, va, vb);
        double[][] cb = pc.cb, ca = pc.ca, tc = pc.tc;
        double[] ht = space.radialTable(), vt0 = space.radialVelocityTable(0), vt1 = space.radialVelocityTable(1);
        if (n == 2) {
            polarNodes2(g, ht, vt0, vt1, e, sig, cb, ca, tc, acc, rr);
            return acc;
        }
        GreenWorkspace green = new GreenWorkspace(n);
        double[] gr = new double[nn], ga = new double[nn], t1 = new double[nn];
        double[][] v = new double[2][nn], x = new double[2][nn], xrr = new double[2][nn], l = new double[2][nn], lrr = new double[2][nn];
        for (int r = 0; r < g.radialSize(); r++) {
            double w = g.radialWeight(r);
            int o = r * nn;
            if (!green.invert(ht, o, e, 0, sig, gr))
                throw new DiffusonException("energy", "E − H − Σ is singular at |k|=" + g.radialNode(r), "Σ needs Im Σ^R < 0");
            GreenWorkspace.dagger(gr, n, ga);
            System.arraycopy(vt0, o, v[0], 0, nn);
            System.arraycopy(vt1, o, v[1], 0, nn);
            for (int b = 0; b < 2; b++) {
                ZOps.mult(gr, n, n, v[b], n, t1);        // G^R v_b
                ZOps.mult(t1, n, n, ga, n, x[b]);        // G^R v_b G^A
                if (rr) ZOps.mult(t1, n, n, gr, n, xrr[b]);
                ZOps.mult(v[b], n, n, gr, n, t1);        // v_b G^R
                ZOps.mult(ga, n, n, t1, n, l[b]);        // G^A v_b G^R
                if (rr) ZOps.mult(gr, n, n, t1, n, lrr[b]);
            }
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++) {
                    if (tc[a][b] == 0) continue;
                    double f = w * tc[a][b];
                    acc[0] += f * traceRe(v[a], x[b], n);
                    acc[1] += f * traceIm(v[a], x[b], n);
                    if (rr) {
                        acc[2] += f * traceRe(v[a], xrr[b], n);
                        acc[3] += f * traceIm(v[a], xrr[b], n);
                    }
                }
            for (int b = 0; b < 2; b++) {
                addRotated(acc, 4, cb[b], x[b], w, nn);
                addRotated(acc, 4 + nn, ca[b], l[b], w, nn);
                acc[4 + 4 * nn] += w * maxAbs(x[b], nn);
                if (rr) {
                    addRotated(acc, 4 + 2 * nn, cb[b], xrr[b], w, nn);
                    addRotated(acc, 4 + 3 * nn, ca[b], lrr[b], w, nn);
                    acc[5 + 4 * nn] += w * maxAbs(xrr[b], nn);
                }
            }
        }
        return acc;
    }

    /**
     * {@link #accumulatePolar} for n = 2, every block product in closed form ({@link ZOps#mult2},
     * {@link GreenWorkspace#inverse2}) on one flat scratch array: the same sums in the same order.
     */
    private static void polarNodes2(KGrid g, double[] ht, double[] vt0, double[] vt1, double e, double[] sig,
                                    double[][] cb, double[][] ca, double[][] tc, double[] acc, boolean rr) {
        final int GR = 0, GA = 8, T = 16, X = 24, L = 40, XRR = 56, LRR = 72, U = 88;
        double[] s = new double[96];
        for (int r = 0; r < g.radialSize(); r++) {
            double w = g.radialWeight(r);
            int o = 8 * r;
            if (!GreenWorkspace.inverse2(ht, o, e, 0, sig, 1, s, GR))
                throw new DiffusonException("energy", "E − H − Σ is singular at |k|=" + g.radialNode(r), "Σ needs Im Σ^R < 0");
            GreenWorkspace.dagger2(s, GR, s, GA);
            for (int b = 0; b < 2; b++) {
                double[] v = b == 0 ? vt0 : vt1;
                ZOps.mult2(s, GR, v, o, s, T);                        // G^R v_b
                ZOps.mult2(s, T, s, GA, s, X + 8 * b);                 // G^R v_b G^A
                if (rr) ZOps.mult2(s, T, s, GR, s, XRR + 8 * b);
                ZOps.mult2(v, o, s, GR, s, U);                        // v_b G^R
                ZOps.mult2(s, GA, s, U, s, L + 8 * b);                 // G^A v_b G^R
                if (rr) ZOps.mult2(s, GR, s, U, s, LRR + 8 * b);
            }
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++) {
                    if (tc[a][b] == 0) continue;
                    double f = w * tc[a][b];
                    double[] va = a == 0 ? vt0 : vt1;
                    acc[0] += f * GreenWorkspace.traceRe2(va, o, s, X + 8 * b);
                    acc[1] += f * GreenWorkspace.traceIm2(va, o, s, X + 8 * b);
                    if (rr) {
                        acc[2] += f * GreenWorkspace.traceRe2(va, o, s, XRR + 8 * b);
                        acc[3] += f * GreenWorkspace.traceIm2(va, o, s, XRR + 8 * b);
                    }
                }
            for (int b = 0; b < 2; b++) {
                addRotated2(acc, 4, cb[b], s, X + 8 * b, w);
                addRotated2(acc, 12, ca[b], s, L + 8 * b, w);
                acc[36] += w * maxAbs2(s, X + 8 * b);
                if (rr) {
                    addRotated2(acc, 20, cb[b], s, XRR + 8 * b, w);
                    addRotated2(acc, 28, ca[b], s, LRR + 8 * b, w);
                    acc[37] += w * maxAbs2(s, XRR + 8 * b);
                }
            }
        }
    }

    /** {@link #addRotated} for a 2×2 block x[xo..xo+7]. */
    private static void addRotated2(double[] acc, int off, double[] coef, double[] x, int xo, double w) {
        for (int i = 0; i < 8; i += 2) {
            double cr = coef[i], ci = coef[i + 1];
            if (cr == 0 && ci == 0) continue;
            acc[off + i] += w * (cr * x[xo + i] - ci * x[xo + i + 1]);
            acc[off + i + 1] += w * (cr * x[xo + i + 1] + ci * x[xo + i]);
        }
    }

    private static double maxAbs2(double[] x, int xo) {
        double m = 0;
        for (int j = 0; j < 8; j++) m = Math.max(m, Math.abs(x[xo + j]));
        return m;
    }

    /** acc[off + (p,q)] += w · coef_pq · x_pq (complex, entrywise). */
    private static void addRotated(double[] acc, int off, double[] coef, double[] x, double w, int nn) {
        for (int i = 0; i < nn; i += 2) {
            double cr = coef[i], ci = coef[i + 1];
            if (cr == 0 && ci == 0) continue;
            acc[off + i] += w * (cr * x[i] - ci * x[i + 1]);
            acc[off + i + 1] += w * (cr * x[i + 1] + ci * x[i]);
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
        CMatrix yv = y0.vec();
        double zero = 1e-8 * Math.max(1, mat.normMax());
        // Every eigenvalue of M has |λ| ≥ σ_min(M) ≥ 1/‖M⁻¹‖_F: when that bound (with a margin of 4 for the rounding of
        // the computed inverse) clears the zero-mode threshold, no mode is deflated and the solve needs no eigenvectors.
        if (!(mat.normMax() == 0)) {
            try {
                CMatrix inv = mat.inverse();
                if (1 / inv.normF() > 4 * zero) return CMatrix.unvec(inv.times(yv), n);
            } catch (DiffusonException singular) {
                // exactly singular: the eigen-decomposition below deflates the zero mode
            }
        }
        Eigen.General eg = Eigen.general(mat);
        int k = eg.indexOfSmallest();
        if (eg.values()[k].norm() < zero) {
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
        return new GridRefinement.Refusal("grid", String.format(java.util.Locale.ROOT,
                "does not resolve the Fermi surface: on this %d-point k-grid the vertex's Fermi-surface sum overlaps the conserved (zero) mode of the ladder"
                        + " (|w†Y₀|/‖Y₀‖ = %.2e, must be < 1e-6)", grid.size(), overlap),
                "refine the k-grid — " + refine + " — until the overlap falls below 1e-6; for a current or spin vertex it does."
                        + " Only if it stays large as the grid is refined does the vertex drive the conserved mode (a density-like vertex,"
                        + " whose static uniform response diverges): then use ω ≠ 0 or another vertex", overlap, grid);
    }

    /** The RA (and RR) k-sums over grid points [from, to) into acc (layout of {@link #response}). */
    private static void accumulate(Hamiltonian h, Vertex va, Vertex vb, KGrid g, double e, double[] sig, int from, int to, double[] acc, Work wk, boolean rr) {
        int n = wk.green.dim(), nn = 2 * n * n;
        double[] hk = wk.hk, gr = wk.g, ga = wk.ga, a = wk.a, b = wk.b, t1 = wk.t1, t2 = wk.t2, t3 = wk.t3;
        for (int i = from; i < to; i++) {
            double kx = g.kx(i), ky = g.ky(i), kz = g.kz(i), w = g.weight(i);
            h.eval(kx, ky, kz, hk, 0);
            if (!wk.green.invert(hk, 0, e, 0, sig, gr))
                throw new DiffusonException("energy", "E − H − Σ is singular at k=(" + kx + "," + ky + ")", "Σ needs Im Σ^R < 0");
            GreenWorkspace.dagger(gr, n, ga);   // G^A = (G^R)†
            va.eval(kx, ky, kz, a);
            vb.eval(kx, ky, kz, b);
            // Y0 += w G^R B G^A ; tRA += w Tr[A G^R B G^A]
            ZOps.mult(gr, n, n, b, n, t1);      // G^R B
            ZOps.mult(t1, n, n, ga, n, t2);     // G^R B G^A
            addScaled(acc, 4, t2, w, nn);
            addTraceProduct(acc, 0, a, t2, w, n);
            acc[4 + 4 * nn] += w * maxAbs(t2, nn);
            if (rr) {
                // Y0rr += w G^R B G^R ; tRR += w Tr[A G^R B G^R]
                ZOps.mult(t1, n, n, gr, n, t3);
                addScaled(acc, 4 + 2 * nn, t3, w, nn);
                addTraceProduct(acc, 2, a, t3, w, n);
                acc[5 + 4 * nn] += w * maxAbs(t3, nn);
            }
            // L += w G^A A G^R ; Lrr += w G^R A G^R
            ZOps.mult(a, n, n, gr, n, t1);      // A G^R
            ZOps.mult(ga, n, n, t1, n, t2);
            addScaled(acc, 4 + nn, t2, w, nn);
            if (rr) {
                ZOps.mult(gr, n, n, t1, n, t3);
                addScaled(acc, 4 + 3 * nn, t3, w, nn);
            }
        }
    }

    /** Per-task scratch of the Kubo, sea and Bastin k-sums: one Green workspace and the n×n blocks. */
    static final class Work {
        final GreenWorkspace green;
        final double[] hk, g, ga, gp, a, b, t1, t2, t3;

        Work(int n) {
            int nn = 2 * n * n;
            green = new GreenWorkspace(n);
            hk = new double[nn]; g = new double[nn]; ga = new double[nn]; gp = new double[nn]; a = new double[nn]; b = new double[nn];
            t1 = new double[nn]; t2 = new double[nn]; t3 = new double[nn];
        }
    }

    /** max_j |x_j| (a scale: the larger of |re|, |im| is within √2 of the modulus and needs no hypot). */
    private static double maxAbs(double[] x, int nn) {
        double m = 0;
        for (int j = 0; j < nn; j++) m = Math.max(m, Math.abs(x[j]));
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
