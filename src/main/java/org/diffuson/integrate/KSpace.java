package org.diffuson.integrate;

import org.diffuson.model.GradientHamiltonian;
import org.diffuson.model.Hamiltonian;

/**
 * A prepared k-space: a {@link KGrid} with H(k) tabulated on it, once, for every engine that sums over it (the SCBA
 * resolvent, the ladder bubble, the Kubo sums). Tables, each built on first use and then shared: H on the k_x axis at
 * the radial nodes (for the exact q = 0 angular reduction of isotropic models), the velocities ∂H/∂k_a there
 * ({@link GradientHamiltonian#velocity}: exact for builder models), and H at every grid point. The tables are
 * interleaved n×n blocks, one per node, and must be treated as read-only.
 */
public final class KSpace {
    private final Hamiltonian hamiltonian;
    private final KGrid grid;
    private final int block;
    private volatile double[] radial, full;
    private final double[][] radialVelocity = new double[3][];

    public KSpace(Hamiltonian hamiltonian, KGrid grid) {
        this.hamiltonian = hamiltonian;
        this.grid = grid;
        this.block = 2 * hamiltonian.dim() * hamiltonian.dim();
    }

    public Hamiltonian hamiltonian() { return hamiltonian; }
    public KGrid grid() { return grid; }

    /** H(k_r, 0, 0) at the radial nodes, block r at offset r·2n² (read-only, shared). */
    public double[] radialTable() {
        double[] t = radial;
        if (t == null) {
            synchronized (this) {
                if (radial == null) {
                    double[] x = new double[grid.radialSize() * block];
                    for (int r = 0; r < grid.radialSize(); r++) hamiltonian.evalAxis(grid.radialNode(r), x, r * block);
                    radial = x;
                }
                t = radial;
            }
        }
        return t;
    }

    /** v_a = ∂H/∂k_a(k_r, 0, 0) at the radial nodes, block r at offset r·2n² (read-only, shared). */
    public double[] radialVelocityTable(int axis) {
        if (axis < 0 || axis >= grid.spaceDim()) throw new IllegalArgumentException("axis " + axis + " out of range for d=" + grid.spaceDim());
        synchronized (radialVelocity) {
            double[] t = radialVelocity[axis];
            if (t == null) {
                t = new double[grid.radialSize() * block];
                double[] buf = new double[4 * block], v = new double[block];
                for (int r = 0; r < grid.radialSize(); r++) {
                    GradientHamiltonian.velocityAxis(hamiltonian, axis, grid.radialNode(r), buf, v);
                    System.arraycopy(v, 0, t, r * block, block);
                }
                radialVelocity[axis] = t;
            }
            return t;
        }
    }

    /** H(k_i) at every grid point, block i at offset i·2n² (read-only, shared). */
    public double[] fullTable() {
        double[] t = full;
        if (t == null) {
            synchronized (this) {
                if (full == null) {
                    double[] x = new double[grid.size() * block];
                    for (int i = 0; i < grid.size(); i++) hamiltonian.eval(grid.kx(i), grid.ky(i), grid.kz(i), x, i * block);
                    full = x;
                }
                t = full;
            }
        }
        return t;
    }
}
