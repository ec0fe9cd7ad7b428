package org.diffuson.kernel.exec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.util.List;
import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** JShell evaluation details that the protocol tests cannot see. */
class JavaEvaluatorTest {

    private static JavaEvaluator java;

    @BeforeAll
    static void start() {
        java = new JavaEvaluator(new CellRunner(), new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void stop() {
        java.close();
    }

    /**
     * Expression cells leave no {@code $N} temporaries behind: JShell imports each live one into every later snippet,
     * so keeping them made cell compilation grow linearly with the number of expression cells run (10 ms → 48 ms
     * per trivial cell after 800 of them).
     */
    @Test
    void expressionTemporariesAreDropped() throws Exception {
        long before = java.shell().variables().count();
        for (int i = 0; i < 20; i++) {
            assertEquals(i + 1, java.eval(i + " + 1", i + " + 1", 0));
        }
        assertEquals(before, java.shell().variables().count());
        java.eval("int kept = 6 * 7;", "", 0);
        assertEquals(42, java.eval("kept", "kept", 0));
        assertEquals(before + 1, java.shell().variables().count());
    }

    @Test
    void failingExpressionsLeaveNoTemporaryEither() throws Exception {
        long before = java.shell().variables().count();
        assertThrows(ArithmeticException.class, () -> java.eval("1 / (int) Math.floor(0.5)", "", 0));
        assertEquals(before, java.shell().variables().count());
    }

    @Test
    void defaultImportsAreOneSnippetThatNotebookImportsDoNotReplace() throws Exception {
        JavaEvaluator j = new JavaEvaluator(new CellRunner(), new PrintStream(new ByteArrayOutputStream()));
        try {
            j.importAll(List.of("import java.util.*;", "import java.io.*;", "import org.diffuson.linalg.*;"));
            assertEquals(1, j.shell().imports().count());
            assertEquals("x", j.eval("new File(\"x\").getName()", "", 0));
            j.eval("import java.util.*;", "", 0);
            assertEquals(2, j.shell().imports().count());
            assertEquals(2, j.eval("CMatrix.identity(2).rows()", "", 0));
            assertEquals(3, j.eval("new ArrayList<>(List.of(1, 2, 3)).size()", "", 0));
        } finally {
            j.close();
        }
    }

    @Test
    void aMissingPackageFallsBackToSingleImports() throws Exception {
        JavaEvaluator j = new JavaEvaluator(new CellRunner(), new PrintStream(new ByteArrayOutputStream()));
        try {
            j.importAll(List.of("import java.io.*;", "import no.such.pkg.*;", "import java.util.*;"));
            assertEquals("x", j.eval("new File(\"x\").getName()", "", 0));
            assertEquals(0, j.eval("new ArrayList<String>().size()", "", 0));
        } finally {
            j.close();
        }
    }
}
