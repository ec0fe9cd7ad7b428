package org.diffuson.gauge;

import org.diffuson.Cancellation;
import org.diffuson.integrate.KGrid;
import org.hipparchus.complex.Complex;

import java.util.Locale;

/**
 * The dissipative β term of the spin motive force (seed 004 eqs 90–97, C1–C7).
 * <ul>
 *   <li>Closed form β = (π/M) n_su_s²(S⊥² + S_z²) ν₊ (eq 94); for isotropic impurity spins β = 1/(2Mτ_sf).</li>
 *   <li>From the kernels: the A^⊥ insertion gives M^σ = Q^σ + Λ^σQ^σ_0 with the three-Green-function bubble
 *   Q^σ_xx = Σ_k v_x² G^R_{kσ}G^R_{kσ̄}G^A_{kσ} (eq C5); eq C6 replaces it by −(σ/2M)L^σ_xx. The ratio
 *   β_kernel/β = Σ_σ Q^σ_xx / Σ_σ(−σ/2M)2πD_σν_σ (at q = 0, where Λ_x = 0) is 1 + O(γ/M). Q is evaluated in the wide
 *   band (residues) and over the whole parabolic band (radial Gauss–Legendre on the library's {@link KGrid}, refined
 *   at both Fermi momenta, plus the analytic k⁻² tail beyond the cutoff).</li>
 * </ul>
 */
public final class BetaTerm {
    private BetaTerm() {}

