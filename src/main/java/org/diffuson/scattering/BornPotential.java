package org.diffuson.scattering;

import org.diffuson.DiffusonException;

import java.util.Locale;

/**
 * First-Born scatterer with spin–orbit coupling: T(p,k) ≈ V(p,k) = U(|p−k|) [1 − iγ (p×k)·σ] (seed 001 §S III,
 * Eqs. S41–S50). U(q) is either a point impurity U(q) = U₀ or a Gaussian U(q) = U₀ e^{−q²a²/2}. An extrinsic SOC
 * H_SO = λ σ·(∇V × p) gives γ = −λ. Since U depends on p − k only, D_pk U = 0, and D_j(p×k) = (p − k) × e_j.
 * This T is Hermitian (T(p,k)† = T(k,p)) and violates the optical theorem at O(U²) by construction.
 */
public record BornPotential(HostMetal host, double u0, double gamma, double range) implements TMatrix {
    public BornPotential {
        if (host == null) throw new DiffusonException("host", "is null", "pass a HostMetal");
        DiffusonException.requireFinite("u0", u0);
        DiffusonException.requireFinite("gamma", gamma);
        if (!(range >= 0) || !Double.isFinite(range))
            throw new DiffusonException("range", "Gaussian range a must be finite and ≥ 0, got " + range, "use 0 for a point impurity");
    }

    /** Point impurity U(q) = U₀ with SOC strength γ. */
    public static BornPotential point(HostMetal host, double u0, double gamma) { return new BornPotential(host, u0, gamma, 0); }

    /** Gaussian U(q) = U₀ exp(−q²a²/2) with SOC strength γ. */
    public static BornPotential gaussian(HostMetal host, double u0, double gamma, double a) { return new BornPotential(host, u0, gamma, a); }

    /** U(q). */
    public double potential(double q) { return range == 0 ? u0 : u0 * Math.exp(-0.5 * q * q * range * range); }

    @Override
    public void eval(double[] p, double[] k, double[] out, int off) {
        double dx = p[0] - k[0], dy = p[1] - k[1], dz = p[2] - k[2];
        double u = potential(Math.sqrt(dx * dx + dy * dy + dz * dz));
        double g = gamma * u; // v = γU (k × p)
        double cx = k[1] * p[2] - k[2] * p[1], cy = k[2] * p[0] - k[0] * p[2], cz = k[0] * p[1] - k[1] * p[0];
        PartialWaveTMatrix.fill(u, 0, g * cx, 0, g * cy, 0, g * cz, 0, out, off);
    }

    @Override
    public void shiftGradient(double[] p, double[] k, double[] out, int off) {
        double dx = p[0] - k[0], dy = p[1] - k[1], dz = p[2] - k[2];
        double g = gamma * potential(Math.sqrt(dx * dx + dy * dy + dz * dz));
        double[] d = {k[0] - p[0], k[1] - p[1], k[2] - p[2]};
        for (int j = 0; j < 3; j++) {
            double[] v = PartialWaveTMatrix.cross(d, j);
            PartialWaveTMatrix.fill(0, 0, g * v[0], 0, g * v[1], 0, g * v[2], 0, out, off + 8 * j);
        }
    }

    /**
     * ∇_k T(p,k) alone (j = x, y, z into out[off + 8j]), the derivative Levy's anomalous velocity uses (seed 001 Eq. S42).
     * ∇_k U(|p−k|) = U′(q)(k−p)/q, ∇_k(p×k)_a = ε_{abj} p_b.
     */
    public void kGradient(double[] p, double[] k, double[] out, int off) {
        double dx = p[0] - k[0], dy = p[1] - k[1], dz = p[2] - k[2];
        double q2 = dx * dx + dy * dy + dz * dz;
        double u = potential(Math.sqrt(q2));
        double du = range == 0 ? 0 : -range * range * u; // U′(q)/q for the Gaussian
        double[] kmp = {-dx, -dy, -dz};
        double cx = k[1] * p[2] - k[2] * p[1], cy = k[2] * p[0] - k[0] * p[2], cz = k[0] * p[1] - k[1] * p[0]; // k×p
        for (int j = 0; j < 3; j++) {
            double dU = du * kmp[j];
            // v = γU (k×p): ∂_{k_j} v = γ dU (k×p) + γU ∂_{k_j}(k×p), ∂_{k_j}(k×p)_a = ε_{ajc} p_c = −(p × e_j)_a
            double[] pe = PartialWaveTMatrix.cross(p, j);
            PartialWaveTMatrix.fill(dU, 0, gamma * (dU * cx - u * pe[0]), 0, gamma * (dU * cy - u * pe[1]), 0,
                    gamma * (dU * cz - u * pe[2]), 0, out, off + 8 * j);
        }
    }

