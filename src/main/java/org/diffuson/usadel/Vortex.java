package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Vortex ansatz of seed 003 §V (Eqs. 82–84): ǧ(r, φ) = U ǧ_r(r) U†, U = e^{inφτ3/2}, with the collinear radial state
 * ǧ_r = Σ_s P_s(cosΘ_s τ3 − sinΘ_s τ2), P_s = (1 + s ĥ·σ)/2, and Θ_s from the radial θ-equation
 * (D/2)(Θ″ + Θ′/r − (n²/r²) sinΘcosΘ) − (ω − is|h|)sinΘ + Δ(r)cosΘ + sin(Θ_{−s} − Θ_s)/(4τ_so) = 0 with the regular
 * core condition Θ′ = nΘ/r at r0 and the bulk value at R. Matsubara only.
 *
 * @param diffusion   D
 * @param winding     n
 * @param h           exchange field vector (any direction; the torque is ∝ n ẑ × h)
 * @param spinFlipRate 1/τ_so
 * @param gap         Δ(r)
 * @param r0          inner radius (≈ 1e-3 ξ)
 * @param radius      outer radius R (several ξ)
 */
public record Vortex(double diffusion, int winding, double[] h, double spinFlipRate, DoubleUnaryOperator gap,
                     double r0, double radius) {

    public Vortex {
        DiffusonException.requirePositive("diffusion", diffusion);
        DiffusonException.requirePositive("r0", r0);
        if (!(radius > 4 * r0)) throw new DiffusonException("radius", "R must be ≫ r0", "use R of several ξ");
        h = h.clone();
    }

    /** |h|. */
    public double field() {
        return Math.sqrt(h[0] * h[0] + h[1] * h[1] + h[2] * h[2]);
    }

    /** ĥ. */
    public double[] hHat() {
        double a = field();
        return a == 0 ? new double[]{1, 0, 0} : new double[]{h[0] / a, h[1] / a, h[2] / a};
    }

    private Junction junction() {
        double a = r0, b = Math.min(1, radius / 4), c = Math.min(4, radius / 2);
        double hz = field();
        Layer l1 = new Layer("core", b - a, diffusion, 0, 0, 0, 0, hz, 0, spinFlipRate, 3, 12);
        Layer l2 = new Layer("ring", c - b, diffusion, 0, 0, 0, 0, hz, 0, spinFlipRate, 3, 12);
        Layer l3 = new Layer("outer", radius - c, diffusion, 0, 0, 0, 0, hz, 0, spinFlipRate, 3, 12);
        Bulk outer = new Bulk(gap.applyAsDouble(radius), 0, 0, hz, spinFlipRate);
        return new Junction(List.of(l1, l2, l3), Boundary.core(), Boundary.rigid(outer),
                List.of(Boundary.transparent(), Boundary.transparent()), true, winding);
    }

    /** Radial solution at Matsubara frequency ω &gt; 0 (continued down from large ω). */
    public Solution solve(double omega) {
        Junction j = junction();
        double[] x = j.nodes(null, r0).mesh().x();
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) g[i] = gap.applyAsDouble(x[i]);
        JunctionSolution s = j.continueTo(new Complex(omega), Junction.Form.THETA, null, g, r0);
        return new Solution(this, s);
    }

    /** A solved vortex: Θ_±(r), the 2D matrix field and both torque projections. */
    public record Solution(Vortex vortex, JunctionSolution radial) {

        public Complex theta(double r, int s) {
            return radial.theta(r, s);
        }

        /** ǧ_r(r) with spin axis ĥ. */
        public CMatrix radialMatrix(double r) {
            return Nambu.theta(theta(r, 1), theta(r, -1), vortex.hHat());
        }

        /** The 2D field ǧ(x, y) = U ǧ_r(r) U†, U = e^{inφτ3/2}. */
        public MatrixField field() {
            return (x, y, z) -> {
                double r = Math.hypot(x, y), phi = Math.atan2(y, x) * vortex.winding() / 2;
                CMatrix u = Nambu.tau(0).scale(Math.cos(phi)).plus(Nambu.tau(3).scale(0, Math.sin(phi)));
                return u.times(radialMatrix(r)).times(u.dagger());
            };
        }

        /** Closed form Tr[σ τ3 Ť]·(ẑ×ĥ)/κ = −(iDn/r) ∂_r(sin²Θ_+ − sin²Θ_−) (only κ contributes). */
        public Complex torqueSigmaTau3PerKappa(double r) {
            double d = 1e-4 * Math.max(r, 1e-2);
            Complex f = sin2(r + d).subtract(sin2(r - d)).divide(2 * d);
            return f.multiply(new Complex(0, -vortex.diffusion() * vortex.winding() / r));
        }

        /** Closed form Tr[σ Ť]·(ẑ×ĥ)/θ = −(4Dn/r) ∂_r g_t, g_t = (cosΘ_+ − cosΘ_−)/2 (only θ contributes). */
        public Complex torqueSigmaPerTheta(double r) {
            double d = 1e-4 * Math.max(r, 1e-2);
            Complex f = gt(r + d).subtract(gt(r - d)).divide(2 * d);
            return f.multiply(-4 * vortex.diffusion() * vortex.winding() / r);
        }

        private Complex sin2(double r) {
            Complex a = theta(r, 1).sin(), b = theta(r, -1).sin();
            return a.multiply(a).subtract(b.multiply(b));
        }

        private Complex gt(double r) {
            return theta(r, 1).cos().subtract(theta(r, -1).cos()).multiply(0.5);
        }

        /** Unit vector ẑ × ĥ. */
        public double[] torqueDirection() {
            double[] hh = vortex.hHat();
            double[] v = {-hh[1], hh[0], 0};
            double n = Math.hypot(v[0], v[1]);
            return new double[]{v[0] / n, v[1] / n, 0};
        }
    }
}
