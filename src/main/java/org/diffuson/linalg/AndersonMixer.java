package org.diffuson.linalg;

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
 * residual differences are only rounding noise, close to convergence, where they become collinear: an undamped least
 * squares fits that noise with large γ, and the SCBA then stops within a decade of its tolerance instead of well below
 * it (measured: Drude Σ(E = 10.01) stopped at residual 9.4e-14 instead of 1e-16, which took the Drude RR Ward residual
 * to 1.07e-11 &gt; its 1e-11 bound; that was the reverted EJML-QR variant, undamped).
 * <p>
 * The damped problem is solved through its k×k normal equations (k ≤ depth ≤ 20) by Gaussian elimination with partial
 * pivoting, not by a QR factorisation of [ΔF; √λ·1]: both give the same γ to rounding (the damping bounds the normal
 * matrix's condition number by ≈ 10¹²·k), hence the same iteration counts and residual histories (measured on the six
 * Ward-identity models), but EJML's Householder QR made the whole CoPt SCBA 10 % slower (CoreBench.scbaCoPt min
 * 40.1 µs against 36.6 µs, at load 7), the mixer being a fixed cost on a ~3.5 µs k-sum per iteration.
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
    private final double[] xPrev, fPrev, gamma, rhs;
    private final double[][] normal;
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
        rhs = new double[depth];
        normal = new double[depth][depth];
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

    /**
     * γ of the damped least-squares problem into {@link #gamma}, from its normal equations (ΔFᵀΔF + λ1)γ = ΔFᵀf by
     * Gaussian elimination with partial pivoting; false (linear step) if the result is not finite.
     */
    private boolean coefficients(double[] f) {
        int k = stored;
        double trace = 0;
        for (int i = 0; i < k; i++) {
            double[] ai = normal[i];
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int l = 0; l < size; l++) s += dF[i][l] * dF[j][l];
                ai[j] = s;
            }
            trace += ai[i];
            double s = 0;
            for (int l = 0; l < size; l++) s += dF[i][l] * f[l];
            rhs[i] = s;
        }
        double reg = DAMPING * trace / k + 1e-300;
        for (int i = 0; i < k; i++) normal[i][i] += reg;
        double[][] a = normal;
        for (int c = 0; c < k; c++) {
            int best = c;
            for (int r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[best][c])) best = r;
            double[] t = a[c]; a[c] = a[best]; a[best] = t;
            double tr = rhs[c]; rhs[c] = rhs[best]; rhs[best] = tr;
            if (a[c][c] == 0) continue;
            for (int r = c + 1; r < k; r++) {
                double fct = a[r][c] / a[c][c];
                for (int j = c; j < k; j++) a[r][j] -= fct * a[c][j];
                rhs[r] -= fct * rhs[c];
            }
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = rhs[i];
            for (int j = i + 1; j < k; j++) s -= a[i][j] * gamma[j];
            gamma[i] = a[i][i] == 0 ? 0 : s / a[i][i];
            if (!Double.isFinite(gamma[i])) return false;
        }
        return true;
    }
}
