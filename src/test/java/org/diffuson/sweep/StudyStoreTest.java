package org.diffuson.sweep;

import org.diffuson.DiffusonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class StudyStoreTest {
    @TempDir
    Path dir;

    /** A cheap deterministic function; fails where x*y == 6 with a clear message. */
    static Map<String, Double> f(Map<String, Object> p, Map<String, Object> o) {
        double x = (Double) p.get("x"), y = (Double) p.get("y");
        if (x * y == 6) throw new IllegalArgumentException("x·y = 6 is not allowed here");
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("sum", x + y);
        m.put("ratio", x / (1 + y));
        return m;
    }

    static Plan plan(int n) {
        return Plan.named("test map").calculation("java:f").grid(Grid.of(ParameterAxis.lin("x", 0, n - 1, n), ParameterAxis.lin("y", 0, n - 1, n)));
    }

    @Test
    void runStoresEveryPointAndResumeSkipsThem() {
        Plan p = plan(5);
        try (StudyStore s = StudyStore.open(dir.resolve("a.duckdb"))) {
            AtomicInteger calls = new AtomicInteger();
            StudyRun r = Study.of(p).store(s).engine(LocalEngine.workers(2)).using((a, b) -> { calls.incrementAndGet(); return f(a, b); }).run();
            assertEquals(25, r.total());
            assertEquals(25, r.computed());
            assertEquals(2, r.failed(), "x·y = 6 at (2,3) and (3,2)");
            assertFalse(r.interrupted());
            Table t = r.table();
            assertEquals(25, t.rowCount());
            assertEquals(p.hash(), t.stringColumn("study_hash").get(0));
            assertEquals(StudyStore.libraryVersion(), t.stringColumn("library_version").get(0));
            for (int i = 0; i < 25; i++) {
                assertEquals(i, t.intColumn("idx").get(i));
                double x = t.doubleColumn("x").get(i), y = t.doubleColumn("y").get(i);
                if (x * y == 6) {
                    assertEquals("failed", t.stringColumn("status").get(i));
                    assertTrue(t.stringColumn("error").get(i).contains("x·y = 6"));
                    assertTrue(t.doubleColumn("sum").isMissing(i));
                } else {
                    assertEquals("ok", t.stringColumn("status").get(i));
                    assertEquals(x + y, t.doubleColumn("sum").get(i));
                }
            }
            // resume: nothing recomputed
            calls.set(0);
            StudyRun again = Study.of(p).store(s).using(StudyStoreTest::f).run();
            assertEquals(25, again.skipped());
            assertEquals(0, again.computed());
            // retry failed: only the two failed points run again
            AtomicInteger retried = new AtomicInteger();
            StudyRun retry = Study.of(p).store(s).retryFailed().using((a, b) -> {
                retried.incrementAndGet();
                double x = (Double) a.get("x"), y = (Double) a.get("y");
                return Map.of("sum", x + y, "ratio", x / (1 + y));
            }).run();
            assertEquals(2, retried.get());
            assertEquals(0, retry.failed());
            assertEquals(25, s.count(p, "ok"));
            assertEquals(25, s.count(p, null));
            // SQL over the view named after the plan
            Table q = s.sql("SELECT count(*) AS n, sum(sum) AS total FROM test_map WHERE status = 'ok'");
            assertEquals(25L, q.longColumn("n").get(0));
            assertEquals(100.0, q.doubleColumn("total").get(0));
            assertEquals(1, s.studies().rowCount());
            DiffusonException bad = assertThrows(DiffusonException.class, () -> s.sql("SELECT nope FROM test_map"));
            assertTrue(bad.getMessage().startsWith("sql:"), bad.getMessage());
        }
    }

    @Test
    void nonFiniteOutputIsAFailedPointNotANumber() {
        Plan p = Plan.named("nan").calculation("java:nan").grid(Grid.of(ParameterAxis.of("x", 1, 0, 2)));
        try (StudyStore s = StudyStore.open(dir.resolve("n.duckdb"))) {
            StudyRun r = Study.of(p).store(s).using((a, o) -> Map.of("inv", 1 / (Double) a.get("x"))).run();
            assertEquals(1, r.failed());
            Table t = r.table();
            assertEquals("failed", t.stringColumn("status").get(1));
            assertTrue(t.stringColumn("error").get(1).contains("output 'inv' is Infinity"), t.stringColumn("error").get(1));
        }
    }

    @Test
    void registeredCalculationRunsByName() {
        Calculations.register("test.square", "x² for tests", (p, o) -> Map.of("sq", Math.pow((Double) p.get("x"), 2)));
        Plan p = Plan.named("squares").calculation("test.square").grid(Grid.of(ParameterAxis.lin("x", 0, 1, 11)));
        try (StudyStore s = StudyStore.open(dir.resolve("r.duckdb"))) {
            Table t = Study.of(p).store(s).engine(LocalEngine.workers(2)).run().table();
            assertEquals(0.25, t.doubleColumn("sq").get(5), 0);
        }
        DiffusonException e = assertThrows(DiffusonException.class, () -> Study.of(p.calculation("nope")).run());
        assertTrue(e.getMessage().contains("no calculation named 'nope'") && e.getMessage().contains("kubo"), e.getMessage());
    }

    @Test
    void interruptStopsCleanlyAndResumeCompletesWithoutDuplicates() throws Exception {
        Plan p = plan(20); // 400 points, 5 ms each on 2 workers: ~1 s
        Path file = dir.resolve("i.duckdb");
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        Calculation slow = (a, o) -> {
            long until = System.nanoTime() + 5_000_000L;
            while (System.nanoTime() < until) Thread.onSpinWait();
            return f(a, o);
        };
        try (StudyStore s = StudyStore.open(file)) {
            StudyRun[] first = new StudyRun[1];
            Thread t = new Thread(() -> first[0] = Study.of(p).store(s).engine(LocalEngine.workers(2)).using(slow).run());
            t.start();
            while (s.count(p, null) < 40) Thread.sleep(10);
            t.interrupt();
            t.join(10_000);
            assertFalse(t.isAlive());
            StudyRun r = first[0];
            assertTrue(r.interrupted(), r.toString());
            int stored = s.count(p, null);
            assertEquals(r.computed(), stored, "every point the run counted is stored, and no other");
            assertTrue(stored < 400, "stopped early: " + stored);
            AtomicInteger calls = new AtomicInteger();
            StudyRun rest = Study.of(p).store(s).engine(LocalEngine.workers(2)).using((a, o) -> {
                calls.incrementAndGet();
                return f(a, o);
            }).run();
            assertEquals(400 - stored, calls.get(), "only missing points recomputed");
            assertEquals(stored, rest.skipped());
            assertEquals(400, s.count(p, null));
            Table all = s.sql("SELECT count(DISTINCT idx) AS n, count(*) AS m FROM " + StudyStore.quote(StudyStore.tableName(p)));
            assertEquals(400L, all.longColumn("n").get(0));
            assertEquals(400L, all.longColumn("m").get(0));
        }
    }

    @Test
    void corruptedFileIsRefusedAndLeftUntouched() throws Exception {
        Path f = dir.resolve("junk.duckdb");
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        Files.write(f, junk);
        DiffusonException e = assertThrows(DiffusonException.class, () -> StudyStore.open(f));
        assertTrue(e.getMessage().contains("not a DuckDB database") && e.getMessage().contains("left untouched"), e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(f));
        // a DuckDB header followed by garbage: DuckDB itself refuses, we still do not write
        byte[] fake = junk.clone();
        System.arraycopy("DUCK".getBytes(), 0, fake, 8, 4);
        Files.write(f, fake);
        DiffusonException e2 = assertThrows(DiffusonException.class, () -> StudyStore.open(f));
        assertTrue(e2.getMessage().contains("left untouched"), e2.getMessage());
        assertArrayEquals(fake, Files.readAllBytes(f));
        assertFalse(Files.exists(dir.resolve("junk.duckdb.wal")));
    }

    @Test
    void foreignDuckDbDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path f = dir.resolve("other.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE trades (id INTEGER, price DOUBLE)");
            st.execute("INSERT INTO trades VALUES (1, 2.5)");
        }
        byte[] before = Files.readAllBytes(f);
        DiffusonException e = assertThrows(DiffusonException.class, () -> StudyStore.open(f));
        assertTrue(e.getMessage().contains("another program") && e.getMessage().contains("trades"), e.getMessage());
        assertTrue(Arrays.equals(before, Files.readAllBytes(f)), "foreign file unchanged");
    }
}
