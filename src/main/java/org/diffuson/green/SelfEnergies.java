package org.diffuson.green;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.FermiMomenta;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.model.Isotropy;
import org.diffuson.model.Model;
import org.hipparchus.complex.Complex;

import java.util.List;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Factories of {@link SelfEnergyModel}s on a shared grid (through its {@link Resolvent}). */
public final class SelfEnergies {
    private SelfEnergies() {}

    /**
     * SCBA at every requested energy on the resolvent's grid (cached; each new energy is seeded from the nearest
     * solved one, which keeps the retarded branch and saves iterations).
     */
    public static SelfEnergyModel scba(Resolvent resolvent, ScbaOptions options) { return scba(resolvent, options, null); }

    private static SelfEnergyModel scba(Resolvent resolvent, ScbaOptions options, ScbaResult known) {
        return new SelfEnergyModel() {
            private final Map<Energy, CMatrix> cache = new ConcurrentHashMap<>();

            {
                if (known != null) cache.put(known.energy(), known.sigma());
            }

            @Override
            public CMatrix sigma(Energy e) {
                if (e.branch() == Energy.Branch.ADVANCED) return sigma(Energy.retarded(e.re())).dagger();
                CMatrix hit = cache.get(e);
                if (hit != null) return hit;
                CMatrix seed = e.branch() == Energy.Branch.RETARDED_CONTINUED ? continuedSeed(e) : nearest(e);
                CMatrix s = Scba.solve(resolvent, e, seed, options).sigma();
                cache.put(e, s);
                return s;
            }

            private CMatrix nearest(Energy e) {
                Energy best = nearestTwo(e)[0];
                return best == null ? null : cache.get(best);
            }

            /** The two known energies nearest to e on its branch (null where there are fewer). */
            private Energy[] nearestTwo(Energy e) {
                Energy a = null, b = null;
                double da = Double.POSITIVE_INFINITY, db = Double.POSITIVE_INFINITY;
                for (Energy k : cache.keySet()) {
                    if (k.sigmaSign() != e.sigmaSign()) continue;
                    double d = Math.hypot(k.re() - e.re(), k.im() - e.im());
                    if (d < da) {
                        b = a;
                        db = da;
                        a = k;
                        da = d;
                    } else if (d < db) {
                        b = k;
                        db = d;
                    }
                }
                return new Energy[]{a, b};
            }

            /**
             * A seed at a complex energy of the continued retarded branch (a pole search's E + ω): the line through the
             * two nearest solutions, Σ_a + (z − z_a)(Σ_a − Σ_b)/(z_a − z_b), when z is within twice their spacing of z_a
             * (error O(|z − z_a||z − z_b|) instead of O(|z − z_a|): a secant step of the search then converges in about
             * half the iterations); otherwise the nearest solution. Only the seed changes: the solution is the same to
             * the SCBA tolerance.
             */
            private CMatrix continuedSeed(Energy e) {
                Energy[] two = nearestTwo(e);
                Energy a = two[0], b = two[1];
                if (a == null) return null;
                CMatrix sa = cache.get(a);
                if (b == null) return sa;
                double da = Math.hypot(a.re() - e.re(), a.im() - e.im()), gap = Math.hypot(a.re() - b.re(), a.im() - b.im());
                if (!(gap > 0) || da > 2 * gap) return sa;
                Complex t = new Complex(e.re() - a.re(), e.im() - a.im()).divide(new Complex(a.re() - b.re(), a.im() - b.im()));
                return sa.plus(sa.minus(cache.get(b)).scale(t));
            }

            @Override public String name() { return "SCBA"; }
            @Override public boolean conserving() { return true; }
            @Override public SelfEnergyModel onGrid(Resolvent r) { return scba(r, options, null); }
        };
    }

    /** SCBA seeded with a known solution at one energy (e.g. from {@link Scba#solve(org.diffuson.model.Model, double)}). */
    public static SelfEnergyModel scba(ScbaResult known, ScbaOptions options) {
        return scba(known.resolvent(), options, known); // the known solution is the cache's first entry: not solved again
    }

