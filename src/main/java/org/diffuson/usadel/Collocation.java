package org.diffuson.usadel;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
import org.diffuson.linalg.ZOps;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;

/**
 * Multi-domain Chebyshev collocation for complex second-order boundary-value problems y″ = F(x, y, y′) (m complex
 * unknowns), solved by damped Newton with a banded LU (each row couples only its own domain and, at an interface, the
 * neighbour). Each domain carries N+1 Chebyshev–Gauss–Lobatto nodes; the end nodes hold boundary or matching
 * conditions. F must be holomorphic in y and y′ (true of the θ and Riccati forms of the Usadel equation): local
 * Jacobians are central differences with a real step, accurate to ~1e-11, and Newton is iterated on the exact residual.
 */
public final class Collocation {

    /** The right-hand side F of y″ = F; complex arrays are interleaved (re, im), length 2m. */
    public interface Equation {
        int dim();

        void rhs(int domain, int node, double x, double[] y, double[] dy, double[] out);
    }

    /** m conditions on (y, y′) at an outer end. */
    public interface EndCondition {
        void residual(double x, double[] y, double[] dy, double[] out);
    }

    /** 2m conditions joining domain k (left, its last node) and domain k + 1 (right, its first node). */
    public interface Matching {
        void residual(double x, double[] yL, double[] dyL, double[] yR, double[] dyR, double[] out);
    }

    /** Continuity of y and y′ (a smooth continuation across a domain break). */
    public static final Matching SMOOTH = (x, yL, dyL, yR, dyR, out) -> {
        for (int i = 0; i < yL.length; i++) {
            out[i] = yL[i] - yR[i];
            out[yL.length + i] = dyL[i] - dyR[i];
        }
    };

    /** Nodes and differentiation matrices of a multi-domain Chebyshev mesh. */
    public static final class Mesh {
        final double[] breaks;
        final int[] n;            // intervals per domain (n+1 nodes)
        final int[] start;        // first global node of each domain
        final double[][] d1, d2;  // per domain, (n+1)² row-major
        final double[] x;
        final int points;

        public Mesh(double[] breaks, int[] intervals) {
            if (breaks.length != intervals.length + 1)
                throw new DiffusonException("mesh", "need one more break than domains", "pass K+1 breaks for K domains");
            this.breaks = breaks.clone();
            this.n = intervals.clone();
            int k = intervals.length;
            start = new int[k];
            d1 = new double[k][];
            d2 = new double[k][];
            int p = 0;
            for (int i = 0; i < k; i++) {
                if (!(breaks[i + 1] > breaks[i]))
                    throw new DiffusonException("length", String.format(Locale.ROOT,
                            "domain %d has non-positive length %.4g", i, breaks[i + 1] - breaks[i]),
                            "layer lengths must be > 0");
                if (intervals[i] < 2) throw new DiffusonException("nodes", "need ≥ 2 intervals per domain", "use ≥ 8");
                start[i] = p;
                p += intervals[i] + 1;
            }
            points = p;
            x = new double[p];
            for (int i = 0; i < k; i++) {
                int m = intervals[i];
                double a = breaks[i], b = breaks[i + 1];
                double[] t = new double[m + 1], w = new double[m + 1];
                for (int j = 0; j <= m; j++) {
                    t[j] = -Math.cos(Math.PI * j / m);
                    x[start[i] + j] = a + (b - a) * (t[j] + 1) / 2;
                    w[j] = ((j % 2 == 0) ? 1 : -1) * ((j == 0 || j == m) ? 0.5 : 1);
                }
                x[start[i]] = a;
                x[start[i] + m] = b;
                double[] d = new double[(m + 1) * (m + 1)];
                double sc = 2 / (b - a);
                for (int r = 0; r <= m; r++) {
                    double diag = 0;
                    for (int c = 0; c <= m; c++) {
                        if (c == r) continue;
                        double v = w[c] / w[r] / (t[r] - t[c]) * sc;
                        d[r * (m + 1) + c] = v;
                        diag -= v;
                    }
                    d[r * (m + 1) + r] = diag;
                }
                d1[i] = d;
                double[] dd = new double[d.length];
                for (int r = 0; r <= m; r++)
                    for (int c = 0; c <= m; c++) {
                        double s = 0;
                        for (int q = 0; q <= m; q++) s += d[r * (m + 1) + q] * d[q * (m + 1) + c];
                        dd[r * (m + 1) + c] = s;
                    }
                d2[i] = dd;
            }
        }

