package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Self-consistent Δ(x) and the supercurrent against closed forms. */
class MatsubaraSetTest {

    @Test
    void isolatedSuperconductorIsSelfConsistentBcs() {
        // an S layer with vacuum ends is a bulk: Δ(x) must converge to the BCS gap Δ(T) of GapEquation (row 17)
        Layer s = Layer.superconductor(2, 1, 1.0).selfConsistent(1).withMesh(1, 8);
        Junction j = Junction.of(Boundary.vacuum(), Boundary.vacuum(), s);
        MatsubaraSet.SelfConsistent sc = MatsubaraSet.selfConsistent(j, 0.5, 48, Junction.Form.THETA, 1e-11, 200);
        for (double g : sc.gap()) assertEquals(GapEquation.bcsGap(0.5), g, 1e-8);
        assertEquals(1.687827, sc.gapAt(0.7), 5e-7);
    }

    @Test
    void shortJunctionSupercurrentIsKulikOmelyanchuk() {
        // KO-1 (L ≪ ξ): j L = 4πT Σ_{n≥0} 2Δcos(φ/2)/δ · arctan(Δ sin(φ/2)/δ), δ = √(Δ²cos²(φ/2) + ω²) (units e N_F D)
        double l = 0.02, t = 0.1, phi = 2.0;
        Junction j = Junction.of(Boundary.rigid(Bulk.bcs(1), -phi / 2), Boundary.rigid(Bulk.bcs(1), phi / 2),
                Layer.normal(l, 1).withMesh(1, 14));
        MatsubaraSet set = MatsubaraSet.solve(j, t, 20, Junction.Form.RICCATI, null);
        double ko = 0;
        for (double w : Usadel.matsubara(t, 20)) {     // the same 20 frequencies as the junction sum
            double c = Math.cos(phi / 2), d = Math.sqrt(c * c + w * w);
            ko += 2 * c / d * Math.atan(Math.sin(phi / 2) / d);
        }
        ko *= 4 * Math.PI * t / l;
        double j0 = set.supercurrent(0), jm = set.supercurrent(l / 2), jl = set.supercurrent(l);
        assertEquals(j0, jm, 1e-8 * Math.abs(j0), "current conservation");
        assertEquals(j0, jl, 1e-8 * Math.abs(j0), "current conservation");
        // KO-1 holds for L ≪ ξ: corrections O((L/ξ)²) = 4e-4
        assertEquals(ko, j0, 1e-3 * ko);
        assertEquals(0, MatsubaraSet.solve(Junction.of(Boundary.rigid(Bulk.bcs(1)), Boundary.rigid(Bulk.bcs(1)),
                Layer.normal(l, 1).withMesh(1, 8)), t, 4, Junction.Form.RICCATI, null).supercurrent(0), 1e-12);
    }

