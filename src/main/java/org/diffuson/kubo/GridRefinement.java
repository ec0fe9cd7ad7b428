package org.diffuson.kubo;

import org.diffuson.DiffusonException;
import org.diffuson.integrate.KGrid;
import org.diffuson.ladder.Ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The automatic grid refinement behind the zero-mode refusal of {@link Kubo} (issue 9). With the SCBA the static
 * RA ladder 1 − Φ̄Γ has an exact zero mode (the conserved density, seed 000 Eqs. 14–16); a current or spin vertex
 * is orthogonal to it by symmetry, so on a grid that resolves the Fermi surface its overlap |w†Y₀|/‖Y₀‖ is ~0 and
 * falls quickly as the grid is refined, while a density-like vertex, whose static uniform response diverges,
 * overlaps it by O(1) on every grid. So: when the overlap on the ladder's grid is above {@link #THRESHOLD}, the
 * response is evaluated again on {@link KGrid#refined()} grids (a Brillouin-zone mesh with N doubled; a polar grid
 * with twice the nodes and angles), at most {@link #MAX_REFINEMENTS} times and {@link #MAX_POINTS} points:
 * <ul>
 *   <li>the overlap falls below the threshold: the result on the refined grid is returned, and says so
 *       ({@link KuboResult#refinement()}: the grid sizes and overlaps);</li>
 *   <li>the overlap does not fall (by at least {@link #MIN_FALL} per refinement): the vertex drives the conserved
 *       mode — refused as a {@code vertex} error;</li>
 *   <li>it falls, but not far enough within the budget: a {@code grid} error with the measured overlaps and how to
 *       refine further.</li>
 * </ul>
 * Explicit point grids (no rule to refine) keep the one-grid refusal with its advice.
 *
 * @param points   k-points of each grid tried, the ladder's first
 * @param overlaps the zero-mode overlap on each of them (the last is below the threshold)
 * @param ladder   the ladder on the final grid, where every term of the result was computed
 */
public record GridRefinement(List<Integer> points, List<Double> overlaps, Ladder ladder) {
    /** The overlap above which the vertex is taken to drive the conserved mode (as in {@link Kubo}). */
    public static final double THRESHOLD = 1e-6;
    /** Refinements tried at most; each doubles the mesh (×4 points in 2D). */
    public static final int MAX_REFINEMENTS = 3;
    /** No refined grid above this many points is built. */
    public static final int MAX_POINTS = 1 << 18;
    /** The overlap must fall at least by this factor per refinement to count as a quadrature error. */
    public static final double MIN_FALL = 2;

    public GridRefinement {
        points = List.copyOf(points);
        overlaps = List.copyOf(overlaps);
    }

    /** The refusal of one grid, with the overlap measured on it (thrown by {@link Kubo#solveLadder}). */
    static final class Refusal extends DiffusonException {
        final double overlap;
        final transient KGrid grid;

        Refusal(String parameter, String problem, String hint, double overlap, KGrid grid) {
            super(parameter, problem, hint);
            this.overlap = overlap;
            this.grid = grid;
        }
    }

    /**
     * {@code compute} on the ladder's grid, refined as described above when it refuses the zero mode; the result
     * carries the refinement when there was one.
     */
    static KuboResult converged(Ladder ladder, Function<Ladder, KuboResult> compute) {
        Refusal first;
        try {
            return compute.apply(ladder);
        } catch (Refusal r) {
            if (r.grid == null || !r.grid.canRefine()) throw r;
            first = r;
        }
        List<Integer> points = new ArrayList<>(List.of(ladder.grid().size()));
        List<Double> overlaps = new ArrayList<>(List.of(first.overlap));
        Ladder l = ladder;
        for (int i = 1; i <= MAX_REFINEMENTS; i++) {
            KGrid g = l.grid().refined();
            if (g.size() > MAX_POINTS) break;
            l = l.onGrid(g);
            points.add(g.size());
            try {
                KuboResult r = compute.apply(l);
                overlaps.add(r.zeroModeOverlap());
                return r.withRefinement(new GridRefinement(points, overlaps, l));
            } catch (Refusal r) {
                overlaps.add(r.overlap);
                if (r.overlap * MIN_FALL > overlaps.get(overlaps.size() - 2))
                    throw new DiffusonException("vertex", String.format(Locale.ROOT,
                            "drives the conserved (zero) mode of the ladder: its overlap does not fall as the k-grid is refined (%s)",
                            trail(points, overlaps)),
                            "the static uniform response to this vertex diverges (e.g. a density vertex); use a current/spin vertex or ω ≠ 0");
            }
        }
        KGrid next = l.grid().refined();
        throw new DiffusonException("grid", String.format(Locale.ROOT,
                "does not resolve the Fermi surface: the vertex's overlap with the conserved (zero) mode of the ladder falls as the k-grid"
                        + " is refined (%s) but is still above %.0e", trail(points, overlaps), THRESHOLD),
                "start from a finer grid (e.g. " + next.size() + " points or more: " + (next.zone().isPresent()
                        ? "double N in BrillouinZone.uniform again" : "GridOptions.withNodesPerPanel, withAngles") + ")");
    }

    private static String trail(List<Integer> points, List<Double> overlaps) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) s.append(", ");
            s.append(String.format(Locale.ROOT, "%.2e on %d points", overlaps.get(i), points.get(i)));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("k-grid refined automatically to resolve the Fermi surface: ");
        for (int i = 0; i < points.size(); i++) s.append(i == 0 ? "" : " → ").append(points.get(i));
        s.append(" points; zero-mode overlap ");
        for (int i = 0; i < overlaps.size(); i++) s.append(i == 0 ? "" : " → ").append(String.format(Locale.ROOT, "%.1e", overlaps.get(i)));
        return s.toString();
    }
}
