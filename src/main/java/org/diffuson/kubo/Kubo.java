package org.diffuson.kubo;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Eigen;
import org.diffuson.linalg.Superoperator;
import org.diffuson.linalg.ZOps;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Model;

import java.util.stream.IntStream;

/**
 * Vertex-corrected linear response (Kubo–Středa, non-crossing ladder) on a {@link Ladder}'s grid and self-energy
 * (seed 002 spec §3.4; seed 000 eqs 206–213). The ladder is k-independent for white-noise disorder:
 * B̃ = B + Γ[Y], (1 − Φ̄Γ)Y = Y₀ = Σ_k G^R B G^A, with Φ̄ the q = 0 bubble of the same grid — so the Ward identity
 * and the conserving structure of the SCBA carry over. A conserved mode of 1 − Φ̄Γ (exact zero eigenvalue with SCBA)
 * is deflated; its overlap with Y₀ is reported.
 */
public final class Kubo {
    private static final int CHUNK = 2048;
    private final Ladder ladder;

    public Kubo(Ladder ladder) { this.ladder = ladder; }

    public Ladder ladder() { return ladder; }

    /** σ_ab in units of e²/h (a: current direction, b: field direction). */
    public KuboResult conductivity(int a, int b) {
        Hamiltonian h = ladder.model().hamiltonian();
        return response(Vertex.velocity(h, a), Vertex.velocity(h, b));
    }

