package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.green.Resolvent;
import org.diffuson.green.Scba;
import org.diffuson.green.ScbaOptions;
import org.diffuson.green.ScbaResult;
import org.diffuson.green.SelfEnergies;
import org.diffuson.green.SelfEnergyModel;
import org.diffuson.integrate.GridOptions;
import org.diffuson.integrate.KGrid;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.OperatorBasis;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Model;
import org.hipparchus.complex.Complex;

/**
 * Ladder (diffuson) calculations of one model at a Fermi energy E on one shared k-grid: bubbles, collision operator,
 * susceptibility, kinetic operator K, Ward checks, and (through {@link DiffusionOperator}) relaxation and diffusion
 * tensors. Build it with {@link #scba(Model, double)} (SCBA on an adaptive grid) and switch the self-energy with
 * {@link #withSelfEnergy(SelfEnergyModel)} to show the paper's failure modes on the same grid.
 */
public final class Ladder {
    private final Model model;
    private final double energy;
    private final KGrid grid;
    private final Resolvent resolvent;
    private final Bubble bubble;
    private final SelfEnergyModel selfEnergy;
    private final ScbaResult scba;
    /** The SCBA options of an SCBA ladder (null for a fixed Σ), to solve it again on another grid ({@link #onGrid}). */
    private final ScbaOptions options;
    /** The self-energy the ladder was built with (before {@link #withSelfEnergy}). */
    private final SelfEnergyModel base;

    private Ladder(Model model, double energy, KGrid grid, Resolvent resolvent, Bubble bubble, SelfEnergyModel selfEnergy, ScbaResult scba,
                   ScbaOptions options, SelfEnergyModel base) {
        this.options = options;
        this.base = base;
        this.model = model;
        this.energy = energy;
        this.grid = grid;
        this.resolvent = resolvent;
        this.bubble = bubble;
        this.selfEnergy = selfEnergy;
        this.scba = scba;
    }

    /** SCBA at E on an adaptive grid (defaults), ladders on the same grid. */
    public static Ladder scba(Model model, double energy) { return scba(model, energy, GridOptions.defaults(), ScbaOptions.defaults()); }

    public static Ladder scba(Model model, double energy, GridOptions grid, ScbaOptions options) {
        ScbaResult r = Scba.solve(model, Energy.retarded(energy), grid, options);
        return fromScba(r, options);
    }

    /**
     * Ladders on the prepared k-space of an existing SCBA result: its resolvent (grid + tabulated H) is shared by the
     * bubble, and its Σ is the self-energy's value at E — the SCBA is not solved again (other energies are solved on
     * demand, seeded from the nearest known one).
     */
    public static Ladder fromScba(ScbaResult r, ScbaOptions options) {
        if (r.energy().branch() != Energy.Branch.RETARDED)
            throw new DiffusonException("scba", "the ladder needs a retarded SCBA result at a real energy, got " + r.energy(), "solve at Energy.retarded(E)");
        Resolvent res = r.resolvent();
        SelfEnergyModel se = SelfEnergies.scba(r, options);
        return new Ladder(r.model(), r.energy().re(), r.grid(), res, new Bubble(r.model(), res.space()), se, r, options, se);
    }

    /**
     * Ladders with a fixed retarded self-energy Σ^R (Σ^A = Σ^R†) at every energy — e.g. the Born matrix of a paper, or a
     * hand-set broadening — on a grid refined at the poles of H + Re Σ with widths |Im Σ|/v.
     */
    public static Ladder fixed(Model model, double energy, CMatrix sigmaRetarded, String name, GridOptions options) {
        CMatrix herm = Scba.hermitianPart(sigmaRetarded);
        double eta = Scba.minBroadening(sigmaRetarded);
        if (!(eta > 0))
            throw new DiffusonException("sigma", "has no broadening (Im Σ = 0)", "a fixed Σ needs Im Σ^R < 0 so that G^R G^A is integrable");
        KGrid g = Scba.adaptiveGrid(model, energy, herm, eta, options);
        return fixed(model, energy, sigmaRetarded, name, g);
    }

