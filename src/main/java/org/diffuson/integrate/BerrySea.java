package org.diffuson.integrate;

import org.diffuson.DiffusonException;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Fermi-sea integrals of a continuum 2D model at T = 0, in polar coordinates about a centre (ħ = 1, measure
 * d²k/(2π)², charge −e with e = 1):
 * <ul>
 *   <li>Σ_k Σ_m Ω^m n_FD(ε^m), the intrinsic anomalous Hall term of seed 002 (P 52: (e/ħ)E×Ω n_FD);</li>
 *   <li>Σ_k Σ_m (i e/ħ)[𝒯_i, E·R′]^{mm} n_FD for each spin operator s_i and field direction (P 63, intrinsic spin).</li>
 * </ul>
 * Both are written as sums over (occupied o, empty u) pairs, so that fully occupied pairs cancel identically rather
 * than numerically (docs/equations.md, numerical notes: for the TI only k &gt; k_F contributes). The radial axis is cut at the Fermi
 * crossings of each ray (so the occupation is constant on every panel), graded geometrically towards the centre
 * (resolving a small gap of width ≳ 1e-4 of the first crossing), graded geometrically from the last crossing out to
 * r_c = max(kScale, 2 k_F,last), and the tail [r_c, ∞) is mapped to t = r_c/k ∈ (0, 1],
 * which integrates the power-law tails (Ω ~ k⁻³) of massive-Dirac-like models without a cutoff. The quadrature
 * points are summed by {@link KSum} (parallel, thread-count independent bits); the eigenvector gauge of each point is
 * the workspace's own (a {@link BerryBands#randomizeGauge} diagnostic does not reach the sea, whose pair products
 * V^{ol}V^{lo} are gauge invariant term by term).
 */
public final class BerrySea {
    private final BerryBands work;
    private final int n;
    private final double[] nodes, wts;
    private final double[][] spinModel;
    private double minPairGap;

    /** @param spin spin operators in the model basis (interleaved n×n), may be empty; nGauss nodes per panel. */
    public BerrySea(BerryBands work, double[][] spin, int nGauss) {
        this.work = work;
        this.n = work.dim();
        GaussIntegrator gi = new GaussIntegratorFactory().legendre(nGauss, 0, 1);
        nodes = new double[nGauss];
        wts = new double[nGauss];
        for (int i = 0; i < nGauss; i++) { nodes[i] = gi.getPoint(i); wts[i] = gi.getWeight(i); }
        spinModel = spin;
    }

    /**
     * Integrates the sea. {@code crossings[j]} lists the radii where any band crosses ε_F on ray j of the uniform
     * θ grid (ascending; may be empty). Result: [0] = Σ Ω n_FD; then for spin i and field b (x = 0, y = 1) at
     * index 1 + 2i + b, the intrinsic ⟨s_i⟩ per unit E_b (e = 1).
     */
    public double[] integrate(double fermiEnergy, double centerX, double centerY, double[][] crossings, double kScale) {
        int nTheta = crossings.length;
        minPairGap = Double.POSITIVE_INFINITY;
        work.at(centerX, centerY);
        pairGap(work.eps, fermiEnergy);
        // the quadrature points of every ray (kx, ky, weight), flattened in ray order, then one KSum over them
        Points pts = new Points(nTheta * 24 * nodes.length);
        double[] breaks = new double[96];
        for (int j = 0; j < nTheta; j++) {
            double th = 2 * Math.PI * j / nTheta, c = Math.cos(th), s = Math.sin(th);
            double[] cr = crossings[j];
            double first = cr.length > 0 ? cr[0] : kScale;
            double last = cr.length > 0 ? cr[cr.length - 1] : kScale;
            double rc = Math.max(kScale, 2 * last);
            int nb = 0;
            breaks[nb++] = 0;
            for (int g = 6; g >= 1; g--) breaks[nb++] = first * Math.pow(4, -g);
            for (double r : cr) breaks[nb++] = r;
            // geometric panels from the last crossing out to the tail start (resolves tails when k_F ≪ kScale)
            for (double r = 2 * last; r < rc && nb < breaks.length - 2; r *= 4) if (r > breaks[nb - 1]) breaks[nb++] = r;
            if (rc > breaks[nb - 1]) breaks[nb++] = rc;
            for (int p = 0; p + 1 < nb; p++) {
                double a = breaks[p], b = breaks[p + 1], len = b - a;
                for (int i = 0; i < nodes.length; i++) {
                    double r = a + len * nodes[i];
                    pts.add(centerX + r * c, centerY + r * s, wts[i] * len * r);
                }
            }
            // tail: k = rc/t, dk = rc/t² dt, k dk = rc²/t³ dt
            for (int i = 0; i < nodes.length; i++) {
                double t = nodes[i], r = rc / t;
                pts.add(centerX + r * c, centerY + r * s, wts[i] * rc * rc / (t * t * t));
            }
        }
        double[] acc = sum(pts.size, i -> pts.kx[i], i -> pts.ky[i], i -> pts.w[i], fermiEnergy);
        double norm = (2 * Math.PI / nTheta) / (4 * Math.PI * Math.PI);
        for (int q = 0; q < acc.length; q++) acc[q] *= norm;
        return acc;
    }

