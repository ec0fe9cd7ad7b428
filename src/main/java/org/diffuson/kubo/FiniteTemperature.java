package org.diffuson.kubo;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
import org.diffuson.green.ScbaOptions;
import org.diffuson.integrate.GridOptions;
import org.diffuson.integrate.KSum;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Model;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

/**
 * Kubo–Středa response at temperature T and chemical potential μ (ħ = k_B = 1; seed 000 Eqs. 206–213, with the
 * T = 0 terms of {@link Kubo}):
 * <pre>
 *   χ_AB(T, μ) = ∫dε (−∂f/∂ε) χ^I(ε) + χ^{II}(T, μ),     χ^{II}(T, μ) = Re ∫dε f(ε) X^R(ε),
 * </pre>
 * with χ^I(ε) the ladder-dressed RA − RR Fermi-surface term of a {@link Ladder} built at ε by a recipe ε → Ladder
 * (SCBA or a fixed Σ^R), and X^R = Σ_k Tr[A G B G′ − A G′ B G] the Fermi-sea integrand of {@link Kubo#sea}.
 * <p>
 * <b>Středa I.</b> With x = (ε − μ)/2T the weight is (−∂f/∂ε)dε = ½ sech²x dx; the integral over x ∈ [−18, 18] (the
 * neglected weight is 2e^{−36} ≈ 5e−16, i.e. the Fermi window μ ± 36T) uses Gauss–Legendre panels with breakpoints
 * 0, 1, 2.5, 5, 10, 18 mirrored (6 nodes each by default: the moments ∫x^{0,2,4}½sech²x are exact to 1e−8). Each node
 * builds its own Ladder, so the energies are evaluated in parallel.
 * <p>
 * <b>Středa II (Matsubara form).</b> f(z) = 1/(e^{(z−μ)/T} + 1) has simple poles at z_n = μ + iω_n, ω_n = (2n+1)πT,
 * with residue −T. X^R(z) is analytic in the upper half plane (G^R and Σ^R are) and decays as z^{−3} (G ~ 1/z for the
 * bounded H of a cutoff or lattice model, G′ ~ 1/z²), while f is bounded on arcs |z − μ| = 2πTm passing between the
 * poles. Closing the real axis by such an arc in the upper half plane (counter-clockwise) and letting m → ∞:
 * <pre>
 *   ∫_ℝ dε f(ε) X^R(ε) = 2πi Σ_{n≥0} Res_{z_n}[f X^R] = −2πiT Σ_{n≥0} X^R(μ + iω_n),
 *   χ^{II}(T, μ) = Re[−2πiT Σ_{n≥0} X^R(μ + iω_n)] = 2πT Σ_{n≥0} Im X^R(μ + iω_n).
 * </pre>
 * As T → 0, 2πT Σ_n → ∫_0^∞ dy and this is {@link Kubo#sea}'s Re[−i∫_0^∞ X^R(μ + iy) dy]. The first N terms
 * (default 64) are summed explicitly; the rest is a midpoint sum of step h = 2πT from a = 2πTN, replaced by its
 * Euler–Maclaurin form Σ_{n≥N} h g(ω_n) = ∫_a^∞ g dy + (h²/24) g′(a) + O(h⁴g‴(a)), with the integral on geometric
 * Gauss–Legendre panels and a y = W/t tail as in {@link Kubo#sea}.
 * <p>
 * Σ must not depend on T (the self-energy recipe is the T = 0 one evaluated at each ε): this is the usual
 * non-interacting disorder average, for which χ(T, μ) = ∫dε (−∂f/∂ε) χ(0, ε) holds exactly.
 */
public final class FiniteTemperature {
    /** Half-width of the Fermi window in x = (ε − μ)/2T. */
    static final double X_MAX = 18;
    private static final double[] BREAKS = {0, 1, 2.5, 5, 10, X_MAX};

    private final DoubleFunction<Ladder> recipe;
    private final int nodesPerPanel;
    private final int matsubara;
    private final SeaVertices seaVertices;

