package org.diffuson.sweep.spark;

import org.diffuson.DiffusonException;
import org.diffuson.sweep.ParameterAxis;
import org.diffuson.sweep.Grid;
import org.diffuson.sweep.LocalEngine;
import org.diffuson.sweep.Plan;
import org.diffuson.sweep.Study;
import org.diffuson.sweep.StudyRun;
import org.diffuson.sweep.StudyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The same Kubo study on the local engine, on Spark local[2] and on a real standalone Spark cluster (Master + Worker
 * processes started here on 127.0.0.1): every output equal bit for bit. Slow (several JVMs): runs in the kernel-it
 * profile's integration-test phase ({@code mvn -B verify -Pkernel-it}), or alone with {@code -Dtest=SparkIT}.
 */
class SparkIT {
    @TempDir
    Path dir;

    static final Plan PLAN = Plan.named("spark check").calculation("kubo").option("component", "xx").fixed("preset", "drude")
            .option("angles", 32).grid(Grid.of(ParameterAxis.lin("E", 0.5, 2, 3), ParameterAxis.log("gamma", 0.05, 0.2, 2)));

    @Test
    void localSparkAndStandaloneClusterAgreeBitForBit() throws Exception {
        assertEquals(SparkRuntime.SPARK_VERSION, sparkVersionOnTestClasspath(), "SparkRuntime.SPARK_VERSION must match the pom");
        Table local;
        try (StudyStore s = StudyStore.open(dir.resolve("local.duckdb"))) {
            StudyRun r = Study.of(PLAN).store(s).engine(LocalEngine.workers(2)).run();
            assertEquals(6, r.computed());
            assertEquals(0, r.failed());
            local = r.table();
        }
        try (StudyStore s = StudyStore.open(dir.resolve("spark-local.duckdb"))) {
            // 1 chunk first, to check a resumed Spark run skips what is stored
            Plan half = PLAN;
            StudyRun r = Study.of(half).store(s).engine(SparkEngine.local(2).chunks(2)).run();
            assertEquals(6, r.computed(), r.toString());
            assertEquals(0, r.failed(), r.table().stringColumn("error").asList().toString());
            assertBitwiseEqual(local, r.table());
            assertEquals("spark local[2]", r.table().stringColumn("engine").get(0));
            StudyRun again = Study.of(PLAN).store(s).engine(SparkEngine.local(2)).run();
            assertEquals(6, again.skipped());
            assertEquals(0, again.computed());
        }
        try (StandaloneCluster cluster = new StandaloneCluster(dir, 2, "1g");
             StudyStore s = StudyStore.open(dir.resolve("spark-cluster.duckdb"))) {
            StudyRun r;
            try {
                r = Study.of(PLAN).store(s).engine(SparkEngine.master(cluster.masterUrl).conf("spark.executor.memory", "512m")
                        .conf("spark.cores.max", "2")).run();
            } catch (RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + cluster.logs(), e);
            }
            assertEquals(6, r.computed(), r.toString());
            assertBitwiseEqual(local, r.table());
            assertEquals("spark " + cluster.masterUrl, r.table().stringColumn("engine").get(0));
            assertTrue(Files.list(cluster.home.resolve("work")).findAny().isPresent(), "the Worker launched executors");
        }
    }

    @Test
    void notebookFunctionsAreRefusedWithTheWayOut() {
        DiffusonException e = assertThrows(DiffusonException.class, () -> SparkEngine.local(1).execute(PLAN, (p, o) -> Map.of("x", 1.0), new int[]{0}, null));
        assertTrue(e.getMessage().contains("CalculationProvider") && e.getMessage().contains("%jars"), e.getMessage());
    }

    static void assertBitwiseEqual(Table a, Table b) {
        assertEquals(a.rowCount(), b.rowCount());
        for (String col : List.of("E", "gamma", "sigma", "fermiSurface", "bareRA", "vertexRA", "RR", "tau")) {
            DoubleColumn x = a.doubleColumn(col), y = b.doubleColumn(col);
            for (int i = 0; i < a.rowCount(); i++)
                assertEquals(Double.doubleToRawLongBits(x.get(i)), Double.doubleToRawLongBits(y.get(i)),
                        col + " at row " + i + ": " + x.get(i) + " vs " + y.get(i));
        }
    }

    static String sparkVersionOnTestClasspath() {
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            if (e.contains("spark-core_2.13")) return Path.of(e).getParent().getFileName().toString();
        return "?";
    }
}
