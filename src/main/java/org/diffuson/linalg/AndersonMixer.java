package org.diffuson.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The one Anderson (Pulay, type-II) mixer of the library, for a fixed point x = G(x) of real vectors (a complex
 * self-energy passes as its interleaved (re, im) array). With the residual f_k = G(x_k) − x_k and the last
 * {@code depth} consecutive differences ΔX_s = x_{s+1} − x_s, ΔF_s = f_{s+1} − f_s, one step is
 * <pre>
 *   γ = argmin_γ ‖f_k − ΔF γ‖₂² + λ‖γ‖₂²,   λ = 10⁻¹² ‖ΔF‖_F² / k   (k stored differences)
 *   x_{k+1} = x_k + β f_k − Σ_s γ_s (ΔX_s + β ΔF_s)
 * </pre>
 * (Anderson, J. ACM 12, 547 (1965); Walker &amp; Ni, SIAM J. Numer. Anal. 49, 1715 (2011), Eq. 2.2); with no history
 * it is the linear step x + βf. The Tikhonov term λ (relative 10⁻¹²) damps the directions in which the stored
 * residual differences are only rounding noise, close to convergence, where they become collinear: an unregularised
 * least squares fits that noise with large γ and the iteration stalls within a decade of its tolerance. The damped
 * problem is solved as the least-squares problem of the stacked matrix [ΔF; √λ·1] by Householder QR (EJML), which
 * never forms the normal matrix ΔFᵀΔF (whose condition number is the square of ΔF's).
 * <p>
 * A workspace in EJML's manner: allocation-free after construction, not thread-safe (one per solve). The caller may
 * change x after {@link #step} (e.g. clamp it to a physical range): the history takes x as it is passed next time.
 */
public final class AndersonMixer {
    /** Relative Tikhonov damping of the Anderson least-squares problem (see the class comment). */
    public static final double DAMPING = 1e-12;

    private final int size, depth;
    private final double mixing;
    private final double[][] dX, dF;
    private final double[] xPrev, fPrev, gamma;
    private final DMatrixRMaj a, b, g;
    private final LinearSolverDense<DMatrixRMaj> qr;
    private int stored, head;
    private boolean primed;

    /**
     * @param size   length of x (and f)
     * @param depth  number of stored differences; 0 means plain linear mixing
     * @param mixing β of the linear part, in (0, 1]
     */
    public AndersonMixer(int size, int depth, double mixing) {
        if (size < 1) throw new IllegalArgumentException("size must be ≥ 1, got " + size);
        if (depth < 0) throw new IllegalArgumentException("depth must be ≥ 0, got " + depth);
        if (!(mixing > 0 && mixing <= 1)) throw new IllegalArgumentException("mixing must be in (0, 1], got " + mixing);
        this.size = size;
        this.depth = depth;
        this.mixing = mixing;
        dX = new double[depth][size];
        dF = new double[depth][size];
        xPrev = new double[size];
        fPrev = new double[size];
        gamma = new double[depth];
        int cols = Math.max(depth, 1);
        a = new DMatrixRMaj(size + cols, cols);
        b = new DMatrixRMaj(size + cols, 1);
        g = new DMatrixRMaj(cols, 1);
        qr = depth > 0 ? LinearSolverFactory_DDRM.leastSquares(size + cols, cols) : null;
    }

    public int size() { return size; }
    public int depth() { return depth; }
    public double mixing() { return mixing; }
    /** Differences stored now (≤ depth). */
    public int stored() { return stored; }

    /**
     * Forgets the stored differences (the next step is linear); the last iterate passed to {@link #step} stays the
     * reference of the next difference.
     */
    public void reset() {
        stored = 0;
        head = 0;
    }

    /** One mixing step: overwrites x (the iterate at which f = G(x) − x was evaluated) with the next iterate. */
    public void step(double[] x, double[] f) {
        if (depth > 0) {
            if (primed) {
                int slot = head;
                for (int i = 0; i < size; i++) {
                    dX[slot][i] = x[i] - xPrev[i];
                    dF[slot][i] = f[i] - fPrev[i];
                }
                head = (head + 1) % depth;
                stored = Math.min(stored + 1, depth);
            }
            System.arraycopy(x, 0, xPrev, 0, size);
            System.arraycopy(f, 0, fPrev, 0, size);
            primed = true;
        }
        double beta = mixing;
        if (stored > 0 && coefficients(f)) {
            for (int i = 0; i < size; i++) {
                double corr = 0;
                for (int s = 0; s < stored; s++) corr += (dX[s][i] + beta * dF[s][i]) * gamma[s];
                x[i] = x[i] + beta * f[i] - corr;
            }
        } else {
            for (int i = 0; i < size; i++) x[i] += beta * f[i];
        }
    }

    /** γ of the damped least-squares problem into {@link #gamma}; false (linear step) if the solve fails. */
    private boolean coefficients(double[] f) {
        int k = stored, rows = size + k;
        double trace = 0;
        for (int s = 0; s < k; s++)
            for (int i = 0; i < size; i++) trace += dF[s][i] * dF[s][i];
        double root = Math.sqrt(DAMPING * trace / k + 1e-300);
        a.reshape(rows, k);
        b.reshape(rows, 1);
        g.reshape(k, 1);
        for (int i = 0; i < size; i++) {
            for (int s = 0; s < k; s++) a.unsafe_set(i, s, dF[s][i]);
            b.data[i] = f[i];
        }
        for (int r = 0; r < k; r++) {
            for (int s = 0; s < k; s++) a.unsafe_set(size + r, s, r == s ? root : 0);
            b.data[size + r] = 0;
        }
        if (!qr.setA(a)) return false;
        qr.solve(b, g);
        for (int s = 0; s < k; s++) {
            if (!Double.isFinite(g.data[s])) return false;
            gamma[s] = g.data[s];
        }
        return true;
    }
}
