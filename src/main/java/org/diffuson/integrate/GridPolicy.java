package org.diffuson.integrate;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Model;

/**
 * The library's k-grid policy, in one place (docs/equations.md, numerical notes): the adaptive Fermi-surface grid
 * every SCBA, ladder and Kubo calculation shares ({@link #adaptive}), the check that the Fermi surface lies inside the
 * momentum cutoff ({@link #requireFermiSurfaceInsideCutoff}) and the grid of the Fermi-sea energy integral
 * ({@link #sea}). Engines call these; none builds its own breakpoints.
 */
public final class GridPolicy {
    private GridPolicy() {}

    /**
     * The default grid: panels refined at the Fermi momenta of H + shift at energy e with pole half-widths η/v
     * (k_F ± {1, 3, 10, 40, 160, …}·η/v), breakpoints at the band extrema (band edges) and at the bare Fermi momenta
     * (when shifted), and then refinement by an error estimate ({@link KGrid.Builder#refineByEstimate}) of the radial
     * weight k^{d−1}‖G(k, e + iη)‖²_F of H + shift: graded towards k = 0 and the band edges, where gapped and
     * semimetallic models have their structure (with no Fermi momentum nothing else would refine there), a geometric
     * tail up to the cutoff, and panels halved wherever the estimate exceeds the tolerance 10^−min(12, n/2+2) of the
     * total (n nodes per panel). The bands of H + shift are scanned once for the crossings and the extrema.
     * {@code shift} (null for none) must be Hermitian (e.g. the Hermitian part of Σ): the 2×2 polynomial weight reads
     * only its Hermitian part.
     */
    public static KGrid adaptive(Model model, double e, CMatrix shift, double eta, GridOptions options) {
        KGrid.Builder b = options.apply(KGrid.builder(model.spaceDim(), model.cutoff()));
        double kc = model.cutoff();
        Hamiltonian h = model.hamiltonian();
        if (shift != null && shift.normMax() == 0) shift = null; // e.g. the Hermitian part of an on-shell Born Σ
        FermiMomenta.Scan bands = FermiMomenta.scan(h, shift, kc);
        for (FermiMomenta.Crossing c : bands.crossings(e)) {
            double width = Math.max(eta, 1e-14) / Math.max(c.velocity(), 1e-300);
            b.refineAround(c.k(), Math.min(Math.max(width, 1e-9 * kc), 0.25 * kc));
        }
        if (shift != null)
            for (FermiMomenta.Crossing c : FermiMomenta.find(h, null, e, kc)) b.breakpoint(c.k());
        for (double k : bands.extrema()) b.breakpoint(k);
        int n = model.dim(), nn = 2 * n * n, d = model.spaceDim();
        double[] hk = new double[nn], s = shift == null ? new double[nn] : shift.toArray(), lu = new double[nn];
        int[] piv = new int[n];
        double broad = Math.max(eta, 1e-12 * Math.max(1, Math.abs(e)));
        double[][] axis = n == 2 && h instanceof org.diffuson.model.TermHamiltonian t ? t.axisCoefficients() : null;
        java.util.function.DoubleUnaryOperator weight = axis != null ? polynomialWeight2(axis, e, broad, s, d) : k -> {
            h.evalAxis(k, hk, 0);
            for (int i = 0; i < nn; i++) hk[i] = -hk[i] - s[i];
            for (int i = 0; i < n; i++) {
                hk[2 * (i * n + i)] += e;
                hk[2 * (i * n + i) + 1] += broad;
            }
            double f = 0;
            if (n == 2) {
                // ‖A⁻¹‖²_F = ‖A‖²_F / |det A|² for a 2×2 matrix
                double detr = hk[0] * hk[6] - hk[1] * hk[7] - (hk[2] * hk[4] - hk[3] * hk[5]);
                double deti = hk[0] * hk[7] + hk[1] * hk[6] - (hk[2] * hk[5] + hk[3] * hk[4]);
                for (double x : hk) f += x * x;
                f /= detr * detr + deti * deti;
            } else {
                if (!org.diffuson.linalg.ZOps.invertInPlace(hk, n, lu, piv)) return 0;
                for (double x : hk) f += x * x;
            }
            return (d == 2 ? k : k * k) * f;
        };
        double tol = Math.pow(10, -Math.min(12, options.nodesPerPanel() / 2.0 + 2));
        b.refineByEstimate(weight, tol, 400);
        return b.build();
    }