    /**
     * Born approximation from the bare Green function, Σ_B(z) = Γ[∫dk G_0(k, z + iη)] (seed 000 eqs 53–54; failure mode
     * (b) of seed 000 Eqs. 20, 82–105 and the worked CoPt table of docs/equations.md). η &gt; 0 is the artificial broadening of G_0 for real z; it must be resolved by the grid.
     */
    public static SelfEnergyModel born(Resolvent resolvent, double eta) {
        if (!(eta >= 0) || !Double.isFinite(eta)) throw new DiffusonException("eta", "must be ≥ 0, got " + eta, "e.g. 0.02");
        int n = resolvent.model().dim();
        CMatrix zero = CMatrix.zeros(n, n);
        return new SelfEnergyModel() {
            @Override
            public CMatrix sigma(Energy e) {
                if (e.branch() == Energy.Branch.ADVANCED) return sigma(Energy.retarded(e.re())).dagger();
                double im = e.im() + (e.sigmaSign() < 0 ? eta : -eta);
                if (im == 0) throw new DiffusonException("eta", "is 0 at a real energy", "bare G needs η > 0 on the real axis");
                return resolvent.model().disorder().apply(resolvent.sum(Energy.complex(e.re(), im), zero));
            }

            /** Analytic: dΣ_B/dz = Γ[∫dk dG₀/dz] = −Γ[∫dk G₀²] at the same shifted z. */
            @Override
            public CMatrix derivative(Energy e) {
                if (e.branch() == Energy.Branch.ADVANCED) return derivative(Energy.retarded(e.re())).dagger();
                double im = e.im() + (e.sigmaSign() < 0 ? eta : -eta);
                if (im == 0) throw new DiffusonException("eta", "is 0 at a real energy", "bare G needs η > 0 on the real axis");
                return resolvent.model().disorder().apply(resolvent.sumDerivative(Energy.complex(e.re(), im), zero, zero));
            }

            @Override public String name() { return "Born(η=" + eta + ")"; }
            @Override public SelfEnergyModel onGrid(Resolvent r) { return born(r, eta); }
        };
    }

    /**
     * A fixed retarded self-energy at every energy (Σ^A = Σ^R†): e.g. Σ = −i/2τ·1 set by hand (seed 000 eqs 3–4;
     * failure mode (c)). It ignores the energy dependence, so the Ward identity fails at O(ω) too.
     */
    public static SelfEnergyModel constant(CMatrix sigmaRetarded, String name) {
        if (!sigmaRetarded.allFinite()) throw new DiffusonException("sigma", "has non-finite entries", "pass a finite matrix");
        return new SelfEnergyModel() {
            @Override
            public CMatrix sigma(Energy e) {
                return switch (e.branch()) {
                    case RETARDED -> sigmaRetarded;
                    case ADVANCED -> sigmaRetarded.dagger();
                    case COMPLEX -> e.im() >= 0 ? sigmaRetarded : sigmaRetarded.dagger();
                    case RETARDED_CONTINUED -> sigmaRetarded;
                };
            }

            /** Σ does not depend on z: Σ′ = 0 exactly. */
            @Override public CMatrix derivative(Energy e) { return CMatrix.zeros(sigmaRetarded.rows(), sigmaRetarded.cols()); }

            @Override public String name() { return name; }
            /** Σ does not depend on the grid. */
            @Override public SelfEnergyModel onGrid(Resolvent r) { return this; }
        };
    }

