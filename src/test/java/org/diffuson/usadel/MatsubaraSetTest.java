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
}
