package org.diffuson.integrate;

import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.model.Hamiltonian;

import java.util.ArrayList;
import java.util.List;

/**
 * Fermi momenta along the k_x axis: the |k| ∈ (0, k_c) where a band of H(k) + S crosses the energy E (S a Hermitian
 * shift, e.g. Re Σ). Found by scanning the bands on a fine grid and bisecting each sign change; the band velocity
 * |∂_k E_b| is returned too, for quadrature refinement around the poles.
 */
public final class FermiMomenta {
    private FermiMomenta() {}

    /** A crossing: momentum, band index, |∂E/∂k| there. */
    public record Crossing(double k, int band, double velocity) {}

    public static List<Crossing> find(Hamiltonian h, CMatrix shift, double energy, double cutoff) {
        int scan = 1500;
        int nb = h.dim();
        double[] prev = bands(h, shift, cutoff * 1e-9);
        List<Crossing> out = new ArrayList<>();
        double kPrev = cutoff * 1e-9;
        for (int i = 1; i <= scan; i++) {
            double k = cutoff * i / scan;
            double[] cur = bands(h, shift, k);
            for (int b = 0; b < nb; b++) {
                double f0 = prev[b] - energy, f1 = cur[b] - energy;
                if (f0 == 0 || f0 * f1 < 0) {
                    double lo = kPrev, hi = k;
                    for (int it = 0; it < 80 && hi - lo > 1e-15 * cutoff; it++) {
                        double mid = 0.5 * (lo + hi);
                        double fm = bands(h, shift, mid)[b] - energy;
                        if ((fm < 0) == (f0 < 0)) lo = mid;
                        else hi = mid;
                    }
                    double kf = 0.5 * (lo + hi), dk = 1e-6 * Math.max(kf, 1e-3 * cutoff);
                    double v = Math.abs(bands(h, shift, kf + dk)[b] - bands(h, shift, Math.max(kf - dk, 0))[b]) / (kf + dk - Math.max(kf - dk, 0));
                    out.add(new Crossing(kf, b, v));
                }
            }
            prev = cur;
            kPrev = k;
        }
        return out;
    }

    private static double[] bands(Hamiltonian h, CMatrix shift, double k) {
        CMatrix m = h.at(k, 0, 0);
        if (shift != null) m = m.plus(shift);
        return Eigen.hermitian(m).values();
    }
}
