package org.diffuson.usadel;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.complex.Complex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cutoff-free gap equation of a uniform superconductor with exchange field h and spin relaxation 1/τ_so
 * (seed 003 with Eqs. 1, 70; the self-consistency condition is the standard weak-coupling one with T_c0 eliminating
 * the Debye cutoff): G(Δ) ≡ Δ ln(T/T_c0) + 2πT Σ_{n≥0} [Δ/ω_n − Re F0(ω_n; Δ)] = 0, F0 = (sinΘ_+ + sinΘ_−)/2.
 * All energies and temperatures are in units of T_c0 (k_B = 1). The free energy relative to the normal state is
 * Ω_S − Ω_N = 2N_F ∫_0^Δ G(Δ′) dΔ′ (reported in units of N_F T_c0²), which decides first-order
 * (Chandrasekhar–Clogston) transitions.
 */
public final class GapEquation {
    private GapEquation() {
    }

    /** Δ0/T_c0 = π e^{−γ_E} (BCS). */
    public static final double DELTA0 = Math.PI * Math.exp(-0.57721566490153286);

    /** Pair-breaking sum of the linearized equation at Δ → 0: 2πTΣ[1/ω − (ω+Γ)/(ω² + Γω + h²)], Γ = 1/2τ_so. */
    private static Complex[] poles(double h, double spinFlipRate) {
        double g = spinFlipRate / 2;
        Complex disc = new Complex(g * g / 4 - h * h).sqrt();
        return new Complex[]{disc.add(g / 2), disc.negate().add(g / 2)};
    }

    /**
     * Linearized pair-breaking function by digamma functions: 2πTΣ_{n≥0}[1/ω_n − (ω_n+Γ)/(ω_n²+Γω_n+h²)] =
     * A[ψ(½ + a/2πT) − ψ(½)] + B[ψ(½ + b/2πT) − ψ(½)], with ω² + Γω + h² = (ω+a)(ω+b).
     */
    public static double pairBreakingDigamma(double t, double h, double spinFlipRate) {
        double g = spinFlipRate / 2;
        Complex[] p = poles(h, spinFlipRate);
        Complex a = p[0], b = p[1];
        Complex psiHalf = new Complex(-0.57721566490153286 - 2 * Math.log(2));
        double x = 2 * Math.PI * t;
        if (b.subtract(a).norm() < 1e-7 * (1 + a.norm())) {
            // double pole: (ω+Γ)/(ω+a)² = 1/(ω+a) + (Γ−a)/(ω+a)²
            Complex za = a.divide(x).add(0.5);
            Complex v = SpecialFunctions.digamma(za).subtract(psiHalf)
                    .subtract(SpecialFunctions.trigamma(za).multiply(new Complex(g).subtract(a)).divide(x));
            return v.getReal();
        }
        Complex aa = new Complex(g).subtract(a).divide(b.subtract(a));
        Complex bb = new Complex(g).subtract(b).divide(a.subtract(b));
        Complex v = aa.multiply(SpecialFunctions.digamma(a.divide(x).add(0.5)).subtract(psiHalf))
                .add(bb.multiply(SpecialFunctions.digamma(b.divide(x).add(0.5)).subtract(psiHalf)));
        return v.getReal();
    }

    /**
     * The same pair-breaking function by a direct Matsubara sum of h²/(ω(ω²+Γω+h²)) to n = {@code terms} plus the
     * asymptotic tail h²/2W² − Γh²/3W³ (W = 2πT·terms): an independent method for the digamma form.
     */
    public static double pairBreakingMatsubara(double t, double h, double spinFlipRate, int terms) {
        double g = spinFlipRate / 2, x = 2 * Math.PI * t, s = 0;
        for (int n = terms - 1; n >= 0; n--) {
            double w = Math.PI * t * (2 * n + 1);
            s += h * h / (w * (w * w + g * w + h * h));
        }
        double wN = x * terms;
        return x * s + h * h / (2 * wN * wN) - g * h * h / (3 * wN * wN * wN);
    }

    /** Linearized T_c/T_c0 from ln(T_c0/T) = pair-breaking sum (digamma form); 0 if superconductivity is destroyed. */
    public static double tc(double h, double spinFlipRate) {
        return tcRoot(t -> Math.log(1 / t) - pairBreakingDigamma(t, h, spinFlipRate));
    }

