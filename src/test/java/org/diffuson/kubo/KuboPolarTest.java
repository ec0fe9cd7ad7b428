package org.diffuson.kubo;

import org.diffuson.integrate.GridOptions;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The symmetry-reduced Kubo sums (velocity vertices of a rotation-covariant model, angular averages from the k_x axis)
 * against the same sums over every point of the same radial nodes × 16 angles (no symmetry used): two methods, one
 * grid. The 16-point angular rule is exact for the |m| ≤ 3 harmonics of these integrands, so they agree to rounding;
 * tolerance 1e-11 relative to the largest term.
 */
class KuboPolarTest {
    static void compare(Ladder polar, Ladder points, String what) {
        Kubo kp = new Kubo(polar), kf = new Kubo(points);
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++) {
                KuboResult p = kp.conductivity(a, b), f = kf.conductivity(a, b);
                double scale = Math.max(1e-3, Math.max(Math.abs(f.bareRA()), Math.abs(f.bareRR())));
                String at = what + " σ_" + "xy".charAt(a) + "xy".charAt(b);
                assertEquals(f.bareRA(), p.bareRA(), 1e-11 * scale, at + " RA bare");
                assertEquals(f.vertexRA(), p.vertexRA(), 1e-11 * scale, at + " RA vertex");
                assertEquals(f.bareRR(), p.bareRR(), 1e-11 * scale, at + " RR bare");
                assertEquals(f.vertexRR(), p.vertexRR(), 1e-11 * scale, at + " RR vertex");
                CMatrix dp = p.dressing(), df = f.dressing();
                assertEquals(0, dp.minus(df).normMax(), 1e-11 * Math.max(1e-3, df.normMax()), at + " dressing");
            }
    }

    /** The sea term: polar on the sea grid against every point of the sea grid × 16 angles. */
    static void compareSea(Ladder polar, String what) {
        Kubo kp = new Kubo(polar);
        Ladder points = Ladder.fixed(polar.model(), polar.energy(), polar.scbaResult().sigma(), polar.selfEnergy().name(), kp.seaGrid().toPointGrid(16));
        Kubo kf = new Kubo(points.withSelfEnergy(polar.selfEnergy()));
        for (int a = 0; a < 2; a++)
            for (int b = 1 - a; b < 2; b += 2) { // σ_xy and σ_yx (the diagonal sea terms vanish identically)
                double p = kp.sea(Vertex.velocity(polar.model().hamiltonian(), a), Vertex.velocity(polar.model().hamiltonian(), b));
                double f = kf.sea(Vertex.velocity(polar.model().hamiltonian(), a), Vertex.velocity(polar.model().hamiltonian(), b));
                assertEquals(f, p, 1e-11 * Math.max(1e-2, Math.abs(f)), what + " sea σ_" + "xy".charAt(a) + "xy".charAt(b));
            }
    }

    @Test
    void diracWithBornMatrixAndRashbaWithScba() {
        Model dirac = KuboDiracTest.dirac(0.4, 0.05, 40);
        GridOptions opts = new GridOptions(8, 8, 16, 16);
        Ladder ld = Ladder.fixed(dirac, 1.0, KuboDiracTest.bornMatrix(1.0, 0.4, 0.05), "Born matrix", opts);
        compare(ld, Ladder.fixed(dirac, 1.0, ld.scbaResult().sigma(), "Born matrix", ld.grid().toPointGrid(16)), "Dirac");
        Model rashba = Preset.COPT.with("gamma", 0.05).build();
        Ladder lr = Ladder.scba(rashba, 0.7, opts, org.diffuson.green.ScbaOptions.defaults());
        compare(lr, Ladder.fixed(rashba, 0.7, lr.scbaResult().sigma(), "SCBA Σ(E)", lr.grid().toPointGrid(16)), "CoPt");
        // the sea's y rule follows the grid's nodes per panel (16 on a point grid): compare on 16-node grids
        GridOptions sea = new GridOptions(16, 8, 16, 16);
        compareSea(Ladder.fixed(dirac, 1.0, KuboDiracTest.bornMatrix(1.0, 0.4, 0.05), "Born matrix", sea), "Dirac");
        compareSea(Ladder.scba(rashba, 0.7, sea, org.diffuson.green.ScbaOptions.defaults()), "CoPt SCBA");
    }

    /**
     * The RA Fermi-surface term of a builder model (n = 2, velocities polynomial on the axis) runs on the moments of
     * G^R ⊗ G^A and takes the q = 0 bubble from them: against every point of the same radial nodes × 16 angles (the
     * generic sums and the ladder's own bubble), for a k-independent velocity (Dirac, moments s = 0) and a linear one
     * (CoPt, k²/2m + Rashba: s ≤ 2, with the SCBA zero mode deflated). Tolerance 1e-11 relative, as above.
     */
    @Test
    void fermiSurfaceFromMomentsEqualsThePointSums() {
        GridOptions opts = new GridOptions(8, 8, 16, 16);
        Model dirac = Preset.COPT_TI.with("alpha", -1.0).with("bz", 0.3).with("gamma", 0.05).with("kc", 40.0).build();
        Ladder ld = Ladder.fixed(dirac, 1.0, org.diffuson.green.SelfEnergies.bornOnShell(dirac, 1.0), "on-shell Born", opts);
        Model rashba = Preset.COPT.with("gamma", 0.05).build();
        Ladder lr = Ladder.scba(rashba, 0.7, opts, org.diffuson.green.ScbaOptions.defaults());
        for (Ladder polar : new Ladder[]{ld, lr}) {
            Ladder points = Ladder.fixed(polar.model(), polar.energy(), polar.scbaResult().sigma(), "Σ", polar.grid().toPointGrid(16));
            Kubo kp = new Kubo(polar), kf = new Kubo(points.withSelfEnergy(polar.selfEnergy()));
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++) {
                    KuboResult p = kp.fermiSurface(a, b), f = kf.fermiSurface(a, b);
                    double scale = Math.max(1e-3, Math.abs(f.bareRA()));
                    String at = polar.model().name() + " σ_" + "xy".charAt(a) + "xy".charAt(b);
                    assertEquals(f.bareRA(), p.bareRA(), 1e-11 * scale, at + " RA bare");
                    assertEquals(f.vertexRA(), p.vertexRA(), 1e-11 * scale, at + " RA vertex");
                    assertEquals(0, p.dressing().minus(f.dressing()).normMax(), 1e-11 * Math.max(1e-3, f.dressing().normMax()), at + " dressing");
                }
        }
    }

    @Test
    void fermiSurfaceOnlySkipsTheRrTerm() {
        Ladder l = Ladder.fixed(KuboDiracTest.dirac(0.4, 0.05, 40), 1.0, KuboDiracTest.bornMatrix(1.0, 0.4, 0.05), "Born", new GridOptions(8, 8, 16, 16));
        Kubo k = new Kubo(l);
        KuboResult fs = k.fermiSurface(1, 0), all = k.conductivity(1, 0);
        assertEquals(all.fermiSurface(), fs.fermiSurface(), 1e-15);
        assertFalse(fs.rrComputed());
        org.diffuson.DiffusonException e = assertThrows(org.diffuson.DiffusonException.class, fs::stredaI);
        assertEquals("terms", e.parameter());
    }
}
