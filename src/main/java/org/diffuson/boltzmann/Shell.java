package org.diffuson.boltzmann;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.BerryBands;
import org.diffuson.integrate.FermiContour;
import org.diffuson.linalg.ZOps;

import java.util.List;

/**
 * All iso-energy lines at one energy E, flattened into points p with their band data: band b_p, weight w_p,
 * energies, eigenvectors, group velocity, R′ and (per spin operator) the band-basis spin s and its dressing 𝒯.
 * Package-private storage for {@link BoltzmannSolver}; complex n×n blocks are interleaved at p·2n².
 */
final class Shell {
    final double energy;
    final List<FermiContour> contours;
    final int size, n, blk;
    final int[] band, contour, ray, contourStart;
    final double[] w, theta, kx, ky, gvx, gvy, eps, u, rx, ry;
    final double[][] sb, tb;

    Shell(BerryBands work, double energy, List<FermiContour> contours, double[][] spin) {
        this.energy = energy;
        this.contours = contours;
        this.n = work.dim();
        this.blk = 2 * n * n;
        int total = 0;
        contourStart = new int[contours.size() + 1];
        for (int c = 0; c < contours.size(); c++) {
            contourStart[c] = total;
            total += contours.get(c).size();
        }
        contourStart[contours.size()] = total;
        size = total;
        band = new int[size];
        contour = new int[size];
        ray = new int[size];
        w = new double[size];
        theta = new double[size];
        kx = new double[size];
        ky = new double[size];
        gvx = new double[size];
        gvy = new double[size];
        eps = new double[size * n];
        u = new double[size * blk];
        rx = new double[size * blk];
        ry = new double[size * blk];
        sb = new double[spin.length][size * blk];
        tb = new double[spin.length][size * blk];
        double[] tmp = new double[blk];
        int p = 0;
        for (int c = 0; c < contours.size(); c++) {
            FermiContour fc = contours.get(c);
            for (int j = 0; j < fc.size(); j++, p++) {
                band[p] = fc.band();
                contour[p] = c;
                ray[p] = j;
                w[p] = fc.weight(j);
                theta[p] = fc.theta(j);
                kx[p] = fc.kx(j);
                ky[p] = fc.ky(j);
                work.at(kx[p], ky[p]);
                double scale = Math.max(Math.abs(work.eps[0]), Math.abs(work.eps[n - 1]));
                if (n > 1 && work.minGap() <= 1e-9 * Math.max(scale, Math.abs(energy)))
                    throw new DiffusonException("fermiEnergy", "bands are degenerate (gap " + work.minGap() + ") on the ε = " + energy
                            + " line of band " + fc.band() + " at k = (" + kx[p] + ", " + ky[p] + "); R′ ∝ 1/(ε_m − ε_n) diverges",
                            "the kinetic equation assumes non-degenerate bands: open a gap (e.g. M ≠ 0) or move ε_F away from the crossing");
                gvx[p] = work.velocity(0, band[p]);
                gvy[p] = work.velocity(1, band[p]);
                System.arraycopy(work.eps, 0, eps, p * n, n);
                System.arraycopy(work.u, 0, u, p * blk, blk);
                work.connection(rx, ry, p * blk);
                for (int i = 0; i < spin.length; i++) {
                    work.toBandBasis(spin[i], tmp);
                    System.arraycopy(tmp, 0, sb[i], p * blk, blk);
                    work.dress(tmp, tb[i], p * blk);
                }
            }
        }
    }

    /** Overlaps W_{ab}(p, q) = ⟨u^a_p|u^b_q⟩ for p ∈ a, q ∈ b, at [(p·B.size + q)·2n² + 2(a n + b)]. */
    static double[] overlaps(Shell a, Shell b) {
        int n = a.n, blk = a.blk;
        double[] out = new double[a.size * b.size * blk];
        for (int p = 0; p < a.size; p++)
            for (int q = 0; q < b.size; q++) ZOps.multAdjoint(a.u, p * blk, b.u, q * blk, n, n, n, out, (p * b.size + q) * blk);
        return out;
    }

    /** Index of the point of contour c on ray j. */
    int point(int c, int j) { return contourStart[c] + j; }
}
