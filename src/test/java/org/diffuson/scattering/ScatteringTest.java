package org.diffuson.scattering;

import org.diffuson.DiffusonException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Seed 001 T/S-matrix from phase shifts (Eqs. S166–S179) and the impurity sub-models (S104–S165). */
class ScatteringTest {
    static final HostMetal H = HostMetal.unit();

    static PhaseShifts fiveChannels() {
        return PhaseShifts.of(Channel.plus(0, 0.3), Channel.minus(1, 1.1), Channel.plus(1, -0.4),
                Channel.minus(2, 0.7), Channel.plus(2, -0.25), Channel.minus(3, 0.2), Channel.plus(3, 0.45));
    }

    @Test
    void unitarityOpticalTheoremToMachinePrecision() {
        // S = 1 − 2πi t unitary channel by channel; both S S† = 1 and S†S = 1 forms, l up to 3, both continuations.
        double worst = 0;
        for (PhaseShifts ps : new PhaseShifts[]{PhaseShifts.threeChannel(0.3, 1.1, -0.4), PhaseShifts.threeChannel(0.1, Math.PI / 2, 0.05), fiveChannels()})
            for (PartialWaveTMatrix.Continuation c : PartialWaveTMatrix.Continuation.values()) {
                double res = TMatrixChecks.opticalTheoremResidual(new PartialWaveTMatrix(ps, H, c));
                assertTrue(res < 1e-13, ps + " " + c + ": optical theorem residual " + res);
                worst = Math.max(worst, res);
            }
        System.out.printf(java.util.Locale.ROOT, "ORACLE optical theorem / unitarity, l ≤ 3, both continuations residual %.3e (tol 1e-13)%n", worst);
    }

    @Test
    void reciprocityAndParity() {
        PartialWaveTMatrix t = new PartialWaveTMatrix(fiveChannels(), new HostMetal(1.7, 0.6));
        assertTrue(TMatrixChecks.reciprocityResidual(t) < 1e-14, "time reversal");
        assertTrue(TMatrixChecks.parityResidual(t) < 1e-14, "parity");
        BornPotential b = BornPotential.gaussian(H, 0.3, 0.2, 0.8);
        assertTrue(TMatrixChecks.reciprocityResidual(b) < 1e-14);
        assertTrue(TMatrixChecks.parityResidual(b) < 1e-14);
        System.out.printf(java.util.Locale.ROOT, "ORACLE reciprocity / parity (l ≤ 3 and Gaussian Born) residual %.3e (tol 1e-14)%n",
                Math.max(Math.max(TMatrixChecks.reciprocityResidual(t), TMatrixChecks.parityResidual(t)),
                        Math.max(TMatrixChecks.reciprocityResidual(b), TMatrixChecks.parityResidual(b))));
    }

    /** 2×2 complex product (interleaved, row-major) a·b, with b read from b[bo..]. */
    private static double[] mul(double[] a, double[] b, int bo) {
        double[] c = new double[8];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                for (int m = 0; m < 2; m++) {
                    double ar = a[2 * (2 * i + m)], ai = a[2 * (2 * i + m) + 1], br = b[bo + 2 * (2 * m + j)], bi = b[bo + 2 * (2 * m + j) + 1];
                    c[2 * (2 * i + j)] += ar * br - ai * bi;
                    c[2 * (2 * i + j) + 1] += ar * bi + ai * br;
                }
        return c;
    }

