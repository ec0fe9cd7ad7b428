package org.diffuson.ladder;

import org.diffuson.DiffusonException;
import org.diffuson.green.Energy;
import org.diffuson.DataTable;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.OperatorBasis;
import org.diffuson.linalg.Superoperator;
import org.hipparchus.complex.Complex;

import java.util.Locale;

/**
 * The ladder at one (q, z1, z2) (seed 000 Eqs. 5–7, 11, 13): bubble Φ̄, collision operator I (= ΓΦ̄ for the consistent
 * rung), 1 − I, the kinetic operator K = χ⁻¹ = (1 − I)Φ̄⁻¹ = Φ̄⁻¹ − Γ ("new diffusion operator", Sec. I.F), and
 * χ = Φ̄(1 − I)⁻¹ on demand (singular at the diffusion pole q = ω = 0, RA).
 */
public record LadderResult(double[] q, Energy e1, Energy e2, CMatrix sigma1, CMatrix sigma2, String selfEnergy,
                           Superoperator bubble, Superoperator collision) {

    public int dim() { return bubble.dim(); }

    /** 1 − I: BNM's diffusion operator (seed 000 eq 10). */
    public Superoperator oneMinusCollision() { return collision.oneMinus(); }

    /** K = (1 − I)Φ̄⁻¹. */
    public Superoperator kinetic() { return oneMinusCollision().compose(bubble.inverse()); }

    /** χ = Φ̄(1 − I)⁻¹ (seed 000 eq 13). */
    public Superoperator susceptibility() {
        try {
            return bubble.compose(oneMinusCollision().inverse());
        } catch (DiffusonException ex) {
            throw new DiffusonException("susceptibility", "1 − I is singular at q=" + java.util.Arrays.toString(q) + ", z1=" + e1 + ", z2=" + e2,
                    "this is the diffusion pole (charge conservation); use kinetic() = χ⁻¹ or take ω ≠ 0 / q ≠ 0");
        }
    }

    /** Eigenvalues of 1 − I, sorted by real part. */
    public Complex[] oneMinusCollisionEigenvalues() { return oneMinusCollision().eigenvalues(); }

    /** Pauli (standard-basis) matrix of 1 − I, S_ij = (1/n)Tr(B_i†(1−I)[B_j]). */
    public CMatrix oneMinusCollisionInBasis() { return oneMinusCollision().inStandardBasis(); }

    /** A table of a superoperator's standard-basis matrix: one row per output component, Re/Im columns per input. */
    public static DataTable basisTable(String title, Superoperator s) {
        OperatorBasis b = OperatorBasis.standard(s.dim());
        CMatrix m = s.inBasis(b);
        java.util.List<DataTable.Column> cols = new java.util.ArrayList<>();
        String[] rows = new String[b.size()];
        for (int i = 0; i < b.size(); i++) rows[i] = b.name(i);
        cols.add(DataTable.Column.strings("row", rows));
        for (int j = 0; j < b.size(); j++) {
            double[] re = new double[b.size()], im = new double[b.size()];
            for (int i = 0; i < b.size(); i++) {
                re[i] = m.re(i, j);
                im[i] = m.im(i, j);
            }
            cols.add(DataTable.Column.doubles("Re " + b.name(j), re));
            cols.add(DataTable.Column.doubles("Im " + b.name(j), im));
        }
        return DataTable.of(title, cols);
    }

    /** Pauli matrix of 1 − I as a table. */
    public DataTable table() { return basisTable("1 − I (" + selfEnergy + ") at q=" + java.util.Arrays.toString(q), oneMinusCollision()); }

    /** Eigenvalues of 1 − I as a table. */
    public DataTable eigenvalueTable() {
        Complex[] ev = oneMinusCollisionEigenvalues();
        double[] re = new double[ev.length], im = new double[ev.length], ab = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            re[i] = ev[i].getReal();
            im[i] = ev[i].getImaginary();
            ab[i] = ev[i].norm();
        }
        return DataTable.of("eig(1 − I), " + selfEnergy, DataTable.Column.doubles("Re", re), DataTable.Column.doubles("Im", im), DataTable.Column.doubles("|λ|", ab));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Ladder (%s) at q=%s, z1=%s, z2=%s%n1 − I in basis %s:%n%s", selfEnergy, java.util.Arrays.toString(q), e1, e2,
                OperatorBasis.standard(dim()).names(), oneMinusCollisionInBasis());
    }

    public String toHtml() {
        return "<div><b>Ladder</b> (" + selfEnergy + ") at q=" + java.util.Arrays.toString(q) + ", z₁=" + e1 + ", z₂=" + e2
                + "<br>1 − I in basis " + OperatorBasis.standard(dim()).names() + ": $$" + oneMinusCollisionInBasis().toLatex() + "$$</div>";
    }
}
