package org.diffuson.paper;

import org.diffuson.DiffusonException;
import org.diffuson.plot.Plots;
import org.diffuson.usadel.Junction;
import org.diffuson.usadel.Kinetic;
import org.diffuson.usadel.MatsubaraSet;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.Locale;

/**
 * Notebook view of a {@link Junction} (what {@code %usadel} binds): the junction, where to look (x), and which form to
 * solve in; {@code dos()} and {@code current()} compute, {@code plot()} draws. Physics stays in
 * {@code org.diffuson.usadel}; this class only tabulates and plots.
 */
public record JunctionView(Junction junction, double probe, Junction.Form form, double eta) {

    /** DOS N(ε)/N_F at x = probe on n energies in [from, to] (continued from above), as a table. */
    public Table dos(double from, double to, int n) {
        if (n < 2) throw new DiffusonException("n", "need ≥ 2 energies", "pass e.g. 200");
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = from + (to - from) * i / (n - 1);
        double[] d = junction.dos(e, eta, probe, form);
        return Table.create(String.format(Locale.ROOT, "DOS at x = %.3g (η = %.1e)", probe, eta),
                DoubleColumn.create("ε", e), DoubleColumn.create("N/N_F", d));
    }

    /** Default DOS window: 0 … 3 × the largest energy scale, 160 points. */
    public Table dos() {
        double top = 4;
        for (var l : junction.layers()) top = Math.max(top, 2.5 * (l.gap() + Math.abs(l.hz())));
        return dos(0.02, top, 160);
    }

    /** Supercurrent density at x = probe (units e N_F D) at temperature T with the first n Matsubara frequencies. */
    public double current(double temperature, int frequencies) {
        return MatsubaraSet.solve(junction, temperature, frequencies, Junction.Form.RICCATI, null).supercurrent(probe);
    }

    /** Supercurrent with 64 frequencies. */
    public double current(double temperature) {
        return current(temperature, 64);
    }

    /**
     * Transport from the Keldysh kinetic equations ({@link Kinetic}): the normal reservoir at voltage V (e = 1), the
     * other end grounded, temperature T; n voltages in [0, vmax]. Columns V, I R_N (= V for an ohmic junction) and
     * G/G_N. Needs a normal reservoir at one end ({@code %usadel ns lead=normal}, {@code nn}).
     */
    public Table iv(double vmax, int n, double temperature) {
        if (n < 2) throw new DiffusonException("n", "need ≥ 2 voltages", "pass e.g. 41");
        DiffusonException.requirePositive("vmax", vmax);
        double[] v = Seed003.linspace(0, vmax, n);
        Kinetic.IV iv = Kinetic.spectrum(junction, form, eta, Kinetic.biasEnergies(vmax, temperature, 301))
                .iv(v, temperature);
        return Table.create(String.format(Locale.ROOT, "I(V) at T = %.3g (η = %.1e)", temperature, eta),
                DoubleColumn.create("V", v), DoubleColumn.create("I R_N", iv.normalizedCurrent()),
                DoubleColumn.create("G/G_N", iv.normalizedConductance()));
    }

    /** Chart of G(V)/G_N from {@link #iv}. */
    public XYChart plotConductance(double vmax, double temperature) {
        Table t = iv(vmax, 61, temperature);
        return Plots.line(t, Plots.Style.defaults().title(t.name()).xLabel("eV").yLabel("G / G_N"), "V", "G/G_N");
    }

    /** Chart of the default DOS. */
    public XYChart plot() {
        Table t = dos();
        return Plots.line(t, Plots.Style.defaults().title(t.name()).xLabel("ε").yLabel("N(ε)/N_F"), "ε", "N/N_F");
    }

    @Override
    public String toString() {
        return junction + String.format(Locale.ROOT, " — probe x = %.4g, %s form, η = %.1e", probe, form, eta);
    }
}
