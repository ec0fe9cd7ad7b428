package org.diffuson.usadel;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
import org.diffuson.linalg.AndersonMixer;
import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Junction solutions at the positive Matsubara frequencies ω_n = πT(2n+1), n = 0..N−1, computed from the highest
 * frequency down (continuation along the Matsubara axis), with equilibrium observables as Matsubara sums. Negative
 * frequencies follow from ǧ(−ω) symmetry, so sums over all n are 2 Re Σ_{n≥0}. Units: N_F = e = 1; currents per unit
 * area in units of e N_F D (so D·(current) has the unit of energy × length⁻¹).
 *
 * @param gapProfile Δ at the mesh nodes used for these solutions (null if the layers' fixed gaps were used)
 */
public record MatsubaraSet(Junction junction, double temperature, Junction.Form form, List<JunctionSolution> solutions,
                           double[] gapProfile) {

    /** Solves at the first {@code count} positive Matsubara frequencies. */
    public static MatsubaraSet solve(Junction j, double temperature, int count, Junction.Form form, double[] gapProfile) {
        return solve(j, temperature, count, form, gapProfile, null);
    }

    /**
     * As {@link #solve(Junction, double, int, Junction.Form, double[])}, starting each frequency from the same
     * frequency of {@code previous} (a nearby Δ(x) in a self-consistency loop). Warm-started frequencies are solved in
     * parallel (each is a function of its own inputs only, so the set is the same bit for bit on any number of
     * cores); a frequency whose warm start fails, and every frequency without a previous set, is reached by
     * continuation from the next higher frequency. Stops with {@link org.diffuson.Cancellation.Cancelled} when the
     * calling thread is interrupted (checked before each frequency).
     */
    public static MatsubaraSet solve(Junction j, double temperature, int count, Junction.Form form, double[] gapProfile,
                                     MatsubaraSet previous) {
        return solve(j, temperature, count, form, gapProfile, previous, null);
    }

    /** As above, reusing (and updating) the factored Jacobians of the previous set, one slot per frequency. */
    static MatsubaraSet solve(Junction j, double temperature, int count, Junction.Form form, double[] gapProfile,
                              MatsubaraSet previous, Collocation.Jacobian[][] jacobians) {
        DiffusonException.requirePositive("temperature", temperature);
        if (count < 1) throw new DiffusonException("frequencies", "need ≥ 1 Matsubara frequency", "pass e.g. 64");
        double[] w = Usadel.matsubara(temperature, count);
        JunctionSolution[] out = new JunctionSolution[count];
        if (previous != null && previous.solutions().size() == count) {
            IntStream.range(0, count).parallel().forEach(Cancellation.checking("Matsubara sum (Usadel BVP)", n -> {
                try {
                    out[n] = j.solve(new Complex(w[n]), form, previous.solutions().get(n), gapProfile, 0,
                            jacobians == null ? null : jacobians[n]);
                } catch (DiffusonException e) {
                    out[n] = null;
                }
            }));
        }
        JunctionSolution cur = null;
        for (int n = count - 1; n >= 0; n--) {
            Cancellation.check("Matsubara continuation (Usadel BVP)");
            if (out[n] == null) out[n] = j.continueTo(new Complex(w[n]), form, cur, gapProfile, 0);
            cur = out[n];
        }
        return new MatsubaraSet(j, temperature, form, List.of(out), gapProfile);
    }

    /**
     * Supercurrent density j = (iπT/2) Σ_{n∈Z} Tr[τ3 ǧ∂_xǧ] in units of e N_F D (equals π Δ tanh(Δ/2T) ∂_xχ for a
     * bulk with phase gradient ∂_xχ, since there Tr[τ3ǧ∂ǧ] = −4i∂_xχ Δ²/Ω²; σ_N = 2e²N_F D). Conserved along x.
     */
    public double supercurrent(double x) {
        double s = 0;
        for (JunctionSolution sol : solutions) s += supercurrentTerm(sol, x);
        return s;
    }

    /** One frequency's term of {@link #supercurrent(double)}: Re[iπT Tr τ3ǧ∂_xǧ]. */
    private double supercurrentTerm(JunctionSolution sol, double x) {
        Complex t = Nambu.tau(3).times(sol.currentMatrix(x)).trace();
        return new Complex(0, Math.PI * temperature).multiply(t).getReal();
    }

    /**
     * Charge supercurrent in units of e N_F (energy/length): D(x)·{@link #supercurrent(double)}, the quantity that is
     * continuous across layers of different D and, at self-consistency, constant along x (dI/dx = 0; with a fixed,
     * non-self-consistent Δ the pair potential is a source or sink of supercurrent).
     */
    public double current(double x) {
        return junction.diffusionAt(x) * supercurrent(x);
    }

    /**
     * {@link #current(double)} with the rest of the Matsubara sum, n ≥ N, added. The current's terms fall off as
     * A/ω² + B/ω⁴ once ω_n exceeds Δ and, for a short junction, stays below E_Th (a long junction's terms fall off
     * exponentially, so the added tail is then negligible); A and B are fitted to the last two computed terms and
     * Σ_{n≥N} 1/ω_n², 1/ω_n⁴ summed. The truncation error of {@link #current(double)}, ~ Δ/ω_N relative, drops to
     * ~ (Δ/ω_N)⁵. Needs N ≥ 2.
     */
    public double currentWithTail(double x) {
        int n = solutions.size();
        if (n < 2) throw new DiffusonException("frequencies", "the tail fit needs ≥ 2 Matsubara frequencies",
                "solve with more frequencies");
        double d = junction.diffusionAt(x), sum = 0, last = 0, before = 0;
        for (int k = 0; k < n; k++) {
            double term = d * supercurrentTerm(solutions.get(k), x);
            sum += term;
            if (k == n - 2) before = term;
            if (k == n - 1) last = term;
        }
        double w1 = solutions.get(n - 1).omega().getReal(), w2 = solutions.get(n - 2).omega().getReal();
        // t = A/ω² + B/ω⁴ through (w1, last) and (w2, before)
        double u1 = 1 / (w1 * w1), u2 = 1 / (w2 * w2);
        double b = (last / u1 - before / u2) / (u1 - u2), a = last / u1 - b * u1;
        // Σ_{k≥N} 1/(k+½)^p: direct to N + 4096, then the midpoint-rule integral ∫_K^∞ dk/k^p
        double s2 = 0, s4 = 0;
        int end = n + 4096;
        for (int k = n; k < end; k++) {
            double v = 1.0 / ((k + 0.5) * (k + 0.5));
            s2 += v;
            s4 += v * v;
        }
        s2 += 1.0 / end;
        s4 += 1.0 / (3.0 * end * end * end);
        double c = 2 * Math.PI * temperature;
        return sum + a * s2 / (c * c) + b * s4 / (c * c * c * c);
    }

    /** Equilibrium spin current along x with spin a (1..3): (iπT/2) Σ_{n∈Z} Tr[σ^a ǧ∂_xǧ] (same units as the charge). */
    public double spinCurrent(double x, int a) {
        double s = 0;
        for (JunctionSolution sol : solutions) {
            Complex t = Nambu.sigma(a).times(sol.currentMatrix(x)).trace();
            s += new Complex(0, Math.PI * temperature).multiply(t).getReal();
        }
        return s;
    }

    /**
     * Induced spin density (the triplet part of the condensate, Eq. 79's σ^aτ3 projection as a Matsubara sum):
     * −πT Σ_{n∈Z} Tr[σ^a τ3 ǧ(ω_n)]/2 in units of N_F; zero in the normal state and for singlet pairing.
     */
    public double spinDensity(double x, int a) {
        double s = 0;
        for (JunctionSolution sol : solutions) {
            Complex t = Nambu.ts(3, a).times(sol.matrix(x)).trace();
            s += -Math.PI * temperature * t.getImaginary();
        }
        return s;
    }

    /** Singlet amplitude Σ_{n≥0} terms F0(x, ω_n) (for the gap equation). */
    public double singletSum(double x) {
        double s = 0;
        for (JunctionSolution sol : solutions) s += sol.singlet(x).getReal();
        return s;
    }

    /** Node coordinates of the mesh. */
    public double[] x() {
        return solutions.get(0).x();
    }

    /**
     * Self-consistent pair potential in the layers with {@code criticalTemperature} &gt; 0, by the cutoff-free
     * iteration Δ(x)[ln(T/T_c) + 2πTΣ_{n&lt;N}1/ω_n] = 2πTΣ_{n&lt;N}F0(x, ω_n) − tail(Δ), the tail being the local BCS
     * integral beyond ω_N with its midpoint correction (seed 003's gap equation, no Debye cutoff).
     */
    public static SelfConsistent selfConsistent(Junction j, double temperature, int count, Junction.Form form,
                                                double tol, int maxIter) {
        Junction.Nodes nd = j.nodes(null, 0);
        int p = nd.mesh().points();
        // a phase-biased junction (reservoir phases other than 0, π) has a complex Δ(x) = |Δ|e^{iχ(x)}: Riccati form
        double phiL = Boundary.phaseOf(j.left()), phiR = Boundary.phaseOf(j.right());
        boolean complex = Math.abs(Math.sin(phiL)) > 1e-14 || Math.abs(Math.sin(phiR)) > 1e-14;
        if (complex) {
            if (form != Junction.Form.RICCATI)
                throw new DiffusonException("form", "a phase-biased junction has a complex Δ(x)",
                        "use Form.RICCATI for self-consistency with reservoir phases other than 0 and π");
            for (Layer l : j.layers())
                if (l.hx() != 0 || l.hy() != 0 || l.hz() != 0)
                    throw new DiffusonException("field", "self-consistent complex Δ(x) with an exchange field (layer "
                            + l.name() + ") needs the negative Matsubara frequencies separately, not implemented",
                            "set h = 0, or use reservoir phases 0/π (real Δ)");
        }
        // a pairing layer whose exchange field is above the bulk critical field (Chandrasekhar–Clogston at low T):
        // the normal state is its stable phase, and the iteration started from a gap would settle on the metastable
        // superconducting branch (at T → 0 and h < Δ0 the bulk gap Δ0 still solves the gap equation)
        for (Layer l : j.layers()) {
            double[] h = l.field(0);
            double hh = Math.sqrt(h[0] * h[0] + h[1] * h[1] + h[2] * h[2]);
            if (l.criticalTemperature() <= 0 || hh == 0) continue;
            double tc = l.criticalTemperature();
            GapEquation.Phases ph = GapEquation.phases(temperature / tc, hh / tc, l.spinFlipRate() / tc);
            if (!ph.superconducting()) {
                GapEquation.Branch meta = ph.branches().get(ph.branches().size() - 1);
                throw new DiffusonException("h", String.format(Locale.ROOT,
                        "layer %s: |h| = %.4g T_c0 at T = %.4g T_c0 (1/τ_so = %.4g T_c0) is above the critical field: "
                                + "the normal state is the stable phase%s", l.name(), hh / tc, temperature / tc,
                        l.spinFlipRate() / tc, meta.delta() > 0 ? String.format(Locale.ROOT,
                                " (the superconducting branch Δ = %.4g T_c0 is metastable, Ω_S − Ω_N = %+.3g N_F T_c0²)",
                                meta.delta(), meta.freeEnergy()) : ""), String.format(Locale.ROOT,
                        "use |h| below h_c(T) = %.4g T_c0 in that layer, or make it a normal layer "
                                + "(no criticalTemperature) with the field", GapEquation.criticalField(temperature / tc,
                                l.spinFlipRate() / tc)));
            }
        }
        int c = complex ? 2 : 1;                 // Δ per node: real, or (Re, Im)
        double[] gap = new double[c * p];
        double[] tc = new double[p];
        double[] xs = nd.mesh().x();
        double mid = xs[0] + 0.5 * (xs[p - 1] - xs[0]);
        boolean any = false;
        for (int i = 0; i < p; i++) {
            Layer l = j.layers().get(nd.layer()[i]);
            tc[i] = l.criticalTemperature();
            double g = l.gap();
            if (tc[i] > 0) {
                any = true;
                if (g == 0) g = tc[i] * GapEquation.bcsGap(Math.min(temperature / tc[i], 0.999));
            }
            // start: the phase of the nearer reservoir (fixed-gap layers keep a real Δ)
            double chi = complex && tc[i] > 0 ? (xs[i] < mid ? phiL : phiR) : 0;
            gap[c * i] = g * Math.cos(chi);
            if (complex) gap[c * i + 1] = g * Math.sin(chi);
        }
        if (!any) throw new DiffusonException("criticalTemperature", "no layer has pairing (T_c0 > 0)",
                "call Layer.selfConsistent(tc) on the superconducting layers");
        double[] w = Usadel.matsubara(temperature, count);
        double x2 = 2 * Math.PI * temperature, wN = x2 * count, inv = 0;
        for (double v : w) inv += 1 / v;
        List<Double> history = new ArrayList<>();
        MatsubaraSet set = null;
        double change = Double.POSITIVE_INFINITY;
        int it = 0;
        // Anderson mixing (depth 5) of the fixed-point map Δ → G(Δ) on the pairing nodes
        AndersonMixer mixer = new AndersonMixer(c * p, 5, 1.0);
        // one factored Jacobian per frequency, reused as chord start at the next Δ(x) when they fit in 64 MB
        Collocation.Jacobian[][] jacobians = count * Collocation.Jacobian.bytes(nd.mesh(), form == Junction.Form.THETA
                ? 2 : 8) <= 64L << 20 ? new Collocation.Jacobian[count][1] : null;
        while (it < maxIter && change > tol) {
            Cancellation.check("self-consistent gap iteration");
            set = solve(j, temperature, count, form, gap.clone(), set, jacobians);
            double[] next = gap.clone();
            change = 0;
            List<JunctionSolution> sols = set.solutions();
            boolean[] complexAt = new boolean[sols.size()];   // per solution, once (not per node: an O(p) scan)
            for (int q = 0; q < complexAt.length; q++) complexAt[q] = sols.get(q).nodes().complexGap();
            for (int i = 0; i < p; i++) {
                if (tc[i] <= 0) continue;
                // Σ_{n≥0} F0: for h = 0 the singlet is even in ω, so Σ_{n∈Z} = 2Σ_{n≥0} (complex Δ); with h it is
                // 2 Re Σ_{n≥0} (F0(−ω) = F0(ω)* for real Δ)
                double fr = 0, fi = 0;
                for (int q = 0; q < complexAt.length; q++) {
                    Complex f = nodeSinglet(sols.get(q), i, complexAt[q]);
                    fr += f.getReal();
                    fi += f.getImaginary();
                }
                double dr = gap[c * i], di = complex ? gap[c * i + 1] : 0, d2 = dr * dr + di * di;
                double r = Math.sqrt(wN * wN + d2);
                // the local BCS tail beyond ω_N is Δ times a function of |Δ|
                double tail = Math.log((wN + r) / (2 * wN)) + x2 * x2 / 24 * (-1 / (wN * wN) + wN / (r * r * r));
                // an exchange field lowers Re F0 by Δh²/ω³ at large ω (per spin, Δ/√((ω ∓ ih)² + Δ²)): its tail
                // ∫_{ω_N}^∞ h²/ω³ dω = h²/2ω_N² (without it Δ is off by ≈ Δh²/2ω_N², 2e-3 at h = 1, ω_N = 20)
                double[] hv = nd.h()[i];
                tail += (hv[0] * hv[0] + hv[1] * hv[1] + hv[2] * hv[2]) / (2 * wN * wN);
                double den = Math.log(temperature / tc[i]) + x2 * inv;
                if (complex) {
                    next[c * i] = (x2 * fr - tail * dr) / den;
                    next[c * i + 1] = (x2 * fi - tail * di) / den;
                    change = Math.max(change, Math.hypot(next[c * i] - dr, next[c * i + 1] - di));
                } else {
                    next[i] = Math.max(0, (x2 * fr - tail * dr) / den);
                    change = Math.max(change, Math.abs(next[i] - dr));
                }
            }
            double[] res = new double[c * p];
            for (int i = 0; i < c * p; i++) res[i] = next[i] - gap[i];
            mixer.step(gap, res);
            if (!complex) for (int i = 0; i < p; i++) gap[i] = Math.max(0, gap[i]);
            for (int i = 0; i < p; i++)
                if (tc[i] <= 0) {
                    gap[c * i] = j.layers().get(nd.layer()[i]).gap();
                    if (complex) gap[c * i + 1] = 0;
                }
            history.add(change);
            it++;
        }
        if (change > tol)
            throw new DiffusonException("selfConsistency", String.format(Locale.ROOT,
                    "gap iteration did not converge in %d steps (last change %.3g > %.1g)", maxIter, change, tol),
                    "raise maxIter, or start closer (set Layer.gap to an estimate)");
        double[] abs = new double[p], chi = new double[p];
        for (int i = 0; i < p; i++) {
            double dr = gap[c * i], di = complex ? gap[c * i + 1] : 0;
            abs[i] = complex ? Math.hypot(dr, di) : dr;
            chi[i] = complex ? Math.atan2(di, dr) : 0;
        }
        return new SelfConsistent(solve(j, temperature, count, form, gap.clone(), set, jacobians), abs, chi, it,
                change, List.copyOf(history));
    }

    private static Complex nodeSinglet(JunctionSolution s, int node, boolean complexGap) {
        double[] y = s.yView();
        if (s.form() == Junction.Form.THETA) {
            Complex a = new Complex(y[4 * node], y[4 * node + 1]), b = new Complex(y[4 * node + 2], y[4 * node + 3]);
            return new Complex(a.sin().add(b.sin()).multiply(0.5).getReal());
        }
        Complex f = RiccatiForm.singlet(y, 16 * node);
        return complexGap ? f : new Complex(f.getReal());
    }

    /**
     * A self-consistent junction: |Δ| and its phase χ at the mesh nodes (χ = 0 unless the junction is phase-biased),
     * the final Matsubara set, iteration history.
     */
    public record SelfConsistent(MatsubaraSet set, double[] gap, double[] phase, int iterations, double lastChange,
                                 List<Double> history) {
        /** Copies the arrays: a SelfConsistent is an immutable value. */
        public SelfConsistent {
            gap = gap.clone();
            phase = phase.clone();
        }

        /** |Δ| at the mesh nodes (a copy). */
        @Override
        public double[] gap() { return gap.clone(); }

        /** The phase χ at the mesh nodes (a copy). */
        @Override
        public double[] phase() { return phase.clone(); }

        /** |Δ| at x (Chebyshev interpolation of the node values). */
        public double gapAt(double x) {
            Collocation.Mesh m = set.solutions().get(0).mesh();
            double[] y = new double[2 * gap.length];
            for (int i = 0; i < gap.length; i++) y[2 * i] = gap[i];
            return m.interpolate(y, 1, 0, x, 0)[0];
        }

        /** Complex Δ(x) = |Δ|e^{iχ} (Chebyshev interpolation of Re Δ and Im Δ). */
        public Complex pairPotential(double x) {
            Collocation.Mesh m = set.solutions().get(0).mesh();
            double[] y = new double[2 * gap.length];
            for (int i = 0; i < gap.length; i++) {
                y[2 * i] = gap[i] * Math.cos(phase[i]);
                y[2 * i + 1] = gap[i] * Math.sin(phase[i]);
            }
            double[] v = m.interpolate(y, 1, 0, x, 0);
            return new Complex(v[0], v[1]);
        }
    }
}
