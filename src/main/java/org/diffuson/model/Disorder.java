package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.linalg.Pauli;
import org.diffuson.linalg.Superoperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gaussian white-noise disorder ⟨V_{αγ}(r) V_{δβ}(r')⟩ = Γ_{αγδβ} δ(r − r') (seed 000 eqs 2, 5), stored as the
 * superoperator Γ[X]_{αβ} = Σ Γ_{αγδβ} X_{γδ}. The usual form Σ_a w_a M_a⊗M_a gives the sandwich
 * Γ[X] = Σ_a w_a M_a X M_a. Validated on construction: Γ must be a covariance, i.e. the matrix
 * C_{(αγ),(βδ)} = Γ_{αγδβ} must be Hermitian positive semidefinite (self-adjoint Γ in the trace pairing).
 * Strengths are in energy² × volume (ħ = 1; measure ∫d^dk/(2π)^d), so the Born rate of a scalar band is 1/τ = 2πνγ.
 */
public final class Disorder {
    /** One term w·M⊗M of the correlator. */
    public record Term(double weight, CMatrix matrix, String label) {}

    private final int n;
    private final Superoperator gamma;
    private final List<Term> terms;

    private Disorder(int n, Superoperator gamma, List<Term> terms) {
        this.n = n;
        this.gamma = gamma;
        this.terms = List.copyOf(terms);
        validate();
    }

    /** Σ_a w_a M_a⊗M_a; every w_a ≥ 0 and M_a Hermitian. */
    public static Disorder of(Term... terms) {
        if (terms.length == 0) throw new DiffusonException("disorder", "needs at least one term", "e.g. Disorder.scalar(n, gamma)");
        int n = terms[0].matrix().rows();
        Superoperator g = Superoperator.zero(n);
        for (Term t : terms) {
            if (t.matrix().rows() != n || !t.matrix().isSquare())
                throw new DiffusonException("disorder", "term '" + t.label() + "' has shape " + t.matrix().rows() + "x" + t.matrix().cols() + ", expected " + n + "x" + n, "all M_a must be n×n");
            if (!(t.weight() >= 0) || !Double.isFinite(t.weight()))
                throw new DiffusonException("disorder", "weight of '" + t.label() + "' is " + t.weight(), "disorder strengths must be ≥ 0 (a variance); use the ladder sign flag for HLN-type signs");
            if (!t.matrix().isHermitian(1e-12))
                throw new DiffusonException("disorder", "matrix of '" + t.label() + "' is not Hermitian", "a disorder potential V(r) must be Hermitian");
            g = g.plus(Superoperator.sandwich(t.matrix()).scale(t.weight()));
        }
        return new Disorder(n, g, List.of(terms));
    }

    public static Term term(double weight, CMatrix m, String label) { return new Term(weight, m, label); }

    /** One vertex w·M⊗M: impurities with the Hermitian vertex M and strength w (e.g. {@code Disorder.of(Op.sz, 0.02)}). */
    public static Disorder of(Op m, double weight) { return of(term(weight, m.matrix(), m.label())); }

    /** One vertex w·M⊗M for a Hermitian matrix M. */
    public static Disorder of(CMatrix m, double weight) { return of(term(weight, m, "M")); }

    /** Scalar disorder γ·1⊗1 in a two-component (spin ½) basis. */
    public static Disorder scalar(double gamma) { return scalar(2, gamma); }

    /**
     * Magnetic impurities with random moments: w_x σx⊗σx + w_y σy⊗σy + w_z σz⊗σz (isotropic moments: w_x = w_y = w_z).
     * Zero weights are left out.
     */
    public static Disorder magnetic(double wx, double wy, double wz) {
        List<Term> t = new ArrayList<>();
        if (wx != 0) t.add(term(wx, Pauli.SX, "σx"));
        if (wy != 0) t.add(term(wy, Pauli.SY, "σy"));
        if (wz != 0) t.add(term(wz, Pauli.SZ, "σz"));
        if (t.isEmpty()) throw new DiffusonException("w", "all magnetic weights are 0", "give at least one positive weight");
        return of(t.toArray(Term[]::new));
    }

    /** Scalar (spin-independent) disorder γ·1⊗1 (seed 000 eq 46). */
    public static Disorder scalar(int n, double gamma) {
        return of(term(gamma, CMatrix.identity(n), "1"));
    }

    /** Γ_1·1⊗1 + Γ_x·σ_x⊗σ_x: the minimal model's spin-orbit disorder (seed 000 eq 243, "+" sandwich). */
    public static Disorder spinOrbitX(double gamma1, double gammaX) {
        return of(term(gamma1, Pauli.S0, "1"), term(gammaX, Pauli.SX, "σx"));
    }

    /** Purely magnetic disorder w(σ_x⊗σ_x + σ_y⊗σ_y) (seed 000 eqs 422–438). */
    public static Disorder magnetic(double w) {
        return of(term(w, Pauli.SX, "σx"), term(w, Pauli.SY, "σy"));
    }

