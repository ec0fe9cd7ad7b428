package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.linalg.CMatrix;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Seed 000 oracles 7 (Drude diffusion, D = v_F²τ/2) and 9 (Rashba, Dyakonov–Perel), and the pole finder (Eqs. 8–10, Sec. I.F). */
class DiffusionTest {
    /** Z = 1 − ∂Re Σ₁/∂E from the SCBA at E ± h (independent of the ladder). */
    static double zFactor(Ladder l, double e) {
        double h = 1e-3;
        double sp = l.sigma(Energy.retarded(e + h)).trace().getReal(), sm = l.sigma(Energy.retarded(e - h)).trace().getReal();
        return 1 - (sp - sm) / (2 * h * l.model().dim());
    }

    @Test
    void drudeDiffusionConstantIsVf2TauOver2In2d() {
        double ef = 10;
        for (double tauIn : new double[]{2, 5, 20}) {
            Model m = Preset.DRUDE.with("gamma", 1 / tauIn).build();
            Ladder l = Ladder.scba(m, ef);
            DiffusionOperator d = l.diffusion();
            assertEquals(0, d.k0().matrix().normMax(), 1e-15, "K(0,0) = 0");
            double nu = 1 / (2 * Math.PI);
            // ∂_ωK = −i/(2πν)(1 + O(1/E_Fτ))
            Complex kw = d.kOmega().matrix().get(0, 0);
            assertEquals(0, kw.getReal(), 1e-6 / nu);
            assertEquals(-1 / (2 * Math.PI * nu), kw.getImaginary(), 2 / (ef * tauIn) / (2 * Math.PI * nu));
            assertEquals(0, d.diffusion()[0][0].matrix().get(0, 0).subtract(d.diffusion()[1][1].matrix().get(0, 0)).norm(), 1e-9 * d.diffusion()[0][0].matrix().normMax(), "D_xx = D_yy");
            assertEquals(0, d.diffusion()[0][1].matrix().get(0, 0).norm(), 1e-9 * d.diffusion()[0][0].matrix().normMax(), "D_xy = 0");
            double tau = l.scbaResult().tau(), reS = l.scbaResult().scalarPart().getReal();
            double vf = Math.sqrt(2 * (ef - reS));
            double z = zFactor(l, ef);
            double dNum = d.diffusion()[0][0].matrix().re(0, 0);
            // D = v_F²τ/(2Z): SCBA-renormalized τ, v_F and the quasiparticle weight Z = 1 − ∂ReΣ/∂E.
            // (Without Z the deviation is ∂ReΣ/∂E ≈ 3.5e-3 at τ = 5 — the 1e-4 target needs this factor.)
            assertEquals(vf * vf * tau / (2 * z), dNum, 2e-4 * dNum, "τ_in=" + tauIn);
            // against bare inputs: O(1/E_Fτ)
            assertEquals(2 * ef * tauIn / 2, dNum, 2.0 / (ef * tauIn) * dNum + 0.01 * dNum);
        }
    }

    @Test
    void drudeDiffusionConstantIsVf2TauOver3In3d() {
        double ef = 10, tauIn = 5;
        // 3D: 1/τ = 2πνγ with ν = m k_F/2π²
        double kf = Math.sqrt(2 * ef), nu = kf / (2 * Math.PI * Math.PI);
        Model m = Preset.DRUDE.with("d", 3.0).with("gamma", 1 / (2 * Math.PI * nu * tauIn)).with("cutoffEnergy", 60.0).build();
        Ladder l = Ladder.scba(m, ef, org.diffuson.integrate.GridOptions.defaults().withAngles3d(24, 8), org.diffuson.green.ScbaOptions.defaults());
        DiffusionOperator d = l.diffusion();
        double tau = l.scbaResult().tau(), vf = Math.sqrt(2 * (ef - l.scbaResult().scalarPart().getReal()));
        double dNum = d.diffusion()[2][2].matrix().re(0, 0);
        assertEquals(vf * vf * tau / (3 * zFactor(l, ef)), dNum, 2e-3 * dNum);
        assertEquals(dNum, d.diffusion()[0][0].matrix().re(0, 0), 1e-3 * dNum, "isotropic");
    }

