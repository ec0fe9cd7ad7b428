package org.diffuson.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** A study process killed with SIGKILL mid-run loses no stored point, and the rerun duplicates none. */
class KillResumeTest {
    @TempDir
    Path dir;

    static final Plan PLAN = StudyStoreTest.plan(20);

    /** 10 ms of spinning, then the test function. */
    static Map<String, Double> slow(Map<String, Object> p, Map<String, Object> o) {
        long until = System.nanoTime() + 10_000_000L;
        while (System.nanoTime() < until) Thread.onSpinWait();
        return StudyStoreTest.f(p, o);
    }

    /** The child: runs the study, printing the stored count after each batch. */
    public static void main(String[] args) {
        StudyStore s = StudyStore.open(Path.of(args[0]));
        Study.of(PLAN).store(s).engine(LocalEngine.workers(2)).using(KillResumeTest::slow)
                .run((done, total, msg) -> System.out.println("stored " + done));
    }

    @Test
    void killedRunResumesWithNothingLostOrDuplicated() throws Exception {
        Path file = dir.resolve("kill.duckdb");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillResumeTest.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int reported = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("stored ")) reported = Integer.parseInt(line.substring(7).trim());
                if (reported >= 60) break;
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(reported >= 60 && reported < 400, "killed mid-way after " + reported + " stored points");
        try (StudyStore s = StudyStore.open(file)) {
            int k = s.count(PLAN, null);
            assertTrue(k >= reported && k < 400, "the store holds at least the " + reported + " points reported stored, got " + k);
            Table t = s.table(PLAN);
            for (int i = 0; i < t.rowCount(); i++) checkRow(t, i);
            AtomicInteger calls = new AtomicInteger();
            StudyRun rest = Study.of(PLAN).store(s).engine(LocalEngine.workers(2)).using((p, o) -> {
                calls.incrementAndGet();
                return StudyStoreTest.f(p, o);
            }).run();
            assertEquals(400 - k, calls.get(), "only the missing points are computed");
            assertEquals(k, rest.skipped());
            Table all = s.table(PLAN);
            assertEquals(400, all.rowCount());
            for (int i = 0; i < 400; i++) {
                assertEquals(i, all.intColumn("idx").get(i), "each point once, in order");
                checkRow(all, i);
            }
        }
        assertFalse(new File(file + ".wal").exists() && new File(file + ".wal").length() > 0, "closed store checkpointed");
    }

    private static void checkRow(Table t, int i) {
        double x = t.doubleColumn("x").get(i), y = t.doubleColumn("y").get(i);
        int idx = t.intColumn("idx").get(i);
        assertEquals(PLAN.point(idx).get("x"), x);
        assertEquals(PLAN.point(idx).get("y"), y);
        if (x * y == 6) assertEquals("failed", t.stringColumn("status").get(i));
        else assertEquals(x + y, t.doubleColumn("sum").get(i), 0.0);
    }
}
