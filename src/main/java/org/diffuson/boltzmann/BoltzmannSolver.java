package org.diffuson.boltzmann;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
import org.diffuson.integrate.BerryBands;
import org.diffuson.integrate.BerrySea;
import org.diffuson.integrate.BrillouinZone;
import org.diffuson.integrate.FermiContour;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.GradientHamiltonian;
import org.diffuson.model.Hamiltonian;
import org.diffuson.model.Model;
import org.diffuson.model.LatticeHamiltonian;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The band-basis quantum kinetic equation of seed 002 (Atencia, Niu, Culcer 2021), solved order by order (seed 002 Eqs. 26–52)
 * for any 2D multiband H(k) diagonalized numerically, with scalar white-noise disorder ⟨U(r)U(r′)⟩ = u_0²δ(r − r′),
 * at T = 0. Units: ħ = e = 1 internally (charge −e), conductivities returned in e²/h.
 * <p>Pipeline (each step one equation of the paper):
 * <ol>
 *   <li>Fermi lines ε^m(k) = ε_F found numerically ({@link FermiContour}); δ-functions reduced to line integrals.</li>
 *   <li>n^{(−1)}: J₀(n^{(−1)}) = (eE/ħ)·∂_k n_FD (P 27, 29, 50).</li>
 *   <li>Anomalous driving D′ = −J(n^{(−1)})^{off} (P 33) and the coherence S′ = ħD′/(i(ε^m − ε^{m′})) (P 31–32).</li>
 *   <li>Extrinsic velocity β^m = [J†(R′)]^{mm} (P 44–47, typo fixed) and spin γ^m = [J†(𝒯)]^{mm} (P 61, typo fixed).</li>
 *   <li>Side jump: J₀(n^{sj}) = −J_E(n_FD) with the gauge-invariant coordinate shift δr (P 37–38, seed 002 Eqs. 37–38).</li>
 *   <li>Skew: J₀(n^{sk}) = −[J(S′)]^{diag} in {@link SkewForm} B (default) or A, for every band, including the other
 *   bands' "shadow" shells at the energies they have on the Fermi line (seed 002 Eqs. 34–36, 84). The observables take the
 *   Fermi-shell half of n^sk twice; the shadow-shell half (relaxed by J₀ at E′ ≠ ε_F) is reported as a profile only
 *   — it equals the Fermi half for the massive Dirac model and is wrong for ε_k ≠ 0 (see {@code Skew}).</li>
 *   <li>Observables P 52 (current) and P 63 (spin) with a per-{@link Term} breakdown; the intrinsic Fermi-sea terms
 *   by {@link BerrySea} (polar, continuum) or a Brillouin-zone mesh (lattice).</li>
 * </ol>
 * Limits (each reported by a {@link DiffusonException} naming the parameter): lines must be star-shaped about the
 * centre; no band degeneracy on a Fermi line; no Fermi level at a band edge; the other-band skew shells need the Fermi
 * line of band s to be an iso-energy line of band m (true for isotropic models; docs/equations.md, numerical notes "valence-band n^sk").
 */
public final class BoltzmannSolver {
    private final GradientHamiltonian h;
    private final int n;
    private final double u0sq, kMax, cx, cy;
    private final int angles, scan, gauss, mesh;
    private final SkewForm form;
    private final double[][] spin;
    private final Long gaugeSeed;

    private BoltzmannSolver(Builder b) {
        h = b.h;
        n = h.dim();
        u0sq = b.u0sq;
        kMax = b.kMax;
        cx = b.cx;
        cy = b.cy;
        angles = b.angles;
        scan = b.scan;
        gauss = b.gauss;
        mesh = b.mesh;
        form = b.form;
        spin = b.spin;
        gaugeSeed = b.gaugeSeed;
    }

    /** Starts a solver for H(k); a plain {@link Hamiltonian} gets a finite-difference ∂H. */
    public static Builder builder(Hamiltonian h) { return new Builder(GradientHamiltonian.of(h)); }

    /**
     * Starts a solver for a {@link Model}: its H(k), its scalar white-noise strength u₀² (Γ[X] = u₀²X, seed 002 Eq. 9)
     * and its momentum cutoff as kMax. Refuses models whose disorder is not scalar white noise.
     */
    public static Builder builder(Model model) {
        if (model.spaceDim() != 2) throw new DiffusonException("model", "is " + model.spaceDim() + "D", "the kinetic theory of seed 002 is 2D");
        java.util.OptionalDouble u = model.disorder().scalarStrength();
        if (u.isEmpty())
            throw new DiffusonException("model", "the Boltzmann solver takes scalar white-noise disorder Γ[X] = u0²X; this model has " + model.disorder(),
                    "the Boltzmann side assumes ⟨U(r)U(r′)⟩ = u0²δ(r − r′); build the model with gamma = u0² and no magnetic disorder");
        return builder(model.hamiltonian()).disorder(u.getAsDouble()).kMax(model.cutoff());
    }

    /** Model + numerical settings; physical parameters that are swept (ε_F) are passed to {@link #solve}. */
    public static final class Builder {
        private final GradientHamiltonian h;
        private double u0sq = Double.NaN, kMax = Double.NaN, cx, cy;
        private int angles = 64, scan = 64, gauss = 32, mesh = 256;
        private SkewForm form = SkewForm.B;
        private double[][] spin;
        private Long gaugeSeed;

