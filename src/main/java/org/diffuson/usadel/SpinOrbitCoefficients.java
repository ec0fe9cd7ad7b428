package org.diffuson.usadel;

import java.util.Locale;

/**
 * The kinetic coefficients of the generalized Usadel equation (seed 003 Eqs. 4–5, 56, 65–66, 75–76) with their parts:
 * θ = θ_ss + θ_sj (skew scattering (2/3)ω2τ plus side jump 2ω1τ/(p_F l)), κ = κ_loc + κ_nl (Lifshits–Dyakonov
 * (2/3)ω1τ plus nonlocal −2ω2τ/(p_F l)); θ′, κ′ are the constitutive-relation values of Eqs. 65–66 (half of each
 * second term). Also τ, D = v_F l/3, p_F l and τ_so.
 */
public record SpinOrbitCoefficients(double theta, double kappa, double thetaPrime, double kappaPrime,
                                    double thetaSkew, double thetaSideJump, double kappaLocal, double kappaNonlocal,
                                    double tau, double diffusion, double pFl, double tauSo,
                                    double omega1Tau, double omega2Tau) {

    /** τ_so/τ. */
    public double tauSoOverTau() {
        return tauSo / tau;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "SpinOrbitCoefficients[θ = %.5g (skew %.5g + side jump %.5g), κ = %.5g (local %.5g + nonlocal %.5g),"
                        + " θ′ = %.5g, κ′ = %.5g, τ = %.5g, D = %.5g, p_F l = %.5g, τ_so/τ = %.5g, ω1τ = %.5g,"
                        + " ω2τ = %.5g]",
                theta, thetaSkew, thetaSideJump, kappa, kappaLocal, kappaNonlocal, thetaPrime, kappaPrime, tau,
                diffusion, pFl, tauSo / tau, omega1Tau, omega2Tau);
    }
}
