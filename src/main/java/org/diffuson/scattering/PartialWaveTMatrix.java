package org.diffuson.scattering;

import org.diffuson.DiffusonException;

import java.util.Locale;

/**
 * The exact single-impurity T-matrix of a spherical impurity with spin–orbit coupling, from its phase shifts
 * (seed 001 Eqs. S166–S171, S176–S179, generalised to any l):
 * <pre>
 *   T(p,k) = −(1/πN_F) Σ_l { [(l+1) f_{l+} + l f_{l−}] P_l(c) 1 + i (f_{l+} − f_{l−}) P_l′(c) (k̂×p̂)·σ },
 * </pre>
 * with f_{lj} = e^{iη_{lj}} sin η_{lj}, c = p̂·k̂ and l± meaning j = l ± ½. For l ≤ 1 this is the paper's Eq. 17 / S179
 * (with +2f₂ inside the bracket: the "−2e^{iη₂}" of S90 is a sign typo). On shell the S-matrix s_{lj} = e^{2iη_{lj}} is
 * unitary channel by channel.
 * <p>
 * Off shell (needed for the side-jump derivative D_pk of seed 001 Eq. 3), the {@link Continuation} chooses how the
 * angular factors depend on |p| ≠ |k|: {@link Continuation#FULL_MOMENTUM} (the paper's S182–S186: T_kp = V_k* G V_p with
 * V_p ∝ p^l, so P_l(c) → (pk/k_F²)^l P_l(c)), or {@link Continuation#UNIT_VECTOR} (angles only). The energy dependence of
 * η and N_F is never differentiated (S185–S186).
 */
public final class PartialWaveTMatrix implements TMatrix {
    /** Off-shell continuation of the angular factors. */
    public enum Continuation {
        /** P_l(c) → (|p||k|/k_F²)^l P_l(c): polynomials in the full vectors p, k (seed 001 S182–S186; the default). */
        FULL_MOMENTUM,
        /** Functions of the unit vectors p̂, k̂ only. Changes the Ω's at O(1); shown for comparison. */
        UNIT_VECTOR
    }

    private final PhaseShifts shifts;
    private final HostMetal host;
    private final Continuation continuation;
    private final int lmax;
    private final double[] aRe, aIm, bRe, bIm; // per-l scalar and spin-orbit amplitudes
    private final double[][] legendre;          // legendre[l][m] = c_{l,m}: P_l(x) = Σ_m c_{l,m} x^{l−2m}
    private final double[] kf2l;                // k_F^{2l}

    public PartialWaveTMatrix(PhaseShifts shifts, HostMetal host, Continuation continuation) {
        if (shifts == null) throw new DiffusonException("shifts", "is null", "pass PhaseShifts.of(...)");
        if (host == null) throw new DiffusonException("host", "is null", "pass a HostMetal, e.g. HostMetal.unit()");
        if (continuation == null) throw new DiffusonException("continuation", "is null", "pass FULL_MOMENTUM (the paper's) or UNIT_VECTOR");
        this.shifts = shifts;
        this.host = host;
        this.continuation = continuation;
        int lm = 0;
        for (Channel c : shifts.channels()) lm = Math.max(lm, c.l());
        this.lmax = lm;
        aRe = new double[lm + 1];
        aIm = new double[lm + 1];
        bRe = new double[lm + 1];
        bIm = new double[lm + 1];
        double pref = -1 / (Math.PI * host.dos());
        for (Channel c : shifts.channels()) {
            int l = c.l();
            double w = c.jPlus() ? l + 1 : l, sgn = c.jPlus() ? 1 : -1;
            aRe[l] += pref * w * c.fRe();
            aIm[l] += pref * w * c.fIm();
            bRe[l] += pref * sgn * c.fRe();
            bIm[l] += pref * sgn * c.fIm();
        }
        legendre = new double[lm + 1][];
        kf2l = new double[lm + 1];
        for (int l = 0; l <= lm; l++) {
            legendre[l] = new double[l / 2 + 1];
            for (int m = 0; m <= l / 2; m++)
                legendre[l][m] = (m % 2 == 0 ? 1 : -1) * fact(2 * l - 2 * m) / (Math.pow(2, l) * fact(m) * fact(l - m) * fact(l - 2 * m));
            kf2l[l] = Math.pow(host.kF(), 2 * l);
        }
    }

    /** The paper's default: full-momentum continuation. */
    public PartialWaveTMatrix(PhaseShifts shifts, HostMetal host) { this(shifts, host, Continuation.FULL_MOMENTUM); }

