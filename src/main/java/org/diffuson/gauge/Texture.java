package org.diffuson.gauge;

import org.diffuson.DiffusonException;

import java.util.Locale;

/**
 * A magnetization texture n(t, r) = (sin θ cos φ, sin θ sin φ, cos θ) given by its angles as {@link Jet} formulas of
 * (t, x, y, z) (seed 004 eqs 55–58). The magnetization points along −n (fn 35). Lengths and times in the units of the
 * ferromagnet (ħ = 1).
 */
public interface Texture {
    /** {θ, φ} at the space-time point given as coordinate jets. */
    Jet[] angles(Jet t, Jet x, Jet y, Jet z);

    String describe();

    /** The local frame and gauge fields at (t, x, y, z). */
    default SpinFrame at(double t, double x, double y, double z) {
        Jet[] a = angles(Jet.variable(t, 0), Jet.variable(x, 1), Jet.variable(y, 2), Jet.variable(z, 3));
        return new SpinFrame(a[0], a[1]);
    }

    /** Wall type: the plane in which n rotates across a wall along x. */
    enum Wall { BLOCH, NEEL }

    /**
     * A Walker-type domain wall along x: θ = 2 arctan e^{(x − X(t))/w}, X = vt, φ = φ₀ + Ωt with φ₀ = π/2 (Bloch, n
     * rotates in the yz plane) or 0 (Néel, xz plane) (seed 004 §IV-B).
     */
    static Texture domainWall(Wall type, double width, double velocity, double precession) {
        DiffusonException.requirePositive("width", width);
        DiffusonException.requireFinite("velocity", velocity);
        DiffusonException.requireFinite("precession", precession);
        double phi0 = type == Wall.BLOCH ? Math.PI / 2 : 0;
        return new Texture() {
            public Jet[] angles(Jet t, Jet x, Jet y, Jet z) {
                Jet u = x.minus(t.times(velocity)).times(1 / width);
                return new Jet[]{u.exp().atan().times(2), t.times(precession).plus(phi0)};
            }

            public String describe() {
                return String.format(Locale.ROOT, "%s wall θ = 2 arctan e^{(x − vt)/w}, φ = %s + Ωt; w = %g, v = %g, Ω = %g",
                        type == Wall.BLOCH ? "Bloch" : "Néel", type == Wall.BLOCH ? "π/2" : "0", width, velocity, precession);
            }
        };
    }

    /**
     * A vortex with polarity p = ±1, winding q and chirality angle c, core at (X, Y) = (x₀ + v_x t, y₀ + v_y t):
     * cos θ = p e^{−r²/r_c²}, φ = q·atan2(y − Y, x − X) + c.
     */
    static Texture vortex(int polarity, int winding, double chirality, double coreRadius, double x0, double y0, double vx, double vy) {
        if (Math.abs(polarity) != 1) throw new DiffusonException("polarity", "must be ±1, got " + polarity, "p = +1 (core up) or −1");
        if (winding == 0) throw new DiffusonException("winding", "must be ≠ 0", "q = +1 vortex, −1 antivortex");
        DiffusonException.requirePositive("coreRadius", coreRadius);
        return new Texture() {
            public Jet[] angles(Jet t, Jet x, Jet y, Jet z) {
                Jet dx = x.minus(t.times(vx)).plus(-x0), dy = y.minus(t.times(vy)).plus(-y0);
                Jet r2 = dx.times(dx).plus(dy.times(dy)).times(1 / (coreRadius * coreRadius));
                Jet th = r2.times(-1).exp().times(polarity).times(1 - 1e-15).acos();
                return new Jet[]{th, Jet.atan2(dy, dx).times(winding).plus(chirality)};
            }

            public String describe() {
                return String.format(Locale.ROOT, "vortex p = %d, winding %d, chirality %g, r_c = %g, core (%g, %g) + (%g, %g)t",
                        polarity, winding, chirality, coreRadius, x0, y0, vx, vy);
            }
        };
    }
}
