package org.diffuson.usadel;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
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
        for (JunctionSolution sol : solutions) {
            Complex t = Nambu.tau(3).times(sol.currentMatrix(x)).trace();
            s += new Complex(0, Math.PI * temperature).multiply(t).getReal();
        }
        return s;
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
        double[] gap = new double[p];
        double[] tc = new double[p];
        boolean any = false;
        for (int i = 0; i < p; i++) {
            Layer l = j.layers().get(nd.layer()[i]);
            tc[i] = l.criticalTemperature();
            if (tc[i] > 0) {
                any = true;
                gap[i] = l.gap() > 0 ? l.gap() : tc[i] * GapEquation.bcsGap(Math.min(temperature / tc[i], 0.999));
            } else gap[i] = l.gap();
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
        double[] xs = nd.mesh().x();
        // Anderson mixing (depth 5) of the fixed-point map Δ → G(Δ) on the pairing nodes
        int depth = 5;
        List<double[]> xs0 = new ArrayList<>(), fs0 = new ArrayList<>();
        // one factored Jacobian per frequency, reused as chord start at the next Δ(x) when they fit in 64 MB
        Collocation.Jacobian[][] jacobians = count * Collocation.Jacobian.bytes(nd.mesh(), form == Junction.Form.THETA
                ? 2 : 8) <= 64L << 20 ? new Collocation.Jacobian[count][1] : null;
        while (it < maxIter && change > tol) {
            Cancellation.check("self-consistent gap iteration");
            set = solve(j, temperature, count, form, gap.clone(), set, jacobians);
            double[] next = gap.clone();
            change = 0;
            for (int i = 0; i < p; i++) {
                if (tc[i] <= 0) continue;
                double f = 0;
                for (JunctionSolution s : set.solutions()) f += nodeSinglet(s, i);
                double d = gap[i], r = Math.sqrt(wN * wN + d * d);
                double tail = d * Math.log((wN + r) / (2 * wN)) + x2 * x2 / 24 * (-d / (wN * wN) + d * wN / (r * r * r));
                next[i] = Math.max(0, (x2 * f - tail) / (Math.log(temperature / tc[i]) + x2 * inv));
                change = Math.max(change, Math.abs(next[i] - gap[i]));
            }
            double[] res = new double[p];
            for (int i = 0; i < p; i++) res[i] = next[i] - gap[i];
            xs0.add(gap.clone());
            fs0.add(res);
            if (xs0.size() > depth + 1) {
                xs0.remove(0);
                fs0.remove(0);
            }
            gap = anderson(xs0, fs0, next);
            for (int i = 0; i < p; i++) if (tc[i] <= 0) gap[i] = j.layers().get(nd.layer()[i]).gap();
            history.add(change);
            it++;
        }
        if (change > tol)
            throw new DiffusonException("selfConsistency", String.format(Locale.ROOT,
                    "gap iteration did not converge in %d steps (last change %.3g > %.1g)", maxIter, change, tol),
                    "raise maxIter, or start closer (set Layer.gap to an estimate)");
        return new SelfConsistent(solve(j, temperature, count, form, gap.clone(), set, jacobians), gap, it, change,
                List.copyOf(history));
    }

    /** Anderson (Pulay) extrapolation: minimize |Σ c_k f_k| with Σ c_k = 1, return Σ c_k (x_k + f_k). */
    static double[] anderson(List<double[]> xs, List<double[]> fs, double[] plain) {
        int m = xs.size() - 1;
        if (m < 1) return plain;
        double[] fl = fs.get(m);
        int p = fl.length;
        double[][] a = new double[m][m];
        double[] b = new double[m];
        double[][] df = new double[m][p];
        for (int k = 0; k < m; k++)
            for (int i = 0; i < p; i++) df[k][i] = fl[i] - fs.get(k)[i];
        for (int k = 0; k < m; k++) {
            for (int l = 0; l < m; l++) {
                double s = 0;
                for (int i = 0; i < p; i++) s += df[k][i] * df[l][i];
                a[k][l] = s + (k == l ? 1e-14 : 0);
            }
            double s = 0;
            for (int i = 0; i < p; i++) s += df[k][i] * fl[i];
            b[k] = s;
        }
        double[] g;
        try {
            g = new org.hipparchus.linear.LUDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(a))
                    .getSolver().solve(new org.hipparchus.linear.ArrayRealVector(b)).toArray();
        } catch (RuntimeException e) {
            return plain;
        }
        double[] out = new double[p];
        double[] xl = xs.get(m);
        for (int i = 0; i < p; i++) {
            double v = xl[i] + fl[i];
            for (int k = 0; k < m; k++) v -= g[k] * ((xl[i] + fl[i]) - (xs.get(k)[i] + fs.get(k)[i]));
            out[i] = Math.max(0, v);
        }
        return out;
    }

    private static double nodeSinglet(JunctionSolution s, int node) {
        double[] y = s.y();
        if (s.form() == Junction.Form.THETA) {
            Complex a = new Complex(y[4 * node], y[4 * node + 1]), b = new Complex(y[4 * node + 2], y[4 * node + 3]);
            return a.sin().add(b.sin()).multiply(0.5).getReal();
        }
        double[] v = new double[16];
        System.arraycopy(y, 16 * node, v, 0, 16);
        return Nambu.singlet(RiccatiForm.matrix(v)).getReal();
    }

    /** A self-consistent junction: Δ at the mesh nodes, the final Matsubara set, iteration history. */
    public record SelfConsistent(MatsubaraSet set, double[] gap, int iterations, double lastChange,
                                 List<Double> history) {
        /** Δ at x (Chebyshev interpolation of the node values). */
        public double gapAt(double x) {
            Collocation.Mesh m = set.solutions().get(0).mesh();
            double[] y = new double[2 * gap.length];
            for (int i = 0; i < gap.length; i++) y[2 * i] = gap[i];
            return m.interpolate(y, 1, 0, x, 0)[0];
        }
    }
}
