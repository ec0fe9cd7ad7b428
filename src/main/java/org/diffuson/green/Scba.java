package org.diffuson.green;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
import org.diffuson.integrate.FermiMomenta;
import org.diffuson.integrate.GridOptions;
import org.diffuson.integrate.GridPolicy;
import org.diffuson.integrate.KGrid;
import org.diffuson.linalg.AndersonMixer;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Self-consistent Born approximation Σ(z) = Γ[∫dk G(k, z)] (seed 000 Eqs. 2, 187, 247, 384), at any complex z,
 * with linear or Anderson mixing ({@link AndersonMixer}). Retarded solutions are seeded with Im Σ &lt; 0 (a real seed stays on the unphysical
 * real fixed point); the advanced one is Σ^A = (Σ^R)†.
 */
public final class Scba {
    private Scba() {}

    /** SCBA on a given grid (the grid every later bubble must share), seeded with {@code seed} (null: automatic). */
    public static ScbaResult solve(Resolvent resolvent, Energy energy, CMatrix seed, ScbaOptions options) {
        Model model = resolvent.model();
        if (energy.branch() == Energy.Branch.ADVANCED) {
            ScbaResult r = solve(resolvent, Energy.retarded(energy.re()), seed == null ? null : seed.dagger(), options);
            return new ScbaResult(model, r.grid(), energy, r.sigma().dagger(), r.method(), r.iterations(), r.residuals(), r.elapsedMillis(), r.resolvent());
        }
        long t0 = System.nanoTime();
        int n = model.dim(), m = 2 * n * n;
        Superoperator gamma = model.disorder().superoperator();
        double[] gm = gamma.matrix().toArray(); // n²×n² in vec picture, row-major interleaved
        if (seed != null && !seed.allFinite()) throw new DiffusonException("seed", "has non-finite entries", "pass a finite Σ or null");
        // causality: on a branch with a definite sign the iterates must keep sign·(Σ − Σ†)/2i ≥ 0 (Im Σᴿ ≤ 0)
        int causalSign = causalSign(energy);
        if (seed != null && causalSign != 0 && causalityViolation(seed.toArray(), n, causalSign) > 1e-14 * seed.normMax())
            seed = hermitianPart(seed).plus(bornSeed(resolvent, energy)); // keep Re Σ, take the branch's sign for Im Σ
        double[] x = seed == null ? bornSeed(resolvent, energy).toArray() : seed.toArray();
        double[] g = new double[m], gsum = new double[m], work = resolvent.workspace(), f = new double[m];
        AndersonMixer mixer = new AndersonMixer(m, options.anderson(), options.mixing());
        double beta = options.mixing();
        double[] xPrev = new double[m], fPrev = new double[m];
        List<Double> history = new ArrayList<>();
        double zr = energy.re(), zi = energy.im();
        for (int it = 1; it <= options.maxIterations(); it++) {
            Cancellation.check("SCBA iteration");
            resolvent.sum(zr, zi, x, gsum, work);
            applyGamma(gm, n, gsum, g);
            double res = 0;
            for (int i = 0; i < m; i++) {
                f[i] = g[i] - x[i];
                res = Math.max(res, Math.abs(f[i]));
            }
            if (!Double.isFinite(res))
                throw new DiffusonException("scba", "Σ became non-finite at iteration " + it + " (E=" + energy + ")",
                        "the energy may sit on a band edge without broadening; lower the mixing or move E slightly");
            history.add(res);
            if (res < options.tolerance()) {
                // accept the last map value (one more Picard step is exactly the fixed point to tolerance)
                double[] sigma = g.clone();
                return new ScbaResult(model, resolvent.grid(), energy, CMatrix.of(n, n, sigma), "SCBA", it,
                        history.stream().mapToDouble(Double::doubleValue).toArray(), (System.nanoTime() - t0) / 1e6, resolvent);
            }
            System.arraycopy(x, 0, xPrev, 0, m);
            System.arraycopy(f, 0, fPrev, 0, m);
            mixer.step(x, f);
            // Safeguard: Anderson extrapolates and can step across the real axis, after which the iteration
            // converges to the conjugate fixed point Σ† (Im Σᴿ > 0; found just below a band bottom). Such a step
            // is replaced by the mean of its causal projection and the linear step (1−β)Σ + βΓ[∫G] (a convex
            // combination of causal matrices, hence causal; the mean keeps its broadening inside a band, the
            // projection snaps Im Σ to 0 where the solution is real), and the history restarts.
            if (mixer.stored() > 0 && causalSign != 0 && causalityViolation(x, n, causalSign) > 1e-14 * maxAbs(xPrev)) {
                projectCausal(x, n, causalSign);
                for (int i = 0; i < m; i++) x[i] = 0.5 * (x[i] + xPrev[i] + beta * fPrev[i]);
                mixer.reset();
            }
        }
        double last = history.get(history.size() - 1);
        throw new DiffusonException("scba", String.format("did not converge in %d iterations at E=%s (last residual %.3e, tolerance %.1e)",
                options.maxIterations(), energy, last, options.tolerance()),
                "raise maxIterations, lower the mixing (e.g. 0.2), switch Anderson on (ScbaOptions.withAnderson(5)), "
                        + "or seed from a converged Σ at a nearby energy");
    }

