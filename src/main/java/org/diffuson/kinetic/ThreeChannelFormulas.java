package org.diffuson.kinetic;

import org.diffuson.DiffusonException;
import org.diffuson.scattering.HostMetal;

/**
 * Closed forms of seed 001 for the 3-channel Ce model (η₀: l=0 j=½; η₁: l=1 j=½; η₂: l=1 j=3/2), as the paper prints
 * them (S94–S103, Eqs. 18–20) and as corrected by re-derivation. x = ε_F r, r = n_imp/n_c.
 * <p>Paper errors reproduced by {@link #printed}: S94 has −cos 2η₁ (must be −2cos 2η₁, else 1/τ_tr ≠ 0 at η = 0);
 * S95 has 16/9π (must be 64/27π: S78 omits a factor 4/3); S98–S103 are twice the S23-literal Ω's with Ω_cs ↔ Ω_sc
 * interchanged; S101 lacks its 1/n_c (read here as r).
 */
public final class ThreeChannelFormulas {
    private ThreeChannelFormulas() {}

    /** Rates (absolute, energy units) and Ω's (dimensionless) of the 3-channel model. */
    public record Rates(double invTauTr, double invTauS, double omegaSk, double omegaSw,
                       double omegaC, double omegaCs, double omegaSc, double omega0, double omega1, double omega2) {
        /** γ₀ = 1 − 2ω_swτ_tr, γ₁ = 1 − ω_swτ_tr, γ₂ = 1 + ω_swτ_tr (S89). */
        public double[] gammas() {
            double w = omegaSw / invTauTr;
            return new double[]{1 - 2 * w, 1 - w, 1 + w};
        }

        /** Inputs for {@link MomentClosedForms} with D = v_F²τ_tr/3. */
        public MomentClosedForms.Inputs inputs(HostMetal h) {
            double[] g = gammas();
            double v = h.fermiVelocity();
            return new MomentClosedForms.Inputs(v * v / (3 * invTauTr), omegaSk / invTauTr, g[0], g[1], g[2],
                    omegaC, omegaCs, omegaSc, omega0, omega1, omega2);
        }
    }

    private static void check(double r) {
        if (!(r > 0) || !Double.isFinite(r))
            throw new DiffusonException("r", "n_imp/n_c must be finite and > 0, got " + r, "use a dilute value such as 0.01");
    }

    /** S94–S103 exactly as printed (S101 with n_im/n_c). */
    public static Rates printed(double e0, double e1, double e2, HostMetal h, double r) {
        check(r);
        double x = h.fermiEnergy() * r, pi = Math.PI;
        double invTr = 4 * x / (9 * pi) * (9 - Math.cos(2 * (e0 - e1)) - 2 * Math.cos(2 * (e0 - e2)) - Math.cos(2 * e1) - 4 * Math.cos(2 * e2));
        double invTs = 16 * x / (9 * pi) * sq(Math.sin(e1 - e2));
        double wsk = 16 * x / (9 * pi) * Math.sin(e0) * Math.sin(e0 - e1 - e2) * Math.sin(e1 - e2);
        double wsw = 16 * x / (9 * pi) * Math.sin(e0) * Math.cos(e0 - e1 - e2) * Math.sin(e1 - e2);
        double oc = 4 * r / (3 * pi) * Math.sin(e0) * (3 * Math.cos(e0) - Math.cos(e0 - 2 * e1) - 2 * Math.cos(e0 - 2 * e2));
        double ocs = 2 * r / (9 * pi) * (4 + 3 * Math.cos(2 * (e0 - e1)) + 3 * Math.cos(2 * e1) - 3 * Math.cos(2 * (e0 - e2))
                - 4 * Math.cos(2 * (e1 - e2)) - 3 * Math.cos(2 * e2));
        double osc = 4 * r / (3 * pi) * Math.cos(e0) * (Math.cos(e0 - 2 * e1) - Math.cos(e0 - 2 * e2));
        double o0 = 4 * r / (3 * pi) * Math.sin(e1) * (3 * Math.cos(2 * e0 - e1) + Math.cos(e1) - 4 * Math.cos(e1 - 2 * e2));
        double o1 = 2 * r / (3 * pi) * (3 * Math.sin(2 * e0) - 2 * Math.sin(2 * (e0 - e1)) - Math.sin(2 * (e0 - e2))
                - 2 * Math.sin(2 * (e1 - e2)) - 3 * Math.sin(2 * e2));
        double o2 = 4 * r / (3 * pi) * Math.sin(e2) * (3 * Math.cos(2 * e0 - e2) - 2 * Math.cos(2 * e1 - e2) - Math.cos(e2));
        return new Rates(invTr, invTs, wsk, wsw, oc, ocs, osc, o0, o1, o2);
    }

