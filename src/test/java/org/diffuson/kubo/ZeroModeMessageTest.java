package org.diffuson.kubo;

import org.diffuson.DiffusonException;
import org.diffuson.green.ScbaOptions;
import org.diffuson.integrate.BrillouinZone;
import org.diffuson.ladder.Ladder;
import org.diffuson.model.Disorder;
import org.diffuson.model.Model;
import org.diffuson.model.QwzModel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 item 5: the velocity vertex of a metallic lattice model (QWZ, m = 1, ε_F = 1.2, SCBA with u0² = 0.05) on a
 * coarse, off-centre (not inversion-symmetric) Brillouin-zone mesh overlaps the ladder's conserved mode only through
 * quadrature error. The refusal must say that the grid does not resolve the Fermi surface and how to refine it; on
 * refinement the overlap falls (measured 5.7e-1, 2.5e-1, 1.5e-2, 1.3e-4, 5.9e-7 at N = 8 … 128) and the result
 * agrees with the inversion-symmetric mesh.
 */
class ZeroModeMessageTest {

    private static KuboResult sigmaXx(int n, double shift) {
        QwzModel h = new QwzModel(1.0);
        Model model = Model.of("qwz", h, Disorder.scalar(2, 0.05), 2 * Math.PI * Math.sqrt(2) + 1e-9, Map.of());
        Ladder l = Ladder.scba(model, 1.2, LatticeKuboTest.grid(BrillouinZone.uniform(h, n, n, shift)), ScbaOptions.defaults());
        return new Kubo(l).conductivity(0, 0);
    }

    @Test
    void coarseLatticeGridIsReportedAsUnresolvedFermiSurface() {
        DiffusonException e = assertThrows(DiffusonException.class, () -> sigmaXx(16, 0.25));
        System.out.println(e.getMessage());
        assertEquals("grid", e.parameter());
        assertTrue(e.getMessage().contains("does not resolve the Fermi surface"), e.getMessage());
        assertTrue(e.getMessage().contains("256-point k-grid"), e.getMessage());
        assertTrue(e.hint().contains("refine the k-grid") && e.hint().contains("BrillouinZone.uniform"), e.hint());

        // refined as the hint says: accepted, and equal to the inversion-symmetric mesh's value (different nodes;
        // measured 7.664342 vs 7.664274, 9e-6 relative; tolerance 1e-4 relative)
        KuboResult fine = sigmaXx(128, 0.25), symmetric = sigmaXx(128, 0.5);
        assertTrue(fine.zeroModeOverlap() < 1e-6, "overlap " + fine.zeroModeOverlap());
        assertEquals(symmetric.total(), fine.total(), 1e-4 * symmetric.total());
    }
}