    @Test
    void rashbaDyakonovPerelSpinRelaxation() {
        // 1 − I₀ = diag(0, Γ_s/2, Γ_s/2, Γ_s), Γ_s = (Ωτ)²/(1+(Ωτ)²), Ω = 2αk_F; relative error ≲ 1/(E_Fτ)
        double tau = 5, omegaTau = 2;
        for (double ef : new double[]{5, 20, 80}) {
            double kf = Math.sqrt(2 * ef), alpha = omegaTau / tau / (2 * kf);
            Model m = Preset.RASHBA.with("alpha", alpha).with("gamma", 1 / tau).with("cutoffEnergy", 10 * ef).build();
            CMatrix p = Ladder.scba(m, ef).atFermiLevel().oneMinusCollisionInBasis();
            double gs = omegaTau * omegaTau / (1 + omegaTau * omegaTau);
            double tol = 2 / (ef * tau);
            assertEquals(0, p.get(0, 0).norm(), 1e-12);
            assertEquals(gs / 2, p.re(1, 1), tol);
            assertEquals(gs / 2, p.re(2, 2), tol);
            assertEquals(gs, p.re(3, 3), tol);
            for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) if (i != j) assertEquals(0, p.get(i, j).norm(), 1e-15);
        }
    }

    @Test
    void dyakonovPerelRatesLinearisedPoleAndBnm() {
        // S_z rate·τ: correct linearized a/(1−a), exact pole (1 − √(1−4a))/2, BNM a/(1+a), a = (Ωτ)² (FS; within 2%)
        double tau = 5, omegaTau = 0.3, ef = 40, a = omegaTau * omegaTau;
        double kf = Math.sqrt(2 * ef), alpha = omegaTau / tau / (2 * kf);
        Model m = Preset.RASHBA.with("alpha", alpha).with("gamma", 1 / tau).with("cutoffEnergy", 400.0).build();
        Ladder l = Ladder.scba(m, ef);
        DiffusionOperator d = l.diffusion();
        double t = l.scbaResult().tau();
        double rz = d.relaxation().inStandardBasis().re(3, 3) * t, bz = d.bnmRelaxation().inStandardBasis().re(3, 3) * t;
        assertEquals(a / (1 - a), rz, 0.02 * a / (1 - a));
        assertEquals(a / (1 + a), bz, 0.02 * a / (1 + a));
        PoleFinder.Pole pole = PoleFinder.find(l, new double[]{0, 0}, new Complex(0, -rz / t));
        assertEquals((1 - Math.sqrt(1 - 4 * a)) / 2, -pole.omega().getImaginary() * t, 0.02 * a);
        assertEquals(0, d.zeroModeRate().norm(), 1e-12, "charge is conserved: R has an exact zero mode");
    }

    @Test
    void poleFinderGivesDiffusionConstant() {
        Model m = Preset.DRUDE.build();
        Ladder l = Ladder.scba(m, 10.0);
        DiffusionOperator d = l.diffusion();
        double dd = d.diffusion()[0][0].matrix().re(0, 0), q = 0.02 / l.meanFreePath();
        PoleFinder.Pole p = PoleFinder.find(l, new double[]{q, 0}, new Complex(0, -dd * q * q));
        assertEquals(dd, p.effectiveDiffusion().getReal(), 1e-3 * dd);
    }

    @Test
    void qBeyondDiffusiveRegimeIsRejected() {
        Ladder l = Ladder.scba(Preset.DRUDE.build(), 10.0);
        DiffusonException e = assertThrows(DiffusonException.class,
                () -> l.diffusion(DiffusionOperator.Options.defaults(l).withHq(1.0 / l.meanFreePath())));
        assertEquals("hq", e.parameter());
        assertTrue(e.getMessage().contains("diffusive"));
    }

    @Test
    void copTLinearizationShowsSpuriousModeAndConservesCharge() {
        // docs/equations.md, numerical notes: the CoPt example at E = 0 has an eigenvalue ≈ −1.44 + 1.35i of R (ballistic regime artefact)
        DiffusionOperator d = Ladder.scba(Preset.COPT.build(), 0.0).diffusion();
        Complex[] ev = d.relaxationRates();
        boolean found = false;
        for (Complex c : ev) found |= Math.abs(c.getReal() + 1.44) < 0.01 && Math.abs(Math.abs(c.getImaginary()) - 1.35) < 0.01;
        assertTrue(found, java.util.Arrays.toString(ev));
        assertEquals(0, d.zeroModeRate().norm(), 1e-12);
    }
}
