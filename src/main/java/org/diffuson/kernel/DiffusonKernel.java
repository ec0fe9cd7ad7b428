package org.diffuson.kernel;

import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.diffuson.kernel.display.ErrorView;
import org.diffuson.kernel.display.Html;
import org.diffuson.kernel.display.Renderers;
import org.diffuson.kernel.doc.JavadocIndex;
import org.diffuson.kernel.exec.CellRunner;
import org.diffuson.kernel.exec.CompilationError;
import org.diffuson.kernel.exec.JavaEvaluator;
import org.diffuson.kernel.history.CellHistory;
import org.diffuson.kernel.io.CellInput;
import org.diffuson.kernel.io.Outbox;
import org.diffuson.kernel.magic.BuiltinMagics;
import org.diffuson.kernel.magic.CellParser;
import org.diffuson.kernel.magic.Magic;
import org.diffuson.kernel.magic.MagicContext;
import org.diffuson.kernel.magic.MagicUsageException;
import org.diffuson.kernel.magic.PhysicsMagics;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Diffuson Jupyter kernel: Java 17 through an in-process JShell (see {@link JavaEvaluator}), magics, rich display
 * and readable errors, on jjava's protocol layer. Executes one cell at a time on the shell thread; an interrupt from
 * the control channel stops the running cell. {@code System.in} reads in a cell ask the frontend ({@link CellInput}).
 */
public final class DiffusonKernel extends BaseKernel {

    /** Imports every notebook starts with; Diffuson's own packages are added from the Javadoc index. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.util.*", "java.util.function.*", "java.util.stream.*", "java.io.*", "java.nio.file.*",
            "java.util.concurrent.*",
            "org.knowm.xchart.*", "org.knowm.xchart.style.*", "org.knowm.xchart.style.markers.*",
            "tech.tablesaw.api.*", "org.ejml.data.*", "org.ejml.dense.row.*",
            "org.diffuson.kernel.ProgressBar", "org.diffuson.kernel.DisplayHandle", "org.diffuson.kernel.Timing", "org.diffuson.kernel.TimeitResult");

    private static final Pattern MAGIC_NAME_PREFIX = Pattern.compile("(?m)^[ \\t]*(%%?)([A-Za-z_][A-Za-z0-9_]*)?$");
    private static final Pattern PAGER = Pattern.compile("^\\s*\\??([A-Za-z_$][\\w$.]*(?:\\(\\s*)?)\\?\\s*$");

    private final PrintStream log;
    private final Outbox outbox;
    private final CellInput input;
    private final CellRunner runner = new CellRunner();
    private final MemoryUse memory = MemoryUse.fromEnvironment();
    /** JShell is built on its own thread from the first moment, while the rest of the kernel is set up. */
    private final java.util.concurrent.CompletableFuture<JavaEvaluator> shellBuild = buildShell(runner);
    private final CellHistory cellHistory;
    private final JavadocIndex javadoc = JavadocIndex.load();
    private final Map<String, Magic> magics = new LinkedHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile JavaEvaluator java;
    private volatile Throwable startupFailure;

