package org.diffuson.gauge;

import org.diffuson.DiffusonException;

import java.util.Locale;

/**
 * Spin motive force of a texture along a line (seed 004 eqs 1–2, 95–97): E_s⁰(x) and E_s^dis(x) = (β/2e)ṅ·∂_xn at time
 * t on a uniform grid, with the voltages ∫E_s dx (trapezoid; for a wall the reactive one is ħΩ/e, the dissipative one
 * −βv/(ew)). The currents these fields drive are {@link TwoCurrent#solve}.
 */
public final class SpinMotiveForce {
    private SpinMotiveForce() {}

    /** E_s along x on a grid: reactive (E_s⁰), dissipative (E_s^dis), and their integrals. */
    public record Profile(String texture, double time, double[] x, double[] reactive, double[] dissipative, double beta, double charge) {
        /** Copies the arrays: a Profile is an immutable value. */
        public Profile {
            x = x.clone();
            reactive = reactive.clone();
            dissipative = dissipative.clone();
        }

        /** Grid points (a copy). */
        @Override
        public double[] x() { return x.clone(); }

        /** E_s⁰ at each point (a copy). */
        @Override
        public double[] reactive() { return reactive.clone(); }

        /** E_s^dis at each point (a copy). */
        @Override
        public double[] dissipative() { return dissipative.clone(); }

        public double voltageReactive() { return trapezoid(x, reactive); }
        public double voltageDissipative() { return trapezoid(x, dissipative); }

        /** E_s = E_s⁰ + E_s^dis at each point. */
        public double[] total() {
            double[] t = new double[x.length];
            for (int i = 0; i < t.length; i++) t[i] = reactive[i] + dissipative[i];
            return t;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "spin motive force of %s at t = %g on %d points [%g, %g]: ∫E_s⁰dx = %.6g, ∫E_s^dis dx = %.6g (β = %.4g, e = %g)",
                    texture, time, x.length, x[0], x[x.length - 1], voltageReactive(), voltageDissipative(), beta, charge);
        }
    }

    /** E_s,x along y = z = 0 from x0 to x1 (n points) at time t. */
    public static Profile profile(Texture texture, double t, double x0, double x1, int n, double beta, double charge) {
        if (n < 2) throw new DiffusonException("points", "need ≥ 2, got " + n, "e.g. 200");
        if (!(x1 > x0)) throw new DiffusonException("x1", "must exceed x0", "pass an increasing range");
        DiffusonException.requireFinite("beta", beta);
        DiffusonException.requirePositive("charge", charge);
        double[] x = new double[n], r = new double[n], d = new double[n];
        for (int i = 0; i < n; i++) {
            if ((i & 1023) == 0) org.diffuson.Cancellation.check("spin-motive-force profile");
            x[i] = x0 + (x1 - x0) * i / (n - 1);
            SpinFrame f = texture.at(t, x[i], 0, 0);
            r[i] = f.spinElectricField(charge)[0];
            d[i] = f.dissipativeField(beta, charge)[0];
        }
        return new Profile(texture.describe(), t, x, r, d, beta, charge);
    }

    static double trapezoid(double[] x, double[] f) {
        double s = 0;
        for (int i = 1; i < x.length; i++) s += 0.5 * (f[i] + f[i - 1]) * (x[i] - x[i - 1]);
        return s;
    }
}