        private Builder(GradientHamiltonian h) {
            if (h.spaceDim() != 2)
                throw new DiffusonException("hamiltonian", "the Boltzmann solver is 2D, got d = " + h.spaceDim(), "use a 2D model");
            this.h = h;
            if (h.dim() == 2) spin = new double[][]{Pauli.SX.toArray(), Pauli.SY.toArray(), Pauli.SZ.toArray()};
            else spin = new double[0][];
        }

        /** u_0² of the white-noise correlator ⟨U(r)U(r′)⟩ = u_0²δ(r − r′) (= n_i V_0² for δ impurities). Required. */
        public Builder disorder(double u0sq) { this.u0sq = DiffusonException.requirePositive("disorder", u0sq); return this; }

        /** Search radius for Fermi lines about the centre. Required (the lines must lie inside). */
        public Builder kMax(double kMax) { this.kMax = DiffusonException.requirePositive("kMax", kMax); return this; }

        /** Centre of the rays (default Γ = 0): every Fermi line must be star-shaped about it. */
        public Builder center(double kx, double ky) {
            cx = DiffusonException.requireFinite("center", kx);
            cy = DiffusonException.requireFinite("center", ky);
            return this;
        }

        /** Points per line on the uniform angle grid (spectrally accurate; 32–128). */
        public Builder angles(int n) {
            if (n < 8) throw new DiffusonException("angles", "need ≥ 8, got " + n, "use 32–128");
            angles = n;
            return this;
        }

        /** Radial scan steps used to bracket the Fermi crossings on each ray (default 64). */
        public Builder scan(int n) {
            if (n < 4) throw new DiffusonException("scan", "need ≥ 4 steps, got " + n, "use 64 or more");
            scan = n;
            return this;
        }

        /** Gauss–Legendre nodes per radial panel of the Fermi-sea integral (default 32). */
        public Builder gauss(int n) {
            if (n < 4) throw new DiffusonException("gauss", "need ≥ 4 nodes, got " + n, "use 24–64");
            gauss = n;
            return this;
        }

        /** Brillouin-zone mesh N×N for the Fermi-sea terms of lattice models (default 256). */
        public Builder mesh(int n) {
            if (n < 4) throw new DiffusonException("mesh", "need ≥ 4, got " + n, "use 64–512");
            mesh = n;
            return this;
        }

        public Builder skewForm(SkewForm f) { form = f; return this; }

        /** Spin operators s_x, s_y, s_z in the model basis (default: Pauli matrices for n = 2, none otherwise). */
        public Builder spin(CMatrix sx, CMatrix sy, CMatrix sz) {
            for (CMatrix s : new CMatrix[]{sx, sy, sz})
                if (s.rows() != h.dim() || s.cols() != h.dim() || !s.isHermitian(1e-12))
                    throw new DiffusonException("spin", "spin operators must be Hermitian " + h.dim() + "x" + h.dim(), "pass Hermitian matrices in the model basis");
            spin = new double[][]{sx.toArray(), sy.toArray(), sz.toArray()};
            return this;
        }

        /** No spin observables. */
        public Builder noSpin() { spin = new double[0][]; return this; }

        /** Diagnostic: multiply all eigenvectors by random U(1) phases; every output must be unchanged. */
        public Builder randomGauge(long seed) { gaugeSeed = seed; return this; }

        public BoltzmannSolver build() {
            if (Double.isNaN(u0sq)) throw new DiffusonException("disorder", "not set", "call disorder(u0²)");
            if (Double.isNaN(kMax)) throw new DiffusonException("kMax", "not set", "call kMax(k) with a radius enclosing the Fermi lines");
            return new BoltzmannSolver(this);
        }
    }

    public GradientHamiltonian hamiltonian() { return h; }

    /** Solves the kinetic equation at Fermi energy ε_F. */
    public BoltzmannResult solve(double fermiEnergy) {
        DiffusonException.requireFinite("fermiEnergy", fermiEnergy);
        return new Run(fermiEnergy).run();
    }

    /** σ_yx (total, e²/h) for each ε_F: a convenience for curves. */
    public double[] hallCurve(double[] fermiEnergies) {
        double[] out = new double[fermiEnergies.length];
        for (int i = 0; i < out.length; i++) {
            Cancellation.check("Boltzmann Hall curve");
            out[i] = solve(fermiEnergies[i]).total().yx();
        }
        return out;
    }

    /** One solve: workspace and intermediate distributions. */
    private final class Run {
        final double ef;
        final BerryBands work = new BerryBands(h);
        final int blk = 2 * n * n, ns = spin.length;
        final List<String> warnings = new ArrayList<>();
        double solvability;

        Run(double ef) {
            this.ef = ef;
            if (gaugeSeed != null) work.randomizeGauge(gaugeSeed);
        }

