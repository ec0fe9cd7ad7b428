package org.diffuson.compare;

import org.diffuson.kubo.Kubo;
import org.diffuson.kubo.KuboResult;
import org.diffuson.kubo.Vertex;
import org.diffuson.boltzmann.BoltzmannResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;

/**
 * Output of {@link Agreement#run()}: the Kubo ladder values per disorder strength, their extrapolations to u₀² → 0
 * and the Boltzmann values (seed 002 Sec. V, Fig. 1 (family tree), "totals must agree at each order in ħ/(ε_Fτ)"). Immutable.
 * σ_yx is O(τ⁰); the dissipative σ_xx ∝ 1/u₀² is compared as σ_xx·u₀². Units e²/h (σ_xx·u₀²: e²/h × energy²·area).
 *
 * @param model          model name and parameters (at the weakest disorder)
 * @param fermiEnergy    ε_F
 * @param selfEnergy     the Σ choice requested
 * @param selfEnergyName the Σ the ladders actually used (as reported by {@link org.diffuson.ladder.Ladder})
 * @param terms          the Kubo–Středa terms in the compared value
 * @param disorders      u₀², ascending
 * @param kuboYx         Kubo σ_yx per disorder
 * @param kuboXxU0sq     Kubo σ_xx·u₀² per disorder
 * @param kuboYxDetail   full Kubo breakdown per disorder (σ_yx)
 * @param kuboXxDetail   full Kubo breakdown per disorder (σ_xx)
 * @param boltzmann      the Boltzmann solution (at the weakest disorder; its σ_yx and σ_xx·u₀² do not depend on u₀²)
 */
public record AgreementResult(String model, double fermiEnergy, Agreement.SelfEnergy selfEnergy, String selfEnergyName,
                              Agreement.Terms terms, double[] disorders, double[] kuboYx, double[] kuboXxU0sq,
                              List<KuboResult> kuboYxDetail, List<KuboResult> kuboXxDetail, BoltzmannResult boltzmann) {
    public AgreementResult {
        disorders = disorders.clone();
        kuboYx = kuboYx.clone();
        kuboXxU0sq = kuboXxU0sq.clone();
        kuboYxDetail = List.copyOf(kuboYxDetail);
        kuboXxDetail = List.copyOf(kuboXxDetail);
    }

    @Override public double[] disorders() { return disorders.clone(); }
    @Override public double[] kuboYx() { return kuboYx.clone(); }
    @Override public double[] kuboXxU0sq() { return kuboXxU0sq.clone(); }

    /** Kubo σ_yx extrapolated linearly in u₀² from the two weakest disorders (Richardson). */
    public double kuboYxLinear() { return Agreement.richardson(disorders[0], kuboYx[0], disorders[1], kuboYx[1]); }

    /** Kubo σ_yx, 3-point quadratic extrapolation from the three weakest disorders (NaN with only 2). */
    public double kuboYxQuadratic() { return quad(kuboYx); }

    /** Kubo σ_xx·u₀² extrapolated linearly (Richardson). */
    public double kuboXxLinear() { return Agreement.richardson(disorders[0], kuboXxU0sq[0], disorders[1], kuboXxU0sq[1]); }

    /** Kubo σ_xx·u₀², quadratic extrapolation (NaN with only 2 disorders). */
    public double kuboXxQuadratic() { return quad(kuboXxU0sq); }

    /** Boltzmann σ_yx (all terms of P 52). */
    public double boltzmannYx() { return boltzmann.total().yx(); }

    /** Boltzmann σ_xx·u₀². */
    public double boltzmannXxU0sq() { return boltzmann.total().xx() * boltzmann.disorder(); }

    private double quad(double[] f) {
        if (disorders.length < 3) return Double.NaN;
        return Agreement.quadratic(java.util.Arrays.copyOf(disorders, 3), java.util.Arrays.copyOf(f, 3));
    }

    /**
     * One row per disorder (Kubo values), then the linear and quadratic extrapolations, the Boltzmann values and the
     * differences extrapolated Kubo − Boltzmann.
     */
    public Table table() {
        int n = disorders.length, rows = n + 5;
        String[] name = new String[rows];
        double[] u = new double[rows], yx = new double[rows], xx = new double[rows];
        for (int i = 0; i < n; i++) {
            name[i] = "Kubo";
            u[i] = disorders[i];
            yx[i] = kuboYx[i];
            xx[i] = kuboXxU0sq[i];
        }
        double by = boltzmannYx(), bx = boltzmannXxU0sq();
        Object[][] extra = {{"Kubo → 0 (linear)", kuboYxLinear(), kuboXxLinear()}, {"Kubo → 0 (quadratic)", kuboYxQuadratic(), kuboXxQuadratic()},
                {"Boltzmann", by, bx}, {"linear − Boltzmann", kuboYxLinear() - by, kuboXxLinear() - bx},
                {"quadratic − Boltzmann", kuboYxQuadratic() - by, kuboXxQuadratic() - bx}};
        for (int r = 0; r < 5; r++) {
            name[n + r] = (String) extra[r][0];
            u[n + r] = r == 2 ? boltzmann.disorder() : 0;
            yx[n + r] = (double) extra[r][1];
            xx[n + r] = (double) extra[r][2];
        }
        return Table.create(String.format(Locale.ROOT, "Kubo (%s, %s) vs Boltzmann: %s at εF=%.6g", selfEnergyName, terms, model, fermiEnergy),
                StringColumn.create("row", name), DoubleColumn.create("u0^2", u), DoubleColumn.create("sigma_yx", yx),
                DoubleColumn.create("sigma_xx*u0^2", xx));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "σ_yx: Kubo→0 %.6f (quadratic %.6f) vs Boltzmann %.6f; σ_xx·u0²: Kubo→0 %.6f (quadratic %.6f) vs Boltzmann %.6f [%s, %s]",
                kuboYxLinear(), kuboYxQuadratic(), boltzmannYx(), kuboXxLinear(), kuboXxQuadratic(), boltzmannXxU0sq(), selfEnergyName, terms);
    }
}
