package org.diffuson.sweep;

import java.util.List;

/**
 * Computes the pending points of a plan and hands the finished ones to a {@link Sink}. Engines: {@link LocalEngine}
 * (this JVM's cores) and {@code org.diffuson.sweep.spark.SparkEngine} (Apache Spark, local or a cluster).
 */
public interface Engine {
    /** A short name stored with each point (e.g. "local[2]", "spark local[2]"). */
    String name();

    /**
     * Runs {@code calc} (or, when null, the plan's registered calculation) at the {@code pending} points. Returns when
     * all are done or the thread is interrupted; either way every point handed to the sink is complete.
     */
    void execute(Plan plan, Calculation calc, int[] pending, Sink sink) throws InterruptedException;

    /** Receives finished points, on the engine's calling thread. */
    interface Sink {
        /** Finished points computed in this JVM. */
        void points(List<PointResult> batch);

        /** Finished points that another engine wrote to Parquet files (glob); returns how many there were. */
        int parquet(String glob);
    }
}