    /**
     * Kulik–Omelyanchuk (KO-1: dirty constriction, L ≪ ξ) between self-consistent banks. Geometry: rigid BCS reservoirs
     * at phases ∓φ_R/2 | bank (5ξ_S, self-consistent Δ) | N constriction (L = 0.02, D_N = 1) | bank | reservoir. A
     * constriction between wide banks is modelled in 1D by banks of large D_S (the Usadel equation in S depends on
     * D_S/length², the current matching D_S∂ǧ_S = D_N∂ǧ_N on D_S/length: a bank of diffusion constant D_S is a bank of
     * D_N with √(D_S/D_N) times the cross-section). The phase φ_c across the constriction is read from the
     * self-consistent Δ(x) at the two interfaces (most of φ_R drops along the current-carrying banks), and the current
     * (with its Matsubara tail) is compared with KO-1 at the bulk gap Δ(T):
     * <ul>
     *   <li>T → 0 (T = 0.05 T_c): I L/D_N = 2πΔ0 cos(φ_c/2) artanh(sin(φ_c/2)) (I in units of e N_F, as
     *       {@link MatsubaraSet#current}; e I R_N = πΔ0 cos(φ_c/2) artanh(sin(φ_c/2)) with R_N = L/(2e²N_F D_N)); the
     *       T = 0.05 T_c Matsubara sum differs from it by 1.4e-6 at φ_c = 1.7;</li>
     *   <li>T = 0.5 T_c: I L/D_N = 4πT Σ_{n≥0} 2Δ cos(φ_c/2)/δ_n · arctan(Δ sin(φ_c/2)/δ_n),
     *       δ_n² = Δ²cos²(φ_c/2) + ω_n², summed to convergence.</li>
     * </ul>
     * Tolerance 6γ: the banks are perturbed near the interface (Δ and ǧ depleted) by a relative amount
     * γ = D_N ξ_S/(D_S L), the suppression parameter, here 1.2e-3 (ξ_S = √(D_S/Δ)); with rigid banks the same
     * constriction is KO-1 to 2.3e-4 (the O((L/ξ_N)²) short-junction correction, see
     * {@link #shortJunctionSupercurrentIsKulikOmelyanchuk}); the banks' length 5ξ_S leaves e^{−5} of the reservoirs'
     * pinning at the interface. Measured I/I_KO − 1 = −0.87e-3, −3.3e-3 (T → 0, φ_c = 0.99, 2.49) and −1.2e-3,
     * −4.7e-3 (T = 0.5 T_c), i.e. ≤ 4γ; with D_S = 1e8 (γ = 3.8e-3) the same four are −1.8e-3, −9.4e-3, −2.6e-3,
     * −13.4e-3: the deviation falls ∝ γ, towards KO-1, as the banks become rigid.
     */
    @Test
    void constrictionBetweenSelfConsistentBanksIsKulikOmelyanchuk() {
        double l = 0.02, ds = 1e9;
        for (double t : new double[]{0.05, 0.5}) {
            double d0 = GapEquation.bcsGap(t), xi = Math.sqrt(ds / d0), gamma = xi / (ds * l);
            Layer far = Layer.superconductor(3 * xi, ds, d0).selfConsistent(1).withMesh(2, 12);
            Layer near = Layer.superconductor(2 * xi, ds, d0).selfConsistent(1).withMesh(2, 12);
            Layer n = Layer.normal(l, 1).withMesh(1, 14);
            for (double phiR : new double[]{1.0, 2.5}) {
                Junction j = Junction.of(Boundary.rigid(Bulk.bcs(d0), -phiR / 2), Boundary.rigid(Bulk.bcs(d0), phiR / 2),
                        far, near, n, near, far);
                // frequencies up to ω_N ≈ 10 (T → 0) and 25 (T = 0.5): the tail fit of currentWithTail leaves
                // (Δ/ω_N)⁵ ≤ 2e-4; the gap iteration stops at a change of 1e-7 in Δ
                MatsubaraSet.SelfConsistent sc = MatsubaraSet.selfConsistent(j, t, t < 0.1 ? 32 : 8,
                        Junction.Form.RICCATI, 1e-7, 100);
                double[] br = sc.set().solutions().get(0).mesh().breaks();
                double xl = br[4], xr = br[5];            // the S|N and N|S interfaces (2 + 2 bank domains)
                double chiL = sc.pairPotential(xl).getArgument(), chiR = sc.pairPotential(Math.nextUp(xr)).getArgument();
                assertEquals(-chiL, chiR, 1e-7, "χ antisymmetric");
                double phi = chiR - chiL, c = Math.cos(phi / 2), s = Math.sin(phi / 2);
                double i = sc.set().currentWithTail(xl), ko;
                if (t < 0.1) ko = 2 * Math.PI * d0 * c * 0.5 * Math.log((1 + s) / (1 - s)) / l;
                else {
                    ko = 0;
                    int terms = 200000;
                    for (int k = 0; k < terms; k++) {
                        double w = Math.PI * t * (2 * k + 1), dl = Math.sqrt(d0 * d0 * c * c + w * w);
                        ko += 2 * d0 * c / dl * Math.atan(d0 * s / dl);
                    }
                    ko += 2 * d0 * d0 * c * s / (Math.PI * t * Math.PI * t * 4 * terms);   // Σ_{k≥K} 2Δ²cs/ω_k²
                    ko *= 4 * Math.PI * t / l;
                }
                assertEquals(ko, i, 6 * gamma * ko, "T = " + t + ", φ_c = " + phi);
            }
        }
    }

    /**
     * Bad input: a self-consistent layer with an exchange field above the Chandrasekhar–Clogston field. At T = 0.02 T_c
     * and h = 1.4 T_c (h_c = Δ0/√2 = 1.247 T_c) the bulk gap Δ0 still solves the gap equation (h &lt; Δ0), so an
     * iteration started from a gap would return that metastable branch; instead the error names the stable phase.
     */
    @Test
    void exchangeFieldAboveClogstonIsAnErrorNamingTheStablePhase() {
        Layer s = Layer.superconductor(2, 1, 1.7).selfConsistent(1).withField(0, 0, 1.4).withMesh(1, 8);
        DiffusonException e = assertThrows(DiffusonException.class, () -> MatsubaraSet.selfConsistent(
                Junction.of(Boundary.vacuum(), Boundary.vacuum(), s), 0.02, 32, Junction.Form.THETA, 1e-8, 50));
        assertEquals("h", e.parameter());
        assertTrue(e.getMessage().contains("the normal state is the stable phase"), e.getMessage());
        assertTrue(e.getMessage().contains("metastable"), e.getMessage());
        assertTrue(e.getMessage().contains("h_c(T) = 1.247"), e.getMessage());
        // below h_c the layer pairs with the bulk gap Δ0 (h < Δ0 leaves the T → 0 gap unchanged, to e^{−(Δ0−h)/T});
        // tolerance 1e-4: the gap equation's tail beyond ω_N = 20 is kept to O(h²/ω_N²) (without that term Δ was off
        // by 2.2e-3), the next order (Δ², h²)·h²/ω_N⁴ remains (measured 2.8e-5)
        Layer ok = Layer.superconductor(2, 1, 1.7).selfConsistent(1).withField(0, 0, 1.0).withMesh(1, 8);
        MatsubaraSet.SelfConsistent sc = MatsubaraSet.selfConsistent(Junction.of(Boundary.vacuum(), Boundary.vacuum(), ok),
                0.05, 64, Junction.Form.THETA, 1e-10, 100);
        assertEquals(GapEquation.DELTA0, sc.gapAt(1), 1e-4);
    }