        private record Key(List<Double> breaks, List<Integer> intervals) {
        }

        private static final Map<Key, Mesh> CACHE = new ConcurrentHashMap<>();

        /**
         * The mesh with these breaks and intervals, shared (meshes are immutable): a continuation or a
         * self-consistency loop solves thousands of BVPs on one mesh, whose differentiation matrices cost O(n³).
         */
        public static Mesh of(double[] breaks, int[] intervals) {
            Key key = new Key(Arrays.stream(breaks).boxed().toList(), Arrays.stream(intervals).boxed().toList());
            Mesh m = CACHE.get(key);
            if (m != null) return m;
            m = new Mesh(breaks, intervals);
            if (CACHE.size() > 256) CACHE.clear();
            CACHE.put(key, m);
            return m;
        }

        /** Uniform split of [a, b] into {@code domains} equal domains of {@code intervals} intervals each. */
        public static Mesh uniform(double a, double b, int domains, int intervals) {
            double[] br = new double[domains + 1];
            int[] n = new int[domains];
            for (int i = 0; i <= domains; i++) br[i] = a + (b - a) * i / domains;
            Arrays.fill(n, intervals);
            return new Mesh(br, n);
        }

        public int domains() {
            return n.length;
        }

        public int points() {
            return points;
        }

        /** Node coordinates (interface points appear twice, once per domain). */
        public double[] x() {
            return x.clone();
        }

        public int start(int domain) {
            return start[domain];
        }

        public int intervals(int domain) {
            return n[domain];
        }

        public double[] breaks() {
            return breaks.clone();
        }

        /** Domain containing x (the left one at a break). */
        public int domainOf(double xq) {
            for (int i = 0; i < n.length; i++) if (xq <= breaks[i + 1]) return i;
            return n.length - 1;
        }

        /**
         * Barycentric interpolation of component c (complex, m components per node) at x; {@code derivative} = 1 gives
         * y′ (differentiated interpolant).
         */
        public double[] interpolate(double[] y, int m, int c, double xq, int derivative) {
            int k = domainOf(xq), nn = n[k];
            double a = breaks[k], b = breaks[k + 1];
            double[] vr = new double[nn + 1], vi = new double[nn + 1];
            for (int j = 0; j <= nn; j++) {
                int idx = 2 * ((start[k] + j) * m + c);
                vr[j] = y[idx];
                vi[j] = y[idx + 1];
            }
            if (derivative == 1) {
                double[] dr = new double[nn + 1], di = new double[nn + 1];
                for (int r = 0; r <= nn; r++)
                    for (int q = 0; q <= nn; q++) {
                        dr[r] += d1[k][r * (nn + 1) + q] * vr[q];
                        di[r] += d1[k][r * (nn + 1) + q] * vi[q];
                    }
                vr = dr;
                vi = di;
            }
            double t = 2 * (xq - a) / (b - a) - 1, num_r = 0, num_i = 0, den = 0;
            for (int j = 0; j <= nn; j++) {
                double tj = -Math.cos(Math.PI * j / nn);
                double w = ((j % 2 == 0) ? 1 : -1) * ((j == 0 || j == nn) ? 0.5 : 1);
                if (t == tj) return new double[]{vr[j], vi[j]};
                double f = w / (t - tj);
                num_r += f * vr[j];
                num_i += f * vi[j];
                den += f;
            }
            return new double[]{num_r / den, num_i / den};
        }
    }

    /** A converged (or failed) Newton solve. */
    public record Result(Mesh mesh, int dim, double[] y, int iterations, double residual, boolean converged) {
        /** Copies {@code y}: a Result is an immutable value. */
        public Result {
            y = y.clone();
        }

        /** The solution vector (a copy; inside the package {@link #yView()} reads it without copying). */
        @Override
        public double[] y() { return y.clone(); }

