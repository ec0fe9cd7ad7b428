package org.diffuson.ladder;

import org.diffuson.green.Energy;
import org.diffuson.green.SelfEnergyModel;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Seed 000 oracles 1–5 (docs/equations.md): the Ward–Takahashi identity (Eqs. 14–16, 154–156), its order-by-order failure, zero modes, Σ ∝ 1. */
class WardIdentityTest {
    static final Energy Z1 = Energy.complex(0.3, 0.05), Z2 = Energy.complex(0.3, -0.04);

    /**
     * R = Σ − Γ[Σ_k G(z, Σ)]: the SCBA fixed-point residual of the Σ the ladder actually uses at z, evaluated on the
     * ladder's own grid (the solver stops on the residual of its previous iterate, so this is not its stop criterion).
     */
    static CMatrix scbaResidual(Ladder l, Energy z) {
        CMatrix s = l.sigma(z);
        return s.minus(l.model().disorder().apply(l.resolvent().sum(z, s)));
    }

    /**
     * Rounding allowance of the three forms relative to their WardCheck scale: the RR and AA pairs cancel k-sums of
     * G^R G^R whose terms are much larger than their sum, so their rounding is a few 1e-12 of the scale (measured: at most
     * 3.0e-12, Drude RR at E = 10.01/10, where ‖R1 − R2‖ = 2.8e-17; on the other 29 pairs ≤ 2.9e-13). 1e-11 is the
     * bound the whole relative residual was held to before; it now covers rounding alone, and R is added as measured.
     */
    static final double ROUNDING = 1e-11;

    @Test
    void wardTakahashiIdentityHoldsOnTheGridWithScba() {
        // Propagation bound. For any Σ1, Σ2 on the grid the resolvent identity G1 − G2 = G1(ΔΣ − Δz)G2, summed over k
        // and hit by Γ, gives F(Σ1) − F(Σ2) = I[ΔΣ] − Δz·I[1] with F(Σ) = Γ[Σ_k G(Σ)], I = ΓΦ̄. So, exactly,
        //   (1 − I)[ΔΣ] + Δz·I[1] = R1 − R2,   K[ΔG] + Δz = R1 − R2   (K = Φ̄⁻¹ − Γ, ΔG = Φ̄[ΔΣ − Δz]),
        //   Tr(ΔG·K[ρ]) + Δz·Tr ρ = Tr((R1 − R2)ρ)   (Γ symmetric in the trace pairing),
        // with R_i = Σ_i − F(Σ_i) the SCBA residual actually reached at z_i (not the 1e-13 stop tolerance, which bounds
        // the step before). Each absolute residual is therefore ≤ ‖R1 − R2‖_max (ρ = E_ij picks one entry) plus the
        // rounding of its cancelling terms, ≤ ROUNDING·scale. The identity is the algebra; R and rounding are the only
        // slack, and the test would fail on a non-conserving Σ (see bornAndHandSetSigma…: relative > 1e-3).
        Model[] models = {Preset.COPT.build(), Preset.MINIMAL.build(), Preset.DRUDE.build(), Preset.RASHBA.build(),
                Preset.COPT.with("magnetic", 0.03).build(), Preset.COPT_TI.build()};
        double[] energies = {0.0, 0.3, 10.0, 2.0, 0.2, 1.0};
        double worst = 0;
        for (int i = 0; i < models.length; i++) {
            Ladder l = Ladder.scba(models[i], energies[i]);
            double e = energies[i];
            Energy[][] pairs = {{Energy.retarded(e), Energy.advanced(e)}, {Energy.retarded(e + 0.01), Energy.advanced(e)},
                    {Energy.retarded(e + 0.01), Energy.retarded(e)}, {Energy.advanced(e), Energy.advanced(e - 0.02)},
                    {Energy.complex(e, 0.05), Energy.complex(e + 0.1, -0.03)}};
            for (Energy[] p : pairs) {
                WardCheck w = l.ward(p[0], p[1]);
                double r = scbaResidual(l, p[0]).minus(scbaResidual(l, p[1])).normMax();
                double[][] forms = {{w.collisionForm(), w.collisionScale()}, {w.susceptibilityForm(), w.susceptibilityScale()},
                        {w.chargeForm(), w.chargeScale()}};
                for (double[] f : forms) {
                    double bound = r + ROUNDING * f[1];
                    assertTrue(f[0] <= bound, models[i].name() + ": " + w + String.format(" > ‖R1 − R2‖ %.3e + rounding %.3e", r, ROUNDING * f[1]));
                    worst = Math.max(worst, f[0] / bound);
                }
            }
        }
        System.out.printf("Ward identity: largest residual / (‖R1 − R2‖ + rounding allowance) = %.3f%n", worst);
    }