    /** Středa-I response χ_AB (RA and RR, both ladder dressed). */
    public KuboResult response(Vertex a, Vertex b) {
        Model model = ladder.model();
        int n = model.dim();
        if (a.dim() != n || b.dim() != n)
            throw new DiffusonException("vertex", "dimension " + a.dim() + "/" + b.dim() + " ≠ model " + n, "build vertices for the model's basis");
        double e = ladder.energy();
        Energy er = Energy.retarded(e), ea = Energy.advanced(e);
        CMatrix sR = ladder.sigma(er);
        double[] sig = sR.toArray();
        KGrid g = ladder.grid();
        int total = g.size(), chunks = (total + CHUNK - 1) / CHUNK, nn = 2 * n * n;
        // acc layout: [tRA(2), tRR(2), Y0(nn), L(nn), Y0rr(nn), Lrr(nn)]
        int m = 4 + 4 * nn;
        double[][] partial = new double[chunks][m];
        IntStream.range(0, chunks).parallel().forEach(c -> accumulate(model.hamiltonian(), a, b, g, e, sig, c * CHUNK, Math.min(total, (c + 1) * CHUNK), partial[c], n));
        double[] acc = new double[m];
        for (double[] p : partial) for (int i = 0; i < m; i++) acc[i] += p[i];
        CMatrix y0 = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4, 4 + nn));
        CMatrix l = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4 + nn, 4 + 2 * nn));
        CMatrix y0rr = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4 + 2 * nn, 4 + 3 * nn));
        CMatrix lrr = CMatrix.of(n, n, java.util.Arrays.copyOfRange(acc, 4 + 3 * nn, 4 + 4 * nn));
        Superoperator gamma = model.disorder().superoperator();
        double[] overlap = new double[1];
        Superoperator phiRA = ladder.at(new double[model.spaceDim()], er, ea).bubble();
        CMatrix yRA = solveLadder(phiRA, gamma, y0, overlap);
        CMatrix dress = gamma.apply(yRA);
        double vertexRA = dress.times(l).trace().getReal();
        Superoperator phiRR = ladder.at(new double[model.spaceDim()], er, er).bubble();
        CMatrix yRR = solveLadder(phiRR, gamma, y0rr, new double[1]);
        double vertexRR = gamma.apply(yRR).times(lrr).trace().getReal();
        double bareRA = acc[0];
        if (Math.abs(acc[1]) > 1e-8 * Math.max(1, Math.abs(bareRA)))
            throw new DiffusonException("vertex", "RA trace is not real (Im = " + acc[1] + ")", "vertices must be Hermitian operators");
        return new KuboResult(a.name(), b.name(), ladder.selfEnergy().name(), e, bareRA, vertexRA, acc[2], vertexRR, 0, false, dress, overlap[0]);
    }

    /** Solves (1 − Φ̄Γ)Y = Y₀, deflating an (almost) zero mode. */
    static CMatrix solveLadder(Superoperator phi, Superoperator gamma, CMatrix y0, double[] overlapOut) {
        int n = phi.dim();
        Superoperator mOp = Superoperator.identity(n).minus(phi.compose(gamma));
        CMatrix mat = mOp.matrix();
        Eigen.General eg = Eigen.general(mat);
        int k = eg.indexOfSmallest();
        CMatrix yv = y0.vec();
        if (eg.values()[k].norm() < 1e-8 * Math.max(1, mat.normMax())) {
            CMatrix v = eg.rightVector(k), w = eg.leftVector(k);
            // w†v = 1 by construction (rows of V⁻¹); M + v w† has the zero eigenvalue lifted to 1
            mat = mat.plus(v.times(w.dagger()));
            double ov = w.dagger().times(yv).get(0, 0).norm() / Math.max(yv.normF() * w.normF(), 1e-300);
            overlapOut[0] = ov;
            if (ov > 1e-6)
                throw new DiffusonException("vertex", String.format("drives the conserved (zero) mode of the ladder (overlap %.2e)", ov),
                        "the static uniform response to this vertex diverges (e.g. a density vertex); use a current/spin vertex or ω ≠ 0");
        }
        return CMatrix.unvec(mat.inverse().times(yv), n);
    }

    private static void accumulate(Hamiltonian h, Vertex va, Vertex vb, KGrid g, double e, double[] sig, int from, int to, double[] acc, int n) {
        int nn = 2 * n * n;
        double[] hk = new double[nn], gr = new double[nn], ga = new double[nn], a = new double[nn], b = new double[nn];
        double[] t1 = new double[nn], t2 = new double[nn], t3 = new double[nn], lu = new double[nn];
        int[] piv = new int[n];
        for (int i = from; i < to; i++) {
            double kx = g.kx(i), ky = g.ky(i), kz = g.kz(i), w = g.weight(i);
            h.eval(kx, ky, kz, hk, 0);
            for (int j = 0; j < nn; j++) gr[j] = -hk[j] - sig[j];
            for (int d = 0; d < n; d++) gr[2 * (d * n + d)] += e;
            if (!ZOps.invertInPlace(gr, n, lu, piv))
                throw new DiffusonException("energy", "E − H − Σ is singular at k=(" + kx + "," + ky + ")", "Σ needs Im Σ^R < 0");
            // G^A = (G^R)†
            for (int r = 0; r < n; r++)
                for (int c = 0; c < n; c++) {
                    ga[2 * (r * n + c)] = gr[2 * (c * n + r)];
                    ga[2 * (r * n + c) + 1] = -gr[2 * (c * n + r) + 1];
                }
            va.eval(kx, ky, kz, a);
            vb.eval(kx, ky, kz, b);
            // Y0 += w G^R B G^A ; tRA += w Tr[A G^R B G^A]
            ZOps.mult(gr, n, n, b, n, t1);      // G^R B
            ZOps.mult(t1, n, n, ga, n, t2);     // G^R B G^A
            addScaled(acc, 4, t2, w, nn);
            addTraceProduct(acc, 0, a, t2, w, n);
            // Y0rr += w G^R B G^R ; tRR += w Tr[A G^R B G^R]
            ZOps.mult(t1, n, n, gr, n, t3);
            addScaled(acc, 4 + 2 * nn, t3, w, nn);
            addTraceProduct(acc, 2, a, t3, w, n);
            // L += w G^A A G^R ; Lrr += w G^R A G^R
            ZOps.mult(a, n, n, gr, n, t1);      // A G^R
            ZOps.mult(ga, n, n, t1, n, t2);
            addScaled(acc, 4 + nn, t2, w, nn);
            ZOps.mult(gr, n, n, t1, n, t3);
            addScaled(acc, 4 + 3 * nn, t3, w, nn);
        }
    }

    private static void addScaled(double[] acc, int off, double[] x, double w, int nn) {
        for (int j = 0; j < nn; j++) acc[off + j] += w * x[j];
    }

    /** acc[off] += w Re Tr[A X], acc[off+1] += w Im Tr[A X]. */
    private static void addTraceProduct(double[] acc, int off, double[] a, double[] x, double w, int n) {
        double sr = 0, si = 0;
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) {
                double ar = a[2 * (r * n + c)], ai = a[2 * (r * n + c) + 1], xr = x[2 * (c * n + r)], xi = x[2 * (c * n + r) + 1];
                sr += ar * xr - ai * xi;
                si += ar * xi + ai * xr;
            }
        acc[off] += w * sr;
        acc[off + 1] += w * si;
    }
}
