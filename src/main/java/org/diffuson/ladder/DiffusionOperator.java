package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.DataTable;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.linalg.OperatorBasis;
import org.diffuson.linalg.Superoperator;
import org.hipparchus.complex.Complex;

import java.util.Locale;

/**
 * Spin-charge diffusion equation from the small-q, small-ω expansion of the kinetic operator
 * K(q, ω) ≈ K₀ + ωK_ω + q_aK_a + q_aq_bK_ab (seed 000 Sec. I.F and seed 000 Eqs. 8–10, Sec. I.F, convention e^{i(q·r − ωt)}):
 * ∂_tρ = −Rρ + (K_ω⁻¹K_a)∂_aρ + D_ab∂_a∂_bρ, with R = −iK_ω⁻¹K₀ (relaxation and precession) and D_ab = −iK_ω⁻¹K_ab.
 * Next to it, BNM's reading τ∂_tρ = −(1 − I(q, 0))ρ with τ = −1/(2 Im Σ₁) (seed 000 eqs 3, 10).
 * By default K₀, K_ω, K_a, K_ab come from the bubble's exact expansion at q = 0 ({@link BubbleExpansion}, one k-sum;
 * {@link Method#ANALYTIC}); {@link Method#FINITE_DIFFERENCE} keeps the independent check below.
 * There, derivatives are central differences with steps h_q (qℓ ≪ 1 is enforced) and h_ω. For a rotation-covariant 2D
 * model only the ladders at q = h x̂ and √2 h x̂ are computed; ±h x̂, ±h ŷ and (±h, ±h) follow by {@link Ladder#rotate}.
 * The mixed terms q_a q_b (a ≠ b, the ladders along the diagonal) are computed when first asked for, so a diagonal
 * diffusion constant ({@link #zeroModeDiffusion} with a = b) costs one finite-q ladder. With the analytic expansion the
 * terms of each axis (K_a, K_aa, drift, D_aa) are computed when first asked for too, so {@link #effectiveDiffusion}(0)
 * computes nothing along y.
 */
public final class DiffusionOperator {
    private final Options options;
    private final double tau, meanFreePath;
    private final Superoperator k0, kOmega, relaxation, bnmRelaxation;
    private final Superoperator[] kLinear, drift;
    private final Superoperator[][] kQuadratic, diffusion, bnmDiffusion;
    /** Computes the off-diagonal q_a q_b terms (a ≠ b) on first request; null once done. */
    private Runnable offDiagonal;
    /** Computes the terms of one axis a (K_a, K_aa, drift_a, D_aa) on first request (analytic expansion); null: all present. */
    private final java.util.function.IntConsumer axis;
    private final boolean[] axisDone;

    private DiffusionOperator(Options options, double tau, double meanFreePath, Superoperator k0, Superoperator kOmega,
                              Superoperator[] kLinear, Superoperator[][] kQuadratic, Superoperator relaxation, Superoperator[] drift,
                              Superoperator[][] diffusion, Superoperator bnmRelaxation, Superoperator[][] bnmDiffusion, Runnable offDiagonal,
                              java.util.function.IntConsumer axis) {
        this.options = options;
        this.tau = tau;
        this.meanFreePath = meanFreePath;
        this.k0 = k0;
        this.kOmega = kOmega;
        this.kLinear = kLinear;
        this.kQuadratic = kQuadratic;
        this.relaxation = relaxation;
        this.drift = drift;
        this.diffusion = diffusion;
        this.bnmRelaxation = bnmRelaxation;
        this.bnmDiffusion = bnmDiffusion;
        this.offDiagonal = offDiagonal;
        this.axis = axis;
        this.axisDone = new boolean[kLinear.length];
    }