    /** SCBA at a retarded energy with an automatically refined grid; the result's grid is the one to reuse. */
    public static ScbaResult solve(Model model, double energy) { return solve(model, Energy.retarded(energy), GridOptions.defaults(), ScbaOptions.defaults()); }

    /**
     * SCBA with an adaptive grid: a first solve on a grid refined with a Born estimate of the broadening, then the
     * final solve on a grid refined at the poles of H + Re Σ with widths |Im Σ|/v (docs/equations.md, numerical notes).
     */
    public static ScbaResult solve(Model model, Energy energy, GridOptions grid, ScbaOptions options) {
        if (options.counterterm() == ScbaOptions.Counterterm.FERMI_LEVEL) return solveWithCounterterm(model, energy, grid, options);
        double e = energy.re();
        requireFermiSurfaceInsideCutoff(model, e);
        double eta0 = bornBroadeningEstimate(model, e);
        KGrid g1 = adaptiveGrid(model, e, null, Math.max(eta0, Math.abs(energy.im())), grid);
        ScbaResult first = solve(new Resolvent(model, g1), energy, null, options.withTolerance(Math.max(options.tolerance(), 1e-10)));
        CMatrix sig = first.sigma();
        double eta = Math.max(minBroadening(sig), Math.abs(energy.im()));
        KGrid g2 = adaptiveGrid(model, e, hermitianPart(sig), eta > 0 ? eta : eta0, grid);
        ScbaResult r = solve(new Resolvent(model, g2), energy, sig, options);
        return new ScbaResult(model, r.grid(), energy, r.sigma(), r.method(), first.iterations() + r.iterations(), r.residuals(),
                first.elapsedMillis() + r.elapsedMillis(), r.resolvent());
    }

    /**
     * SCBA with the counterterm of {@link ScbaOptions.Counterterm#FERMI_LEVEL}: the fixed point δ = −Herm Σ[H + δ](E)
     * by plain iteration (each step a full SCBA seeded with the last Σ; the map contracts with |∂Σ/∂δ| ~ disorder
     * strength × ∂ν/∂E, a few steps for weak disorder), to the SCBA tolerance (at least 1e-12). Returns the result on
     * the bare model H + δ, whose Herm Σ(E) equals −δ to that tolerance.
     */
    private static ScbaResult solveWithCounterterm(Model model, Energy energy, GridOptions grid, ScbaOptions options) {
        ScbaOptions plain = options.withCounterterm(ScbaOptions.Counterterm.NONE);
        double tol = Math.max(options.tolerance(), 1e-12);
        int n = model.dim();
        CMatrix delta = CMatrix.zeros(n, n);
        double change = Double.NaN;
        int steps = 0;
        for (int it = 1; it <= options.maxIterations(); it++) {
            Cancellation.check("SCBA counterterm");
            Model bare = new Model(model.name(), new org.diffuson.model.ShiftedHamiltonian(model.hamiltonian(), delta),
                    model.disorder(), model.rung(), model.cutoff(), model.parameters());
            ScbaResult r = solve(bare, energy, grid, plain);
            steps += r.iterations();
            CMatrix next = hermitianPart(r.sigma()).scale(-1);
            change = next.minus(delta).normMax();
            if (change < tol)
                return new ScbaResult(bare, r.grid(), energy, r.sigma(), r.method(), steps, r.residuals(), r.elapsedMillis(), r.resolvent());
            delta = next;
        }
        throw new DiffusonException("counterterm", String.format(java.util.Locale.ROOT,
                "did not converge in %d steps at E=%s (last change of δ %.3e)", options.maxIterations(), energy, change),
                "lower the disorder, or solve without the counterterm (Counterterm.NONE) and renormalise by hand");
    }

