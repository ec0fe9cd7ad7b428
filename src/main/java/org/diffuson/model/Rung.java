package org.diffuson.model;

import org.diffuson.DiffusonException;
import org.diffuson.linalg.Pauli;
import org.diffuson.linalg.Superoperator;

import java.util.List;

/**
 * The ladder rung: I[X] = Σ_t post_t[Φ̄[pre_t[X]]]. The consistent (conserving) choice is I = ΓΦ̄ with the same Γ as in
 * the SCBA (seed 000 Eqs. 5–7, 58). The seed's literal minimal-model placement (eqs 18, 255),
 * I_lit[X] = Γ_1Φ̄[X] + tΓ_xΦ̄[σ_xX]σ_x, is provided as {@link #paperLiteral} to reproduce its eqs 20–21; it breaks the
 * Ward identity (seed 000 Eqs. 20, 82–105 and the worked CoPt table of docs/equations.md), as does any HLN sign t ≠ +1.
 */
public final class Rung {
    /** One term post ∘ Φ̄ ∘ pre. */
    public record Part(Superoperator post, Superoperator pre) {}

    public enum Placement { SANDWICH, PAPER_LITERAL }

    private final List<Part> parts;
    private final String description;
    private final boolean consistent;

    /** Per part: post = c·1 (c real; NaN otherwise) and pre = 1, so that the collision skips those products. */
    private final double[] postScalar;
    private final boolean[] preIdentity;

    private Rung(List<Part> parts, String description, boolean consistent) {
        this.parts = List.copyOf(parts);
        this.description = description;
        this.consistent = consistent;
        postScalar = new double[this.parts.size()];
        preIdentity = new boolean[this.parts.size()];
        for (int i = 0; i < postScalar.length; i++) {
            postScalar[i] = realScalar(this.parts.get(i).post().matrix());
            preIdentity[i] = realScalar(this.parts.get(i).pre().matrix()) == 1;
        }
    }

    /** c if the matrix is exactly c·1 with c real, NaN otherwise. */
    private static double realScalar(org.diffuson.linalg.CMatrix m) {
        double c = m.re(0, 0);
        for (int i = 0; i < m.rows(); i++)
            for (int j = 0; j < m.cols(); j++)
                if (m.im(i, j) != 0 || m.re(i, j) != (i == j ? c : 0)) return Double.NaN;
        return c;
    }

    /** I = ΓΦ̄, the rung that matches the SCBA self-energy. */
    public static Rung of(Disorder d) {
        return new Rung(List.of(new Part(d.superoperator(), Superoperator.identity(d.dim()))), "I = ΓΦ̄", true);
    }

    /** Minimal model (n = 2): Γ_1 1⊗1 + tΓ_x σ_x⊗σ_x with the chosen placement. */
    public static Rung minimal(double gamma1, double gammaX, double t, Placement placement) {
        DiffusonException.requireFinite("t", t);
        Superoperator id = Superoperator.identity(2);
        Part p1 = new Part(id.scale(gamma1), id);
        Part p2 = placement == Placement.SANDWICH
                ? new Part(Superoperator.sandwich(Pauli.SX).scale(t * gammaX), id)
                : new Part(Superoperator.rightMultiply(Pauli.SX).scale(t * gammaX), Superoperator.leftMultiply(Pauli.SX));
        String desc = placement == Placement.SANDWICH ? "I = Γ_1Φ̄ + tΓ_x σxΦ̄σx (sandwich)" : "I = Γ_1Φ̄ + tΓ_x Φ̄[σx·]σx (paper literal)";
        return new Rung(List.of(p1, p2), desc + ", t=" + t, placement == Placement.SANDWICH && t == 1);
    }

    public List<Part> parts() { return parts; }

    /** True if the rung is the Γ of the self-energy (the Ward identity can hold). */
    public boolean consistentWithSelfEnergy() { return consistent; }

    /** I = Σ post ∘ Φ̄ ∘ pre. */
    public Superoperator collision(Superoperator bubble) {
        if (parts.size() == 1) return term(0, bubble);
        Superoperator i = Superoperator.zero(bubble.dim());
        for (int t = 0; t < parts.size(); t++) i = i.plus(term(t, bubble));
        return i;
    }

    /**
     * post_t ∘ Φ̄ ∘ pre_t; a post c·1 as a scaling and a pre 1 skipped (the same numbers: the products with c·1 and 1 add
     * exact zeros to c·x and x).
     */
    private Superoperator term(int t, Superoperator bubble) {
        Part p = parts.get(t);
        Superoperator x = Double.isNaN(postScalar[t]) ? p.post().compose(bubble) : bubble.scale(postScalar[t]);
        return preIdentity[t] ? x : x.compose(p.pre());
    }

    @Override
    public String toString() { return description; }
}
