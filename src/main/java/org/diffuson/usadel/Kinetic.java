package org.diffuson.usadel;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hipparchus.complex.Complex;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.Locale;

/**
 * Keldysh non-equilibrium boundary-value problem of a 1D junction (seed 003 Eq. 1 in 1D with ǧ^K = ǧ^R ȟ − ȟ ǧ^A,
 * Eq. 61): for every energy of a grid the retarded problem is solved by {@link Junction} (continued along the energy
 * axis), then the kinetic equations for the eight distribution modes (see {@link KineticCoefficients}),
 * <pre>   ∂(𝔇 ∂f + 𝔍 f) = 𝔎 f,</pre>
 * are solved by Chebyshev collocation on the same mesh, once per unit reservoir source, in the expanded form
 * 𝔇f″ + (𝔇′ + 𝔍)f′ + (𝔍′ − 𝔎)f = 0 with 𝔇′, 𝔍′ from spectral differentiation of the nodal coefficients (no division
 * by 𝔇, which vanishes for f_L at a superconductor below its gap; O(n²) per domain instead of the O(n³) of D1𝔇D1). A bias then only needs energy integrals
 * ({@link Spectrum#bias}, {@link Spectrum#iv}).
 * <p>
 * Boundary conditions on ȟ, derived from those on ǧ:
 * <ul>
 *   <li>rigid reservoir (normal or superconducting, ǧ^K continuous): f = f_res on the modes the map
 *       f ↦ ǧ^R ȟ − ȟ ǧ^A fixes, and zero current on its near-null modes — below a superconductor's gap
 *       ǧ^R = ǧ^A, so f_L is free and j_L = 0 (Andreev reflection carries charge but no energy into S);</li>
 *   <li>Kupriyanov–Lukichev barrier: j = (D/16L_B) Re Tr T_α[ǧ₁, ǧ₂]^K (linear in both sides' f);</li>
 *   <li>vacuum: j_α = 0; transparent contact: f and j continuous.</li>
 * </ul>
 * Units: ħ = k_B = e = 1; currents per unit area in units of N_F (as {@link MatsubaraSet}): J/N_F = ∫dε j_T, so a
 * normal wire of length L has J/N_F = 2DV/L and the normal conductance G_N = 2D/L.
 */
public final class Kinetic {
    private Kinetic() {
    }

    /** Relative size of a Gram eigenvalue below which a rigid reservoir does not fix that mode (|σ_min/σ_max| &lt; 1e-2). */
    static final double NULL_MODE = 1e-4;

    /**
     * The energy grid of an I(V) curve up to {@code vmax} at temperature T: {@link #energies} on [−w, w] with
     * w = 1.1·vmax + 31T, covering the bias window |ε| ≤ |μ| + 30T that {@link Spectrum#bias} requires, with a margin.
     */
    public static double[] biasEnergies(double vmax, double temperature, int n) {
        return energies(1.1 * vmax + 31 * temperature, n);
    }

    /** Uniform grid of n energies on [−max, max]. */
    public static double[] energies(double max, int n) {
        DiffusonException.requirePositive("energyMax", max);
        if (n < 3) throw new DiffusonException("energies", "need at least 3 energies, got " + n, "use e.g. 200");
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = -max + 2 * max * i / (n - 1);
        return e;
    }

    /**
     * Solves the retarded problem and the kinetic responses at every energy (ascending, distinct) with broadening
     * η &gt; 0. Ends must be reservoirs (rigid or tunnel) or vacuum.
     */
    public static Spectrum spectrum(Junction junction, Junction.Form form, double eta, double[] energies) {
        Usadel.requireBroadening(eta);
        if (energies.length < 3) throw new DiffusonException("energies", "need at least 3 energies",
                "use Kinetic.energies(max, n)");
        for (int i = 1; i < energies.length; i++)
            if (!(energies[i] > energies[i - 1]))
                throw new DiffusonException("energies", "the energy grid must be strictly ascending",
                        "use Kinetic.energies(max, n) or sort the grid");
        int n = energies.length;
        JunctionSolution[] sol = new JunctionSolution[n];
        JunctionSolution companion = null;
        for (int i = n - 1; i >= 0; i--) {        // downward from the largest energy, as Junction.dos
            Cancellation.check("Keldysh retarded sweep");
            double e = energies[i], etaC = Math.max(eta, 0.05 * junction.smallScale());
            try {
                companion = junction.continueTo(new Complex(etaC, -e), form, companion, null, 0);
                sol[i] = junction.continueTo(new Complex(eta, -e), form, companion, null, 0);
            } catch (DiffusonException ex) {
                throw new DiffusonException("energies", String.format(Locale.ROOT,
                        "retarded solution failed at ε = %.6g: %s", e, ex.getMessage()),
                        "move the grid off a reservoir gap edge ε = ±Δ (e.g. an even number of points), or increase η");
            }
            Usadel.checkDos("Keldysh junction", e, sol[i].dos(sol[i].x()[0]), eta);
        }
        // the energies are independent once the retarded sweep is done: a parallel map (no reduction), each energy
        // into its own slot, so the result does not depend on the thread count
        Response[] r = new Response[n];
        IntStream.range(0, n).parallel().forEach(Cancellation.checking("Keldysh kinetic solve",
                i -> r[i] = solveKinetic(junction, sol[i], energies[i], eta)));
        return new Spectrum(junction, form, eta, energies.clone(), sol, r);
    }

    // -------------------------------------------------------------------------------------------------------------
    // one energy

