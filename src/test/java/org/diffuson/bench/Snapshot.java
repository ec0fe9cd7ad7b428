package org.diffuson.bench;

import org.diffuson.boltzmann.BoltzmannResult;
import org.diffuson.boltzmann.SkewForm;
import org.diffuson.boltzmann.Term;
import org.diffuson.integrate.GridOptions;
import org.diffuson.kubo.Bastin;
import org.diffuson.kubo.FiniteTemperature;
import org.diffuson.kubo.Kubo;
import org.diffuson.kubo.KuboResult;
import org.diffuson.ladder.DiffusionOperator;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.diffuson.paper.Seed000;
import org.diffuson.paper.Seed002;
import tech.tablesaw.api.Table;

import java.util.Locale;

/**
 * Before/after record of the numbers issue 10 must keep to 1e-12: the worked CoPt table (seed 000), seed-002 rows
 * (Boltzmann terms and Kubo ladder points) and Kubo values of the Rashba ferromagnet. Run:
 * {@code mvn -B -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.diffuson.bench.Snapshot > snap.txt};
 * compare two runs with {@code kernel/..}/a diff of relative differences.
 */
public final class Snapshot {
    static void p(String k, double v) { System.out.println(k + " " + String.format(Locale.ROOT, "%.17g", v)); }

    static void kubo(String k, KuboResult r) {
        p(k + ".bareRA", r.bareRA()); p(k + ".vertexRA", r.vertexRA()); p(k + ".bareRR", r.bareRR());
        p(k + ".vertexRR", r.vertexRR()); p(k + ".sea", r.sea());
    }

    public static void main(String[] args) {
        // seed 000: worked CoPt table
        Table t = Seed000.workedTable();
        for (int r = 0; r < t.rowCount(); r++)
            for (int c = 1; c < t.columnCount(); c++)
                p("copt." + r + "." + t.column(c).name().replace(' ', '_'), ((Number) t.column(c).get(r)).doubleValue());
        // seed 002 rows: Boltzmann terms at three ξ, form A skew, Kubo ladder points
        for (double xi : new double[]{0.2, 0.4, 0.8}) {
            BoltzmannResult b = Seed002.boltzmann(xi, 0.05, SkewForm.B);
            for (Term term : Term.values()) {
                p("s002.xi" + xi + "." + term + ".yx", b.sigma(term).yx());
                p("s002.xi" + xi + "." + term + ".xx", b.sigma(term).xx());
            }
            p("s002.xi" + xi + ".spin.yx", b.totalSpin().yx());
            p("s002.xi" + xi + ".spin.xx", b.totalSpin().xx());
            p("s002.xi" + xi + ".skewA", Seed002.boltzmann(xi, 0.05, SkewForm.A).sigma(Term.SKEW).yx());
        }
        p("s002.kubo.yx.0.4", Seed002.kubo(0.4, 0.05, 1, 0));
        p("s002.kubo.xx.0.4", Seed002.kubo(0.4, 0.05, 0, 0));
        p("s002.kuboExtr.yx.0.25", Seed002.kuboExtrapolated(0.25, 0.05, 1, 0));
        // Kubo on the Rashba ferromagnet (CoPt preset with bz = 0.3, RashbaFerromagnetTest's model), with sea
        for (double u : new double[]{0.02, 0.01}) {
            Model m = Preset.COPT.with("alpha", 0.5).with("bz", 0.3).with("gamma", u).with("cutoffEnergy", 50.0).build();
            Ladder l = Ladder.scba(m, 1.0);
            Kubo k = new Kubo(l);
            kubo("rashba.u" + u + ".scba.yx", k.conductivityWithSea(1, 0));
            kubo("rashba.u" + u + ".scba.xx", k.conductivity(0, 0));
            kubo("rashba.u" + u + ".born.yx", new Kubo(l.born(0.02)).conductivityWithSea(1, 0));
        }
        // CoPt default: Kubo, Bastin, diffusion
        Ladder l = Ladder.scba(Preset.COPT.build(), 0.0);
        kubo("copt.kubo.yx", new Kubo(l).conductivityWithSea(1, 0));
        DiffusionOperator d = l.diffusion();
        p("copt.relax.zz", d.relaxation().inStandardBasis().re(3, 3));
        p("copt.D00", d.diffusion()[0][0].matrix().re(0, 0));
        // finite temperature, Dirac fixed Born
        Model dirac = Preset.DIRAC.with("M", 0.4).with("gamma", 0.1).build();
        var ft = FiniteTemperature.fixed(dirac, Pauli.S0.plus(Pauli.SZ.scale(0.4)).scale(0, -0.025), "Born", GridOptions.defaults());
        var fr = ft.conductivity(1, 0, 0.05, 1.0);
        Ladder ld = Ladder.fixed(dirac, 1.0, Pauli.S0.plus(Pauli.SZ.scale(0.4)).scale(0, -0.025), "Born", GridOptions.defaults());
        p("dirac.bastin.yx", new Bastin(ld).conductivity(1, 0).value());
        kubo("dirac.kubo.yx", new Kubo(ld).conductivityWithSea(1, 0));
        p("dirac.T.stredaI", fr.stredaI());
        p("dirac.T.sea", fr.sea());
    }
}