        /** The solution vector itself, not copied: for the solver's own loops, which must not write to it. */
        double[] yView() { return y; }
    }

    /** A chord step (reused Jacobian) is accepted if it is at most this fraction of the previous step. */
    static final double CHORD = 0.25;

    private Collocation() {
    }

    /**
     * Solves the BVP by Newton from {@code guess} (2·m·points doubles, overwritten copy returned in the result).
     * Converged when the Newton step is below {@code tol}·(1 + max|y|); the result carries the max-norm residual of
     * all collocation and boundary equations.
     */
    public static Result solve(Mesh mesh, Equation f, EndCondition left, EndCondition right, Matching[] match,
                               double[] guess, double tol, int maxIter) {
        return solve(mesh, f, left, right, match, guess, tol, maxIter, null);
    }

    /**
     * As {@link #solve(Mesh, Equation, EndCondition, EndCondition, Matching[], double[], double, int)}, starting with
     * chord steps on the factored Jacobian in {@code slot[0]} if it is one of this mesh and dimension (the Jacobian of
     * a nearby problem: the same frequency at the previous Δ(x) of a self-consistency loop); on return slot[0] holds
     * the last factored Jacobian.
     */
    static Result solve(Mesh mesh, Equation f, EndCondition left, EndCondition right, Matching[] match,
                        double[] guess, double tol, int maxIter, Jacobian[] slot) {
        int m = f.dim(), k = mesh.domains(), nu = m * mesh.points;
        if (match.length != k - 1)
            throw new IllegalArgumentException("need " + (k - 1) + " matchings, got " + match.length);
        Jacobian reuse = slot == null ? null : slot[0];
        boolean haveJac = reuse != null && reuse.mesh == mesh && reuse.m == m && reuse.factored;
        Jacobian jac = haveJac ? reuse : new Jacobian(mesh, m);
        if (slot != null) slot[0] = jac;
        double[] y = guess.clone(), r = new double[2 * nu];
        double[] step = new double[2 * nu], trial = new double[2 * nu], rTrial = new double[2 * nu];
        double[] simplified = new double[2 * nu];
        double res = residual(mesh, f, left, right, match, y, r, null);
        // Newton with chord steps: the factored Jacobian is reused while the steps contract by at least CHORD per
        // step (near the solution the chord converges almost as fast as Newton at the cost of a residual and a
        // back-substitution); a chord step that contracts less, or raises the residual, is discarded and the
        // Jacobian recomputed at the current point.
        boolean fresh = false;
        double prevStep = Double.POSITIVE_INFINITY;
        int it = 0;
        for (; it < maxIter; it++) {
            if (!haveJac) {
                Cancellation.check("Usadel BVP (Newton)");
                jac.clear();
                residual(mesh, f, left, right, match, y, r, jac);
                if (!jac.factor()) return new Result(mesh, m, y, it, res, false);
                haveJac = true;
                fresh = true;
            }
            jac.solve(r, step);
            double lambda = 1, ymax = 0, smax = 0;
            for (int i = 0; i < 2 * nu; i++) {
                ymax = Math.max(ymax, Math.abs(y[i]));
                smax = Math.max(smax, Math.abs(step[i]));
            }
            if (!fresh && !(smax <= CHORD * prevStep)) {
                haveJac = false;
                it--;                      // a rejected chord step is not an iteration
                continue;
            }
            double newRes;
            while (true) {
                for (int i = 0; i < 2 * nu; i++) trial[i] = y[i] - lambda * step[i];
                newRes = residual(mesh, f, left, right, match, trial, rTrial, null);
                if (!fresh) break;
                // a Newton step this small is in the quadratic basin, where the residual is rounding noise: take it whole
                if (smax <= 1e-8 * (1 + ymax) && Double.isFinite(newRes)) break;
                if (Double.isFinite(newRes) && (newRes < res || newRes < 1e-12 || lambda < 1.0 / 64)) break;
                // a natural monotonicity test after Deuflhard, in a stricter form: accept if the simplified Newton
                // correction J⁻¹F(trial), with the same factorization, is smaller than (1 − λ/4) times the step taken
                // (λ|Δx|; Deuflhard compares with the full correction |Δx|), so it mainly admits full or near-full steps. The max-norm of the residual
                // mixes collocation rows (∝ 1/h²) with boundary rows and often rises on a good full step (seen: 1.1 →
                // 25 → 1.6 → 0.13 on an S|N|S Riccati step), so testing it alone damped such steps to λ = 1/32.
                if (Double.isFinite(newRes)) {
                    jac.solve(rTrial, simplified);
                    double sbar = 0;
                    for (int i = 0; i < 2 * nu; i++) sbar = Math.max(sbar, Math.abs(simplified[i]));
                    if (sbar <= (1 - lambda / 4) * lambda * smax) break;
                }
                // a residual that stays non-finite however short the step: give up (reported as not converged below)
                if (lambda < 1.0 / 64) break;
                lambda /= 2;
            }
            if (!fresh && !(newRes < res || newRes < 1e-12)) {
                haveJac = false;
                it--;
                continue;
            }
            System.arraycopy(trial, 0, y, 0, 2 * nu);
            System.arraycopy(rTrial, 0, r, 0, 2 * nu);
            double prevRes = res;
            res = newRes;
            // error left after the step: O(step²) for Newton, ≈ ρ·step for a chord step contracting by ρ
            double remaining = fresh ? smax : Double.isInfinite(prevStep) ? 1e3 * smax : 1e3 * smax * smax / prevStep;
            boolean newton = fresh;
            fresh = false;
            prevStep = lambda * smax;
            if (lambda < 1) haveJac = false;      // far from the solution (damped): no chord step
            if (!Double.isFinite(res)) return new Result(mesh, m, y, it + 1, res, false);
            if (lambda == 1 && remaining <= tol * (1 + ymax)) return new Result(mesh, m, y, it + 1, res, true);
            // stagnation at round-off: a Newton step no longer decreases the residual, which is at the rounding level
            // of the equations (a chord step that stagnates only means its Jacobian is stale: refactor)
            if (smax <= 1e-8 * (1 + ymax) && res > 0.5 * prevRes) {
                if (newton) return new Result(mesh, m, y, it + 1, res, true);
                haveJac = false;
            }
        }
        return new Result(mesh, m, y, it, res, false);
    }

