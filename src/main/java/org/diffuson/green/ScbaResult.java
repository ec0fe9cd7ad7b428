package org.diffuson.green;

import org.diffuson.integrate.KGrid;
import org.diffuson.DataTable;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.OperatorBasis;
import org.diffuson.model.Model;
import org.hipparchus.complex.Complex;

import java.util.Locale;

/**
 * A converged self-energy Σ(z) with its inputs and convergence history (immutable), and the prepared k-space it was
 * solved on: the {@link Resolvent} (grid + tabulated H) that ladders, Kubo and sweeps built from this result reuse,
 * so that no H(k) is tabulated twice and no SCBA is solved twice.
 *
 * @param residuals max|ΔΣ| after each iteration
 * @param resolvent the k-sum of G on {@code grid}, with H(k) tabulated
 */
public record ScbaResult(Model model, KGrid grid, Energy energy, CMatrix sigma, String method, int iterations,
                         double[] residuals, double elapsedMillis, Resolvent resolvent) {

    public ScbaResult {
        if (resolvent == null) resolvent = new Resolvent(model, grid);
        else if (resolvent.grid() != grid || resolvent.model() != model)
            throw new IllegalArgumentException("the resolvent must sum over this result's model and grid");
    }

    /** A result without a prepared resolvent (one is built on the grid). */
    public ScbaResult(Model model, KGrid grid, Energy energy, CMatrix sigma, String method, int iterations,
                      double[] residuals, double elapsedMillis) {
        this(model, grid, energy, sigma, method, iterations, residuals, elapsedMillis, null);
    }

    /** Final residual max|ΔΣ|. */
    public double residual() { return residuals.length == 0 ? 0 : residuals[residuals.length - 1]; }

    /** Components Σ_i = (1/n) Tr(B_i† Σ) in the standard basis (Pauli for n = 2: Σ_0, Σ_x, Σ_y, Σ_z). */
    public Complex[] components() { return OperatorBasis.standard(model.dim()).components(sigma); }

    /** Trace part Σ_1 = Tr Σ / n. */
    public Complex scalarPart() { return sigma.trace().divide(model.dim()); }

    /** Transport-free lifetime τ = −1/(2 Im Σ_1) of the trace part (seed 000 eq 3). */
    public double tau() { return -1 / (2 * scalarPart().getImaginary()); }

    /**
     * The counterterm δ in the bare Hamiltonian H + δ of a {@link ScbaOptions.Counterterm#FERMI_LEVEL} solve
     * (−Re Σ at the solved energy), or zero.
     */
    public CMatrix counterterm() {
        return model.hamiltonian() instanceof org.diffuson.model.ShiftedHamiltonian s ? s.shift()
                : CMatrix.zeros(model.dim(), model.dim());
    }

    /** Convergence history: iteration, residual. */
    public DataTable convergenceTable() {
        int[] it = new int[residuals.length];
        for (int i = 0; i < it.length; i++) it[i] = i + 1;
        return DataTable.of("SCBA convergence at E=" + energy, DataTable.Column.ints("iteration", it), DataTable.Column.doubles("residual", residuals));
    }

    /** Σ in the standard operator basis, one row per component. */
    public DataTable table() {
        OperatorBasis b = OperatorBasis.standard(model.dim());
        Complex[] c = b.components(sigma);
        String[] name = new String[c.length];
        double[] re = new double[c.length], im = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            name[i] = b.name(i);
            re[i] = c[i].getReal();
            im[i] = c[i].getImaginary();
        }
        return DataTable.of(method + " Σ at E=" + energy + " (energy units of the model, ħ = 1)", DataTable.Column.strings("component", name),
                DataTable.Column.doubles("Re Σ (energy)", re), DataTable.Column.doubles("Im Σ (energy)", im));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s self-energy of %s at E=%s (Σ in the model's energy units, ħ = 1): %d iterations, residual %.2e, %.2f ms%n",
                method, model.name(), energy, iterations, residual(), elapsedMillis));
        OperatorBasis b = OperatorBasis.standard(model.dim());
        Complex[] c = b.components(sigma);
        for (int i = 0; i < c.length; i++)
            if (c[i].norm() > 0) sb.append("  Σ_").append(b.name(i)).append(" = ").append(CMatrix.format(c[i].getReal(), c[i].getImaginary())).append('\n');
        sb.append("  grid: ").append(grid);
        return sb.toString();
    }

    /** HTML summary for notebooks. */
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<div><b>").append(method).append(" Σ</b> of <code>").append(model.name())
                .append("</code> at E = ").append(energy).append(String.format(Locale.ROOT, " (Σ in the model's energy units, ħ = 1) — %d iterations, residual %.2e, %.2f ms<table>", iterations, residual(), elapsedMillis));
        OperatorBasis b = OperatorBasis.standard(model.dim());
        Complex[] c = b.components(sigma);
        for (int i = 0; i < c.length; i++)
            sb.append("<tr><td>Σ<sub>").append(b.name(i)).append("</sub></td><td>").append(CMatrix.format(c[i].getReal(), c[i].getImaginary())).append("</td></tr>");
        return sb.append("</table></div>").toString();
    }
}
