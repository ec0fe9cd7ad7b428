package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;

/**
 * A Bloch or k·p Hamiltonian H(k), an n×n Hermitian matrix at each momentum (ħ = 1). Implementations write into
 * caller-provided storage so that quadrature loops allocate nothing.
 */
public interface Hamiltonian {
    /** Basis dimension n (spin ⊗ orbital). */
    int dim();

    /**
     * A Hamiltonian from a Java function {@code k -> H(k)}; its velocities need finite differences. Prefer
     * {@link TermHamiltonian#builder} (exact velocities, printable formula).
     */
    static Hamiltonian of(int n, int spaceDim, java.util.function.Function<double[], CMatrix> h) {
        return new FunctionHamiltonian(n, spaceDim, h, "user function");
    }

    /** Spatial dimension d (2 or 3). */
    int spaceDim();

    /** Writes H(k) as an n×n interleaved row-major complex matrix into {@code out[off ..]}. kz is ignored in 2D. */
    void eval(double kx, double ky, double kz, double[] out, int off);

    /**
     * H(k, 0, 0) on the k_x axis into {@code out[off ..]}: the radial dispersion of isotropic models, evaluated in the
     * hot loops of Fermi-momentum searches, grid estimates and radial tables. Same values as {@link #eval} (a
     * builder model uses a per-entry polynomial in k, equal to rounding).
     */
    default void evalAxis(double k, double[] out, int off) { eval(k, 0, 0, out, off); }

    /** Symmetry hint for angular reductions; NONE unless the model says otherwise. */
    default Isotropy isotropy() { return Isotropy.NONE; }

    /**
     * The mirror k_y → −k_y of a 2D model as a symmetry with the spin structure transformed: signs s_a = ±1 (s_0 = 1)
     * such that H(k_x, −k_y) = S H(k_x, k_y)ᵀ S with S = diag(s) holds identically, or null when the model has none
     * or does not know (the default). Then G(k_x, −k_y, z) = S G(k_x, k_y, z)ᵀ S for every Σ with S Σᵀ S = Σ, which
     * halves a finite-q bubble's angular sum at q ∥ x̂. Rashba + b_z σ_z (CoPt) and massive Dirac: S = σ_z;
     * Dresselhaus, a single band: S = 1; an in-plane exchange field breaks it.
     */
    default double[] mirrorY() { return null; }

    /** H(k) as a value. */
    default CMatrix at(double... k) {
        double[] out = new double[2 * dim() * dim()];
        eval(k.length > 0 ? k[0] : 0, k.length > 1 ? k[1] : 0, k.length > 2 ? k[2] : 0, out, 0);
        return CMatrix.of(dim(), dim(), out);
    }

    /** Band energies at k, ascending. */
    default double[] bands(double... k) { return Eigen.hermitian(at(k)).values(); }

    /**
     * Checks Hermiticity at a few momenta up to {@code kmax}; throws a {@link DiffusonException} naming the first
     * non-Hermitian point. Called by {@link Model} on construction. A Hamiltonian that is Hermitian by construction
     * ({@link #hermitianByConstruction}) is only checked for finite entries there.
     */
    default void checkHermitian(double kmax) {
        double[][] probes = {{0, 0, 0}, {0.37 * kmax, 0.11 * kmax, 0.05 * kmax}, {-0.6 * kmax, 0.7 * kmax, -0.2 * kmax},
                {0.9 * kmax, -0.3 * kmax, 0.4 * kmax}};
        int n = dim();
        double[] h = new double[2 * n * n];
        boolean proven = hermitianByConstruction();
        for (double[] k : probes) {
            eval(k[0], k[1], k[2], h, 0);
            for (double x : h)
                if (!Double.isFinite(x))
                    throw new DiffusonException("hamiltonian", "H(k) has non-finite entries at k=" + java.util.Arrays.toString(k), "check the model's parameters");
            if (proven) continue;
            CMatrix m = CMatrix.of(n, n, h);
            if (!m.isHermitian(1e-12))
                throw new DiffusonException("hamiltonian", "H(k) is not Hermitian at k=" + java.util.Arrays.toString(k)
                        + " (‖H − H†‖/2 = " + m.hermiticityError() + ")", "a Hamiltonian must satisfy H(k) = H(k)†; check the off-diagonal terms");
        }
    }

    /**
     * True when H(k) is exactly Hermitian at every k by its construction (e.g. a {@link TermHamiltonian}: real
     * coefficients times exactly Hermitian matrices), so that {@link #checkHermitian} need not test it. Default false.
     */
    default boolean hermitianByConstruction() { return false; }

    /** Checks the declared isotropy at a few momenta; throws if H(R k) ≠ U H(k) U†. */
    default void checkIsotropy(double kmax) {
        Isotropy iso = isotropy();
        if (!iso.reducible()) return;
        int n = dim(), nn = 2 * n * n;
        double[] angles = {0.3, 1.1, 2.5};
        double k = 0.43 * kmax;
        double[] h0 = new double[nn], hr = new double[nn];
        eval(k, 0, 0, h0, 0);
        double scale = 0;
        for (int i = 0; i < nn; i += 2) scale = Math.max(scale, Math.sqrt(h0[i] * h0[i] + h0[i + 1] * h0[i + 1]));
        double tol = 1e-10 * Math.max(1, scale);
        for (double phi : angles) {
            if (spaceDim() == 3 && iso.kind() == Isotropy.Kind.FULL) eval(k * Math.sin(phi) * Math.cos(2 * phi), k * Math.sin(phi) * Math.sin(2 * phi), k * Math.cos(phi), hr, 0);
            else eval(k * Math.cos(phi), k * Math.sin(phi), 0, hr, 0);
            double err = 0;
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++) {
                    int i = 2 * (a * n + b);
                    double ph = iso.kind() == Isotropy.Kind.FULL ? 0 : -(iso.j()[a] - iso.j()[b]) * phi;
                    double c = Math.cos(ph), s = Math.sin(ph);
                    double dr = hr[i] - (c * h0[i] - s * h0[i + 1]), di = hr[i + 1] - (s * h0[i] + c * h0[i + 1]);
                    err = Math.max(err, Math.sqrt(dr * dr + di * di));
                }
            if (!(err <= tol))
                throw new DiffusonException("isotropy", "declared " + iso + " but H(R k) ≠ U H(k) U† at angle " + phi,
                        "declare Isotropy.NONE or fix the generator j");
        }
    }
}