    private static double fact(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    public PhaseShifts phaseShifts() { return shifts; }
    public Continuation continuation() { return continuation; }
    @Override public HostMetal host() { return host; }
    @Override public int maxL() { return shifts.maxL(); }
    /** A spherical impurity: T(Rp, Rk) = U_R T(p, k) U_R†. */
    @Override public boolean rotationInvariant() { return true; }
    @Override public int gradientDegree() { return continuation == Continuation.UNIT_VECTOR ? maxL() + 1 : maxL(); }

    /** Channel amplitude t_{lj} = −4 e^{iη} sin η / N_F (seed 001 Eq. S171), as {re, im}. */
    public double[] channelAmplitude(Channel c) {
        double s = -4 / host.dos();
        return new double[]{s * c.fRe(), s * c.fIm()};
    }

    /** This T-matrix with another continuation. */
    public PartialWaveTMatrix withContinuation(Continuation c) { return new PartialWaveTMatrix(shifts, host, c); }

    @Override
    public void eval(double[] p, double[] k, double[] out, int off) {
        double u = p[0] * k[0] + p[1] * k[1] + p[2] * k[2];
        double pp = p[0] * p[0] + p[1] * p[1] + p[2] * p[2], kk = k[0] * k[0] + k[1] * k[1] + k[2] * k[2];
        double q = pp * kk;
        double cx = k[1] * p[2] - k[2] * p[1], cy = k[2] * p[0] - k[0] * p[2], cz = k[0] * p[1] - k[1] * p[0]; // k × p
        double sr = 0, si = 0, g0r = 0, g0i = 0;
        if (continuation == Continuation.FULL_MOMENTUM) {
            double[] up = powers(u), qp = powers(q);
            for (int l = 0; l <= lmax; l++) {
                double f = 0, g = 0;
                double[] c = legendre[l];
                for (int m = 0; m < c.length; m++) {
                    int e = l - 2 * m;
                    double qm = qp[m];
                    f += c[m] * up[e] * qm;
                    if (e >= 1) g += c[m] * e * up[e - 1] * qm;
                }
                f /= kf2l[l];
                g /= kf2l[l];
                sr += aRe[l] * f;
                si += aIm[l] * f;
                g0r += bRe[l] * g;
                g0i += bIm[l] * g;
            }
        } else {
            double sq = Math.sqrt(q), c = u / sq;
            cx /= sq;
            cy /= sq;
            cz /= sq;
            double pm = 1, pl = c, dm = 0, dl = 1; // P_{l-1}, P_l, P'_{l-1}, P'_l starting at l = 1
            for (int l = 0; l <= lmax; l++) {
                double P, dP;
                if (l == 0) { P = 1; dP = 0; }
                else if (l == 1) { P = c; dP = 1; }
                else {
                    double pn = ((2 * l - 1) * c * pl - (l - 1) * pm) / l;
                    double dn = dm + (2 * l - 1) * pl;
                    pm = pl; pl = pn; dm = dl; dl = dn;
                    P = pn; dP = dn;
                }
                sr += aRe[l] * P;
                si += aIm[l] * P;
                g0r += bRe[l] * dP;
                g0i += bIm[l] * dP;
            }
        }
        fill(sr, si, g0r * cx, g0i * cx, g0r * cy, g0i * cy, g0r * cz, g0i * cz, out, off);
    }

    /** x⁰ … x^{l_max}. */
    private double[] powers(double x) {
        double[] r = new double[lmax + 1];
        r[0] = 1;
        for (int i = 1; i <= lmax; i++) r[i] = r[i - 1] * x;
        return r;
    }

    /** T = s 1 + i v·σ with complex s and v, written interleaved. */
    static void fill(double sr, double si, double vxr, double vxi, double vyr, double vyi, double vzr, double vzi, double[] out, int off) {
        // i v_z = −v_zi + i v_zr ; i v_x = −v_xi + i v_xr
        out[off] = sr - vzi;
        out[off + 1] = si + vzr;
        out[off + 2] = -vxi + vyr;
        out[off + 3] = vxr + vyi;
        out[off + 4] = -vxi - vyr;
        out[off + 5] = vxr - vyi;
        out[off + 6] = sr + vzi;
        out[off + 7] = si - vzr;
    }

    @Override
    public void shiftGradient(double[] p, double[] k, double[] out, int off) {
        double u = p[0] * k[0] + p[1] * k[1] + p[2] * k[2];
        double pp = p[0] * p[0] + p[1] * p[1] + p[2] * p[2], kk = k[0] * k[0] + k[1] * k[1] + k[2] * k[2];
        double q = pp * kk;
        double[] kxp = {k[1] * p[2] - k[2] * p[1], k[2] * p[0] - k[0] * p[2], k[0] * p[1] - k[1] * p[0]};
        if (continuation == Continuation.FULL_MOMENTUM) {
            // scalar parts: S_l = F_l(u,Q), V_l = G_l(u,Q) (k×p); D_j u = p_j + k_j, D_j Q = 2(p_j k² + k_j p²),
            // D_j (k×p) = (k − p) × e_j
            double su = 0, suI = 0, sQ = 0, sQI = 0, gr = 0, gi = 0, guR = 0, guI = 0, gqR = 0, gqI = 0;
            double[] up = powers(u), qp = powers(q);
            for (int l = 0; l <= lmax; l++) {
                double fu = 0, fq = 0, g = 0, gu = 0, gq = 0;
                double[] c = legendre[l];
                for (int m = 0; m < c.length; m++) {
                    int e = l - 2 * m;
                    if (e >= 1) fu += c[m] * e * up[e - 1] * qp[m];
                    if (m >= 1) fq += c[m] * m * up[e] * qp[m - 1];
                    if (e >= 1) {
                        g += c[m] * e * up[e - 1] * qp[m];
                        if (e >= 2) gu += c[m] * e * (e - 1) * up[e - 2] * qp[m];
                        if (m >= 1) gq += c[m] * e * m * up[e - 1] * qp[m - 1];
                    }
                }
                double s = 1 / kf2l[l];
                su += aRe[l] * fu * s; suI += aIm[l] * fu * s;
                sQ += aRe[l] * fq * s; sQI += aIm[l] * fq * s;
                gr += bRe[l] * g * s; gi += bIm[l] * g * s;
                guR += bRe[l] * gu * s; guI += bIm[l] * gu * s;
                gqR += bRe[l] * gq * s; gqI += bIm[l] * gq * s;
            }
            double[] d = {k[0] - p[0], k[1] - p[1], k[2] - p[2]};
            for (int j = 0; j < 3; j++) {
                double du = p[j] + k[j], dq = 2 * (p[j] * kk + k[j] * pp);
                double dsr = su * du + sQ * dq, dsi = suI * du + sQI * dq;
                double cr = guR * du + gqR * dq, ci = guI * du + gqI * dq;
                // (d × e_j)_a = ε_{abj} d_b
                double[] dxe = cross(d, j);
                fill(dsr, dsi,
                        cr * kxp[0] + gr * dxe[0], ci * kxp[0] + gi * dxe[0],
                        cr * kxp[1] + gr * dxe[1], ci * kxp[1] + gi * dxe[1],
                        cr * kxp[2] + gr * dxe[2], ci * kxp[2] + gi * dxe[2], out, off + 8 * j);
            }
        } else {
            double pn = Math.sqrt(pp), kn = Math.sqrt(kk);
            double[] ph = {p[0] / pn, p[1] / pn, p[2] / pn}, kh = {k[0] / kn, k[1] / kn, k[2] / kn};
            double c = u / (pn * kn);
            double[] n = {kxp[0] / (pn * kn), kxp[1] / (pn * kn), kxp[2] / (pn * kn)};
            double d1r = 0, d1i = 0, d2r = 0, d2i = 0, d3r = 0, d3i = 0; // Σ a P', Σ b P', Σ b P''
            double pm = 1, pl = c, dm = 0, dl = 1, ddm = 0, ddl = 0;
            for (int l = 1; l <= lmax; l++) {
                double dP, ddP;
                if (l == 1) { dP = 1; ddP = 0; }
                else {
                    double pnew = ((2 * l - 1) * c * pl - (l - 1) * pm) / l;
                    double dnew = dm + (2 * l - 1) * pl;
                    double ddnew = ddm + (2 * l - 1) * dl;
                    pm = pl; pl = pnew; dm = dl; dl = dnew; ddm = ddl; ddl = ddnew;
                    dP = dnew; ddP = ddnew;
                }
                d1r += aRe[l] * dP; d1i += aIm[l] * dP;
                d2r += bRe[l] * dP; d2i += bIm[l] * dP;
                d3r += bRe[l] * ddP; d3i += bIm[l] * ddP;
            }
            double[] e = {kh[0] / pn - ph[0] / kn, kh[1] / pn - ph[1] / kn, kh[2] / pn - ph[2] / kn};
            for (int j = 0; j < 3; j++) {
                double dc = (kh[j] - c * ph[j]) / pn + (ph[j] - c * kh[j]) / kn;
                double sn = ph[j] / pn + kh[j] / kn;
                double[] exe = cross(e, j);
                double[] dn = {exe[0] - n[0] * sn, exe[1] - n[1] * sn, exe[2] - n[2] * sn};
                fill(d1r * dc, d1i * dc,
                        d3r * dc * n[0] + d2r * dn[0], d3i * dc * n[0] + d2i * dn[0],
                        d3r * dc * n[1] + d2r * dn[1], d3i * dc * n[1] + d2i * dn[1],
                        d3r * dc * n[2] + d2r * dn[2], d3i * dc * n[2] + d2i * dn[2], out, off + 8 * j);
            }
        }
    }

    /** (d × e_j) as a vector: component a is ε_{abj} d_b. */
    static double[] cross(double[] d, int j) {
        return switch (j) {
            case 0 -> new double[]{0, d[2], -d[1]};
            case 1 -> new double[]{-d[2], 0, d[0]};
            default -> new double[]{d[1], -d[0], 0};
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PartialWaveTMatrix(%s, %s, continuation=%s, l_max=%d)", shifts, host, continuation, lmax);
    }
}