    /**
     * The collocation Jacobian in its block structure, solved by static condensation. Rows at a domain's interior
     * nodes touch only that domain's unknowns; rows at its two end nodes (boundary or matching conditions) also touch
     * the neighbouring domain. Per domain, the interior block A_ii (m(n−1) square, a Dirichlet problem on a short
     * domain, hence well conditioned) is factored by dense LU with partial pivoting and the interior unknowns are
     * eliminated in favour of the 2m end unknowns; the remaining 2m·K end equations form a band matrix (kl = ku =
     * 3m − 1), factored with pivoting in band storage ({@link ZOps#luDecomposeBanded}). Cost per Newton step
     * O(K·(m n)³) instead of O((K m n)·(m n)²) for a banded LU of the whole matrix, with O(K·(m n)²) memory.
     */
    static final class Jacobian {
        final Mesh mesh;
        final int m, k, kl;
        final int[] size;               // m(n+1) unknowns per domain
        final double[][] own;           // size × size: rows and columns of domain d
        final double[][] left;          // m × size[d−1]: rows at node 0 of d, columns of d − 1
        final double[][] right;         // m × size[d+1]: rows at node n of d, columns of d + 1
        final double[][] lu;            // interior LU per domain (m(n−1) square)
        final int[][] piv;
        final double[][] xe;            // A_ii⁻¹ A_ie: m(n−1) × 2m
        final double[] band;            // reduced system in band storage
        final int[] bandPiv;
        final double[] xr, rhs;         // scratch: interior solves, reduced right-hand side
        final double[] tmp, acc;        // scratch of solve: one domain's permuted interior rhs; one complex sum
        boolean factored;

