package org.diffuson.integrate;

import org.diffuson.DiffusonException;

/**
 * How fine an adaptive k-grid is: Gauss–Legendre nodes per radial panel, angles (2D) or cos θ × φ nodes (3D).
 * Defaults reach ~1e-13 relative accuracy for Σ and Φ̄ at q = 0 and ~1e-11 at qℓ ≲ 0.1 (docs/equations.md, numerical notes).
 */
public record GridOptions(int nodesPerPanel, int angles, int nCos, int nPhi) {
    public GridOptions {
        if (nodesPerPanel < 2) throw new DiffusonException("nodesPerPanel", "must be ≥ 2", "20 is the default");
        if (angles < 1 || nCos < 1 || nPhi < 1) throw new DiffusonException("angles", "must be ≥ 1", "use 32–128 in 2D");
    }

    public static GridOptions defaults() { return new GridOptions(20, 64, 16, 16); }

    public GridOptions withAngles(int a) { return new GridOptions(nodesPerPanel, a, nCos, nPhi); }
    public GridOptions withNodesPerPanel(int p) { return new GridOptions(p, angles, nCos, nPhi); }
    public GridOptions withAngles3d(int c, int p) { return new GridOptions(nodesPerPanel, angles, c, p); }

    /** Applies these options to a grid builder. */
    public KGrid.Builder apply(KGrid.Builder b) { return b.nodesPerPanel(nodesPerPanel).angles(angles).angles3d(nCos, nPhi); }
}