    /** Sources: end e (0 left, 1 right) × mode β: index 8e + β. */
    static final int SOURCES = 16;

    /**
     * Linear responses at one energy: f and j at every node for each unit source, f[(p·8 + α)·16 + s], the kinetic
     * coefficients, and (computed on first use) the density kernels c[(p·4 + o)·8 + β] = Tr(O_o (ǧ^R T_β − T_β ǧ^A))
     * for O = 1, σ1τ3, σ2τ3, σ3τ3.
     */
    static final class Response {
        private final double[] f, j;
        private final KineticCoefficients[] coefficients;
        private final JunctionSolution solution;
        private final Blocks blocks;
        private final boolean[] ready = new boolean[KineticCoefficients.MODES];
        private volatile double[] density;

        Response(KineticCoefficients[] coefficients, JunctionSolution solution, Blocks blocks) {
            int n = solution.mesh().points() * KineticCoefficients.MODES * SOURCES;
            this.f = new double[n];
            this.j = new double[n];
            this.coefficients = coefficients;
            this.solution = solution;
            this.blocks = blocks;
        }

        /**
         * Solves the block of modes containing {@code mode} on first use (an I(V) curve needs only the charge mode's
         * block): f and j of all its unit sources.
         */
        synchronized void ensure(int mode) {
            if (ready[mode]) return;
            Blocks b = blocks;
            if (b.copySpin() && (mode == 2 || mode == 3 || mode == 5 || mode == 6)) {
                int src = mode < 5 ? KineticCoefficients.T3 : KineticCoefficients.L3, M = KineticCoefficients.MODES;
                ensure(src);
                for (int q = 0; q < solution.mesh().points(); q++)
                    for (int e = 0; e < 2; e++) {
                        int to = (q * M + mode) * SOURCES + 8 * e + mode, from = (q * M + src) * SOURCES + 8 * e + src;
                        f[to] = f[from];
                        j[to] = j[from];
                    }
                ready[mode] = true;
                return;
            }
            int[] md = members(b.comp(), b.comp()[mode]);
            solveBlock(b.mesh(), b.nodes(), coefficients, md, b.left(), b.right(), b.barrier(), f, j);
            for (int k : md) ready[k] = true;
        }

        /** f after {@link #ensure} of every mode read. */
        double[] f() { return f; }

        double[] j() { return j; }

        KineticCoefficients[] coefficients() { return coefficients; }

        double[] density() {
            double[] d = density;
            if (d != null) return d;
            int pts = solution.mesh().points(), M = KineticCoefficients.MODES;
            d = new double[pts * 4 * M];
            int[] obs = {0, 13, 14, 15};         // 1, τ3σ1, τ3σ2, τ3σ3 (Pauli index 4i + j)
            for (int q = 0; q < pts; q++) {
                CMatrix gR = matrixAt(solution, q), gA = Nambu.advanced(gR);
                for (int b = 0; b < M; b++) {
                    CMatrix tb = KineticCoefficients.mode(b), x = gR.times(tb).minus(tb.times(gA));
                    for (int o = 0; o < 4; o++) d[(q * 4 + o) * M + b] = KineticCoefficients.traceRe(obs[o], x);
                }
            }
            density = d;
            return d;
        }
    }

    /** What a {@link Response} needs to solve its blocks on demand. */
    private record Blocks(Collocation.Mesh mesh, Junction.Nodes nodes, int[] comp, End left, End right,
                          double[][][] barrier, boolean copySpin) {
    }

    /** ǧ^R at node q of a retarded solution. */
    static CMatrix matrixAt(JunctionSolution s, int q) {
        int m = s.form() == Junction.Form.THETA ? 2 : 8;
        double[] y = s.yView();
        return JunctionSolution.matrixOf(s.form(), Arrays.copyOfRange(y, 2 * m * q, 2 * m * (q + 1)));
    }

    /** Nodal ǧ^R and ∂ǧ^R of a retarded solution. */
    static CMatrix[][] nodal(JunctionSolution s) {
        Collocation.Mesh mesh = s.mesh();
        int m = s.form() == Junction.Form.THETA ? 2 : 8, p = mesh.points();
        double[] y = s.yView(), dy = new double[y.length];
        for (int dom = 0; dom < mesh.domains(); dom++) {
            int s0 = mesh.start(dom), nn = mesh.intervals(dom);
            double[] d1 = mesh.d1[dom];
            for (int j = 0; j <= nn; j++)
                for (int r = 0; r <= nn; r++) {
                    double c = d1[j * (nn + 1) + r];
                    if (c == 0) continue;
                    for (int k = 0; k < 2 * m; k++) dy[2 * m * (s0 + j) + k] += c * y[2 * m * (s0 + r) + k];
                }
        }
        CMatrix[][] out = new CMatrix[p][2];
        for (int q = 0; q < p; q++) {
            double[] v = Arrays.copyOfRange(y, 2 * m * q, 2 * m * (q + 1)), dv = Arrays.copyOfRange(dy, 2 * m * q, 2 * m * (q + 1));
            out[q][0] = JunctionSolution.matrixOf(s.form(), v);
            out[q][1] = JunctionSolution.gradientOf(s.form(), v, dv);
        }
        return out;
    }

    /** The transverse spin modes T1, T2, L1, L2 (precessing in a field along z). */
    private static final int[] TRANSVERSE = {2, 3, 5, 6};