        Jacobian(Mesh mesh, int m) {
            this.mesh = mesh;
            this.m = m;
            this.k = mesh.domains();
            this.kl = 3 * m - 1;
            size = new int[k];
            own = new double[k][];
            left = new double[k][];
            right = new double[k][];
            lu = new double[k][];
            piv = new int[k][];
            xe = new double[k][];
            int maxI = 0;
            for (int d = 0; d < k; d++) {
                size[d] = m * (mesh.n[d] + 1);
                int mi = m * (mesh.n[d] - 1);
                maxI = Math.max(maxI, mi);
                own[d] = new double[2 * size[d] * size[d]];
                lu[d] = new double[2 * mi * mi];
                piv[d] = new int[mi];
                xe[d] = new double[2 * mi * 2 * m];
            }
            for (int d = 0; d < k; d++) {
                if (d > 0) left[d] = new double[2 * m * size[d - 1]];
                if (d < k - 1) right[d] = new double[2 * m * size[d + 1]];
            }
            int nr = 2 * m * k;
            band = new double[2 * nr * ZOps.bandWidth(kl, kl)];
            bandPiv = new int[nr];
            xr = new double[2 * mesh.points * m];
            rhs = new double[2 * nr];
            tmp = new double[2 * maxI];
            acc = new double[2];
        }

        /** Memory of a Jacobian on this mesh with m unknowns per node, in bytes (to decide whether to keep several). */
        static long bytes(Mesh mesh, int m) {
            long b = 0;
            for (int d = 0; d < mesh.domains(); d++) {
                long sz = (long) m * (mesh.n[d] + 1), mi = (long) m * (mesh.n[d] - 1);
                b += 16 * (sz * sz + mi * mi + mi * 2 * m + 2 * m * sz);
            }
            return b;
        }

        void clear() {
            factored = false;
            for (int d = 0; d < k; d++) {
                Arrays.fill(own[d], 0);
                if (left[d] != null) Arrays.fill(left[d], 0);
                if (right[d] != null) Arrays.fill(right[d], 0);
            }
        }

        /** Local column of end unknown e (0..2m−1: node 0 then node n) of domain d. */
        private int endCol(int d, int e) {
            return e < m ? e : m * mesh.n[d] + e - m;
        }

        /** Factors the interior blocks and the reduced end system; false if singular. */
        boolean factor() {
            for (int d = 0; d < k; d++) {
                int nn = mesh.n[d], mi = m * (nn - 1), sz = size[d];
                double[] a = own[d], l = lu[d], x = xe[d];
                for (int i = 0; i < mi; i++)
                    System.arraycopy(a, 2 * ((m + i) * sz + m), l, 2 * i * mi, 2 * mi);
                if (!ZOps.luDecompose(l, mi, piv[d])) return false;
                for (int i = 0; i < mi; i++) {
                    int src = 2 * ((m + piv[d][i]) * sz);
                    for (int e = 0; e < 2 * m; e++) {
                        int c = endCol(d, e);
                        x[2 * (i * 2 * m + e)] = a[src + 2 * c];
                        x[2 * (i * 2 * m + e) + 1] = a[src + 2 * c + 1];
                    }
                }
                ZOps.luSolveColumns(l, mi, x, 2 * m);
            }
            Arrays.fill(band, 0);
            for (int d = 0; d < k; d++)
                for (int e = 0; e < 2 * m; e++) {
                    int row = 2 * m * d + e, lr = endCol(d, e);
                    reduceRow(own[d], size[d], lr, d, row);
                    if (e < m && d > 0) reduceRow(left[d], size[d - 1], e, d - 1, row);
                    if (e >= m && d < k - 1) reduceRow(right[d], size[d + 1], e - m, d + 1, row);
                }
            factored = ZOps.luDecomposeBanded(band, 2 * m * k, kl, kl, bandPiv);
            return factored;
        }

