package org.diffuson.compare;

import org.diffuson.green.SelfEnergies;
import org.diffuson.kubo.Kubo;
import org.diffuson.kubo.KuboResult;
import org.diffuson.kubo.Vertex;
import org.diffuson.DiffusonException;
import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The family-tree check of seed 002 (Sec. V, Fig. 1) as a feature: Kubo ladder (extrapolated in u₀² ∝ 1/(ε_Fτ)) against Boltzmann,
 * on the massive Dirac model (seed 002 Eqs. 74–86 and docs/equations.md closed forms are the independent oracle for both sides).
 */
class AgreementTest {
    static double total(double xi) { return 4 * xi * (1 + xi * xi) / Math.pow(1 + 3 * xi * xi, 2); }

    static Agreement.Builder dirac(double xi, double kc) {
        // H = v_F(k_xσ_y − k_yσ_x) + Mσ_z is COPT_TI with α = −1 (see KuboDiracTest); ε_F = 1 so ξ = M
        return Agreement.builder(u -> Preset.COPT_TI.with("alpha", -1.0).with("bz", xi).with("gamma", u).with("kc", kc).build())
                .fermiEnergy(1.0).boltzmann(b -> b.kMax(4).angles(32));
    }

    @Test
    void onShellBornIsThePapersBornMatrix() {
        // Σ^R = −(i/2τ)(σ₀ + ξσ_z), 1/τ = πu₀²ρ(ε_F), ρ = ε_F/2π (seed 002 Eqs. 68–76). Tolerance 1e-9 relative: the Fermi
        // momentum is bisected to rounding, the velocity is a central difference with relative step 1e-6 (error ~1e-12).
        for (double xi : new double[]{0.2, 0.7}) {
            var m = Preset.COPT_TI.with("alpha", -1.0).with("bz", xi).with("gamma", 0.05).with("kc", 40.0).build();
            var born = SelfEnergies.bornOnShell(m, 1.0);
            assertEquals(0, born.minus(org.diffuson.kubo.KuboDiracTest.bornMatrix(1.0, xi, 0.05)).normMax(), 1e-9 * 0.05);
        }
        // parabolic band: −i/2τ with 1/τ = 2πνγ = mγ (the Drude model, not in seed 000)
        var d = Preset.DRUDE.with("m", 1.0).with("gamma", 0.02).build();
        assertEquals(-0.01, SelfEnergies.bornOnShell(d, 1.0).im(0, 0), 1e-12);
        assertEquals(0, SelfEnergies.bornOnShell(d, 1.0).re(0, 0), 1e-15);
    }

    @Test
    void diracFermiSurfaceRichardsonAllThreeRows() {
        // seed 002 Eqs. 74–86 and docs/equations.md: RA-only Richardson from u0² = 0.05, 0.025 (ε_Fτ = 40, 80) gives 0.66311, 0.8472, 0.68375 against
        // the totals 0.663265, 0.847334, 0.683834: within 3e-4 (the residual O(1/(ε_Fτ)²) of the linear extrapolation).
        for (double xi : new double[]{0.2, 0.4, 0.7}) {
            AgreementResult r = dirac(xi, 40).disorders(0.05, 0.025, 0.0125).terms(Agreement.Terms.FERMI_SURFACE).build().run();
            System.out.println(r.table().print());
            assertEquals(Agreement.SelfEnergy.BORN_ON_SHELL, r.selfEnergy());
            assertEquals("on-shell Born", r.selfEnergyName());
            // Boltzmann side: closed form to 1e-9 (its own oracle test, repeated here as the reference of the table)
            assertEquals(total(xi), r.boltzmannYx(), 1e-9);
            double d = 1 + 3 * xi * xi;
            assertEquals(2 * (1 - xi * xi) / d, r.boltzmannXxU0sq(), 1e-9);
            assertEquals(total(xi), r.kuboYxLinear(), 3e-4, "ξ=" + xi);
            assertEquals(0, r.table().doubleColumn("sigma_yx").get(r.disorders().length + 3) - (r.kuboYxLinear() - r.boltzmannYx()), 0);
            // quadratic 3-point extrapolation from 0.0125, 0.025, 0.05 removes the O(u0⁴) term: measured ≤ 7e-6,
            // tolerance 2e-5 (the remaining O(u0⁶) and k-grid error)
            assertEquals(total(xi), r.kuboYxQuadratic(), 2e-5, "quadratic ξ=" + xi);
            assertEquals(r.boltzmannXxU0sq(), r.kuboXxQuadratic(), 2e-5 * r.boltzmannXxU0sq(), "quadratic σ_xx ξ=" + xi);
            // σ_xx·u0² → Boltzmann 2(1−ξ²)/(1+3ξ²) (seed 002 Eqs. 74–86 and docs/equations.md last row): linear extrapolation within 1e-3 relative
            assertEquals(r.boltzmannXxU0sq(), r.kuboXxLinear(), 1e-3 * r.boltzmannXxU0sq(), "σ_xx ξ=" + xi);
        }
    }

