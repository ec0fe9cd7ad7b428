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
 * which integrates the power-law tails (Ω ~ k⁻³) of massive-Dirac-like models without a cutoff.
 */
public final class BerrySea {
    private final BerryBands work;
    private final int n;
    private final double[] nodes, wts;
    private final double[][] spinBand; // per spin operator: band-basis matrix at the current k
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
        spinBand = new double[spin.length][2 * n * n];
    }

    /**
     * Integrates the sea. {@code crossings[j]} lists the radii where any band crosses ε_F on ray j of the uniform
     * θ grid (ascending; may be empty). Result: [0] = Σ Ω n_FD; then for spin i and field b (x = 0, y = 1) at
     * index 1 + 2i + b, the intrinsic ⟨s_i⟩ per unit E_b (e = 1).
     */
    public double[] integrate(double fermiEnergy, double centerX, double centerY, double[][] crossings, double kScale) {
        int nTheta = crossings.length;
        double[] acc = new double[1 + 2 * spinModel.length];
        double[] tmp = new double[acc.length];
        minPairGap = Double.POSITIVE_INFINITY;
        work.at(centerX, centerY);
        pairGap(fermiEnergy);
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
                    point(centerX + r * c, centerY + r * s, fermiEnergy, tmp);
                    double f = wts[i] * len * r;
                    for (int q = 0; q < acc.length; q++) acc[q] += f * tmp[q];
                }
            }
            // tail: k = rc/t, dk = rc/t² dt, k dk = rc²/t³ dt
            for (int i = 0; i < nodes.length; i++) {
                double t = nodes[i], r = rc / t;
                point(centerX + r * c, centerY + r * s, fermiEnergy, tmp);
                double f = wts[i] * rc * rc / (t * t * t);
                for (int q = 0; q < acc.length; q++) acc[q] += f * tmp[q];
            }
        }
        double norm = (2 * Math.PI / nTheta) / (4 * Math.PI * Math.PI);
        for (int q = 0; q < acc.length; q++) acc[q] *= norm;
        return acc;
    }

    /**
     * The same integrals on a uniform Brillouin-zone mesh (lattice models): exponentially accurate in a gap, O(1/N) in a
     * metal. Same result layout as {@link #integrate}.
     */
    public double[] integrateMesh(BrillouinZone bz, double fermiEnergy) {
        double[] acc = new double[1 + 2 * spinModel.length], tmp = new double[acc.length];
        minPairGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < bz.n1(); i++)
            for (int j = 0; j < bz.n2(); j++) {
                point(bz.kx(i, j), bz.ky(i, j), fermiEnergy, tmp);
                for (int q = 0; q < acc.length; q++) acc[q] += tmp[q];
            }
        for (int q = 0; q < acc.length; q++) acc[q] *= bz.weight();
        return acc;
    }

    /** Smallest direct gap between an occupied and an empty band met by the last {@link #integrate} call. */
    public double minPairGap() { return minPairGap; }

    private void point(double kx, double ky, double ef, double[] out) {
        work.at(kx, ky);
        java.util.Arrays.fill(out, 0);
        pairGap(ef);
        for (int i = 0; i < spinModel.length; i++) work.toBandBasis(spinModel[i], spinBand[i]);
        double[] vx = work.vx, vy = work.vy, e = work.eps;
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
    }

    private void pairGap(double ef) {
        double[] e = work.eps;
        for (int o = 0; o < n; o++) {
            if (!(e[o] < ef)) continue;
            for (int l = 0; l < n; l++) if (!(e[l] < ef)) minPairGap = Math.min(minPairGap, e[l] - e[o]);
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
