package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.ZOps;
import org.hipparchus.complex.Complex;

import java.util.Locale;

/**
 * Uniform diffusive superconductor with exchange field h and Elliott–Yafet spin relaxation (seed 003 Eqs. 1, 70 with
 * ∂ǧ = 0): [Λ̌ − σ^aǧσ^a/8τ_so, ǧ] = 0 with Λ̌ = −(ω − ih·σ)τ3 − iΔ̌ (Matsubara) or ω → η − iε (retarded). Solved in
 * the coupled θ-parametrization −(ω − is|h|) sinΘ_s + Δ cosΘ_s + sin(Θ_{−s} − Θ_s)/(4τ_so) = 0 by Newton, continued
 * along the energy axis from large |ω| (Matsubara) or from above the gap (retarded), never in (h, τ_so).
 *
 * @param delta          real gap Δ ≥ 0 (the phase is a gauge choice in a bulk)
 * @param hx             exchange field (energy units)
 * @param hy             exchange field
 * @param hz             exchange field
 * @param spinFlipRate   1/τ_so ≥ 0
 */
public record Bulk(double delta, double hx, double hy, double hz, double spinFlipRate) {

    public Bulk {
        DiffusonException.requireFinite("delta", delta);
        if (delta < 0) throw new DiffusonException("delta", "Δ must be ≥ 0, got " + delta,
                "use a real non-negative gap; a phase is a gauge choice in a bulk");
        DiffusonException.requireFinite("h", hx + hy + hz);
        DiffusonException.requireFinite("spinFlipRate", spinFlipRate);
        if (spinFlipRate < 0) throw new DiffusonException("spinFlipRate", "1/τ_so must be ≥ 0, got " + spinFlipRate,
                "pass the spin relaxation rate 1/τ_so (0 for none)");
    }

    /** BCS bulk with gap Δ, no field, no spin relaxation. */
    public static Bulk bcs(double delta) {
        return new Bulk(delta, 0, 0, 0, 0);
    }

    /** Same bulk with exchange field along z. */
    public Bulk withField(double h) {
        return new Bulk(delta, 0, 0, h, spinFlipRate);
    }

    /** Same bulk with exchange field (hx, hy, hz). */
    public Bulk withField(double x, double y, double z) {
        return new Bulk(delta, x, y, z, spinFlipRate);
    }

    /** Same bulk with spin relaxation rate 1/τ_so. */
    public Bulk withSpinRelaxation(double rate) {
        return new Bulk(delta, hx, hy, hz, rate);
    }

    /** Same bulk with gap Δ. */
    public Bulk withGap(double d) {
        return new Bulk(d, hx, hy, hz, spinFlipRate);
    }

    /** |h|. */
    public double h() {
        return Math.sqrt(hx * hx + hy * hy + hz * hz);
    }

    /** ĥ (z if h = 0). */
    public double[] hHat() {
        double h = h();
        return h == 0 ? new double[]{0, 0, 1} : new double[]{hx / h, hy / h, hz / h};
    }

    /** Solution at Matsubara frequency ω (ω ≠ 0), continued from large |ω|. */
    public BulkState matsubara(double omega) {
        if (omega == 0 || !Double.isFinite(omega))
            throw new DiffusonException("omega", "Matsubara frequency must be finite and nonzero, got " + omega,
                    "use ω_n = πT(2n+1)");
        if (h() == 0 || spinFlipRate == 0) {
            // uncoupled spins: the closed form on the Re √ > 0 branch is exact (as for the retarded axis); Newton polishes
            Complex[] th = initial(new Complex(omega));
            int it = newton(new Complex(omega), th);
            if (it < 0) throw failed("omega", omega);
            return new BulkState(new Complex(omega), th[0], th[1], hHat(), it);
        }
        double big = Math.signum(omega) * Math.max(Math.abs(omega), 20 * scale());
        Complex[] th = initial(new Complex(big));
        int steps = Math.abs(big) > Math.abs(omega) ? 24 : 0, it = 0;
        for (int k = 1; k <= steps; k++) {
            double w = big * Math.pow(omega / big, (double) k / steps);
            it = newton(new Complex(w), th);
            if (it < 0) throw failed("omega", w);
        }
        if (steps == 0) it = newton(new Complex(omega), th);
        if (it < 0) throw failed("omega", omega);
        return new BulkState(new Complex(omega), th[0], th[1], hHat(), it);
    }