        /** Adds row {@code lr} of block g (columns of domain dd) to reduced row {@code row}: g_e − g_i·X_e. */
        private void reduceRow(double[] g, int cols, int lr, int dd, int row) {
            int nn = mesh.n[dd], mi = m * (nn - 1);
            double[] x = xe[dd];
            int base = 2 * lr * cols;
            for (int e = 0; e < 2 * m; e++) {
                int c = endCol(dd, e);
                double sr = g[base + 2 * c], si = g[base + 2 * c + 1];
                for (int i = 0; i < mi; i++) {
                    double gr = g[base + 2 * (m + i)], gi = g[base + 2 * (m + i) + 1];
                    if (gr == 0 && gi == 0) continue;
                    double xr0 = x[2 * (i * 2 * m + e)], xi0 = x[2 * (i * 2 * m + e) + 1];
                    sr -= gr * xr0 - gi * xi0;
                    si -= gr * xi0 + gi * xr0;
                }
                int idx = ZOps.bandIndex(row, 2 * m * dd + e, kl, kl);
                band[idx] += sr;
                band[idx + 1] += si;
            }
        }

        /** g_i · (A_ii⁻¹ r_i) for row lr of block g over domain dd's columns. */
        private void dotInterior(double[] g, int cols, int lr, int dd, double[] out) {
            int nn = mesh.n[dd], mi = m * (nn - 1), off = 2 * m * mesh.start[dd];
            int base = 2 * lr * cols;
            double sr = 0, si = 0;
            for (int i = 0; i < mi; i++) {
                double gr = g[base + 2 * (m + i)], gi = g[base + 2 * (m + i) + 1];
                double vr = xr[off + 2 * i], vi = xr[off + 2 * i + 1];
                sr += gr * vr - gi * vi;
                si += gr * vi + gi * vr;
            }
            out[0] -= sr;
            out[1] -= si;
        }

        /** Solves J·step = r (global interleaved layout) with the factors of {@link #factor}. */
        void solve(double[] r, double[] step) {
            for (int d = 0; d < k; d++) {
                int nn = mesh.n[d], mi = m * (nn - 1), off = 2 * m * mesh.start[d];
                for (int i = 0; i < mi; i++) {
                    int src = off + 2 * (m + piv[d][i]);
                    tmp[2 * i] = r[src];
                    tmp[2 * i + 1] = r[src + 1];
                }
                ZOps.luSolveColumns(lu[d], mi, tmp, 1);
                System.arraycopy(tmp, 0, xr, off, 2 * mi);   // interior solution, packed at the domain's offset
            }
            for (int d = 0; d < k; d++)
                for (int e = 0; e < 2 * m; e++) {
                    int lr = endCol(d, e), g = 2 * m * mesh.start[d] + 2 * lr;
                    acc[0] = r[g];
                    acc[1] = r[g + 1];
                    dotInterior(own[d], size[d], lr, d, acc);
                    if (e < m && d > 0) dotInterior(left[d], size[d - 1], e, d - 1, acc);
                    if (e >= m && d < k - 1) dotInterior(right[d], size[d + 1], e - m, d + 1, acc);
                    rhs[2 * (2 * m * d + e)] = acc[0];
                    rhs[2 * (2 * m * d + e) + 1] = acc[1];
                }
            ZOps.luSolveBanded(band, 2 * m * k, kl, kl, bandPiv, rhs);
            for (int d = 0; d < k; d++) {
                int nn = mesh.n[d], mi = m * (nn - 1), off = 2 * m * mesh.start[d];
                double[] x = xe[d];
                for (int e = 0; e < 2 * m; e++) {
                    int c = endCol(d, e);
                    step[off + 2 * c] = rhs[2 * (2 * m * d + e)];
                    step[off + 2 * c + 1] = rhs[2 * (2 * m * d + e) + 1];
                }
                for (int i = 0; i < mi; i++) {
                    double sr = xr[off + 2 * i], si = xr[off + 2 * i + 1];
                    for (int e = 0; e < 2 * m; e++) {
                        double er = rhs[2 * (2 * m * d + e)], ei = rhs[2 * (2 * m * d + e) + 1];
                        double ar = x[2 * (i * 2 * m + e)], ai = x[2 * (i * 2 * m + e) + 1];
                        sr -= ar * er - ai * ei;
                        si -= ar * ei + ai * er;
                    }
                    step[off + 2 * (m + i)] = sr;
                    step[off + 2 * (m + i) + 1] = si;
                }
            }
        }

