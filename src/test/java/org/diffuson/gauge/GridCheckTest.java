package org.diffuson.gauge;

import org.diffuson.integrate.GridOptions;
import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.diffuson.gauge.SpinFlipLadderTest.report;

/** The density channel on the library's k-grid engine (SCBA + Bubble over the whole parabolic band) vs the Fermi-surface ladder. */
class GridCheckTest {
    static GridCheck grid;

    @BeforeAll
    static void build() {
        long t0 = System.nanoTime();
        grid = GridCheck.scba(SdFerromagnet.setR(), 100, GridOptions.defaults());
        System.out.printf("[gauge-oracle] grid SCBA build %.0f ms on %s%n", (System.nanoTime() - t0) / 1e6, grid.ladder().grid());
    }

    @Test
    void wardIdentityWithScba() {
        CMatrix a = grid.oneMinusWPi(new double[]{0}, 0);
        double det = a.determinant().norm();
        report("grid SCBA: |det(1 − WΠ)(0,0)| (Ward, Γ̃Π = 1)", det, 1e-10);
    }

    @Test
    void scbaRatesMatchBornToOrderGammaOverEf() {
        SdFerromagnet r = SdFerromagnet.setR();
        for (int s = 0; s < 2; s++) {
            double rel = Math.abs(grid.broadening(s) / r.broadening(s) - 1);
            // full band with cutoff Λ = 100 ε_F: the SCBA differs from the Born Fermi-surface rate by O(γ/√(ε_FΛ)) and Re Σ shifts ε_Fσ
            report("grid SCBA γ_" + SdFerromagnet.arrow(s) + " vs Born π(Γ̃1ν + Γ̃2ν̄)", rel, 3e-2);
        }
        report("grid ν₊ vs m(k_F↑+k_F↓)/2π²", Math.abs(grid.nuPlus() / r.nuPlus() - 1), 3e-2);
    }

    /** Charge conservation at q = 0 (Ward): K^cc_00(0, ω) = 0 with Σ at ε and ε + ω; a constant lifetime breaks it ∝ ω. */
    @Test
    void gaugeInvarianceNeedsSigmaAtBothEnergies() {
        double w = 1e-6;
        Complex[] ok = grid.densityKernels(new double[]{0}, w);
        Complex[] bad = grid.constantLifetime().densityKernels(new double[]{0}, w);
        double rOk = ok[0].norm() / grid.nuPlus(), rBad = bad[0].norm() / grid.nuPlus();
        report("grid K^cc_00(q=0, ω=1e-6)/ν₊, SCBA at ε and ε+ω", rOk, 1e-6);
        System.out.printf("[gauge-oracle] grid K^cc_00(q=0, ω=1e-6)/ν₊ with constant lifetime: %.3e (violated)%n", rBad);
        org.junit.jupiter.api.Assertions.assertTrue(rBad > 100 * rOk);
    }

    /** Finite (q, ω): the grid ladder's K^cc_00 against the Fermi-surface ladder (same physics, different band model). */
    @Test
    void densityKernelAgainstFermiSurfaceLadder() {
        double q = 1e-4, w = 1e-6;
        Complex[] g = grid.densityKernels(new double[]{q}, w);
        GaugeKernels k = new SpinFlipLadder(SdFerromagnet.setR()).at(new double[]{q}, w);
        double rc = g[0].subtract(k.kcc().get(0, 0)).norm() / k.kcc().get(0, 0).norm();
        double rs = g[1].subtract(k.ksc().get(0, 0)).norm() / k.ksc().get(0, 0).norm();
        report("grid vs Fermi-surface ladder K^cc_00 at set R, q=1e-4, ω=1e-6", rc, 3e-2);
        report("grid vs Fermi-surface ladder K^sc_00", rs, 1e-1);
    }
}
