package org.diffuson.kernel.exec;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Java evaluation on an in-process {@link JShell}. A cell is cut into snippets with
 * {@link SourceCodeAnalysis#analyzeCompletion(String)} and evaluated in order; the first failure stops the cell.
 * Values are the live objects (see {@link CellExecutionControl}).
 */
public final class JavaEvaluator {

    /** Returned when the last snippet has no value (a declaration, a statement, a void call). */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "(no value)";
        }
    };

    private final CellRunner runner;
    private final CellExecutionControl control;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final PrintStream notes;
    private final List<Path> addedClasspath = new ArrayList<>();

    /**
     * @param notes where remarks on half-defined declarations go (the cell's stderr)
     */
    public JavaEvaluator(CellRunner runner, PrintStream notes) {
        this.runner = runner;
        this.control = new CellExecutionControl(runner);
        this.notes = notes;
        this.shell = JShell.builder()
                .executionEngine(new CellExecutionControl.Provider(control), java.util.Map.of())
                .out(notes).err(notes)
                .compilerOptions("-Xlint:-options")
                .build();
        this.analysis = shell.sourceCodeAnalysis();
    }

    public CellRunner runner() {
        return runner;
    }

    public JShell shell() {
        return shell;
    }

    /** The JShell class loader (after the first snippet ran), for loading notebook-defined classes. */
    public ClassLoader snippetLoader() {
        ClassLoader l = control.snippetLoader();
        return l != null ? l : getClass().getClassLoader();
    }

    /**
     * Evaluates Java source that starts at {@code offset} in {@code cell} (both used for error positions).
     *
     * @return the live value of the last snippet if it is an expression, else {@link #NO_VALUE}
     */
    public Object eval(String source, String cell, int offset) throws Exception {
        runner.beginCell();
        try {
            return evalCell(source, cell, offset);
        } finally {
            runner.endCell();
        }
    }

    private Object evalCell(String source, String cell, int offset) throws Exception {
        control.clearValues();
        control.takeFailure();
        String rest = source;
        int consumed = 0;
        Object last = NO_VALUE;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(rest);
            SourceCodeAnalysis.Completeness c = ci.completeness();
            if (c == SourceCodeAnalysis.Completeness.EMPTY) break;
            int start = offset + consumed + leadingSpace(rest);
            if (!c.isComplete() && c != SourceCodeAnalysis.Completeness.UNKNOWN) {
                throw new IncompleteInputException(lineOf(cell, start), rest);
            }
            runner.checkPending();
            String remaining = c == SourceCodeAnalysis.Completeness.UNKNOWN ? "" : ci.remaining();
            String snippetSource = c == SourceCodeAnalysis.Completeness.UNKNOWN ? rest : ci.source();
            last = evalSnippet(snippetSource, cell, start);
            consumed += rest.length() - remaining.length();
            rest = remaining;
        }
        return last;
    }

    private Object evalSnippet(String source, String cell, int start) throws Exception {
        List<SnippetEvent> events = shell.eval(source);
        Object value = NO_VALUE;
        for (SnippetEvent ev : events) {
            if (ev.causeSnippet() != null) continue;
            Snippet snippet = ev.snippet();
            if (ev.status() == Snippet.Status.REJECTED) {
                throw compilationError(snippet, cell, start);
            }
            dropIfTemporary(snippet);
            if (ev.exception() != null) {
                throw failure(ev.exception());
            }
            if (ev.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || ev.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                noteUnresolved(snippet);
            }
            if (snippet instanceof ExpressionSnippet
                    || (snippet instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)) {
                value = isVoid(snippet) ? NO_VALUE : control.takeValue(ev.value());
            }
        }
        return value;
    }

    /**
     * Drops JShell's {@code $N} temporary of an expression snippet once its value is taken. JShell imports every live
     * temporary into every later snippet, so without this each expression cell makes all later cells slower to
     * compile (measured: 10 ms per trivial cell after 0 temporaries, 48 ms after 800). The kernel hands the value out
     * itself; to keep one, assign it to a variable.
     */
    private void dropIfTemporary(Snippet s) {
        if (s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            shell.drop(v);
        }
    }

    private boolean isVoid(Snippet s) {
        return s instanceof VarSnippet v && "void".equals(v.typeName())
                || s instanceof ExpressionSnippet e && "void".equals(e.typeName());
    }

    private Exception failure(JShellException ex) {
        Throwable live = control.takeFailure();
        if (live instanceof CellStoppedException stopped) return stopped;
        if (ex instanceof UnresolvedReferenceException ure) {
            DeclarationSnippet d = ure.getSnippet();
            return new UnresolvedException(d.subKind().toString().toLowerCase(Locale.ROOT).replace("_subkind", "")
                    .replace('_', ' ') + " " + name(d) + " cannot be used until "
                    + String.join(", ", shell.unresolvedDependencies(d).collect(Collectors.toList()))
                    + " is declared");
        }
        if (live instanceof Exception e) return e;
        if (live instanceof Error e) throw e;
        if (ex instanceof EvalException ee) return new UserCodeException(ee);
        return ex;
    }

    private void noteUnresolved(Snippet s) {
        if (s instanceof DeclarationSnippet d) {
            List<String> missing = shell.unresolvedDependencies(d).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                notes.println("note: " + name(d) + " is declared, but can be used only once "
                        + String.join(", ", missing) + " is declared");
            }
        }
    }

    private static String name(DeclarationSnippet d) {
        return d.name();
    }

    private CompilationError compilationError(Snippet snippet, String cell, int start) {
        List<CompilationError.Problem> problems = new ArrayList<>();
        String src = snippet.source();
        int base = locate(cell, src, start);
        for (Diag d : shell.diagnostics(snippet).collect(Collectors.toList())) {
            if (!d.isError()) continue;
            long pos = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            int abs = base + (int) Math.max(0, Math.min(pos, src.length()));
            abs = Math.min(abs, cell.length());
            int lineStart = cell.lastIndexOf('\n', abs - 1) + 1;
            int lineEnd = cell.indexOf('\n', abs);
            if (lineEnd < 0) lineEnd = cell.length();
            long end = d.getEndPosition() >= 0 ? d.getEndPosition() : pos + 1;
            int len = (int) Math.max(1, Math.min(end - pos, lineEnd - abs));
            problems.add(new CompilationError.Problem(lineOf(cell, abs), abs - lineStart, len,
                    cell.substring(lineStart, lineEnd), d.getMessage(Locale.ROOT)));
        }
        if (problems.isEmpty()) {
            problems.add(new CompilationError.Problem(lineOf(cell, start), 0, 1, "", "the snippet was rejected"));
        }
        return new CompilationError(problems);
    }

    /** Offset in the cell where {@code src} begins, searching from {@code from}; {@code from} if not found. */
    private static int locate(String cell, String src, int from) {
        String probe = src.strip();
        if (probe.endsWith(";")) probe = probe.substring(0, probe.length() - 1);
        if (probe.length() > 40) probe = probe.substring(0, 40);
        if (probe.isEmpty()) return from;
        int i = cell.indexOf(probe, Math.max(0, from));
        int inSrc = src.indexOf(probe);
        return i < 0 || inSrc < 0 ? from : i - inSrc;
    }

    static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** 1-based line of offset {@code pos} in {@code text}. */
    public static int lineOf(String text, int pos) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /**
     * Jupyter is_complete status of Java source: "complete", "invalid" or the indent for the next line.
     */
    public String completeness(String source) {
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(rest);
            switch (ci.completeness()) {
                case EMPTY:
                    return "complete";
                case UNKNOWN:
                    return "invalid";
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "    ";
                default:
                    rest = ci.remaining();
            }
        }
        return "complete";
    }

    /** The complete snippets of {@code source}, in order (as JShell would evaluate them). */
    public List<String> splitSnippets(String source) {
        List<String> out = new ArrayList<>();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(rest);
            if (ci.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            if (!ci.completeness().isComplete()) {
                out.add(rest);
                break;
            }
            out.add(ci.source());
            rest = ci.remaining();
        }
        return out;
    }

    /** Completion candidates at {@code cursor}: replacement texts and the start offset they replace from. */
    public Completion complete(String source, int cursor) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(source, cursor, anchor);
        Set<String> seen = new LinkedHashSet<>();
        boolean anyMatch = suggestions.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            if (!anyMatch || s.matchesType()) seen.add(s.continuation());
        }
        if (seen.isEmpty()) {
            for (SourceCodeAnalysis.Suggestion s : suggestions) seen.add(s.continuation());
        }
        return new Completion(new ArrayList<>(seen), anchor[0]);
    }

    /** Completion result: candidates replacing the text from {@code anchor} to the cursor. */
    public record Completion(List<String> matches, int anchor) {
    }

    /** JShell's documentation entries (signature, javadoc if known) for the code at {@code cursor}. */
    public List<SourceCodeAnalysis.Documentation> documentation(String source, int cursor) {
        return analysis.documentation(source, cursor, true);
    }

    /** Adds jars or class directories to the compiler and the class loader. */
    public void addToClasspath(List<Path> paths) {
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!addedClasspath.contains(abs)) {
                shell.addToClasspath(abs.toString());
                addedClasspath.add(abs);
            }
        }
    }

    public List<Path> addedClasspath() {
        return List.copyOf(addedClasspath);
    }

    /**
     * Declares a notebook variable holding {@code value}: {@code type name = (type) value}. With a null type, the
     * most specific public type of the value is used.
     */
    public void bind(String name, Object value, String type) throws Exception {
        String t = type != null ? type : publicTypeName(value == null ? Object.class : value.getClass());
        String key = Stash.put(value);
        String code = t + " " + name + " = (" + t + ") " + Stash.class.getName() + ".take(\"" + key + "\");";
        eval(code, code, 0);
    }

    /** The nearest public, nameable type of {@code c} that notebook code can refer to. */
    public static String publicTypeName(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().startsWith("REPL.$JShell$")) {
                return k.getSimpleName();
            }
            if (isNameable(k)) return k.getCanonicalName();
            for (Class<?> i : k.getInterfaces()) {
                if (isNameable(i)) return i.getCanonicalName();
            }
        }
        return "Object";
    }

    private static boolean isNameable(Class<?> k) {
        if (k.isArray()) return isNameable(k.getComponentType());
        if (k.isPrimitive()) return true;
        if (k.isHidden() || k.isAnonymousClass() || k.isLocalClass() || k.getCanonicalName() == null) return false;
        for (Class<?> e = k; e != null; e = e.getEnclosingClass()) {
            if (!Modifier.isPublic(e.getModifiers())) return false;
        }
        Module m = k.getModule();
        return !m.isNamed() || m.isExported(k.getPackageName());
    }

    /**
     * Defines startup imports as one snippet (JShell accepts several import declarations in one import snippet; one
     * compilation instead of one per import saves ~0.15 s of kernel start). The snippet is keyed by its first
     * declaration, an import of {@link DefaultImports} that notebook code has no reason to repeat, so a notebook's
     * own {@code import java.util.*;} adds a snippet instead of replacing this one. If the combined snippet is
     * rejected (a package is absent), the imports are defined one by one and the failing ones are skipped.
     */
    public void importAll(List<String> imports) {
        if (imports.isEmpty()) return;
        String combined = "import " + DefaultImports.class.getName() + "; " + String.join(" ", imports);
        List<SnippetEvent> events = shell.eval(combined);
        boolean ok = !events.isEmpty() && events.stream().allMatch(e -> e.status().isDefined());
        if (ok) return;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null && e.status().isActive()) shell.drop(e.snippet());
        }
        for (String imp : imports) {
            shell.eval(imp);
        }
    }

    public void close() {
        shell.close();
    }
}