    private FiniteTemperature(DoubleFunction<Ladder> recipe, int nodesPerPanel, int matsubara, SeaVertices seaVertices) {
        this.recipe = recipe;
        this.nodesPerPanel = nodesPerPanel;
        this.matsubara = matsubara;
        this.seaVertices = seaVertices;
    }

    /** Any recipe ε → Ladder at ε (its Σ(z) must be analytic in the upper half plane, as SCBA and constant Σ are). */
    public static FiniteTemperature of(DoubleFunction<Ladder> recipe) {
        if (recipe == null) throw new DiffusonException("recipe", "is null", "pass ε → Ladder, e.g. ε -> Ladder.scba(model, ε)");
        return new FiniteTemperature(recipe, 6, 64, SeaVertices.BARE);
    }

    /** SCBA at each energy on its own adaptive grid ({@link Ladder#scba(Model, double, GridOptions, ScbaOptions)}). */
    public static FiniteTemperature scba(Model model, GridOptions grid, ScbaOptions options) {
        return of(e -> Ladder.scba(model, e, grid, options));
    }

    /** A fixed Σ^R at every energy, each ladder on its own adaptive grid. */
    public static FiniteTemperature fixed(Model model, CMatrix sigmaRetarded, String name, GridOptions grid) {
        return of(e -> Ladder.fixed(model, e, sigmaRetarded, name, grid));
    }

    /** A fixed Σ^R at every energy on one shared grid: χ^I(ε) is then a smooth function of ε (no re-meshing noise). */
    public static FiniteTemperature fixed(Model model, CMatrix sigmaRetarded, String name, KGrid grid) {
        return of(e -> Ladder.fixed(model, e, sigmaRetarded, name, grid));
    }

    /** Gauss–Legendre nodes per panel of the Fermi window (6 panels each side). */
    public FiniteTemperature withNodesPerPanel(int n) {
        if (n < 2 || n > 64) throw new DiffusonException("nodesPerPanel", "must be in [2, 64], got " + n, "6 gives ~1e-8 on smooth χ^I(ε)");
        return new FiniteTemperature(recipe, n, matsubara, seaVertices);
    }

    /** Number of Matsubara frequencies summed explicitly before the Euler–Maclaurin tail. */
    public FiniteTemperature withMatsubara(int n) {
        if (n < 1 || n > 100_000) throw new DiffusonException("matsubara", "must be in [1, 100000], got " + n, "64 is the default");
        return new FiniteTemperature(recipe, nodesPerPanel, n, seaVertices);
    }

    /**
     * The vertices of the Matsubara sea term: {@link SeaVertices#BARE} (default; exact for charge currents) or
     * {@link SeaVertices#LADDER} ((z, z)-ladder-dressed at every iω_n, for spin and torque vertices; {@link SeaLadder}).
     */
    public FiniteTemperature withSeaVertices(SeaVertices v) {
        if (v == null) throw new DiffusonException("seaVertices", "is null", "pass SeaVertices.BARE or SeaVertices.LADDER");
        return new FiniteTemperature(recipe, nodesPerPanel, matsubara, v);
    }

    /** σ_ab(T, μ) in e²/h (a: current, b: field). */
    public FiniteTemperatureResult conductivity(int a, int b, double temperature, double mu) {
        Ladder atMu = validate(temperature, mu);
        Hamiltonian h = atMu.model().hamiltonian();
        return response(atMu, Vertex.velocity(h, a), Vertex.velocity(h, b), temperature, mu);
    }

    /** χ_AB(T, μ): thermally averaged Středa I plus the Matsubara Středa II. */
    public FiniteTemperatureResult response(Vertex a, Vertex b, double temperature, double mu) {
        return response(validate(temperature, mu), a, b, temperature, mu);
    }

