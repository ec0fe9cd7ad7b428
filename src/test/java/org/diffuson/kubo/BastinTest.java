package org.diffuson.kubo;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.BrillouinZone;
import org.diffuson.integrate.GridOptions;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Model;
import org.diffuson.model.QwzModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Bastin form (issue 4, build item 1) against the Středa form of {@link Kubo} without vertex corrections: the two are
 * algebraically equal for the same Σ (integration by parts in ε), so on one shared k-grid they differ only by the
 * real-energy quadrature of the Bastin integral. This also fixes the Bastin prefactor and sign in e²/h.
 */
class BastinTest {
    /** Bare Středa I + II on the same ladder: RA − RR bubbles without the ladder plus the sea term. */
    static double stredaBare(Ladder l, int a, int b) {
        KuboResult r = new Kubo(l).conductivityWithSea(a, b);
        return r.bareRA() - r.bareRR() + r.sea();
    }

    /** A grid as a point list: Kubo's sea and Fermi-surface sums and the Bastin sum then all use exactly these points. */
    static KGrid points(KGrid g) {
        int n = g.size();
        double[] kx = new double[n], ky = new double[n], kz = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) {
            kx[i] = g.kx(i);
            ky[i] = g.ky(i);
            kz[i] = g.kz(i);
            w[i] = g.weight(i);
        }
        return KGrid.ofPoints(g.spaceDim(), kx, ky, kz, w);
    }

    @Test
    void diracBastinEqualsBareStredaOnOneGrid() {
        // massive Dirac M = 0.4, cutoff 40, Σ = −0.1i: μ = 0 (gap, broadened) and μ = 1 (band). The per-k identity is
        // exact; the energy quadrature (panels 2η, 12 nodes: Lorentzians of width η to ~1e-9) is the only error.
        // Measured 2.6e-10 in band. Tolerance 1e-8.
        Model model = KuboDiracTest.dirac(0.4, 0.05, 40);
        CMatrix s = Pauli.S0.scale(0, -0.1);
        for (double mu : new double[]{0.0, 1.0}) {
            Ladder adaptive = Ladder.fixed(model, mu, s, "η=0.1", GridOptions.defaults());
            Ladder l = Ladder.fixed(model, mu, s, "η=0.1", points(new Kubo(adaptive).seaGrid()));
            BastinResult b = new Bastin(l).conductivity(1, 0);
            double st = stredaBare(l, 1, 0);
            System.out.printf("Dirac μ=%g shared grid: %s  Středa bare %.10f  diff %.2e%n", mu, b, st, b.value() - st);
            assertEquals(st, b.value(), 1e-8, "μ=" + mu);
            // on the default (radial) grids the Středa I sum uses the ladder grid, Bastin the sea grid (all ladder
            // breakpoints plus a grading to k = 0), so they agree only to the ladder grid's accuracy. In the band
            // (μ = 1) that is tolerance 1e-5. In the broadened gap (μ = 0, η = 0.1) the ladder grid, refined at the
            // poles of H + Re Σ (there are none), under-resolves the Středa I sum at small k: measured 1.7e-3 against
            // the sea-grid value, which is the one the shared-grid identity above confirms; not asserted here.
            BastinResult bd = new Bastin(adaptive).conductivity(1, 0);
            double sd = stredaBare(adaptive, 1, 0);
            System.out.printf("Dirac μ=%g default grids: Bastin %.10f Středa %.10f diff %.2e%n", mu, bd.value(), sd, bd.value() - sd);
            assertEquals(bd.value(), b.value(), 1e-8, "Bastin's default grid is the sea grid used above");
            if (mu > 0.4) assertEquals(sd, bd.value(), 1e-5, "default grids in the band, μ=" + mu);
        }
    }

    @Test
    void qwzBastinEqualsBareStreda() {
        // QWZ m = 1 on a 48² BZ mesh with Σ = −0.05i, μ = 0 (gap: ≈ −1 Chern plateau, broadened) and μ = 1.5 (metal).
        // Same identity, same quadrature bound; measured 3e-11 and 8e-11. Tolerance 1e-8.
        QwzModel h = new QwzModel(1.0);
        KGrid mesh = LatticeKuboTest.grid(BrillouinZone.uniform(h, 48, 48, 0.5));
        Model model = LatticeKuboTest.kubo(h, BrillouinZone.uniform(h, 48, 48, 0.5), 0).ladder().model();
        for (double mu : new double[]{0.0, 1.5}) {
            Ladder l = Ladder.fixed(model, mu, Pauli.S0.scale(0, -0.05), "η=0.05", mesh);
            BastinResult b = new Bastin(l).conductivity(1, 0);
            double st = stredaBare(l, 1, 0);
            System.out.printf("QWZ μ=%g: %s  Středa bare %.10f  diff %.2e%n", mu, b, st, b.value() - st);
            assertEquals(st, b.value(), 1e-8, "μ=" + mu);
            assertEquals(1, b.table().columnCount() - 1);
        }
    }

    @Test
    void tooSmallBroadeningIsRefused() {
        // η = 1e-6 over a band width ~80 would need ~4e7 panels
        Ladder l = Ladder.fixed(KuboDiracTest.dirac(0.4, 0.01, 40), 0.0, Pauli.S0.scale(0, -1e-6), "η=1e-6", GridOptions.defaults());
        DiffusonException e = assertThrows(DiffusonException.class, () -> new Bastin(l).conductivity(1, 0));
        assertEquals("sigma", e.parameter());
    }
}
