package org.diffuson.kubo;

import org.diffuson.green.Energy;
import org.diffuson.green.SelfEnergyModel;
import org.diffuson.integrate.BrillouinZone;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Ladder;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Disorder;
import org.diffuson.model.Model;
import org.diffuson.model.QwzModel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Fermi-sea (Středa II) term with an energy-dependent self-energy other than the SCBA (issue 9 item 5): G′ =
 * −G(1 − dΣ/dz)G must carry dΣ/dz for every {@link SelfEnergyModel}, not only for one named "SCBA". Oracle: the
 * Bastin form, an integral over real energies of Tr[v G^R′ v ΔG] with its own Σ(ε) and Σ′(ε), equals Středa I + II
 * for the same Σ(z) identically (integration by parts in ε), on one shared k-mesh. With Born from bare G (η = 0.1) on
 * the QWZ metal, dropping dΣ/dz in the sea term breaks that equality by far more than the quadrature error.
 */
class EnergyDependentSigmaSeaTest {
    static final QwzModel QWZ = new QwzModel(1.0);
    static final BrillouinZone BZ = BrillouinZone.uniform(QWZ, 32, 32, 0.5);
    static final Model MODEL = Model.of("qwz", QWZ, Disorder.scalar(2, 0.6), 2 * Math.PI * Math.sqrt(2) + 1e-9, Map.of());

    @Test
    void bornDerivativeIsAnalyticAndNonzero() {
        KGrid mesh = LatticeKuboTest.grid(BZ);
        Ladder l = Ladder.fixed(MODEL, 1.5, Pauli.S0.scale(0, -0.1), "η", mesh).born(0.1);
        SelfEnergyModel born = l.selfEnergy();
        for (Energy z : new Energy[]{Energy.retarded(1.5), Energy.complex(1.5, 0.3), Energy.advanced(-0.7)}) {
            CMatrix analytic = born.derivative(z);
            // second method: central difference of Σ itself with a step 50× the library's (Richardson-free, O(h²))
            double h = 1e-3;
            CMatrix fd = born.sigma(z.shift(h)).minus(born.sigma(z.shift(-h))).scale(1 / (2 * h));
            System.out.printf("Born dΣ/dz at %s: %s (|FD − analytic| %.2e)%n", z, analytic, fd.minus(analytic).normMax());
            assertTrue(analytic.normMax() > 1e-2, "dΣ/dz must not vanish here");
            // O(h²Σ‴) with |Σ‴| ≲ Γ/η⁴·… : measured ≤ 2e-6; tolerance 1e-5 relative to |Σ′|
            assertEquals(0, fd.minus(analytic).normMax(), 1e-5 * Math.max(1, analytic.normMax()));
        }
    }

    @Test
    void seaTermWithBornSigmaMatchesBastin() {
        KGrid mesh = LatticeKuboTest.grid(BZ);
        Ladder l = Ladder.fixed(MODEL, 1.5, Pauli.S0.scale(0, -0.1), "η", mesh).born(0.1);
        Kubo kubo = new Kubo(l);
        KuboResult st = kubo.conductivityWithSea(1, 0);
        double streda = st.bareRA() - st.bareRR() + st.sea();
        double bastin = new Bastin(l).conductivity(1, 0).value();
        // the sea term as it was computed before: dΣ/dz dropped for a self-energy not named "SCBA"
        Ladder frozen = l.withSelfEnergy(new SelfEnergyModel() {
            public CMatrix sigma(Energy e) { return l.selfEnergy().sigma(e); }
            public String name() { return "Born without Σ′"; }
            @Override public CMatrix derivative(Energy e) { return CMatrix.zeros(2, 2); }
        });
        double seaNoDerivative = new Kubo(frozen).sea(Vertex.velocity(QWZ, 1), Vertex.velocity(QWZ, 0));
        double without = st.bareRA() - st.bareRR() + seaNoDerivative;
        System.out.printf("QWZ Born: Bastin %.10f  Středa I+II %.10f (diff %.2e); without dΣ/dz %.10f (diff %.2e)%n",
                bastin, streda, streda - bastin, without, without - bastin);
        assertTrue(Math.abs(without - bastin) > 1e-4, "the test must be sensitive to dΣ/dz");
        assertEquals(bastin, streda, 1e-6);
    }
}
