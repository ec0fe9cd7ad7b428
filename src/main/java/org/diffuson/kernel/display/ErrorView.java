package org.diffuson.kernel.display;

import org.diffuson.kernel.exec.CellStoppedException;
import org.diffuson.kernel.exec.CompilationError;
import org.diffuson.kernel.exec.ExitBlockedException;
import org.diffuson.kernel.exec.IncompleteInputException;
import org.diffuson.kernel.exec.UnresolvedException;
import org.diffuson.kernel.exec.UserCodeException;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A readable error for the notebook ({@code ename}, {@code evalue}, traceback lines with ANSI colours).
 * Compile errors show the offending cell line with a caret; exceptions whose class offers public no-argument
 * {@code parameter()} or {@code hint()} methods (physics errors) show those; stack traces are cut at the notebook
 * boundary, with repeated frames (deep recursion) folded.
 */
public record ErrorView(String name, String value, List<String> traceback) {

    private static final String RED = "\u001b[0;31m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String GREEN = "\u001b[0;32m";
    private static final String CYAN = "\u001b[0;36m";
    private static final String RESET = "\u001b[0m";
    private static final int MAX_FRAMES = 12;

    /** A one-line error, such as a magic usage error. */
    public static ErrorView oneLine(String name, String message) {
        return new ErrorView(name, message, List.of(BOLD_RED + name + RESET + ": " + message));
    }

    public static ErrorView of(Throwable t) {
        if (t instanceof CompilationError ce) return compilation(ce);
        if (t instanceof IncompleteInputException ie) return oneLine("IncompleteInput", ie.getMessage());
        if (t instanceof UnresolvedException ue) return oneLine("UnresolvedReference", ue.getMessage());
        if (t instanceof CellStoppedException se) {
            return oneLine(se.reason() == CellStoppedException.Reason.TIMEOUT ? "Timeout" : "Interrupted",
                    se.getMessage() + "; variables defined by earlier cells are kept");
        }
        return exception(t);
    }

    private static ErrorView compilation(CompilationError ce) {
        List<String> tb = new ArrayList<>();
        for (CompilationError.Problem p : ce.problems()) {
            String no = String.valueOf(p.line());
            tb.add(BOLD_RED + "Compile error" + RESET + " at line " + p.line() + ":");
            tb.add(GREEN + no + " | " + RESET + p.lineText());
            tb.add(" ".repeat(no.length()) + " | " + " ".repeat(Math.max(0, p.column())) + RED
                    + "^".repeat(Math.max(1, Math.min(p.length(), Math.max(1, p.lineText().length() - p.column()))))
                    + RESET);
            for (String line : p.message().split("\n")) tb.add("  " + line);
        }
        return new ErrorView("CompilationError", ce.getMessage(), tb);
    }

    private static ErrorView exception(Throwable t) {
        String name = t instanceof UserCodeException u ? simple(u.className())
                : t instanceof ExitBlockedException ? "SystemExit" : t.getClass().getSimpleName();
        String message = Objects.toString(t.getMessage(), "");
        List<String> tb = new ArrayList<>();
        tb.add(BOLD_RED + name + RESET + (message.isEmpty() ? "" : ": " + message));
        String parameter = call(t, "parameter");
        String hint = call(t, "hint");
        if (parameter != null) tb.add("  " + CYAN + "parameter" + RESET + ": " + parameter);
        if (hint != null) tb.add("  " + CYAN + "hint" + RESET + ": " + hint);
        if (t instanceof OutOfMemoryError) {
            tb.add("  " + CYAN + "hint" + RESET + ": the kernel survived; drop large objects (x = null) or start the"
                    + " kernel with more heap (DIFFUSON_JAVA_OPTS=-Xmx...)");
        } else if (t instanceof StackOverflowError) {
            tb.add("  " + CYAN + "hint" + RESET + ": recursion too deep; the kernel survived");
        }
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable cur = t;
        boolean first = true;
        while (cur != null && seen.put(cur, true) == null) {
            if (!first) {
                tb.add("Caused by: " + cur.getClass().getName() + (cur.getMessage() == null ? "" : ": " + cur.getMessage()));
            }
            appendFrames(tb, cur.getStackTrace());
            first = false;
            cur = cur.getCause();
        }
        return new ErrorView(name, message, tb);
    }

    private static void appendFrames(List<String> tb, StackTraceElement[] frames) {
        int shown = 0;
        int i = 0;
        while (i < frames.length) {
            StackTraceElement f = frames[i];
            String cls = f.getClassName();
            if (cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")
                    || cls.startsWith("org.diffuson.kernel.exec.") || cls.startsWith("jdk.jshell.")) {
                break;
            }
            int repeat = 1;
            while (i + repeat < frames.length && frames[i + repeat].equals(f)) repeat++;
            if (shown == MAX_FRAMES) {
                tb.add("    … " + (frames.length - i) + " more frames");
                return;
            }
            tb.add("    at " + frame(f) + (repeat > 1 ? "  (×" + repeat + ")" : ""));
            shown++;
            i += repeat;
        }
    }

    /** {@code REPL.$JShell$12.f(#12:3)} becomes {@code f (notebook snippet 12)} (JShell's line numbers count its wrapper). */
    static String frame(StackTraceElement f) {
        String cls = f.getClassName();
        if (cls.startsWith("REPL.$JShell$")) {
            String rest = cls.substring("REPL.$JShell$".length());
            int dollar = rest.indexOf('$');
            String owner = dollar < 0 ? "" : rest.substring(dollar + 1).replace('$', '.') + ".";
            String method = f.getMethodName().startsWith("do_it$") ? "<cell>" : f.getMethodName();
            return owner + method + " (notebook snippet " + (dollar < 0 ? rest : rest.substring(0, dollar)) + ")";
        }
        return f.toString();
    }

    private static String simple(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    private static String call(Throwable t, String method) {
        try {
            Method m = t.getClass().getMethod(method);
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class) {
                return null;
            }
            m.setAccessible(true);
            Object v = m.invoke(t);
            return v == null ? null : v.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
