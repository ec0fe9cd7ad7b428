package org.diffuson.usadel;

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
     * iteration stops at a change of 1e-8 in Δ), while with the starting profile (bulk |Δ|, the nearer reservoir's
     * phase) it varies by tens of per cent. The solution has the junction's symmetry |Δ(x)| = |Δ(L−x)|,
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
