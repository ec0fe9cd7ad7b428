package org.diffuson.integrate;

import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Hamiltonian;

import java.util.ArrayList;
import java.util.List;

/**
 * Fermi momenta along the k_x axis: the |k| ∈ (0, k_c) where a band of H(k) + S crosses the energy E (S a Hermitian
 * shift, e.g. Re Σ), with the band velocity |∂_k E_b| there, for quadrature refinement around the poles.
 * <p>Each band E_b(k) (ascending eigenvalues of H(k, 0, 0) + S; closed form for n = 2, no allocation) is sampled on a
 * uniform scan; a crossing is bracketed by a sign change, or — where E_b turns between samples (a band minimum or
 * maximum, e.g. the Rashba ring) — by locating the extremum (golden section) and testing its sign, so a pair of
 * crossings closer than the scan step is not missed. Each bracket is then solved by Brent's method to ~1e-15 k_c.
 * Isotropic models (a declared {@link org.diffuson.model.Isotropy}) have smooth radial dispersions and are scanned
 * with {@value #SCAN_ISOTROPIC} points; other models with {@value #SCAN_GENERAL}.
 */
public final class FermiMomenta {
    private FermiMomenta() {}

    static final int SCAN_ISOTROPIC = 128;
    static final int SCAN_GENERAL = 1500;

    /** A crossing: momentum, band index, |∂E/∂k| there. */
    public record Crossing(double k, int band, double velocity) {}

    public static List<Crossing> find(Hamiltonian h, CMatrix shift, double energy, double cutoff) {
        return scan(h, shift, cutoff).crossings(energy);
    }

    /**
     * Band extrema on the k_x axis in (0, k_c): the k where a band of H + shift turns (band edges away from k = 0,
     * e.g. the Rashba ring minimum), located by golden section between scan points.
     */
    public static double[] extrema(Hamiltonian h, CMatrix shift, double cutoff) { return scan(h, shift, cutoff).extrema(); }

    /**
     * The bands of H + shift sampled once on the uniform scan of (0, k_c], for several questions about the same
     * dispersion: {@link Scan#crossings} at any energy and {@link Scan#extrema} (the grid policy asks both).
     */
    public static Scan scan(Hamiltonian h, CMatrix shift, double cutoff) {
        if (!(h instanceof org.diffuson.model.TermHamiltonian)) return new Scan(h, shift, cutoff);
        // A builder model is immutable, so its scan (and its crossings) can be shared by the calls of one pipeline on
        // this thread (on-shell Born Σ, then the grid policy): the last two scans are kept per thread (the SCBA's second
        // grid asks for the bands of H + Re Σ and then again for the bare bands its first grid scanned). So each pooled
        // thread keeps up to two Scans, and the models they reference, alive until it scans again.
        Scan[] last = LAST.get();
        for (int i = 0; i < last.length; i++) {
            Scan c = last[i];
            if (c != null && c.h == h && c.cutoff == cutoff && sameShift(c.shift, shift)) {
                if (i > 0) { last[i] = last[0]; last[0] = c; }
                return c;
            }
        }
        Scan s = new Scan(h, shift, cutoff);
        last[1] = last[0];
        last[0] = s;
        return s;
    }

    private static final ThreadLocal<Scan[]> LAST = ThreadLocal.withInitial(() -> new Scan[2]);

    private static boolean sameShift(CMatrix a, CMatrix b) {
        return a == b || (a != null && b != null && java.util.Arrays.equals(a.toArray(), b.toArray()));
    }

    /** Sampled bands E_b(k_i) of H + shift (see {@link #scan}). */
    public static final class Scan {
        private final Hamiltonian h;
        private final CMatrix shift;
        private final double cutoff;
        private final int scan, nb;
        private final double[] ks;
        private final double[][] raw; // [band][i]

        private Scan(Hamiltonian h, CMatrix shift, double cutoff) { this(h, shift, cutoff, true); }

