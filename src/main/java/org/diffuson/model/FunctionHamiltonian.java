package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;

import java.util.function.Function;

/**
 * H(k) given as a Java function {@code k -> CMatrix} (k = {kx, ky} or {kx, ky, kz}), for models that are not a sum of
 * matrix terms. Its velocities can only come from finite differences ({@link GradientHamiltonian#of}); prefer a
 * {@link TermHamiltonian}, whose velocities are exact. The rotational symmetry is detected ({@link Isotropy#detect}).
 * Allocates one matrix per evaluation, so it is slower than a {@link TermHamiltonian} in k-sums.
 */
public final class FunctionHamiltonian implements Hamiltonian {
    private final int n, d;
    private final Function<double[], CMatrix> h;
    private final String description;
    private volatile Isotropy isotropy;

    public FunctionHamiltonian(int n, int spaceDim, Function<double[], CMatrix> h, String description) {
        if (n < 1) throw new DiffusonException("n", "basis dimension must be ≥ 1, got " + n, "e.g. 2 for spin ½");
        if (spaceDim != 2 && spaceDim != 3) throw new DiffusonException("spaceDim", "must be 2 or 3, got " + spaceDim, "pass 2 or 3");
        this.n = n;
        this.d = spaceDim;
        this.h = h;
        this.description = description;
    }

    @Override public int dim() { return n; }
    @Override public int spaceDim() { return d; }

    @Override
    public void eval(double kx, double ky, double kz, double[] out, int off) {
        CMatrix m = h.apply(d == 2 ? new double[]{kx, ky} : new double[]{kx, ky, kz});
        if (m == null || m.rows() != n || m.cols() != n)
            throw new DiffusonException("hamiltonian", "the function returned " + (m == null ? "null" : m.rows() + "x" + m.cols()) + ", expected " + n + "x" + n,
                    "return an n×n CMatrix for every k");
        m.copyTo(out, off);
    }

    @Override
    public Isotropy isotropy() {
        Isotropy iso = isotropy;
        if (iso == null) isotropy = iso = Isotropy.detect(this, 1.0);
        return iso;
    }

    @Override
    public String toString() { return "H(k) = " + description + " (n=" + n + ", d=" + d + ", a Java function: velocities by finite differences, ħ=1)"; }
}
