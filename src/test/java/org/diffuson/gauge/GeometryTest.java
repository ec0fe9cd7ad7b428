package org.diffuson.gauge;

import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.diffuson.gauge.SpinFlipLadderTest.report;

/**
 * Oracle 7: geometry identities for random smooth textures θ(t, r), φ(t, r), to machine precision (all derivatives are
 * exact jets; tolerances 1e-12 relative to the largest term allow for O(10) rounding steps).
 */
class GeometryTest {
    /** A random smooth texture: θ = a₀ + Σ a_k sin(k·x + ω_k t + c_k), same for φ. */
    static Texture random(long seed) {
        Random r = new Random(seed);
        double[][] p = new double[8][6];
        for (double[] row : p) for (int i = 0; i < 6; i++) row[i] = r.nextGaussian();
        return new Texture() {
            public Jet[] angles(Jet t, Jet x, Jet y, Jet z) {
                Jet th = Jet.constant(1.1), ph = Jet.constant(0.3);
                for (int k = 0; k < 4; k++) {
                    double[] a = p[k], b = p[k + 4];
                    Jet arg = t.times(a[0]).plus(x.times(a[1])).plus(y.times(a[2])).plus(z.times(a[3])).plus(a[4]);
                    Jet arg2 = t.times(b[0]).plus(x.times(b[1])).plus(y.times(b[2])).plus(z.times(b[3])).plus(b[4]);
                    th = th.plus(arg.sin().times(0.2 * a[5]));
                    ph = ph.plus(arg2.sin().times(0.7 * b[5]));
                }
                return new Jet[]{th, ph};
            }

            public String describe() { return "random"; }
        };
    }

    static CMatrix u(double[] m) { return Pauli.combination(0, m[0], m[1], m[2]); }

    /** −iU†∂_μU as a 2×2 matrix. */
    static CMatrix gaugeMatrix(SpinFrame f, int mu) {
        return u(f.m()).dagger().times(u(f.dm(mu))).scale(0, -1);
    }

