package org.diffuson.linalg;

/**
 * The one Hermitian eigensolver of the library: cyclic complex Jacobi rotations on flat work arrays, allocation-free
 * once constructed (one instance per thread). Real ascending eigenvalues, orthonormal eigenvectors; robust for the
 * small (n ≤ ~16) matrices of band structures. {@link Eigen#hermitian(CMatrix)} is its value-returning form and
 * {@code integrate.BerryBands} its per-k-point user.
 */
public final class HermitianJacobi {
    private final int n;
    private final double[] ar, ai, vr, vi;
    private final int[] order;

    public HermitianJacobi(int n) {
        if (n < 1) throw new IllegalArgumentException("dimension must be ≥ 1, got " + n);
        this.n = n;
        ar = new double[n * n];
        ai = new double[n * n];
        vr = new double[n * n];
        vi = new double[n * n];
        order = new int[n];
    }

    public int dim() { return n; }

    /**
     * Decomposes the Hermitian part of a (interleaved row-major n×n): eps ← eigenvalues ascending; if {@code vectors},
     * u ← orthonormal eigenvectors as columns (interleaved row-major, column c is band c).
     */
    public void decompose(double[] a, boolean vectors, double[] eps, double[] u) {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                int q = 2 * (i * n + j), p = 2 * (j * n + i);
                ar[i * n + j] = 0.5 * (a[q] + a[p]);
                ai[i * n + j] = 0.5 * (a[q + 1] - a[p + 1]);
                vr[i * n + j] = i == j ? 1 : 0;
                vi[i * n + j] = 0;
            }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int i = 0; i < n; i++) {
                diag += ar[i * n + i] * ar[i * n + i];
                for (int j = i + 1; j < n; j++) off += ar[i * n + j] * ar[i * n + j] + ai[i * n + j] * ai[i * n + j];
            }
            if (off <= 1e-32 * Math.max(diag, Double.MIN_NORMAL)) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++) {
                    double br = ar[p * n + q], bi = ai[p * n + q], bm = Math.hypot(br, bi);
                    if (bm == 0) continue;
                    double er = br / bm, ei = bi / bm;
                    double theta = 0.5 * Math.atan2(2 * bm, ar[q * n + q] - ar[p * n + p]);
                    double c = Math.cos(theta), s = Math.sin(theta);
                    for (int k = 0; k < n; k++) {
                        double kpR = ar[k * n + p], kpI = ai[k * n + p], kqR = ar[k * n + q], kqI = ai[k * n + q];
                        ar[k * n + p] = c * kpR - s * (er * kqR + ei * kqI);
                        ai[k * n + p] = c * kpI - s * (er * kqI - ei * kqR);
                        ar[k * n + q] = s * (er * kpR - ei * kpI) + c * kqR;
                        ai[k * n + q] = s * (er * kpI + ei * kpR) + c * kqI;
                        if (vectors) {
                            double vpR = vr[k * n + p], vpI = vi[k * n + p], vqR = vr[k * n + q], vqI = vi[k * n + q];
                            vr[k * n + p] = c * vpR - s * (er * vqR + ei * vqI);
                            vi[k * n + p] = c * vpI - s * (er * vqI - ei * vqR);
                            vr[k * n + q] = s * (er * vpR - ei * vpI) + c * vqR;
                            vi[k * n + q] = s * (er * vpI + ei * vpR) + c * vqI;
                        }
                    }
                    for (int k = 0; k < n; k++) {
                        double pkR = ar[p * n + k], pkI = ai[p * n + k], qkR = ar[q * n + k], qkI = ai[q * n + k];
                        ar[p * n + k] = c * pkR - s * (er * qkR - ei * qkI);
                        ai[p * n + k] = c * pkI - s * (er * qkI + ei * qkR);
                        ar[q * n + k] = s * (er * pkR + ei * pkI) + c * qkR;
                        ai[q * n + k] = s * (er * pkI - ei * pkR) + c * qkI;
                    }
                    ar[p * n + q] = ai[p * n + q] = ar[q * n + p] = ai[q * n + p] = 0;
                    ai[p * n + p] = ai[q * n + q] = 0;
                }
        }
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = 1; i < n; i++) { // insertion sort by diagonal
            int o = order[i], j = i - 1;
            while (j >= 0 && ar[order[j] * n + order[j]] > ar[o * n + o]) { order[j + 1] = order[j]; j--; }
            order[j + 1] = o;
        }
        for (int c = 0; c < n; c++) {
            eps[c] = ar[order[c] * n + order[c]];
            if (vectors)
                for (int i = 0; i < n; i++) {
                    u[2 * (i * n + c)] = vr[i * n + order[c]];
                    u[2 * (i * n + c) + 1] = vi[i * n + order[c]];
                }
        }
    }
}