    /** {@link GridPolicy#requireFermiSurfaceInsideCutoff} (the grid policy lives in {@code integrate}). */
    public static void requireFermiSurfaceInsideCutoff(Model model, double e) { GridPolicy.requireFermiSurfaceInsideCutoff(model, e); }

    /** The default adaptive grid, {@link GridPolicy#adaptive} (the grid policy lives in {@code integrate}); shift Hermitian. */
    public static KGrid adaptiveGrid(Model model, double e, CMatrix shift, double eta, GridOptions options) {
        return GridPolicy.adaptive(model, e, shift, eta, options);
    }

    /** η ≈ π ν(E) ⟨Γ⟩, with ν from the band crossings (Born estimate for grid refinement only). */
    public static double bornBroadeningEstimate(Model model, double e) {
        double nu = 0;
        for (FermiMomenta.Crossing c : FermiMomenta.find(model.hamiltonian(), null, e, model.cutoff())) {
            double v = Math.max(c.velocity(), 1e-12);
            nu += model.spaceDim() == 2 ? c.k() / (2 * Math.PI * v) : c.k() * c.k() / (2 * Math.PI * Math.PI * v);
        }
        int n = model.dim();
        double gam = model.disorder().apply(CMatrix.identity(n)).trace().getReal() / n;
        double eta = Math.PI * nu * gam;
        return eta > 0 ? eta : 1e-3 * model.cutoff() * model.cutoff();
    }

    /** Smallest broadening: min eigenvalue of ∓(Σ − Σ†)/2i. */
    public static double minBroadening(CMatrix sigma) {
        CMatrix anti = sigma.minus(sigma.dagger()).scale(0, -0.5); // (Σ − Σ†)/(2i)
        double[] ev = Eigen.hermitian(anti).values();
        double min = Double.POSITIVE_INFINITY;
        for (double v : ev) min = Math.min(min, Math.abs(v));
        return min;
    }

    /**
     * The sign s with s·(Σ − Σ†)/2i ≥ 0 on this branch (−1 retarded or Im z &gt; 0: Im Σᴿ ≤ 0; +1 advanced or Im z &lt; 0),
     * or 0 where causality fixes no sign (a retarded function continued below the real axis).
     */
    static int causalSign(Energy energy) {
        return switch (energy.branch()) {
            case RETARDED -> -1;
            case ADVANCED -> +1;
            case COMPLEX -> energy.im() == 0 ? 0 : energy.sigmaSign();
            case RETARDED_CONTINUED -> energy.im() >= 0 ? -1 : 0;
        };
    }

