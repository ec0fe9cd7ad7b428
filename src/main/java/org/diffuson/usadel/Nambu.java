package org.diffuson.usadel;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.hipparchus.complex.Complex;

/**
 * Nambu ⊗ spin ⊗ Keldysh algebra of seed 003 (Eqs. 12–17, 61). 4×4 matrices are τ_i ⊗ σ_j with Nambu outer
 * (index 2·nambu + spin); Keldysh matrices are 8×8 block upper triangular [[ǧ^R, ǧ^K], [0, ǧ^A]].
 * The paper's basis is Ψ̃ = (ψ↑, ψ↓, ψ↓†, −ψ↑†), in which Δ̌ = [[0, Δ], [−Δ*, 0]] ⊗ σ0 and a Zeeman field enters as
 * h·σ τ3; {@link #toStandard} maps to the basis (Ψ, Ψ†) of Ref. 10 of the paper.
 */
public final class Nambu {
    private Nambu() {
    }

    private static final CMatrix[][] TS = new CMatrix[4][4];

    static {
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) TS[i][j] = Pauli.kron(i, j);
    }

    /** τ_i ⊗ σ_j (i, j = 0..3). */
    public static CMatrix ts(int tau, int sigma) {
        return TS[tau][sigma];
    }

    /** τ_i ⊗ σ0. */
    public static CMatrix tau(int i) {
        return TS[i][0];
    }

    /** τ0 ⊗ σ_a. */
    public static CMatrix sigma(int a) {
        return TS[0][a];
    }

    /** Δ̌ = [[0, Δ], [−Δ*, 0]] ⊗ σ0 = i(ReΔ τ2 + ImΔ τ1) (seed 003 Eq. 17). */
    public static CMatrix gap(Complex delta) {
        return tau(2).scale(0, delta.getReal()).plus(tau(1).scale(0, delta.getImaginary()));
    }

    /** h·σ τ3 (Zeeman term in the time-reversed basis). */
    public static CMatrix zeeman(double hx, double hy, double hz) {
        return ts(3, 1).scale(hx).plus(ts(3, 2).scale(hy)).plus(ts(3, 3).scale(hz));
    }

    /** Commutator [a, b]. */
    public static CMatrix commutator(CMatrix a, CMatrix b) {
        return a.times(b).minus(b.times(a));
    }

    /** Anticommutator {a, b}. */
    public static CMatrix anticommutator(CMatrix a, CMatrix b) {
        return a.times(b).plus(b.times(a));
    }

    /** Σ_a σ^a ǧ σ^a (spin matrices acting on the Nambu⊗spin or Keldysh⊗Nambu⊗spin space of {@code g}). */
    public static CMatrix sigmaSandwich(CMatrix g) {
        CMatrix out = CMatrix.zeros(g.rows(), g.cols());
        for (int a = 1; a <= 3; a++) {
            CMatrix s = lift(sigma(a), g.rows());
            out = out.plus(s.times(g).times(s));
        }
        return out;
    }

    /** Lifts a 4×4 Nambu⊗spin matrix to 8×8 Keldysh space as 1_K ⊗ m, or returns it for n = 4. */
    public static CMatrix lift(CMatrix m, int n) {
        if (n == 4) return m;
        if (n == 8) return Pauli.S0.kron(m);
        throw new DiffusonException("matrix", "dimension " + n + " is neither 4 (Nambu⊗spin) nor 8 (Keldysh)",
                "build matrices with Nambu.ts/keldysh");
    }

    /** ǧ = [[R, K], [0, A]] (seed 003 Eq. 61). */
    public static CMatrix keldysh(CMatrix r, CMatrix k, CMatrix a) {
        double[] d = new double[2 * 64];
        put(d, r, 0, 0);
        put(d, k, 0, 4);
        put(d, a, 4, 4);
        return CMatrix.of(8, 8, d);
    }

    private static void put(double[] d, CMatrix m, int r0, int c0) {
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                d[2 * ((r0 + i) * 8 + c0 + j)] = m.re(i, j);
                d[2 * ((r0 + i) * 8 + c0 + j) + 1] = m.im(i, j);
            }
    }

    /** The 4×4 block (row block r, column block c) of an 8×8 Keldysh matrix: (0,0) = R, (0,1) = K, (1,1) = A. */
    public static CMatrix block(CMatrix g, int r, int c) {
        double[] d = new double[32];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                d[2 * (i * 4 + j)] = g.re(4 * r + i, 4 * c + j);
                d[2 * (i * 4 + j) + 1] = g.im(4 * r + i, 4 * c + j);
            }
        return CMatrix.of(4, 4, d);
    }

    /** Advanced function from the retarded one: ǧ^A = −τ3 (ǧ^R)† τ3. */
    public static CMatrix advanced(CMatrix gR) {
        return tau(3).times(gR.dagger()).times(tau(3)).scale(-1);
    }

    /** Equilibrium Keldysh function ǧ^K = (ǧ^R − ǧ^A) tanh(ε/2T). */
    public static CMatrix equilibrium(CMatrix gR, double energy, double temperature) {
        CMatrix gA = advanced(gR);
        double t = temperature == 0 ? Math.signum(energy) : Math.tanh(energy / (2 * temperature));
        return keldysh(gR, gR.minus(gA).scale(t), gA);
    }

    /** The basis rotation U = e^{iπσ^y(1−τ3)/4} (1 in the τ3 = +1 block, iσ^y in the τ3 = −1 block), 4×4 or 8×8. */
    public static CMatrix basisRotation(int n) {
        CMatrix isy = Pauli.SY.scale(0, 1);
        CMatrix u = CMatrix.zeros(4, 4);
        double[] d = u.toArray();
        d[0] = 1;
        d[2 * 5] = 1;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) {
                d[2 * ((2 + i) * 4 + 2 + j)] = isy.re(i, j);
                d[2 * ((2 + i) * 4 + 2 + j) + 1] = isy.im(i, j);
            }
        return lift(CMatrix.of(4, 4, d), n);
    }

    /** ǧ_std = U† ǧ U: from the paper's time-reversed basis to the standard basis (Ψ, Ψ†). */
    public static CMatrix toStandard(CMatrix g) {
        CMatrix u = basisRotation(g.rows());
        return u.dagger().times(g).times(u);
    }

    /** ǧ = U ǧ_std U†: from the standard basis back to the paper's. */
    public static CMatrix fromStandard(CMatrix gStd) {
        CMatrix u = basisRotation(gStd.rows());
        return u.times(gStd).times(u.dagger());
    }

    /** Normalization residual max|ǧ² − 1| (seed 003 Eq. 61: ǧ² = 1). */
    public static double normalizationResidual(CMatrix g) {
        return g.times(g).minus(CMatrix.identity(g.rows())).normMax();
    }

    /** Collinear state Σ_s P_s (cosΘ_s τ3 − sinΘ_s τ2), P_s = (1 + s ĥ·σ)/2 (the θ-parametrization). */
    public static CMatrix theta(Complex thetaUp, Complex thetaDown, double[] hHat) {
        CMatrix out = CMatrix.zeros(4, 4);
        for (int s = 1; s >= -1; s -= 2) {
            Complex th = s == 1 ? thetaUp : thetaDown;
            CMatrix p = ts(0, 0).plus(ts(0, 1).scale(s * hHat[0]).plus(ts(0, 2).scale(s * hHat[1]))
                    .plus(ts(0, 3).scale(s * hHat[2]))).scale(0.5);
            CMatrix gs = tau(3).scale(th.cos()).minus(tau(2).scale(th.sin()));
            out = out.plus(p.times(gs));
        }
        return out;
    }

    /** Spin-singlet anomalous amplitude F0 = −(i/2) Tr_spin ǧ_12 (equals Δ/Ω in a Matsubara BCS bulk). */
    public static Complex singlet(CMatrix g) {
        Complex tr = g.get(0, 2).add(g.get(1, 3));
        return tr.multiply(new Complex(0, -0.5));
    }
}
