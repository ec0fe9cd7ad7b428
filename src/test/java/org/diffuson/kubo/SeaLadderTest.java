package org.diffuson.kubo;

import org.diffuson.green.Energy;
import org.diffuson.green.ScbaOptions;
import org.diffuson.integrate.BrillouinZone;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.model.Disorder;
import org.diffuson.model.Model;
import org.diffuson.model.QwzModel;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Fermi-sea term with (z, z)-ladder-dressed vertices ({@link SeaLadder}, {@link SeaVertices#LADDER}) on the QWZ
 * lattice model (m = 1, ε_F = 1.2, SCBA), where no cutoff boundary term spoils the Ward identity.
 */
class SeaLadderTest {

    private static final QwzModel H = new QwzModel(1.0);
    private static final double EF = 1.2;

    static Ladder ladder(Disorder disorder, int n) {
        Model model = Model.of("qwz", H, disorder, 2 * Math.PI * Math.sqrt(2) + 1e-9, Map.of());
        return Ladder.scba(model, EF, KGrid.of(BrillouinZone.uniform(H, n, n, 0.5)), ScbaOptions.defaults());
    }

    /** G(k, z) = [z − H(k) − Σ(z)]⁻¹ by a plain matrix inverse (not the library's GreenWorkspace). */
    private static CMatrix green(CMatrix hk, Complex z, CMatrix sigma) {
        return CMatrix.identity(2).scale(z).minus(hk).minus(sigma).inverse();
    }

    /** Φ(z1, z2)[X] = Σ_k G(z1) X(k) G(z2) for a k-independent X plus a k-dependent vertex term x(k) (may be null). */
    private static CMatrix bubble(Ladder l, Complex z1, CMatrix s1, Complex z2, CMatrix s2, CMatrix x, Vertex vx) {
        KGrid g = l.grid();
        CMatrix sum = CMatrix.zeros(2, 2);
        double[] buf = new double[8];
        for (int i = 0; i < g.size(); i++) {
            CMatrix hk = H.at(g.kx(i), g.ky(i));
            CMatrix v = x;
            if (vx != null) {
                vx.eval(g.kx(i), g.ky(i), 0, buf);
                CMatrix vk = CMatrix.of(2, 2, buf.clone());
                v = v == null ? vk : v.plus(vk);
            }
            sum = sum.plus(green(hk, z1, s1).times(v).times(green(hk, z2, s2)).scale(g.weight(i)));
        }
        return sum;
    }

    /**
     * The dressed (z, z) vertices by their Dyson series, iterated to convergence with direct k-sums (independent of
     * the bubble superoperator and of the inverse of 1 − ΓΦ): δB_{m+1} = Γ[Σ_k G (B + δB_m) G], and the same for δA
     * (Γ and Φ(z, z) are their own transposes under Tr[A X] for this disorder, Γ[X] = Σ w V X V with Hermitian V).
     */
    private static CMatrix dysonSeries(Ladder l, Vertex v, Complex z, CMatrix sigma) { return dressing(l, v, z, sigma, z, sigma); }

    /** δB(z1, z2) = Γ[Σ_k G(z1) (B + δB) G(z2)] by its Dyson series, iterated to 1e-15. */
    private static CMatrix dressing(Ladder l, Vertex v, Complex z1, CMatrix s1, Complex z2, CMatrix s2) {
        CMatrix y = bubble(l, z1, s1, z2, s2, null, v);
        CMatrix d = CMatrix.zeros(2, 2);
        for (int m = 0; m < 200; m++) {
            CMatrix next = l.model().disorder().apply(y.plus(bubble(l, z1, s1, z2, s2, d, null)));
            double change = next.minus(d).normMax();
            d = next;
            if (change < 1e-15 * Math.max(1, d.normMax())) return d;
        }
        throw new AssertionError("the Dyson series did not converge");
    }

    /**
     * P(z1, z2) = Σ_k Tr[A G(z1) B̃(z1, z2) G(z2)], B̃ = B + δB with δB = Γ[Σ_k G(z1) B̃ G(z2)] by its Dyson series:
     * the ladder-summed correlator, from direct k-sums.
     */
    private static Complex correlator(Ladder l, Vertex va, Vertex vb, Complex z1, Complex z2) {
        CMatrix s1 = l.sigma(Energy.complex(z1.getReal(), z1.getImaginary())), s2 = l.sigma(Energy.complex(z2.getReal(), z2.getImaginary()));
        CMatrix d = dressing(l, vb, z1, s1, z2, s2);
        KGrid g = l.grid();
        Complex p = Complex.ZERO;
        double[] buf = new double[8];
        for (int i = 0; i < g.size(); i++) {
            CMatrix hk = H.at(g.kx(i), g.ky(i));
            va.eval(g.kx(i), g.ky(i), 0, buf);
            CMatrix a = CMatrix.of(2, 2, buf.clone());
            vb.eval(g.kx(i), g.ky(i), 0, buf);
            CMatrix b = CMatrix.of(2, 2, buf.clone()).plus(d);
            p = p.add(a.times(green(hk, z1, s1)).times(b).times(green(hk, z2, s2)).trace().multiply(g.weight(i)));
        }
        return p;
    }

    /**
     * (a) Charge vertices: the ladder-dressed sea equals the bare sea. With a k-independent Σ, G v G = ∂G/∂k, so the
     * (z, z) dressing Γ[Σ_k ∂_k G] vanishes over the zone (Ward identity Λ(z, z) = −∂G⁻¹/∂k = v). On the uniform
     * mesh the sum of the derivative of a periodic function analytic in a strip of width d ~ |Im(z − Σ)|/v vanishes
     * to ~e^{−N d}: with u0² = 0.5 (|Im Σ| ≈ 0.3) and N = 64 that is below rounding (QWZ's velocity is its exact
     * gradient; with the 4th-order stencil it was ~1e-11). Hence tolerance 1e-10, absolute, on both the vertex
     * dressing and the sea (σ_xy sea ≈ 0.5). Measured: max |δA|, |δB| = 4.5e-13 over y = 1e-3 … 10; sea
     * −0.541021575553 bare, dressed − bare = 1.9e-14 (with the stencil velocity: 1.1e-11 and 3.1e-12).
     */
    @Test
    void chargeVerticesTheDressedSeaEqualsTheBareSeaByTheWardIdentity() {
        Ladder l = ladder(Disorder.scalar(2, 0.5), 64);
        Kubo k = new Kubo(l);
        Vertex vx = Vertex.velocity(H, 0), vy = Vertex.velocity(H, 1);
        double maxDressing = 0;
        for (double y : new double[]{1e-3, 0.1, 1, 10}) {
            SeaLadder.Dressing d = SeaLadder.dress(l, vx, vy, Energy.complex(EF, y));
            maxDressing = Math.max(maxDressing, Math.max(d.deltaA().normMax(), d.deltaB().normMax()));
        }
        double bare = k.sea(vx, vy, SeaVertices.BARE), dressed = k.sea(vx, vy, SeaVertices.LADDER);
        System.out.printf("charge: max |δA|,|δB| = %.3e; sea bare %.15f dressed %.15f, difference %.3e%n", maxDressing, bare, dressed, dressed - bare);
        assertTrue(maxDressing < 1e-10, "Ward identity: (z, z) dressing of v " + maxDressing);
        assertTrue(Math.abs(bare) > 1e-2, "the Hall sea term is not trivially zero: " + bare);
        assertEquals(bare, dressed, 1e-10);
    }

    /**
     * (b) A spin vertex: σ_a has no Ward identity, so Σ_k G σ_a G ≠ 0 and the (z, z) ladder changes the sea term.
     * Checked independently: the dressed vertices against their Dyson series (direct k-sums, tolerance 1e-10 relative:
     * the series converges geometrically to 1e-15, the rest is rounding), and the dressed sea integrand against the
     * antisymmetric z-derivative of the ladder-summed correlator P(z, z′) = Σ_k Tr[A G(z) B̃(z, z′) G(z′)], computed
     * with direct k-sums and SCBA Σ at z ± h, by central differences (h = 1e-3·y, truncation O(h²/y²) ≈ 1e-6
     * relative, tolerance 1e-5 relative; measured 4.3e-10 at y = 0.05 and 3.7e-7 at y = 1; the Dyson series agree to
     * 1e-16). On this model (u0² = 0.5, 48² mesh) the ladder moves the sea term of χ(σ_y, v_x) from −0.2617 to −0.1848.
     */
    @Test
    void spinVertexTheLadderChangesTheSeaAndAgreesWithIndependentOracles() {
        Ladder l = ladder(Disorder.scalar(2, 0.5), 48);
        Kubo k = new Kubo(l);
        Vertex vx = Vertex.velocity(H, 0);
        // the sea term of χ(σ_y, v_x): measured bare −0.2617334, ladder −0.1848074 (σ_x, σ_z: 0 by symmetry)
        double seaBare = k.sea(Vertex.spin(2), vx, SeaVertices.BARE), seaLadder = k.sea(Vertex.spin(2), vx, SeaVertices.LADDER);
        System.out.printf("σ_y vs v_x: sea bare %.10f ladder %.10f%n", seaBare, seaLadder);
        assertTrue(Math.abs(seaLadder - seaBare) > 0.2 * Math.abs(seaBare), "the (z, z) ladder changes the spin sea term");
        Vertex s = Vertex.spin(2); // σ_x and σ_z give a zero sea term with v_x here (symmetry)
        for (double y : new double[]{0.05, 1}) {
            Complex z = new Complex(EF, y);
            CMatrix sigma = l.sigma(Energy.complex(EF, y));
            SeaLadder.Dressing d = SeaLadder.dress(l, s, vx, Energy.complex(EF, y));
            CMatrix dA = dysonSeries(l, s, z, sigma), dB = dysonSeries(l, vx, z, sigma);
            System.out.printf("y=%g: |δA| = %.3e (Dyson %.3e, diff %.2e), |δB| = %.3e (diff %.2e)%n", y, d.deltaA().normMax(), dA.normMax(),
                    d.deltaA().minus(dA).normMax(), d.deltaB().normMax(), d.deltaB().minus(dB).normMax());
            assertTrue(d.deltaA().normMax() > 1e-3, "the spin vertex is dressed");
            assertTrue(d.deltaA().minus(dA).normMax() < 1e-10 * dA.normMax(), "δA vs Dyson series");
            assertTrue(d.deltaB().minus(dB).normMax() < 1e-10 * Math.max(1, dB.normMax()), "δB vs Dyson series");

            double h = 1e-3 * y;
            Complex dz = new Complex(h, 0);
            Complex fd = correlator(l, s, vx, z, z.add(dz)).subtract(correlator(l, s, vx, z, z.subtract(dz)))
                    .subtract(correlator(l, s, vx, z.add(dz), z)).add(correlator(l, s, vx, z.subtract(dz), z)).divide(2 * h);
            Complex ladder = k.seaIntegrand(s, vx, EF, y, true), bare = k.seaIntegrand(s, vx, EF, y);
            System.out.printf("y=%g: X_ladder = %s, (∂z′ − ∂z)P = %s, rel. diff %.2e; X_bare = %s%n", y, ladder, fd,
                    ladder.subtract(fd).norm() / fd.norm(), bare);
            assertTrue(ladder.subtract(fd).norm() < 1e-5 * fd.norm(), "dressed integrand vs derivative of the ladder correlator");
            assertTrue(ladder.subtract(bare).norm() > 1e-3 * fd.norm(), "the ladder matters at this node");
        }
    }

    /**
     * The ladder-dressed sea at T &gt; 0 (Matsubara sum of {@link FiniteTemperature}, {@link SeaVertices#LADDER}) tends
     * to the T = 0 contour integral of {@link Kubo#sea(Vertex, Vertex, SeaVertices)} as T² (Sommerfeld): the
     * difference at T = 0.02 is about four times that at T = 0.01, and both are below 1e-2 relative (measured on the
     * 32² mesh: T = 0 −0.1848074, Δ = 1.151e-4 and 4.632e-4, ratio 4.026; the bare Matsubara sea is −0.2615).
     */
    @Test
    void ladderDressedMatsubaraSeaTendsToTheZeroTemperatureSeaAsTSquared() {
        Ladder l = ladder(Disorder.scalar(2, 0.5), 32);
        Kubo k = new Kubo(l);
        Vertex s = Vertex.spin(2), vx = Vertex.velocity(H, 0);
        double zero = k.sea(s, vx, SeaVertices.LADDER);
        double d1 = FiniteTemperature.matsubara(k, s, vx, 0.01, EF, 64, true).value() - zero;
        double d2 = FiniteTemperature.matsubara(k, s, vx, 0.02, EF, 64, true).value() - zero;
        double bare = FiniteTemperature.matsubara(k, s, vx, 0.01, EF, 64, false).value();
        System.out.printf("Matsubara ladder sea: T=0 %.10f, Δ(T=0.01) %.3e, Δ(T=0.02) %.3e, ratio %.3f; bare at T=0.01 %.10f%n",
                zero, d1, d2, d2 / d1, bare);
        assertTrue(Math.abs(d2) < 1e-2 * Math.abs(zero), "T = 0.02: " + d2);
        assertEquals(4, d2 / d1, 0.4, "Sommerfeld T²");
        assertTrue(Math.abs(bare - zero) > 0.2 * Math.abs(zero), "the Matsubara option dresses the vertices too");
    }
}
