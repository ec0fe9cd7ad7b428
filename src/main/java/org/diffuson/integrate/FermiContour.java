package org.diffuson.integrate;

import org.diffuson.DiffusonException;

import java.util.ArrayList;
import java.util.List;

/**
 * One closed iso-energy line ε^m(k) = E of band m, star-shaped about a centre and sampled on the uniform angle grid
 * θ_j = 2πj/N: k_j = centre + r_j(cos θ_j, sin θ_j). This is how δ-functions are integrated without broadening
 * (docs/equations.md, numerical notes): Σ_k δ(E − ε^m_k) F(k) = ∫dθ/(2π)² r F/|∂_r ε| ≈ Σ_j w_j F(k_j) with
 * w_j = r_j/(2πN |∂_r ε^m(k_j)|). The angle rule is spectrally accurate for smooth contours.
 *
 * @param band       band index (ascending order of eigenvalues)
 * @param energy     the iso-energy E
 * @param radius     r_j (length N)
 * @param radialSlope ∂_r ε^m at k_j (sign tells electron-like (+) from hole-like (−) lines)
 */
public record FermiContour(int band, double energy, double centerX, double centerY, double[] radius, double[] radialSlope) {
    public int size() { return radius.length; }

    public double theta(int j) { return 2 * Math.PI * j / radius.length; }

    public double kx(int j) { return centerX + radius[j] * Math.cos(theta(j)); }

    public double ky(int j) { return centerY + radius[j] * Math.sin(theta(j)); }

    /** Quadrature weight of point j for Σ_k δ(E − ε^m_k)(·). */
    public double weight(int j) { return radius[j] / (2 * Math.PI * radius.length * Math.abs(radialSlope[j])); }

    /** Density of states per area of this line, Σ_j w_j = Σ_k δ(E − ε^m_k). */
    public double densityOfStates() {
        double s = 0;
        for (int j = 0; j < size(); j++) s += weight(j);
        return s;
    }

    /**
     * All iso-energy lines at E for every band, found by scanning N rays from the centre out to kMax with nScan steps
     * and refining each sign change (Illinois regula falsi to machine precision). Throws a {@link DiffusonException} if E
     * sits at a band edge (a line collapsing to a point or touching tangentially: the DOS and the Boltzmann expansion
     * are singular there) or if a line is not star-shaped about the centre.
     */
    public static List<FermiContour> find(BerryBands work, double energy, double centerX, double centerY, double kMax, int nTheta, int nScan) {
        DiffusonException.requireFinite("energy", energy);
        DiffusonException.requirePositive("kMax", kMax);
        if (nTheta < 4) throw new DiffusonException("angles", "need at least 4 angles, got " + nTheta, "use 32–128");
        int n = work.dim();
        double[] e = new double[n], prev = new double[n];
        // Energy scale, for relative tolerances.
        work.energies(centerX, centerY, e);
        double scale = Math.abs(energy);
        for (double v : e) scale = Math.max(scale, Math.abs(v));
        work.energies(centerX + kMax, centerY, prev);
        for (double v : prev) scale = Math.max(scale, Math.abs(v));
        for (int m = 0; m < n; m++)
            if (Math.abs(e[m] - energy) <= 1e-12 * scale)
                throw bandEdge(energy, m, centerX, centerY, "the band has an extremum (or a degeneracy) exactly at ε = " + e[m] + " at the centre");
        int[][] counts = new int[n][nTheta];
        double[][][] rootR = new double[n][nTheta][];
        for (int j = 0; j < nTheta; j++) {
            double th = 2 * Math.PI * j / nTheta, c = Math.cos(th), s = Math.sin(th);
            double[] buf = new double[n * 4];
            int[] cnt = new int[n];
            double[][] found = new double[n][4];
            work.energies(centerX, centerY, prev);
            double rPrev = 0;
            for (int i = 1; i <= nScan; i++) {
                double r = kMax * i / nScan;
                work.energies(centerX + r * c, centerY + r * s, e);
                for (int m = 0; m < n; m++) {
                    double f0 = prev[m] - energy, f1 = e[m] - energy;
                    if ((f0 < 0 && f1 >= 0) || (f0 > 0 && f1 <= 0)) {
                        double root = refine(work, m, energy, centerX, centerY, c, s, rPrev, r, f0, f1, buf);
                        if (cnt[m] == found[m].length) found[m] = java.util.Arrays.copyOf(found[m], 2 * cnt[m]);
                        found[m][cnt[m]++] = root;
                    }
                }
                System.arraycopy(e, 0, prev, 0, n);
                rPrev = r;
            }
            for (int m = 0; m < n; m++) {
                counts[m][j] = cnt[m];
                rootR[m][j] = java.util.Arrays.copyOf(found[m], cnt[m]);
            }
        }
        List<FermiContour> out = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            int c0 = counts[m][0];
            for (int j = 1; j < nTheta; j++)
                if (counts[m][j] != c0)
                    throw new DiffusonException("center", "the ε = " + energy + " line of band " + m + " crosses ray " + j + " " + counts[m][j]
                            + " times but ray 0 " + c0 + " times: it is not star-shaped about (" + centerX + ", " + centerY + ") within kMax = " + kMax,
                            "move the centre inside the pocket, increase kMax, or refine the scan");
            for (int q = 0; q < c0; q++) {
                double[] rad = new double[nTheta], slope = new double[nTheta];
                for (int j = 0; j < nTheta; j++) {
                    double th = 2 * Math.PI * j / nTheta, c = Math.cos(th), s = Math.sin(th);
                    double r = rootR[m][j][q];
                    work.at(centerX + r * c, centerY + r * s);
                    double sl = c * work.velocity(0, m) + s * work.velocity(1, m);
                    if (r <= 1e-9 * kMax || Math.abs(sl) * r <= 1e-9 * scale)
                        throw bandEdge(energy, m, centerX + r * c, centerY + r * s,
                                "the line collapses or touches tangentially (r = " + r + ", ∂_r ε = " + sl + ")");
                    rad[j] = r;
                    slope[j] = sl;
                }
                out.add(new FermiContour(m, energy, centerX, centerY, rad, slope));
            }
        }
        return out;
    }

    private static DiffusonException bandEdge(double energy, int band, double kx, double ky, String why) {
        return new DiffusonException("fermiEnergy", "ε = " + energy + " is at a band edge of band " + band + " near k = (" + kx + ", " + ky + "): " + why,
                "the density of states and the ħ/(ε_F τ) expansion are singular at a band edge; move ε_F into the band by many ħ/τ");
    }

    private static double refine(BerryBands w, int m, double energy, double cx, double cy, double c, double s,
                                 double a, double b, double fa, double fb, double[] buf) {
        if (fb == 0) return b;
        int side = 0;
        for (int it = 0; it < 200; it++) {
            double x = (a * fb - b * fa) / (fb - fa);
            if (!(x > a && x < b)) x = 0.5 * (a + b);
            w.energies(cx + x * c, cy + x * s, buf);
            double fx = buf[m] - energy;
            if (fx == 0) return x;
            if ((fx < 0) == (fa < 0)) {
                a = x; fa = fx;
                if (side == -1) fb *= 0.5;
                side = -1;
            } else {
                b = x; fb = fx;
                if (side == 1) fa *= 0.5;
                side = 1;
            }
            if (b - a <= 4e-16 * b) break;
        }
        return (a * fb - b * fa) / (fb - fa);
    }
}
