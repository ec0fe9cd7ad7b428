package org.diffuson.sweep;

import tech.tablesaw.api.Table;

import java.util.Locale;

/**
 * What one run of a study did.
 *
 * @param total       points in the plan
 * @param skipped     points already in the store (not recomputed)
 * @param computed    points computed and stored by this run (ok + failed)
 * @param failed      of those, the failed ones (their error text is stored)
 * @param interrupted whether the run was stopped before the end (rerun to resume)
 * @param seconds     wall time of the run
 */
public record StudyRun(Plan plan, StudyStore store, String engine, int total, int skipped, int computed, int failed,
                       boolean interrupted, double seconds) {
    /** Whether every point of the plan is now stored (ok or failed). */
    public boolean complete() { return skipped + computed == total; }

    /** The study's rows from the store. */
    public Table table() { return store.table(plan); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d points on %s — %d computed (%d failed), %d already stored, %.2f s%s",
                plan.name(), total, engine, computed, failed, skipped, seconds,
                interrupted ? "; INTERRUPTED after " + (skipped + computed) + "/" + total + " — run again to resume" : "");
    }
}