    public Options options() { return options; }
    /** τ = −1/(2 Im Σ₁). */
    public double tau() { return tau; }
    public double meanFreePath() { return meanFreePath; }
    /** K at q = 0, ω = 0. */
    public Superoperator k0() { return k0; }
    /** ∂K/∂ω. */
    public Superoperator kOmega() { return kOmega; }
    /** ∂K/∂q_a. */
    public Superoperator[] kLinear() { axes(); return kLinear.clone(); }
    /** ½∂²K/∂q_a∂q_b (the off-diagonal entries are computed on this first request). */
    public Superoperator[][] kQuadratic() { complete(); return copy(kQuadratic); }
    /** R = −iK_ω⁻¹K₀. */
    public Superoperator relaxation() { return relaxation; }
    /** K_ω⁻¹K_a. */
    public Superoperator[] drift() { axes(); return drift.clone(); }
    /** D_ab = −iK_ω⁻¹K_ab (the off-diagonal entries are computed on this first request). */
    public Superoperator[][] diffusion() { complete(); return copy(diffusion); }
    /** BNM's (1 − I₀)/τ. */
    public Superoperator bnmRelaxation() { return bnmRelaxation; }
    /** BNM's −(∂²I/∂q_a∂q_b)/(2τ) (the off-diagonal entries are computed on this first request). */
    public Superoperator[][] bnmDiffusion() { complete(); return copy(bnmDiffusion); }

    /** A copy of a table of (immutable) superoperators: accessors hand out copies, the operator keeps its own. */
    static Superoperator[][] copy(Superoperator[][] t) {
        if (t == null) return null;
        Superoperator[][] c = new Superoperator[t.length][];
        for (int i = 0; i < t.length; i++) c[i] = t[i] == null ? null : t[i].clone();
        return c;
    }

    /** The terms of axis a, computed on first request (the analytic expansion); a no-op once present. */
    private synchronized void axis(int a) {
        if (axis != null && !axisDone[a]) {
            axis.accept(a);
            axisDone[a] = true;
        }
    }

    private synchronized void axes() {
        for (int a = 0; a < axisDone.length; a++) axis(a);
    }

    /** D_ab for one pair: a diagonal entry needs no off-diagonal ladders (nothing computed and thrown away). */
    private Superoperator diffusion(int a, int b) {
        axis(a);
        axis(b);
        if (a != b) complete();
        return diffusion[a][b];
    }

    private synchronized void complete() {
        axes();
        if (offDiagonal != null) {
            offDiagonal.run();
            offDiagonal = null;
        }
    }

    /**
     * How K is expanded: {@link Method#ANALYTIC} (the default) from the bubble's exact expansion in one k-sum at q = 0
     * ({@link BubbleExpansion}, Σ′ from {@link Ladder#sigmaDerivative}); {@link Method#FINITE_DIFFERENCE} by central
     * differences of ladders at q = ±h_q and of SCBA solutions at E ± h_ω (truncation O((h_qℓ)²) and O((h_ωτ)²), rounding
     * amplified by 1/(h_qℓ)²), kept as the independent check. h_q is checked against the diffusive regime either way.
     */
    public enum Method { ANALYTIC, FINITE_DIFFERENCE }

    /** Finite-difference steps: h_q in inverse length, h_ω in energy (used by {@link Method#FINITE_DIFFERENCE}). */
    public record Options(double hq, double hOmega, double maxQl, Method method) {
        public Options {
            DiffusonException.requirePositive("hq", hq);
            DiffusonException.requirePositive("hOmega", hOmega);
            DiffusonException.requirePositive("maxQl", maxQl);
            if (method == null) throw new DiffusonException("method", "is null", "use Method.ANALYTIC or Method.FINITE_DIFFERENCE");
        }

        /** The analytic expansion with the given (checked) steps. */
        public Options(double hq, double hOmega, double maxQl) { this(hq, hOmega, maxQl, Method.ANALYTIC); }

        /** h_q = 0.01/ℓ, h_ω = 1e-3/τ (seed 000 Eqs. 8–10, Sec. I.F); qℓ ≤ 0.1 allowed; analytic expansion. */
        public static Options defaults(Ladder l) {
            double ell = l.meanFreePath(), tau = l.scbaResult().tau();
            return new Options(0.01 / ell, 1e-3 / tau, 0.1);
        }

