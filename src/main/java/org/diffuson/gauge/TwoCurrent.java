package org.diffuson.gauge;

import org.diffuson.Cancellation;

import org.diffuson.DiffusonException;
import org.hipparchus.complex.Complex;

import java.util.Locale;

/**
 * Two-current drift-diffusion model of seed 004 (eqs 98–112), an independent route to the diagrammatic kernels:
 * j_σ = σ_σE_σ − D_σ∇ρ_σ with E_σ = E + σE_s, and ∂_tρ_σ + div j_σ = −(ρ_σ/τ_sf,σ − ρ_σ̄/τ_sf,σ̄) (eq 109), e = 1.
 * In Fourier space (e^{i(qx − ωt)}) this is Mρ = −iq(σ↑E↑, σ↓E↓) with
 * M = [[Y↑ + 2πΓ̃2ν↓, −2πΓ̃2ν↑], [−2πΓ̃2ν↓, Y↓ + 2πΓ̃2ν↑]], det M = Z (eq 26). Only σ_σ, D_σ and τ_sf,σ enter:
 * no Green function and no ladder. {@link #solve} applies it to a real-space field profile on a periodic line by a
 * discrete Fourier transform.
 */
public final class TwoCurrent {
    private final SdFerromagnet fm;

    public TwoCurrent(SdFerromagnet fm) { this.fm = fm; }

    /** The kinetic matrix M(q, ω) (rows: spin ↑, ↓). */
    public Complex[][] matrix(double q, Complex omega) {
        Complex[][] m = new Complex[2][2];
        for (int s = 0; s < 2; s++) {
            Complex y = omega.multiply(Complex.I).negate().add(fm.diffusion(s) * q * q);
            m[s][s] = y.add(fm.spinFlipRate(s));
            m[s][1 - s] = new Complex(-2 * Math.PI * fm.gamma2() * fm.dos(s));  // −ρ_σ̄/τ_sf,σ̄ = −2πΓ̃2ν_σρ_σ̄
        }
        return m;
    }

    public Complex determinant(double q, Complex omega) {
        Complex[][] m = matrix(q, omega);
        return m[0][0].multiply(m[1][1]).subtract(m[0][1].multiply(m[1][0]));
    }

    /** ρ_σ(q, ω) for longitudinal fields E(q), E_s(q) (components along q). */
    public Complex[] densities(double q, Complex omega, Complex e, Complex es) {
        Complex[][] m = matrix(q, omega);
        Complex det = m[0][0].multiply(m[1][1]).subtract(m[0][1].multiply(m[1][0]));
        if (det.norm() == 0) throw new DiffusonException("q/omega", "on the uniform mode q = ω = 0", "take q ≠ 0 or ω ≠ 0");
        Complex[] r = new Complex[2];
        for (int s = 0; s < 2; s++) r[s] = e.add(es.multiply(SdFerromagnet.sign(s))).multiply(new Complex(0, -q * fm.conductivity(s)));
        return new Complex[]{m[1][1].multiply(r[0]).subtract(m[0][1].multiply(r[1])).divide(det),
                m[0][0].multiply(r[1]).subtract(m[1][0].multiply(r[0])).divide(det)};
    }

    /** j_σ(q, ω) = σ_σE_σ − iqD_σρ_σ for the densities of {@link #densities}. */
    public Complex[] currents(double q, Complex omega, Complex e, Complex es) {
        Complex[] rho = densities(q, omega, e, es);
        Complex[] j = new Complex[2];
        for (int s = 0; s < 2; s++)
            j[s] = e.add(es.multiply(SdFerromagnet.sign(s))).multiply(fm.conductivity(s)).subtract(rho[s].multiply(new Complex(0, q * fm.diffusion(s))));
        return j;
    }

    /** Stationary response on a periodic line to E = 0 and a spin electric field E_s(x): ρ_σ(x), j_σ(x). */
    public record Solution(double[] x, double[] spinField, double[][] density, double[][] current) {
        /** Copies the arrays (rows included): a Solution is an immutable value. */
        public Solution {
            x = x.clone();
            spinField = spinField.clone();
            density = deepCopy(density);
            current = deepCopy(current);
        }

        /** Grid points (a copy). */
        @Override
        public double[] x() { return x.clone(); }

        /** E_s(x) (a copy). */
        @Override
        public double[] spinField() { return spinField.clone(); }