        BoltzmannResult run() {
            Map<Term, Conductivity> sigma = new EnumMap<>(Term.class);
            Map<Term, SpinResponse> spinR = new EnumMap<>(Term.class);
            List<ShellProfile> profiles = new ArrayList<>();
            List<FermiContour> fsLines = FermiContour.find(work, ef, cx, cy, kMax, angles, scan);
            if (!(h instanceof LatticeHamiltonian)) requireLinesInside();
            Shell fs = new Shell(work, ef, fsLines, spin);
            double adjoint = 0, qRate = Double.NaN, trRate = Double.NaN;

            double[][] crossings = new double[angles][];
            for (int j = 0; j < angles; j++) {
                double[] r = new double[fsLines.size()];
                for (int c = 0; c < r.length; c++) r[c] = fsLines.get(c).radius()[j];
                java.util.Arrays.sort(r);
                crossings[j] = r;
            }
            // ---- intrinsic (Fermi sea) ----
            BerrySea sea = new BerrySea(work, spin, gauss);
            double[] in = h instanceof LatticeHamiltonian lh ? sea.integrateMesh(BrillouinZone.uniform(lh, mesh, mesh, 0.5), ef)
                    : sea.integrate(ef, cx, cy, crossings, kMax);
            double escale = energyScale(fs);
            sea.requireGap(escale, 1e-7);
            sigma.put(Term.INTRINSIC, new Conductivity(0, -2 * Math.PI * in[0], 2 * Math.PI * in[0], 0));
            if (ns > 0) {
                double[][] c = new double[3][2];
                for (int i = 0; i < ns; i++) for (int b = 0; b < 2; b++) c[i][b] = in[1 + 2 * i + b];
                spinR.put(Term.INTRINSIC, SpinResponse.of(c));
            }

            if (fs.size > 0) {
                double[] ovFF = Shell.overlaps(fs, fs);
                Collision c0 = new Collision(fs, ovFF, u0sq);
                Relaxation n1 = relaxation(fs, c0);
                Coherence sPrime = coherence(fs, ovFF, n1);
                Adjoints adj = adjoints(fs, ovFF, n1, sPrime);
                adjoint = adj.residual();
                SideJump sj = sideJump(fs, ovFF, c0);
                Skew skew = n > 1 ? new Skew(fs, ovFF, c0, sPrime.sp()) : null;
                observables(fs, n1, adj, sj, skew, sigma, spinR);
                profiles.addAll(profiles(fs, n1, adj, sj, skew));
                // ---- diagnostics and validity ----
                int P = fs.size;
                double rs = 0;
                for (int p = 0; p < P; p++) rs += c0.rate(p);
                qRate = rs / P;
                double vv = 0, vg = 0;
                for (int p = 0; p < P; p++) { vv += fs.w[p] * fs.gvx[p] * fs.gvx[p]; vg -= fs.w[p] * fs.gvx[p] * n1.g()[0][p]; }
                trRate = vv / vg;
                solvability = Math.max(solvability, c0.worstProjection());
                double edge = edgeDistance();
                if (qRate > 0.1 * edge)
                    warnings.add(String.format(Locale.ROOT, "ħ/τ_q = %.3g is not ≪ |ε_F − nearest band energy at the centre| = %.3g: "
                            + "the expansion in ħ/(ε_F τ) is unreliable (Fermi level close to a band edge or disorder too strong)", qRate, edge));
            } else {
                for (Term t : new Term[]{Term.DRUDE, Term.EXTRINSIC, Term.SIDE_JUMP, Term.SKEW}) {
                    sigma.put(t, Conductivity.ZERO);
                    if (ns > 0) spinR.put(t, SpinResponse.ZERO);
                }
            }
            return new BoltzmannResult(ef, u0sq, form, angles, sigma, spinR, profiles,
                    new BoltzmannResult.Diagnostics(solvability, adjoint, qRate, trRate, sea.minPairGap()), warnings);
        }

        // ---- stages of the order-by-order solution (seed 002 Eqs. 26–52), each with a small result record ----

        /** n⁽⁻¹⁾ (∝ τ): J₀(n⁽⁻¹⁾) = eE·∂_k n_FD on the Fermi shell, one shell amplitude per field direction (seed 002 Eqs. 27, 29, 50). */
        record Relaxation(double[][] g) {}

        Relaxation relaxation(Shell fs, Collision c0) {
            int P = fs.size;
            double[][] g1 = new double[2][];
            for (int b = 0; b < 2; b++) {
                double[] src = new double[P];
                for (int p = 0; p < P; p++) src[p] = -(b == 0 ? fs.gvx[p] : fs.gvy[p]);
                g1[b] = c0.solve(src);
            }
            return new Relaxation(g1);
        }

        /** Interband coherence: Y = J(n⁽⁻¹⁾)^off (= −D′), S′ = iY/(ε^m − ε^n) (seed 002 Eqs. 31–33). */
        record Coherence(double[][] y, double[][] sp) {}

        Coherence coherence(Shell fs, double[] ovFF, Relaxation n1) {
            double[][] y = new double[2][], sp = new double[2][];
            for (int b = 0; b < 2; b++) {
                y[b] = offDiagonalJ(fs, ovFF, n1.g()[b]);
                sp[b] = coherence(fs, y[b]);
            }
            return new Coherence(y, sp);
        }

        /**
         * Adjoint diagonals β = [J†(R′)]^mm and γ = [J†(𝒯)]^mm (seed 002 Eqs. 44–47, 61), the extrinsic-velocity
         * term Σ β n⁽⁻¹⁾ and the residual of the adjoint identity Σ Tr[R′J(n⁽⁻¹⁾)] = Σ β n⁽⁻¹⁾.
         */
        record Adjoints(double[] beta, double[][] gamma, double[][] ext, double residual) {}