    static Response solveKinetic(Junction junction, JunctionSolution s, double energy, double eta) {
        Junction.Nodes nd = s.nodes();
        Collocation.Mesh mesh = nd.mesh();
        int pts = mesh.points(), M = KineticCoefficients.MODES;
        boolean theta = s.form() == Junction.Form.THETA;
        boolean degenerate = theta && isDegenerate(s);
        CMatrix[][] g = theta && degenerate ? null : nodal(s);
        KineticCoefficients[] co = new KineticCoefficients[pts];
        double[] y = s.yView();
        for (int q = 0; q < pts; q++) {
            double[] h = nd.h()[q];
            if (theta) {
                Complex up = new Complex(y[4 * q], y[4 * q + 1]), dn = new Complex(y[4 * q + 2], y[4 * q + 3]);
                double[] dd = new double[64], jj = new double[64], kk = new double[64];
                if (!degenerate) {    // transverse spin modes precess in the field: trace form for those columns
                    KineticCoefficients t = KineticCoefficients.trace(g[q][0], g[q][1], energy, h, nd.gap()[q],
                            nd.gapIm()[q], nd.rate()[q], nd.d()[q], 2, 4);
                    KineticCoefficients t2 = KineticCoefficients.trace(g[q][0], g[q][1], energy, h, nd.gap()[q],
                            nd.gapIm()[q], nd.rate()[q], nd.d()[q], 5, 7);
                    for (int a : TRANSVERSE)
                        for (int b : TRANSVERSE) {
                            KineticCoefficients src = b < 5 ? t : t2;
                            dd[a * M + b] = src.diffusion(a, b);
                            jj[a * M + b] = src.drift(a, b);
                            kk[a * M + b] = src.sink(a, b);
                        }
                }
                KineticCoefficients.fillCollinear(up, dn, nd.gap()[q], nd.rate()[q], nd.d()[q], dd, kk, degenerate);
                co[q] = KineticCoefficients.wrap(dd, jj, kk);
            } else {
                co[q] = KineticCoefficients.trace(g[q][0], g[q][1], energy, h, nd.gap()[q], nd.gapIm()[q],
                        nd.rate()[q], nd.d()[q]);
            }
        }
        Complex omega = new Complex(eta, -energy);
        End left = end(junction.left(), omega, g != null ? g[0][0] : matrixAt(s, 0), nd.d()[0], true);
        End right = end(junction.right(), omega, g != null ? g[pts - 1][0] : matrixAt(s, pts - 1), nd.d()[pts - 1], false);
        int nb = mesh.domains() - 1;
        double[][][] barrier = new double[nb][][];
        for (int dom = 0; dom < nb; dom++) {
            int li = -1;
            for (int q = 1; q < junction.layers().size(); q++) if (nd.firstDomain()[q] == dom + 1) li = q;
            if (li > 0 && junction.contacts().get(li - 1) instanceof Boundary.Barrier b) {
                int pl = mesh.start(dom) + mesh.intervals(dom), pr = mesh.start(dom + 1);
                barrier[dom] = KineticCoefficients.tunnel(matrixAt(s, pl), matrixAt(s, pr), nd.d()[pr], b.barrier());
            }
        }
        // coupling graph of the modes → independent blocks
        boolean[][] link = new boolean[M][M];
        for (KineticCoefficients co1 : co) {
            double[] cd = co1.diffusionView(), cj = co1.driftView(), ck = co1.sinkView();
            double sc = 1e-13 * (Math.abs(cd[0]) + Math.abs(cd[9]) + 1);
            for (int a = 0; a < M; a++)
                for (int b = a + 1; b < M; b++) {
                    if (link[a][b]) continue;
                    int ab = a * M + b, ba = b * M + a;
                    if (Math.abs(cd[ab]) > sc || Math.abs(cj[ab]) > sc || Math.abs(ck[ab]) > sc
                            || Math.abs(cd[ba]) > sc || Math.abs(cj[ba]) > sc || Math.abs(ck[ba]) > sc)
                        link[a][b] = link[b][a] = true;
                }
        }
        for (End e : new End[]{left, right}) e.link(link);
        for (double[][] b : barrier) if (b != null) linkAll(link, b);
        int[] comp = components(link);
        // spin-degenerate θ-form: SU(2) symmetry makes the T1, T2 (L1, L2) problems copies of T3 (L3)
        boolean copySpin = degenerate && members(comp, comp[KineticCoefficients.T3]).length == 1
                && members(comp, comp[KineticCoefficients.L3]).length == 1;
        return new Response(co, s, new Blocks(mesh, nd, comp, left, right, barrier, copySpin));
    }

    private static boolean isDegenerate(JunctionSolution s) {
        double[] y = s.yView();
        for (int q = 0; q < y.length / 4; q++)
            if (y[4 * q] != y[4 * q + 2] || y[4 * q + 1] != y[4 * q + 3]) return false;
        return true;
    }

    private static void linkAll(boolean[][] link, double[][] mats) {
        for (double[] m : mats)
            for (int a = 0; a < 8; a++)
                for (int b = 0; b < 8; b++)
                    if (Math.abs(m[a * 8 + b]) > 1e-13 * (Math.abs(m[0]) + Math.abs(m[9]) + 1e-300))
                        link[a][b] = link[b][a] = true;
    }