    /**
     * The estimate's weight k^{d−1}‖A⁻¹‖²_F = k^{d−1}‖A‖²_F/|det A|² for a 2×2 builder model, A(k) = e + iη − M(k) with
     * M = H(k, 0, 0) + S Hermitian and every entry a polynomial in k (from
     * {@link org.diffuson.model.TermHamiltonian#axisCoefficients}). In Pauli form M = m₀ + m·σ (real m₀, m), with
     * x = e − m₀ and V = |m|²: ‖A‖²_F = 2(x² + η² + V) and det A = (x + iη)² − V, so |det A|² = (x² − η² − V)² + 4x²η²;
     * four real polynomials by Horner's rule, equal to the entry-wise weight to rounding.
     */
    private static java.util.function.DoubleUnaryOperator polynomialWeight2(double[][] axis, double e, double broad, double[] s, int d) {
        int deg = axis.length - 1;
        double[] x = new double[deg + 1], mx = new double[deg + 1], my = new double[deg + 1], mz = new double[deg + 1], pc = new double[4];
        for (int p = 0; p <= deg; p++) {
            double[] m = axis[p].clone();
            if (p == 0) for (int i = 0; i < 8; i++) m[i] += s[i];
            Pauli.components(m, 0, pc); // M = m₀ + m_x σx + m_y σy + m_z σz (M01 = m_x − i m_y)
            x[p] = (p == 0 ? e : 0) - pc[0];
            mx[p] = pc[1];
            my[p] = pc[2];
            mz[p] = pc[3];
        }
        double eta2 = broad * broad, twoEta = 2 * broad;
        return k -> {
            double a = x[deg], b = mx[deg], c = my[deg], z = mz[deg];
            for (int p = deg - 1; p >= 0; p--) {
                a = a * k + x[p]; b = b * k + mx[p]; c = c * k + my[p]; z = z * k + mz[p];
            }
            double v = b * b + c * c + z * z, a2 = a * a;
            double dr = a2 - eta2 - v, di = twoEta * a;
            double f = 2 * (a2 + eta2 + v) / (dr * dr + di * di);
            return (d == 2 ? k : k * k) * f;
        };
    }

    /**
     * Throws if a band's Fermi surface at E would be cut by the momentum cutoff: a band still rising at the cutoff with
     * E at or above its energy there, or a falling band with E at or below it.
     */
    public static void requireFermiSurfaceInsideCutoff(Model model, double e) {
        double kc = model.cutoff(), dk = 1e-4 * kc;
        double[] at = model.hamiltonian().bands(kc, 0, 0), in = model.hamiltonian().bands(kc - dk, 0, 0);
        for (int b = 0; b < at.length; b++) {
            boolean rising = at[b] > in[b];
            if ((rising && e >= at[b]) || (!rising && e <= at[b]))
                throw new DiffusonException("cutoff", String.format(java.util.Locale.ROOT,
                        "the Fermi surface of band %d at E=%.6g reaches the momentum cutoff k_c=%.6g (band energy there %.6g)", b, e, kc, at[b]),
                        "raise the cutoff (cutoffEnergy / kc) well above the Fermi energy, or lower E");
        }
    }

    /**
     * The grid of the Fermi-sea energy integral: off the real axis the integrand has structure at small |k| (band
     * extrema, Dirac gaps) that the Fermi-surface grid need not resolve, so the Fermi-surface grid's breakpoints plus a
     * geometric grading k_c·4^{−j} (j = 1 … 12) towards k = 0, same nodes per panel and angles. A point grid (a
     * Brillouin-zone mesh) is its own sea grid.
     */
    public static KGrid sea(KGrid g) {
        if (g.isPointGrid()) return g;
        KGrid.Builder b = KGrid.builder(g.spaceDim(), g.cutoff()).nodesPerPanel(g.nodesPerPanel());
        if (g.spaceDim() == 2) b.angles(g.angularSize());
        else b.angles3d(g.nCos(), g.nPhi());
        for (double x : g.breakpoints()) b.breakpoint(x);
        for (int j = 1; j <= 12; j++) b.breakpoint(g.cutoff() * Math.pow(4, -j));
        return b.build();
    }
}
