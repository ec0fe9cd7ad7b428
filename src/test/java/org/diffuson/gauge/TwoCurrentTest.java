package org.diffuson.gauge;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.diffuson.gauge.SpinFlipLadderTest.report;

/** Oracle 11 and the independent kinetic route: the two-current model reproduces the diagrammatic kernels. */
class TwoCurrentTest {
    static final SdFerromagnet R = SdFerromagnet.setR();
    static final TwoCurrent TC = new TwoCurrent(R);
    static final GaugeClosedForms CF = new GaugeClosedForms(R);

    @Test
    void determinantIsZ() {
        double w = 0;
        Random rnd = new Random(11);
        for (int i = 0; i < 20; i++) {
            double q = 1e-3 * rnd.nextDouble();
            Complex om = new Complex(1e-5 * rnd.nextGaussian(), 1e-5 * rnd.nextGaussian());
            w = Math.max(w, TC.determinant(q, om).subtract(CF.z(q, om)).norm() / CF.z(q, om).norm());
        }
        report("det M = Z (20 random complex (q, ω))", w, 1e-12);
    }

    /** ρ_σ = −iq(K_σE + K'_σE_s) (eqs 103–106) for random E, E_s; conservation laws of eq 109. */
    @Test
    void densitiesEqualDiagrammaticClosedForms() {
        double wK = 0, wC = 0, wS = 0;
        Random rnd = new Random(12);
        for (int i = 0; i < 20; i++) {
            double q = 1e-3 * rnd.nextDouble();
            Complex om = new Complex(1e-5 * rnd.nextDouble());
            Complex e = new Complex(rnd.nextGaussian(), rnd.nextGaussian()), es = new Complex(rnd.nextGaussian(), rnd.nextGaussian());
            Complex[] rho = TC.densities(q, om, e, es), j = TC.currents(q, om, e, es);
            for (int s = 0; s < 2; s++) {
                Complex cf = CF.spinResolvedK(s, q, om).multiply(e).add(CF.spinResolvedKPrime(s, q, om).multiply(es)).multiply(new Complex(0, -q));
                wK = Math.max(wK, rho[s].subtract(cf).norm() / cf.norm());
            }
            // charge: q j = ω ρ ; spin: −iωρ_s + iq j_s = −2(ρ↑/τ_sf↑ − ρ↓/τ_sf↓)
            Complex rhoC = rho[0].add(rho[1]), jc = j[0].add(j[1]);
            wC = Math.max(wC, jc.multiply(q).subtract(om.multiply(rhoC)).norm() / jc.multiply(q).norm());
            Complex rhoS = rho[0].subtract(rho[1]), js = j[0].subtract(j[1]);
            Complex lhs = om.multiply(rhoS).multiply(new Complex(0, -1)).add(js.multiply(new Complex(0, q)));
            Complex rhs = rho[0].multiply(R.spinFlipRate(0)).subtract(rho[1].multiply(R.spinFlipRate(1))).multiply(-2);
            wS = Math.max(wS, lhs.subtract(rhs).norm() / Math.max(lhs.norm(), rhs.norm()));
        }
        report("two-current ρ_σ = −iq(K_σE + K'_σE_s) (eqs 103–106)", wK, 1e-12);
        report("two-current q·j = ωρ (charge conservation)", wC, 1e-12);
        report("−iωρ_s + iq·j_s = −2(ρ↑/τ_sf↑ − ρ↓/τ_sf↓) (eq 109)", wS, 1e-12);
    }

