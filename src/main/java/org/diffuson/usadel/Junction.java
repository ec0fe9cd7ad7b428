package org.diffuson.usadel;

import org.diffuson.Cancellation;
import org.diffuson.DiffusonException;
import org.diffuson.linalg.CMatrix;
import org.hipparchus.complex.Complex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A 1D (or, with {@code winding} ≥ 0 and {@link #radial}, cylindrical) diffusive junction: layers between two
 * boundaries, solved from the stationary Usadel equation D∂(ǧ∂ǧ) + [Λ̌ − σ^aǧσ^a/8τ_so, ǧ] = 0 (seed 003 Eqs. 1–3 in
 * 1D, where every θ and κ term vanishes) by Chebyshev collocation in one of two parametrizations:
 * <ul>
 *   <li>{@link Form#THETA}: collinear fields along z, per spin (D/2)Θ_s″ − (ω − is h)sinΘ_s + Δ cosΘ_s
 *       + sin(Θ_{−s} − Θ_s)/(4τ_so) = 0 (the spin-relaxation coupling term is required; without it a per-spin solver
 *       silently ignores τ_so);</li>
 *   <li>{@link Form#RICCATI}: any spin structure and phase, ǧ = [[N(1+γγ̃), 2Nγ], [−2Ñγ̃, −Ñ(1+γ̃γ)]] with
 *       D(γ″ + 2γ′Ñγ̃γ′) = L12 − L11γ + γL22 − γL21γ and its tilde partner, L = Λ̌ − σ^aǧσ^a/8τ_so.</li>
 * </ul>
 * Frequencies are complex: Matsubara ω real, retarded ω = η − iε. Solutions are continued along the energy axis only
 * (from large ω, or from above the gap), never in (h, τ_so).
 */
public record Junction(List<Layer> layers, Boundary left, Boundary right, List<Boundary> contacts, boolean radial,
                       int winding) {

    /** Parametrization of the BVP. */
    public enum Form { THETA, RICCATI }

    public Junction {
        layers = List.copyOf(layers);
        contacts = List.copyOf(contacts);
        if (layers.isEmpty()) throw new DiffusonException("layers", "a junction needs at least one layer", "add a layer");
        if (contacts.size() != layers.size() - 1)
            throw new DiffusonException("contacts", "need one contact per pair of neighbouring layers",
                    "pass layers.size() − 1 contacts (Boundary.transparent() or Boundary.barrier(L_B))");
        for (Boundary c : contacts)
            if (!(c instanceof Boundary.Transparent || c instanceof Boundary.Barrier))
                throw new DiffusonException("contacts", "a contact between layers must be transparent or a barrier",
                        "use Boundary.transparent() or Boundary.barrier(L_B)");
        for (Boundary b : new Boundary[]{left, right})
            if (b instanceof Boundary.Transparent || b instanceof Boundary.Barrier)
                throw new DiffusonException("boundary", "outer ends take rigid, vacuum or tunnel conditions",
                        "use Boundary.rigid(bulk), Boundary.vacuum() or Boundary.tunnel(bulk, phase, L_B)");
    }

    /** Layers joined by transparent contacts. */
    public static Junction of(Boundary left, Boundary right, Layer... layers) {
        List<Boundary> c = new ArrayList<>();
        for (int i = 1; i < layers.length; i++) c.add(Boundary.transparent());
        return new Junction(List.of(layers), left, right, c, false, 0);
    }

    /**
     * SNS junction of length L between rigid BCS electrodes with gap Δ and phases ∓φ/2 (x ∈ [0, L]).
     */
    public static Junction sns(double length, double diffusion, double gap, double phase) {
        return of(Boundary.rigid(Bulk.bcs(gap), -phase / 2), Boundary.rigid(Bulk.bcs(gap), phase / 2),
                Layer.normal(length, diffusion));
    }

    /** Radial problem on [r0, R] (vortex core of winding n): adds Θ′/r − (n²/r²) sinΘcosΘ (θ-form only). */
    public Junction radialWithWinding(int n) {
        return new Junction(layers, left, right, contacts, true, n);
    }

    /** Diffusion constant of the layer containing x (the left layer at an interface; x from the left end). */
    public double diffusionAt(double x) {
        double edge = 0;
        for (Layer l : layers) {
            edge += l.length();
            if (x <= edge) return l.diffusion();
        }
        return layers.get(layers.size() - 1).diffusion();
    }

    /** Total length. */
    public double length() {
        double s = 0;
        for (Layer l : layers) s += l.length();
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // mesh and node data

    /** Node-wise material data on a mesh (D, Δ, h, 1/τ_so). */
    record Nodes(Collocation.Mesh mesh, int[] layer, double[] d, double[] gap, double[] gapIm, double[][] h,
                 double[] rate, int[] firstDomain, double origin) {
        /** True if Δ has a non-zero imaginary part somewhere (a phase that is not 0 or π). */
        boolean complexGap() {
            for (double v : gapIm) if (v != 0) return true;
            return false;
        }
    }

    Nodes nodes(double[] gapOverride, double origin) {
        int k = 0;
        for (Layer l : layers) k += l.domains();
        double[] br = new double[k + 1];
        int[] n = new int[k];
        int[] first = new int[layers.size()];
        int di = 0;
        double x0 = origin;
        br[0] = origin;
        for (int li = 0; li < layers.size(); li++) {
            Layer l = layers.get(li);
            first[li] = di;
            for (int j = 0; j < l.domains(); j++) {
                n[di] = l.intervals();
                br[di + 1] = x0 + l.length() * (j + 1) / l.domains();
                di++;
            }
            x0 += l.length();
        }
        Collocation.Mesh mesh = Collocation.Mesh.of(br, n);
        int p = mesh.points();
        int[] lay = new int[p];
        if (gapOverride != null && gapOverride.length != p && gapOverride.length != 2 * p)
            throw new DiffusonException("gapProfile", "Δ profile has " + gapOverride.length + " values for " + p
                    + " mesh nodes", "pass one real value per node, or interleaved (Re, Im) pairs for a complex Δ");
        boolean cplx = gapOverride != null && gapOverride.length == 2 * p;
        double[] d = new double[p], gap = new double[p], gapIm = new double[p], rate = new double[p];
        double[][] h = new double[p][];
        double[] xs = mesh.x();
        for (int dom = 0; dom < k; dom++) {
            int li = 0;
            for (int q = 0; q < layers.size(); q++) if (first[q] <= dom) li = q;
            Layer l = layers.get(li);
            double start = origin;
            for (int q = 0; q < li; q++) start += layers.get(q).length();
            for (int j = 0; j <= mesh.intervals(dom); j++) {
                int idx = mesh.start(dom) + j;
                lay[idx] = li;
                d[idx] = l.diffusion();
                gap[idx] = gapOverride == null ? l.gap() : cplx ? gapOverride[2 * idx] : gapOverride[idx];
                gapIm[idx] = cplx ? gapOverride[2 * idx + 1] : 0;
                rate[idx] = l.spinFlipRate();
                h[idx] = l.field(xs[idx] - start);
            }
        }
        return new Nodes(mesh, lay, d, gap, gapIm, h, rate, first, origin);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // solving at one frequency

    /**
     * Solves at complex frequency ω (Matsubara ω_n, or η − iε) from an initial guess (a neighbouring solution on the
     * same mesh, or null for the local-bulk guess). Throws a {@link DiffusonException} naming the residual if Newton
     * fails.
     */
    public JunctionSolution solve(Complex omega, Form form, JunctionSolution guess, double[] gapProfile,
                                  double origin) {
        return solve(omega, form, guess, gapProfile, origin, null);
    }

    /** As above, starting from (and returning in) a factored Jacobian of a nearby problem on the same mesh. */
    JunctionSolution solve(Complex omega, Form form, JunctionSolution guess, double[] gapProfile, double origin,
                           Collocation.Jacobian[] jacobian) {
        Nodes nd = nodes(gapProfile, origin);
        if (form == Form.THETA) {
            if (nd.complexGap())
                throw new DiffusonException("form", "the θ-parametrization needs a real pair potential Δ(x)",
                        "use Form.RICCATI for a complex Δ (a phase-biased junction)");
            for (Layer l : layers)
                if (!l.collinear() || l.helix() != 0)
                    throw new DiffusonException("form", "layer " + l.name() + " has a non-collinear field",
                            "use Form.RICCATI for fields not along z");
            for (Boundary b : new Boundary[]{left, right}) {
                if (b instanceof Boundary.Core) continue;
                double ph = Boundary.phaseOf(b);
                double c = Math.cos(ph);
                if (Math.abs(Math.sin(ph)) > 1e-14)
                    throw new DiffusonException("form", "the θ-parametrization needs reservoir phases 0 or π, got " + ph,
                            "use Form.RICCATI for a phase difference (supercurrent)");
                Bulk res = Boundary.reservoirOf(b);
                if (res != null && (res.hx() != 0 || res.hy() != 0))
                    throw new DiffusonException("form", "reservoir field not along z", "use Form.RICCATI");
            }
        } else if (radial) {
            throw new DiffusonException("form", "the radial (vortex) geometry is implemented in the θ-form",
                    "use Form.THETA with a field along z");
        }
        int m = form == Form.THETA ? 2 : 8;
        double[] y0;
        if (guess != null && guess.form() == form && guess.mesh().points() == nd.mesh().points()) y0 = guess.yView();
        else y0 = localBulkGuess(nd, omega, form);
        // θ-form without any exchange field: Θ_+ = Θ_− and the τ_so coupling vanishes, so one Θ is solved (a quarter of
        // the linear algebra) and copied to both spins
        boolean degenerate = form == Form.THETA && spinDegenerate(nd);
        if (degenerate) {
            double[] one = new double[y0.length / 2];
            for (int i = 0; i < one.length / 2; i++) {
                one[2 * i] = y0[4 * i];
                one[2 * i + 1] = y0[4 * i + 1];
            }
            y0 = one;
        }
        // Riccati form without any exchange field: γ = aσ0, γ̃ = bσ0, two scalars per node (see RiccatiForm)
        boolean scalar = form == Form.RICCATI && fieldFree(nd);
        if (scalar) {
            int p = nd.mesh().points();
            double[] small = new double[4 * p];
            for (int i = 0; i < p; i++)
                for (int c = 0; c < 4; c++) small[4 * i + c] = y0[16 * i + RiccatiForm.SCALAR[c]];
            y0 = small;
        }
        Collocation.Equation eq = form == Form.THETA ? new ThetaForm(nd, omega, radial, winding, degenerate)
                : new RiccatiForm(nd, omega, scalar);
        Collocation.EndCondition l = end(left, omega, form, true, nd), r = end(right, omega, form, false, nd);
        if (scalar) {
            l = scalarEnd(l);
            r = scalarEnd(r);
        }
        Collocation.Matching[] match = new Collocation.Matching[nd.mesh().domains() - 1];
        for (int dom = 0; dom + 1 < nd.mesh().domains(); dom++) {
            int li = -1;
            for (int q = 1; q < layers.size(); q++) if (nd.firstDomain()[q] == dom + 1) li = q;
            if (li < 0) match[dom] = Collocation.SMOOTH;
            else {
                match[dom] = contact(contacts.get(li - 1), layers.get(li - 1).diffusion(), layers.get(li).diffusion(), form);
                if (scalar) match[dom] = scalarMatching(match[dom]);
            }
        }
        Collocation.Result res = Collocation.solve(nd.mesh(), eq, l, r, match, y0, 1e-11, 40, jacobian);
        if (!res.converged())
            throw new DiffusonException("bvp", String.format(Locale.ROOT,
                    "Newton did not converge at ω = %s (%s form): residual %.3g after %d iterations", omega, form,
                    res.residual(), res.iterations()),
                    "continue from a converged neighbour along the energy axis (Junction.retarded/matsubara do), "
                            + "increase η, or refine the mesh (Layer.withMesh)");
        double[] y = res.yView();
        if (scalar) {
            double[] small = y;
            y = new double[4 * small.length];
            for (int i = 0; i < small.length / 4; i++) RiccatiForm.expand(small, 4 * i, y, 16 * i);
        }
        if (degenerate) {
            double[] half = y;
            y = new double[2 * half.length];
            for (int i = 0; i < half.length / 2; i++) {
                y[4 * i] = y[4 * i + 2] = half[2 * i];
                y[4 * i + 1] = y[4 * i + 3] = half[2 * i + 1];
            }
        }
        return new JunctionSolution(this, nd, form, omega, y, res.iterations(), res.residual());
    }

    /** No exchange field in any direction, in the layers or the reservoirs: the Riccati γ, γ̃ are ∝ σ0. */
    private boolean fieldFree(Nodes nd) {
        for (double[] h : nd.h()) if (h[0] != 0 || h[1] != 0 || h[2] != 0) return false;
        for (Boundary b : new Boundary[]{left, right}) {
            Bulk r = Boundary.reservoirOf(b);
            if (r != null && r.h() != 0) return false;
        }
        return true;
    }

    /** A full (16-component) Riccati end condition restricted to γ = aσ0, γ̃ = bσ0: its γ_11, γ̃_11 rows. */
    private static Collocation.EndCondition scalarEnd(Collocation.EndCondition full) {
        return (x, y, dy, out) -> {
            double[] fy = new double[16], fdy = new double[16], o = new double[16];
            RiccatiForm.expand(y, 0, fy, 0);
            RiccatiForm.expand(dy, 0, fdy, 0);
            full.residual(x, fy, fdy, o);
            for (int c = 0; c < 4; c++) out[c] = o[RiccatiForm.SCALAR[c]];
        };
    }

    /** A full Riccati matching condition (32 rows) restricted to the scalar form (8 rows). */
    private static Collocation.Matching scalarMatching(Collocation.Matching full) {
        return (x, yL, dyL, yR, dyR, out) -> {
            double[] a = new double[16], da = new double[16], b = new double[16], db = new double[16], o = new double[32];
            RiccatiForm.expand(yL, 0, a, 0);
            RiccatiForm.expand(dyL, 0, da, 0);
            RiccatiForm.expand(yR, 0, b, 0);
            RiccatiForm.expand(dyR, 0, db, 0);
            full.residual(x, a, da, b, db, o);
            for (int c = 0; c < 4; c++) {
                out[c] = o[RiccatiForm.SCALAR[c]];
                out[4 + c] = o[16 + RiccatiForm.SCALAR[c]];
            }
        };
    }

    /** No exchange field anywhere (layers and reservoirs): the two spin blocks of the θ-form are identical. */
    private boolean spinDegenerate(Nodes nd) {
        for (double[] h : nd.h()) if (h[2] != 0) return false;
        for (Boundary b : new Boundary[]{left, right}) {
            Bulk r = Boundary.reservoirOf(b);
            if (r != null && r.hz() != 0) return false;
        }
        return true;
    }

    /** Matsubara solution at ω &gt; 0, continued down from large ω. */
    public JunctionSolution matsubara(double omega, Form form) {
        return continueTo(new Complex(omega), form, null, null, 0);
    }

    /** Retarded solution at energy ε with broadening η &gt; 0, continued down from above the gap. */
    public JunctionSolution retarded(double energy, double eta, Form form) {
        Usadel.requireBroadening(eta);
        return continueTo(new Complex(eta, -energy), form, null, null, 0);
    }

    /**
     * Energy far above every scale of the problem, where continuation starts: the layers' Δ + |h| + 1/τ_so, 3 Thouless
     * energies D/L² of the shortest layer, and the reservoirs' Δ + |h| unless they are effectively infinite (a rigid
     * Θ = π/2 electrode modelled by Δ ≫ E_Th is ignored above 10³ × the junction's own scale).
     */
    double scale() {
        double s = 1;
        for (Layer l : layers) {
            double[] h = l.field(0);
            s = Math.max(s, l.gap() + Math.sqrt(h[0] * h[0] + h[1] * h[1] + h[2] * h[2]) + l.spinFlipRate()
                    + 3 * l.diffusion() / (l.length() * l.length()));
        }
        double own = s;
        for (Boundary b : new Boundary[]{left, right}) {
            Bulk r = Boundary.reservoirOf(b);
            if (r != null && r.delta() + r.h() < 1e3 * own) s = Math.max(s, 1.5 * (r.delta() + r.h()));
        }
        return s;
    }

    /** Smallest nonzero energy scale (layer gaps, finite reservoir gaps, Thouless energies): sets the detour η. */
    double smallScale() {
        double s = Double.POSITIVE_INFINITY;
        for (Layer l : layers) {
            if (l.gap() > 0) s = Math.min(s, l.gap());
            s = Math.min(s, l.diffusion() / (l.length() * l.length()));
        }
        for (Boundary b : new Boundary[]{left, right}) {
            Bulk r = Boundary.reservoirOf(b);
            if (r != null && r.delta() > 0 && r.delta() < 1e3 * scale()) s = Math.min(s, r.delta());
        }
        return s;
    }

    /**
     * Continuation along the energy axis from {@code from} (or from far above all energy scales if null) to ω.
     * Matsubara ω is approached geometrically from above. A retarded ω = η − iε is reached through the upper half
     * plane, where ǧ^R is analytic: along ε at a detour broadening η_c = max(η, 0.05·smallest scale), then down in η
     * to the requested value at fixed ε (so folds such as the SNS minigap edge are never crossed on the real axis).
     * Steps shrink on failure; a {@link DiffusonException} names the energy where continuation stalled.
     */
    public JunctionSolution continueTo(Complex omega, Form form, JunctionSolution from, double[] gapProfile,
                                       double origin) {
        boolean matsubaraAxis = omega.getImaginary() == 0;
        if (!matsubaraAxis) Usadel.requireBroadening(omega.getReal());
        else if (!(omega.getReal() > 0))
            throw new DiffusonException("omega", "a Matsubara frequency must be > 0, got " + omega.getReal(),
                    "pass ω_n = πT(2n+1) (negative ω follow from the symmetry ǧ(−ω))");
        if (matsubaraAxis) {
            double target = omega.getReal();
            JunctionSolution cur = from;
            double pos;
            if (cur == null) {
                pos = Math.max(target, 2 * scale());
                cur = solve(new Complex(pos), form, null, gapProfile, origin);
            } else pos = cur.omega().getReal();
            return path(cur, pos, target, true, true, 0, form, gapProfile, origin);
        }
        double target = -omega.getImaginary(), eta = omega.getReal();
        double etaC = Math.max(eta, 0.05 * smallScale());
        JunctionSolution cur = from;
        double pos;
        if (cur == null) {
            pos = Math.copySign(Math.max(Math.abs(target), 2 * scale()), target == 0 ? 1 : target);
            cur = solve(new Complex(etaC, -pos), form, null, gapProfile, origin);
        } else {
            pos = -cur.omega().getImaginary();
            etaC = Math.max(cur.omega().getReal(), eta);
        }
        cur = path(cur, pos, target, false, false, etaC, form, gapProfile, origin);     // along ε at η_c
        return path(cur, etaC, eta, false, true, target, form, gapProfile, origin);     // down in η at fixed ε
    }

    /** One leg of a continuation: geometric in ω (or η at fixed ε = other) if geometric, else linear in ε at η = other. */
    private JunctionSolution path(JunctionSolution cur, double pos, double target, boolean matsubaraAxis,
                                  boolean geometric, double other, Form form, double[] gapProfile, double origin) {
        // first try the whole leg in one step (a converged neighbour is usually close); subdivide on failure
        double ratio = geometric ? target / pos : 1, step = target - pos;
        int guard = 0;
        Collocation.Jacobian[] jac = new Collocation.Jacobian[1];   // the last step's Jacobian starts the next (chord)
        while (Math.abs(pos - target) > 1e-13 * Math.abs(target)) {
            Cancellation.check("Usadel continuation along the energy axis");
            if (++guard > 600)
                throw new DiffusonException("bvp", "continuation needed more than 600 steps", "increase η or refine the mesh");
            double next;
            if (geometric) next = (ratio < 1 ? pos * ratio <= target : pos * ratio >= target) ? target : pos * ratio;
            else next = Math.abs(target - pos) <= Math.abs(step) ? target : pos + step;
            Complex w = matsubaraAxis ? new Complex(next) : geometric ? new Complex(next, -other) : new Complex(other, -next);
            try {
                JunctionSolution s = solve(w, form, cur, gapProfile, origin, jac);
                cur = s;
                pos = next;
                if (s.iterations() <= 8) {       // easy step: lengthen; a slow one keeps its length
                    if (geometric) ratio = ratio < 1 ? Math.max(ratio * ratio, 1e-2) : Math.min(ratio * ratio, 1e2);
                    else step *= 1.5;
                }
            } catch (DiffusonException e) {
                // the failed attempt's Jacobian belongs to a point far from the solution: refactor at the last converged
                if (jac[0] != null) jac[0].factored = false;
                if (geometric) ratio = Math.sqrt(ratio);
                else step /= 2;
                if ((geometric && Math.abs(ratio - 1) < 1e-4) || (!geometric && Math.abs(step) < 1e-9 * (1 + Math.abs(pos))))
                    throw new DiffusonException("bvp", String.format(Locale.ROOT,
                            "continuation along the energy axis stalled at %s (last converged), target %.6g: %s",
                            cur.omega(), target, e.getMessage()),
                            "increase η, refine the mesh, or check that the parameters allow a solution");
            }
        }
        return cur;
    }

    private static Complex at(boolean matsubaraAxis, double pos, double eta) {
        return matsubaraAxis ? new Complex(pos) : new Complex(eta, -pos);
    }

    /**
     * DOS N(ε)/N_F at position x for each energy (retarded, broadening η), continued down from above the gap along the
     * energy axis; every value is checked N ≥ −O(η).
     */
    public double[] dos(double[] energies, double eta, double x, Form form) {
        Usadel.requireBroadening(eta);
        double[] out = new double[energies.length];
        Integer[] order = new Integer[energies.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(energies[b], energies[a]));
        JunctionSolution companion = null;     // solution at the detour broadening η_c, carried along ε
        for (int idx : order) {
            Cancellation.check("Usadel DOS sweep");
            double e = energies[idx];
            double etaC = Math.max(eta, 0.05 * smallScale());
            companion = companion == null ? continueTo(new Complex(etaC, -e), form, null, null, 0)
                    : continueTo(new Complex(etaC, -e), form, companion, null, 0);
            JunctionSolution cur = continueTo(new Complex(eta, -e), form, companion, null, 0);
            out[idx] = cur.dos(x);
            Usadel.checkDos("junction at x = " + x, e, out[idx], eta);
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // guesses, boundary and contact conditions

    private double[] localBulkGuess(Nodes nd, Complex omega, Form form) {
        int p = nd.mesh().points(), m = form == Form.THETA ? 2 : 8;
        double[] y = new double[2 * m * p];
        for (int i = 0; i < p; i++) {
            double abs = Math.hypot(nd.gap()[i], nd.gapIm()[i]), chi = Math.atan2(nd.gapIm()[i], nd.gap()[i]);
            if (abs == 0) continue;  // normal: Θ = 0, γ = 0
            Bulk b = new Bulk(abs, nd.h()[i][0], nd.h()[i][1], nd.h()[i][2], nd.rate()[i]);
            if (chi != 0) {        // complex Δ (Riccati form only): the bulk rotated by e^{iχτ3/2}
                System.arraycopy(RiccatiForm.fromMatrix(reservoir(b, chi, omega)), 0, y, 2 * i * m, 16);
                continue;
            }
            BulkState s = bulkAt(b, omega);
            if (form == Form.THETA) {
                y[2 * (i * m)] = s.thetaUp().getReal();
                y[2 * (i * m) + 1] = s.thetaUp().getImaginary();
                y[2 * (i * m + 1)] = s.thetaDown().getReal();
                y[2 * (i * m + 1) + 1] = s.thetaDown().getImaginary();
            } else {
                double[] g = RiccatiForm.fromMatrix(s.matrix());
                System.arraycopy(g, 0, y, 2 * i * m, 16);
            }
        }
        return y;
    }

    static BulkState bulkAt(Bulk b, Complex omega) {
        return omega.getImaginary() == 0 ? b.matsubara(omega.getReal())
                : b.retarded(-omega.getImaginary(), omega.getReal());
    }

    /** Reservoir ǧ (4×4) with phase φ: e^{iφτ3/2} ǧ e^{−iφτ3/2}. */
    static CMatrix reservoir(Bulk b, double phase, Complex omega) {
        CMatrix g = bulkAt(b, omega).matrix();
        if (phase == 0) return g;
        CMatrix u = Nambu.tau(0).scale(Math.cos(phase / 2)).plus(Nambu.tau(3).scale(0, Math.sin(phase / 2)));
        return u.times(g).times(u.dagger());
    }

    private Collocation.EndCondition end(Boundary b, Complex omega, Form form, boolean isLeft, Nodes nd) {
        if (b instanceof Boundary.Vacuum) return (x, y, dy, out) -> System.arraycopy(dy, 0, out, 0, dy.length);
        if (b instanceof Boundary.Core) {
            if (form != Form.THETA || !radial)
                throw new DiffusonException("boundary", "the vortex-core condition needs the radial θ-form",
                        "use radialWithWinding(n) and Form.THETA");
            return (x, y, dy, out) -> {
                for (int i = 0; i < y.length; i++) out[i] = dy[i] - winding * y[i] / x;
            };
        }
        Bulk res = Boundary.reservoirOf(b);
        double phase = Boundary.phaseOf(b);
        if (form == Form.THETA) {
            BulkState s = bulkAt(res, omega);
            double sign = Math.cos(phase) < 0 ? -1 : 1;
            double[] ts = {sign * s.thetaUp().getReal(), sign * s.thetaUp().getImaginary(),
                    sign * s.thetaDown().getReal(), sign * s.thetaDown().getImaginary()};
            // (y has 2 components, or 1 when spin-degenerate)
            if (b instanceof Boundary.Rigid)
                return (x, y, dy, out) -> {
                    for (int i = 0; i < y.length; i++) out[i] = y[i] - ts[i];
                };
            double lb = ((Boundary.Tunnel) b).barrier();
            return (x, y, dy, out) -> {
                for (int c = 0; c < y.length / 2; c++) {
                    // left: L_B Θ′ = sin(Θ − Θ_S); right: L_B Θ′ = sin(Θ_S − Θ)
                    double ar = y[2 * c] - ts[2 * c], ai = y[2 * c + 1] - ts[2 * c + 1];
                    if (!isLeft) {
                        ar = -ar;
                        ai = -ai;
                    }
                    out[2 * c] = lb * dy[2 * c] - Math.sin(ar) * Math.cosh(ai);
                    out[2 * c + 1] = lb * dy[2 * c + 1] - Math.cos(ar) * Math.sinh(ai);
                }
            };
        }
        CMatrix gs = reservoir(res, phase, omega);
        double[] gam = RiccatiForm.fromMatrix(gs);
        if (b instanceof Boundary.Rigid)
            return (x, y, dy, out) -> {
                for (int i = 0; i < 16; i++) out[i] = y[i] - gam[i];
            };
        double lb = ((Boundary.Tunnel) b).barrier();
        return (x, y, dy, out) -> {
            CMatrix g = RiccatiForm.matrix(y), gdg = g.times(RiccatiForm.derivative(y, dy));
            CMatrix rhs = isLeft ? Nambu.commutator(gs, g) : Nambu.commutator(g, gs);
            RiccatiForm.offDiagonal(gdg.minus(rhs.scale(1 / (2 * lb))), out, 0);
        };
    }

    private static Collocation.Matching contact(Boundary c, double dl, double dr, Form form) {
        if (c instanceof Boundary.Transparent) {
            return (x, yL, dyL, yR, dyR, out) -> {
                int n = yL.length;
                for (int i = 0; i < n; i++) {
                    out[i] = yL[i] - yR[i];
                    out[n + i] = dl * dyL[i] - dr * dyR[i];
                }
            };
        }
        double lb = ((Boundary.Barrier) c).barrier();
        if (form == Form.THETA) {
            return (x, yL, dyL, yR, dyR, out) -> {
                int n = yL.length;
                for (int k = 0; k < n / 2; k++) {
                    out[2 * k] = dl * dyL[2 * k] - dr * dyR[2 * k];
                    out[2 * k + 1] = dl * dyL[2 * k + 1] - dr * dyR[2 * k + 1];
                    double ar = yR[2 * k] - yL[2 * k], ai = yR[2 * k + 1] - yL[2 * k + 1];
                    out[n + 2 * k] = lb * dyR[2 * k] - Math.sin(ar) * Math.cosh(ai);
                    out[n + 2 * k + 1] = lb * dyR[2 * k + 1] - Math.cos(ar) * Math.sinh(ai);
                }
            };
        }
        return (x, yL, dyL, yR, dyR, out) -> {
            CMatrix gl = RiccatiForm.matrix(yL), gr = RiccatiForm.matrix(yR);
            CMatrix jl = gl.times(RiccatiForm.derivative(yL, dyL)), jr = gr.times(RiccatiForm.derivative(yR, dyR));
            RiccatiForm.offDiagonal(jl.scale(dl).minus(jr.scale(dr)), out, 0);
            RiccatiForm.offDiagonal(jr.minus(Nambu.commutator(gl, gr).scale(1 / (2 * lb))), out, 16);
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Junction[").append(left).append(" | ");
        for (int i = 0; i < layers.size(); i++) {
            if (i > 0) sb.append(" ").append(contacts.get(i - 1)).append(" ");
            sb.append(layers.get(i));
        }
        return sb.append(" | ").append(right).append(radial ? ", radial n = " + winding : "").append("]").toString();
    }
}