    private FiniteTemperatureResult response(Ladder atMu, Vertex a, Vertex b, double t, double mu) {
        double[][] q = window(nodesPerPanel);
        int m = q[0].length;
        KuboResult[] at = new KuboResult[m];
        // a parallel map (one Ladder and KuboResult per Fermi-window node, each kept in the result), not a sum, so not
        // KSum; the weighted sum below runs in node order, so χ^I is independent of the thread count (KSumTest)
        IntStream.range(0, m).parallel().forEach(Cancellation.checking("finite-temperature Kubo", j -> at[j] = new Kubo(recipe.apply(mu + 2 * t * q[0][j])).response(a, b)));
        double chiI = 0;
        double[] energies = new double[m];
        for (int j = 0; j < m; j++) {
            energies[j] = mu + 2 * t * q[0][j];
            chiI += q[1][j] * at[j].stredaI();
        }
        Kubo kubo = new Kubo(atMu);
        MatsubaraSum sea = matsubara(kubo, a, b, t, mu, matsubara, seaVertices == SeaVertices.LADDER);
        return new FiniteTemperatureResult(a.name(), b.name(), atMu.selfEnergy().name(), mu, t, energies, q[1], at,
                DiffusonException.requireFinite("stredaI", chiI), sea.value(), sea.explicitTerms(), sea.tail(), sea.eulerMaclaurin());
    }

    /** Checks T and μ and that the Fermi window μ ± 36T lies inside the spectrum bound; returns the ladder at μ. */
    private Ladder validate(double t, double mu) {
        if (!Double.isFinite(t) || t <= 0)
            throw new DiffusonException("temperature", "must be finite and > 0, got " + t, "use Kubo for T = 0");
        if (!Double.isFinite(mu)) throw new DiffusonException("mu", "must be finite, got " + mu, "pass a chemical potential inside the spectrum");
        Ladder l = recipe.apply(mu);
        double bound = spectralBound(l.model(), l.grid());
        double half = 2 * X_MAX * t;
        if (mu - half < -bound || mu + half > bound)
            throw new DiffusonException("temperature", String.format(java.util.Locale.ROOT,
                    "the Fermi window μ ± %.0fT = [%.4g, %.4g] extends beyond the spectrum bound ±%.4g of the model (cutoff/lattice band edge)",
                    2 * X_MAX, mu - half, mu + half, bound), "lower T or move μ away from the band edge");
        return l;
    }

    /** max_k max|eig H(k)| over the grid (and at the cutoff of a continuum model): the spectrum bound. */
    static double spectralBound(Model model, KGrid g) {
        int n = model.dim(), nn = 2 * n * n;
        double[] hk = new double[nn];
        double b = 0;
        for (int i = 0; i < g.size(); i++) {
            model.hamiltonian().eval(g.kx(i), g.ky(i), g.kz(i), hk, 0);
            b = Math.max(b, maxAbsEigenvalue(CMatrix.of(n, n, hk)));
        }
        // the grid's outer radius sits just inside the cutoff: include H at the cutoff itself for continuum models
        if (!g.isPointGrid()) b = Math.max(b, maxAbsEigenvalue(model.hamiltonian().at(model.cutoff(), 0, 0)));
        return b;
    }

