package org.diffuson.green;

import org.diffuson.integrate.FermiMomenta;
import org.diffuson.integrate.GridOptions;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Pauli;
import org.diffuson.model.Model;
import org.diffuson.model.Preset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ScbaOptions.Counterterm#FERMI_LEVEL}: the massive Dirac model v(k_xσ_y − k_yσ_x) + Mσ_z with scalar disorder
 * u0², μ in the upper band. Oracles: (1) the renormalised Hamiltonian H + δ + Re Σ(μ) has its Fermi momentum at
 * k_F = √(μ² − M²)/v and its gap at ±M, the requested values (without the counterterm both are shifted: Re Σ has a
 * log-cutoff identity part and renormalises M); (2) Im Σ then equals the first-Born value on the physical H,
 * Im Σ = −(u0²/4v²)(μ·1 + M σ_z) (the angular integral of G = (z + H)/(z² − E_k²)), up to O(η/μ).
 */
class ScbaCountertermTest {

    private static final double V = 1, M = 0.3, MU = 0.8, U0SQ = 0.02;

    private static double kF(Model bare, CMatrix sigma) {
        List<FermiMomenta.Crossing> c = FermiMomenta.find(bare.hamiltonian(), Scba.hermitianPart(sigma), MU, bare.cutoff());
        assertEquals(1, c.size(), "one Fermi circle");
        return c.get(0).k();
    }

    /** Half the gap and its centre of H + δ + Re Σ at k = 0. */
    private static double[] gap(Model bare, CMatrix sigma) {
        CMatrix h = bare.hamiltonian().at(0, 0).plus(Scba.hermitianPart(sigma));
        double[] e = org.diffuson.linalg.Eigen.hermitian(h).values();
        return new double[]{(e[1] - e[0]) / 2, (e[1] + e[0]) / 2};
    }

    @Test
    void renormalisedFermiMomentumAndGapAreTheRequestedOnes() {
        Model m = Preset.DIRAC.with("vF", V).with("M", M).with("gamma", U0SQ).build();
        double kfExact = Math.sqrt(MU * MU - M * M) / V;

        ScbaResult plain = Scba.solve(m, Energy.retarded(MU), GridOptions.defaults(), ScbaOptions.defaults());
        double kfPlain = kF(plain.model(), plain.sigma());
        double[] gapPlain = gap(plain.model(), plain.sigma());

        ScbaOptions ct = ScbaOptions.defaults().withCounterterm(ScbaOptions.Counterterm.FERMI_LEVEL);
        ScbaResult r = Scba.solve(m, Energy.retarded(MU), GridOptions.defaults(), ct);
        double kf = kF(r.model(), r.sigma());
        double[] g = gap(r.model(), r.sigma());
        System.out.printf("k_F: exact %.12f, plain SCBA %.12f, counterterm %.12f%ngap/2: plain %.9f (centre %.3e),"
                        + " counterterm %.12f (centre %.3e)%nδ = %s%nΣ = %s%n", kfExact, kfPlain, kf, gapPlain[0],
                gapPlain[1], g[0], g[1], r.counterterm(), r.sigma());

        // not vacuous: without the counterterm the Fermi momentum and the gap move visibly
        assertTrue(Math.abs(kfPlain - kfExact) > 1e-3, "plain SCBA shifts k_F");
        assertTrue(Math.abs(gapPlain[0] - M) > 1e-3, "plain SCBA renormalises M");
        // with it: the requested values to the SCBA/counterterm tolerance (1e-12 on δ; k_F via v_F ≈ 0.93)
        assertEquals(kfExact, kf, 1e-9);
        assertEquals(M, g[0], 1e-10);
        assertEquals(0, g[1], 1e-10);
        assertEquals(0, r.counterterm().plus(Scba.hermitianPart(r.sigma())).normMax(), 1e-10, "δ = −Re Σ(μ)");

        // Im Σ against first Born on the physical H: −(u0²/4v²)(μ, M) in the (1, σ_z) channels; O(η/μ) ≈ 0.5 %
        CMatrix im = r.sigma().minus(Scba.hermitianPart(r.sigma()));
        double im0 = im.trace().getImaginary() / 2, imZ = im.times(Pauli.sigma(3)).trace().getImaginary() / 2;
        assertEquals(-U0SQ * MU / (4 * V * V), im0, 0.02 * U0SQ * MU / (4 * V * V));
        assertEquals(-U0SQ * M / (4 * V * V), imZ, 0.02 * U0SQ * MU / (4 * V * V));
    }
}