    /** Retarded solution at energy ε with broadening η &gt; 0 (ω = η − iε), continued from above the gap. */
    public BulkState retarded(double energy, double eta) {
        return retardedFrom(energy, eta, null, Double.NaN);
    }

    /** Retarded DOS N(ε)/N_F on the given energies, continued along the energy axis; checks N ≥ −10η. */
    public double[] dos(double[] energies, double eta) {
        Usadel.requireBroadening(eta);
        double[] out = new double[energies.length];
        Integer[] order = new Integer[energies.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(energies[b]), Math.abs(energies[a])));
        Complex[] prev = null;
        double prevE = Double.NaN;
        for (int idx : order) {
            double e = energies[idx];
            if (prev != null && Math.signum(prevE) != Math.signum(e)) prev = null;
            BulkState s = retardedFrom(e, eta, prev, prevE);
            prev = new Complex[]{s.thetaUp(), s.thetaDown()};
            prevE = e;
            out[idx] = s.dos();
            Usadel.checkDos("bulk", e, out[idx], eta);
        }
        return out;
    }

    private BulkState retardedFrom(double energy, double eta, Complex[] guess, double from) {
        Usadel.requireBroadening(eta);
        DiffusonException.requireFinite("energy", energy);
        double sign = energy >= 0 ? 1 : -1;
        Complex[] th;
        double start;
        if (guess != null) {
            th = guess.clone();
            start = from;
        } else if (h() == 0 || spinFlipRate == 0) {
            // uncoupled spins: the closed form on the Re √ > 0 branch is exact, no continuation needed
            th = initial(new Complex(eta, -energy));
            int it = newton(new Complex(eta, -energy), th);
            if (it < 0) throw failed("energy", energy);
            return new BulkState(new Complex(eta, -energy), th[0], th[1], hHat(), it);
        } else {
            start = sign * Math.max(Math.abs(energy), 6 * scale());
            th = initial(new Complex(eta, -start));
            if (newton(new Complex(eta, -start), th) < 0) throw failed("energy", start);
        }
        double e = start, step = (energy - start) / 64;
        int it = 0;
        while (e != energy) {
            double next = Math.abs(energy - e) <= Math.abs(step) ? energy : e + step;
            Complex[] trial = th.clone();
            it = newton(new Complex(eta, -next), trial);
            if (it < 0 || it > 12) {
                step /= 2;
                if (Math.abs(step) < 1e-3 * eta)
                    throw new DiffusonException("energy", String.format(Locale.ROOT,
                            "bulk Newton continuation along the energy axis stalled at ε = %.6g (η = %.3g)", e, eta),
                            "increase the broadening η or check Δ, h, 1/τ_so");
                continue;
            }
            th = trial;
            e = next;
            step *= 1.5;
        }
        if (it == 0) it = newton(new Complex(eta, -energy), th);
        return new BulkState(new Complex(eta, -energy), th[0], th[1], hHat(), it);
    }

    private double scale() {
        return delta + h() + spinFlipRate + 1;
    }

    private DiffusonException failed(String parameter, double at) {
        return new DiffusonException(parameter, String.format(Locale.ROOT,
                "bulk Newton iteration did not converge at %s = %.6g (Δ = %.4g, |h| = %.4g, 1/τ_so = %.4g)",
                parameter, at, delta, h(), spinFlipRate), "check the parameters (finite Δ, h, 1/τ_so)");
    }

    /** Θ_s = −i log((w_s + iΔ)/√(w_s² + Δ²)) with w_s = ω − is|h|: the uncoupled solution on the Re √ &gt; 0 branch. */
    private Complex[] initial(Complex omega) {
        Complex[] th = new Complex[2];
        double h = h();
        for (int k = 0; k < 2; k++) {
            int s = k == 0 ? 1 : -1;
            Complex w = omega.subtract(new Complex(0, s * h));
            Complex om = w.multiply(w).add(delta * delta).sqrt();
            th[k] = w.add(new Complex(0, delta)).divide(om).log().multiply(new Complex(0, -1));
        }
        return th;
    }

    /** Newton on the two coupled θ equations; returns iterations or −1. */
    int newton(Complex omega, Complex[] th) {
        double h = h(), c = spinFlipRate / 4;
        Complex wu = omega.subtract(new Complex(0, h)), wd = omega.add(new Complex(0, h));
        for (int it = 1; it <= 40; it++) {
            Complex su = th[0].sin(), cu = th[0].cos(), sd = th[1].sin(), cd = th[1].cos();
            Complex sdu = th[1].subtract(th[0]).sin(), cdu = th[1].subtract(th[0]).cos();
            Complex eu = wu.multiply(su).negate().add(cu.multiply(delta)).add(sdu.multiply(c));
            Complex ed = wd.multiply(sd).negate().add(cd.multiply(delta)).subtract(sdu.multiply(c));
            // residual at rounding level: converged (near a gap edge the Jacobian is small and Newton steps would
            // stay above the step tolerance from rounding alone)
            if (eu.norm() + ed.norm() <= 4e-16 * (wu.norm() + wd.norm() + delta + c) * (1 + th[0].norm() + th[1].norm()))
                return it;
            Complex a11 = wu.multiply(cu).negate().subtract(su.multiply(delta)).subtract(cdu.multiply(c));
            Complex a12 = cdu.multiply(c);
            Complex a22 = wd.multiply(cd).negate().subtract(sd.multiply(delta)).subtract(cdu.multiply(c));
            // Newton step J⁻¹e with the core's closed-form 2×2 inverse (J = [[a11, a12], [a12, a22]])
            double[] jac = {a11.getReal(), a11.getImaginary(), a12.getReal(), a12.getImaginary(),
                    a12.getReal(), a12.getImaginary(), a22.getReal(), a22.getImaginary()}, inv = new double[8];
            if (!ZOps.invert2(jac, 0, inv, 0)) return -1;
            Complex du = new Complex(inv[0], inv[1]).multiply(eu).add(new Complex(inv[2], inv[3]).multiply(ed));
            Complex dd = new Complex(inv[4], inv[5]).multiply(eu).add(new Complex(inv[6], inv[7]).multiply(ed));
            th[0] = th[0].subtract(du);
            th[1] = th[1].subtract(dd);
            if (!th[0].isNaN() && !th[1].isNaN() && du.norm() + dd.norm() < 1e-14 * (1 + th[0].norm() + th[1].norm()))
                return it;
            if (th[0].isNaN() || th[1].isNaN()) return -1;
        }
        return -1;
    }

    /** Λ̌ = −(ω − ih·σ)τ3 − iΔ̌ as a 4×4 matrix (complex ω; retarded ω = η − iε). */
    public CMatrix lambda(Complex omega) {
        return Nambu.tau(3).scale(omega.negate()).plus(Nambu.zeeman(hx, hy, hz).scale(0, 1))
                .minus(Nambu.gap(new Complex(delta)).scale(0, 1));
    }

    /**
     * Full matrix residual max|[Λ̌ − σ^aǧσ^a/8τ_so, ǧ]| of a bulk state (an independent check of the θ equations on
     * the 4×4 Usadel equation, seed 003 Eq. 1 with ∂ǧ = 0).
     */
    public double residual(BulkState s) {
        CMatrix g = s.matrix();
        CMatrix l = lambda(s.omega()).minus(Nambu.sigmaSandwich(g).scale(spinFlipRate / 8));
        return Nambu.commutator(l, g).normMax();
    }
}
