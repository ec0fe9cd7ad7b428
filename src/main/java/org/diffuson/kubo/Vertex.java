package org.diffuson.kubo;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Hamiltonian;

/**
 * A response vertex: an n×n Hermitian operator that may depend on k (current v_a = ∂H/∂k_a, spin σ_a, spin current
 * ½{v_a, s_b}, torque …). Writes into caller storage so that Kubo sums allocate nothing (ħ = 1).
 */
public interface Vertex {
    int dim();

    /** Writes the vertex at k (interleaved row-major n×n) into out. */
    void eval(double kx, double ky, double kz, double[] out);

    String name();

    /** Velocity v_a = ∂H/∂k_a by a 4th-order central difference (exact to rounding for H polynomial of degree ≤ 4 in k). */
    static Vertex velocity(Hamiltonian h, int a) {
        if (a < 0 || a >= h.spaceDim()) throw new DiffusonException("a", "direction " + a + " out of range for d=" + h.spaceDim(), "use 0 (x), 1 (y) or 2 (z)");
        return new VelocityVertex(h, a);
    }

    /** A k-independent operator, e.g. a spin matrix; must be Hermitian. */
    static Vertex constant(CMatrix m, String name) {
        if (!m.isSquare() || !m.isHermitian(1e-12))
            throw new DiffusonException("vertex", "'" + name + "' must be a Hermitian square matrix", "observables are Hermitian operators");
        double[] d = m.toArray();
        int n = m.rows();
        return new Vertex() {
            public int dim() { return n; }
            public String name() { return name; }
            public void eval(double kx, double ky, double kz, double[] out) { System.arraycopy(d, 0, out, 0, d.length); }
        };
    }

    /** Pauli σ_a (a = 1, 2, 3 for x, y, z) for spin-½ models (spin in units of ħ/2). */
    static Vertex spin(int a) {
        if (a < 1 || a > 3) throw new DiffusonException("a", "spin component must be 1 (x), 2 (y) or 3 (z), got " + a, "pass 1, 2 or 3");
        return constant(Pauli.sigma(a), "σ_" + "xyz".charAt(a - 1));
    }

    /** Spin current ½{v_a, S}: the conventional spin-current vertex. */
    static Vertex spinCurrent(Hamiltonian h, int a, CMatrix s, String sName) {
        Vertex v = velocity(h, a);
        int n = h.dim();
        double[] sd = s.toArray();
        return new Vertex() {
            private final ThreadLocal<double[][]> work = ThreadLocal.withInitial(() -> new double[3][2 * n * n]);
            public int dim() { return n; }
            public String name() { return "½{" + v.name() + "," + sName + "}"; }
            public void eval(double kx, double ky, double kz, double[] out) {
                double[][] w = work.get();
                v.eval(kx, ky, kz, w[0]);
                org.diffuson.linalg.ZOps.mult(w[0], n, n, sd, n, w[1]);
                org.diffuson.linalg.ZOps.mult(sd, n, n, w[0], n, w[2]);
                for (int i = 0; i < 2 * n * n; i++) out[i] = 0.5 * (w[1][i] + w[2][i]);
            }
        };
    }
}