    DiffusonKernel(KernelConfig config, Outbox outbox, CellInput input, PrintStream log, CellHistory history) {
        super("diffuson", version(), languageInfo(),
                List.of(new HelpLink("Java 17 API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                history, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, null, false,
                new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG).build());
        this.cellHistory = history;
        this.log = log;
        this.outbox = outbox;
        this.input = input;
        this.runner.setTimeoutMillis(config.timeoutMillis());
        for (Magic m : BuiltinMagics.all()) magics.put(key(m), m);
        for (Magic m : PhysicsMagics.all()) magics.put(key(m), m);
        for (Magic m : org.diffuson.kernel.magic.KineticMagics.all()) magics.put(key(m), m);
        for (Magic m : ServiceLoader.load(Magic.class)) magics.put(key(m), m);
    }

    private static String key(Magic m) {
        return (m.isCell() ? "%%" : "%") + m.name();
    }

    private static String version() {
        String v = DiffusonKernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java").version(System.getProperty("java.version"))
                .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java")
                .codemirror("text/x-java").build();
    }

    @Override
    public String getBanner() {
        return "Diffuson kernel " + getVersion() + " — Java " + System.getProperty("java.version")
                + " (JShell). %lsmagic lists the magics; Shift-Tab shows documentation.";
    }

    private static java.util.concurrent.CompletableFuture<JavaEvaluator> buildShell(CellRunner runner) {
        java.util.concurrent.CompletableFuture<JavaEvaluator> f = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(new JavaEvaluator(runner, System.err));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "diffuson-jshell-build");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /**
     * Builds JShell, runs the default imports and warms up the compiler and the chart encoders on a background
     * thread, so the first cell does not pay for it. Requests that need JShell wait for it.
     */
    void startWarmUp() {
        Thread t = new Thread(() -> {
            try {
                JavaEvaluator j = shellBuild.join();
                List<String> imports = new ArrayList<>();
                for (String i : DEFAULT_IMPORTS) imports.add("import " + i + ";");
                for (String p : javadoc.packages()) {
                    if (!p.startsWith("org.diffuson.kernel")) imports.add("import " + p + ".*;");
                }
                imports.addAll(shadowingImports());
                imports.add("import static " + Notebook.class.getName() + ".*;");
                j.importAll(imports);
                j.eval("Math.max(1, 2)", "", 0);
                for (Snippet s : j.shell().snippets().toList()) {
                    if (s.kind() == Snippet.Kind.VAR || s.kind() == Snippet.Kind.EXPRESSION) j.shell().drop(s);
                }
                java = j;
            } catch (Throwable e) {
                startupFailure = e;
                log.println("diffuson kernel: JShell failed to start: " + e);
            } finally {
                ready.countDown();
            }
            try {
                XYChart c = new XYChartBuilder().width(120).height(80).build();
                c.addSeries("warm-up", new double[]{0, 1, 2}, new double[]{0, 1, 4});
                Renderers.render(c);
            } catch (Throwable e) {
                log.println("diffuson kernel: chart warm-up failed: " + e);
            }
        }, "diffuson-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Single-type imports for Diffuson types whose simple name also exists in another default on-demand import
     * (e.g. {@code CMatrix} in EJML), so that the Diffuson type wins instead of an ambiguity error.
     */
    private List<String> shadowingImports() {
        List<String> out = new ArrayList<>();
        ClassLoader loader = getClass().getClassLoader();
        for (String fqn : javadoc.topLevelTypes()) {
            if (fqn.startsWith("org.diffuson.kernel")) continue;
            String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
            for (String imp : DEFAULT_IMPORTS) {
                if (!imp.endsWith(".*")) continue;
                String other = imp.substring(0, imp.length() - 1) + simple;
                try {
                    Class.forName(other, false, loader);
                    out.add("import " + fqn + ";");
                    break;
                } catch (ClassNotFoundException | LinkageError e) {
                    // no clash with this package
                }
            }
        }
        return out;
    }

    private JavaEvaluator java() {
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell starts");
        }
        if (java == null) throw new IllegalStateException("JShell did not start: " + startupFailure);
        return java;
    }

    // ------------------------------------------------------------------ execute

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        String code = request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get();
        env.setBusyDeferIdle();
        memory.busy();
        if (!silent) env.publish(new PublishExecuteInput(code, count));
        outbox.attach(env);
        input.attach(message, request.isStdinEnabled());
        String resultText = null;
        try {
            Matcher pager = PAGER.matcher(code);
            if (pager.matches() && !code.strip().startsWith("%")) {
                DisplayData doc = inspect(pager.group(1), pager.group(1).length(), true);
                outbox.finish();
                Map<String, Object> page = new LinkedHashMap<>();
                page.put("text/plain", doc == null ? "No documentation found for " + pager.group(1)
                        : String.valueOf(doc.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)));
                if (doc != null && doc.hasDataForType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML)) {
                    page.put("text/html", doc.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML));
                }
                env.defer().reply(new PagedExecuteReply(count, page));
            } else {
                Object value = runCell(code);
                DisplayData data = value == JavaEvaluator.NO_VALUE || silent ? null : Renderers.render(value);
                if (data != null) {
                    outbox.drain();
                    env.publish(new PublishExecuteResult(count, data));
                    Object text = data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
                    resultText = text == null ? null : text.toString();
                }
                outbox.finish();
                env.defer().reply(new ExecuteReply(count, Map.of()));
            }
        } catch (Throwable t) {
            outbox.finish();
            ErrorView view = t instanceof MagicUsageException ? null : ErrorView.of(t);
            if (view == null) view = ErrorView.oneLine("UsageError", t.getMessage());
            env.publish(new PublishError(view.name(), view.value(), view.traceback()));
            ErrorReply error = new ErrorReply(view.name(), view.value(), view.traceback());
            error.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
            if (t instanceof VirtualMachineError) System.gc();
        } finally {
            input.detach();
            memory.idle();
            if (store) cellHistory.add(count, code, resultText);
        }
    }

    /** Runs a cell: Java segments through JShell, magics through their implementation. Returns the last value. */
    Object runCell(String cell) throws Exception {
        JavaEvaluator j = java();
        List<CellParser.Segment> segments = CellParser.parse(cell, s -> "complete".equals(j.completeness(s)));
        Object last = JavaEvaluator.NO_VALUE;
        runner.beginCell();
        try {
            for (CellParser.Segment s : segments) {
                runner.checkPending();
                last = runSegment(j, cell, s);
            }
        } finally {
            runner.endCell();
        }
        return last;
    }

    private Object runSegment(JavaEvaluator j, String cell, CellParser.Segment s) throws Exception {
        if (s.kind() == CellParser.Kind.JAVA) return j.eval(s.text(), cell, s.offset());
        String k = (s.kind() == CellParser.Kind.CELL_MAGIC ? "%%" : "%") + s.name();
        Magic m = magics.get(k);
        if (m == null) {
            String other = (s.kind() == CellParser.Kind.CELL_MAGIC ? "%" : "%%") + s.name();
            throw new MagicUsageException(k + " is not a magic"
                    + (magics.containsKey(other) ? "; did you mean " + other + "?" : "; %lsmagic lists them"));
        }
        try {
            return m.run(context, s.args(), s.kind() == CellParser.Kind.CELL_MAGIC ? s.text() : null);
        } catch (MagicUsageException e) {
            throw new MagicUsageException(k + ": " + e.getMessage() + ". Usage: " + m.usage());
        }
    }

    @Override
    public Object evalRaw(String source) {
        try {
            return runCell(source);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    @Override
    public void interrupt() {
        runner.stop();
    }

    @Override
    public List<String> formatError(Throwable e) {
        return ErrorView.of(e).traceback();
    }

    // ------------------------------------------------------------------ is_complete, completion, inspection

    @Override
    public String isComplete(String code) {
        if (code.isBlank()) return IS_COMPLETE_YES;
        if (code.stripLeading().startsWith("%%")) return IS_COMPLETE_YES;
        if (PAGER.matcher(code).matches()) return IS_COMPLETE_YES;
        JavaEvaluator j = java();
        StringBuilder javaPart = new StringBuilder();
        for (CellParser.Segment s : CellParser.parse(code, x -> "complete".equals(j.completeness(x)))) {
            if (s.kind() == CellParser.Kind.JAVA) javaPart.append(s.text()).append('\n');
        }
        if (javaPart.toString().isBlank()) return IS_COMPLETE_YES;
        return j.completeness(javaPart.toString());
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        Matcher mm = MAGIC_NAME_PREFIX.matcher(code.substring(lineStart, at));
        if (mm.matches()) {
            String typed = mm.group(1) + (mm.group(2) == null ? "" : mm.group(2));
            List<String> names = magics.keySet().stream().filter(n -> n.startsWith(typed)).toList();
            return new ReplacementOptions(names, at - typed.length(), at);
        }
        JavaEvaluator j = java();
        for (CellParser.Segment s : CellParser.parse(code, x -> "complete".equals(j.completeness(x)))) {
            if (s.kind() == CellParser.Kind.JAVA && at >= s.offset() && at <= s.offset() + s.text().length()) {
                JavaEvaluator.Completion c = j.complete(s.text(), at - s.offset());
                return new ReplacementOptions(c.matches(), c.anchor() + s.offset(), at);
            }
        }
        return new ReplacementOptions(List.of(), at, at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        Magic magic = magicAt(code, at);
        if (magic != null) {
            DisplayData d = new DisplayData(magic.usage() + "\n\n" + magic.help());
            d.putHTML("<pre><b>" + Html.escape(magic.usage()) + "</b></pre><div>" + Html.escape(magic.help())
                    .replace("\n", "<br>") + "</div>");
            return d;
        }
        JavaEvaluator j = java();
        int pos = Math.min(at, code.length());
        while (pos < code.length() && Character.isJavaIdentifierPart(code.charAt(pos))) pos++;
        int p2 = pos;
        while (p2 < code.length() && code.charAt(p2) == ' ') p2++;
        if (p2 < code.length() && code.charAt(p2) == '(') pos = p2 + 1;
        String src = code;
        int cursor = pos;
        for (CellParser.Segment s : CellParser.parse(code, x -> "complete".equals(j.completeness(x)))) {
            if (s.kind() == CellParser.Kind.JAVA && pos >= s.offset() && pos <= s.offset() + s.text().length()) {
                src = s.text();
                cursor = pos - s.offset();
            }
        }
        List<SourceCodeAnalysis.Documentation> docs = j.documentation(src, cursor);
        if (docs.isEmpty() && cursor > 0 && src.charAt(cursor - 1) != '(') {
            docs = j.documentation(src.substring(0, cursor) + "(", cursor + 1);
        }
        if (docs.isEmpty()) return null;
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs.subList(0, Math.min(docs.size(), 12))) {
            String signature = d.signature();
            String doc = d.javadoc();
            if (doc == null || doc.isBlank()) {
                List<JavadocIndex.Entry> entries = javadoc.lookup(signature);
                if (!entries.isEmpty()) {
                    doc = entries.get(0).javadoc();
                    String source = entries.get(0).signature();
                    String a = source.replaceAll("\\s+", "");
                    String b = signature.replaceAll("\\s+", "");
                    if (!a.equals(b) && !a.endsWith(b)) signature = signature + "    [" + source + "]";
                }
            }
            text.append(signature).append('\n');
            html.append("<pre><b>").append(Html.escape(signature)).append("</b></pre>");
            if (doc != null && !doc.isBlank()) {
                text.append(plain(doc)).append("\n\n");
                html.append("<div>").append(doc).append("</div>");
            }
        }
        DisplayData data = new DisplayData(text.toString().strip());
        data.putHTML(html.toString());
        return data;
    }

    /** The magic whose {@code %name} the cursor is on, if any. */
    private Magic magicAt(String code, int at) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, Math.min(at, code.length()) - 1)) + 1;
        int lineEnd = code.indexOf('\n', lineStart);
        String line = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
        Matcher m = Pattern.compile("^\\s*(%%?)([A-Za-z_][A-Za-z0-9_]*)").matcher(line);
        if (!m.find() || at - lineStart > m.end()) return null;
        return magics.get(m.group(1) + m.group(2));
    }

    private static String plain(String javadocHtml) {
        return javadocHtml.replaceAll("(?i)<p>|<br\\s*/?>", "\n").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }

    // ------------------------------------------------------------------ magic context

    private final MagicContext context = new MagicContext() {
        @Override
        public JavaEvaluator java() {
            return DiffusonKernel.this.java();
        }

        @Override
        public Object evalJava(String source) throws Exception {
            return java().eval(source, source, 0);
        }

        @Override
        public Object value(String expression) throws Exception {
            Object v;
            try {
                v = java().eval(expression, expression, 0);
            } catch (CompilationError e) {
                throw new MagicUsageException("'" + expression + "' does not compile: " + e.getMessage());
            }
            if (v == JavaEvaluator.NO_VALUE) throw new MagicUsageException("'" + expression + "' has no value");
            return v;
        }

        @Override
        public void bind(String name, Object value, String type) throws Exception {
            java().bind(name, value, type);
        }

        @Override
        public Object runStoppable(Callable<?> work) throws Exception {
            return runner.run(work, java().snippetLoader());
        }

        @Override
        public void display(Object value) {
            Notebook.display(value);
        }

        @Override
        public PrintStream out() {
            return System.out;
        }

        @Override
        public PrintStream err() {
            return System.err;
        }

        @Override
        public List<Magic> magics() {
            return List.copyOf(magics.values());
        }

        @Override
        public void addToClasspath(List<Path> paths) {
            java().addToClasspath(paths);
        }

        @Override
        public void setTimeoutMillis(long millis) {
            runner.setTimeoutMillis(millis);
        }

        @Override
        public long timeoutMillis() {
            return runner.timeoutMillis();
        }
    };

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new OkReplies.KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(),
                getHelpLinks()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> cellHistory.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range r = (HistoryRequest.Range) request;
                yield cellHistory.lookupRange(r.getSessionIndex(), r.getStart(), r.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search s = (HistoryRequest.Search) request;
                if (s.filterUnique()) flags.add(HistoryManager.ResultFlag.UNIQUE);
                yield cellHistory.search(s.getPattern(), s.getMaxReturnLength(), flags);
            }
        };
        env.reply(new Message(env.getContext(), MessageType.HISTORY_REPLY, new OkReplies.History(entries)));
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        runner.stop();
        super.onShutdown(isRestarting);
    }
}