    /**
     * On-shell Born self-energy Σ^R = −iπΓ[n(E)], n(E) = Σ_k δ(E − H_k) = Σ_b k_b/(2π v_b)·⟨P_b(k_b, θ)⟩_θ for a 2D
     * isotropic model (the principal-value part, Re Σ, is dropped, as the on-shell Born collision integral of seed 002
     * Eqs. 14–20 does). Fermi momenta k_b and
     * velocities v_b from {@link FermiMomenta}; the angle average is exact by the model's rotation covariance
     * (P(R k) = U P(k) U† keeps the entries with j_p = j_q of the projector on the k_x axis).
     */
    public static CMatrix bornOnShell(Model model, double energy) {
        if (model.spaceDim() != 2) throw new DiffusonException("model", "on-shell Born is implemented for 2D models", "use SCBA");
        if (model.hamiltonian().isotropy().kind() == Isotropy.Kind.NONE)
            throw new DiffusonException("model", "is not isotropic: the on-shell Born Σ needs one Fermi radius per band", "use SelfEnergy.SCBA");
        int n = model.dim();
        CMatrix dos = CMatrix.zeros(n, n);
        List<FermiMomenta.Crossing> cs = FermiMomenta.find(model.hamiltonian(), null, energy, model.cutoff());
        if (cs.isEmpty()) throw new DiffusonException("fermiEnergy", "E=" + energy + " crosses no band", "put εF in a band (on-shell Born Σ = 0 in a gap)");
        Isotropy iso = model.hamiltonian().isotropy();
        for (FermiMomenta.Crossing c : cs) {
            // ⟨P_b(k_b, θ)⟩_θ: P(R k) = U P(k) U†, so the average keeps the entries with j_p = j_q of P on the k_x axis
            double[] p = bandProjector(model.hamiltonian(), c.k(), c.band());
            for (int r = 0; r < n; r++)
                for (int q = 0; q < n; q++)
                    if (!iso.keeps(r, q)) p[2 * (r * n + q)] = p[2 * (r * n + q) + 1] = 0;
            dos = dos.plus(CMatrix.of(n, n, p).scale(c.k() / (2 * Math.PI * c.velocity())));
        }
        return model.disorder().apply(dos).scale(0, -Math.PI);
    }

    /**
     * The projector |b⟩⟨b| on band b (ascending) of H(k, 0, 0), interleaved: for n = 2 in closed form,
     * P_∓ = ½[1 ∓ (H − h̄)/r] with h̄ = Tr H/2 and r = √(((h₀₀ − h₁₁)/2)² + |h₀₁|²) (no eigenvectors); otherwise, or at a
     * degeneracy (r = 0), from the eigenvectors.
     */
    static double[] bandProjector(org.diffuson.model.Hamiltonian h, double k, int band) {
        if (h.dim() == 2) {
            double[] x = new double[8];
            h.evalAxis(k, x, 0);
            double half = 0.5 * (x[0] - x[6]), br = 0.5 * (x[2] + x[4]), bi = 0.5 * (x[3] - x[5]);
            double r = Math.sqrt(half * half + br * br + bi * bi);
            if (r > 0) {
                double sg = band == 0 ? -0.5 / r : 0.5 / r;
                return new double[]{0.5 + sg * half, 0, sg * br, sg * bi, sg * br, -sg * bi, 0.5 - sg * half, 0};
            }
        }
        CMatrix v = Eigen.hermitian(h.at(k, 0, 0)).vectors().column(band);
        return v.times(v.dagger()).toArray();
    }

    /** Σ = i·Im Σ_1·1 with Σ_1 = Tr Σ/n of a given (SCBA) self-energy: the hand-set scalar broadening of BNM. */
    public static SelfEnergyModel scalarBroadening(CMatrix sigma) {
        int n = sigma.rows();
        double im = sigma.trace().getImaginary() / n;
        return constant(CMatrix.diagonal(n, 0, im), "Σ∝1 (i·ImΣ₁)");
    }

    /**
     * The scalar part (Tr Σ(z)/n)·1 of another self-energy at every z: keeps Σ's energy dependence but drops its matrix
     * structure, the "trace part only" failure mode whose Ward identity breaks at first order in Γ (seed 000
     * Eqs. 217–231).
     */
    public static SelfEnergyModel tracePart(SelfEnergyModel s) {
        return new SelfEnergyModel() {
            @Override
            public CMatrix sigma(Energy e) {
                CMatrix x = s.sigma(e);
                var c = x.trace().divide(x.rows());
                return CMatrix.diagonal(x.rows(), c.getReal(), c.getImaginary());
            }

            @Override
            public String name() { return "trace part of " + s.name(); }
        };
    }
}
