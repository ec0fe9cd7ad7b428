package org.diffuson.usadel;

import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

/**
 * Energy-resolved kinetic coefficients of the Keldysh component of the stationary Usadel equation (seed 003 Eq. 1 in
 * 1D with the Elliott–Yafet term of Eq. 70; the θ, κ terms of Eqs. 2–3 vanish in 1D), at one point and one energy.
 * With ǧ^K = ǧ^R ȟ − ȟ ǧ^A (Eq. 61) and the distribution ȟ = Σ_α f_α T_α restricted to the eight Nambu-diagonal
 * matrices T_α = {τ0, τ3, σ1, σ2, σ3, τ3σ1, τ3σ2, τ3σ3} (modes f_L, f_T, f_T1, f_T2, f_T3, f_L1, f_L2, f_L3), the
 * spectral currents j_α ≡ −⅛ Tr[T_α J̌^K], J̌ = −Dǧ∂ǧ, obey
 * <pre>
 *   j_α = Σ_β 𝔇_αβ ∂f_β + 𝔍_αβ f_β,        ∂j_α = Σ_β 𝔎_αβ f_β,
 *   𝔇_αβ = (D/8) Tr[T_α T_β − T_α ǧ^R T_β ǧ^A],
 *   𝔍_αβ = (D/8) Tr[T_α (j^R T_β − T_β j^A)],   j^{R,A} = ǧ^{R,A}∂ǧ^{R,A},
 *   𝔎_αβ = −⅛ Tr T_α ([Λ, X_β] − (1/8τ_so)[σ^aǧσ^a, ǧ]^K(X_β)),   X_β = ǧ^R T_β − T_β ǧ^A,
 * </pre>
 * Λ = i(ε + h·σ)τ3 − iΔ̌. Normalised so that in the normal state 𝔇 = D·1 and j_α = D∂f_α. 𝔇_LL = D_L, 𝔇_TT = D_T
 * (the usual energy and charge diffusion coefficients), 𝔍_TL = j_E (spectral supercurrent), 𝔎_TT the
 * charge-imbalance sink 2ΔRe sinΘ; f_T3 is the spin accumulation (S^z ∝ −∫f_T3), f_L3 the spin-energy mode.
 * <p>
 * In the collinear θ-parametrization the coefficients have closed forms ({@link #collinear}), derived per spin block
 * s (σ3 = s), where ȟ_s = f_{L,s} + f_{T,s}τ3 with f_{L,s} = f_L + s f_T3 and f_{T,s} = f_T + s f_L3:
 * D_{L,s} = (D/2)(1 + |cosΘ_s|² − |sinΘ_s|²), D_{T,s} = (D/2)(1 + |cosΘ_s|² + |sinΘ_s|²), 𝔍 = 0,
 * ∂j_{T,s} ⊃ 2Δ Re sinΘ_s f_{T,s}, and the spin-flip coupling (1/2τ_so)A (f_s − f_{−s}) with
 * A_L = C₊C₋ − Im sinΘ₊ Im sinΘ₋ for the L-type and A_T = C₊C₋ + Re sinΘ₊ Re sinΘ₋ for the T-type block modes,
 * C_s = Re cosΘ_s. In the normal state both give 1: the spin modes relax as D∂²f_T3 = f_T3/τ_so, i.e. the spin
 * accumulation decays over √(Dτ_so) (seed 003 Eq. 79 with the corrected sign −S/τ_so).
 *
 * Holds 𝔇, 𝔍, 𝔎 as 8×8 row-major arrays (immutable).
 */
public final class KineticCoefficients {
    private final double[] diffusion, drift, sink;

    /** Number of distribution modes. */
    public static final int MODES = 8;

    /** Mode names, in storage order. */
    private static final java.util.List<String> NAMES = java.util.List.of("L", "T", "T1", "T2", "T3", "L1", "L2", "L3");

    /** The mode names in index order: L, T, T1, T2, T3, L1, L2, L3. */
    public static java.util.List<String> names() { return NAMES; }

    /** Mode indices. */
    public static final int L = 0, T = 1, T3 = 4, L3 = 7;

    private static final CMatrix[] BASIS = {Nambu.ts(0, 0), Nambu.ts(3, 0), Nambu.ts(0, 1), Nambu.ts(0, 2),
            Nambu.ts(0, 3), Nambu.ts(3, 1), Nambu.ts(3, 2), Nambu.ts(3, 3)};