    /** Linearized T_c/T_c0 by direct Matsubara sums ({@code terms} frequencies plus tail). */
    public static double tcMatsubara(double h, double spinFlipRate, int terms) {
        return tcRoot(t -> Math.log(1 / t) - pairBreakingMatsubara(t, h, spinFlipRate, terms));
    }

    private static double tcRoot(java.util.function.DoubleUnaryOperator f) {
        // largest root below 1: f(1) ≤ 0; scan down
        double hi = 1, fhi = f.applyAsDouble(hi);
        if (fhi > 0) return 1;
        for (double lo = 0.98; lo > 1e-4; lo *= 0.98) {
            double flo = f.applyAsDouble(lo);
            if (flo > 0) {
                return new BrentSolver(1e-15, 1e-15).solve(200, f::applyAsDouble, lo, hi);
            }
            hi = lo;
        }
        return 0;
    }

    /** Matrix of T_c/T_c0 on a grid of fields and spin-flip rates (rows: h). */
    public static double[][] tcMap(double[] fields, double[] spinFlipRates) {
        double[][] out = new double[fields.length][spinFlipRates.length];
        for (int i = 0; i < fields.length; i++) {
            Cancellation.check("T_c map");
            for (int j = 0; j < spinFlipRates.length; j++) out[i][j] = tc(fields[i], spinFlipRates[j]);
        }
        return out;
    }

    /**
     * G(Δ) = Δ ln T + 2πTΣ_{n≥0}[Δ/ω_n − Re F0(ω_n)] for a bulk with the given h and 1/τ_so (T in units of T_c0).
     * F0 comes from {@link Bulk} (continued downward from large ω_n) or in closed form Δ/√(ω²+Δ²) at h = 0 (where
     * τ_so drops out, Anderson theorem). The sum runs to ω ≈ 60·max(Δ, h, 1/τ_so, T) with the BCS tail integral and its
     * midpoint (Euler–Maclaurin) correction.
     */
    public static double residual(double t, double delta, Bulk bulk) {
        DiffusonException.requirePositive("temperature", t);
        if (delta == 0) return 0;
        double x = 2 * Math.PI * t;
        double scale = Math.max(Math.max(delta, bulk.h()), Math.max(bulk.spinFlipRate(), t));
        int n = (int) Math.ceil(60 * scale / x) + 8;
        double s = 0;
        if (bulk.h() == 0) {
            for (int k = n - 1; k >= 0; k--) {
                double w = Math.PI * t * (2 * k + 1);
                s += delta / w - delta / Math.sqrt(w * w + delta * delta);
            }
        } else if (bulk.spinFlipRate() == 0) {
            // uncoupled spins: sinΘ_s = Δ/√((ω − ish)² + Δ²) with Re √ > 0
            double h = bulk.h(), d2 = delta * delta;
            for (int k = n - 1; k >= 0; k--) {
                double w = Math.PI * t * (2 * k + 1);
                double ar = w * w - h * h + d2, ai = -2 * w * h;     // (ω − ih)² + Δ²; the other spin is its conjugate
                double m = Math.hypot(ar, ai), sr = Math.sqrt(0.5 * (m + ar)), si = Math.copySign(Math.sqrt(0.5 * (m - ar)), ai);
                s += delta / w - delta * sr / (sr * sr + si * si);
            }
        } else {
            Bulk b = bulk.withGap(delta);
            double big = Math.PI * t * (2 * n - 1);
            BulkState st = b.matsubara(big);
            Complex[] th = {st.thetaUp(), st.thetaDown()};
            for (int k = n - 1; k >= 0; k--) {
                double w = Math.PI * t * (2 * k + 1);
                if (b.newton(new Complex(w), th) < 0) th = new Complex[]{b.matsubara(w).thetaUp(), b.matsubara(w).thetaDown()};
                Complex f = th[0].sin().add(th[1].sin()).multiply(0.5);
                s += delta / w - f.getReal();
            }
        }
        // tail n ≥ N: Σ f(ω_n)·2πT = ∫_W^∞ f dω + (2πT)²/24 f′(W) + …, f = Δ/ω − Re ½Σ_s Δ/√((ω − ish)² + Δ²)
        // (spin-flip coupling enters the tail only at O(Γh²Δ/W³))
        double wN = x * n, tail = 0, fp = 0, h = bulk.h();
        for (int sgn = -1; sgn <= 1; sgn += 2) {
            if (h == 0 && sgn == -1) continue;
            double weight = h == 0 ? 1 : 0.5;
            Complex w = new Complex(wN, -sgn * h);
            Complex r = w.multiply(w).add(delta * delta).sqrt();
            tail += weight * delta * w.add(r).divide(2 * wN).log().getReal();
            fp += weight * (-delta / (wN * wN) + w.multiply(delta).divide(r.multiply(r).multiply(r)).getReal());
        }
        return delta * Math.log(t) + x * s + tail + x * x / 24 * fp;
    }