        /** ρ_σ(x), σ = ↑, ↓ (a copy). */
        @Override
        public double[][] density() { return deepCopy(density); }

        /** j_σ(x), σ = ↑, ↓ (a copy). */
        @Override
        public double[][] current() { return deepCopy(current); }

        private static double[][] deepCopy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
            return c;
        }

        /** Charge current j = j↑ + j↓. */
        public double[] chargeCurrent() { return sum(1); }
        /** Spin current j_s = j↑ − j↓ (charge units). */
        public double[] spinCurrent() { return sum(-1); }
        /** ρ = ρ↑ + ρ↓. */
        public double[] chargeDensity() {
            double[] r = new double[x.length];
            for (int i = 0; i < r.length; i++) r[i] = density[0][i] + density[1][i];
            return r;
        }
        /** ρ_s = ρ↑ − ρ↓. */
        public double[] spinDensity() {
            double[] r = new double[x.length];
            for (int i = 0; i < r.length; i++) r[i] = density[0][i] - density[1][i];
            return r;
        }

        private double[] sum(int w) {
            double[] r = new double[x.length];
            for (int i = 0; i < r.length; i++) r[i] = current[0][i] + w * current[1][i];
            return r;
        }

        @Override
        public String toString() {
            double jm = 0, sm = 0;
            for (double v : chargeCurrent()) jm = Math.max(jm, Math.abs(v));
            for (double v : spinCurrent()) sm = Math.max(sm, Math.abs(v));
            return String.format(Locale.ROOT, "two-current solution on %d points: max|j| = %.4g, max|j_s| = %.4g (e = ħ = 1)", x.length, jm, sm);
        }
    }

    /**
     * Stationary (ω = 0) ρ_σ, j_σ for a spin electric field E_s(x) sampled on a uniform periodic grid (E = 0: the
     * charge field is not solved self-consistently). Exact for the band-limited field (discrete Fourier transform,
     * O(N²) — N is a profile, not a mesh). The uniform component q = 0 drives j_σ = σσ_σ⟨E_s⟩ with no density.
     */
    public Solution solve(double[] x, double[] spinField) {
        int n = x.length;
        if (n < 2 || spinField.length != n) throw new DiffusonException("spinField", "needs as many samples as x (≥ 2)", "sample E_s on the x grid");
        double h = x[1] - x[0], len = n * h;
        for (int i = 1; i < n; i++)
            if (Math.abs(x[i] - x[i - 1] - h) > 1e-9 * Math.abs(h)) throw new DiffusonException("x", "must be uniform", "use an evenly spaced grid");
        double[][] rho = new double[2][n], cur = new double[2][n];
        double[] cs = new double[n], sn = new double[n];
        for (int k = 0; k < n; k++) {
            cs[k] = Math.cos(2 * Math.PI * k / n);
            sn[k] = Math.sin(2 * Math.PI * k / n);
        }
        for (int k = 0; k < n; k++) {
            if ((k & 63) == 0) Cancellation.check("two-current solve");
            int kk = k <= n / 2 ? k : k - n;
            double q = 2 * Math.PI * kk / len;
            if (n % 2 == 0 && k == n / 2) q = 0; // Nyquist mode of a real signal: drop its derivative
            double re = 0, im = 0;
            for (int i = 0; i < n; i++) {
                int p = (int) ((long) k * i % n);
                re += spinField[i] * cs[p];
                im -= spinField[i] * sn[p];
            }
            Complex es = new Complex(re / n, im / n);
            Complex[] r, j;
            if (kk == 0 || q == 0) {
                r = new Complex[]{Complex.ZERO, Complex.ZERO};
                j = new Complex[]{es.multiply(fm.conductivity(0)), es.multiply(-fm.conductivity(1))};
            } else {
                r = densities(q, Complex.ZERO, Complex.ZERO, es);
                j = currents(q, Complex.ZERO, Complex.ZERO, es);
            }
            for (int i = 0; i < n; i++) {
                int p = (int) ((long) k * i % n);
                for (int s = 0; s < 2; s++) {
                    rho[s][i] += r[s].getReal() * cs[p] - r[s].getImaginary() * sn[p];
                    cur[s][i] += j[s].getReal() * cs[p] - j[s].getImaginary() * sn[p];
                }
            }
        }
        return new Solution(x.clone(), spinField.clone(), rho, cur);
    }
}