    /**
     * The same integrals on a uniform Brillouin-zone mesh (lattice models): exponentially accurate in a gap, O(1/N) in a
     * metal. Same result layout as {@link #integrate}.
     */
    public double[] integrateMesh(BrillouinZone bz, double fermiEnergy) {
        minPairGap = Double.POSITIVE_INFINITY;
        int n2 = bz.n2();
        double[] acc = sum(bz.n1() * n2, i -> bz.kx(i / n2, i % n2), i -> bz.ky(i / n2, i % n2), i -> 1, fermiEnergy);
        for (int q = 0; q < acc.length; q++) acc[q] *= bz.weight();
        return acc;
    }

    /**
     * Σ_i w_i·integrand(k_i) by the library's one parallel k-sum ({@link KSum}: fixed chunks, ordered reduction, so the
     * bits do not depend on the thread count); each chunk diagonalises on a band workspace of its own. The smallest
     * occupied–empty gap met is a min-reduction, exact in any order.
     */
    private double[] sum(int points, java.util.function.IntToDoubleFunction kx, java.util.function.IntToDoubleFunction ky,
                         java.util.function.IntToDoubleFunction weight, double ef) {
        int width = 1 + 2 * spinModel.length;
        java.util.concurrent.atomic.DoubleAccumulator gap = new java.util.concurrent.atomic.DoubleAccumulator(Math::min, minPairGap);
        double[] acc = KSum.sum(points, width, () -> new Point(new BerryBands(work.hamiltonian()), spinModel.length, n, width),
                (from, to, out, pt) -> {
                    double g = Double.POSITIVE_INFINITY;
                    for (int i = from; i < to; i++) {
                        g = Math.min(g, pt.eval(kx.applyAsDouble(i), ky.applyAsDouble(i), ef));
                        double f = weight.applyAsDouble(i);
                        for (int q = 0; q < width; q++) out[q] += f * pt.out[q];
                    }
                    gap.accumulate(g);
                });
        minPairGap = gap.get();
        return acc;
    }

    /** Growable flat arrays of quadrature points. */
    private static final class Points {
        double[] kx, ky, w;
        int size;

        Points(int capacity) {
            kx = new double[Math.max(capacity, 16)];
            ky = new double[kx.length];
            w = new double[kx.length];
        }

        void add(double x, double y, double weight) {
            if (size == kx.length) {
                kx = java.util.Arrays.copyOf(kx, 2 * size);
                ky = java.util.Arrays.copyOf(ky, 2 * size);
                w = java.util.Arrays.copyOf(w, 2 * size);
            }
            kx[size] = x;
            ky[size] = y;
            w[size++] = weight;
        }
    }

    /** Smallest direct gap between an occupied and an empty band met by the last {@link #integrate} call. */
    public double minPairGap() { return minPairGap; }

    private void pairGap(double[] e, double ef) {
        minPairGap = Math.min(minPairGap, pairGap(e, ef, n));
    }

    /** min over (occupied o, empty l) of ε_l − ε_o (+∞ if no such pair). */
    private static double pairGap(double[] e, double ef, int n) {
        double min = Double.POSITIVE_INFINITY;
        for (int o = 0; o < n; o++) {
            if (!(e[o] < ef)) continue;
            for (int l = 0; l < n; l++) if (!(e[l] < ef)) min = Math.min(min, e[l] - e[o]);
        }
        return min;
    }

    /** The integrand at one k on a band workspace of its own (one per KSum chunk). */
    private final class Point {
        final BerryBands bands;
        final double[][] spinBand;
        final double[] out;

        Point(BerryBands bands, int spins, int n, int width) {
            this.bands = bands;
            spinBand = new double[spins][2 * n * n];
            out = new double[width];
        }

        /** out ← the integrand at (kx, ky) (seed 002 P 52 and P 63, pair form); returns the local occupied–empty gap. */
        double eval(double kx, double ky, double ef) {
            bands.at(kx, ky);
            java.util.Arrays.fill(out, 0);
            for (int i = 0; i < spinModel.length; i++) bands.toBandBasis(spinModel[i], spinBand[i]);
            double[] vx = bands.vx, vy = bands.vy, e = bands.eps;
            for (int o = 0; o < n; o++) {
                if (!(e[o] < ef)) continue;
                for (int l = 0; l < n; l++) {
                    if (e[l] < ef) continue;
                    double d = e[l] - e[o];
                    int q = 2 * (o * n + l), p = 2 * (l * n + o);
                    out[0] += -2 * (vx[q] * vy[p + 1] + vx[q + 1] * vy[p]) / (d * d);
                    // 2 Re[s^{lo} R′_b^{ol}]/(ε_o − ε_l), R′_b^{ol} = i V_b^{ol}/(ε_l − ε_o)
                    for (int i = 0; i < spinModel.length; i++) {
                        double sr = spinBand[i][p], si = spinBand[i][p + 1];
                        for (int b = 0; b < 2; b++) {
                            double[] v = b == 0 ? vx : vy;
                            double rr = -v[q + 1] / d, ri = v[q] / d;
                            out[1 + 2 * i + b] += 2 * (sr * rr - si * ri) / (-d);
                        }
                    }
                }
            }
            return pairGap(e, ef, n);
        }
    }

    /** Throws if an occupied and an empty band come closer than tol·scale anywhere the sea integral looked. */
    public void requireGap(double scale, double tol) {
        if (minPairGap < tol * scale)
            throw new DiffusonException("fermiEnergy", "an occupied and an empty band are (nearly) degenerate at the Fermi level (gap "
                    + minPairGap + " vs energy scale " + scale + "); R′ ∝ 1/(ε_m − ε_n) diverges there",
                    "the formalism needs non-degenerate bands: open the gap (e.g. M ≠ 0) or move ε_F away from the band touching");
    }
}