    @Test
    void wardResidualIsTheScbaResidualDifference() {
        // the propagation bound above is sharp: with the SCBA stopped early (tolerance 1e-9, minimal model, E = 0.3)
        // the collision-form residual is ‖R1 − R2‖ (1.4e-10, over 10× the rounding allowance) to within that allowance,
        // so the residual of the identity is the SCBA's own, not an error of the ladder
        Ladder l = Ladder.scba(Preset.MINIMAL.build(), 0.3, org.diffuson.integrate.GridOptions.defaults(),
                org.diffuson.green.ScbaOptions.defaults().withTolerance(1e-9));
        for (Energy[] p : new Energy[][]{{Energy.retarded(0.31), Energy.retarded(0.3)}, {Energy.retarded(0.31), Energy.advanced(0.3)}}) {
            WardCheck w = l.ward(p[0], p[1]);
            CMatrix r = scbaResidual(l, p[0]).minus(scbaResidual(l, p[1]));
            assertTrue(r.normMax() > 10 * ROUNDING * w.collisionScale(), "the early stop must dominate rounding: " + r.normMax());
            System.out.printf("early-stopped SCBA %s/%s: ‖R1 − R2‖ = %.4e, collision-form residual %.4e, difference %.2e (allowance %.2e)%n",
                    p[0], p[1], r.normMax(), w.collisionForm(), Math.abs(r.normMax() - w.collisionForm()), ROUNDING * w.collisionScale());
            assertEquals(r.normMax(), w.collisionForm(), ROUNDING * w.collisionScale(), w.toString());
        }
    }

    @Test
    void bornAndHandSetSigmaBreakWardIdentityAtOrderGamma() {
        Ladder l = Ladder.scba(Preset.COPT.build(), 0.0);
        assertTrue(l.born(0.02).wardRetardedAdvanced(0.01).relative() > 1e-3);
        assertTrue(l.scalarBroadening().wardRetardedAdvanced(0.01).relative() > 1e-2);
    }

    static SelfEnergyModel tracePart(SelfEnergyModel s) {
        return new SelfEnergyModel() {
            public CMatrix sigma(Energy e) {
                CMatrix m = s.sigma(e);
                Complex t = m.trace().divide(m.rows());
                return CMatrix.diagonal(m.rows(), t.getReal(), t.getImaginary());
            }
            public String name() { return "trace part of SCBA"; }
        };
    }

    @Test
    void wardResidualScalesAsLambdaSquaredForBornAndLambdaForTracePart() {
        double[] lambdas = {0.2, 0.1, 0.05, 0.025};
        double[] born = new double[4], trace = new double[4];
        for (int i = 0; i < 4; i++) {
            Model m = Preset.MINIMAL.build().withDisorderScaled(lambdas[i]);
            Ladder l = Ladder.scba(m, 0.3);
            WardCheck s = l.ward(Z1, Z2);
            assertTrue(s.collisionForm() < 1e-14, "SCBA residual at λ=" + lambdas[i] + ": " + s);
            born[i] = l.born(0).ward(Z1, Z2).collisionForm();
            trace[i] = l.withSelfEnergy(tracePart(l.selfEnergy())).ward(Z1, Z2).collisionForm();
        }
        // reference values for Born (docs/equations.md, seed 000 oracle 2): 1.87e-3, 4.09e-4, 9.6e-5, 2.32e-5 (3 significant digits → 1% tolerance)
        double[] specBorn = {1.87e-3, 4.09e-4, 9.6e-5, 2.32e-5};
        for (int i = 0; i < 4; i++) System.out.printf("λ=%.3f Born %.4e (spec %.3e) trace-only %.4e%n", lambdas[i], born[i], specBorn[i], trace[i]);
        for (int i = 0; i < 4; i++) assertEquals(specBorn[i], born[i], 0.01 * specBorn[i], "Born residual vs reference");
        // Asymptotic slopes (the reference numbers give 2.19 on the first pair, λ = 0.2 → 0.1, so test the last two pairs)
        for (int i = 2; i < 4; i++) {
            double slopeBorn = Math.log(born[i - 1] / born[i]) / Math.log(2);
            assertEquals(2, slopeBorn, 0.15, "Born residual ∝ λ²");
        }
        for (int i = 1; i < 4; i++) {
            double slopeTrace = Math.log(trace[i - 1] / trace[i]) / Math.log(2);
            assertEquals(1, slopeTrace, 0.1, "trace-part-only residual ∝ λ");
        }
    }