        public Options withHq(double h) { return new Options(h, hOmega, maxQl, method); }
        public Options withHOmega(double h) { return new Options(hq, h, maxQl, method); }
        public Options withMethod(Method m) { return new Options(hq, hOmega, maxQl, m); }
    }

    static DiffusionOperator extract(Ladder ladder, Options o) {
        int d = ladder.model().spaceDim();
        double ell = ladder.meanFreePath();
        double ql = o.hq() * ell * Math.sqrt(2);
        if (ql > o.maxQl())
            throw new DiffusonException("hq", String.format(Locale.ROOT, "q·ℓ = %.3g is beyond the diffusive regime (qℓ ≪ 1 required, limit %.3g; ℓ = %.4g)", ql, o.maxQl(), ell),
                    String.format(Locale.ROOT, "use hq ≤ %.3g (e.g. 0.01/ℓ = %.3g)", o.maxQl() / ell / Math.sqrt(2), 0.01 / ell));
        double sigmaIm = ladder.sigma(org.diffuson.green.Energy.retarded(ladder.energy())).trace().getImaginary() / ladder.model().dim();
        double tau = -1 / (2 * sigmaIm);
        if (o.method() == Method.ANALYTIC) return analytic(ladder, o, tau, ell);
        double h = o.hq(), hw = o.hOmega();
        double[] zero = new double[d];
        LadderResult l0 = ladder.retardedAdvanced(zero, 0.0);
        Superoperator k0 = l0.kinetic();
        Superoperator kw = ladder.retardedAdvanced(zero, hw).kinetic().minus(ladder.retardedAdvanced(zero, -hw).kinetic()).scale(1 / (2 * hw));
        Superoperator[] kl = new Superoperator[d], il = new Superoperator[d];
        Superoperator[][] kq = new Superoperator[d][d], iq = new Superoperator[d][d];
        Superoperator[] kp = new Superoperator[d], km = new Superoperator[d], ip = new Superoperator[d], im = new Superoperator[d];
        // a rotation-covariant 2D model needs two finite-q ladders, at h x̂ and √2 h x̂; the others are rotations of them
        boolean rot = ladder.rotationCovariant();
        LadderResult alongX = rot ? ladder.retardedAdvanced(new double[]{h, 0}, 0.0) : null;
        for (int a = 0; a < d; a++) {
            double[] q = new double[d];
            q[a] = h;
            LadderResult p = rot ? (a == 0 ? alongX : ladder.rotate(alongX, Math.PI / 2)) : ladder.retardedAdvanced(q, 0.0);
            q[a] = -h;
            LadderResult m = rot ? ladder.rotate(alongX, a == 0 ? Math.PI : -Math.PI / 2) : ladder.retardedAdvanced(q, 0.0);
            kp[a] = p.kinetic(); km[a] = m.kinetic(); ip[a] = p.collision(); im[a] = m.collision();
            kl[a] = kp[a].minus(km[a]).scale(1 / (2 * h));
            il[a] = ip[a].minus(im[a]).scale(1 / (2 * h));
            kq[a][a] = kp[a].plus(km[a]).minus(k0.scale(2)).scale(1 / (2 * h * h));
            iq[a][a] = ip[a].plus(im[a]).minus(l0.collision().scale(2)).scale(1 / (2 * h * h));
        }
        Superoperator kwInv = kw.inverse();
        Superoperator minusIKwInv = kwInv.scale(new Complex(0, -1));
        Superoperator r = minusIKwInv.compose(k0);
        Superoperator[] drift = new Superoperator[d];
        Superoperator[][] dif = new Superoperator[d][d], bnmD = new Superoperator[d][d];
        for (int a = 0; a < d; a++) {
            drift[a] = kwInv.compose(kl[a]);
            dif[a][a] = minusIKwInv.compose(kq[a][a]);
            bnmD[a][a] = iq[a][a].scale(-1 / tau);
        }
        // the mixed terms q_a q_b (a ≠ b) need the ladder at (±h, ±h) — the diagonal direction: computed on first request
        Runnable offDiagonal = () -> {
            LadderResult diagonal = rot ? ladder.retardedAdvanced(new double[]{Math.sqrt(2) * h, 0}, 0.0) : null;
            for (int a = 0; a < d; a++)
                for (int b = a + 1; b < d; b++) {
                    Superoperator ks = Superoperator.zero(ladder.model().dim()), is = ks;
                    for (int s1 = -1; s1 <= 1; s1 += 2)
                        for (int s2 = -1; s2 <= 1; s2 += 2) {
                            double[] q = new double[d];
                            q[a] = s1 * h;
                            q[b] = s2 * h;
                            LadderResult rr = rot ? ladder.rotate(diagonal, Math.atan2(s2, s1)) : ladder.retardedAdvanced(q, 0.0);
                            ks = ks.plus(rr.kinetic().scale(s1 * s2));
                            is = is.plus(rr.collision().scale(s1 * s2));
                        }
                    kq[a][b] = kq[b][a] = ks.scale(1 / (8 * h * h));
                    iq[a][b] = iq[b][a] = is.scale(1 / (8 * h * h));
                    dif[a][b] = minusIKwInv.compose(kq[a][b]);
                    dif[b][a] = minusIKwInv.compose(kq[b][a]);
                    bnmD[a][b] = iq[a][b].scale(-1 / tau);
                    bnmD[b][a] = iq[b][a].scale(-1 / tau);
                }
        };
        Superoperator bnmR = l0.oneMinusCollision().scale(1 / tau);
        return new DiffusionOperator(o, tau, ell, k0, kw, kl, kq, r, drift, dif, bnmR, bnmD, d > 1 ? offDiagonal : null, null);
    }

