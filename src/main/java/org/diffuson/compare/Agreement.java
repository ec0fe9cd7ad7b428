package org.diffuson.compare;

import org.diffuson.kubo.Kubo;
import org.diffuson.kubo.KuboResult;
import org.diffuson.kubo.Vertex;
import org.diffuson.DiffusonException;
import org.diffuson.boltzmann.BoltzmannResult;
import org.diffuson.boltzmann.BoltzmannSolver;
import org.diffuson.green.ScbaOptions;
import org.diffuson.green.SelfEnergies;
import org.diffuson.integrate.FermiMomenta;
import org.diffuson.integrate.GridOptions;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.model.Isotropy;
import org.diffuson.model.Model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;

/**
 * The "family tree" check of seed 002 (seed 002 Sec. V, Fig. 1 (family tree)) as a feature: the non-crossing Kubo–Středa ladder ({@link Kubo}) and
 * the band-basis kinetic theory ({@link BoltzmannSolver}) on one model, over a disorder series u₀² ∝ 1/(ε_Fτ). The
 * Kubo values are extrapolated to u₀² → 0 (linear Richardson from the two weakest disorders, and a 3-point quadratic
 * variant) and compared with the Boltzmann O(τ⁰) Hall conductivity σ_yx and the O(τ) σ_xx·u₀² (both u₀²-independent
 * in the kinetic theory, P 52 of seed 002). Both sides agree order by order in ħ/(ε_Fτ) (seed 002 Sec. V, Fig. 1 (family tree)), so the
 * difference after extrapolation measures the error of either side.
 * <p>The Kubo side needs a scalar white-noise model Γ[X] = u₀²X (the Boltzmann correlator ⟨UU⟩ = u₀²δ, seed 002 Eqs. 8–10),
 * given as a function u₀² → {@link Model} (e.g. {@code u -> Preset.COPT_TI.with("gamma", u)...build()}), and one of
 * the self-energies of {@link SelfEnergy}.
 */
public final class Agreement {
    /** Which Σ the Kubo Green functions use (reported in the result). */
    public enum SelfEnergy {
        /**
         * On-shell Born Σ^R = −iπΓ[n(ε_F)], n = Σ_k δ(ε_F − H_k) the clean DOS matrix, Re Σ dropped: for the TI this is
         * the paper's −(i/2τ)(σ₀ + ξσ_z) (seed 002 Eqs. 68–76), for a parabolic band −i/2τ (the Drude model, not in seed 000).
         */
        BORN_ON_SHELL,
        /** Conserving SCBA (seed 000 Eqs. 2, 187, 247, 384), Re Σ kept; its O(u₀²) shift of M and ε_F vanishes on extrapolation. */
        SCBA
    }

    /** Which Kubo–Středa terms enter the compared value ({@link KuboResult}). */
    public enum Terms {
        /** RA Fermi-surface term with the ladder vertex (the seed 002 Eqs. 74–86 and docs/equations.md regression rows). */
        FERMI_SURFACE,
        /** Středa I: RA − RR, both ladder dressed. */
        STREDA_I,
        /** Středa I + the Fermi-sea Středa II (the full non-crossing response). */
        FULL
    }

    private final DoubleFunction<Model> models;
    private final double fermiEnergy;
    private final double[] disorders;
    private final SelfEnergy selfEnergy;
    private final Terms terms;
    private final GridOptions grid;
    private final ScbaOptions scba;
    private final UnaryOperator<BoltzmannSolver.Builder> boltzmann;

    private Agreement(Builder b) {
        models = b.models;
        fermiEnergy = b.fermiEnergy;
        disorders = b.disorders.clone();
        selfEnergy = b.selfEnergy;
        terms = b.terms;
        grid = b.grid;
        scba = b.scba;
        boltzmann = b.boltzmann;
    }

    /** Starts a check for the model family u₀² → model (scalar white noise of strength u₀²). */
    public static Builder builder(DoubleFunction<Model> modelAtDisorder) {
        if (modelAtDisorder == null) throw new DiffusonException("model", "is null", "pass u0sq -> model with Γ = u0sq·1");
        return new Builder(modelAtDisorder);
    }

    public static final class Builder {
        private final DoubleFunction<Model> models;
        private double fermiEnergy = Double.NaN;
        private double[] disorders;
        private SelfEnergy selfEnergy = SelfEnergy.BORN_ON_SHELL;
        private Terms terms = Terms.FULL;
        private GridOptions grid = GridOptions.defaults();
        private ScbaOptions scba = ScbaOptions.defaults();
        private UnaryOperator<BoltzmannSolver.Builder> boltzmann;

        private Builder(DoubleFunction<Model> models) { this.models = models; }

        public Builder fermiEnergy(double e) { fermiEnergy = DiffusonException.requireFinite("fermiEnergy", e); return this; }

        /** The disorder series u₀² (at least 2 distinct positive values; 3 for the quadratic variant). */
        public Builder disorders(double... u0sq) {
            if (u0sq == null || u0sq.length < 2)
                throw new DiffusonException("disorders", "needs at least 2 values of u0²", "e.g. 0.05, 0.025 (3 for the quadratic extrapolation)");
            double[] s = u0sq.clone();
            for (double u : s) DiffusonException.requirePositive("disorders", u);
            Arrays.sort(s);
            for (int i = 1; i < s.length; i++)
                if (s[i] == s[i - 1]) throw new DiffusonException("disorders", "contains " + s[i] + " twice", "pass distinct values");
            disorders = s;
            return this;
        }

        public Builder selfEnergy(SelfEnergy s) { selfEnergy = java.util.Objects.requireNonNull(s); return this; }

        public Builder terms(Terms t) { terms = java.util.Objects.requireNonNull(t); return this; }