        /**
         * Adds rows {@code src0..src0+rows−1} of a local derivative (dA = ∂/∂y, dB = ∂/∂y′ at node j of domain dd) to
         * block {@code target} (columns of domain dd) at rows {@code row0…}: y′ at node j is Σ_q d1[j][q] y_q.
         */
        void addRows(double[] target, int row0, int src0, int rows, int dd, int j, double[] dA, double[] dB) {
            int nn = mesh.n[dd], cols = size[dd];
            double[] d1 = mesh.d1[dd];
            for (int rr = 0; rr < rows; rr++) {
                int row = row0 + rr, c = src0 + rr;
                for (int q = 0; q <= nn; q++) {
                    double w1 = d1[j * (nn + 1) + q];
                    for (int e = 0; e < m; e++) {
                        int idx = 2 * (row * cols + q * m + e);
                        target[idx] += w1 * dB[2 * (c * m + e)];
                        target[idx + 1] += w1 * dB[2 * (c * m + e) + 1];
                        if (q == j) {
                            target[idx] += dA[2 * (c * m + e)];
                            target[idx + 1] += dA[2 * (c * m + e) + 1];
                        }
                    }
                }
            }
        }
    }

    /** Residual vector (and, if jac != null, its Jacobian); returns the max-norm of the residual. */
    static double residual(Mesh mesh, Equation f, EndCondition left, EndCondition right, Matching[] match,
                           double[] y, double[] r, Jacobian jac) {
        int m = f.dim(), nu = m * mesh.points, k = mesh.domains();
        double[] yl = new double[2 * m], dyl = new double[2 * m], out = new double[2 * m];
        double[] yr = new double[2 * m], dyr = new double[2 * m], out2 = new double[4 * m];
        double[] ap = new double[2 * m], am = new double[2 * m], ap2 = new double[4 * m], am2 = new double[4 * m];
        double[] dA = new double[2 * m * m], dB = new double[2 * m * m];
        double[] dA2 = new double[4 * m * 2 * m], dB2 = new double[4 * m * 2 * m];
        for (int d = 0; d < k; d++) {
            int nn = mesh.n[d], s = mesh.start[d];
            double[] d1 = mesh.d1[d], d2 = mesh.d2[d];
            for (int j = 0; j <= nn; j++) {
                int p = s + j;
                local(y, m, s, nn, d1, j, yl, dyl);
                double x = mesh.x[p];
                if (j > 0 && j < nn) {
                    final int dom = d, node = j;
                    f.rhs(d, j, x, yl, dyl, out);
                    for (int c = 0; c < m; c++) {
                        double sr = 0, si = 0;
                        for (int q = 0; q <= nn; q++) {
                            double w = d2[j * (nn + 1) + q];
                            sr += w * y[2 * ((s + q) * m + c)];
                            si += w * y[2 * ((s + q) * m + c) + 1];
                        }
                        r[2 * (p * m + c)] = sr - out[2 * c];
                        r[2 * (p * m + c) + 1] = si - out[2 * c + 1];
                    }
                    if (jac != null) {
                        derivatives((yy, dy, o) -> f.rhs(dom, node, x, yy, dy, o), m, m, yl, dyl, ap, am, dA, dB);
                        double[] own = jac.own[d];
                        int cols = jac.size[d];
                        for (int c = 0; c < m; c++) {
                            int row = j * m + c;
                            for (int q = 0; q <= nn; q++) {
                                int col0 = q * m;
                                own[2 * (row * cols + col0 + c)] += d2[j * (nn + 1) + q];
                                double w1 = d1[j * (nn + 1) + q];
                                for (int e = 0; e < m; e++) {
                                    int idx = 2 * (row * cols + col0 + e);
                                    own[idx] -= w1 * dB[2 * (c * m + e)];
                                    own[idx + 1] -= w1 * dB[2 * (c * m + e) + 1];
                                    if (q == j) {
                                        own[idx] -= dA[2 * (c * m + e)];
                                        own[idx + 1] -= dA[2 * (c * m + e) + 1];
                                    }
                                }
                            }
                        }
                    }
                } else if ((j == 0 && d == 0) || (j == nn && d == k - 1)) {
                    EndCondition bc = j == 0 ? left : right;
                    bc.residual(x, yl, dyl, out);
                    for (int c = 0; c < 2 * m; c++) r[2 * p * m + c] = out[c];
                    if (jac != null) {
                        derivatives((yy, dy, o) -> bc.residual(x, yy, dy, o), m, m, yl, dyl, ap, am, dA, dB);
                        jac.addRows(jac.own[d], j * m, 0, m, d, j, dA, dB);
                    }
                } else if (j == nn) {
                    // interface between d and d+1: rows at p (first m) and p+1 (second m)
                    int s2 = mesh.start[d + 1], n2 = mesh.n[d + 1];
                    local(y, m, s2, n2, mesh.d1[d + 1], 0, yr, dyr);
                    Matching mt = match[d];
                    mt.residual(x, yl, dyl, yr, dyr, out2);
                    for (int c = 0; c < 4 * m; c++) r[2 * p * m + c] = out2[c];
                    if (jac != null) {
                        final double[] fyr = yr.clone(), fdyr = dyr.clone(), fyl = yl.clone(), fdyl = dyl.clone();
                        derivatives((yy, dy, o) -> mt.residual(x, yy, dy, fyr, fdyr, o), m, 2 * m, yl, dyl, ap2, am2,
                                dA2, dB2);
                        jac.addRows(jac.own[d], nn * m, 0, m, d, nn, dA2, dB2);
                        jac.addRows(jac.left[d + 1], 0, m, m, d, nn, dA2, dB2);
                        derivatives((yy, dy, o) -> mt.residual(x, fyl, fdyl, yy, dy, o), m, 2 * m, yr, dyr, ap2, am2,
                                dA2, dB2);
                        jac.addRows(jac.right[d], 0, 0, m, d + 1, 0, dA2, dB2);
                        jac.addRows(jac.own[d + 1], 0, m, m, d + 1, 0, dA2, dB2);
                    }
                }
            }
        }
        double mx = 0;
        for (int i = 0; i < 2 * nu; i++) mx = Math.max(mx, Math.abs(r[i]));
        return mx;
    }