    /** SCBA at E on an explicit grid (e.g. a Brillouin-zone mesh for a lattice model). */
    public static Ladder scba(Model model, double energy, KGrid grid, ScbaOptions options) {
        Resolvent res = new Resolvent(model, grid);
        ScbaResult r = Scba.solve(res, Energy.retarded(energy), null, options);
        return fromScba(r, options);
    }

    /** A fixed retarded Σ on an explicit grid. */
    public static Ladder fixed(Model model, double energy, CMatrix sigmaRetarded, String name, KGrid grid) {
        Resolvent res = new Resolvent(model, grid);
        ScbaResult r = new ScbaResult(model, grid, Energy.retarded(energy), sigmaRetarded, name, 0, new double[0], 0, res);
        SelfEnergyModel se = SelfEnergies.constant(sigmaRetarded, name);
        return new Ladder(model, energy, grid, res, new Bubble(model, res.space()), se, r, null, se);
    }

    /** Whether this ladder was built on an SCBA solution, which {@link #onGrid} solves again (false for {@link #fixed}). */
    public boolean isScba() { return options != null; }

    /**
     * The same model, energy and self-energy approximation on another grid (e.g. {@link KGrid#refined()} for a
     * convergence check): an SCBA ladder solves the SCBA again there with its options (seeded with this Σ; a
     * counterterm found on this grid is kept), a fixed Σ stays fixed, and a self-energy set with
     * {@link #withSelfEnergy} moves through {@link SelfEnergyModel#onGrid}.
     *
     * @throws DiffusonException if the self-energy cannot be moved to another grid (a user's own model)
     */
    public Ladder onGrid(KGrid g) {
        Resolvent res = new Resolvent(model, g);
        ScbaResult r = options != null
                ? Scba.solve(res, Energy.retarded(energy), scba.sigma(), options)
                : new ScbaResult(model, g, scba.energy(), scba.sigma(), scba.method(), 0, new double[0], 0, res);
        SelfEnergyModel newBase = options != null ? SelfEnergies.scba(r, options) : SelfEnergies.constant(scba.sigma(), scba.method());
        SelfEnergyModel s = selfEnergy == base ? newBase : selfEnergy.onGrid(res);
        if (s == null)
            throw new DiffusonException("selfEnergy", "“" + selfEnergy.name() + "” cannot be moved to another k-grid",
                    "build the ladder on the finer grid yourself, or implement SelfEnergyModel.onGrid for it");
        return new Ladder(model, energy, g, res, new Bubble(model, res.space()), s, r, options, newBase);
    }

    /** The same model, energy and grid with another self-energy (e.g. a failure mode). */
    public Ladder withSelfEnergy(SelfEnergyModel s) { return new Ladder(model, energy, grid, resolvent, bubble, s, scba, options, base); }

    /** Born from bare G with broadening η on the same grid (failure mode (b) of seed 000 Eqs. 20, 82–105 and the worked CoPt table of docs/equations.md). */
    public Ladder born(double eta) { return withSelfEnergy(SelfEnergies.born(resolvent, eta)); }

    /** Σ = i·Im Σ_1·1 from the SCBA solution (failure mode (c)). */
    public Ladder scalarBroadening() { return withSelfEnergy(SelfEnergies.scalarBroadening(scba.sigma())); }

    public Model model() { return model; }
    public double energy() { return energy; }
    public KGrid grid() { return grid; }
    public Resolvent resolvent() { return resolvent; }
    public Bubble bubble() { return bubble; }
    public SelfEnergyModel selfEnergy() { return selfEnergy; }
    /** The SCBA solution at E this ladder was built from. */
    public ScbaResult scbaResult() { return scba; }

    public CMatrix sigma(Energy e) { return selfEnergy.sigma(e); }