    /** β closed form, eq 94, β_iso = 1/(2Mτ_sf), and the kernel ratios per spin (wide band, full band). */
    public record Result(double closedForm, double isotropicForm, boolean isotropic, Complex[] ratioWideBand, Complex[] ratioFullBand,
                         Complex kernelWideBand, Complex kernelFullBand) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "β (eq 94) = %.7g; 1/(2Mτ_sf) = %.7g (%s spins); from the kernels: wide band %s, full band %s%n"
                            + "  Q^σ/[−(σ/2M)2πD_σν_σ]: wide band ↑ %s ↓ %s; full band ↑ %s ↓ %s",
                    closedForm, isotropicForm, isotropic ? "isotropic" : "anisotropic: differs", GaugeKernels.fmt(kernelWideBand),
                    GaugeKernels.fmt(kernelFullBand), GaugeKernels.fmt(ratioWideBand[0]), GaugeKernels.fmt(ratioWideBand[1]),
                    GaugeKernels.fmt(ratioFullBand[0]), GaugeKernels.fmt(ratioFullBand[1]));
        }
    }

    /**
     * β in every form ({@link #of}) at each ferromagnet of a scan, in order. Checks {@link Cancellation} before each
     * point (and inside each full-band k-sum): an interrupt of the calling thread stops the scan with
     * {@link Cancellation.Cancelled}, within one point (~ms).
     */
    public static java.util.List<Result> scan(java.util.List<SdFerromagnet> points) {
        java.util.List<Result> out = new java.util.ArrayList<>(points.size());
        for (SdFerromagnet fm : points) {
            Cancellation.check("β scan");
            out.add(of(fm));
        }
        return java.util.List.copyOf(out);
    }

    /** The scan over exchange splittings M at fixed ε_F, Γ̃1, Γ̃2 and isotropic spins (set R: ε_F = 1, Γ̃1 = 0.01, Γ̃2 = 5e-4). */
    public static java.util.List<Result> scanExchange(double fermiEnergy, double gamma1, double gamma2, double[] exchanges) {
        java.util.List<SdFerromagnet> p = new java.util.ArrayList<>(exchanges.length);
        for (double m : exchanges) p.add(SdFerromagnet.ofRates(1, fermiEnergy, m, gamma1, gamma2));
        return scan(p);
    }

    /** β = (π/M) n_su_s²(S⊥² + S_z²) ν₊ (eq 94). */
    public static double closedForm(SdFerromagnet fm) { return fm.beta(); }

    /** 1/(2Mτ_sf): equals eq 94 for isotropic spins only (τ_sf involves S⊥² alone). */
    public static double isotropicForm(SdFerromagnet fm) { return fm.spinFlipRate() / (2 * fm.exchange()); }

    /** All forms; the full-band sum uses a cutoff ε(k_c) = 400 ε_F with the analytic tail added. */
    public static Result of(SdFerromagnet fm) {
        Complex[] wide = new Complex[2], full = new Complex[2];
        Complex sumW = Complex.ZERO, sumF = Complex.ZERO;
        double norm = 0;
        for (int s = 0; s < 2; s++) {
            double ref = -SdFerromagnet.sign(s) / (2 * fm.exchange()) * 2 * Math.PI * fm.diffusion(s) * fm.dos(s);
            Complex qw = FermiSurfaceBubble.threeGreenWideBand(fm, s), qf = threeGreenParabolic(fm, s, 400 * fm.fermiEnergy());
            wide[s] = qw.divide(ref);
            full[s] = qf.divide(ref);
            sumW = sumW.add(qw);
            sumF = sumF.add(qf);
            norm += ref;
        }
        double b = fm.beta();
        return new Result(b, isotropicForm(fm), fm.isotropicSpins(), wide, full, sumW.divide(norm).multiply(b), sumF.divide(norm).multiply(b));
    }

    /**
     * Q^σ_xx(q = 0) = ∫k²dk/2π² (k²/3m²) G^R_σ G^R_σ̄ G^A_σ at ε = 0 over the parabolic band, G_σ(k) = 1/(ε_Fσ − k²/2m ± iγ_σ)
     * with the Born γ_σ (Re Σ absorbed in ε_F), up to ε(k_c) = cutoffEnergy plus the tail −(4/3π²)(m³·…)/k_c.
     */
    public static Complex threeGreenParabolic(SdFerromagnet fm, int s, double cutoffEnergy) {
        double m = fm.mass(), kc = Math.sqrt(2 * m * cutoffEnergy);
        if (cutoffEnergy <= 2 * (fm.fermiEnergy() + fm.exchange()))
            throw new org.diffuson.DiffusonException("cutoffEnergy", "must lie well above ε_F↑", "use ≥ 100 ε_F");
        int t = 1 - s;
        KGrid g = KGrid.builder(3, kc).nodesPerPanel(24).angles3d(1, 1)
                .refineAround(fm.fermiMomentum(s), fm.broadening(s) / fm.fermiVelocity(s))
                .refineAround(fm.fermiMomentum(t), fm.broadening(t) / fm.fermiVelocity(t)).build();
        double es = fm.fermiEnergy(s), et = fm.fermiEnergy(t), gs = fm.broadening(s), gt = fm.broadening(t);
        // a serial radial quadrature (a few hundred nodes, called 200 times by a β scan): integrate.KSum would fork for
        // microseconds of work; the spin bands are diagonal, so each G is the scalar closed form, not a GreenWorkspace
        double re = 0, im = 0;
        for (int r = 0; r < g.radialSize(); r++) {
            if ((r & 255) == 0) Cancellation.check("β three-Green-function k-sum");
            double k = g.radialNode(r), ek = k * k / (2 * m), w = g.radialWeight(r) * k * k / (3 * m * m);
            // G^R_s G^A_s = 1/((es−ek)² + gs²); G^R_t = 1/(et − ek + i gt)
            double ga = 1 / ((es - ek) * (es - ek) + gs * gs);
            double dr = et - ek, den = dr * dr + gt * gt;
            re += w * ga * dr / den;
            im += -w * ga * gt / den;
        }
        // tail k > k_c: G's → −2m/k² each: (k²/2π²)(k²/3m²)(−8m³/k⁶) = −(4m/3π²)/k²
        re += -(4 * m / (3 * Math.PI * Math.PI)) / kc;
        return new Complex(re, im);
    }
}