    @Override
    public int maxL() {
        if (range == 0) return gamma == 0 ? 0 : 1;
        double x = host.kF() * host.kF() * range * range; // U on shell = U₀ e^{−x(1−c)}: harmonics ~ i_l(x) e^{−x}
        return (int) Math.ceil(6 + 2 * x + 6 * Math.sqrt(x));
    }

    /** A spherical impurity: T(Rp, Rk) = U_R T(p, k) U_R†. */
    @Override public boolean rotationInvariant() { return true; }
    @Override
    public boolean bandLimited() { return range == 0; }

    @Override
    public boolean isBorn() { return true; }

    /**
     * Born phase shifts of this potential up to lMax (seed 001 Born reduction): η_{l±} to first order in U, from the
     * Legendre projections of U(c) and (1−c²)-weighted P_l′ projections of the spin–orbit part on the Fermi sphere.
     * {@code new PartialWaveTMatrix(bornPhaseShifts(L), host)} then equals this V up to O(U²) (tested).
     */
    public PhaseShifts bornPhaseShifts(int lMax) {
        double nf = host.dos(), kf = host.kF();
        int nq = 64;
        org.hipparchus.analysis.integration.gauss.GaussIntegrator gi =
                new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().legendre(nq, -1, 1);
        java.util.List<Channel> cs = new java.util.ArrayList<>();
        for (int l = 0; l <= lMax; l++) {
            double ul = 0, wl = 0;
            for (int i = 0; i < nq; i++) {
                double c = gi.getPoint(i), w = gi.getWeight(i);
                double uc = potential(kf * Math.sqrt(2 - 2 * c));
                double[] pl = legendre(l, c);
                ul += 0.5 * w * uc * pl[0];
                wl += w * (1 - c * c) * uc * pl[1];
            }
            // (l+1)η+ + lη− = −πN_F (2l+1) U_l ;  η+ − η− = −πN_F γ k_F² (2l+1)/(2l(l+1)) ∫(1−c²) U P_l′
            double sum = -Math.PI * nf * (2 * l + 1) * ul;
            double diff = l == 0 ? 0 : -Math.PI * nf * gamma * kf * kf * (2 * l + 1) / (2.0 * l * (l + 1)) * wl;
            double etaPlus = (sum + l * diff) / (2 * l + 1), etaMinus = (sum - (l + 1) * diff) / (2 * l + 1);
            cs.add(Channel.plus(l, etaPlus));
            if (l > 0) cs.add(Channel.minus(l, etaMinus));
        }
        return new PhaseShifts(cs);
    }

    /** {P_l(c), P_l′(c)}. */
    static double[] legendre(int l, double c) {
        double p0 = 1, p1 = c, d0 = 0, d1 = 1;
        if (l == 0) return new double[]{1, 0};
        for (int n = 2; n <= l; n++) {
            double p2 = ((2 * n - 1) * c * p1 - (n - 1) * p0) / n;
            double d2 = d0 + (2 * n - 1) * p1;
            p0 = p1; p1 = p2; d0 = d1; d1 = d2;
        }
        return new double[]{p1, d1};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BornPotential(U₀=%.6g, γ=%.6g, %s; %s)", u0, gamma,
                range == 0 ? "point" : "Gaussian a=" + range, host);
    }
}
