package org.diffuson.boltzmann;

/**
 * The band-diagonal Born collision operator J₀ on one energy shell (seed 002 P 28), acting on shell amplitudes g
 * (n_k = g_k δ(ε_k − E)): (J₀g)_p = Σ_q K_pq (g_p − g_q), K_pq = 2π u_0² w_q |⟨u_p|u_q⟩|² (ħ = 1). With G = diag(w)K
 * symmetric, w·J₀ is a weighted graph Laplacian whose null vectors are constants on each connected set of lines
 * (docs/equations.md, numerical notes). Sources are projected onto the solvable subspace, and the solution is fixed by particle
 * conservation Σ_p w_p g_p = 0 per connected set; the system (L + α Σ_c w_c w_cᵀ)g = w·s is solved by Cholesky.
 */
final class Collision {
    private final Shell s;
    private final int size;
    private final double[] k;      // K_pq
    private final double[] chol;   // Cholesky factor of the regularized Laplacian
    private final int[] comp;
    private final int ncomp;
    private double worstProjection;

    Collision(Shell s, double[] ovSS, double u0sq) {
        this.s = s;
        size = s.size;
        int n = s.n, blk = s.blk;
        k = new double[size * size];
        double[] lap = new double[size * size];
        double gmax = 0;
        for (int p = 0; p < size; p++)
            for (int q = 0; q < size; q++) {
                int o = (p * size + q) * blk + 2 * (s.band[p] * n + s.band[q]);
                double m2 = ovSS[o] * ovSS[o] + ovSS[o + 1] * ovSS[o + 1];
                k[p * size + q] = 2 * Math.PI * u0sq * s.w[q] * m2;
                gmax = Math.max(gmax, s.w[p] * k[p * size + q]);
            }
        // connected components of the coupling graph
        int[] parent = new int[size];
        for (int p = 0; p < size; p++) parent[p] = p;
        for (int p = 0; p < size; p++)
            for (int q = p + 1; q < size; q++)
                if (s.w[p] * k[p * size + q] > 1e-13 * gmax) union(parent, p, q);
        comp = new int[size];
        int[] label = new int[size];
        java.util.Arrays.fill(label, -1);
        int nc = 0;
        for (int p = 0; p < size; p++) {
            int r = find(parent, p);
            if (label[r] < 0) label[r] = nc++;
            comp[p] = label[r];
        }
        ncomp = nc;
        double trace = 0;
        for (int p = 0; p < size; p++) {
            double row = 0;
            for (int q = 0; q < size; q++) {
                double g = s.w[p] * k[p * size + q];
                row += g;
                lap[p * size + q] = -g;
            }
            lap[p * size + p] += row;
            trace += lap[p * size + p];
        }
        double[] ww = new double[ncomp];
        for (int p = 0; p < size; p++) ww[comp[p]] += s.w[p] * s.w[p];
        for (int c = 0; c < ncomp; c++) {
            double alpha = (trace / size) / ww[c];
            for (int p = 0; p < size; p++)
                if (comp[p] == c)
                    for (int q = 0; q < size; q++)
                        if (comp[q] == c) lap[p * size + q] += alpha * s.w[p] * s.w[q];
        }
        chol = lap;
        for (int j = 0; j < size; j++) {
            double d = chol[j * size + j];
            for (int m = 0; m < j; m++) d -= chol[j * size + m] * chol[j * size + m];
            if (!(d > 0)) throw new IllegalStateException("collision matrix not positive definite after regularization (pivot " + d + ")");
            d = Math.sqrt(d);
            chol[j * size + j] = d;
            for (int i = j + 1; i < size; i++) {
                double v = chol[i * size + j];
                for (int m = 0; m < j; m++) v -= chol[i * size + m] * chol[j * size + m];
                chol[i * size + j] = v / d;
            }
        }
    }

    private static int find(int[] par, int x) {
        while (par[x] != x) { par[x] = par[par[x]]; x = par[x]; }
        return x;
    }

    private static void union(int[] par, int a, int b) { par[find(par, a)] = find(par, b); }

    /** Solves J₀ g = src on the shell (src: shell amplitudes). */
    double[] solve(double[] src) {
        double[] b = new double[size];
        double norm = 0;
        for (int p = 0; p < size; p++) { b[p] = s.w[p] * src[p]; norm += b[p] * b[p]; }
        double[] sumB = new double[ncomp], sumW = new double[ncomp];
        for (int p = 0; p < size; p++) { sumB[comp[p]] += b[p]; sumW[comp[p]] += s.w[p]; }
        double removed = 0;
        for (int p = 0; p < size; p++) {
            double d = sumB[comp[p]] / sumW[comp[p]] * s.w[p];
            b[p] -= d;
            removed += d * d;
        }
        if (norm > 0) worstProjection = Math.max(worstProjection, Math.sqrt(removed / norm));
        for (int i = 0; i < size; i++) {
            double v = b[i];
            for (int m = 0; m < i; m++) v -= chol[i * size + m] * b[m];
            b[i] = v / chol[i * size + i];
        }
        for (int i = size - 1; i >= 0; i--) {
            double v = b[i];
            for (int m = i + 1; m < size; m++) v -= chol[m * size + i] * b[m];
            b[i] = v / chol[i * size + i];
        }
        return b;
    }

    /** (J₀g)_p = Σ_q K_pq(g_p − g_q), evaluated directly from the kernel (not from the factorization). */
    double[] apply(double[] g) {
        double[] out = new double[size];
        for (int p = 0; p < size; p++) {
            double v = 0;
            for (int q = 0; q < size; q++) v += k[p * size + q] * (g[p] - g[q]);
            out[p] = v;
        }
        return out;
    }

    /** Out-scattering rate 1/τ_q at point p: Σ_q K_pq. */
    double rate(int p) {
        double v = 0;
        for (int q = 0; q < size; q++) v += k[p * size + q];
        return v;
    }

    /** Largest relative norm removed from a source to make it solvable, over all solves so far. */
    double worstProjection() { return worstProjection; }

    int components() { return ncomp; }
}
