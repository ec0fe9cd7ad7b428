package org.diffuson.ladder;

import org.diffuson.green.Energy;
import org.diffuson.green.Resolvent;
import org.diffuson.green.Scba;
import org.diffuson.integrate.GridOptions;
import org.diffuson.integrate.KGrid;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Superoperator;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 000 eqs 217–231: the Ward identity order by order in Γ at complex z (where the series is regular). In our
 * form (1 − I)[ΔΣ] = −Δz·I[1]:
 * order 1: ΔΣ⁽¹⁾ = −Δz·ΓΦ̄₀[1];  order 2: ΔΣ⁽²⁾ − ΓΦ̄₀[ΔΣ⁽¹⁾] = −Δz·ΓΦ̄⁽¹⁾[1], with Σ⁽¹⁾ = Γ[∫G₀],
 * Σ⁽²⁾ = Γ[∫G₀Σ⁽¹⁾G₀] and Φ̄⁽¹⁾[X] = ∫(G₀Σ⁽¹⁾G₀)(z1) X G₀(z2) + G₀(z1) X (G₀Σ⁽¹⁾G₀)(z2).
 * The k-sums of G₀ΣG₀ are done here directly (independent of the library's SCBA); Φ̄₀ comes from {@link Bubble}.
 */
class SecondOrderWardTest {
    @Test
    void firstAndSecondOrder() {
        for (Model m : new Model[]{Preset.COPT.build(), Preset.MINIMAL.build()}) {
            Complex z1 = new Complex(0.3, 0.05), z2 = new Complex(0.3, -0.04), dz = z1.subtract(z2);
            KGrid g = Scba.adaptiveGrid(m, 0.3, null, 0.04, GridOptions.defaults());
            Resolvent res = new Resolvent(m, g, false);
            int n = m.dim();
            CMatrix zero = CMatrix.zeros(n, n);
            Superoperator gamma = m.disorder().superoperator();
            CMatrix s1a = gamma.apply(res.sum(Energy.complex(z1), zero)), s1b = gamma.apply(res.sum(Energy.complex(z2), zero));
            Superoperator phi0 = new Bubble(m, g).compute(new double[2], Energy.complex(z1), zero, Energy.complex(z2), zero);
            CMatrix one = CMatrix.identity(n);
            // order 1
            CMatrix r1 = s1a.minus(s1b).plus(gamma.apply(phi0.apply(one)).scale(dz));
            assertTrue(r1.normMax() < 1e-13, "first order " + r1.normMax());
            // order 2, explicit sums
            CMatrix gsg1 = CMatrix.zeros(n, n), gsg2 = CMatrix.zeros(n, n), phi1 = CMatrix.zeros(n, n);
            for (int i = 0; i < g.size(); i++) {
                CMatrix h = m.hamiltonian().at(g.kx(i), g.ky(i));
                CMatrix g1 = CMatrix.identity(n).scale(z1).minus(h).inverse(), g2 = CMatrix.identity(n).scale(z2).minus(h).inverse();
                CMatrix a = g1.times(s1a).times(g1), b = g2.times(s1b).times(g2);
                double w = g.weight(i);
                gsg1 = gsg1.plus(a.scale(w));
                gsg2 = gsg2.plus(b.scale(w));
                phi1 = phi1.plus(a.times(g2).plus(g1.times(b)).scale(w));
            }
            CMatrix ds1 = s1a.minus(s1b), ds2 = gamma.apply(gsg1.minus(gsg2));
            CMatrix r2 = ds2.minus(gamma.apply(phi0.apply(ds1))).plus(gamma.apply(phi1).scale(dz));
            assertTrue(r2.normMax() < 1e-13 * Math.max(1, ds2.normMax()), m.name() + " second order " + r2.normMax());
            assertTrue(ds2.normMax() > 1e-4, "the second-order terms are not trivially zero");
        }
    }
}