    /** The kinetic route against the full wide-band ladder: ρ = −K^cc_00E/(iq)… agree to O(|X|). */
    @Test
    void kineticVersusFullLadder() {
        SpinFlipLadder l = new SpinFlipLadder(R);
        double worst = 0;
        for (double q : new double[]{3e-5, 1e-4, 3e-4})
            for (double w : new double[]{1e-7, 1e-6}) {
                GaugeKernels k = l.at(new double[]{q}, w);
                Complex[] rho = TC.densities(q, new Complex(w), Complex.ONE, Complex.ZERO);
                // ρ = −e²K div E = −K iq E, with K^cc_00 = q²K
                Complex ladder = k.kcc().get(0, 0).divide(q * q).multiply(new Complex(0, -q));
                Complex spin = k.ksc().get(0, 0).divide(q * q).multiply(new Complex(0, -q));
                double r1 = rho[0].add(rho[1]).subtract(ladder).norm() / ladder.norm();
                double r2 = rho[0].subtract(rho[1]).subtract(spin).norm() / spin.norm();
                worst = Math.max(worst, Math.max(r1, r2) / k.expansionParameter());
            }
        report("two-current ρ, ρ_s vs full ladder K^cc_00, K^sc_00: max rel/|X|", worst, 1);
    }

    /** Real-space solution for a moving Bloch wall: periodic spectral solver against a direct finite-difference solve. */
    @Test
    void wallProfile() {
        double e256 = fdError(256), e512 = fdError(512);
        // second-order finite volumes: the error must fall ≈ 4× per halving of h (the spectral solution is exact)
        report("wall: spectral vs finite-difference ρ(x), h/w = 0.39", e512, 0.02);
        report("wall: FD convergence order log2(e(h)/e(h/2)) − 2", Math.abs(Math.log(e256 / e512) / Math.log(2) - 2), 0.3);
    }

    static double fdError(int n) {
        Texture wall = Texture.domainWall(Texture.Wall.BLOCH, 30, 1e-4, 1e-5);
        SpinMotiveForce.Profile p = SpinMotiveForce.profile(wall, 0, -3000, 3000 - 6000.0 / n, n, R.beta(), 1);
        TwoCurrent.Solution s = TC.solve(p.x(), p.total());
        double[] fd = finiteDifferenceChargeDensity(p.x(), p.total());
        double err = 0, scale = 0;
        double[] rho = s.chargeDensity();
        for (int i = 0; i < n; i++) {
            err = Math.max(err, Math.abs(rho[i] - fd[i]));
            scale = Math.max(scale, Math.abs(rho[i]));
        }
        return err / scale;
    }

    /** Direct periodic finite-volume solve of eq 109 at ω = 0 (dense Gaussian elimination, 2N unknowns). */
    static double[] finiteDifferenceChargeDensity(double[] x, double[] es) {
        int n = x.length, m = 2 * n;
        double h = x[1] - x[0];
        double[][] a = new double[m][m];
        double[] b = new double[m];
        for (int s = 0; s < 2; s++) {
            double d = R.diffusion(s), sg = SdFerromagnet.sign(s), sig = R.conductivity(s);
            for (int i = 0; i < n; i++) {
                int row = s * n + i, ip = (i + 1) % n, im = (i + n - 1) % n;
                // (j_{i+1/2} − j_{i−1/2})/h + ρ_σ/τ_sf,σ − ρ_σ̄/τ_sf,σ̄ = 0, j = σ_σσE_s − D(ρ_{i+1} − ρ_i)/h
                a[row][s * n + ip] += -d / (h * h);
                a[row][s * n + im] += -d / (h * h);
                a[row][s * n + i] += 2 * d / (h * h) + R.spinFlipRate(s);
                a[row][(1 - s) * n + i] += -2 * Math.PI * R.gamma2() * R.dos(s);
                double ePlus = 0.5 * (es[i] + es[ip]), eMinus = 0.5 * (es[i] + es[im]);
                b[row] = -sig * sg * (ePlus - eMinus) / h;
            }
        }
        // fix the (singular) uniform charge mode: total charge 0
        for (int j = 0; j < m; j++) a[0][j] = 1;
        b[0] = 0;
        double[] sol = gauss(a, b);
        double[] rho = new double[n];
        for (int i = 0; i < n; i++) rho[i] = sol[i] + sol[n + i];
        return rho;
    }

    static double[] gauss(double[][] a, double[] b) {
        int n = b.length;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            double[] t = a[c]; a[c] = a[p]; a[p] = t;
            double tb = b[c]; b[c] = b[p]; b[p] = tb;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                if (f == 0) continue;
                for (int k = c; k < n; k++) a[r][k] -= f * a[c][k];
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
