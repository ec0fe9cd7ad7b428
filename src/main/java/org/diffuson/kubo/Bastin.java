package org.diffuson.kubo;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.green.GreenWorkspace;
import org.diffuson.integrate.KSum;
import org.diffuson.green.Scba;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.ZOps;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Model;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Bastin (Bastin–Lewiner–Betbeder-Matibet–Nozières 1971) form of the static response at T = 0, bare bubbles
 * (ħ = 1; σ = (e²/h)·χ for current vertices, as in {@link KuboResult}):
 * <pre>
 *   χ^B = −∫_{−∞}^{μ} dε Tr[A G^R′ B ΔG − A ΔG B G^A′] = −2 ∫_{−∞}^{μ} dε Re Σ_k Tr[A G^R′(ε) B ΔG(ε)],
 * </pre>
 * ΔG = G^R − G^A, G′ = dG/dε = −G(1 − dΣ/dε)G. This is σ = iħe²∫f Tr[v_a G^R′ v_b δ(ε−H) − v_a δ(ε−H) v_b G^A′] with
 * δ(ε−H) = −ΔG/2πi and σ = (e²ħ/2π)χ; the two traces are complex conjugates (A, B Hermitian, G^A = G^R†), hence the
 * 2 Re. Integrating by parts splits it into the Středa I (RA − RR at μ) and II (sea) terms of {@link Kubo}: for the same
 * Σ the two forms are equal (without vertex corrections), which the tests check on one shared grid.
 * <p>
 * <b>Energy integral.</b> The integrand is the k-sum of rational functions of ε with poles at distance ≥ η = min
 * |Im Σ| from the real axis, so it is smooth on the scale η: uniform Gauss–Legendre panels of width 2η (12 nodes) from
 * the spectrum bound −W − 50η (the cutoff or lattice bounds H) to μ, and below that geometric panels in the distance
 * from −W − 50η and a 1/t map to −∞ (the integrand decays as η/ε⁴). The cost grows as W/η: broadenings below W/10⁴
 * are refused.
 * <p>
 * <b>Vertex corrections are not provided.</b> The RA part of G^R′BΔG is a three-propagator product G^R G^R B G^A; in
 * the conserving ladder the rungs dress both the B vertex and the derivative (energy) vertex (the Ward identity ties
 * the latter to dΣ/dε), so the dressed Bastin form is not "B → B̃^{RA}" — the ladder-corrected response is the Středa
 * form of {@link Kubo}.
 */
public final class Bastin {
    /** Panels per η of the real-energy quadrature. */
    private static final double PANEL_WIDTH_ETA = 2;
    private static final int NODES = 12;
    private static final int MAX_PANELS = 20_000;
    private final Ladder ladder;
    private final KGrid grid;

    /**
     * Bastin response on the ladder's Σ and on {@link Kubo}'s sea grid (the ladder grid's breakpoints plus a grading
     * towards k = 0): the real-energy integrand has the Fermi-sea structure at every ε ≤ μ, not only the Fermi-surface
     * peaks the ladder grid is refined for. On a point grid (lattice mesh) this is the ladder grid itself.
     */
    public Bastin(Ladder ladder) {
        if (ladder == null) throw new DiffusonException("ladder", "is null", "pass a Ladder (its grid and Σ are used)");
        this.ladder = ladder;
        this.grid = new Kubo(ladder).seaGrid();
    }

    /** σ_ab (e²/h) in the Bastin form (bare bubbles) at μ = the ladder's energy. */
    public BastinResult conductivity(int a, int b) {
        Hamiltonian h = ladder.model().hamiltonian();
        return response(Vertex.velocity(h, a), Vertex.velocity(h, b));
    }

