package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.ZOps;

import java.util.Arrays;
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
    }

    private Collocation() {
    }

    /**
     * Solves the BVP by Newton from {@code guess} (2·m·points doubles, overwritten copy returned in the result).
     * Converged when the Newton step is below {@code tol}·(1 + max|y|); the result carries the max-norm residual of
     * all collocation and boundary equations.
     */
    public static Result solve(Mesh mesh, Equation f, EndCondition left, EndCondition right, Matching[] match,
                               double[] guess, double tol, int maxIter) {
        int m = f.dim(), k = mesh.domains(), np = mesh.points, nu = m * np;
        if (match.length != k - 1)
            throw new IllegalArgumentException("need " + (k - 1) + " matchings, got " + match.length);
        int maxN = 0;
        for (int v : mesh.n) maxN = Math.max(maxN, v);
        int band = m * (maxN + 2) + m;
        double[] y = guess.clone(), r = new double[2 * nu], jac = new double[2 * nu * nu];
        int[] piv = new int[nu];
        double[] work = new double[2 * nu], trial = new double[2 * nu], rTrial = new double[2 * nu];
        double res = residual(mesh, f, left, right, match, y, r, null);
        int it = 0;
        for (; it < maxIter; it++) {
            for (int i = 0; i < nu; i++)     // only the band (plus pivoting fill) is ever read or written
                Arrays.fill(jac, 2 * (i * nu + Math.max(0, i - band)), 2 * (i * nu + Math.min(nu - 1, i + 2 * band) + 1), 0);
            residual(mesh, f, left, right, match, y, r, jac);
            if (!ZOps.luDecomposeBanded(jac, nu, band, band, piv))
                return new Result(mesh, m, y, it, res, false);
            double[] step = r.clone();
            ZOps.luSolveBanded(jac, nu, band, band, piv, step, work);
            double lambda = 1, ymax = 0, smax = 0;
            for (int i = 0; i < 2 * nu; i++) {
                ymax = Math.max(ymax, Math.abs(y[i]));
                smax = Math.max(smax, Math.abs(step[i]));
            }
            double newRes;
            while (true) {
                for (int i = 0; i < 2 * nu; i++) trial[i] = y[i] - lambda * step[i];
                newRes = residual(mesh, f, left, right, match, trial, rTrial, null);
                if (Double.isFinite(newRes) && (newRes < res || newRes < 1e-12 || lambda < 1.0 / 64)) break;
                lambda /= 2;
            }
            System.arraycopy(trial, 0, y, 0, 2 * nu);
            double prevRes = res;
            res = newRes;
            if (!Double.isFinite(res)) return new Result(mesh, m, y, it + 1, res, false);
            if (lambda == 1 && smax <= tol * (1 + ymax)) return new Result(mesh, m, y, it + 1, res, true);
            // stagnation at round-off: the residual no longer decreases and is at the rounding level of the equations
            if (smax <= 1e-8 * (1 + ymax) && res > 0.5 * prevRes) return new Result(mesh, m, y, it + 1, res, true);
        }
        return new Result(mesh, m, y, it, res, false);
    }

    /** Residual vector (and, if jac != null, its Jacobian); returns the max-norm of the residual. */
    static double residual(Mesh mesh, Equation f, EndCondition left, EndCondition right, Matching[] match,
                           double[] y, double[] r, double[] jac) {
        int m = f.dim(), nu = m * mesh.points, k = mesh.domains();
        double[] yl = new double[2 * m], dyl = new double[2 * m], out = new double[2 * m];
        double[] yr = new double[2 * m], dyr = new double[2 * m], out2 = new double[4 * m];
        double[] ap = new double[2 * m], am = new double[2 * m], ap2 = new double[4 * m], am2 = new double[4 * m];
        double[] dA = new double[2 * m * m], dB = new double[2 * m * m];
        double[] dA2 = new double[4 * m * 2 * m];
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
                        for (int c = 0; c < m; c++) {
                            int row = p * m + c;
                            for (int q = 0; q <= nn; q++) {
                                int col0 = (s + q) * m;
                                jac[2 * (row * nu + col0 + c)] += d2[j * (nn + 1) + q];
                                double w1 = d1[j * (nn + 1) + q];
                                for (int e = 0; e < m; e++) {
                                    int idx = 2 * (row * nu + col0 + e);
                                    jac[idx] -= w1 * dB[2 * (c * m + e)];
                                    jac[idx + 1] -= w1 * dB[2 * (c * m + e) + 1];
                                    if (q == j) {
                                        jac[idx] -= dA[2 * (c * m + e)];
                                        jac[idx + 1] -= dA[2 * (c * m + e) + 1];
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
                        addEndRows(jac, nu, m, m, p, s, nn, d1, j, dA, dB);
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
                        double[] dB2 = new double[4 * m * 2 * m];
                        derivatives((yy, dy, o) -> mt.residual(x, yy, dy, fyr, fdyr, o), m, 2 * m, yl, dyl, ap2, am2,
                                dA2, dB2);
                        addEndRows(jac, nu, m, 2 * m, p, s, nn, d1, nn, dA2, dB2);
                        derivatives((yy, dy, o) -> mt.residual(x, fyl, fdyl, yy, dy, o), m, 2 * m, yr, dyr, ap2, am2,
                                dA2, dB2);
                        addEndRows(jac, nu, m, 2 * m, p, s2, n2, mesh.d1[d + 1], 0, dA2, dB2);
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

    private static void addEndRows(double[] jac, int nu, int m, int rows, int p, int s, int nn, double[] d1, int j,
                                   double[] dA, double[] dB) {
        for (int c = 0; c < rows; c++) {
            int row = p * m + c;
            for (int q = 0; q <= nn; q++) {
                int col0 = (s + q) * m;
                double w1 = d1[j * (nn + 1) + q];
                for (int e = 0; e < m; e++) {
                    int idx = 2 * (row * nu + col0 + e);
                    jac[idx] += w1 * dB[2 * (c * m + e)];
                    jac[idx + 1] += w1 * dB[2 * (c * m + e) + 1];
                    if (q == j) {
                        jac[idx] += dA[2 * (c * m + e)];
                        jac[idx + 1] += dA[2 * (c * m + e) + 1];
                    }
                }
            }
        }
    }
}