    private static void local(double[] y, int m, int s, int nn, double[] d1, int j, double[] yl, double[] dyl) {
        for (int c = 0; c < m; c++) {
            yl[2 * c] = y[2 * ((s + j) * m + c)];
            yl[2 * c + 1] = y[2 * ((s + j) * m + c) + 1];
            double sr = 0, si = 0;
            for (int q = 0; q <= nn; q++) {
                double w = d1[j * (nn + 1) + q];
                sr += w * y[2 * ((s + q) * m + c)];
                si += w * y[2 * ((s + q) * m + c) + 1];
            }
            dyl[2 * c] = sr;
            dyl[2 * c + 1] = si;
        }
    }

    private interface Local {
        void eval(double[] y, double[] dy, double[] out);
    }

    /** Holomorphic central differences: dA[r][e] = ∂out_r/∂y_e, dB[r][e] = ∂out_r/∂y′_e (rows = outputs). */
    private static void derivatives(Local g, int m, int rows, double[] y, double[] dy, double[] ap, double[] am,
                                    double[] dA, double[] dB) {
        double[] yy = y.clone(), dd = dy.clone();
        for (int e = 0; e < m; e++) {
            for (int which = 0; which < 2; which++) {
                double[] v = which == 0 ? yy : dd;
                double base = v[2 * e], h = 1e-5 * (1 + Math.hypot(v[2 * e], v[2 * e + 1]));
                v[2 * e] = base + h;
                g.eval(yy, dd, ap);
                v[2 * e] = base - h;
                g.eval(yy, dd, am);
                v[2 * e] = base;
                double[] tgt = which == 0 ? dA : dB;
                for (int rr = 0; rr < rows; rr++) {
                    tgt[2 * (rr * m + e)] = (ap[2 * rr] - am[2 * rr]) / (2 * h);
                    tgt[2 * (rr * m + e) + 1] = (ap[2 * rr + 1] - am[2 * rr + 1]) / (2 * h);
                }
            }
        }
    }
}