    /**
     * dΣ/dz at e. For the ladder's own SCBA (no counterterm) by the linearised self-consistency: Σ = Γ[∫G] with
     * dG/dz = −G(1 − Σ′)G gives (1 − ΓΦ̄_RR)Σ′ = −ΓΦ̄_RR[1], Φ̄_RR[X] = ∫G X G at q = 0 on the same grid (seed 000 Eq. 2):
     * the exact derivative of the discrete SCBA, one bubble and one n²×n² solve instead of two SCBA solves at E ± h.
     * Otherwise {@link SelfEnergyModel#derivative} (a constant Σ: 0; other models: the library's difference rule).
     */
    public CMatrix sigmaDerivative(Energy e) {
        if (e.branch() == Energy.Branch.ADVANCED) return sigmaDerivative(Energy.retarded(e.re())).dagger();   // Σ^A(E) = Σ^R(E)†
        if (selfEnergy != base || options == null || options.counterterm() != ScbaOptions.Counterterm.NONE) return selfEnergy.derivative(e);
        CMatrix s = selfEnergy.sigma(e);
        Superoperator gphi = model.disorder().superoperator().compose(bubble.compute(new double[model.spaceDim()], e, s, e, s));
        return gphi.oneMinus().inverse().apply(gphi.apply(CMatrix.identity(model.dim()))).scale(-1);
    }

    /** Φ̄, I at (q, z1, z2). */
    public LadderResult at(double[] q, Energy e1, Energy e2) {
        CMatrix s1 = selfEnergy.sigma(e1), s2 = selfEnergy.sigma(e2);
        return at(q, e1, s1, e2, s2);
    }

    /**
     * Φ̄, I at (q, z1, z2) with Σ(z1), Σ(z2) given (from {@link #sigma}): the self-energy model is not called, so this
     * may run on another thread while the caller goes on (the bubble itself is safe for concurrent use).
     */
    LadderResult at(double[] q, Energy e1, CMatrix s1, Energy e2, CMatrix s2) {
        Superoperator phi = bubble.compute(q, e1, s1, e2, s2);
        return new LadderResult(q.clone(), e1, e2, s1, s2, selfEnergy.name(), phi, model.rung().collision(phi));
    }

    /** RA ladder: z1 = E + ω + i0, z2 = E − i0 (seed 000 eq 7). */
    public LadderResult retardedAdvanced(double[] q, double omega) {
        return at(q, Energy.retarded(energy + omega), Energy.advanced(energy));
    }

    /** RA ladder at a complex frequency ω (analytic continuation of the retarded line; for pole finding). */
    public LadderResult retardedAdvanced(double[] q, Complex omega) {
        return at(q, Energy.retarded(energy).shift(omega), Energy.advanced(energy));
    }

    /**
     * True when ladders at rotated wave vectors follow from one another: a 2D model with rotation covariance
     * H(R k) = U H(k) U† (AXIAL or FULL) on a polar grid, so that Φ̄_{Rq}[X] = U Φ̄_q[U† X U] U† ({@link #rotate}).
     */
    public boolean rotationCovariant() {
        return model.spaceDim() == 2 && model.hamiltonian().isotropy().reducible() && !grid.isPointGrid();
    }