        Adjoints adjoints(Shell fs, double[] ovFF, Relaxation n1, Coherence coh) {
            int P = fs.size;
            double[][] g1 = n1.g(), y = coh.y();
            double[] beta = adjointDiagonal(fs, ovFF, fs.rx, fs.ry);
            double[][] gamma = new double[ns][];
            for (int i = 0; i < ns; i++) gamma[i] = adjointDiagonal(fs, ovFF, fs.tb[i], null);
            double[][] ext = new double[2][2], trace = new double[2][2];
            for (int b = 0; b < 2; b++) {
                for (int p = 0; p < P; p++) {
                    ext[0][b] += fs.w[p] * beta[2 * p] * g1[b][p];
                    ext[1][b] += fs.w[p] * beta[2 * p + 1] * g1[b][p];
                }
                trace[0][b] = traceProduct(fs, fs.rx, y[b]);
                trace[1][b] = traceProduct(fs, fs.ry, y[b]);
            }
            double extNorm = 0, adjoint = 0;
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++) extNorm = Math.max(extNorm, Math.max(Math.abs(ext[a][b]), Math.abs(trace[a][b])));
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++)
                    adjoint = Math.max(adjoint, extNorm == 0 ? 0 : Math.abs(ext[a][b] - trace[a][b]) / extNorm);
            return new Adjoints(beta, gamma, ext, adjoint);
        }

        /** Side jump: J₀(n^sj) = −J_E(n_FD) with the coordinate shift δr (seed 002 Eqs. 37–38). */
        record SideJump(double[][] g) {}

        SideJump sideJump(Shell fs, double[] ovFF, Collision c0) {
            int P = fs.size;
            double[] shift = coordinateShiftSource(fs, ovFF);
            double[][] gsj = new double[2][];
            for (int b = 0; b < 2; b++) {
                double[] src = new double[P];
                for (int p = 0; p < P; p++) src[p] = shift[2 * p + b];
                gsj[b] = c0.solve(src);
            }
            return new SideJump(gsj);
        }

        /** Current and spin per term (seed 002 Eqs. 52, 63) into the result maps. */
        void observables(Shell fs, Relaxation n1, Adjoints adj, SideJump sideJump, Skew skew, Map<Term, Conductivity> sigma,
                         Map<Term, SpinResponse> spinR) {
            int P = fs.size;
            double[][] g1 = n1.g(), gsj = sideJump.g(), gamma = adj.gamma();
            double[][] drude = new double[2][2], sj = new double[2][2], sk = new double[2][2];
            for (int b = 0; b < 2; b++)
                for (int p = 0; p < P; p++) {
                    drude[0][b] -= fs.w[p] * fs.gvx[p] * g1[b][p];
                    drude[1][b] -= fs.w[p] * fs.gvy[p] * g1[b][p];
                    sj[0][b] -= fs.w[p] * fs.gvx[p] * gsj[b][p];
                    sj[1][b] -= fs.w[p] * fs.gvy[p] * gsj[b][p];
                }
            // skew observables: twice the Fermi-shell half (Skew.MIRROR); the shadow shells are not summed
            if (skew != null)
                for (int b = 0; b < 2; b++)
                    for (int p = 0; p < P; p++) {
                        sk[0][b] -= Skew.MIRROR * fs.w[p] * fs.gvx[p] * skew.g[0][b][p];
                        sk[1][b] -= Skew.MIRROR * fs.w[p] * fs.gvy[p] * skew.g[0][b][p];
                    }
            double twoPi = 2 * Math.PI;
            sigma.put(Term.DRUDE, tensor(drude, twoPi));
            sigma.put(Term.EXTRINSIC, tensor(adj.ext(), -twoPi));
            sigma.put(Term.SIDE_JUMP, tensor(sj, twoPi));
            sigma.put(Term.SKEW, skew == null ? Conductivity.ZERO : tensor(sk, twoPi));
            if (ns > 0) {
                double[][] ed = new double[3][2], ge = new double[3][2], ssj = new double[3][2], ssk = new double[3][2];
                for (int i = 0; i < ns; i++)
                    for (int b = 0; b < 2; b++) {
                        for (int p = 0; p < P; p++) {
                            double sdiag = fs.sb[i][p * blk + 2 * (fs.band[p] * n + fs.band[p])];
                            ed[i][b] += fs.w[p] * sdiag * g1[b][p];
                            ge[i][b] += fs.w[p] * gamma[i][p] * g1[b][p];
                            ssj[i][b] += fs.w[p] * sdiag * gsj[b][p];
                        }
                        if (skew != null)
                            for (int p = 0; p < P; p++)
                                ssk[i][b] += Skew.MIRROR * fs.w[p] * fs.sb[i][p * blk + 2 * (fs.band[p] * n + fs.band[p])] * skew.g[0][b][p];
                    }
                spinR.put(Term.DRUDE, SpinResponse.of(ed));
                spinR.put(Term.EXTRINSIC, SpinResponse.of(ge));
                spinR.put(Term.SIDE_JUMP, SpinResponse.of(ssj));
                spinR.put(Term.SKEW, SpinResponse.of(ssk));
            }
        }

        /** Pointwise shell profiles (n⁽⁻¹⁾, β, γ, n^sj, n^sk) on the Fermi shell, and n^sk on the shadow shells. */
        List<ShellProfile> profiles(Shell fs, Relaxation n1, Adjoints adj, SideJump sj, Skew skew) {
            List<ShellProfile> out = new ArrayList<>();
            Map<String, double[]> cols = new LinkedHashMap<>();
            cols.put("n-1_Ex", n1.g()[0]);
            cols.put("n-1_Ey", n1.g()[1]);
            cols.put("beta_x", stride(adj.beta(), 0));
            cols.put("beta_y", stride(adj.beta(), 1));
            String[] sn = {"gamma_x", "gamma_y", "gamma_z"};
            for (int i = 0; i < ns; i++) cols.put(sn[i], adj.gamma()[i]);
            cols.put("nsj_Ex", sj.g()[0]);
            cols.put("nsj_Ey", sj.g()[1]);
            if (skew != null) {
                cols.put("nsk_Ex", skew.g[0][0]);
                cols.put("nsk_Ey", skew.g[0][1]);
            }
            out.add(profile(fs, cols));
            if (skew != null) // shadow halves: profiles only (the paper's P 84 valence part for the TI), not in the observables
                for (int t = 1; t < skew.shells.size(); t++) {
                    Map<String, double[]> sc = new LinkedHashMap<>();
                    sc.put("nsk_Ex", skew.g[t][0]);
                    sc.put("nsk_Ey", skew.g[t][1]);
                    out.add(profile(skew.shells.get(t), sc));
                }
            return out;
        }

        /** A band that crosses ε_F beyond kMax would be silently missed: compare occupations at kMax and 16·kMax on every ray. */
        void requireLinesInside() {
            double[] e1 = new double[n], e2 = new double[n];
            for (int j = 0; j < angles; j++) {
                double th = 2 * Math.PI * j / angles, c = Math.cos(th), s = Math.sin(th);
                work.energies(cx + kMax * c, cy + kMax * s, e1);
                work.energies(cx + 16 * kMax * c, cy + 16 * kMax * s, e2);
                for (int m = 0; m < n; m++)
                    if ((e1[m] < ef) != (e2[m] < ef))
                        throw new DiffusonException("kMax", String.format(Locale.ROOT,
                                "band %d crosses ε_F = %g between kMax = %g and 16·kMax on the ray θ = %.4f: a Fermi line lies outside the search radius", m, ef, kMax, th),
                                "increase kMax so that it encloses every Fermi line");
            }
        }

        double energyScale(Shell fs) {
            double s = Math.abs(ef);
            double[] e = new double[n];
            work.energies(cx, cy, e);
            for (double v : e) s = Math.max(s, Math.abs(v));
            work.energies(cx + kMax, cy, e);
            for (double v : e) s = Math.max(s, Math.abs(v));
            for (double v : fs.eps) s = Math.max(s, Math.abs(v));
            return s;
        }

        double edgeDistance() {
            double[] e = new double[n];
            work.energies(cx, cy, e);
            double d = Double.POSITIVE_INFINITY;
            for (double v : e) d = Math.min(d, Math.abs(ef - v));
            return d;
        }

        ShellProfile profile(Shell s, Map<String, double[]> cols) {
            return new ShellProfile(s.energy, s.band.clone(), s.theta.clone(), s.kx.clone(), s.ky.clone(), s.w.clone(), cols);
        }

        /** Y_p = [J(n)]^{off} at Fermi point p for a band-diagonal n = g δ(ε − ε_F): rows/columns of band s = b_p only. */
        double[] offDiagonalJ(Shell fs, double[] ov, double[] g) {
            int P = fs.size;
            double[] y = new double[P * blk];
            for (int p = 0; p < P; p++) {
                int s = fs.band[p];
                for (int m = 0; m < n; m++) {
                    if (m == s) continue;
                    double sr = 0, si = 0;
                    for (int q = 0; q < P; q++) {
                        int o = (p * P + q) * blk, bq = fs.band[q];
                        double ar = ov[o + 2 * (m * n + bq)], ai = ov[o + 2 * (m * n + bq) + 1];
                        double br = ov[o + 2 * (s * n + bq)], bi = -ov[o + 2 * (s * n + bq) + 1];
                        double f = fs.w[q] * (g[p] - g[q]);
                        sr += f * (ar * br - ai * bi);
                        si += f * (ar * bi + ai * br);
                    }
                    sr *= Math.PI * u0sq;
                    si *= Math.PI * u0sq;
                    y[p * blk + 2 * (m * n + s)] = sr;
                    y[p * blk + 2 * (m * n + s) + 1] = si;
                    y[p * blk + 2 * (s * n + m)] = sr;
                    y[p * blk + 2 * (s * n + m) + 1] = -si;
                }
            }
            return y;
        }

        /** S′^{mn} = ħD′^{mn}/(i(ε^m − ε^n)) with D′ = −Y, i.e. S′ = iY/(ε^m − ε^n). */
        double[] coherence(Shell fs, double[] y) {
            double[] s = new double[y.length];
            for (int p = 0; p < fs.size; p++)
                for (int m = 0; m < n; m++)
                    for (int l = 0; l < n; l++) {
                        if (m == l) continue;
                        int o = p * blk + 2 * (m * n + l);
                        double d = fs.eps[p * n + m] - fs.eps[p * n + l];
                        s[o] = -y[o + 1] / d;
                        s[o + 1] = y[o] / d;
                    }
            return s;
        }

        /** Re Σ_p w_p Tr[A_p Y_p] for an off-diagonal A (R′): the extrinsic velocity as Σ Tr[R′ J(n^{(−1)})]. */
        double traceProduct(Shell fs, double[] a, double[] y) {
            double t = 0;
            for (int p = 0; p < fs.size; p++) {
                double s = 0;
                for (int m = 0; m < n; m++)
                    for (int l = 0; l < n; l++) {
                        int o1 = p * blk + 2 * (l * n + m), o2 = p * blk + 2 * (m * n + l);
                        s += a[o1] * y[o2] - a[o1 + 1] * y[o2 + 1];
                    }
                t += fs.w[p] * s;
            }
            return t;
        }

        /**
         * [J†(A)]^{aa} at each Fermi point for an off-diagonal Hermitian A (R′_x, R′_y → β; 𝒯_i → γ), from the adjoint of
         * J in the pairing Σ_k Tr (derived from P 28/33; equals P 47 and P 61 with the typos fixed):
         * 2πu_0² Re Σ_q w_q [Σ_{l≠a} A_p^{la} W_{a b_q} W*_{l b_q} − Σ_{m≠b_q} A_q^{b_q m} W*_{am} W_{a b_q}], W = W(p, q).
         * With ay != null returns interleaved (x, y) pairs; otherwise one value per point.
         */
        double[] adjointDiagonal(Shell fs, double[] ov, double[] ax, double[] ay) {
            int P = fs.size, comps = ay == null ? 1 : 2;
            double[] out = new double[P * comps];
            for (int c = 0; c < comps; c++) {
                double[] A = c == 0 ? ax : ay;
                for (int p = 0; p < P; p++) {
                    int a = fs.band[p];
                    double acc = 0;
                    for (int q = 0; q < P; q++) {
                        int o = (p * P + q) * blk, bq = fs.band[q];
                        double wr = ov[o + 2 * (a * n + bq)], wi = ov[o + 2 * (a * n + bq) + 1];
                        double s = 0;
                        for (int l = 0; l < n; l++) {
                            if (l != a) { // A_p^{la} W_{a bq} conj(W_{l bq})
                                double xr = A[p * blk + 2 * (l * n + a)], xi = A[p * blk + 2 * (l * n + a) + 1];
                                double zr = ov[o + 2 * (l * n + bq)], zi = -ov[o + 2 * (l * n + bq) + 1];
                                double tr = wr * zr - wi * zi, ti = wr * zi + wi * zr;
                                s += xr * tr - xi * ti;
                            }
                            if (l != bq) { // − A_q^{bq l} conj(W_{a l}) W_{a bq}
                                double xr = A[q * blk + 2 * (bq * n + l)], xi = A[q * blk + 2 * (bq * n + l) + 1];
                                double zr = ov[o + 2 * (a * n + l)], zi = -ov[o + 2 * (a * n + l) + 1];
                                double tr = zr * wr - zi * wi, ti = zr * wi + zi * wr;
                                s -= xr * tr - xi * ti;
                            }
                        }
                        acc += fs.w[q] * s;
                    }
                    out[p * comps + c] = 2 * Math.PI * u0sq * acc;
                }
            }
            return out;
        }

        /**
         * Side-jump source −J_E(n_FD) as shell amplitudes per field direction (interleaved x, y):
         * 2πu_0² Σ_q w_q |W|² δr_{qp}, with the covariant coordinate shift
         * |W|²δr_{qp} = Im[⟨u_p|Du_q⟩ W*] − Im[⟨u_q|Du_p⟩ W], W = ⟨u_p|u_q⟩, |Du^m⟩ = −iΣ_{n≠m}|u^n⟩R′^{nm} (seed 002 Eqs. 37–38).
         */
        double[] coordinateShiftSource(Shell fs, double[] ov) {
            int P = fs.size;
            double[] out = new double[2 * P];
            for (int p = 0; p < P; p++) {
                int a = fs.band[p];
                double sx = 0, sy = 0;
                for (int q = 0; q < P; q++) {
                    int o = (p * P + q) * blk, c = fs.band[q];
                    double wr = ov[o + 2 * (a * n + c)], wi = ov[o + 2 * (a * n + c) + 1];
                    for (int comp = 0; comp < 2; comp++) {
                        double[] R = comp == 0 ? fs.rx : fs.ry;
                        // X1 = −i Σ_{l≠c} W_{al} R′_q^{lc}
                        double x1r = 0, x1i = 0, x2r = 0, x2i = 0;
                        for (int l = 0; l < n; l++) {
                            if (l != c) {
                                double zr = ov[o + 2 * (a * n + l)], zi = ov[o + 2 * (a * n + l) + 1];
                                double rr = R[q * blk + 2 * (l * n + c)], ri = R[q * blk + 2 * (l * n + c) + 1];
                                x1r += zr * rr - zi * ri;
                                x1i += zr * ri + zi * rr;
                            }
                            if (l != a) { // X2 = −i Σ_{l≠a} conj(W_{lc}) R′_p^{la}
                                double zr = ov[o + 2 * (l * n + c)], zi = -ov[o + 2 * (l * n + c) + 1];
                                double rr = R[p * blk + 2 * (l * n + a)], ri = R[p * blk + 2 * (l * n + a) + 1];
                                x2r += zr * rr - zi * ri;
                                x2i += zr * ri + zi * rr;
                            }
                        }
                        // multiply by −i: (r, i) → (i, −r)
                        double X1r = x1i, X1i = -x1r, X2r = x2i, X2i = -x2r;
                        double im1 = X1i * wr - X1r * wi;   // Im[X1 conj W]
                        double im2 = X2i * wr + X2r * wi;   // Im[X2 W]
                        double v = fs.w[q] * (im1 - im2);
                        if (comp == 0) sx += v; else sy += v;
                    }
                }
                out[2 * p] = 2 * Math.PI * u0sq * sx;
                out[2 * p + 1] = 2 * Math.PI * u0sq * sy;
            }
            return out;
        }

        /**
         * Skew distribution on the Fermi shell and on the shadow shells (seed 002 Eqs. 34–36, 84).
         * <p><b>Observables use the Fermi-shell half twice ({@link #MIRROR} = 2); the shadow-shell half is kept as a
         * profile only.</b> Form B splits J(S′)^{diag} into a Fermi-shell half (every δ at ε_F: the local m = s terms
         * and the nonlocal (s, l) element) and a shadow half (the other band's energy E′ = ε^m(k_F): the local m ≠ s
         * terms and the nonlocal (l, s) element), whose n^sk is relaxed by J₀ at E′. At T = 0 the Kubo–Středa
         * response resums G^R G^A only at ε_F, so no transport time at E′ ≠ ε_F can enter: the shadow half is the
         * kinetic equation's stand-in for the mirror contribution (the disorder-induced interband coherence next to
         * the observable's vertex instead of the field's), which pairs the same Fermi-shell kernel the other way round
         * and so equals the Fermi-shell half for every observable. For the massive Dirac model the two coincide by
         * particle–hole symmetry (J₀ at −ε_F is J₀ at ε_F; P 84's −n^sk on the valence ring), which is why the TI
         * closed forms held either way. With ε_k = k²/2m (Rashba ferromagnet) they differ: the shadow line has
         * another band's velocity and, at E′, another band's line in its J₀. Summing the shadow shells gave σ_yx
         * 0.1550 (one sheet) and −0.0026 (two sheets) against the non-crossing Kubo ladder's 0.23642 and 0; the
         * Fermi-shell half twice reproduces the ladder for σ_yx and ⟨s_x⟩ to ≤ 2e-6 ({@code RashbaSkewTest}).
         */
        final class Skew {
            /** Weight of the Fermi-shell half of n^sk in the observables (it plus its equal mirror; see above). */
            static final double MIRROR = 2;
            final List<Shell> shells = new ArrayList<>();
            final double[][][] g; // [shell][field][point]
            final int[][] shadow;  // [fs contour][band] → shell index (0 = Fermi shell for the line's own band)

            Skew(Shell fs, double[] ovFF, Collision c0, double[][] sp) {
                shells.add(fs);
                int nc = fs.contours.size();
                shadow = new int[nc][n];
                List<Double> energies = new ArrayList<>();
                energies.add(ef);
                for (int c = 0; c < nc; c++) {
                    int s = fs.contours.get(c).band();
                    for (int m = 0; m < n; m++) {
                        if (m == s) { shadow[c][m] = 0; continue; }
                        double mean = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                        int cnt = 0;
                        for (int p = fs.contourStart[c]; p < fs.contourStart[c + 1]; p++) {
                            double e = fs.eps[p * n + m];
                            mean += e; cnt++;
                            lo = Math.min(lo, e); hi = Math.max(hi, e);
                        }
                        mean /= cnt;
                        double tol = 1e-9 * Math.max(1, Math.abs(mean) + Math.abs(ef));
                        if (hi - lo > tol)
                            throw new DiffusonException("hamiltonian", String.format(Locale.ROOT,
                                    "band %d varies by %.3g along the Fermi line of band %d: its form-%s skew source is not on an iso-energy line (anisotropic model)",
                                    m, hi - lo, s, form), "the Boltzmann skew term for anisotropic multiband models needs 2D k-grids; use the Kubo ladder (seed 002 Eq. 65, non-crossing Kubo–Středa) for this model");
                        int idx = -1;
                        for (int t = 0; t < energies.size(); t++)
                            if (Math.abs(energies.get(t) - mean) <= tol) idx = t;
                        if (idx < 0) { energies.add(mean); idx = energies.size() - 1; }
                        shadow[c][m] = idx;
                    }
                }
                for (int t = 1; t < energies.size(); t++) {
                    double e = energies.get(t);
                    shells.add(new Shell(work, e, FermiContour.find(work, e, cx, cy, kMax, angles, scan), spin));
                }
                int T = shells.size(), P = fs.size;
                // point on the shadow shell carrying band m at the same k as Fermi point p
                int[][] match = new int[P][n];
                for (int c = 0; c < nc; c++) {
                    int s = fs.contours.get(c).band();
                    for (int m = 0; m < n; m++) {
                        if (m == s) continue;
                        Shell sh = shells.get(shadow[c][m]);
                        int found = -1;
                        for (int d = 0; d < sh.contours.size() && found < 0; d++) {
                            FermiContour fc = sh.contours.get(d);
                            if (fc.band() != m) continue;
                            boolean same = true;
                            for (int j = 0; j < angles && same; j++)
                                same = Math.abs(fc.radius()[j] - fs.contours.get(c).radius()[j]) <= 1e-8 * Math.max(1e-300, fs.contours.get(c).radius()[j]);
                            if (same) found = d;
                        }
                        if (found < 0)
                            throw new DiffusonException("hamiltonian", "no iso-energy line of band " + m + " at E = " + sh.energy + " coincides with the Fermi line of band " + s,
                                    "the skew source of band " + m + " is not on one of its shells; use the Kubo ladder (seed 002 Eq. 65, non-crossing Kubo–Středa) for this model");
                        for (int j = 0; j < angles; j++) match[fs.point(c, j)][m] = sh.point(found, j);
                    }
                }
                double[][] ovTF = new double[T][];
                ovTF[0] = ovFF;
                for (int t = 1; t < T; t++) ovTF[t] = Shell.overlaps(shells.get(t), fs);
                // projected overlaps Q(p, t)_{xy} = Σ_{q∈t} w_q W_{x b_q}(p,q) conj(W_{y b_q}(p,q)), W(p,q) = conj(W(q,p))^T
                double[][] proj = new double[T][P * blk];
                for (int t = 0; t < T; t++) {
                    Shell sh = shells.get(t);
                    for (int p = 0; p < P; p++)
                        for (int q = 0; q < sh.size; q++) {
                            int o = (q * P + p) * blk, bq = sh.band[q];
                            for (int x = 0; x < n; x++)
                                for (int yy = 0; yy < n; yy++) {
                                    // W_{x bq}(p,q) = conj(ovTF[q,p]_{bq x})
                                    double ar = ovTF[t][o + 2 * (bq * n + x)], ai = -ovTF[t][o + 2 * (bq * n + x) + 1];
                                    double br = ovTF[t][o + 2 * (bq * n + yy)], bi = ovTF[t][o + 2 * (bq * n + yy) + 1]; // conj(conj)
                                    proj[t][p * blk + 2 * (x * n + yy)] += sh.w[q] * (ar * br - ai * bi);
                                    proj[t][p * blk + 2 * (x * n + yy) + 1] += sh.w[q] * (ar * bi + ai * br);
                                }
                        }
                }
                g = new double[T][2][];
                double pre = 2 * Math.PI * u0sq;
                for (int b = 0; b < 2; b++) {
                    double[][] src = new double[T][];
                    for (int t = 0; t < T; t++) src[t] = new double[shells.get(t).size];
                    double[] S = sp[b];
                    // local terms
                    for (int p = 0; p < P; p++) {
                        int s = fs.band[p], c = fs.contour[p];
                        for (int m = 0; m < n; m++) {
                            if (m == s) {
                                double v = 0;
                                for (int l = 0; l < n; l++) {
                                    if (l == s) continue;
                                    int t = form == SkewForm.B ? 0 : shadow[c][l];
                                    v += reProd(proj[t], p * blk + 2 * (s * n + l), S, p * blk + 2 * (l * n + s));
                                }
                                src[0][p] += pre * v;
                            } else {
                                int t = form == SkewForm.B ? shadow[c][m] : 0;
                                double v = reProd(proj[t], p * blk + 2 * (m * n + s), S, p * blk + 2 * (s * n + m));
                                int target = shadow[c][m], k = match[p][m];
                                src[target][k] += pre * v * fs.w[p] / shells.get(target).w[k];
                            }
                        }
                    }
                    // nonlocal terms
                    for (int t = 0; t < T; t++) {
                        Shell sh = shells.get(t);
                        double[] ov = ovTF[t];
                        for (int k = 0; k < sh.size; k++) {
                            int m = sh.band[k];
                            double v = 0;
                            for (int q = 0; q < P; q++) {
                                int s = fs.band[q], c = fs.contour[q], o = (k * P + q) * blk;
                                double acc = 0;
                                for (int l = 0; l < n; l++) {
                                    if (l == s) continue;
                                    // (m', l') = (s, l): δ energy B: ε_F, A: shadow(c, l)
                                    if ((form == SkewForm.B ? 0 : shadow[c][l]) == t)
                                        acc += reTriple(ov, o, m, s, S, q * blk + 2 * (s * n + l), l);
                                    // (m', l') = (l, s): δ energy B: shadow(c, l), A: ε_F
                                    if ((form == SkewForm.B ? shadow[c][l] : 0) == t)
                                        acc += reTriple(ov, o, m, l, S, q * blk + 2 * (l * n + s), s);
                                }
                                v += fs.w[q] * acc;
                            }
                            src[t][k] -= pre * v;
                        }
                    }
                    for (int t = 0; t < T; t++) {
                        double[] rhs = src[t];
                        for (int k = 0; k < rhs.length; k++) rhs[k] = -rhs[k]; // J₀ n^sk = −J_sk
                        g[t][b] = rhs;
                    }
                }
                // solve J₀ n^sk = −J_sk on every shell
                for (int t = 0; t < T; t++) {
                    Shell sh = shells.get(t);
                    Collision col = t == 0 ? c0 : new Collision(sh, Shell.overlaps(sh, sh), u0sq);
                    for (int b = 0; b < 2; b++) g[t][b] = col.solve(g[t][b]);
                    solvability = Math.max(solvability, col.worstProjection());
                }
            }
        }

        /** Re[A_{i} B_{j}] for complex entries A at ia and B at ib. */
        static double reProd(double[] a, int ia, double[] b, int ib) { return a[ia] * b[ib] - a[ia + 1] * b[ib + 1]; }

        /** Re[W_{m x}(k,q) S_q^{x y} conj(W_{m y}(k,q))] with W at ov[o + ...]. */
        double reTriple(double[] ov, int o, int m, int x, double[] S, int is, int yIdx) {
            double ar = ov[o + 2 * (m * n + x)], ai = ov[o + 2 * (m * n + x) + 1];
            double br = ov[o + 2 * (m * n + yIdx)], bi = -ov[o + 2 * (m * n + yIdx) + 1];
            double sr = S[is], si = S[is + 1];
            double tr = ar * sr - ai * si, ti = ar * si + ai * sr;
            return tr * br - ti * bi;
        }

        Conductivity tensor(double[][] j, double f) { return new Conductivity(f * j[0][0], f * j[0][1], f * j[1][0], f * j[1][1]); }

        double[] stride(double[] a, int off) {
            double[] o = new double[a.length / 2];
            for (int i = 0; i < o.length; i++) o[i] = a[2 * i + off];
            return o;
        }
    }
}