    /** τ_i ⊗ σ_j (index 4i + j) as a monomial matrix: the column of the nonzero entry of each row and its value. */
    private static final int[][] COL = new int[16][4];
    private static final double[][] RE = new double[16][4], IM = new double[16][4];

    static {
        for (int t = 0; t < 4; t++)
            for (int sg = 0; sg < 4; sg++) {
                CMatrix m = Nambu.ts(t, sg);
                for (int i = 0; i < 4; i++)
                    for (int j = 0; j < 4; j++)
                        if (m.re(i, j) != 0 || m.im(i, j) != 0) {
                            COL[4 * t + sg][i] = j;
                            RE[4 * t + sg][i] = m.re(i, j);
                            IM[4 * t + sg][i] = m.im(i, j);
                        }
            }
    }

    /** Pauli index (4i + j of τ_i ⊗ σ_j) of mode α. */
    private static final int[] PAULI = {0, 12, 1, 2, 3, 13, 14, 15};

    /** Re Tr[(τ_i ⊗ σ_j) X] in O(4), k = 4i + j. */
    static double traceRe(int k, CMatrix x) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            int j = COL[k][i];
            s += RE[k][i] * x.re(j, i) - IM[k][i] * x.im(j, i);
        }
        return s;
    }

    /** Re Tr[T_α X] in O(4). */
    static double modeTrace(int a, CMatrix x) {
        return traceRe(PAULI[a], x);
    }

    /** Copies the three 8×8 row-major arrays (an immutable value). */
    public KineticCoefficients(double[] diffusion, double[] drift, double[] sink) {
        this(diffusion.clone(), drift.clone(), sink.clone(), true);
    }

    /** Takes ownership of freshly built arrays (the solver's hot path). */
    private KineticCoefficients(double[] diffusion, double[] drift, double[] sink, boolean owned) {
        this.diffusion = diffusion;
        this.drift = drift;
        this.sink = sink;
    }

    static KineticCoefficients wrap(double[] diffusion, double[] drift, double[] sink) {
        return new KineticCoefficients(diffusion, drift, sink, true);
    }

    /** 𝔇 (8×8 row-major copy). */
    public double[] diffusion() { return diffusion.clone(); }

    /** 𝔍 (8×8 row-major copy). */
    public double[] drift() { return drift.clone(); }

    /** 𝔎 (8×8 row-major copy). */
    public double[] sink() { return sink.clone(); }

    /** No-copy views for the solver's hot loops (package-private; never modified). */
    double[] diffusionView() { return diffusion; }

    double[] driftView() { return drift; }

    double[] sinkView() { return sink; }

    /** 𝔇_αβ. */
    public double diffusion(int a, int b) { return diffusion[a * MODES + b]; }

    /** 𝔍_αβ. */
    public double drift(int a, int b) { return drift[a * MODES + b]; }

    /** 𝔎_αβ. */
    public double sink(int a, int b) { return sink[a * MODES + b]; }

    /** The basis matrix T_α of mode α (4×4 Nambu ⊗ spin). */
    public static CMatrix mode(int a) {
        return BASIS[a];
    }

    /** ȟ = Σ f_α T_α. */
    public static CMatrix distributionMatrix(double[] f) {
        CMatrix h = CMatrix.zeros(4, 4);
        for (int a = 0; a < MODES; a++) if (f[a] != 0) h = h.plus(BASIS[a].scale(f[a]));
        return h;
    }

    /** ǧ^K = ǧ^R ȟ − ȟ ǧ^A (seed 003, Keldysh structure of Eq. 61). */
    public static CMatrix keldysh(CMatrix gR, CMatrix h) {
        return gR.times(h).minus(h.times(Nambu.advanced(gR)));
    }

    /** Spectral currents j_α = −⅛ Re Tr[T_α J^K] of a Keldysh current block J^K (the imaginary parts vanish). */
    public static double[] project(CMatrix jK) {
        double[] out = new double[MODES];
        for (int a = 0; a < MODES; a++) out[a] = -modeTrace(a, jK) / 8;
        return out;
    }

    /**
     * Coefficients from the matrix traces (any spin structure, complex Δ): ǧ^R and ∂ǧ^R at the point, energy ε,
     * exchange field h, pair potential Δ = gapRe + i gapIm, spin-flip rate 1/τ_so and diffusion constant D.
     */
    public static KineticCoefficients trace(CMatrix gR, CMatrix dgR, double energy, double[] h, double gapRe,
                                            double gapIm, double rate, double d) {
        return trace(gR, dgR, energy, h, gapRe, gapIm, rate, d, 0, MODES);
    }

    /** As {@link #trace}, filling only the columns β in [from, to) (the other columns are zero). */
    static KineticCoefficients trace(CMatrix gR, CMatrix dgR, double energy, double[] h, double gapRe, double gapIm,
                                     double rate, double d, int from, int to) {
        CMatrix gA = Nambu.advanced(gR);
        CMatrix jR = gR.times(dgR);
        CMatrix jA = Nambu.advanced(jR);
        CMatrix lam = Nambu.tau(3).scale(0, energy).plus(Nambu.zeeman(h[0], h[1], h[2]).scale(0, 1))
                .plus(Nambu.tau(2).scale(gapRe)).plus(Nambu.tau(1).scale(gapIm));
        CMatrix[] sR = new CMatrix[3], sA = new CMatrix[3];
        CMatrix sgR = null, sgA = null;
        if (rate != 0) {
            sgR = Nambu.sigmaSandwich(gR);
            sgA = Nambu.sigmaSandwich(gA);
        }
        double[] dd = new double[64], jj = new double[64], kk = new double[64];
        for (int b = from; b < to; b++) {
            CMatrix tb = BASIS[b];
            CMatrix gt = gR.times(tb);
            CMatrix gtg = gt.times(gA);
            CMatrix jt = jR.times(tb).minus(tb.times(jA));
            CMatrix x = gt.minus(tb.times(gA));
            CMatrix rhs = Nambu.commutator(lam, x);
            if (rate != 0) {
                CMatrix sx = Nambu.sigmaSandwich(x);
                CMatrix col = sgR.times(x).plus(sx.times(gA)).minus(gR.times(sx)).minus(x.times(sgA));
                rhs = rhs.minus(col.scale(rate / 8));
            }
            for (int a = 0; a < MODES; a++) {
                dd[a * MODES + b] = d / 8 * ((a == b ? 4 : 0) - modeTrace(a, gtg));
                jj[a * MODES + b] = d / 8 * modeTrace(a, jt);
                kk[a * MODES + b] = -modeTrace(a, rhs) / 8;
            }
        }
        return wrap(dd, jj, kk);
    }

    /**
     * Closed forms for the collinear θ-parametrization (field along z, real Δ): modes L, T, T3, L3 from Θ₊, Θ₋ (see
     * the class comment). The transverse modes (T1, T2, L1, L2) are filled only when Θ₊ = Θ₋ (then they equal the z
     * ones); with a field they precess and follow from {@link #trace}.
     */
    public static KineticCoefficients collinear(Complex thUp, Complex thDown, double gap, double rate, double d) {
        double[] dd = new double[64], kk = new double[64];
        fillCollinear(thUp, thDown, gap, rate, d, dd, kk, thUp.equals(thDown));
        return wrap(dd, new double[64], kk);
    }

    /** Writes the collinear closed forms into 𝔇 and 𝔎 (𝔍 = 0); spin-degenerate: also the transverse modes. */
    static void fillCollinear(Complex thUp, Complex thDown, double gap, double rate, double d, double[] dd,
                              double[] kk, boolean degenerate) {
        double cu = thUp.getReal(), bu = thUp.getImaginary(), cd = thDown.getReal(), bd = thDown.getImaginary();
        // cos(a+ib) = cos a cosh b − i sin a sinh b;  sin(a+ib) = sin a cosh b + i cos a sinh b
        double cosUr = Math.cos(cu) * Math.cosh(bu), cosUi = -Math.sin(cu) * Math.sinh(bu);
        double sinUr = Math.sin(cu) * Math.cosh(bu), sinUi = Math.cos(cu) * Math.sinh(bu);
        double cosDr = Math.cos(cd) * Math.cosh(bd), cosDi = -Math.sin(cd) * Math.sinh(bd);
        double sinDr = Math.sin(cd) * Math.cosh(bd), sinDi = Math.cos(cd) * Math.sinh(bd);
        double c2u = cosUr * cosUr + cosUi * cosUi, s2u = sinUr * sinUr + sinUi * sinUi;
        double c2d = cosDr * cosDr + cosDi * cosDi, s2d = sinDr * sinDr + sinDi * sinDi;
        double dLu = d / 2 * (1 + c2u - s2u), dLd = d / 2 * (1 + c2d - s2d);
        double dTu = d / 2 * (1 + c2u + s2u), dTd = d / 2 * (1 + c2d + s2d);
        double dL = (dLu + dLd) / 2, ddL = (dLu - dLd) / 2, dT = (dTu + dTd) / 2, ddT = (dTu - dTd) / 2;
        double sBar = (sinUr + sinDr) / 2, sDel = (sinUr - sinDr) / 2;
        double aL = cosUr * cosDr - sinUi * sinDi, aT = cosUr * cosDr + sinUr * sinDr;
        // block {L, T3}: per spin f_{L,s} = f_L + s f_T3
        set(dd, L, L, dL);
        set(dd, L, T3, ddL);
        set(dd, T3, L, ddL);
        set(dd, T3, T3, dL);
        set(kk, T3, T3, aL * rate);
        // block {T, L3}: per spin f_{T,s} = f_T + s f_L3
        set(dd, T, T, dT);
        set(dd, T, L3, ddT);
        set(dd, L3, T, ddT);
        set(dd, L3, L3, dT);
        set(kk, T, T, 2 * gap * sBar);
        set(kk, T, L3, 2 * gap * sDel);
        set(kk, L3, T, 2 * gap * sDel);
        set(kk, L3, L3, 2 * gap * sBar + aT * rate);
        if (degenerate) {          // SU(2) symmetric: transverse spin modes as the z ones
            for (int a = 0; a < 2; a++) {
                set(dd, 2 + a, 2 + a, dL);
                set(kk, 2 + a, 2 + a, aL * rate);
                set(dd, 5 + a, 5 + a, dT);
                set(kk, 5 + a, 5 + a, 2 * gap * sBar + aT * rate);
            }
        }
    }

    private static void set(double[] m, int a, int b, double v) {
        m[a * MODES + b] = v;
    }

    /**
     * Kupriyanov–Lukichev barrier (ǧ₂∂ǧ₂ = [ǧ₁, ǧ₂]/2L_B, x from side 1 to side 2) for the Keldysh component: the
     * spectral current on side 2, j_α = (D₂/16L_B) Re Tr T_α[ǧ₁, ǧ₂]^K = Σ_β G1_αβ f1_β + G2_αβ f2_β. Returns
     * {G1, G2} (8×8 row-major). In the normal state j = (D₂/L_B)(f2 − f1): the barrier acts as a length L_B of wire.
     */
    public static double[][] tunnel(CMatrix gR1, CMatrix gR2, double d2, double lb) {
        CMatrix gA1 = Nambu.advanced(gR1), gA2 = Nambu.advanced(gR2);
        double[] g1 = new double[64], g2 = new double[64];
        double c = d2 / (16 * lb);
        for (int b = 0; b < MODES; b++) {
            CMatrix tb = BASIS[b];
            CMatrix k1 = gR1.times(tb).minus(tb.times(gA1)), k2 = gR2.times(tb).minus(tb.times(gA2));
            // [ǧ1, ǧ2]^K = g1R g2K + g1K g2A − g2R g1K − g2K g1A
            CMatrix m1 = k1.times(gA2).minus(gR2.times(k1));
            CMatrix m2 = gR1.times(k2).minus(k2.times(gA1));
            for (int a = 0; a < MODES; a++) {
                g1[a * MODES + b] = c * modeTrace(a, m1);
                g2[a * MODES + b] = c * modeTrace(a, m2);
            }
        }
        return new double[][]{g1, g2};
    }

    /**
     * Gram matrix AᵀA (8×8) of the map f ↦ ǧ^K = ǧ^R ȟ − ȟ ǧ^A at a rigid reservoir (A: 32 real rows). Its
     * near-null directions are the modes a rigid reservoir cannot fix: below a superconductor's gap ǧ^R = ǧ^A and
     * f_L drops out (no energy current enters S below the gap: Andreev reflection).
     */
    static double[] gram(CMatrix gR) {
        CMatrix gA = Nambu.advanced(gR);
        CMatrix[] k = new CMatrix[MODES];
        for (int b = 0; b < MODES; b++) k[b] = gR.times(BASIS[b]).minus(BASIS[b].times(gA));
        double[] g = new double[64];
        for (int a = 0; a < MODES; a++)
            for (int b = a; b < MODES; b++) {
                double s = 0;
                for (int i = 0; i < 4; i++)
                    for (int j = 0; j < 4; j++) s += k[a].re(i, j) * k[b].re(i, j) + k[a].im(i, j) * k[b].im(i, j);
                g[a * MODES + b] = g[b * MODES + a] = s;
            }
        return g;
    }
}