    @Test
    void rotationCovarianceBehindTheAzimuthalSolve() {
        // T(Rp, Rk) = U T(p,k) U† and D_jT(Rp, Rk) = Σ_j' R_jj' U D_j'T(p,k) U† (U = e^{−iθ n·σ/2}), off shell, for the
        // spherical scatterers that declare rotationInvariant(): the identity the kinetic solvers' symmetry reduction uses.
        java.util.Random rnd = new java.util.Random(7);
        TMatrix[] ts = {new PartialWaveTMatrix(fiveChannels(), H), new PartialWaveTMatrix(fiveChannels(), H, PartialWaveTMatrix.Continuation.UNIT_VECTOR),
                BornPotential.gaussian(H, 0.3, 0.2, 0.8), BornPotential.point(H, 0.3, 0.2)};
        double worst = 0;
        for (TMatrix t : ts) {
            assertTrue(t.rotationInvariant(), t.toString());
            for (int trial = 0; trial < 10; trial++) {
                double[] n = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
                double nn = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]), th = 2 * Math.PI * rnd.nextDouble();
                for (int i = 0; i < 3; i++) n[i] /= nn;
                double c = Math.cos(th), sn = Math.sin(th);
                double[][] r = new double[3][3];
                for (int i = 0; i < 3; i++)
                    for (int j = 0; j < 3; j++) {
                        double eps = 0;
                        for (int k = 0; k < 3; k++) {
                            int lc = (i - j) * (j - k) * (k - i) / 2; // Levi-Civita ε_{ijk}
                            eps += lc * n[k];
                        }
                        r[i][j] = (i == j ? c : 0) + (1 - c) * n[i] * n[j] - sn * eps;
                    }
                double ch = Math.cos(th / 2), sh = Math.sin(th / 2);
                // U = ch − i sh n·σ
                double[] u = {ch, -sh * n[2], -sh * n[1], -sh * n[0], sh * n[1], -sh * n[0], ch, sh * n[2]};
                double[] ud = {u[0], -u[1], u[4], -u[5], u[2], -u[3], u[6], -u[7]};
                double[] p = new double[3], k = new double[3], rp = new double[3], rk = new double[3];
                for (int i = 0; i < 3; i++) { p[i] = 1.3 * rnd.nextGaussian(); k[i] = 0.8 * rnd.nextGaussian(); }
                for (int i = 0; i < 3; i++)
                    for (int j = 0; j < 3; j++) { rp[i] += r[i][j] * p[j]; rk[i] += r[i][j] * k[j]; }
                double[] t0 = new double[8], t1 = new double[8], d0 = new double[24], d1 = new double[24];
                t.eval(p, k, t0, 0);
                t.eval(rp, rk, t1, 0);
                t.shiftGradient(p, k, d0, 0);
                t.shiftGradient(rp, rk, d1, 0);
                double[] ut = mul(mul(u, t0, 0), ud, 0);
                double scale = 0;
                for (int x = 0; x < 8; x++) scale = Math.max(scale, Math.abs(t0[x]));
                for (int x = 0; x < 8; x++) worst = Math.max(worst, Math.abs(ut[x] - t1[x]) / scale);
                for (int j = 0; j < 3; j++) {
                    double[] expect = new double[8];
                    for (int jp = 0; jp < 3; jp++) {
                        double[] ud0 = mul(mul(u, d0, 8 * jp), ud, 0);
                        for (int x = 0; x < 8; x++) expect[x] += r[j][jp] * ud0[x];
                    }
                    for (int x = 0; x < 8; x++) worst = Math.max(worst, Math.abs(expect[x] - d1[8 * j + x]) / scale);
                }
            }
        }
        System.out.printf(java.util.Locale.ROOT, "ORACLE rotation covariance of T and D_jT (4 scatterers, 10 rotations) residual %.3e (tol 1e-13)%n", worst);
        assertTrue(worst < 1e-13, "rotation covariance residual " + worst);
    }

    @Test
    void channelProjectorsForLOne() {
        // S176–S178: j=½,l=1 → [c + i(p̂×k̂)·σ]/4π and j=3/2,l=1 → [2c − i(p̂×k̂)·σ]/4π, times t_lj = −4 e^{iη} sin η / N_F
        double eta = 0.7;
        double[] p = {0.3, -0.5, Math.sqrt(1 - 0.34)}, k = {-0.6, 0.0, 0.8};
        double c = p[0] * k[0] + p[1] * k[1] + p[2] * k[2];
        double[] n = {p[1] * k[2] - p[2] * k[1], p[2] * k[0] - p[0] * k[2], p[0] * k[1] - p[1] * k[0]}; // p̂ × k̂
        for (int twoJ : new int[]{1, 3}) {
            PartialWaveTMatrix t = new PartialWaveTMatrix(PhaseShifts.of(new Channel(1, twoJ, eta)), H);
            double[] out = new double[8];
            t.eval(p, k, out, 0);
            double fr = Math.sin(eta) * Math.cos(eta), fi = Math.sin(eta) * Math.sin(eta);
            double a = twoJ == 1 ? 1 : 2, s = twoJ == 1 ? 1 : -1, amp = -4 / H.dos() / (4 * Math.PI);
            // expected = amp·f·[a c + i s n·σ]; element (0,0) = amp f (a c + i s n_z)
            double er = amp * (fr * a * c - fi * s * n[2]), ei = amp * (fi * a * c + fr * s * n[2]);
            assertEquals(er, out[0], 1e-14);
            assertEquals(ei, out[1], 1e-14);
            // (0,1) = amp f · i s (n_x − i n_y) = amp f s (n_y + i n_x)
            assertEquals(amp * s * (fr * n[1] - fi * n[0]), out[2], 1e-14);
            assertEquals(amp * s * (fi * n[1] + fr * n[0]), out[3], 1e-14);
        }
    }

    @Test
    void phaseShiftNormalisationAndPiInvariance() {
        assertEquals(Math.PI / 2, Channel.normalise(Math.PI / 2), 0);
        assertEquals(Math.PI / 2, Channel.normalise(-Math.PI / 2), 1e-15);
        assertEquals(0.3, Channel.normalise(0.3 + 7 * Math.PI), 1e-14);
        assertEquals(-0.4, Channel.normalise(-0.4 - 3 * Math.PI), 1e-14);
        PartialWaveTMatrix a = new PartialWaveTMatrix(fiveChannels(), H), b = new PartialWaveTMatrix(fiveChannels().shiftedByPi(1, -2, 3, 1, 0, -1, 2), H);
        double[] p = {0.6, 0, 0.8}, k = {0, 1, 0}, x = new double[8], y = new double[8];
        a.eval(p, k, x, 0);
        b.eval(p, k, y, 0);
        for (int i = 0; i < 8; i++) assertEquals(x[i], y[i], 1e-14);
    }

    @Test
    void shiftGradientMatchesFiniteDifferences() {
        // D_j T = (∂p_j + ∂k_j) T is the derivative along a common shift p → p + h e_j, k → k + h e_j (off shell)
        for (PartialWaveTMatrix.Continuation c : PartialWaveTMatrix.Continuation.values()) {
            TMatrix[] ts = {new PartialWaveTMatrix(fiveChannels(), new HostMetal(1.3, 0.7), c), BornPotential.gaussian(H, 0.4, 0.3, 0.9)};
            for (TMatrix t : ts) {
                double[] p = {0.5, -0.9, 0.6}, k = {-0.8, 0.2, 0.95};
                double[] g = new double[24], plus = new double[8], minus = new double[8];
                t.shiftGradient(p, k, g, 0);
                double h = 1e-5;
                for (int j = 0; j < 3; j++) {
                    double[] pp = p.clone(), kp = k.clone(), pm = p.clone(), km = k.clone();
                    pp[j] += h; kp[j] += h; pm[j] -= h; km[j] -= h;
                    t.eval(pp, kp, plus, 0);
                    t.eval(pm, km, minus, 0);
                    for (int i = 0; i < 8; i++) {
                        double fd = (plus[i] - minus[i]) / (2 * h);
                        assertEquals(fd, g[8 * j + i], 1e-8 * (1 + Math.abs(fd)), t + " j=" + j + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void bornReductionPointAndGaussian() {
        // Partial-wave T with the Born phase shifts of V equals V + O(V²): halving U quarters the residual.
        for (double a : new double[]{0, 0.9}) {
            double[] res = new double[2];
            for (int s = 0; s < 2; s++) {
                double u = (s == 0 ? 0.2 : 0.1);
                BornPotential v = new BornPotential(H, u, 0.35, a);
                PartialWaveTMatrix t = new PartialWaveTMatrix(v.bornPhaseShifts(a == 0 ? 1 : 12), H);
                double[] x = new double[8], y = new double[8];
                double max = 0, vmax = 0;
                double[][] dirs = {{0, 0, 1}, {1, 0, 0}, {0.6, 0.8, 0}, {-0.48, 0.6, 0.64}};
                for (double[] p : dirs)
                    for (double[] k : dirs) {
                        t.eval(p, k, x, 0);
                        v.eval(p, k, y, 0);
                        for (int i = 0; i < 8; i++) { max = Math.max(max, Math.abs(x[i] - y[i])); vmax = Math.max(vmax, Math.abs(y[i])); }
                    }
                res[s] = max / vmax;
            }
            assertTrue(res[0] < 0.2, "Born reduction residual " + res[0]);
            assertEquals(2.0, res[0] / res[1], 0.15, "relative residual must be linear in U (absolute O(U²)); a=" + a);
        }
    }

    @Test
    void kondoTemperatureExactAndFriedel() {
        // Oracle 8: T_K(q=½) = ε_F e^{−y}/√(1−e^{−2y}); JN_F = 0.1 → 4.539993e−5 ε_F
        double tk = ResonantLevel.kondoTemperature(1, 0.1, 0.5);
        assertEquals(4.539993e-5, tk, 5e-12);
        double y = 10;
        assertEquals(Math.exp(-y) / Math.sqrt(1 - Math.exp(-2 * y)), tk, 1e-18);
        // second method: the stationarity condition S158 itself, ln(|ξ|/|ξ+ε_F|) = −1/JN_F, for q = 1/4
        double q = 0.25, t4 = ResonantLevel.kondoTemperature(2.0, 0.15, q);
        double xr = t4 * Math.cos(Math.PI * q), xi = t4 * Math.sin(Math.PI * q);
        assertEquals(-1 / 0.15, Math.log(Math.hypot(xr, xi) / Math.hypot(xr + 2.0, xi)), 1e-12);
        // η(ε_F) = πq (Friedel, S154) for the mean-field resonance
        assertEquals(Math.PI / 2, ResonantLevel.kondo(1, 0.1, 0.5).phaseShift(1), 1e-15);
        assertEquals(Math.PI / 4, ResonantLevel.kondo(1, 0.2, 0.25).phaseShift(1), 1e-14);
        assertEquals(Math.PI / 2, ResonantLevel.friedelPhaseShift(1, 2), 0);
        assertEquals(Math.PI / 4, ResonantLevel.friedelPhaseShift(1, 4), 0);
        assertEquals(2, ResonantLevel.wilsonRatio(2), 0);
    }

    @Test
    void fumiEnergyClosedFormAgainstQuadrature() {
        ResonantLevel lvl = new ResonantLevel(0.8, 0.05);
        double ef = 1.0;
        // composite 20-node Gauss–Legendre on 400 panels (an independent numerical integral of η(ε))
        org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory f = new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory();
        double num = 0;
        int panels = 400;
        for (int i = 0; i < panels; i++)
            num += f.legendre(20, ef * i / panels, ef * (i + 1) / panels).integrate(lvl::phaseShift);
        assertEquals(-2 * num / Math.PI, lvl.fumiEnergy(ef, 2), 1e-12);
    }

    @Test
    void schriefferWolff() {
        // Oracle 8: at ε₀ = ε_F − U/2, U_pot = 0 and J = 8|V|²/U
        SchriefferWolff sw = new SchriefferWolff(1 - 0.5 * 3, 3, 0.2, 1);
        assertEquals(8 * 0.04 / 3, sw.exchange(), 1e-15);
        assertEquals(0, sw.potentialScattering(), 1e-16);
        assertThrows(DiffusonException.class, () -> new SchriefferWolff(2, 3, 0.2, 1));
    }

    @Test
    void badInputNamesTheParameter() {
        DiffusonException e = assertThrows(DiffusonException.class, () -> new HostMetal(0, 1));
        assertEquals("kF", e.parameter());
        e = assertThrows(DiffusonException.class, () -> new HostMetal(-1, 1));
        assertEquals("kF", e.parameter());
        e = assertThrows(DiffusonException.class, () -> new Channel(0, 3, 0.1));
        assertEquals("j", e.parameter());
        e = assertThrows(DiffusonException.class, () -> Channel.plus(0, Double.NaN));
        assertEquals("eta", e.parameter());
        e = assertThrows(DiffusonException.class, () -> PhaseShifts.of(Channel.plus(0, 0.1), Channel.plus(0, 0.2)));
        assertEquals("channels", e.parameter());
    }

    @Test
    void userTMatrixViolatingOpticalTheoremIsRejectedWithResidual() {
        PartialWaveTMatrix good = new PartialWaveTMatrix(PhaseShifts.threeChannel(0.3, 1.1, -0.4), H);
        TMatrix scaled = new TMatrix() { // 10 % too strong: not unitary
            public HostMetal host() { return H; }
            public void eval(double[] p, double[] k, double[] out, int off) {
                good.eval(p, k, out, off);
                for (int i = 0; i < 8; i++) out[off + i] *= 1.1;
            }
            public void shiftGradient(double[] p, double[] k, double[] out, int off) { good.shiftGradient(p, k, out, off); }
            public int maxL() { return 1; }
        };
        DiffusonException e = assertThrows(DiffusonException.class, () -> TMatrixChecks.requireUnitary(scaled, 1e-10));
        assertEquals("tMatrix", e.parameter());
        assertTrue(e.getMessage().contains("optical theorem"), e.getMessage());
        assertSame(good, TMatrixChecks.requireUnitary(good, 1e-10));
    }
}