        /** Adaptive k-grid of the Kubo side (nodes per panel, angles). */
        public Builder grid(GridOptions g) { grid = java.util.Objects.requireNonNull(g); return this; }

        public Builder scbaOptions(ScbaOptions o) { scba = java.util.Objects.requireNonNull(o); return this; }

        /**
         * Numerical settings of the Boltzmann side (kMax, angles, …); {@code disorder} is set by this class. Default:
         * kMax = the model's cutoff, 64 angles.
         */
        public Builder boltzmann(UnaryOperator<BoltzmannSolver.Builder> configure) { boltzmann = java.util.Objects.requireNonNull(configure); return this; }

        public Agreement build() {
            if (Double.isNaN(fermiEnergy)) throw new DiffusonException("fermiEnergy", "not set", "call fermiEnergy(εF)");
            if (disorders == null) throw new DiffusonException("disorders", "not set", "call disorders(u0², ...)");
            return new Agreement(this);
        }
    }

    /** Runs both methods (Kubo at every u₀², Boltzmann once: its compared quantities do not depend on u₀²). */
    public AgreementResult run() {
        List<KuboResult> yx = new ArrayList<>(), xx = new ArrayList<>();
        String sigmaName = null, modelName = null;
        Model first = null;
        for (double u : disorders) {
            Model m = models.apply(u);
            checkScalar(m, u);
            if (first == null) {
                first = m;
                modelName = m.name() + " " + m.parameters();
            }
            Ladder l = ladder(m, u);
            sigmaName = l.selfEnergy().name();
            Kubo k = new Kubo(l);
            yx.add(compute(k, 1, 0));
            xx.add(compute(k, 0, 0));
        }
        int n = disorders.length;
        double[] kyx = new double[n], kxx = new double[n];
        for (int i = 0; i < n; i++) {
            kyx[i] = value(yx.get(i));
            kxx[i] = value(xx.get(i)) * disorders[i];
        }
        BoltzmannSolver.Builder bb = BoltzmannSolver.builder(first).angles(64);
        if (boltzmann != null) bb = boltzmann.apply(bb);
        BoltzmannResult br = bb.disorder(disorders[0]).build().solve(fermiEnergy);
        return new AgreementResult(modelName, fermiEnergy, selfEnergy, sigmaName, terms, disorders.clone(), kyx, kxx,
                List.copyOf(yx), List.copyOf(xx), br);
    }

    /** Only the terms that enter the compared value. */
    private KuboResult compute(Kubo k, int a, int b) {
        return switch (terms) {
            case FERMI_SURFACE -> k.fermiSurface(a, b);
            case STREDA_I -> k.conductivity(a, b);
            case FULL -> k.conductivityWithSea(a, b);
        };
    }

    private double value(KuboResult r) {
        return switch (terms) {
            case FERMI_SURFACE -> r.fermiSurface();
            case STREDA_I -> r.stredaI();
            case FULL -> r.total();
        };
    }

    private Ladder ladder(Model m, double u) {
        return switch (selfEnergy) {
            case SCBA -> Ladder.scba(m, fermiEnergy, grid, scba);
            case BORN_ON_SHELL -> Ladder.fixed(m, fermiEnergy, SelfEnergies.bornOnShell(m, fermiEnergy), "on-shell Born", grid);
        };
    }

    /** The Kubo model must carry the Boltzmann correlator: Γ[X] = u₀²X. */
    private static void checkScalar(Model m, double u) {
        if (m.spaceDim() != 2) throw new DiffusonException("model", "is " + m.spaceDim() + "D", "the kinetic theory of seed 002 is 2D");
        if (!(Math.abs(m.disorder().scalarStrength().orElse(Double.NaN) - u) <= 1e-12 * u))
            throw new DiffusonException("model", "disorder at u0²=" + u + " is not scalar white noise Γ[X] = u0²X",
                    "the Boltzmann side assumes ⟨U(r)U(r′)⟩ = u0²δ(r − r′); build the model with gamma = u0² and no magnetic disorder");
    }


    /**
     * Deprecated: moved to {@link SelfEnergies#bornOnShell(Model, double)}, below the engines that use it.
     * On-shell Born self-energy Σ^R = −iπΓ[n(E)], n(E) = Σ_k δ(E − H_k) = Σ_b k_b/(2π v_b)·⟨P_b(k_b, θ)⟩_θ for a 2D
     * isotropic model (the principal-value part, Re Σ, is dropped as in seed 002 Eqs. 14–20, 28, 33). Fermi momenta k_b and
     * velocities v_b from {@link FermiMomenta}; the angle average is a 64-point uniform rule (exact for the
     * trigonometric-polynomial projectors of axially symmetric models).
     */
    @Deprecated
    public static CMatrix bornOnShell(Model model, double energy) { return SelfEnergies.bornOnShell(model, energy); }

    /** Linear Richardson: the straight line through (x₁, f₁), (x₂, f₂) evaluated at x = 0. */
    public static double richardson(double x1, double f1, double x2, double f2) {
        if (x1 == x2) throw new DiffusonException("disorders", "two equal abscissae", "pass distinct u0²");
        return (x2 * f1 - x1 * f2) / (x2 - x1);
    }

    /** 3-point (quadratic) extrapolation to x = 0: the Lagrange parabola through the points. */
    public static double quadratic(double[] x, double[] f) {
        if (x.length != 3 || f.length != 3) throw new DiffusonException("disorders", "quadratic extrapolation needs 3 points", "pass 3 values");
        double s = 0;
        for (int i = 0; i < 3; i++) {
            double l = 1;
            for (int j = 0; j < 3; j++) if (j != i) l *= (0 - x[j]) / (x[i] - x[j]);
            s += l * f[i];
        }
        return s;
    }
}