    /** A full n⁴ tensor given as its superoperator; validated as a covariance. */
    public static Disorder tensor(Superoperator gamma) { return new Disorder(gamma.dim(), gamma, List.of()); }

    /** Adds the independent vertex w·M⊗M. */
    public Disorder plus(Op m, double weight) { return plus(of(m, weight)); }

    /** Sum of two independent disorder sources (e.g. scalar plus magnetic, seed 000 eq 438). */
    public Disorder plus(Disorder other) {
        if (other.n != n) throw new DiffusonException("other", "dimension " + other.n + " ≠ " + n, "combine disorder of the same dimension");
        List<Term> t = new ArrayList<>(terms);
        t.addAll(other.terms);
        return new Disorder(n, gamma.plus(other.gamma), terms.isEmpty() || other.terms.isEmpty() ? List.of() : t);
    }

    /** Scales every strength by λ (order-by-order tests, seed 000 eqs 217–231). */
    public Disorder scale(double lambda) {
        DiffusonException.requireFinite("lambda", lambda);
        if (lambda < 0) throw new DiffusonException("lambda", "must be ≥ 0, got " + lambda, "disorder strengths are variances");
        List<Term> t = new ArrayList<>();
        for (Term x : terms) t.add(new Term(x.weight() * lambda, x.matrix(), x.label()));
        return new Disorder(n, gamma.scale(lambda), t);
    }

    public int dim() { return n; }
    public Superoperator superoperator() { return gamma; }
    public List<Term> terms() { return terms; }

    /** Γ[X]. */
    public CMatrix apply(CMatrix x) { return gamma.apply(x); }

    /**
     * u₀² if this is scalar white noise, Γ[X] = u₀²X for every X (the correlator ⟨U(r)U(r′)⟩ = u₀²δ(r − r′) of the
     * Boltzmann theory, seed 002 Eq. 9); empty otherwise. Checked on Γ's n²×n² matrix to 1e-12 relative.
     */
    public java.util.OptionalDouble scalarStrength() {
        CMatrix m = gamma.matrix();
        double u = m.re(0, 0);
        if (!(u > 0)) return java.util.OptionalDouble.empty();
        return m.minus(CMatrix.identity(m.rows()).scale(u)).normMax() <= 1e-12 * u
                ? java.util.OptionalDouble.of(u) : java.util.OptionalDouble.empty();
    }

    /** The covariance matrix C_{(α,γ),(β,δ)} = Γ_{αγδβ} (n²×n², Hermitian PSD for physical disorder). */
    public CMatrix covariance() {
        CMatrix s = gamma.matrix();
        int n2 = n * n;
        double[] d = new double[2 * n2 * n2];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                for (int c = 0; c < n; c++)
                    for (int e = 0; e < n; e++) {
                        // S_{(a + n b),(c + n e)} = Γ_{a c e b}; C_{(a,c),(b,e)} = Γ_{a c e b}
                        int row = a * n + c, col = b * n + e;
                        d[2 * (row * n2 + col)] = s.re(a + n * b, c + n * e);
                        d[2 * (row * n2 + col) + 1] = s.im(a + n * b, c + n * e);
                    }
        return CMatrix.of(n2, n2, d);
    }

    private void validate() {
        CMatrix s = gamma.matrix();
        if (!s.allFinite()) throw new DiffusonException("disorder", "has non-finite entries", "check the strengths");
        // Built from terms w_a ≥ 0 with Hermitian M_a (checked in of()), C = Σ_a w_a vec(M_a) vec(M_a)† is Hermitian
        // positive semidefinite by construction; only a tensor given as a whole needs the eigenvalue test.
        if (!terms.isEmpty()) return;
        CMatrix c = covariance();
        double scale = Math.max(c.normMax(), 1e-300);
        if (!c.isHermitian(1e-12))
            throw new DiffusonException("disorder", "correlator is not Hermitian (Γ is not self-adjoint in the trace pairing)",
                    "classical noise needs Γ_{αγδβ} = conj(Γ_{γαβδ}); build it from Hermitian M_a with w_a ≥ 0");
        double min = Eigen.hermitian(c).values()[0];
        if (min < -1e-12 * scale)
            throw new DiffusonException("disorder", "correlator is not positive semidefinite (eigenvalue " + min + ")",
                    "a covariance cannot be negative; use non-negative strengths");
    }

    @Override
    public String toString() {
        if (terms.isEmpty()) return "Disorder(tensor Γ, n=" + n + ")";
        StringBuilder sb = new StringBuilder("Γ = ");
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (i > 0) sb.append(" + ");
            sb.append(Coefficient.number(t.weight())).append('·').append(t.label()).append('⊗').append(t.label());
        }
        return sb.toString();
    }
}
