package org.diffuson.pipeline;

import org.diffuson.green.Energy;
import org.diffuson.green.Scba;
import org.diffuson.green.ScbaOptions;
import org.diffuson.integrate.GridOptions;
import org.diffuson.model.Model;

/**
 * Entry point of the fluent pipeline: {@code Pipeline.of(model).scba(E).ladder().conductivity(Axis.Y, Axis.X)}.
 * Grid and SCBA options are set here once and travel with every later step (and the coarse grid of the convergence
 * estimate is derived from them). Immutable.
 */
public record Pipeline(Model model, GridOptions grid, ScbaOptions options, boolean certify) {
    /** The pipeline of a model with the default adaptive grid and SCBA options. */
    public static Pipeline of(Model model) { return new Pipeline(model, GridOptions.defaults(), ScbaOptions.defaults(), true); }

    /** Same, other grid options (e.g. {@code GridOptions.defaults().withNodesPerPanel(40)} for a convergence check). */
    public Pipeline grid(GridOptions g) { return new Pipeline(model, g, options, certify); }

    /** Same, other SCBA options. */
    public Pipeline options(ScbaOptions o) { return new Pipeline(model, grid, o, certify); }

    /**
     * Same, without the coarse-grid re-run of the certificate (about half the cost of a response; the SCBA and Ward
     * residuals are still reported). For sweeps whose convergence was checked at one point.
     */
    public Pipeline uncertified() { return new Pipeline(model, grid, options, false); }

    /** The SCBA self-energy Σ^R(E) (seed 000 Eq. 6), solved once; later steps reuse its grid. */
    public ScbaStep scba(double energy) {
        return new ScbaStep(this, Scba.solve(model, Energy.retarded(energy), grid, options));
    }

    /**
     * Ladders with a fixed retarded self-energy Σᴿ at every energy (Σᴬ = Σᴿ†) — e.g. a paper's Born matrix or a
     * hand-set broadening — on a grid refined at the poles of H + Re Σ; the responses are certified as after
     * {@link #scba} (the grid change re-uses the same Σ on the coarser grid; no Ward residual, Σ is not conserving).
     */
    public LadderStep fixed(double energy, org.diffuson.linalg.CMatrix sigmaRetarded, String name) {
        return new LadderStep(this, org.diffuson.ladder.Ladder.fixed(model, energy, sigmaRetarded, name, grid));
    }

    /** The grid options of the convergence estimate: half the radial nodes per panel and half the angles. */
    GridOptions coarser() {
        return new GridOptions(Math.max(6, grid.nodesPerPanel() / 2), Math.max(8, grid.angles() / 2), Math.max(6, grid.nCos() / 2), Math.max(6, grid.nPhi() / 2));
    }

    @Override
    public String toString() { return "Pipeline for " + model.name() + " (" + model.hamiltonian() + ")"; }

    /** The text form as HTML (notebooks show it instead of a table of the record's components). */
    public String toHtml() {
        return "<pre style=\"white-space:pre-wrap\">" + toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</pre>";
    }
}