    /**
     * Corrected closed forms: 1/τ_tr with −2cos 2η₁, 1/τ_s = (64x/27π) sin²(η₁−η₂), and the S23-literal Ω's
     * (½ × printed, Ω_cs ↔ Ω_sc). These equal the full kinetic solve's rates and Ω's exactly.
     */
    public static Rates corrected(double e0, double e1, double e2, HostMetal h, double r) {
        Rates p = printed(e0, e1, e2, h, r);
        double x = h.fermiEnergy() * r, pi = Math.PI;
        double invTr = 4 * x / (9 * pi) * (9 - Math.cos(2 * (e0 - e1)) - 2 * Math.cos(2 * (e0 - e2)) - 2 * Math.cos(2 * e1) - 4 * Math.cos(2 * e2));
        double invTs = 64 * x / (27 * pi) * sq(Math.sin(e1 - e2));
        return new Rates(invTr, invTs, p.omegaSk(), p.omegaSw(), p.omegaC() / 2, p.omegaSc() / 2, p.omegaCs() / 2,
                p.omega0() / 2, p.omega1() / 2, p.omega2() / 2);
    }

    /** Eq. 18: σ_sH/(e k_F) = 4/(9π²) at η₀ = η₂ = 0 (Pauli units, S23 Ω's), independent of η₁ and n_imp. */
    public static double kondoSpinHallOverKF() { return 4 / (9 * Math.PI * Math.PI); }

    /** Eq. 19 as printed: σ^sk/(e k_F) ≈ −(η₀/12π)(n_c/n_imp). The S23/Pauli convention gives twice this. */
    public static double skewSpinHallPrintedOverKF(double eta0, double r) { check(r); return -eta0 / (12 * Math.PI) / r; }

    /** Exact θ_sk at η = (η₀, π/2, 0): −2 sin 2η₀/(7 − cos 2η₀) → −2η₀/3. */
    public static double skewAngleKondo(double eta0) { return -2 * Math.sin(2 * eta0) / (7 - Math.cos(2 * eta0)); }

    /** Leading-order side-jump/skew crossover r* = 3πη₀/8 (S23 convention; the paper's "5 %" is 3πη₀/16). */
    public static double crossoverLeadingOrder(double eta0) { return 3 * Math.PI * eta0 / 8; }

    /** Eq. 20 as printed: D_s^L/D_s^T ≈ 1 − (8r/3π)(η₀/3 + η₂) + 4η₀²/9 (found wrong: no linear η₂ term exists). */
    public static double anisotropyEq20Printed(double eta0, double eta2, double r) {
        return 1 - 8 * r / (3 * Math.PI) * (eta0 / 3 + eta2) + 4 * eta0 * eta0 / 9;
    }

    /** Corrected small-η expansion at η₁ = π/2: D_s^L/D_s^T ≈ 1 + 4η₀²/9 − (16/27π) r η₀. */
    public static double anisotropyCorrected(double eta0, double r) {
        return 1 + 4 * eta0 * eta0 / 9 - 16 / (27 * Math.PI) * r * eta0;
    }

    /**
     * Small-η limit η = ε·(a, b, c), ε → 0 (θ_sk and Ω vanish, w = ω_swτ_tr stays finite):
     * D_s^L/D_s^T → {[(1−2w)⁻¹ + 2(1+w)⁻¹]/3}/{[(1−w)⁻¹ + (1+w)⁻¹]/2} with w = 4a(b−c)/[2(a−b)² + 4(a−c)² + 4b² + 8c²].
     * Returns {w, D_s^L/D_s^T, κ/D}.
     */
    public static double[] smallEtaAnisotropyLimit(double a, double b, double c) {
        double w = 4 * a * (b - c) / (2 * sq(a - b) + 4 * sq(a - c) + 4 * b * b + 8 * c * c);
        double ratio = ((1 / (1 - 2 * w) + 2 / (1 + w)) / 3) / ((1 / (1 - w) + 1 / (1 + w)) / 2);
        double kappa = -w / ((1 + w) * (1 - 2 * w));
        return new double[]{w, ratio, kappa};
    }

    private static double sq(double v) { return v * v; }
}
