package org.diffuson.kinetic;

import org.diffuson.DiffusonException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Locale;

/**
 * Steady-state spin–charge drift-diffusion (seed 001 Eqs. 7–9, 15–16) in a slab −W/2 &lt; x &lt; W/2, uniform along y
 * and z, driven by a uniform density gradient ∂_yρ (a charge current along y) and optional spin currents injected at
 * the edges. For s(x): J_{xx} = −D_s^L ∂_x s_x, J_{xy} = −D_s^T ∂_x s_y, J_{xz} = −D_s^T ∂_x s_z − Dθ_sH ∂_yρ (spin Hall),
 * ∂_x J_{xb} = −s_b/τ_s, and the inverse spin Hall current J_y = −D_c ∂_yρ + Dθ_sH ∂_x s_z.
 * <p>Solved by Chebyshev collocation (spectral); the analytic solution s_z = −(Dθ_sH ∂_yρ λ_T/D_s^T)
 * sinh(x/λ_T)/cosh(W/2λ_T), λ_{T,L} = √(D_s^{T,L} τ_s), is {@link Profile#analyticSpinHall}.
 */
public final class SpinDiffusionSlab {
    private SpinDiffusionSlab() {}

    /** Slab inputs: transport coefficients (ħ = 1, per-spin densities) and geometry. */
    public record Params(double dc, double dThetaSH, double dsT, double dsL, double tauS, double width) {
        public Params {
            DiffusonException.requirePositive("dc", dc);
            DiffusonException.requireFinite("dThetaSH", dThetaSH);
            DiffusonException.requirePositive("dsT", dsT);
            DiffusonException.requirePositive("dsL", dsL);
            DiffusonException.requirePositive("tauS", tauS);
            if (!(width > 0) || !Double.isFinite(width))
                throw new DiffusonException("width", "slab width must be finite and > 0, got " + width, "pass W > 0 in the units of λ_s");
        }

        public static Params of(SpinChargeCoefficients c, double width) {
            return new Params(c.dc(), c.dThetaSH(), c.dsT(), c.dsL(), c.tauS(), width);
        }

        public double lambdaT() { return Math.sqrt(dsT * tauS); }
        public double lambdaL() { return Math.sqrt(dsL * tauS); }
    }

    /**
     * The solution on the Chebyshev–Lobatto nodes.
     *
     * @param x   nodes from −W/2 to W/2
     * @param s   s[b][i]: spin density component b = x, y, z at node i
     * @param jy  charge current density J_y(x) including the inverse spin Hall term
     */
    public record Profile(Params params, double gradRho, double[] x, double[][] s, double[] jy) {
        /** Copies the arrays (rows included): a Profile is an immutable value. */
        public Profile {
            x = x.clone();
            s = deepCopy(s);
            jy = jy.clone();
        }

        /** The nodes (a copy). */
        @Override
        public double[] x() { return x.clone(); }

        /** s[b][i] (a copy). */
        @Override
        public double[][] s() { return deepCopy(s); }

        /** J_y at the nodes (a copy). */
        @Override
        public double[] jy() { return jy.clone(); }

        private static double[][] deepCopy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
            return c;
        }

        /** s_z at the edge x = +W/2 (the spin Hall accumulation). */
        public double edgeAccumulation() { return s[2][s[2].length - 1]; }

        /** The analytic spin Hall profile s_z(x) with no injection. */
        public double analyticSpinHall(double xv) {
            double l = params.lambdaT();
            return -params.dThetaSH() * gradRho * l / params.dsT() * Math.sinh(xv / l) / Math.cosh(params.width() / (2 * l));
        }

        /** Width-averaged J_y divided by the bulk −D_c∂_yρ: 1 + (Dθ_sH)²/(D_c D_s^T)·(2λ_T/W)tanh(W/2λ_T) for a pure spin Hall drive. */
        public double conductanceRatio() {
            // Clenshaw–Curtis weights would be exact; the trapezoid on Lobatto nodes is not, so integrate s_z' exactly: ⟨∂_x s_z⟩ = Δs_z/W
            double avg = (s[2][s[2].length - 1] - s[2][0]) / params.width();
            return (-params.dc() * gradRho + params.dThetaSH() * avg) / (-params.dc() * gradRho);
        }