    /** BCS gap Δ(T)/T_c0 (h = 0): the largest root of G(Δ) = 0; 0 for T ≥ T_c0. */
    public static double bcsGap(double t) {
        if (t >= 1) return 0;
        Bulk b = Bulk.bcs(0);
        java.util.function.DoubleUnaryOperator f = d -> residual(t, d, b) / d;
        double hi = 2 * DELTA0;
        double lo = 1e-8;
        if (f.applyAsDouble(lo) >= 0) return 0;
        return new BrentSolver(1e-14, 1e-14).solve(300, f::applyAsDouble, lo, hi);
    }

    /** Δ(T)/T_c0 on an array of temperatures (units of T_c0). */
    public static double[] bcsGapCurve(double[] temperatures) {
        double[] out = new double[temperatures.length];
        for (int i = 0; i < out.length; i++) {
            Cancellation.check("Δ(T) curve");
            out[i] = bcsGap(temperatures[i]);
        }
        return out;
    }

    /** Ω_S(Δ) − Ω_N = 2∫_0^Δ G(Δ′)dΔ′ in units of N_F T_c0² (Gauss–Legendre, 40 nodes). */
    public static double freeEnergy(double t, double delta, Bulk bulk) {
        if (delta == 0) return 0;
        // G(Δ′) changes character near Δ′ = h over a width ~T (gapless vs gapped): split the Gauss–Legendre rule there
        double h = bulk.h();
        // and near Δ′ ~ T (where the Matsubara sum stops being an integral)
        double[] cuts = java.util.stream.DoubleStream.of(0, 10 * t, h - 6 * t, h, h + 6 * t, delta)
                .filter(c -> c >= 0 && c <= delta).sorted().distinct().toArray();
        double s = 0;
        for (int c = 0; c + 1 < cuts.length; c++) {
            if (cuts[c + 1] <= cuts[c]) continue;
            GaussIntegrator gl = new GaussIntegratorFactory().legendre(24, cuts[c], cuts[c + 1]);
            for (int i = 0; i < gl.getNumberOfPoints(); i++)
                s += gl.getWeight(i) * residual(t, gl.getPoint(i), bulk);
        }
        return 2 * s;
    }

    /** A self-consistent uniform solution: gap, free energy relative to the normal state, and whether it is stable. */
    public record Branch(double delta, double freeEnergy) {
    }