    private static double maxAbsEigenvalue(CMatrix h) {
        double m = 0;
        for (double v : org.diffuson.linalg.Eigen.hermitian(h).values()) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** Nodes x_j and weights w_j of ∫dx ½sech²x g(x) over [−18, 18] (ε = μ + 2Tx). */
    static double[][] window(int nodesPerPanel) {
        GaussIntegratorFactory f = new GaussIntegratorFactory();
        List<double[]> half = new ArrayList<>();
        for (int p = 0; p + 1 < BREAKS.length; p++) {
            GaussIntegrator gi = f.legendre(nodesPerPanel, BREAKS[p], BREAKS[p + 1]);
            for (int i = 0; i < gi.getNumberOfPoints(); i++) {
                double x = gi.getPoint(i), c = Math.cosh(x);
                half.add(new double[]{x, gi.getWeight(i) * 0.5 / (c * c)});
            }
        }
        int m = half.size();
        double[][] q = new double[2][2 * m];
        for (int i = 0; i < m; i++) {
            q[0][m - 1 - i] = -half.get(i)[0];
            q[1][m - 1 - i] = half.get(i)[1];
            q[0][m + i] = half.get(i)[0];
            q[1][m + i] = half.get(i)[1];
        }
        return q;
    }

    /**
     * Středa II at temperature T: χ^{II} = 2πT Σ_{n&lt;N} Im X^R(μ + iω_n) + Im[∫_a^∞ X^R(μ + iy)dy + (h²/24) ∂_yX^R(μ + ia)]
     * with a = 2πTN, h = 2πT (see the class comment for the derivation).
     *
     * @param explicitTerms N
     * @param tail          the Euler–Maclaurin tail's contribution (integral plus correction)
     * @param eulerMaclaurin the (h²/24)∂_y X correction alone (a measure of the tail's quadrature error)
     */
    record MatsubaraSum(double value, int explicitTerms, double tail, double eulerMaclaurin) {}

    static MatsubaraSum matsubara(Kubo kubo, Vertex a, Vertex b, double t, double mu, int n) {
        return matsubara(kubo, a, b, t, mu, n, false);
    }

    /** As above; {@code dressed}: the (z, z)-ladder-dressed integrand ({@link SeaVertices#LADDER}). */
    static MatsubaraSum matsubara(Kubo kubo, Vertex a, Vertex b, double t, double mu, int n, boolean dressed) {
        double h = 2 * Math.PI * t;
        // the library's one parallel sum (KSum: one node per chunk, ordered reduction; each node's k-sum is itself a
        // KSum), over the frequencies from the highest down: small terms first
        double[] sums = new double[1];
        KSum.sum(n, 1, 1, () -> null, (from, to, acc, none) -> {
            for (int c = from; c < to; c++) acc[0] += kubo.seaIntegrand(a, b, mu, (2 * (n - 1 - c) + 1) * Math.PI * t, dressed).getImaginary();
        }, sums, true);
        double explicit = sums[0] * h;
        double start = h * n;
        Ladder l = kubo.ladder();
        double w = Math.max(spectralBound(l.model(), l.grid()), Math.abs(mu)) * 2 + 1e-12;
        GaussIntegratorFactory f = new GaussIntegratorFactory();
        List<double[]> nodes = new ArrayList<>();
        double lo = start;
        while (lo < w) {
            double hi = Math.min(4 * lo, w);
            GaussIntegrator gi = f.legendre(16, lo, hi);
            for (int i = 0; i < gi.getNumberOfPoints(); i++) nodes.add(new double[]{gi.getPoint(i), gi.getWeight(i)});
            lo = hi;
        }
        double top = Math.max(w, start);
        GaussIntegrator tail = f.legendre(24, 0, 1); // y = top/t, dy = top/t² dt
        for (int i = 0; i < tail.getNumberOfPoints(); i++) {
            double s = tail.getPoint(i);
            nodes.add(new double[]{top / s, tail.getWeight(i) * top / (s * s)});
        }
        KSum.sum(nodes.size(), 1, 1, () -> null, (from, to, acc, none) -> {
            for (int j = from; j < to; j++) acc[0] += nodes.get(j)[1] * kubo.seaIntegrand(a, b, mu, nodes.get(j)[0], dressed).getImaginary();
        }, sums, true);
        double integral = sums[0];
        double d = 1e-3 * start;
        double slope = (kubo.seaIntegrand(a, b, mu, start + d, dressed).getImaginary() - kubo.seaIntegrand(a, b, mu, start - d, dressed).getImaginary()) / (2 * d);
        double em = h * h / 24 * slope;
        double value = explicit + integral + em;
        return new MatsubaraSum(DiffusonException.requireFinite("sea", value), n, integral + em, em);
    }

    /** The Fermi function f(ε) = 1/(e^{(ε−μ)/T} + 1), overflow-safe. */
    public static double fermi(double e, double mu, double t) {
        double x = (e - mu) / t;
        return x > 0 ? Math.exp(-x) / (1 + Math.exp(-x)) : 1 / (1 + Math.exp(x));
    }
}