        /** {@code prove}: try {@link #monotoneBands} (false: sample every band everywhere, for tests). */
        Scan(Hamiltonian h, CMatrix shift, double cutoff, boolean prove) {
            this.h = h;
            this.shift = shift;
            this.cutoff = cutoff;
            this.scan = h.isotropy().reducible() ? SCAN_ISOTROPIC : SCAN_GENERAL;
            this.nb = h.dim();
            Bands f = new Bands(h, shift, 0);
            this.bands0 = f;
            ks = new double[scan + 1];
            raw = new double[nb][scan + 1];
            double[][] axis = prove && h.dim() == 2 && h instanceof org.diffuson.model.TermHamiltonian t ? t.axisCoefficients() : null;
            monotone = axis != null && monotoneBands(axis, shift == null ? new double[8] : shift.toArray());
            sampled = monotone ? new boolean[scan + 1] : null;
            if (monotone) {
                // strictly monotone bands have no turns, and their crossings are found by bisection over the same samples
                // (sample points and values computed on demand)
                turnAt = new int[nb][0];
                turnK = new double[nb][0];
                turnE = new double[nb][0];
                return;
            }
            for (int i = 0; i <= scan; i++) ks[i] = k(i);
            for (int i = 0; i <= scan; i++) {
                double[] v = f.at(ks[i]);
                for (int b = 0; b < nb; b++) raw[b][i] = v[b];
            }
            // the turns of each band between samples (energy independent): sample index, the extremum's k and band value
            turnAt = new int[nb][];
            turnK = new double[nb][];
            turnE = new double[nb][];
            for (int b = 0; b < nb; b++) {
                double[] y = raw[b];
                int count = 0;
                for (int i = 1; i < scan; i++) if ((y[i] - y[i - 1]) * (y[i + 1] - y[i]) < 0) count++;
                turnAt[b] = new int[count];
                turnK[b] = new double[count];
                turnE[b] = new double[count];
                for (int i = 1, t = 0; i < scan; i++)
                    if ((y[i] - y[i - 1]) * (y[i + 1] - y[i]) < 0) {
                        double kx = extremum(f, b, ks[i - 1], ks[i + 1], y[i] < y[i - 1]);
                        turnAt[b][t] = i;
                        turnK[b][t] = kx;
                        turnE[b][t++] = f.at(kx)[b];
                    }
            }
        }

        private final int[][] turnAt;
        private final double[][] turnK, turnE;
        /** Every band proven strictly monotone on (0, k_c] ({@link #monotoneBands}): samples taken on demand. */
        private final boolean monotone;
        private final Bands bands0;

        private final boolean[] sampled; // monotone: which samples are computed

        /** Scan point i: 10⁻⁹k_c, then i·k_c/scan. */
        private double k(int i) { return i == 0 ? cutoff * 1e-9 : cutoff * i / scan; }

        /** Sample i of band b (computed on first use when {@link #monotone}). */
        private double sample(int b, int i) {
            if (!sampled[i]) {
                ks[i] = k(i);
                double[] v = bands0.at(ks[i]);
                for (int c = 0; c < nb; c++) raw[c][i] = v[c];
                sampled[i] = true;
            }
            return raw[b][i];
        }

        /**
         * The crossing of a strictly monotone band, exactly as the walk over all samples finds it: the pair (L, L + 1)
         * with L the last sample on the starting side (E_b − E ≤ 0 for a rising band, ≥ 0 for a falling one), found by
         * bisection over the sample indices; none when L is the last sample.
         */
        private void monotoneCrossing(Bands f, int b, double energy, double tol, List<Crossing> out) {
            double first = sample(b, 0) - energy, last = sample(b, scan) - energy;
            double s = sample(b, scan) > sample(b, 0) ? 1 : -1; // rising: v ≤ 0 is the starting side
            if (s * first > 0 || s * last <= 0) return;
            int lo = 0, hi = scan;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (s * (sample(b, mid) - energy) <= 0) lo = mid;
                else hi = mid;
            }
            double vl = sample(b, lo) - energy, vh = sample(b, hi) - energy;
            if (vl == 0 || vl * vh < 0) out.add(crossing(f, b, ks[lo], ks[hi], vl, vh, tol));
        }

        private double lastEnergy = Double.NaN;
        private List<Crossing> lastCrossings;

        /** The crossings of the bands with {@code energy}, sorted by k (then band); an unmodifiable list. */
        public synchronized List<Crossing> crossings(double energy) {
            if (lastCrossings == null || Double.doubleToLongBits(energy) != Double.doubleToLongBits(lastEnergy)) {
                lastCrossings = java.util.Collections.unmodifiableList(compute(energy));
                lastEnergy = energy;
            }
            return lastCrossings;
        }

        private List<Crossing> compute(double energy) {
            Bands f = new Bands(h, shift, energy);
            List<Crossing> out = new ArrayList<>(2);
            double tol = 1e-15 * cutoff;
            for (int b = 0; b < nb; b++) {
                if (monotone) {
                    monotoneCrossing(f, b, energy, tol, out);
                    continue;
                }
                // the samples of this band, plus the extremum of a turn between samples (located once by the constructor)
                // where E_b − E may touch zero, in k order; a crossing in every sign change between neighbours
                double[] y = raw[b];
                int[] at = turnAt[b];
                Walk w = new Walk(f, b, tol, out);
                for (int i = 0, t = 0; i <= scan; i++) {
                    double yi = y[i] - energy, kx = 0, fx = 0;
                    boolean before = false, after = false;
                    if (t < at.length && at[t] == i) {
                        kx = turnK[b][t];
                        fx = turnE[b][t++] - energy;
                        if (kx > w.k && kx < ks[i + 1] && kx != ks[i] && fx * yi <= 0) {
                            before = kx < ks[i];
                            after = !before;
                        }
                    }
                    if (before) w.to(kx, fx);
                    w.to(ks[i], yi);
                    if (after) w.to(kx, fx);
                }
            }
            out.sort((x, z) -> x.k() != z.k() ? Double.compare(x.k(), z.k()) : Integer.compare(x.band(), z.band()));
            return out;
        }