        /** Closed form of {@link #conductanceRatio()} for no injection. */
        public double conductanceRatioAnalytic() {
            double l = params.lambdaT(), w = params.width(), th = params.dThetaSH();
            return 1 + th * th / (params.dc() * params.dsT()) * (2 * l / w) * Math.tanh(w / (2 * l));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "SpinDiffusionSlab.Profile(W=%.6g, λ_T=%.6g, λ_L=%.6g, %d nodes, s_z(W/2)=%.6g, σ_eff/σ_c=%.9f)",
                    params.width(), params.lambdaT(), params.lambdaL(), x.length, edgeAccumulation(), conductanceRatio());
        }
    }

    /** Spin Hall geometry: drive ∂_yρ, no injected spin current. */
    public static Profile spinHall(Params p, double gradRho, int nodes) {
        return solve(p, gradRho, new double[3], new double[3], nodes);
    }

    /**
     * General solve: {@code injectLeft[b]} and {@code injectRight[b]} are the spin currents J_{xb} imposed at x = −W/2 and
     * x = +W/2 (0 = insulating boundary). {@code nodes} Chebyshev–Lobatto nodes (≥ 8; 48 reaches 1e−12 for W ≤ 20λ).
     */
    public static Profile solve(Params p, double gradRho, double[] injectLeft, double[] injectRight, int nodes) {
        DiffusonException.requireFinite("gradRho", gradRho);
        if (nodes < 8 || nodes > 400)
            throw new DiffusonException("nodes", "must be in [8, 400], got " + nodes, "use 48–96 Chebyshev nodes");
        if (injectLeft == null || injectLeft.length != 3 || injectRight == null || injectRight.length != 3)
            throw new DiffusonException("inject", "needs 3 components (x, y, z) at each edge", "pass new double[3]");
        int n = nodes - 1;
        double hw = p.width() / 2;
        double[] x = new double[nodes], t = new double[nodes];
        for (int i = 0; i <= n; i++) {
            t[i] = -Math.cos(Math.PI * i / n);
            x[i] = hw * t[i];
        }
        double[][] d1 = cheb(t), d2 = new double[nodes][nodes];
        for (int i = 0; i < nodes; i++)
            for (int j = 0; j < nodes; j++) {
                double s = 0;
                for (int k = 0; k < nodes; k++) s += d1[i][k] * d1[k][j];
                d2[i][j] = s / (hw * hw);
            }
        for (int i = 0; i < nodes; i++) for (int j = 0; j < nodes; j++) d1[i][j] /= hw;
        double[][] s = new double[3][];
        double[] dd = {p.dsL(), p.dsT(), p.dsT()};
        for (int b = 0; b < 3; b++) {
            double src = b == 2 ? -p.dThetaSH() * gradRho : 0; // J_xb = −D ∂_x s_b + src
            DMatrixRMaj a = new DMatrixRMaj(nodes, nodes), rhs = new DMatrixRMaj(nodes, 1);
            for (int i = 1; i < n; i++)
                for (int j = 0; j < nodes; j++) a.set(i, j, dd[b] * d2[i][j] - (i == j ? 1 / p.tauS() : 0));
            for (int j = 0; j < nodes; j++) {
                a.set(0, j, -dd[b] * d1[0][j]);
                a.set(n, j, -dd[b] * d1[n][j]);
            }
            rhs.set(0, 0, injectLeft[b] - src);
            rhs.set(n, 0, injectRight[b] - src);
            LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(nodes);
            lu.setA(a);
            DMatrixRMaj sol = new DMatrixRMaj(nodes, 1);
            lu.solve(rhs, sol);
            s[b] = sol.data.clone();
        }
        double[] jy = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            double dsz = 0;
            for (int j = 0; j < nodes; j++) dsz += d1[i][j] * s[2][j];
            jy[i] = -p.dc() * gradRho + p.dThetaSH() * dsz;
        }
        return new Profile(p, gradRho, x, s, jy);
    }

    /** Chebyshev differentiation matrix on the Lobatto nodes t_i (ascending), Trefethen's formula. */
    private static double[][] cheb(double[] t) {
        int m = t.length, n = m - 1;
        double[][] d = new double[m][m];
        double[] c = new double[m];
        for (int i = 0; i < m; i++) c[i] = (i == 0 || i == n ? 2 : 1) * (i % 2 == 0 ? 1 : -1);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                if (i != j) d[i][j] = c[i] / c[j] / (t[i] - t[j]);
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) if (j != i) s += d[i][j];
            d[i][i] = -s;
        }
        return d;
    }
}
