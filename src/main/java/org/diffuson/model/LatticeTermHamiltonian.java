package org.diffuson.model;

import org.diffuson.DiffusonException;

/**
 * A {@link TermHamiltonian} whose coefficients are lattice harmonics, declared periodic on the lattice with reciprocal
 * vectors b_1, b_2 (so that Brillouin-zone integrals apply): {@code Hamiltonians.qwz().with("m", 1).onLattice(...)}.
 * Periodicity H(k + b_i) = H(k) is checked on construction at a few momenta.
 */
public final class LatticeTermHamiltonian implements LatticeHamiltonian {
    private final TermHamiltonian h;
    private final double[] b;

    LatticeTermHamiltonian(TermHamiltonian h, double b1x, double b1y, double b2x, double b2y) {
        if (h.spaceDim() != 2) throw new DiffusonException("hamiltonian", "lattice models are 2D here, got d = " + h.spaceDim(), "build it with builder(n, 2)");
        if (Math.abs(b1x * b2y - b1y * b2x) < 1e-12) throw new DiffusonException("reciprocalVectors", "b_1 and b_2 are parallel", "pass two independent vectors");
        this.h = h;
        this.b = new double[]{b1x, b1y, b2x, b2y};
        double[][] probes = {{0.3, -0.7}, {1.1, 0.4}};
        for (double[] k : probes)
            for (int i = 0; i < 2; i++) {
                var shifted = h.at(k[0] + b[2 * i], k[1] + b[2 * i + 1]);
                if (!shifted.approxEquals(h.at(k[0], k[1]), 1e-10 * Math.max(1, h.at(k[0], k[1]).normMax())))
                    throw new DiffusonException("reciprocalVectors", "H(k + b_" + (i + 1) + ") ≠ H(k): the coefficients are not periodic on this lattice",
                            "use harmonics cos/sin(R·k) with R a lattice vector, or the matching reciprocal vectors");
            }
    }

    public TermHamiltonian terms() { return h; }

    @Override public int dim() { return h.dim(); }
    @Override public double[] reciprocalVectors() { return b.clone(); }
    @Override public void eval(double kx, double ky, double kz, double[] out, int off) { h.eval(kx, ky, kz, out, off); }
    @Override public void evalGradient(double kx, double ky, double[] dx, double[] dy, int off) { h.evalGradient(kx, ky, dx, dy, off); }
    @Override public Isotropy isotropy() { return Isotropy.NONE; }

    @Override
    public String toString() {
        return h + " on the lattice b1=(" + Coefficient.number(b[0]) + ", " + Coefficient.number(b[1]) + "), b2=(" + Coefficient.number(b[2]) + ", " + Coefficient.number(b[3]) + ")";
    }
}