    @Test
    void chargeConservationGivesZeroModeOfOneMinusCollision() {
        Ladder l = Ladder.scba(Preset.COPT.build(), 0.0);
        LadderResult r = l.atFermiLevel();
        Eigen.General e = Eigen.general(r.oneMinusCollision().matrix());
        int k = e.indexOfSmallest();
        assertTrue(e.values()[k].norm() < 1e-12, "zero eigenvalue: " + e.values()[k]);
        CMatrix sR = l.sigma(Energy.retarded(0)), sA = l.sigma(Energy.advanced(0));
        CMatrix right = CMatrix.unvec(e.rightVector(k), 2), left = CMatrix.unvec(e.leftVector(k), 2);
        CMatrix lifetime = sR.minus(sA);
        CMatrix dG0 = l.deltaG(Energy.retarded(0), Energy.advanced(0));
        assertTrue(parallel(right, lifetime) < 1e-12, "right null vector ∝ Σ^R − Σ^A");
        // left eigenvector w of the vec matrix satisfies wᴴ(1−I) = 0; in the trace pairing Tr(Y(1−I)[X]) = 0 with Y = conj(w) reshaped
        assertTrue(parallel(left.conjugate(), dG0.transpose()) < 1e-12, "left null vector ∝ ΔG₀");
        assertTrue(r.kinetic().apply(dG0).normMax() < 1e-12 * dG0.normMax() * r.kinetic().normMax(), "K₀ΔG₀ = 0");
        // ΔG₀ is also the left null vector of K₀: Tr(ΔG₀ K₀[ρ]) = 0 for all ρ
        for (int j = 0; j < 4; j++)
            assertEquals(0, dG0.times(r.kinetic().apply(org.diffuson.linalg.Pauli.sigma(j))).trace().norm(), 1e-12);
        // DOS matrix n = ΔG₀/(−2πi) is Hermitian positive
        CMatrix n = l.densityOfStates();
        assertTrue(n.isHermitian(1e-12));
        assertTrue(Eigen.hermitian(n).values()[0] > 0);
    }

    /** 1 − |⟨a,b⟩|/(‖a‖‖b‖) in the Frobenius inner product. */
    static double parallel(CMatrix a, CMatrix b) {
        Complex ip = a.dagger().times(b).trace();
        return 1 - ip.norm() / (a.normF() * b.normF());
    }

    @Test
    void scalarSelfEnergyConservesChargeOnOneSideOnly() {
        // Γ_1 = Γ_x makes Σ_↑ = Σ_↓ exactly even with n_z ≠ 0 (b = 0.6, E = 0.3, Γ = 0.1).
        Model m = Preset.MINIMAL.with("gamma1", 0.1).with("gammaX", 0.1).build();
        Ladder l = Ladder.scba(m, 0.3);
        CMatrix s = l.sigma(Energy.retarded(0.3));
        assertEquals(0, s.get(0, 0).subtract(s.get(1, 1)).norm(), 1e-14, "Σ_↑ = Σ_↓");
        LadderResult r = l.atFermiLevel();
        // eq 238: I₀[1] = 1 → column 0 of 1 − I₀ vanishes; row 0 does not
        CMatrix p = r.oneMinusCollisionInBasis();
        for (int i = 0; i < 4; i++) assertEquals(0, p.get(i, 0).norm(), 1e-12, "column 0");
        assertEquals(0.829, p.get(0, 3).norm(), 5e-4, "(1−I)_0z = 0.829 [reference, 3 digits]");
        // I[1] = ΔΣ/(ΔΣ − Δz)·1 for Σ ∝ 1 at general z1, z2 (eqs 233–242)
        LadderResult g = l.at(new double[2], Z1, Z2);
        Complex dS = g.sigma1().get(0, 0).subtract(g.sigma2().get(0, 0)), dz = Z1.z().subtract(Z2.z());
        CMatrix i1 = g.collision().apply(CMatrix.identity(2));
        assertTrue(i1.minus(CMatrix.identity(2).scale(dS.divide(dS.subtract(dz)))).normMax() < 1e-12);
    }

    @Test
    void minimalModelSpinConservationLimits() {
        // Γ_1 only, both bands at E_F: each spin conserved, 1 − I₀ vanishes on the (0, z) sector.
        Model m1 = Preset.MINIMAL.with("gamma1", 0.1).with("gammaX", 0.0).build();
        CMatrix p = Ladder.scba(m1, 1.0).atFermiLevel().oneMinusCollisionInBasis();
        for (int i : new int[]{0, 3}) for (int j : new int[]{0, 3}) assertEquals(0, p.get(i, j).norm(), 1e-12);
        // Γ_x only: eig(1 − I₀) on the (0, z) sector is {0, 2} (eqs 297–300)
        Model mx = Preset.MINIMAL.with("gamma1", 0.0).with("gammaX", 0.1).build();
        CMatrix q = Ladder.scba(mx, 1.0).atFermiLevel().oneMinusCollisionInBasis();
        CMatrix sector = CMatrix.of(new Complex[][]{{q.get(0, 0), q.get(0, 3)}, {q.get(3, 0), q.get(3, 3)}});
        Complex[] ev = Eigen.values(sector);
        assertEquals(0, ev[0].norm(), 1e-12);
        assertEquals(2, ev[1].getReal(), 1e-12);
    }

    @Test
    void paperLiteralRungAndHlnSignBreakTheIdentity() {
        Model lit = Preset.MINIMAL.with("placement", "PAPER_LITERAL").build();
        assertTrue(Ladder.scba(lit, 0.3).ward(Z1, Z2).relative() > 1e-3);
        Model hln = Preset.MINIMAL.with("t", -1.0).build();
        assertTrue(Ladder.scba(hln, 0.3).ward(Z1, Z2).relative() > 1e-3);
        Superoperator.identity(2); // sandwich with t = +1 is the default and conserves (oracle 1)
    }
}
