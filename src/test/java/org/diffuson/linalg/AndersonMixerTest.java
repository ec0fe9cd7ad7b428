package org.diffuson.linalg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The shared Anderson mixer against exact answers: the linear limit, GMRES-like termination, and a nonlinear root. */
class AndersonMixerTest {

    @Test
    void withoutHistoryItIsTheLinearStep() {
        AndersonMixer m = new AndersonMixer(3, 0, 0.3);
        double[] x = {1, 2, 3}, f = {0.5, -1, 2};
        m.step(x, f);
        assertArrayEquals(new double[]{1 + 0.3 * 0.5, 2 - 0.3, 3 + 0.6}, x, 0);
    }

    @Test
    void solvesAnAffineMapInDimensionPlusOneSteps() {
        // x = Mx + b with a non-symmetric contraction M (n = 4): Anderson with depth ≥ n spans the Krylov space of
        // 1 − M after n differences, so the (n+1)-th update is the exact fixed point (1 − M)⁻¹b up to rounding
        // (Walker & Ni 2011, Thm 2.2: Anderson ≡ GMRES on linear problems). Tolerance 1e-12: rounding of a 4×4 solve
        // with condition number ~10, amplified by the damping 1e-12 relative.
        int n = 4;
        Random r = new Random(7);
        double[][] mm = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextDouble() - 0.5;
            for (int j = 0; j < n; j++) mm[i][j] = 0.4 * (r.nextDouble() - 0.5);
        }
        double[] exact = solve(identityMinus(mm), b);
        AndersonMixer mixer = new AndersonMixer(n, 5, 0.7);
        double[] x = new double[n], f = new double[n];
        for (int it = 0; it < n + 1; it++) {
            residual(mm, b, x, f);
            mixer.step(x, f);
        }
        assertArrayEquals(exact, x, 1e-12);
        // plain linear mixing is still far after the same number of steps (contraction ≈ 0.5 per step)
        double[] y = new double[n];
        AndersonMixer linear = new AndersonMixer(n, 0, 0.7);
        for (int it = 0; it < n + 1; it++) {
            residual(mm, b, y, f);
            linear.step(y, f);
        }
        double far = 0;
        for (int i = 0; i < n; i++) far = Math.max(far, Math.abs(y[i] - exact[i]));
        assertTrue(far > 1e-4, "linear mixing after n+1 steps: " + far);
    }

    @Test
    void convergesOnANonlinearMapAndForgetsOnReset() {
        // x_i = cos(x_i) + 0.1·x_{i+1}: its fixed point checked by the residual itself (the map is the oracle)
        int n = 6;
        AndersonMixer mixer = new AndersonMixer(n, 5, 0.5);
        double[] x = new double[n], f = new double[n];
        int it = 0;
        double res = 1;
        while (res > 1e-14 && it++ < 60) {
            res = 0;
            for (int i = 0; i < n; i++) {
                f[i] = Math.cos(x[i]) + 0.1 * x[(i + 1) % n] - x[i];
                res = Math.max(res, Math.abs(f[i]));
            }
            if (res > 1e-14) mixer.step(x, f);
        }
        assertTrue(res <= 1e-14 && it < 20, "residual " + res + " after " + it + " steps");
        assertEquals(5, mixer.stored());
        mixer.reset();
        assertEquals(0, mixer.stored());
        assertThrows(IllegalArgumentException.class, () -> new AndersonMixer(3, 2, 0));
    }

    private static void residual(double[][] m, double[] b, double[] x, double[] f) {
        for (int i = 0; i < x.length; i++) {
            double s = b[i];
            for (int j = 0; j < x.length; j++) s += m[i][j] * x[j];
            f[i] = s - x[i];
        }
    }

    private static double[][] identityMinus(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) a[i][j] = (i == j ? 1 : 0) - m[i][j];
        return a;
    }

    private static double[] solve(double[][] a, double[] b) {
        return new org.hipparchus.linear.LUDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(a))
                .getSolver().solve(new org.hipparchus.linear.ArrayRealVector(b)).toArray();
    }
}
