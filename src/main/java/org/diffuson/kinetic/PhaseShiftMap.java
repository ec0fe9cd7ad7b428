package org.diffuson.kinetic;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
import org.diffuson.scattering.HostMetal;
import org.diffuson.scattering.PartialWaveTMatrix;
import org.diffuson.scattering.PhaseShifts;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A map of the 3-channel coefficients over two phase shifts (the others fixed), computed in parallel over rows with a
 * progress callback: e.g. θ_sH(η₀, η₂) at η₁ = π/2.
 * <p>
 * At each point: the three-channel T-matrix of seed 001 Eq. 17 (η₀: l = 0, j = 1/2; η₁: l = 1, j = 1/2; η₂: l = 1,
 * j = 3/2; {@link PhaseShifts#threeChannel}, built by the partial-wave sum S166–S172), the moment solve of seed 001
 * Eq. 6 (S53–S71, {@link KineticSolver#moments}) and the coefficients of Eqs. 7–10, 15 ({@link SpinChargeCoefficients}):
 * θ_sH and σ_sH/(ek_F), whose η₀ = η₂ = 0 point is Eq. 18 and whose small-η₀ slope is the skew term of Eq. 19.
 */
public final class PhaseShiftMap {
    private PhaseShiftMap() {}

    /** Which two of (η₀, η₁, η₂) vary. */
    public record Axes(int first, int second) {
        public Axes {
            if (first < 0 || first > 2 || second < 0 || second > 2 || first == second)
                throw new DiffusonException("axes", "need two different channel indices in {0, 1, 2}, got (" + first + ", " + second + ")",
                        "e.g. new Axes(0, 2) for (η₀, η₂)");
        }
    }

    /** The map: {@code values[i][j]} at (first = a[i], second = b[j]). */
    public record Result(Axes axes, double[] a, double[] b, double[] fixed, double r, SpinChargeCoefficients[][] values) {
        /** Copies the arrays (rows included): a Result is an immutable value. */
        public Result {
            a = a.clone();
            b = b.clone();
            fixed = fixed.clone();
            values = deepCopy(values);
        }

        /** Values of the first varying phase shift (a copy). */
        @Override
        public double[] a() { return a.clone(); }

        /** Values of the second varying phase shift (a copy). */
        @Override
        public double[] b() { return b.clone(); }

        /** (η₀, η₁, η₂) with the fixed one(s) (a copy). */
        @Override
        public double[] fixed() { return fixed.clone(); }

        /** The coefficients, {@code values[i][j]} at (a[i], b[j]) (a copy). */
        @Override
        public SpinChargeCoefficients[][] values() { return deepCopy(values); }

        private static SpinChargeCoefficients[][] deepCopy(SpinChargeCoefficients[][] v) {
            SpinChargeCoefficients[][] c = new SpinChargeCoefficients[v.length][];
            for (int i = 0; i < v.length; i++) c[i] = v[i].clone();
            return c;
        }

        public double[][] thetaSH() {
            double[][] m = new double[a.length][b.length];
            for (int i = 0; i < a.length; i++) for (int j = 0; j < b.length; j++) m[i][j] = values[i][j].thetaSH();
            return m;
        }

        public double[][] sigmaSHOverKF() {
            double[][] m = new double[a.length][b.length];
            for (int i = 0; i < a.length; i++) for (int j = 0; j < b.length; j++) m[i][j] = values[i][j].sigmaSHOverKF();
            return m;
        }
    }

    /**
     * Full kinetic solves on the grid a × b. {@code fixed} holds (η₀, η₁, η₂); the entries of the two varying axes are
     * ignored. {@code progress} receives the number of finished points (may be null). The points run in parallel on the
     * common pool; interrupting the calling thread stops every worker at its next point ({@link Cancellation.Cancelled}).
     */
    public static Result compute(HostMetal host, double r, Axes axes, double[] a, double[] b, double[] fixed, IntConsumer progress) {
        if (host == null) throw new DiffusonException("host", "is null", "pass a HostMetal, e.g. HostMetal.unit()");
        if (axes == null) throw new DiffusonException("axes", "is null", "e.g. new Axes(0, 2) for (η₀, η₂)");
        if (!(r > 0) || !Double.isFinite(r)) throw new DiffusonException("r", "n_imp/n_c must be finite and > 0, got " + r, "use a dilute value such as 0.01");
        if (a == null || b == null || a.length == 0 || b.length == 0)
            throw new DiffusonException("grid", "both axes need at least one value", "pass two non-empty arrays of phase shifts");
        if (fixed == null || fixed.length != 3)
            throw new DiffusonException("fixed", "needs the three phase shifts (η₀, η₁, η₂), got "
                    + (fixed == null ? "null" : fixed.length + " values"), "pass new double[]{η₀, η₁, η₂} (the varying two are ignored)");
        double nIm = r * host.carrierDensity();
        SpinChargeCoefficients[][] out = new SpinChargeCoefficients[a.length][b.length];
        AtomicInteger done = new AtomicInteger();
        Cancellation.Token token = Cancellation.token();
        // a parallel map of independent solves, one result per grid point and no reduction, so not integrate.KSum (a sum);
        // each point is deterministic by itself, so the map is independent of the thread count
        IntStream.range(0, a.length * b.length).parallel().forEach(idx -> {
            token.check("phase-shift map");
            int i = idx / b.length, j = idx % b.length;
            double[] e = fixed.clone();
            e[axes.first()] = a[i];
            e[axes.second()] = b[j];
            PartialWaveTMatrix t = new PartialWaveTMatrix(PhaseShifts.threeChannel(e[0], e[1], e[2]), host);
            out[i][j] = KineticSolver.moments(t, nIm, null);
            int d = done.incrementAndGet();
            if (progress != null) progress.accept(d);
        });
        return new Result(axes, a, b, fixed, r, out);
    }
}
