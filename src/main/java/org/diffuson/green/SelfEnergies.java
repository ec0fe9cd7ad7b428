package org.diffuson.green;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Factories of {@link SelfEnergyModel}s on a shared grid (through its {@link Resolvent}). */
public final class SelfEnergies {
    private SelfEnergies() {}

    /**
     * SCBA at every requested energy on the resolvent's grid (cached; each new energy is seeded from the nearest
     * solved one, which keeps the retarded branch and saves iterations).
     */
    public static SelfEnergyModel scba(Resolvent resolvent, ScbaOptions options) {
        return new SelfEnergyModel() {
            private final Map<Energy, CMatrix> cache = new ConcurrentHashMap<>();

            @Override
            public CMatrix sigma(Energy e) {
                if (e.branch() == Energy.Branch.ADVANCED) return sigma(Energy.retarded(e.re())).dagger();
                CMatrix hit = cache.get(e);
                if (hit != null) return hit;
                CMatrix seed = nearest(e);
                CMatrix s = Scba.solve(resolvent, e, seed, options).sigma();
                cache.put(e, s);
                return s;
            }

            private CMatrix nearest(Energy e) {
                Energy best = null;
                double dist = Double.POSITIVE_INFINITY;
                for (Energy k : cache.keySet()) {
                    if (k.sigmaSign() != e.sigmaSign()) continue;
                    double d = Math.hypot(k.re() - e.re(), k.im() - e.im());
                    if (d < dist) {
                        dist = d;
                        best = k;
                    }
                }
                return best == null ? null : cache.get(best);
            }

            @Override public String name() { return "SCBA"; }
            @Override public boolean conserving() { return true; }
        };
    }

    /** SCBA seeded with a known solution at one energy (e.g. from {@link Scba#solve(org.diffuson.model.Model, double)}). */
    public static SelfEnergyModel scba(ScbaResult known, ScbaOptions options) {
        Resolvent r = new Resolvent(known.model(), known.grid());
        SelfEnergyModel m = scba(r, options);
        m.sigma(known.energy()); // warm the cache on the same grid
        return m;
    }

    /**
     * Born approximation from the bare Green function, Σ_B(z) = Γ[∫dk G_0(k, z + iη)] (seed 000 eqs 53–54; failure mode
     * (b) of spec §4). η &gt; 0 is the artificial broadening of G_0 for real z; it must be resolved by the grid.
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

            @Override public String name() { return "Born(η=" + eta + ")"; }
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

            @Override public String name() { return name; }
        };
    }

    /** Σ = i·Im Σ_1·1 with Σ_1 = Tr Σ/n of a given (SCBA) self-energy: the hand-set scalar broadening of BNM. */
    public static SelfEnergyModel scalarBroadening(CMatrix sigma) {
        int n = sigma.rows();
        double im = sigma.trace().getImaginary() / n;
        return constant(CMatrix.diagonal(n, 0, im), "Σ∝1 (i·ImΣ₁)");
    }
}
