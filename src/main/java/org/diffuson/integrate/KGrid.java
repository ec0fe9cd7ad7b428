package org.diffuson.integrate;

import org.diffuson.DiffusonException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A momentum quadrature ∫d^dk/(2π)^d ≈ Σ_i w_i f(k_i) up to a hard cutoff |k| ≤ k_c (docs/equations.md, numerical notes):
 * composite Gauss–Legendre panels in |k| whose breakpoints are refined geometrically around each Fermi momentum
 * (k_s ± {1, 3, 10, 40, 160, …}·δ_s with δ_s = |Im Σ|/v_s), times a uniform midpoint grid in the angle (2D; spectrally accurate
 * for periodic integrands) or Gauss–Legendre in cos θ × uniform φ (3D).
 * <p>One grid is shared by the self-energy and the bubble, so the Ward identity holds on the discrete grid.
 * The radial weights {@link #radialWeight(int)} integrate angle-averaged integrands (2D: k dk/2π; 3D: k² dk/2π²).
 */
public final class KGrid {
    private final int spaceDim;
    private final double cutoff;
    private final double[] breakpoints;
    private final int nodesPerPanel;
    private final double[] kr, wr;
    private final int nAngles;   // 2D: number of angles; 3D: nCos * nPhi
    private final int nCos, nPhi;
    private final int size;
    private final double[] dirX, dirY, dirZ, dirW; // unit directions and their weights (sum to 1)
    /** The Brillouin-zone mesh this grid was made from ({@link #of(BrillouinZone)}), else null. */
    private final BrillouinZone zone;

    private KGrid(int spaceDim, double cutoff, double[] breakpoints, int nodesPerPanel, int nTheta, int nCos, int nPhi) {
        this.spaceDim = spaceDim;
        this.cutoff = cutoff;
        this.breakpoints = breakpoints;
        this.nodesPerPanel = nodesPerPanel;
        this.zone = null;
        int np = breakpoints.length - 1;
        kr = new double[np * nodesPerPanel];
        wr = new double[np * nodesPerPanel];
        double measure = spaceDim == 2 ? 1 / (2 * Math.PI) : 1 / (2 * Math.PI * Math.PI);
        for (int p = 0; p < np; p++) {
            GaussLegendre.rule(nodesPerPanel, breakpoints[p], breakpoints[p + 1], kr, wr, p * nodesPerPanel);
            for (int i = p * nodesPerPanel; i < (p + 1) * nodesPerPanel; i++) wr[i] *= measure * (spaceDim == 2 ? kr[i] : kr[i] * kr[i]);
        }
        if (spaceDim == 2) {
            this.nCos = 0;
            this.nPhi = nTheta;
            nAngles = nTheta;
            double[][] dirs = circle(nTheta);
            dirX = dirs[0];
            dirY = dirs[1];
            dirZ = dirs[2];
            dirW = dirs[3];
        } else {
            this.nCos = nCos;
            this.nPhi = nPhi;
            nAngles = nCos * nPhi;
            dirX = new double[nAngles];
            dirY = new double[nAngles];
            dirZ = new double[nAngles];
            dirW = new double[nAngles];
            double[][] g = GaussLegendre.rule(nCos, -1, 1);
            for (int c = 0; c < nCos; c++)
                for (int j = 0; j < nPhi; j++) {
                    double ct = g[0][c], st = Math.sqrt(1 - ct * ct), ph = 2 * Math.PI * (j + 0.5) / nPhi;
                    int a = c * nPhi + j;
                    dirX[a] = st * Math.cos(ph);
                    dirY[a] = st * Math.sin(ph);
                    dirZ[a] = ct;
                    dirW[a] = g[1][c] / 2 / nPhi;
                }
        }
        size = kr.length * nAngles;
        // the point arrays of a polar grid are built on first use: the symmetry-reduced sums never need them
    }

    /**
     * The 2D midpoint angles θ_j = 2π(j + ½)/n as unit directions {cos, sin, 0, weight 1/n}, computed once per n ≤ 1024
     * and shared by every grid (never modified).
     */
    private static double[][] circle(int n) {
        double[][] d = n < CIRCLES.length() ? CIRCLES.get(n) : null;
        if (d != null) return d;
        d = new double[4][n];
        for (int j = 0; j < n; j++) {
            double th = 2 * Math.PI * (j + 0.5) / n;
            d[0][j] = Math.cos(th);
            d[1][j] = Math.sin(th);
            d[3][j] = 1.0 / n;
        }
        if (n < CIRCLES.length()) CIRCLES.set(n, d);
        return d;
    }

    private static final java.util.concurrent.atomic.AtomicReferenceArray<double[][]> CIRCLES = new java.util.concurrent.atomic.AtomicReferenceArray<>(1025);

    /** The full-grid points and weights (built once, on first use, for polar grids). */
    private static final class Points {
        final double[] kx, ky, kz, w;

        Points(double[] kx, double[] ky, double[] kz, double[] w) {
            this.kx = kx;
            this.ky = ky;
            this.kz = kz;
            this.w = w;
        }
    }

    private Points points; // racy but benign: every thread computes the same final arrays

    private Points points() {
        Points p = points;
        if (p == null) {
            int n = kr.length * nAngles;
            double[] kx = new double[n], ky = new double[n], kz = new double[n], w = new double[n];
            for (int r = 0; r < kr.length; r++)
                for (int a = 0; a < nAngles; a++) {
                    int i = r * nAngles + a;
                    kx[i] = kr[r] * dirX[a];
                    ky[i] = kr[r] * dirY[a];
                    kz[i] = kr[r] * dirZ[a];
                    w[i] = wr[r] * dirW[a];
                }
            points = p = new Points(kx, ky, kz, w);
        }
        return p;
    }

    private KGrid(int spaceDim, double[] kx, double[] ky, double[] kz, double[] w, BrillouinZone zone) {
        this.spaceDim = spaceDim;
        this.zone = zone;
        double c = 0;
        for (int i = 0; i < kx.length; i++) c = Math.max(c, Math.sqrt(kx[i] * kx[i] + ky[i] * ky[i] + kz[i] * kz[i]));
        this.cutoff = c;
        this.breakpoints = new double[0];
        this.nodesPerPanel = 0;
        this.kr = new double[0];
        this.wr = new double[0];
        this.nAngles = 0;
        this.nCos = 0;
        this.nPhi = 0;
        this.points = new Points(kx.clone(), ky.clone(), kz.clone(), w.clone());
        this.size = w.length;
        this.dirX = this.dirY = this.dirZ = this.dirW = new double[0];
    }

    /**
     * A grid from explicit points and weights (e.g. a Brillouin-zone mesh of a lattice model, weights summing to
     * A_BZ/(2π)^d). It has no radial structure, so no symmetry reduction is applied; the cutoff is max |k|.
     */
    public static KGrid ofPoints(int spaceDim, double[] kx, double[] ky, double[] kz, double[] w) {
        int n = w.length;
        if (kx.length != n || ky.length != n || kz.length != n)
            throw new DiffusonException("points", "arrays have different lengths", "pass kx, ky, kz and w of equal length");
        for (double x : w) if (!(x >= 0) || !Double.isFinite(x)) throw new DiffusonException("w", "weights must be finite and ≥ 0", "check the mesh");
        return new KGrid(spaceDim, kx, ky, kz, w, null);
    }

    /**
     * The Brillouin-zone mesh of a lattice model as a k-grid: the N₁×N₂ points s·b₁ + t·b₂ of the zone, each with
     * weight A_BZ/(N₁N₂(2π)²), so Σ_i w_i f(k_i) → ∫_BZ d²k/(2π)² f. No radial structure and no cutoff enters: the
     * grid covers exactly one zone (its {@link #cutoff()} is only max |k| of the mesh).
     */
    public static KGrid of(BrillouinZone bz) {
        int n = bz.size(), c = 0;
        double[] kx = new double[n], ky = new double[n], kz = new double[n], w = new double[n];
        for (int i = 0; i < bz.n1(); i++)
            for (int j = 0; j < bz.n2(); j++, c++) {
                kx[c] = bz.kx(i, j);
                ky[c] = bz.ky(i, j);
                w[c] = bz.weight();
            }
        ofPoints(2, kx, ky, kz, w); // validates
        return new KGrid(2, kx, ky, kz, w, bz);
    }

    /** Whether {@link #refined()} gives a grid (a Brillouin-zone mesh or a polar/spherical grid; not a point list). */
    public boolean canRefine() { return zone != null || !isPointGrid(); }

    /**
     * The same kind of grid, finer, for an automatic convergence check: a Brillouin-zone mesh with N₁ and N₂
     * doubled (same shift); a polar grid with the same breakpoints, twice the Gauss–Legendre nodes per panel (at most
     * 200) and twice the angles. Null for explicit point grids, which carry no rule to refine.
     */
    public KGrid refined() {
        if (zone != null) return of(zone.refined(2));
        if (isPointGrid()) return null;
        Builder b = builder(spaceDim, cutoff).nodesPerPanel(Math.min(200, 2 * nodesPerPanel));
        if (spaceDim == 2) b.angles(2 * nAngles);
        else b.angles3d(2 * nCos, 2 * nPhi);
        for (double x : breakpoints) b.breakpoint(x);
        return b.build();
    }

    /** The Brillouin-zone mesh this grid was made from, if it was ({@link #of(BrillouinZone)}). */
    public java.util.Optional<BrillouinZone> zone() { return java.util.Optional.ofNullable(zone); }

    /**
     * The same radial nodes and weights times {@code angles} uniform midpoint angles, as an explicit 2D point grid
     * (no symmetry reduction, no adaptive angles): for brute-force cross-checks and per-point benchmarks.
     */
    public KGrid toPointGrid(int angles) {
        if (spaceDim != 2 || isPointGrid())
            throw new DiffusonException("grid", "toPointGrid needs a 2D polar grid", "build it with KGrid.builder(2, cutoff)");
        if (angles < 1) throw new DiffusonException("angles", "must be ≥ 1, got " + angles, "use 32–512");
        int nr = kr.length, m = nr * angles;
        double[] px = new double[m], py = new double[m], pz = new double[m], pw = new double[m];
        for (int i = 0; i < nr; i++)
            for (int j = 0; j < angles; j++) {
                double th = 2 * Math.PI * (j + 0.5) / angles;
                px[i * angles + j] = kr[i] * Math.cos(th);
                py[i * angles + j] = kr[i] * Math.sin(th);
                pw[i * angles + j] = wr[i] / angles;
            }
        return new KGrid(2, px, py, pz, pw, null);
    }

    /** True for grids built from explicit points (no radial panels). */
    public boolean isPointGrid() { return kr.length == 0; }

    /** Start a grid up to the momentum cutoff k_c in d = 2 or 3 dimensions. */
    public static Builder builder(int spaceDim, double cutoff) { return new Builder(spaceDim, cutoff); }

    /** Builder: add poles to refine around, choose nodes per panel and angles. */
    public static final class Builder {
        private final int spaceDim;
        private final double cutoff;
        private final Breaks breaks = new Breaks();
        private int nodesPerPanel = 20, nTheta = 64, nCos = 16, nPhi = 16;
        private double[] refineFactors = {1, 3, 10, 40};

        private Builder(int spaceDim, double cutoff) {
            if (spaceDim != 2 && spaceDim != 3) throw new DiffusonException("spaceDim", "must be 2 or 3, got " + spaceDim, "pass 2 or 3");
            DiffusonException.requirePositive("cutoff", cutoff);
            this.spaceDim = spaceDim;
            this.cutoff = cutoff;
            breaks.add(0.0);
            breaks.add(cutoff);
        }

        /** Refine around a pole at |k| = k0 of half-width δ (= |Im Σ| / v): breakpoints k0 ± {1,3,10,40}δ. */
        public Builder refineAround(double k0, double width) {
            DiffusonException.requireFinite("k0", k0);
            DiffusonException.requirePositive("width", width);
            if (k0 <= 0 || k0 >= cutoff) return this;
            breaks.add(k0);
            // k0 ± {1, 3, 10, 40}δ (docs/equations.md, numerical notes), then ×4 per panel until the ends: every panel then sees the pole at a
            // distance comparable to its length, so Gauss–Legendre converges geometrically in each.
            for (int i = 0; ; i++) {
                double f = i < refineFactors.length ? refineFactors[i] : refineFactors[refineFactors.length - 1] * Math.pow(4, i - refineFactors.length + 1);
                double lo = k0 - f * width, hi = k0 + f * width;
                if (lo > 0) breaks.add(lo);
                if (hi < cutoff) breaks.add(hi);
                if (lo <= 0 && hi >= cutoff) break;
            }
            return this;
        }

        /** Extra radial breakpoint (e.g. a band edge or kink). */
        public Builder breakpoint(double k) {
            if (k > 0 && k < cutoff) breaks.add(k);
            return this;
        }

        /** Uniform panels of at most this length (default: none). */
        public Builder maxPanel(double length) {
            DiffusonException.requirePositive("length", length);
            int m = (int) Math.ceil(cutoff / length);
            for (int i = 1; i < m; i++) breaks.add(cutoff * i / m);
            return this;
        }

        /**
         * Refines the current panels by an error estimate of a radial integrand f(|k|) ≥ 0 (e.g. k^{d−1}‖G(k)‖²): a
         * panel whose {@code nodesPerPanel}-point Gauss–Legendre value differs from the sum over its two halves by more
         * than {@code tol}·∫f is split, and its halves are tested again. A panel starting at k = 0 is split at a quarter
         * of its length (geometric grading towards k = 0, where band edges and Dirac gaps sit), a panel ending at the
         * cutoff beyond the last structure at its geometric mean (a tail mapping: equal panels in log k integrate power
         * laws k^{−p} uniformly well), any other at its midpoint. At most {@code maxPanels} panels.
         */
        public Builder refineByEstimate(java.util.function.DoubleUnaryOperator f, double tol, int maxPanels) {
            DiffusonException.requirePositive("tol", tol);
            double[][] rule = GaussLegendre.reference(nodesPerPanel);
            java.util.ArrayDeque<double[]> todo = new java.util.ArrayDeque<>();
            double total = 0;
            for (int i = 1; i < breaks.size; i++) {
                double prev = breaks.at[i - 1], x = breaks.at[i];
                double v = panel(f, rule, prev, x);
                total += Math.abs(v);
                todo.add(new double[]{prev, x, v});
            }
            double last = breaks.size > 1 ? breaks.at[breaks.size - 2] : 0; // the largest breakpoint below the cutoff
            int panels = breaks.size - 1;
            while (!todo.isEmpty() && panels < maxPanels) {
                double[] p = todo.poll();
                double a = p[0], b = p[1];
                if (b - a < 1e-12 * cutoff) continue;
                double m = a == 0 ? b / 4 : (b == cutoff && a == last && a > 0) ? Math.sqrt(a * b) : 0.5 * (a + b);
                double left = panel(f, rule, a, m), right = panel(f, rule, m, b);
                if (Math.abs(left + right - p[2]) > tol * total) {
                    breaks.add(m);
                    panels++;
                    todo.add(new double[]{a, m, left});
                    todo.add(new double[]{m, b, right});
                    if (b == cutoff && a == last) last = m;
                }
            }
            return this;
        }

        private static double panel(java.util.function.DoubleUnaryOperator f, double[][] rule, double a, double b) {
            double half = 0.5 * (b - a), mid = 0.5 * (a + b), s = 0;
            for (int i = 0; i < rule[0].length; i++) s += rule[1][i] * f.applyAsDouble(mid + half * rule[0][i]);
            return s * half;
        }

        public Builder nodesPerPanel(int n) {
            if (n < 2 || n > 200) throw new DiffusonException("nodesPerPanel", "must be in [2, 200], got " + n, "20 reaches ~1e-15 with the default refinement");
            nodesPerPanel = n;
            return this;
        }

        /** Number of uniform angles in 2D (64–128 is spectrally converged; 32 suffices for small q). */
        public Builder angles(int n) {
            if (n < 1) throw new DiffusonException("angles", "must be ≥ 1, got " + n, "use 32–128");
            nTheta = n;
            return this;
        }

        /** 3D angular grid: Gauss–Legendre nodes in cos θ and uniform φ. */
        public Builder angles3d(int nCos, int nPhi) {
            if (nCos < 1 || nPhi < 1) throw new DiffusonException("angles3d", "needs ≥ 1 node each", "e.g. (16, 16)");
            this.nCos = nCos;
            this.nPhi = nPhi;
            return this;
        }

        public KGrid build() {
            // drop breakpoints closer than 1e-12·k_c to avoid degenerate panels
            double[] b = new double[breaks.size];
            int m = 0;
            for (int i = 0; i < breaks.size; i++) {
                double x = breaks.at[i];
                if (m == 0 || x - b[m - 1] > 1e-12 * cutoff) b[m++] = x;
            }
            if (b[m - 1] < cutoff) b[m - 1] = cutoff;
            return new KGrid(spaceDim, cutoff, Arrays.copyOf(b, m), nodesPerPanel, nTheta, nCos, nPhi);
        }
    }

    /** The breakpoints of a builder: distinct values in ascending order (a sorted set of doubles without boxing). */
    private static final class Breaks {
        double[] at = new double[32];
        int size;

        void add(double x) {
            int i = Arrays.binarySearch(at, 0, size, x);
            if (i >= 0) return;
            i = -i - 1;
            if (size == at.length) at = Arrays.copyOf(at, 2 * size);
            System.arraycopy(at, i, at, i + 1, size - i);
            at[i] = x;
            size++;
        }
    }

    public int spaceDim() { return spaceDim; }
    public double cutoff() { return cutoff; }
    public int radialSize() { return kr.length; }
    public int angularSize() { return nAngles; }
    public int size() { return size; }
    public int nodesPerPanel() { return nodesPerPanel; }
    /** 3D angular grid sizes (0 in 2D for cos θ). */
    public int nCos() { return nCos; }
    public int nPhi() { return nPhi; }
    public double[] breakpoints() { return breakpoints.clone(); }

    public double radialNode(int r) { return kr[r]; }
    /** Weight of radial node r for an angle-averaged integrand (includes the (2π)^-d measure and total solid angle). */
    public double radialWeight(int r) { return wr[r]; }

    public double kx(int i) { return points().kx[i]; }
    public double ky(int i) { return points().ky[i]; }
    public double kz(int i) { return points().kz[i]; }
    public double weight(int i) { return points().w[i]; }

    /** Index of the full-grid point (radial r, direction a). */
    public int index(int r, int a) { return r * nAngles + a; }

    /** Total k-space volume covered, Σ w_i = V_d k_c^d/(2π)^d: a self-check. */
    public double volume() {
        double s = 0;
        for (double x : points().w) s += x;
        return s;
    }

    @Override
    public String toString() {
        if (isPointGrid()) return String.format(Locale.ROOT, "KGrid(d=%d, %d explicit points, max|k|=%.6g)", spaceDim, size, cutoff);
        return String.format(Locale.ROOT, "KGrid(d=%d, k_c=%.6g, %d panels × %d GL nodes = %d radial, %s angles, %d points; breakpoints %s)",
                spaceDim, cutoff, breakpoints.length - 1, nodesPerPanel, kr.length,
                spaceDim == 2 ? String.valueOf(nAngles) : nCos + "×" + nPhi, size,
                Arrays.toString(Arrays.stream(breakpoints).map(x -> Math.round(x * 1e4) / 1e4).toArray()));
    }
}