    @Test
    void proximitySuppressesTheGapNearAnSnInterface() {
        Layer s = Layer.superconductor(5, 1, 1.5).selfConsistent(1).withMesh(3, 12);
        Layer n = Layer.normal(1, 1).withMesh(2, 12);
        Junction j = Junction.of(Boundary.vacuum(), Boundary.vacuum(), s, n);
        MatsubaraSet.SelfConsistent sc = MatsubaraSet.selfConsistent(j, 0.3, 32, Junction.Form.THETA, 1e-8, 300);
        double far = sc.gapAt(0), edge = sc.gapAt(5);
        assertEquals(GapEquation.bcsGap(0.3), far, 2e-3 * far);   // far from N (6.7 ξ0), the bulk value
        assertTrue(edge < 0.8 * far, "gap suppressed at the interface: " + edge);
    }

    /**
     * Phase-biased S|N|S with self-consistent, complex Δ(x) = |Δ|e^{iχ} in both banks (reservoirs with phases ∓φ/2 at
     * the outer ends). The pair potential is a source of supercurrent, ∂_x(D j) ∝ Im(Δ*ΣF), which vanishes only when Δ
     * solves the gap equation: at self-consistency the current is the same at every x (tolerance 1e-6 relative: the
     * iteration stops at a change of 1e-8 in Δ; measured 5.4e-9 after 16 iterations), while with the starting profile
     * (bulk |Δ|, the nearer reservoir's phase) it varies by 12 times |I(0)|. The solution has the junction's symmetry |Δ(x)| = |Δ(L−x)|,
     * χ(x) = −χ(L−x), and the phase winds inside the banks (the current needs a phase gradient there).
     */
    @Test
    void phaseBiasedJunctionConservesCurrentOnlyAtSelfConsistency() {
        double t = 0.3, d0 = GapEquation.bcsGap(t), phi = 1.5;
        Layer s = Layer.superconductor(1.5, 1, d0).selfConsistent(1).withMesh(2, 12);
        Layer n = Layer.normal(0.4, 1).withMesh(1, 12);
        Junction j = Junction.of(Boundary.rigid(Bulk.bcs(d0), -phi / 2), Boundary.rigid(Bulk.bcs(d0), phi / 2), s, n, s);
        MatsubaraSet.SelfConsistent sc = MatsubaraSet.selfConsistent(j, t, 24, Junction.Form.RICCATI, 1e-8, 100);
        double len = j.length(), i0 = sc.set().current(0), worst = 0;
        assertTrue(i0 > 0, "current flows from the lower to the higher phase: " + i0);
        for (int k = 1; k <= 40; k++) worst = Math.max(worst, Math.abs(sc.set().current(len * k / 40) - i0));
        assertTrue(worst < 1e-6 * i0, "self-consistent: max |I(x) − I(0)|/I = " + worst / i0);
        for (double x : new double[]{0.2, 0.9, 1.4}) {
            assertEquals(sc.gapAt(x), sc.gapAt(len - x), 1e-8, "|Δ| symmetric");
            assertEquals(-sc.pairPotential(x).getArgument(), sc.pairPotential(len - x).getArgument(), 1e-8, "χ antisymmetric");
        }
        double chiEdge = sc.pairPotential(1.5).getArgument();
        assertTrue(chiEdge > -phi / 2 + 0.1, "the phase winds inside the bank: χ(edge) = " + chiEdge);

        // the same junction with the iteration's starting Δ(x): not a solution of the gap equation, no conservation
        double[] xs = sc.set().x();
        double[] start = new double[2 * xs.length];
        for (int i = 0; i < xs.length; i++) {
            boolean inS = xs[i] < 1.5 || xs[i] > 1.9 || (xs[i] == 1.5 && i < xs.length / 2);
            double chi = xs[i] < len / 2 ? -phi / 2 : phi / 2;
            start[2 * i] = inS ? d0 * Math.cos(chi) : 0;
            start[2 * i + 1] = inS ? d0 * Math.sin(chi) : 0;
        }
        MatsubaraSet fixed = MatsubaraSet.solve(j, t, 24, Junction.Form.RICCATI, start);
        double f0 = fixed.current(0), spread = 0;
        for (int k = 1; k <= 40; k++) spread = Math.max(spread, Math.abs(fixed.current(len * k / 40) - f0));
        assertTrue(spread > 0.1 * Math.abs(f0), "fixed Δ: max |I(x) − I(0)|/|I(0)| = " + spread / Math.abs(f0));
    }
}