    /**
     * K₀, K_ω, K_a, K_ab from the bubble's exact expansion at q = 0 ({@link BubbleExpansion#kinetic}), with
     * Σ₁′ = dΣ/dz at E + i0 ({@link Ladder#sigmaDerivative}); BNM's ½∂²I/∂q_a∂q_b = I[Φ̄_ab]. One k-sum for all a, b.
     */
    private static DiffusionOperator analytic(Ladder ladder, Options o, double tau, double ell) {
        int d = ladder.model().spaceDim();
        org.diffuson.green.Energy e1 = org.diffuson.green.Energy.retarded(ladder.energy()), e2 = org.diffuson.green.Energy.advanced(ladder.energy());
        CMatrix s1 = ladder.sigma(e1), s2 = ladder.sigma(e2);
        BubbleExpansion x = ladder.bubble().expansion(e1, s1, ladder.sigmaDerivative(e1), e2, s2);
        org.diffuson.model.Rung rung = ladder.model().rung();
        BubbleExpansion.KineticTerms k = x.new KineticTerms(rung);
        Superoperator k0 = k.ia, kw = k.kw;
        Superoperator kwInv = kw.inverse();
        Superoperator minusIKwInv = kwInv.scale(new Complex(0, -1));
        Superoperator r = minusIKwInv.compose(k0);
        Superoperator[] drift = new Superoperator[d], kl = new Superoperator[d];
        Superoperator[][] kq = new Superoperator[d][d], dif = new Superoperator[d][d], bnmD = new Superoperator[d][d];
        // each axis's K_a, K_aa, drift and D_aa on first request: a diffusion constant along x needs nothing of y
        java.util.function.IntConsumer axis = a -> {
            kl[a] = k.linear(a);
            drift[a] = kwInv.compose(kl[a]);
            kq[a][a] = k.quadratic(a, a);
            dif[a][a] = minusIKwInv.compose(kq[a][a]);
        };
        // the q_a q_b pairs a ≠ b and BNM's ½∂²I/∂q_a∂q_b (not needed by a diffusion constant along an axis): on first
        // request, after every axis
        Runnable rest = () -> {
            Superoperator[][] phiQ = x.quadratic();
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) {
                    if (b > a) {
                        kq[a][b] = kq[b][a] = k.quadratic(a, b);
                        dif[a][b] = minusIKwInv.compose(kq[a][b]);
                        dif[b][a] = minusIKwInv.compose(kq[b][a]);
                    }
                    bnmD[a][b] = rung.collision(phiQ[a][b]).scale(-1 / tau);
                }
        };
        Superoperator bnmR = k.oneMinusI0.scale(1 / tau);
        return new DiffusionOperator(o, tau, ell, k0, kw, kl, kq, r, drift, dif, bnmR, bnmD, rest, axis);
    }

    /** Eigenvalues of R: decay rates (real part) ± precession frequencies (imaginary part), sorted by real part. */
    public Complex[] relaxationRates() { return relaxation.eigenvalues(); }

    /** Eigenvalues of BNM's (1 − I₀)/τ. */
    public Complex[] bnmRelaxationRates() { return bnmRelaxation.eigenvalues(); }

    /**
     * Projection of D_ab on the conserved (zero) mode of R: D = w†D_ab v / w†v with v, w the right and left
     * eigenvectors of R's eigenvalue closest to 0. This is the physical diffusion constant only when no other mode
     * couples to the conserved one at linear order in q (a scalar band). When one does — CoPt, where charge couples to
     * in-plane spin at O(q) (seed 000 Eqs. 412–415) — it can be far off (−0.705 against 11.2 for CoPt at E = 0.3):
     * use {@link #effectiveDiffusion(int)}, which adds that coupling in second order.
     */
    public Complex zeroModeDiffusion(int a, int b) {
        return zeroModeDiffusion(relaxation, diffusion(a, b));
    }

    /** {@link #zeroModeDiffusion(int, int)} from R and D_ab: w†D v / w†v (shared with {@link GradientExpansion}). */
    static Complex zeroModeDiffusion(Superoperator r, Superoperator d) {
        Eigen.General e = Eigen.general(r.matrix());
        int k = e.indexOfSmallest();
        CMatrix v = e.rightVector(k), w = e.leftVector(k);
        Complex num = w.dagger().times(d.matrix()).times(v).get(0, 0);
        Complex den = w.dagger().times(v).get(0, 0);
        return num.divide(den);
    }

    /**
     * Diffusion constant of the conserved mode along axis a, including its coupling to the other modes at linear
     * order in q: the q² coefficient of the slow eigenvalue of L(q) = R + q_aP_a + q_a²D_aa (P_a = −iK_ω⁻¹K_a; the
     * pole ω = −iL(q) of K), by second-order perturbation theory,
     * D_eff = w†D_aa v − Σ_{m≠0} (w†P_a v_m)(w_m†P_a v)/λ_m, with R v_m = λ_m v_m and bi-orthonormal left vectors w_m.
     * It equals {@link #zeroModeDiffusion} when no other mode couples to the conserved one at linear order in q (a
     * scalar band); for CoPt, where charge couples to in-plane spin at O(q) (seed 000 Eqs. 412–415), it does not.
     */
    public Complex effectiveDiffusion(int a) {
        axis(a);
        return effectiveDiffusion(relaxation, drift[a].scale(new Complex(0, -1)), diffusion[a][a]);
    }

    /** {@link #effectiveDiffusion(int)} from R, P_a = −iK_ω⁻¹K_a and D_aa (shared with {@link GradientExpansion}). */
    static Complex effectiveDiffusion(Superoperator r, Superoperator p, Superoperator d) {
        Eigen.General e = Eigen.general(r.matrix());
        int k = e.indexOfSmallest();
        CMatrix v = e.rightVector(k), w = e.leftVector(k), pv = p.matrix().times(v), wp = w.dagger().times(p.matrix());
        Complex out = w.dagger().times(d.matrix()).times(v).get(0, 0);
        for (int m = 0; m < e.values().length; m++) {
            if (m == k) continue;
            Complex num = wp.times(e.rightVector(m)).get(0, 0).multiply(e.leftVector(m).dagger().times(pv).get(0, 0));
            out = out.subtract(num.divide(e.values()[m]));
        }
        return out;
    }

    /**
     * The diffusion pole of the expanded kinetic operator: the ω with det[K₀ + ωK_ω + q_aK_a + q_aq_bK_ab] = 0 closest to
     * 0, i.e. −i × the slow eigenvalue of L(q) = −iK_ω⁻¹(K₀ + q_aK_a + q_aq_bK_ab). Equals −iD_eff q² + O(q⁴) for the
     * conserved mode; the start of {@link PoleFinder#find(Ladder, double[])}, which keeps the full ω- and q-dependence.
     */
    public Complex expandedPole(double[] q) {
        int d = kLinear.length;
        if (q.length != d) throw new DiffusonException("q", "has " + q.length + " components for a " + d + "D model", "pass one component per axis");
        complete();
        Superoperator m = k0;
        for (int a = 0; a < d; a++) {
            m = m.plus(kLinear[a].scale(q[a]));
            for (int b = 0; b < d; b++) m = m.plus(kQuadratic[a][b].scale(q[a] * q[b]));
        }
        Complex best = null;
        for (Complex z : kOmega.inverse().compose(m).scale(-1).eigenvalues()) if (best == null || z.norm() < best.norm()) best = z;
        return best;
    }

    /** Eigenvalue of R closest to zero (exactly 0 for a conserving Σ: charge conservation). */
    public Complex zeroModeRate() {
        Complex[] ev = relaxationRates();
        Complex best = ev[0];
        for (Complex c : ev) if (c.norm() < best.norm()) best = c;
        return best;
    }

    /** R and BNM rates side by side. */
    public DataTable ratesTable() {
        Complex[] r = relaxationRates(), b = bnmRelaxationRates();
        return DataTable.of("relaxation rates (τ=" + String.format(Locale.ROOT, "%.5g", tau) + ")",
                DataTable.Column.doubles("Re eig R", java.util.Arrays.stream(r).mapToDouble(Complex::getReal).toArray()),
                DataTable.Column.doubles("Im eig R", java.util.Arrays.stream(r).mapToDouble(Complex::getImaginary).toArray()),
                DataTable.Column.doubles("Re eig (1−I)/τ BNM", java.util.Arrays.stream(b).mapToDouble(Complex::getReal).toArray()),
                DataTable.Column.doubles("Im eig (1−I)/τ BNM", java.util.Arrays.stream(b).mapToDouble(Complex::getImaginary).toArray()));
    }

    /** R in the standard basis as a table. */
    public DataTable relaxationTable() { return LadderResult.basisTable("R = −iK_ω⁻¹K₀", relaxation); }

    /** D_ab in the standard basis as a table. */
    public DataTable diffusionTable(int a, int b) { return LadderResult.basisTable("D_" + "xyz".charAt(a) + "xyz".charAt(b) + " = −iK_ω⁻¹K_ab", diffusion(a, b)); }

    @Override
    public String toString() {
        String how = options.method() == Method.ANALYTIC ? "exact q, ω expansion of the bubble"
                : String.format(Locale.ROOT, "finite differences h_q=%.3g, h_ω=%.3g", options.hq(), options.hOmega());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "DiffusionOperator: τ=%.6g, ℓ=%.6g, %s%n", tau, meanFreePath, how));
        sb.append("  eig R: ");
        for (Complex c : relaxationRates()) sb.append(CMatrix.format(c.getReal(), c.getImaginary())).append("  ");
        sb.append("\n  eig (1−I₀)/τ (BNM): ");
        for (Complex c : bnmRelaxationRates()) sb.append(CMatrix.format(c.getReal(), c.getImaginary())).append("  ");
        Complex dz = zeroModeDiffusion(0, 0);
        sb.append("\n  zero-mode D_xx = ").append(CMatrix.format(dz.getReal(), dz.getImaginary())).append('\n');
        sb.append("  R in ").append(OperatorBasis.standard(k0.dim()).names()).append(":\n").append(relaxation.inStandardBasis().toString().indent(4));
        return sb.toString();
    }
}