        /** A walk along one band's points: a crossing wherever E_b − E changes sign (or is 0) between neighbours. */
        private static final class Walk {
            final Bands f;
            final int b;
            final double tol;
            final List<Crossing> out;
            double k = Double.NaN, v = Double.NaN;

            Walk(Bands f, int b, double tol, List<Crossing> out) {
                this.f = f;
                this.b = b;
                this.tol = tol;
                this.out = out;
            }

            void to(double k1, double v1) {
                if (!Double.isNaN(v) && (v == 0 || v * v1 < 0)) out.add(crossing(f, b, k, k1, v, v1, tol));
                k = k1;
                v = v1;
            }
        }

        /** The band extrema in (0, k_c) (see {@link FermiMomenta#extrema}). */
        public double[] extrema() {
            if (monotone) return new double[0];
            java.util.TreeSet<Double> out = new java.util.TreeSet<>();
            for (int b = 0; b < nb; b++) for (double k : turnK[b]) out.add(k);
            return out.stream().mapToDouble(Double::doubleValue).filter(k -> k > 1e-9 * cutoff && k < cutoff).toArray();
        }
    }

    /**
     * Whether both bands of the 2×2 polynomial H(k, 0, 0) + S (axis coefficients [power][interleaved entry]; S Hermitian,
     * interleaved) are strictly monotone on (0, ∞), proven from the polynomials: with m = (a + d)/2, h = (a − d)/2 and b
     * the off-diagonal entry, E_± = m ± √Q, Q = h² + |b|². If Q > 0 for k > 0, E_±′ = 0 needs 4m′²Q − Q′² = 0; so when
     * Q and P = 4m′²Q − Q′² each have coefficients of one sign (not all zero), neither has a positive root (Descartes'
     * rule of signs) and neither band turns. A coefficient within 10⁻¹² of the size of the products it sums counts as
     * of either sign (no proof; the bands are then scanned). The massive Dirac model: m′ = 0, P = −Q′² = −4α⁴k².
     */
    static boolean monotoneBands(double[][] axis, double[] shift) {
        int deg = axis.length - 1, dq = 2 * deg;
        if (deg == 0) return false; // constant bands
        // the Pauli components m (= m₀), h (= m_z), Re b (= m_x), −Im b (= m_y) per power (Pauli.components; only products
        // of two b components enter Q, so the sign of Im b does not), then Q and its bound (sums of the absolute products)
        double[] m = new double[deg + 1], h = new double[deg + 1], br = new double[deg + 1], bi = new double[deg + 1], pc = new double[4];
        for (int p = 0; p <= deg; p++) {
            double[] a = axis[p];
            if (p == 0) {
                a = a.clone();
                for (int i = 0; i < 8; i++) a[i] += shift[i];
            }
            Pauli.components(a, 0, pc);
            m[p] = pc[0];
            h[p] = pc[3];
            br[p] = pc[1];
            bi[p] = pc[2];
        }
        double[] q = new double[dq + 1], qb = new double[dq + 1];
        for (int i = 0; i <= deg; i++)
            for (int j = 0; j <= deg; j++) {
                q[i + j] += h[i] * h[j] + br[i] * br[j] + bi[i] * bi[j];
                qb[i + j] += Math.abs(h[i] * h[j]) + Math.abs(br[i] * br[j]) + Math.abs(bi[i] * bi[j]);
            }
        if (sign(q, qb) <= 0) return false;
        // P = 4m′²Q − Q′² and its bound 4|m′|²Q_b + Q_b′²
        int dp = Math.max(2 * (deg - 1) + dq, 2 * (dq - 1));
        double[] p = new double[dp + 1], pb = new double[dp + 1];
        for (int i = 0; i < deg; i++)
            for (int j = 0; j < deg; j++) {
                double mm = (i + 1) * m[i + 1] * ((j + 1) * m[j + 1]);
                for (int l = 0; l <= dq; l++) {
                    p[i + j + l] += 4 * mm * q[l];
                    pb[i + j + l] += 4 * Math.abs(mm) * qb[l];
                }
            }
        for (int i = 0; i < dq; i++)
            for (int j = 0; j < dq; j++) {
                p[i + j] -= (i + 1) * q[i + 1] * ((j + 1) * q[j + 1]);
                pb[i + j] += (i + 1) * qb[i + 1] * ((j + 1) * qb[j + 1]);
            }
        return sign(p, pb) != 0;
    }

    /** +1 or −1 when every coefficient of c is zero or of that sign beyond 10⁻¹² of its bound b (not all zero), else 0. */
    private static int sign(double[] c, double[] b) {
        int s = 0;
        for (int i = 0; i < c.length; i++) {
            if (b[i] == 0 && c[i] == 0) continue;
            if (!(Math.abs(c[i]) > 1e-12 * b[i])) return 0;
            int si = c[i] > 0 ? 1 : -1;
            if (s != 0 && si != s) return 0;
            s = si;
        }
        return s;
    }

    private static Crossing crossing(Bands f, int b, double lo, double hi, double flo, double fhi, double tol) {
        double kf = flo == 0 ? lo : fhi == 0 ? hi : brent(f, b, lo, hi, flo, fhi, tol);
        double cutoffScale = Math.max(kf, 1e-3 * hi);
        double dk = 1e-6 * cutoffScale, kl = Math.max(kf - dk, 0);
        double v = Math.abs(f.at(kf + dk)[b] - f.at(kl)[b]) / (kf + dk - kl);
        return new Crossing(kf, b, v);
    }

    /** Brent's root finder on a bracket with f(lo)·f(hi) &lt; 0 (inverse quadratic interpolation, bisection fallback). */
    static double brent(Bands f, int band, double a, double b, double fa, double fb, double tol) {
        double c = a, fc = fa, d = b - a, e = d;
        for (int it = 0; it < 200; it++) {
            if (fb * fc > 0) { c = a; fc = fa; d = b - a; e = d; }
            if (Math.abs(fc) < Math.abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
            double t = 2 * 1e-16 * Math.abs(b) + 0.5 * tol, m = 0.5 * (c - b);
            if (Math.abs(m) <= t || fb == 0) return b;
            if (Math.abs(e) >= t && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa, p, q;
                if (a == c) { p = 2 * m * s; q = 1 - s; }
                else {
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < Math.min(3 * m * q - Math.abs(t * q), Math.abs(e * q))) { e = d; d = p / q; }
                else { d = m; e = m; }
            } else { d = m; e = m; }
            a = b; fa = fb;
            b += Math.abs(d) > t ? d : (m > 0 ? t : -t);
            fb = f.at(b)[band];
        }
        return b;
    }

    /** Golden-section search for the minimum (or maximum) of E_b − E on [a, b]. */
    private static double extremum(Bands f, int band, double a, double b, boolean minimum) {
        double g = 0.5 * (Math.sqrt(5) - 1), s = minimum ? 1 : -1;
        double x1 = b - g * (b - a), x2 = a + g * (b - a), f1 = s * f.at(x1)[band], f2 = s * f.at(x2)[band];
        for (int it = 0; it < 80 && b - a > 1e-13 * Math.max(1, Math.abs(b)); it++) {
            if (f1 < f2) { b = x2; x2 = x1; f2 = f1; x1 = b - g * (b - a); f1 = s * f.at(x1)[band]; }
            else { a = x1; x1 = x2; f1 = f2; x2 = a + g * (b - a); f2 = s * f.at(x2)[band]; }
        }
        return 0.5 * (a + b);
    }

    /** E_b(k) − E on the k_x axis, into a reused buffer. */
    static final class Bands {
        private final Hamiltonian h;
        private final double[] s, hk, out, pc;
        private final double energy;
        private final int n;

        Bands(Hamiltonian h, CMatrix shift, double energy) {
            this.h = h;
            this.n = h.dim();
            this.s = shift == null ? null : shift.toArray();
            this.hk = new double[2 * n * n];
            this.out = new double[n];
            this.pc = new double[4];
            this.energy = energy;
        }

        double[] at(double k) {
            h.evalAxis(k, hk, 0);
            if (s != null) for (int i = 0; i < hk.length; i++) hk[i] += s[i];
            if (n == 2) {
                // Hermitian 2×2 = m₀ + m·σ (Pauli.components): λ = m₀ ∓ √(m_z² + m_x² + m_y²), ascending
                Pauli.components(hk, 0, pc);
                double mean = pc[0], r = Math.sqrt(pc[3] * pc[3] + pc[1] * pc[1] + pc[2] * pc[2]);
                out[0] = mean - r - energy;
                out[1] = mean + r - energy;
            } else {
                double[] v = Eigen.hermitian(CMatrix.of(n, n, hk)).values();
                for (int b = 0; b < n; b++) out[b] = v[b] - energy;
            }
            return out;
        }
    }
}