    /** All phases at (T, h, 1/τ_so) and the stable one. */
    public record Phases(double temperature, double h, double spinFlipRate, List<Branch> branches, Branch stable) {
        /** True if the superconducting state is the global minimum. */
        public boolean superconducting() {
            return stable.delta() > 0;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "Phases at T = %.4g T_c0, h = %.4g T_c0, 1/τ_so = %.4g T_c0:", temperature, h, spinFlipRate));
            for (Branch b : branches)
                sb.append(String.format(Locale.ROOT, "%n  Δ = %.6f, Ω_S − Ω_N = %+.6f N_F T_c0²%s", b.delta(),
                        b.freeEnergy(), b == stable ? "  (stable)" : ""));
            return sb.toString();
        }
    }

    /**
     * Every uniform solution of G(Δ) = 0 (Δ = 0 included) with its free energy; the stable one minimizes Ω. Roots are
     * bracketed on a grid of Δ ∈ (0, 2.2Δ0] and refined by Brent.
     */
    public static Phases phases(double t, double h, double spinFlipRate) {
        DiffusonException.requirePositive("temperature", t);
        Bulk b = Bulk.bcs(0).withField(h).withSpinRelaxation(spinFlipRate);
        List<Branch> out = new ArrayList<>();
        out.add(new Branch(0, 0));
        java.util.function.DoubleUnaryOperator f = d -> residual(t, d, b) / d;
        int grid = 60;
        double prevD = 1e-6, prevF = f.applyAsDouble(prevD);
        for (int i = 1; i <= grid; i++) {
            Cancellation.check("gap-equation root search");
            double d = 2.2 * DELTA0 * i / grid, fd = f.applyAsDouble(d);
            if (prevF * fd < 0) {
                double root = new BrentSolver(1e-13, 1e-13).solve(200, f::applyAsDouble, prevD, d);
                out.add(new Branch(root, freeEnergy(t, root, b)));
            }
            prevD = d;
            prevF = fd;
        }
        Branch best = out.get(0);
        for (Branch br : out) if (br.freeEnergy() < best.freeEnergy() - 1e-13) best = br;
        return new Phases(t, h, spinFlipRate, List.copyOf(out), best);
    }

    /**
     * The stable self-consistent gap at (T, h, 1/τ_so); a clear error if the normal state is the stable phase (e.g. h
     * above the Chandrasekhar–Clogston field), naming the phase that is stable and any metastable branch.
     */
    public static double selfConsistentGap(double t, double h, double spinFlipRate) {
        Phases p = phases(t, h, spinFlipRate);
        if (!p.superconducting()) {
            String meta = p.branches().size() > 1 ? String.format(Locale.ROOT,
                    " (a metastable superconducting branch Δ = %.4g has Ω_S − Ω_N = %+.3g > 0)",
                    p.branches().get(p.branches().size() - 1).delta(),
                    p.branches().get(p.branches().size() - 1).freeEnergy()) : "";
            throw new DiffusonException("h", String.format(Locale.ROOT,
                    "at T = %.4g T_c0, h = %.4g T_c0, 1/τ_so = %.4g T_c0 the normal state is stable%s", t, h,
                    spinFlipRate, meta), String.format(Locale.ROOT,
                    "use h below the critical field h_c(T) = %.4g T_c0 (Chandrasekhar–Clogston at low T), or use Δ = 0",
                    criticalField(t, spinFlipRate)));
        }
        return p.stable().delta();
    }

    /** The self-consistent branch with the largest gap at (T, h, 1/τ_so), or null if there is none. */
    public static Branch largestBranch(double t, double h, double spinFlipRate) {
        Bulk b = Bulk.bcs(0).withField(h).withSpinRelaxation(spinFlipRate);
        java.util.function.DoubleUnaryOperator f = d -> residual(t, d, b) / d;
        int grid = 60;
        double upper = 2.2 * DELTA0, fu = f.applyAsDouble(upper);
        for (int i = grid - 1; i >= 0; i--) {
            double d = i == 0 ? 1e-6 : 2.2 * DELTA0 * i / grid, fd = f.applyAsDouble(d);
            if (fu > 0 && fd <= 0) {
                double root = new BrentSolver(1e-13, 1e-13).solve(200, f::applyAsDouble, d, upper);
                return new Branch(root, freeEnergy(t, root, b));
            }
            upper = d;
            fu = fd;
        }
        return null;
    }

    /**
     * Field at which the stable phase changes from superconducting to normal, in units of T_c0: first order where the
     * free energy of the largest-gap branch crosses zero (Chandrasekhar–Clogston), second order where that branch
     * ends (Δ → 0). Found by Brent's method on Ω_S(h) (which jumps to +∞ where the branch ends).
     */
    public static double criticalField(double t, double spinFlipRate) {
        if (t >= 1) return 0;
        java.util.function.DoubleUnaryOperator omega = h -> {
            Cancellation.check("critical-field search");
            Branch br = largestBranch(t, h, spinFlipRate);
            return br == null ? 1 : br.freeEnergy();
        };
        double lo = 0, hi = 0.25;
        while (omega.applyAsDouble(hi) < 0) {
            lo = hi;
            hi += 0.25;
            if (hi > 200) return Double.POSITIVE_INFINITY;
        }
        return new BrentSolver(1e-12, 1e-10).solve(200, omega::applyAsDouble, lo, hi);
    }
}