    /**
     * The ladder at the rotated wave vector R_φ q from the one at q (requires {@link #rotationCovariant()}):
     * Φ̄_{Rq}[X] = U Φ̄_q[U† X U] U† with U = diag(e^{−i j_a φ}), i.e. entry (ab),(cd) times e^{−i[(j_a − j_b) − (j_c − j_d)]φ}
     * (vec index a + n b), and the collision operator rebuilt from the rotated bubble. Exact for the angular
     * integral; the adaptive angular rule makes direct and rotated bubbles agree to its tolerance.
     */
    public LadderResult rotate(LadderResult r, double phi) {
        if (!rotationCovariant())
            throw new DiffusonException("model", "has no rotation covariance on this grid", "compute the ladder at the rotated q directly");
        int n = model.dim(), n2 = n * n;
        double[] j = model.hamiltonian().isotropy().kind() == org.diffuson.model.Isotropy.Kind.FULL ? new double[n] : model.hamiltonian().isotropy().j();
        double[] raw = r.bubble().matrix().toArray(), out = new double[raw.length];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                for (int c = 0; c < n; c++)
                    for (int d = 0; d < n; d++) {
                        int idx = 2 * ((a + n * b) * n2 + c + n * d);
                        double ang = -((j[a] - j[b]) - (j[c] - j[d])) * phi, cs = Math.cos(ang), sn = Math.sin(ang);
                        out[idx] = cs * raw[idx] - sn * raw[idx + 1];
                        out[idx + 1] = sn * raw[idx] + cs * raw[idx + 1];
                    }
        Superoperator phiRot = Superoperator.fromRaw(n, out);
        double[] q = r.q().clone();
        double c = Math.cos(phi), s = Math.sin(phi);
        q[0] = c * r.q()[0] - s * r.q()[1];
        q[1] = s * r.q()[0] + c * r.q()[1];
        return new LadderResult(q, r.e1(), r.e2(), r.sigma1(), r.sigma2(), r.selfEnergy(), phiRot, model.rung().collision(phiRot));
    }

    /** q = 0, ω = 0 RA ladder. */
    public LadderResult atFermiLevel() { return retardedAdvanced(new double[model.spaceDim()], 0.0); }

    /** ΔG = ∫dk [G(z1) − G(z2)] on the shared grid. */
    public CMatrix deltaG(Energy e1, Energy e2) {
        return resolvent.sum(e1, selfEnergy.sigma(e1)).minus(resolvent.sum(e2, selfEnergy.sigma(e2)));
    }

    /** The DOS matrix n = ΔG₀/(−2πi) with ΔG₀ = ∫(G^R − G^A) at E (seed 000 Eqs. 14–16, 154–156). */
    public CMatrix densityOfStates() {
        return deltaG(Energy.retarded(energy), Energy.advanced(energy)).scale(0, 1 / (2 * Math.PI));
    }

    /** Ward–Takahashi residuals at q = 0 between z1 and z2 (seed 000 Eqs. 14–16, 154–156, oracle 1). */
    public WardCheck ward(Energy e1, Energy e2) {
        int n = model.dim();
        LadderResult l = at(new double[model.spaceDim()], e1, e2);
        CMatrix dSigma = l.sigma1().minus(l.sigma2());
        Complex dz = e1.z().subtract(e2.z());
        CMatrix one = CMatrix.identity(n);
        Superoperator coll = l.collision();
        CMatrix i1 = coll.apply(one);
        CMatrix r1 = l.oneMinusCollision().apply(dSigma).plus(i1.scale(dz));
        CMatrix dG = deltaG(e1, e2);
        Superoperator k = l.kinetic();
        CMatrix r2 = k.apply(dG).plus(one.scale(dz));
        OperatorBasis b = OperatorBasis.standard(n);
        double r3 = 0;
        for (int j = 0; j < b.size(); j++) {
            CMatrix rho = b.element(j);
            Complex v = dG.times(k.apply(rho)).trace().add(dz.multiply(rho.trace()));
            r3 = Math.max(r3, v.norm());
        }
        // sizes of the terms that cancel: K = Φ̄⁻¹ − Γ is small near the pole, so scale with ‖Φ̄⁻¹‖
        double kn = l.bubble().inverse().normMax() * n, s1 = Math.max(n * dSigma.normMax(), dz.norm() * i1.normMax());
        double s2 = Math.max(kn * dG.normMax(), dz.norm()), s3 = Math.max(kn * dG.normMax() * n, dz.norm() * n);
        return new WardCheck(e1, e2, selfEnergy.name(), r1.normMax(), r2.normMax(), r3, nonzero(s1), nonzero(s2), nonzero(s3));
    }