    static double diff(double[] a, double[] b) {
        double d = 0, s = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
            s = Math.max(s, Math.max(Math.abs(a[i]), Math.abs(b[i])));
        }
        return d / Math.max(s, 1e-300);
    }

    @Test
    void identities() {
        double wA = 0, wZ = 0, wE = 0, wDot = 0, wF = 0, wR = 0, wRdR = 0, wGauge = 0;
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            Texture tex = random(trial);
            SpinFrame f = tex.at(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
            for (int mu = 0; mu < 4; mu++) {
                CMatrix g = gaugeMatrix(f, mu);
                double[] fromU = new double[3];
                for (int a = 0; a < 3; a++) fromU[a] = g.times(Pauli.sigma(a + 1)).trace().getReal() / 2;
                wA = Math.max(wA, diff(fromU, f.gauge(mu)));
                wA = Math.max(wA, g.trace().norm() / Math.max(1e-300, g.normMax()));
                wZ = Math.max(wZ, Math.abs(f.gauge(mu)[2] - f.gaugeZClosedForm(mu)) / Math.max(1e-300, Math.abs(f.gaugeZClosedForm(mu)) + 1e-3));
                for (int nu = 0; nu < 4; nu++) {
                    double[] a = f.gauge(mu), b = f.gauge(nu), c = SpinFrame.cross(a, b);
                    wF = Math.max(wF, diff(f.fieldStrength(mu, nu), new double[]{2 * c[0], 2 * c[1], 2 * c[2]}));
                }
                // (R∂R)^{αβ} = 2ε^{αβγ}A^γ (eq 83)
                double[][] r = f.rotation(), dr = f.rotationDerivative(mu);
                double[] aa = f.gauge(mu);
                for (int al = 0; al < 3; al++)
                    for (int be = 0; be < 3; be++) {
                        double rdr = 0;
                        for (int k = 0; k < 3; k++) rdr += r[al][k] * dr[k][be];
                        double eps = 0;
                        for (int ga = 0; ga < 3; ga++) eps += levi(al, be, ga) * 2 * aa[ga];
                        wRdR = Math.max(wRdR, Math.abs(rdr - eps) / (1 + Math.abs(eps)));
                    }
            }
            // U†σ^αU = R^{αβ}σ^β
            CMatrix uu = u(f.m());
            double[][] r = f.rotation();
            for (int al = 0; al < 3; al++) {
                CMatrix lhs = uu.dagger().times(Pauli.sigma(al + 1)).times(uu);
                CMatrix rhs = Pauli.combination(0, r[al][0], r[al][1], r[al][2]);
                wR = Math.max(wR, lhs.minus(rhs).normMax());
            }
            wE = Math.max(wE, diff(f.spinElectricField(1), f.spinElectricFieldFromN(1)));
            for (int i = 1; i < 4; i++) {
                double[] ai = f.gauge(i), a0 = f.gauge(0);
                double lhs = ai[0] * a0[0] + ai[1] * a0[1], rhs = SpinFrame.dot(f.dn(0), f.dn(i)) / 4;
                wDot = Math.max(wDot, Math.abs(lhs - rhs) / (Math.abs(rhs) + 1e-3));
            }
            wGauge = Math.max(wGauge, gaugeChoice(tex, rnd));
        }
        report("A_μ = m × ∂_μm vs −iU†∂_μU (Pauli trace)", wA, 1e-13);
        report("A^z_μ = (1 − cos θ)∂_μφ/2", wZ, 1e-13);
        report("∂_μA_ν − ∂_νA_μ = 2A_μ × A_ν (fn 51)", wF, 1e-12);
        report("U†σ^αU = R^{αβ}σ^β (eq 61)", wR, 1e-14);
        report("(R∂_μR)^{αβ} = 2ε^{αβγ}A^γ_μ (eq 83)", wRdR, 1e-13);
        report("E_s⁰ = (∂_iA_0^z − ∂_tA_i^z)/e = n·(∂_in × ṅ)/2e (eq 95)", wE, 1e-12);
        report("A^⊥_i·A^⊥_0 = ṅ·∂_in/4", wDot, 1e-13);
        report("gauge choice U' = Ue^{−iσzχ/2}: eqs 65–66", wGauge, 1e-13);
    }

    static int levi(int a, int b, int c) {
        if (a == b || b == c || a == c) return 0;
        return ((a == 0 && b == 1) || (a == 1 && b == 2) || (a == 2 && b == 0)) ? 1 : -1;
    }

    /** A' from U' = U e^{−iσzχ/2} with a random χ(t, r): A'^z = A^z − ∂χ/2, A'^x + iA'^y = e^{−iχ}(A^x + iA^y). */
    static double gaugeChoice(Texture tex, Random rnd) {
        double t = rnd.nextGaussian(), x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian();
        double[] k = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        Jet chi = Jet.variable(t, 0).times(k[0]).plus(Jet.variable(x, 1).times(k[1])).plus(Jet.variable(y, 2).times(k[2]))
                .plus(Jet.variable(z, 3).times(k[3])).sin().times(1.3);
        SpinFrame f = tex.at(t, x, y, z);
        double c = chi.value();
        CMatrix e = CMatrix.diagonal(new Complex(Math.cos(c / 2), -Math.sin(c / 2)), new Complex(Math.cos(c / 2), Math.sin(c / 2)));
        CMatrix uu = u(f.m()), up = uu.times(e);
        double worst = 0;
        for (int mu = 0; mu < 4; mu++) {
            CMatrix dup = u(f.dm(mu)).times(e).plus(uu.times(Pauli.SZ).times(e).scale(0, -chi.d(mu) / 2));
            CMatrix ap = up.dagger().times(dup).scale(0, -1);
            double[] a = f.gauge(mu), aNew = new double[3];
            for (int al = 0; al < 3; al++) aNew[al] = ap.times(Pauli.sigma(al + 1)).trace().getReal() / 2;
            Complex perp = new Complex(a[0], a[1]).multiply(new Complex(Math.cos(c), -Math.sin(c)));
            worst = Math.max(worst, Math.abs(aNew[2] - (a[2] - chi.d(mu) / 2)));
            worst = Math.max(worst, new Complex(aNew[0], aNew[1]).subtract(perp).norm());
        }
        return worst;
    }

    /** Moving domain walls: ∫E_s⁰dx = ħΩ/e (precession), ∫E_s^dis dx = −βv/(ew), for Bloch and Néel walls. */
    @Test
    void wallVoltages() {
        double w = 20, v = 3e-4, om = 2e-5, beta = 0.01;
        for (Texture.Wall type : Texture.Wall.values()) {
            Texture tex = Texture.domainWall(type, w, v, om);
            SpinMotiveForce.Profile p = SpinMotiveForce.profile(tex, 0.7, -40 * w, 40 * w, 2001, beta, 1);
            report(type + " wall: ∫E_s⁰dx vs Ω/e (Barnes–Maekawa)", Math.abs(p.voltageReactive() / om - 1), 1e-9);
            report(type + " wall: ∫E_s^dis dx vs −βv/(ew)", Math.abs(p.voltageDissipative() / (-beta * v / w) - 1), 1e-9);
        }
    }

    /** Rigidly moving vortex: E_s = −(1/e) v × b ẑ with the emergent field b = ½n·(∂_xn × ∂_yn). */
    @Test
    void movingVortex() {
        double vx = 2e-3, vy = -1e-3;
        Texture tex = Texture.vortex(1, 1, Math.PI / 2, 15, 0, 0, vx, vy);
        double worst = 0, scale = 0;
        Random rnd = new Random(3);
        for (int i = 0; i < 50; i++) {
            SpinFrame f = tex.at(rnd.nextDouble() * 100, 30 * rnd.nextGaussian(), 30 * rnd.nextGaussian(), 0);
            double b = SpinFrame.dot(f.n(), SpinFrame.cross(f.dn(1), f.dn(2))) / 2;
            // E_s,i = −(1/2e)v_j n·(∂_in × ∂_jn): x → −v_y b, y → +v_x b
            double[] es = f.spinElectricField(1), expected = {-vy * b, vx * b, 0};
            for (int k = 0; k < 3; k++) {
                worst = Math.max(worst, Math.abs(es[k] - expected[k]));
                scale = Math.max(scale, Math.abs(expected[k]));
            }
        }
        // far from the core b ~ e^{−r²/r_c²} comes from cancelling cross products: compare to the largest field
        report("moving vortex: E_s = −v × b ẑ/e (max error / max |E_s|)", worst / scale, 1e-12);
    }
}
