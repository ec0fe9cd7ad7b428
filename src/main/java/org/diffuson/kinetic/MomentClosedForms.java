package org.diffuson.kinetic;

import org.diffuson.DiffusonException;

/**
 * Closed-form diffusion coefficients of seed 001 in terms of the kinetic rates and the S23-literal Ω's.
 * <ul>
 *   <li>{@link #exact}: the exact solution of the moment equations S67–S71 (θ = θ_sk = ω_sk τ_tr, D = v_F²τ_tr/3):
 *   θ_sH = [(1−Ω₁)(θ(1−Ω_c) − Ω_cs) − Ω_sc γ₁(1−Ω_c) − 2θΩ_scΩ_cs]/(γ₁ + 2θ²),
 *   D_c = D[γ₁(1−Ω_c)² + 4θΩ_cs(1−Ω_c) − 2Ω_cs²]/(γ₁ + 2θ²), D₁ = D[(1−Ω₁)² + 4θΩ_sc(1−Ω₁) − 2γ₁Ω_sc²]/(γ₁ + 2θ²),
 *   D_m = D(1−Ω_m)²/γ_m (m = 0, 2). Equal to the full 12×12 solve for l ≤ 1.</li>
 *   <li>{@link #linear}: the paper's Eqs. 11–14 as printed, linear in Ω, off by O(Ω²) (~1e−4 at r = 0.01).</li>
 * </ul>
 */
public final class MomentClosedForms {
    private MomentClosedForms() {}

    /** Inputs: D, θ_sk, γ_m, Ω_c, Ω_cs, Ω_sc, Ω_m (all dimensionless except D). */
    public record Inputs(double d, double thetaSk, double gamma0, double gamma1, double gamma2,
                         double omegaC, double omegaCs, double omegaSc, double omega0, double omega1, double omega2) {
        public Inputs {
            DiffusonException.requirePositive("d", d);
            for (double v : new double[]{thetaSk, gamma0, gamma1, gamma2, omegaC, omegaCs, omegaSc, omega0, omega1, omega2})
                DiffusonException.requireFinite("Inputs", v);
        }

        /** The rates and Ω's of a kinetic solve. */
        public static Inputs of(SpinChargeCoefficients c) {
            return new Inputs(c.diffusionConstant(), c.thetaSk(), c.gamma()[0], c.gamma()[1], c.gamma()[2],
                    c.omegaC(), c.omegaCs(), c.omegaSc(), c.omegaM()[0], c.omegaM()[1], c.omegaM()[2]);
        }
    }

    /** Closed-form results: D_c, θ_sH, D₀, D₁, D₂ (and derived D_s^T, D_s^L, κ). */
    public record Result(double d, double dc, double thetaSH, double d0, double d1, double d2) {
        public double dThetaSH() { return d * thetaSH; }
        public double dsT() { return 0.5 * (d1 + d2); }
        public double dsL() { return (d0 + 2 * d2) / 3; }
        public double kappa() { return (d2 - d0) / 3; }
    }

    /** Exact solution of S67–S71. */
    public static Result exact(Inputs in) {
        double th = in.thetaSk(), g1 = in.gamma1(), oc = in.omegaC(), ocs = in.omegaCs(), osc = in.omegaSc(), o1 = in.omega1();
        double den = g1 + 2 * th * th;
        double thetaSH = ((1 - o1) * (th * (1 - oc) - ocs) - osc * g1 * (1 - oc) - 2 * th * osc * ocs) / den;
        double dc = in.d() * (g1 * (1 - oc) * (1 - oc) + 4 * th * ocs * (1 - oc) - 2 * ocs * ocs) / den;
        double d1 = in.d() * ((1 - o1) * (1 - o1) + 4 * th * osc * (1 - o1) - 2 * g1 * osc * osc) / den;
        double d0 = in.d() * (1 - in.omega0()) * (1 - in.omega0()) / in.gamma0();
        double d2 = in.d() * (1 - in.omega2()) * (1 - in.omega2()) / in.gamma2();
        return new Result(in.d(), dc, thetaSH, d0, d1, d2);
    }

    /** The paper's linearised Eqs. 11–14, as printed. */
    public static Result linear(Inputs in) {
        double th = in.thetaSk(), g1 = in.gamma1(), oc = in.omegaC(), ocs = in.omegaCs(), osc = in.omegaSc(), o1 = in.omega1();
        double den = g1 + 2 * th * th;
        double thetaSH = ((1 - oc - o1) * th - ocs - osc * g1) / den;
        double dc = in.d() * (g1 * (1 - 2 * oc) + 4 * th * ocs) / den;
        double d1 = in.d() * ((1 - 2 * o1) + 4 * th * osc) / den;
        double d0 = in.d() * (1 - 2 * in.omega0()) / in.gamma0();
        double d2 = in.d() * (1 - 2 * in.omega2()) / in.gamma2();
        return new Result(in.d(), dc, thetaSH, d0, d1, d2);
    }
}
