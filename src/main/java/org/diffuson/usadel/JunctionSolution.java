package org.diffuson.usadel;

import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

/**
 * A solved junction at one complex frequency: the collocation values with their mesh (the grid travels with the
 * data), and the observables at any x by spectral interpolation.
 */
public record JunctionSolution(Junction junction, Junction.Nodes nodes, Junction.Form form, Complex omega, double[] y,
                               int iterations, double residual) {

    /** The solution vector at the collocation nodes (a copy: the solution is immutable). */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** The solution vector itself, for the solver's own no-copy reads (never written through). */
    double[] yView() {
        return y;
    }

    public Collocation.Mesh mesh() {
        return nodes.mesh();
    }

    private int dim() {
        return form == Junction.Form.THETA ? 2 : 8;
    }

    private double[] local(double x, int derivative) {
        int m = dim();
        double[] v = new double[2 * m];
        for (int c = 0; c < m; c++) {
            double[] z = mesh().interpolate(y, m, c, x, derivative);
            v[2 * c] = z[0];
            v[2 * c + 1] = z[1];
        }
        return v;
    }

    /** Θ_s(x) (θ-form only; s = +1 or −1). */
    public Complex theta(double x, int s) {
        if (form != Junction.Form.THETA) throw new IllegalStateException("θ is defined for the θ-form only");
        double[] v = local(x, 0);
        int k = s > 0 ? 0 : 1;
        return new Complex(v[2 * k], v[2 * k + 1]);
    }

    /** Θ_s′(x) (θ-form only). */
    public Complex thetaDerivative(double x, int s) {
        double[] v = local(x, 1);
        int k = s > 0 ? 0 : 1;
        return new Complex(v[2 * k], v[2 * k + 1]);
    }

    /** ǧ(x), 4×4 Nambu ⊗ spin. */
    public CMatrix matrix(double x) {
        return matrixOf(form, local(x, 0));
    }

    /** ǧ from the unknowns of one node (θ: Θ₊, Θ₋; Riccati: γ, γ̃). */
    static CMatrix matrixOf(Junction.Form form, double[] v) {
        if (form == Junction.Form.THETA)
            return Nambu.theta(new Complex(v[0], v[1]), new Complex(v[2], v[3]), new double[]{0, 0, 1});
        return RiccatiForm.matrix(v);
    }

    /** ∂_xǧ(x). */
    public CMatrix gradient(double x) {
        return gradientOf(form, local(x, 0), local(x, 1));
    }

    /** ∂ǧ from the unknowns of one node and their derivatives. */
    static CMatrix gradientOf(Junction.Form form, double[] v, double[] dv) {
        if (form == Junction.Form.THETA) {
            CMatrix out = CMatrix.zeros(4, 4);
            for (int k = 0; k < 2; k++) {
                Complex th = new Complex(v[2 * k], v[2 * k + 1]), d = new Complex(dv[2 * k], dv[2 * k + 1]);
                int s = k == 0 ? 1 : -1;
                CMatrix p = Nambu.ts(0, 0).plus(Nambu.ts(0, 3).scale(s)).scale(0.5);
                CMatrix dg = Nambu.tau(3).scale(th.sin().negate().multiply(d)).minus(Nambu.tau(2).scale(th.cos().multiply(d)));
                out = out.plus(p.times(dg));
            }
            return out;
        }
        return RiccatiForm.derivative(v, dv);
    }

    /** Matrix current density ǧ∂_xǧ (times D gives the 1D current J̌ of seed 003 Eq. 2 without θ, κ terms). */
    public CMatrix currentMatrix(double x) {
        return matrix(x).times(gradient(x));
    }

    /**
     * DOS N(ε)/N_F = ¼ Re Tr τ3ǧ^R (retarded solutions, ω = η − iε), checked N ≥ −O(η) ({@link Usadel#checkDos}: a
     * negative value is an error naming the branch problem).
     */
    public double dos(double x) {
        double n = Nambu.tau(3).times(matrix(x)).trace().getReal() / 4;
        if (omega.getImaginary() != 0) Usadel.checkDos("junction at x = " + x, -omega.getImaginary(), n, omega.getReal());
        return n;
    }

    /** Singlet amplitude F0 = −(i/2)Tr_spin ǧ_12. */
    public Complex singlet(double x) {
        return Nambu.singlet(matrix(x));
    }

    /** Spin-resolved anomalous function −(i/2)Tr[σ^a ǧ_12] (the triplet vector, a = 1..3). */
    public Complex triplet(double x, int a) {
        CMatrix g = matrix(x);
        Complex s = Complex.ZERO;
        CMatrix sig = org.diffuson.linalg.Pauli.sigma(a);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) s = s.add(sig.get(j, i).multiply(g.get(i, 2 + j)));
        return s.multiply(new Complex(0, -0.5));
    }

    /** max over nodes of |ǧ² − 1| (exactly 0 up to rounding in both parametrizations). */
    public double normalizationResidual() {
        double worst = 0;
        double[] xs = mesh().x();
        for (double x : xs) worst = Math.max(worst, Nambu.normalizationResidual(matrix(x)));
        return worst;
    }

    /** Node coordinates. */
    public double[] x() {
        return mesh().x();
    }
}
