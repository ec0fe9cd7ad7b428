package org.diffuson.integrate;

import org.diffuson.DiffusonException;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

import java.util.Locale;

/**
 * Quadrature for the angular average ⟨F⟩ = ∫dΩ/4π F(n̂) on the unit sphere: Gauss–Legendre in cos θ times a uniform
 * φ grid (the same product rule as {@link KGrid}'s 3D angles, without the radial part). Weights sum to 1. It is exact
 * for polynomials in (n_x, n_y, n_z) of degree ≤ min(2 nCos − 1, nPhi − 1). With an even nPhi the node set is
 * symmetric under n̂ → −n̂ and {@link #antipode(int)} gives the partner index (used for parity-odd solves).
 */
public final class SphereRule {
    private final int nCos, nPhi;
    private final double[] x, y, z, w;
    private final int[] antipode;

    private SphereRule(int nCos, int nPhi) {
        this.nCos = nCos;
        this.nPhi = nPhi;
        int n = nCos * nPhi;
        x = new double[n];
        y = new double[n];
        z = new double[n];
        w = new double[n];
        antipode = new int[n];
        GaussIntegrator g = new GaussIntegratorFactory().legendre(nCos, -1, 1);
        // Hipparchus returns nodes in ascending order, symmetric about 0: node i ↔ node nCos-1-i
        for (int i = 0; i < nCos; i++) {
            double c = g.getPoint(i), s = Math.sqrt(Math.max(0, 1 - c * c));
            for (int j = 0; j < nPhi; j++) {
                double phi = 2 * Math.PI * (j + 0.5) / nPhi;
                int idx = i * nPhi + j;
                x[idx] = s * Math.cos(phi);
                y[idx] = s * Math.sin(phi);
                z[idx] = c;
                w[idx] = 0.5 * g.getWeight(i) / nPhi;
                antipode[idx] = (nCos - 1 - i) * nPhi + (nPhi % 2 == 0 ? (j + nPhi / 2) % nPhi : -1);
                if (nPhi % 2 != 0) antipode[idx] = -1;
            }
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<Long, SphereRule> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A product rule with {@code nCos} Gauss–Legendre nodes in cos θ and {@code nPhi} uniform azimuths. Rules are
     * immutable and cached (building the Legendre nodes costs more than a small kinetic solve).
     */
    public static SphereRule of(int nCos, int nPhi) {
        if (nCos < 1 || nCos > 400) throw new DiffusonException("nCos", "must be in [1, 400], got " + nCos, "use 4–32");
        if (nPhi < 1 || nPhi > 800) throw new DiffusonException("nPhi", "must be in [1, 800], got " + nPhi, "use 8–64");
        return CACHE.computeIfAbsent(((long) nCos << 32) | nPhi, k -> new SphereRule(nCos, nPhi));
    }

    /** The smallest symmetric rule exact for polynomial integrands of the given total degree. */
    public static SphereRule exactForDegree(int degree) {
        if (degree < 0) throw new DiffusonException("degree", "must be ≥ 0, got " + degree, "pass the polynomial degree");
        int nc = degree / 2 + 1;
        int np = degree + 1;
        if (np % 2 != 0) np++;
        return of(nc, Math.max(np, 2));
    }

    public int size() { return w.length; }
    public int nCos() { return nCos; }
    public int nPhi() { return nPhi; }
    /** Largest polynomial degree integrated exactly. */
    public int exactDegree() { return Math.min(2 * nCos - 1, nPhi - 1); }
    public double x(int i) { return x[i]; }
    public double y(int i) { return y[i]; }
    public double z(int i) { return z[i]; }
    /** Component a (0 = x, 1 = y, 2 = z) of node i. */
    public double n(int i, int a) { return a == 0 ? x[i] : a == 1 ? y[i] : z[i]; }
    public double weight(int i) { return w[i]; }
    /** Index of −n̂_i, or −1 if the rule is not inversion-symmetric (odd nPhi). */
    public int antipode(int i) { return antipode[i]; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SphereRule(%d cos θ × %d φ = %d nodes, exact to degree %d)", nCos, nPhi, size(), exactDegree());
    }
}