    /** χ^B_AB at μ = the ladder's energy, with the ladder's Σ(ε) at every real ε. */
    public BastinResult response(Vertex a, Vertex b) {
        Model model = ladder.model();
        if (a.dim() != model.dim() || b.dim() != model.dim())
            throw new DiffusonException("vertex", "dimension " + a.dim() + "/" + b.dim() + " ≠ model " + model.dim(), "build vertices for the model's basis");
        double mu = DiffusonException.requireFinite("mu", ladder.energy());
        double eta = Scba.minBroadening(ladder.sigma(Energy.retarded(mu)));
        double w = FiniteTemperature.spectralBound(model, grid);
        double lower = -w - 50 * eta;
        if (!(mu > lower))
            throw new DiffusonException("mu", "μ = " + mu + " lies below the spectrum bound " + lower, "nothing is occupied: χ = 0");
        int panels = (int) Math.ceil((mu - lower) / (PANEL_WIDTH_ETA * eta));
        if (!(eta > 0) || panels > MAX_PANELS)
            throw new DiffusonException("sigma", String.format(Locale.ROOT, "broadening η = %.3g needs %d energy panels over the band width %.3g (max %d)",
                    eta, panels, mu - lower, MAX_PANELS), "use η ≳ W/10⁴ for the real-axis Bastin integral, or the Středa form (Kubo) whose sea term is a contour integral");
        GaussIntegratorFactory f = new GaussIntegratorFactory();
        List<double[]> nodes = new ArrayList<>(); // {ε, weight}
        double width = (mu - lower) / panels;
        for (int p = 0; p < panels; p++) {
            GaussIntegrator gi = f.legendre(NODES, lower + p * width, lower + (p + 1) * width);
            for (int i = 0; i < gi.getNumberOfPoints(); i++) nodes.add(new double[]{gi.getPoint(i), gi.getWeight(i)});
        }
        // below the spectrum: ε = lower − y, geometric panels in y from 50η, then y = Y/t
        double ymax = Math.max(w, 50 * eta);
        for (double lo = 0, hi = 50 * eta; lo < ymax; lo = hi, hi = Math.min(4 * hi, ymax)) {
            GaussIntegrator gi = f.legendre(16, lo, Math.min(hi, ymax));
            for (int i = 0; i < gi.getNumberOfPoints(); i++) nodes.add(new double[]{lower - gi.getPoint(i), gi.getWeight(i)});
        }
        GaussIntegrator tail = f.legendre(24, 0, 1);
        for (int i = 0; i < tail.getNumberOfPoints(); i++) {
            double t = tail.getPoint(i);
            nodes.add(new double[]{lower - ymax / t, tail.getWeight(i) * ymax / (t * t)});
        }
        // one parallel sum over the energy nodes (KSum: fixed chunks, ordered reduction), each node's k-sum serial in
        // its task: the result is the same bit for bit on any number of threads (KSumTest)
        double[] total = new double[1];
        KSum.sum(nodes.size(), KSum.chunkOver(grid.size()), 1, () -> null, (from, to, acc, none) -> {
            for (int j = from; j < to; j++) acc[0] += nodes.get(j)[1] * integrand(a, b, nodes.get(j)[0], false);
        }, total, true);
        double sum = total[0];
        return new BastinResult(a.name(), b.name(), ladder.selfEnergy().name(), mu, DiffusonException.requireFinite("bastin", -2 * sum), lower, nodes.size(), width);
    }

    /** Re Σ_k Tr[A G^R′(ε) B ΔG(ε)] on the sea grid, ΔG = G^R − G^A, G^R′ = −G^R(1 − Σ′)G^R (parallel k-sum). */
    double integrand(Vertex va, Vertex vb, double e) {
        return integrand(va, vb, e, true);
    }

    /** As above; {@code parallel} false sums the k chunks on the calling thread (same bits). */
    double integrand(Vertex va, Vertex vb, double e, boolean parallel) {
        Model model = ladder.model();
        int n = model.dim(), nn = 2 * n * n;
        Energy er = Energy.retarded(e);
        double[] s = ladder.sigma(er).toArray(), ds = ladder.selfEnergy().derivative(er).toArray();
        KGrid g = grid;
        double[] acc = new double[1];
        KSum.sum(g.size(), KSum.CHUNK, 1, () -> new Kubo.Work(n), (from, to, part, w) -> {
            for (int i = from; i < to; i++) {
                double kx = g.kx(i), ky = g.ky(i), kz = g.kz(i);
                model.hamiltonian().eval(kx, ky, kz, w.hk, 0);
                if (!w.green.invert(w.hk, 0, e, 0, s, w.g))
                    throw new DiffusonException("sigma", "ε − H − Σ is singular at ε=" + e, "Σ needs Im Σ^R < 0");
                GreenWorkspace.dagger(w.g, n, w.ga);
                w.green.derivative(w.g, ds, w.gp);                // G^R′
                for (int j = 0; j < nn; j++) w.ga[j] = w.g[j] - w.ga[j]; // ΔG
                va.eval(kx, ky, kz, w.a);
                vb.eval(kx, ky, kz, w.b);
                ZOps.mult(w.b, n, n, w.ga, n, w.t1);   // B ΔG
                ZOps.mult(w.gp, n, n, w.t1, n, w.t2);  // G^R′ B ΔG
                part[0] += g.weight(i) * GreenWorkspace.traceRe(w.a, w.t2, n);
            }
        }, acc, parallel);
        return acc[0];
    }
}