    private static int[] components(boolean[][] link) {
        int n = link.length;
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int c = 0;
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) continue;
            int[] stack = new int[n];
            int top = 0;
            stack[top++] = s;
            comp[s] = c;
            while (top > 0) {
                int u = stack[--top];
                for (int v = 0; v < n; v++)
                    if (link[u][v] && comp[v] < 0) {
                        comp[v] = c;
                        stack[top++] = v;
                    }
            }
            c++;
        }
        return comp;
    }

    private static int[] members(int[] comp, int c) {
        return java.util.stream.IntStream.range(0, comp.length).filter(i -> comp[i] == c).toArray();
    }

    /** Boundary data of one end at one energy. */
    private static final class End {
        final int kind;                 // 0 vacuum, 1 rigid, 2 tunnel
        final boolean isLeft;
        double d;                       // D at the end node
        double[] gram;                  // rigid
        double[][] tunnel;              // tunnel: {G_res, G_own} with j = G_res b + G_own f

        End(int kind, boolean isLeft) {
            this.kind = kind;
            this.isLeft = isLeft;
        }

        void link(boolean[][] link) {
            if (kind == 1) linkAll(link, new double[][]{gram});
            if (kind == 2) linkAll(link, tunnel);
        }
    }

    private static End end(Boundary b, Complex omega, CMatrix gEnd, double d, boolean isLeft) {
        if (b instanceof Boundary.Vacuum) return new End(0, isLeft);
        if (b instanceof Boundary.Rigid r) {
            End e = new End(1, isLeft);
            e.d = d;
            e.gram = KineticCoefficients.gram(Junction.reservoir(r.reservoir(), r.phase(), omega));
            return e;
        }
        if (b instanceof Boundary.Tunnel t) {
            End e = new End(2, isLeft);
            CMatrix gs = Junction.reservoir(t.reservoir(), t.phase(), omega);
            double[][] g = isLeft ? KineticCoefficients.tunnel(gs, gEnd, d, t.barrier())
                    : KineticCoefficients.tunnel(gEnd, gs, d, t.barrier());
            e.tunnel = isLeft ? new double[][]{g[0], g[1]} : new double[][]{g[1], g[0]};
            return e;
        }
        throw new DiffusonException("boundary", "the Keldysh problem takes rigid, tunnel or vacuum ends, got " + b,
                "use Boundary.rigid(bulk), Boundary.tunnel(bulk, phase, L_B) or Boundary.vacuum()");
    }

    /** Assembles and solves the collocation system of one block of modes for its unit sources. */
    private static void solveBlock(Collocation.Mesh mesh, Junction.Nodes nd, KineticCoefficients[] co, int[] md,
                                   End left, End right, double[][][] barrier, double[] fOut, double[] jOut) {
        int m = md.length, pts = mesh.points(), n = pts * m, M = KineticCoefficients.MODES;
        double[] a = new double[n * n];
        int[] srcIdx = new int[SOURCES];
        int ns = 0;
        for (End e : new End[]{left, right}) {
            if (e.kind == 0) continue;
            for (int k : md) srcIdx[ns++] = (e.isLeft ? 0 : 8) + k;
        }
        if (ns == 0) return;           // no reservoir feeds this block: f = 0
        double[] rhs = new double[n * ns];
        int last = mesh.domains() - 1;
        for (int dom = 0; dom <= last; dom++) {
            int s0 = mesh.start(dom), nn = mesh.intervals(dom);
            double[] d1 = mesh.d1[dom], d2 = mesh.d2[dom];
            for (int j = 1; j < nn; j++) {
                int p = s0 + j;
                KineticCoefficients c = co[p];
                for (int k = 0; k < m; k++)
                    for (int kk = 0; kk < m; kk++) {
                        int ak = md[k], akk = md[kk];
                        // 𝔇′ and 𝔍′ by spectral differentiation of the nodal coefficients
                        double dD = 0, dJ = 0;
                        for (int q = 0; q <= nn; q++) {
                            double w = d1[j * (nn + 1) + q];
                            dD += w * co[s0 + q].diffusion(ak, akk);
                            dJ += w * co[s0 + q].drift(ak, akk);
                        }
                        double dd = c.diffusion(ak, akk), first = dD + c.drift(ak, akk);
                        int base = (p * m + k) * n + s0 * m + kk;
                        if (dd != 0 || first != 0)
                            for (int r = 0; r <= nn; r++)
                                a[base + r * m] += dd * d2[j * (nn + 1) + r] + first * d1[j * (nn + 1) + r];
                        a[(p * m + k) * n + p * m + kk] += dJ - c.sink(ak, akk);
                    }
            }
        }
        // left end
        endRows(mesh, co, md, left, 0, 0, a, rhs, ns, srcIdx);
        endRows(mesh, co, md, right, last, mesh.intervals(last), a, rhs, ns, srcIdx);
        for (int dom = 0; dom < last; dom++) {
            int pl = mesh.start(dom) + mesh.intervals(dom), pr = mesh.start(dom + 1);
            for (int k = 0; k < m; k++) {
                int rowF = (pl * m + k) * n, rowJ = (pr * m + k) * n;
                addCurrent(mesh, co, md, dom, mesh.intervals(dom), k, 1, a, rowJ);
                addCurrent(mesh, co, md, dom + 1, 0, k, -1, a, rowJ);
                if (barrier[dom] == null) {
                    a[rowF + pl * m + k] += 1;
                    a[rowF + pr * m + k] -= 1;
                } else {          // j_R = G1 f_L + G2 f_R
                    addCurrent(mesh, co, md, dom + 1, 0, k, 1, a, rowF);
                    for (int kk = 0; kk < m; kk++) {
                        a[rowF + pl * m + kk] -= barrier[dom][0][md[k] * M + md[kk]];
                        a[rowF + pr * m + kk] -= barrier[dom][1][md[k] * M + md[kk]];
                    }
                }
            }
        }
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        DMatrixRMaj A = DMatrixRMaj.wrap(n, n, a), B = DMatrixRMaj.wrap(n, ns, rhs), X = new DMatrixRMaj(n, ns);
        if (!lu.setA(A))
            throw new DiffusonException("kinetic", "the kinetic collocation system of modes " + names(md)
                    + " is singular", "a block of modes is not fixed by any reservoir — connect a reservoir");
        lu.solve(B, X);
        double[] x = X.data;
        for (double v : x)
            if (!Double.isFinite(v))
                throw new DiffusonException("kinetic", "the kinetic collocation system of modes " + names(md)
                        + " is singular", "a block of modes is not fixed by any reservoir — connect a reservoir");
        for (int p = 0; p < pts; p++)
            for (int k = 0; k < m; k++)
                for (int s = 0; s < ns; s++) fOut[(p * M + md[k]) * SOURCES + srcIdx[s]] = x[(p * m + k) * ns + s];
        // currents at the nodes: j = 𝔇 ∂f + 𝔍 f, with ∂f of each (mode, source) once per node
        double[] df = new double[m * ns];
        for (int dom = 0; dom <= last; dom++) {
            int s0 = mesh.start(dom), nn = mesh.intervals(dom);
            double[] d1 = mesh.d1[dom];
            for (int q = 0; q <= nn; q++) {
                KineticCoefficients c = co[s0 + q];
                for (int kk = 0; kk < m; kk++)
                    for (int s = 0; s < ns; s++) {
                        double d = 0;
                        for (int r = 0; r <= nn; r++) d += d1[q * (nn + 1) + r] * x[((s0 + r) * m + kk) * ns + s];
                        df[kk * ns + s] = d;
                    }
                for (int k = 0; k < m; k++)
                    for (int s = 0; s < ns; s++) {
                        double v = 0;
                        for (int kk = 0; kk < m; kk++)
                            v += c.diffusion(md[k], md[kk]) * df[kk * ns + s] + c.drift(md[k], md[kk]) * x[((s0 + q) * m + kk) * ns + s];
                        jOut[((s0 + q) * M + md[k]) * SOURCES + srcIdx[s]] = v;
                    }
            }
        }
    }

    private static String names(int[] md) {
        StringBuilder sb = new StringBuilder("{");
        for (int k : md) sb.append(sb.length() > 1 ? ", " : "").append("f_").append(KineticCoefficients.names().get(k));
        return sb.append("}").toString();
    }

    /** row += sign × (current of block mode k at node j of domain dom) as a linear form in f. */
    private static void addCurrent(Collocation.Mesh mesh, KineticCoefficients[] co, int[] md, int dom, int j, int k,
                                   double sign, double[] a, int row) {
        int s0 = mesh.start(dom), nn = mesh.intervals(dom), m = md.length;
        double[] d1 = mesh.d1[dom];
        KineticCoefficients c = co[s0 + j];
        for (int r = 0; r <= nn; r++) {
            double w = sign * d1[j * (nn + 1) + r];
            for (int kk = 0; kk < m; kk++) a[row + (s0 + r) * m + kk] += w * c.diffusion(md[k], md[kk]);
        }
        for (int kk = 0; kk < m; kk++) a[row + (s0 + j) * m + kk] += sign * c.drift(md[k], md[kk]);
    }

    private static void endRows(Collocation.Mesh mesh, KineticCoefficients[] co, int[] md, End e, int dom, int j,
                                double[] a, double[] rhs, int ns, int[] srcIdx) {
        double[] br = mesh.breaks();
        double length = br[br.length - 1] - br[0];
        int m = md.length, n = mesh.points() * m, p = mesh.start(dom) + j, M = KineticCoefficients.MODES;
        int base = e.isLeft ? 0 : 8;
        if (e.kind == 0) {
            for (int k = 0; k < m; k++) addCurrent(mesh, co, md, dom, j, k, 1, a, (p * m + k) * n);
            return;
        }
        if (e.kind == 2) {       // j = G_res b + G_own f
            for (int k = 0; k < m; k++) {
                int row = (p * m + k) * n;
                addCurrent(mesh, co, md, dom, j, k, 1, a, row);
                for (int kk = 0; kk < m; kk++) a[row + p * m + kk] -= e.tunnel[1][md[k] * M + md[kk]];
                for (int s = 0; s < ns; s++) {
                    int src = srcIdx[s];
                    if (src < base || src >= base + 8) continue;
                    rhs[(p * m + k) * ns + s] = e.tunnel[0][md[k] * M + (src - base)];
                }
            }
            return;
        }
        // rigid: eigen-directions of the Gram matrix restricted to the block
        double[][] gb = new double[m][m];
        for (int k = 0; k < m; k++) for (int kk = 0; kk < m; kk++) gb[k][kk] = e.gram[md[k] * M + md[kk]];
        Eigen.Hermitian eig = Eigen.hermitian(CMatrix.real(gb));
        double max = 0;
        for (double v : eig.values()) max = Math.max(max, Math.abs(v));
        for (int i = 0; i < m; i++) {
            int row = (p * m + i) * n;
            double[] w = new double[m];
            for (int k = 0; k < m; k++) w[k] = eig.vectors().re(k, i);
            if (eig.values()[i] < NULL_MODE * max) {
                // (nearly) free mode: the reservoir's sub-gap density of states ~ η couples it only weakly, as a
                // barrier of conductance g = √(λ/λ_max)·D/ℓ: j = ±g(f − f_res). This keeps j ≈ 0 (Andreev
                // reflection: no energy current into S below the gap) and fixes f where both ends are gapped.
                double gk = Math.sqrt(Math.max(eig.values()[i], 0) / max) * e.d / length;
                double sg = e.isLeft ? -1 : 1;
                for (int k = 0; k < m; k++) {
                    addCurrentScaled(mesh, co, md, dom, j, k, w[k], a, row);
                    a[row + p * m + k] += sg * gk * w[k];
                }
                for (int s = 0; s < ns; s++) {
                    int src = srcIdx[s];
                    if (src < base || src >= base + 8) continue;
                    for (int k = 0; k < m; k++) if (md[k] == src - base) rhs[(p * m + i) * ns + s] = sg * gk * w[k];
                }
            } else {
                for (int k = 0; k < m; k++) a[row + p * m + k] += w[k];
                for (int s = 0; s < ns; s++) {
                    int src = srcIdx[s];
                    if (src < base || src >= base + 8) continue;
                    for (int k = 0; k < m; k++) if (md[k] == src - base) rhs[(p * m + i) * ns + s] = w[k];
                }
            }
        }
    }

    private static void addCurrentScaled(Collocation.Mesh mesh, KineticCoefficients[] co, int[] md, int dom, int j,
                                         int k, double w, double[] a, int row) {
        if (w != 0) addCurrent(mesh, co, md, dom, j, k, w, a, row);
    }

    // -------------------------------------------------------------------------------------------------------------
    // results

    /**
     * Retarded solutions and kinetic responses on an energy grid. The responses are linear in the reservoirs'
     * distributions, so any bias is an energy integral away.
     */
    public static final class Spectrum {
        private final Junction junction;
        private final Junction.Form form;
        private final double eta;
        private final double[] energies;
        private final JunctionSolution[] solutions;
        private final Response[] responses;

        Spectrum(Junction junction, Junction.Form form, double eta, double[] energies, JunctionSolution[] solutions,
                 Response[] responses) {
            this.junction = junction;
            this.form = form;
            this.eta = eta;
            this.energies = energies;
            this.solutions = solutions;
            this.responses = responses;
        }

        public Junction junction() { return junction; }

        public double eta() { return eta; }

        public Junction.Form form() { return form; }

        public double[] energies() { return energies.clone(); }

        /** Retarded solution at energy index i. */
        public JunctionSolution retarded(int i) { return solutions[i]; }

        /** Node coordinates (interfaces appear twice). */
        public double[] x() { return solutions[0].x(); }

        /** Kinetic coefficients at energy index i and node p. */
        public KineticCoefficients coefficients(int i, int p) { return responses[i].coefficients()[p]; }

        /** Normal-state conductance per area, G_N/N_F = 2/Σ(L/D + L_B/D) (units of e²N_F). */
        public double normalConductance() {
            double r = 0;
            for (Layer l : junction.layers()) r += l.length() / l.diffusion();
            for (int i = 0; i < junction.contacts().size(); i++)
                if (junction.contacts().get(i) instanceof Boundary.Barrier b)
                    r += b.barrier() / junction.layers().get(i + 1).diffusion();
            if (junction.left() instanceof Boundary.Tunnel t) r += t.barrier() / junction.layers().get(0).diffusion();
            if (junction.right() instanceof Boundary.Tunnel t)
                r += t.barrier() / junction.layers().get(junction.layers().size() - 1).diffusion();
            return 2 / r;
        }

        /** Distribution of an end (null for vacuum ends); checks that a superconducting reservoir is grounded. */
        private Distribution[] ends(Distribution left, Distribution right) {
            Distribution[] d = {left, right};
            Boundary[] b = {junction.left(), junction.right()};
            for (int e = 0; e < 2; e++) {
                if (b[e] instanceof Boundary.Vacuum) {
                    d[e] = null;
                    continue;
                }
                if (d[e] == null)
                    throw new DiffusonException(e == 0 ? "left" : "right", "the " + (e == 0 ? "left" : "right")
                            + " end is a reservoir and needs a distribution", "pass Distribution.biased(T, μ)");
                Bulk res = Boundary.reservoirOf(b[e]);
                if (res.delta() > 0 && !d[e].isEquilibrium())
                    throw new DiffusonException(e == 0 ? "left" : "right", String.format(Locale.ROOT,
                            "a superconducting reservoir must be at μ = 0 without spin accumulation (got %s): a biased "
                                    + "superconductor is not stationary", d[e]),
                            "ground the superconductor and bias the normal reservoir by −V instead");
            }
            if (d[0] == null && d[1] == null)
                throw new DiffusonException("boundary", "both ends are vacuum: nothing drives the junction out of "
                        + "equilibrium", "make at least one end a reservoir (Boundary.rigid or Boundary.tunnel)");
            double w = 0;
            for (Distribution x : d) if (x != null && !x.isEquilibrium()) w = Math.max(w, x.window());
            double lo = energies[0], hi = energies[energies.length - 1];
            if (w > 0 && (-lo < w || hi < w))
                throw new DiffusonException("energies", String.format(Locale.ROOT,
                        "the energy grid [%.4g, %.4g] does not cover the bias window |ε| ≤ |μ| + |μ_s| + 30T = %.4g",
                        lo, hi, w), "extend the grid, e.g. Kinetic.energies(" + String.format(Locale.ROOT, "%.3g",
                        1.2 * w) + ", n)");
            return d;
        }

        /**
         * Quadrature weights per source: ∫dε Σ_s r_s(ε) b_s(ε) = Σ_s Σ_i w[s][i] r_s(ε_i); with {@code derivative}
         * the μ-derivative of the left reservoir's distribution (for dI/dV).
         */
        double[][] weights(Distribution[] d, boolean derivative, Distribution reference) {
            return weights(d, derivative ? 0 : -1, reference);
        }

        /** As above; {@code derivativeEnd} ≥ 0: the μ-derivative of that end's distribution only. */
        double[][] weights(Distribution[] d, int derivativeEnd, Distribution reference) {
            boolean derivative = derivativeEnd >= 0;
            double[][] w = new double[SOURCES][energies.length];
            for (int e = 0; e < 2; e++) {
                if (d[e] == null || (derivative && e != derivativeEnd)) continue;
                for (Distribution.Term t : d[e].terms()) {
                    double sc = derivative ? t.weight() * t.p() : t.weight();
                    EnergyQuadrature.add(energies, t.center(), d[e].temperature(), derivative, sc, w[8 * e + t.mode()]);
                }
                if (reference != null)
                    EnergyQuadrature.add(energies, 0, reference.temperature(), false, -1, w[8 * e + KineticCoefficients.L]);
            }
            return w;
        }

        /** The non-equilibrium state for reservoir distributions (null for a vacuum end). */
        public NonEquilibrium bias(Distribution left, Distribution right) {
            Distribution[] d = ends(left, right);
            Distribution ref = d[0] != null ? Distribution.equilibrium(d[0].temperature())
                    : Distribution.equilibrium(d[1].temperature());
            return new NonEquilibrium(this, d, weights(d, false, null), weights(d, false, ref));
        }

        /**
         * I(V) and dI/dV: the normal reservoir (the left one if both are normal) at μ = V, the other end grounded,
         * both at temperature T. The current is the one flowing out of the biased reservoir into the junction, per
         * area in units of N_F.
         */
        public IV iv(double[] voltages, double temperature) {
            return iv(voltages, temperature, isNormalReservoir(junction.left()) ? 0 : 1);
        }

        private static boolean isNormalReservoir(Boundary b) {
            Bulk r = Boundary.reservoirOf(b);
            return r != null && r.delta() == 0;
        }

        /** I(V) with the bias on end {@code biased} (0 = left, 1 = right), which must be a normal reservoir. */
        public IV iv(double[] voltages, double temperature, int biased) {
            if (biased != 0 && biased != 1)
                throw new DiffusonException("biased", "biased must be 0 (left end) or 1 (right end), got " + biased,
                        "pass 0 or 1, or use iv(voltages, T), which biases the normal reservoir");
            Boundary b = biased == 0 ? junction.left() : junction.right();
            if (!isNormalReservoir(b))
                throw new DiffusonException("biased", "the " + (biased == 0 ? "left" : "right") + " end is not a normal "
                        + "reservoir (" + b + ")", "bias a normal reservoir: make one end Boundary.rigid(Bulk.bcs(0))");
            double[] cur = new double[voltages.length], cond = new double[voltages.length];
            int t = KineticCoefficients.T, node = biased == 0 ? 0 : x().length - 1;
            ensureAll(t);
            double sign = biased == 0 ? 1 : -1;
            for (int v = 0; v < voltages.length; v++) {
                Distribution bias = Distribution.biased(temperature, voltages[v]), ground = Distribution.equilibrium(temperature);
                Distribution[] d = ends(biased == 0 ? bias : ground, biased == 0 ? ground : bias);
                cur[v] = sign * integrate(weights(d, -1, null), node, t, true);
                cond[v] = sign * integrate(weights(d, biased, null), node, t, true);
            }
            return new IV(voltages.clone(), cur, cond, normalConductance(), temperature);
        }

        /** Solves the block of mode α at every energy, in parallel (a map: each energy writes only its own response). */
        void ensureAll(int alpha) {
            IntStream.range(0, energies.length).parallel().forEach(Cancellation.checking("Keldysh kinetic solve",
                    i -> responses[i].ensure(alpha)));
        }

        /** ∫dε Σ_s w[s] response_s(node p, mode α) of f (current = false) or j (true). */
        double integrate(double[][] w, int p, int alpha, boolean current) {
            double sum = 0;
            int base = (p * KineticCoefficients.MODES + alpha) * SOURCES;
            for (int i = 0; i < energies.length; i++) {
                responses[i].ensure(alpha);
                double[] r = current ? responses[i].j() : responses[i].f();
                for (int s = 0; s < SOURCES; s++) if (w[s][i] != 0) sum += w[s][i] * r[base + s];
            }
            return sum;
        }

        Response response(int i) {
            return responses[i];
        }
    }

    /** I(V) curve: current J/N_F and conductance (dJ/dV)/N_F per area; G_N the normal-state value. */
    public record IV(double[] voltages, double[] current, double[] conductance, double normalConductance,
                     double temperature) {
        public IV {
            voltages = voltages.clone();
            current = current.clone();
            conductance = conductance.clone();
        }

        @Override
        public double[] voltages() { return voltages.clone(); }

        @Override
        public double[] current() { return current.clone(); }

        @Override
        public double[] conductance() { return conductance.clone(); }

        /** G(V)/G_N. */
        public double[] normalizedConductance() {
            double[] g = conductance.clone();
            for (int i = 0; i < g.length; i++) g[i] /= normalConductance;
            return g;
        }

        /** I R_N (energy units, = V for an ohmic junction). */
        public double[] normalizedCurrent() {
            double[] g = current.clone();
            for (int i = 0; i < g.length; i++) g[i] /= normalConductance;
            return g;
        }
    }

    /**
     * A biased junction: distribution functions f_α(x, ε), spectral and total currents, densities. Densities are
     * deviations from equilibrium at the left reservoir's temperature (as seed 003's S^a, "the non-equilibrium spin
     * density"); currents include any equilibrium supercurrent.
     */
    private static final String MODE_HINT = "modes are 0..7: L, T, T1, T2, T3, L1, L2, L3 (KineticCoefficients.names())";

    /** v in [lo, hi), else a DiffusonException naming the parameter. */
    private static void index(String name, int v, int lo, int hi, String hint) {
        if (v < lo || v >= hi)
            throw new DiffusonException(name, name + " = " + v + " is outside [" + lo + ", " + (hi - 1) + "]", hint);
    }

    public static final class NonEquilibrium {
        private final Spectrum sp;
        private final Distribution[] ends;
        private final double[][] w, wRef;

        NonEquilibrium(Spectrum sp, Distribution[] ends, double[][] w, double[][] wRef) {
            this.sp = sp;
            this.ends = ends;
            this.w = w;
            this.wRef = wRef;
        }

        public Spectrum spectrum() { return sp; }

        /** Node coordinates. */
        public double[] x() { return sp.x(); }

        /** f_α at node p and energy index i (exact reservoir values at ε_i). */
        public double distribution(int alpha, int i, int p) {
            return atEnergy(alpha, i, p, false);
        }

        /** Spectral current j_α(ε_i) at node p. */
        public double spectralCurrent(int alpha, int i, int p) {
            return atEnergy(alpha, i, p, true);
        }

        /** Σ over the reservoirs' modes of the unit-source responses (f, or j if {@code current}) at (α, ε_i, node p). */
        private double atEnergy(int alpha, int i, int p, boolean current) {
            checkPoint(alpha, i, p);
            Response r = sp.response(i);
            r.ensure(alpha);
            double[] resp = current ? r.j() : r.f();
            double eps = sp.energies[i], v = 0;
            int base = (p * KineticCoefficients.MODES + alpha) * SOURCES;
            for (int e = 0; e < 2; e++) {
                if (ends[e] == null) continue;
                double[] b = ends[e].modes(eps);
                for (int k = 0; k < 8; k++) v += resp[base + 8 * e + k] * b[k];
            }
            return v;
        }

        /** Charge current J/N_F = ∫dε j_T at each node (seed 003 Eq. 80 in 1D: the θ term vanishes). */
        public double[] current() {
            return perNode(KineticCoefficients.T, true, w);
        }

        /** Spin current J^a/N_F = ∫dε j_Ta (a = 1..3; seed 003 Eq. 81 in 1D) at each node. */
        public double[] spinCurrent(int a) {
            index("a", a, 1, 4, "spin components are a = 1, 2, 3 (x, y, z)");
            return perNode(1 + a, true, w);
        }

        /** Energy (heat) current ∫dε ε j_L is not provided; ∫dε j_L (the L-mode current) at each node. */
        public double[] energyModeCurrent() {
            return perNode(KineticCoefficients.L, true, w);
        }

        /** ∫dε δf_α at each node (deviation from equilibrium). */
        public double[] integratedDistribution(int alpha) {
            index("alpha", alpha, 0, KineticCoefficients.MODES, MODE_HINT);
            return perNode(alpha, false, wRef);
        }

        private void checkPoint(int alpha, int i, int p) {
            index("alpha", alpha, 0, KineticCoefficients.MODES, MODE_HINT);
            index("i", i, 0, sp.energies.length, "energy indices run over spectrum().energies()");
            index("p", p, 0, sp.x().length, "node indices run over x()");
        }

        private double[] perNode(int alpha, boolean current, double[][] weights) {
            sp.ensureAll(alpha);    // every energy's block in parallel (cancellable) before the serial sums
            double[] out = new double[sp.x().length];
            for (int p = 0; p < out.length; p++) out[p] = sp.integrate(weights, p, alpha, current);
            return out;
        }

        /**
         * Charge density deviation n/N_F = −⅛∫dε Tr ǧ^K (seed 003 Sec. V after Eq. 79: n = −(π/4)N_F Tr ǧ^K at equal times) and spin
         * densities S^a/N_F = −⅛∫dε Tr σ^aτ3ǧ^K (Eq. 79) at each node: {@code component} 0 = charge, 1..3 = spin.
         */
        public double[] density(int component) {
            index("component", component, 0, 4, "0 = charge, 1..3 = spin x, y, z");
            int pts = sp.x().length, M = KineticCoefficients.MODES;
            for (int b = 0; b < M; b++) sp.ensureAll(b);
            double[] out = new double[pts];
            for (int p = 0; p < pts; p++) {
                double sum = 0;
                for (int i = 0; i < sp.energies.length; i++) {
                    Response r = sp.response(i);
                    for (int b = 0; b < M; b++) {
                        double c = r.density()[(p * 4 + component) * M + b];
                        if (c == 0) continue;
                        int base = (p * M + b) * SOURCES;
                        double fs = 0;
                        for (int s = 0; s < SOURCES; s++) if (wRef[s][i] != 0) fs += wRef[s][i] * r.f()[base + s];
                        sum += c * fs;
                    }
                }
                out[p] = -sum / 8;
            }
            return out;
        }
    }
}