    private static double nonzero(double s) { return s > 0 ? s : 1; }

    /** Ward check for the RA pair at frequency ω. */
    public WardCheck wardRetardedAdvanced(double omega) { return ward(Energy.retarded(energy + omega), Energy.advanced(energy)); }

    /**
     * Ladder-dressed correlations L_ab of density and current insertions at (q, z1, z2) ({@link LadderCorrelations}):
     * one k-sum for Φ̄ and the vertex sums ({@link Bubble#withVertices}), then Λ_b = (1 − ΓΦ̄)⁻¹Γ[right_b] with the rung's
     * Γ (the rung must be the conserving I = ΓΦ̄, whose Γ also builds Σ) and L_ab = Π_ab + Tr[left_a Λ_b]
     * (seed 004 eqs A1–A6). Σ(z1), Σ(z2) are the self-energy's values at each energy (for SCBA: solved at each).
     */
    public LadderCorrelations correlations(double[] q, Energy e1, Energy e2, java.util.List<VertexInsertion> vertices) {
        CMatrix s1 = selfEnergy.sigma(e1), s2 = selfEnergy.sigma(e2);
        VertexBubble vb = bubble.withVertices(q, e1, s1, e2, s2, vertices);
        Superoperator gamma = null;
        for (org.diffuson.model.Rung.Part part : model.rung().parts()) {
            if (!part.pre().approxEquals(Superoperator.identity(model.dim()), 0))
                throw new DiffusonException("rung", model.rung() + " is not of the form I = ΓΦ̄", "vertex corrections of current insertions need the conserving rung Rung.of(disorder)");
            gamma = gamma == null ? part.post() : gamma.plus(part.post());
        }
        Superoperator solve = model.rung().collision(vb.phi()).oneMinus().inverse();
        int m = vertices.size();
        CMatrix[] lam = new CMatrix[m];
        Complex[][] l = new Complex[m][m];
        for (int b = 0; b < m; b++) lam[b] = solve.apply(gamma.apply(vb.right()[b]));
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++) l[a][b] = vb.pi()[a][b].add(vb.left()[a].times(lam[b]).trace());
        return new LadderCorrelations(q.clone(), e1, e2, java.util.List.copyOf(vertices), vb.pi(), l, lam, vb);
    }

    /** Relaxation/precession and diffusion tensors by small-q, small-ω expansion of K (seed 000 Eqs. 8–10, Sec. I.F). */
    public DiffusionOperator diffusion() { return DiffusionOperator.extract(this, DiffusionOperator.Options.defaults(this)); }

    public DiffusionOperator diffusion(DiffusionOperator.Options options) { return DiffusionOperator.extract(this, options); }

    /** Mean free path ℓ = v τ estimate from the SCBA τ and the Fermi velocity of the outermost crossing. */
    public double meanFreePath() {
        double l = meanFreePath;
        if (Double.isNaN(l)) meanFreePath = l = computeMeanFreePath();   // one band scan per ladder (racy but idempotent)
        return l;
    }

    private volatile double meanFreePath = Double.NaN;

    private double computeMeanFreePath() {
        double tau = scba.tau();
        if (!(tau > 0) || Double.isInfinite(tau))
            throw new DiffusonException("energy", "no broadening at E=" + energy + " (E in a gap?)", "choose E inside a band");
        double v = 0;
        for (var c : org.diffuson.integrate.FermiMomenta.find(model.hamiltonian(), Scba.hermitianPart(scba.sigma()), energy, model.cutoff()))
            v = Math.max(v, c.velocity());
        if (v == 0) throw new DiffusonException("energy", "no Fermi surface at E=" + energy, "choose E inside a band");
        return v * tau;
    }

    @Override
    public String toString() {
        return "Ladder of " + model.name() + " at E=" + energy + " with " + selfEnergy.name() + " on " + grid;
    }
}