    @Test
    void diracXxRatiosMatchTheReferenceRows() {
        // seed 002 Eqs. 74–86 and docs/equations.md: σ_xx/σ_Boltzmann = 0.96506, 0.98263 at u0² = 0.1, 0.05 (RA only, M = 0.4, cutoff 40), 5 digits
        AgreementResult r = dirac(0.4, 40).disorders(0.1, 0.05).terms(Agreement.Terms.FERMI_SURFACE).build().run();
        double[] x = r.kuboXxU0sq();
        assertEquals(0.98263, x[0] / r.boltzmannXxU0sq(), 1e-5);
        assertEquals(0.96506, x[1] / r.boltzmannXxU0sq(), 1e-5);
    }

    @Test
    void diracFullResponseAtLargeCutoff() {
        // Full Kubo–Středa (RA − RR + sea) at cutoff 400: the limit ε_Fτ → ∞ leaves the sea's cutoff term −M/(2λ_Λ)
        // (seed 002 Eqs. 74–86 and docs/equations.md) = −5e-4; the tolerance 1e-3 covers it plus the linear-extrapolation residual (~1e-4).
        AgreementResult r = dirac(0.4, 400).disorders(0.05, 0.025).build().run();
        System.out.println(r.table().print());
        assertEquals(total(0.4) - 0.4 / (2 * Math.hypot(400, 0.4)), r.kuboYxLinear(), 3e-4);
        assertEquals(total(0.4), r.kuboYxLinear(), 1e-3);
    }

    @Test
    void scbaOptionIsReported() {
        // conserving SCBA (Re Σ kept: it shifts M and ε_F by O(u0² ln k_c), so the linear term is large and the
        // quadratic extrapolation from 3 disorders is the one to use)
        AgreementResult r = dirac(0.4, 40).disorders(0.025, 0.0125, 0.00625).selfEnergy(Agreement.SelfEnergy.SCBA)
                .terms(Agreement.Terms.FERMI_SURFACE).build().run();
        System.out.println(r.table().print());
        assertEquals("SCBA", r.selfEnergyName());
        // measured residual 7e-6 (σ_yx), 4e-6 relative (σ_xx·u0²); tolerance 3e-5 for the O(u0⁶) remainder
        assertEquals(total(0.4), r.kuboYxQuadratic(), 3e-5);
        assertEquals(r.boltzmannXxU0sq(), r.kuboXxQuadratic(), 3e-5 * r.boltzmannXxU0sq());
    }

    @Test
    void badInput() {
        assertThrows(DiffusonException.class, () -> dirac(0.4, 40).disorders(0.05).build());
        assertThrows(DiffusonException.class, () -> dirac(0.4, 40).disorders(0.05, 0.05).build());
        assertThrows(DiffusonException.class, () -> dirac(0.4, 40).disorders(0.05, -1).build());
        assertThrows(DiffusonException.class, () -> Agreement.builder(u -> Preset.COPT_TI.build()).disorders(0.1, 0.2).build());
        // a model whose disorder is not Γ = u0²·1 (here: magnetic disorder added) is refused
        DiffusonException e = assertThrows(DiffusonException.class, () -> Agreement.builder(u -> Preset.COPT_TI.with("gamma", u).with("magnetic", 0.01).build())
                .fermiEnergy(1).disorders(0.1, 0.2).build().run());
        assertEquals("model", e.parameter());
        assertThrows(DiffusonException.class, () -> Agreement.quadratic(new double[]{1, 2}, new double[]{1, 2}));
    }
}
