package org.diffuson.green;

import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The closed-form 2×2 band projector of the on-shell Born Σ, P_∓ = ½[1 ∓ (H − h̄)/r], against |b⟩⟨b| from the
 * eigenvectors (an independent method) on the k_x axis of three builder models, both bands; and the degenerate point
 * (r = 0), where it falls back to the eigenvectors. Tolerance 1e-13: both are exact to rounding for ‖H‖ ≲ 10.
 */
class BandProjectorTest {
    @Test
    void closedFormEqualsTheEigenvectors() {
        Hamiltonian[] hs = {
                Preset.COPT_TI.with("alpha", -1.0).with("bz", 0.3).build().hamiltonian(),
                Preset.COPT.build().hamiltonian(),
                Preset.DIRAC.with("M", -0.7).build().hamiltonian()};
        for (Hamiltonian h : hs)
            for (double k : new double[]{1e-3, 0.2, 0.9, 2.5, 7})
                for (int band = 0; band < 2; band++) {
                    CMatrix v = Eigen.hermitian(h.at(k, 0, 0)).vectors().column(band);
                    double[] want = v.times(v.dagger()).toArray(), got = SelfEnergies.bandProjector(h, k, band);
                    for (int i = 0; i < 8; i++) assertEquals(want[i], got[i], 1e-13, h + " k=" + k + " band " + band + " entry " + i);
                }
        // degenerate at k = 0 without a gap: the eigenvector branch (a projector of trace 1)
        Hamiltonian gapless = Preset.COPT_TI.with("bz", 0.0).build().hamiltonian();
        double[] p = SelfEnergies.bandProjector(gapless, 0, 0);
        assertEquals(1, p[0] + p[6], 1e-14);
    }
}