    /**
     * How far Σ (n×n row-major interleaved) is from causal on the branch with sign s: max(0, −λ_min) of the Hermitian
     * matrix s·(Σ − Σ†)/2i (B₀₀ = s·Im Σ₀₀), i.e. the largest eigenvalue of the broadening with the wrong sign (0 for a causal Σ).
     */
    static double causalityViolation(double[] sigma, int n, int s) {
        if (n == 2) {
            // B = s·(Σ − Σ†)/2i = [[p, q], [q*, r]]: p = s·Im Σ₀₀, r = s·Im Σ₁₁, |q|² = |Σ₀₁ − Σ₁₀*|²/4;
            // λ_min = (p + r)/2 − √(((p − r)/2)² + |q|²) in closed form (the Jacobi rotation of the general path)
            double p = s * sigma[1], r = s * sigma[7];
            double ur = sigma[2] - sigma[4], ui = sigma[3] + sigma[5];
            double half = 0.5 * (p - r);
            double min = 0.5 * (p + r) - Math.sqrt(half * half + 0.25 * (ur * ur + ui * ui));
            return Math.max(0, -min);
        }
        CMatrix x = CMatrix.of(n, n, sigma);
        CMatrix broadening = x.minus(x.dagger()).scale(0, -0.5 * s); // s·(Σ − Σ†)/2i: ≥ 0 when causal
        double min = Double.POSITIVE_INFINITY;
        for (double v : Eigen.hermitian(broadening).values()) min = Math.min(min, v);
        return Math.max(0, -min);
    }

    /** Replaces Σ by the nearest causal matrix: Herm Σ + i·s·B₊, B₊ the positive part of B = s·(Σ − Σ†)/2i. */
    static void projectCausal(double[] sigma, int n, int s) {
        CMatrix x = CMatrix.of(n, n, sigma);
        var eh = Eigen.hermitian(x.minus(x.dagger()).scale(0, -0.5 * s));
        org.hipparchus.complex.Complex[] lam = new org.hipparchus.complex.Complex[n];
        for (int i = 0; i < n; i++) lam[i] = new org.hipparchus.complex.Complex(Math.max(eh.values()[i], 0));
        CMatrix v = eh.vectors(); // eigenvectors in columns
        CMatrix bPlus = v.times(CMatrix.diagonal(lam)).times(v.dagger());
        double[] out = hermitianPart(x).plus(bPlus.scale(0, s)).toArray();
        System.arraycopy(out, 0, sigma, 0, out.length);
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** (Σ + Σ†)/2. */
    public static CMatrix hermitianPart(CMatrix s) { return s.plus(s.dagger()).scale(0.5); }


    /**
     * Cheap automatic seed on a given grid: Born Σ = Γ[∫G₀(z ∓ iδ)] with δ = 1% of the band scale |H(k_c)|, keeping
     * only its anti-Hermitian part so that Im Σ has the sign of the branch (−i·… retarded).
     */
    static CMatrix bornSeed(Resolvent resolvent, Energy energy) {
        Model model = resolvent.model();
        int n = model.dim();
        double scale = Math.max(model.hamiltonian().at(model.cutoff(), 0, 0).normMax(), 1e-12);
        double delta = 0.01 * scale;
        int sign = energy.sigmaSign();
        CMatrix b = model.disorder().apply(resolvent.sum(Energy.complex(energy.re(), energy.im() - sign * delta), CMatrix.zeros(n, n)));
        CMatrix anti = b.minus(b.dagger()).scale(0.5);
        double mag = Math.max(anti.normMax(), 1e-6 * scale);
        // isotropic seed of the right sign and size: robust for any model
        return CMatrix.diagonal(n, 0, sign * mag);
    }

    /** g ← Γ[gsum] with Γ's vec-picture matrix (n²×n², row-major interleaved); input/output n×n row-major. */
    static void applyGamma(double[] gm, int n, double[] in, double[] out) {
        int n2 = n * n;
        Arrays.fill(out, 0, 2 * n2, 0);
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) {
                int row = a + n * b; // vec index of (a,b)
                double sr = 0, si = 0;
                for (int c = 0; c < n; c++)
                    for (int d = 0; d < n; d++) {
                        int col = c + n * d;
                        double gr = gm[2 * (row * n2 + col)], gi = gm[2 * (row * n2 + col) + 1];
                        double xr = in[2 * (c * n + d)], xi = in[2 * (c * n + d) + 1];
                        sr += gr * xr - gi * xi;
                        si += gr * xi + gi * xr;
                    }
                out[2 * (a * n + b)] = sr;
                out[2 * (a * n + b) + 1] = si;
            }
    }
}
