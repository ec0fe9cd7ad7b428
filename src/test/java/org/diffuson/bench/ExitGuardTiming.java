package org.diffuson.bench;

import org.diffuson.kernel.exec.CellRunner;
import org.diffuson.kernel.exec.ExitGuard;
import org.diffuson.kernel.exec.JavaEvaluator;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntFunction;

/**
 * In-process JShell evaluation time with or without the kernel's {@link ExitGuard} (a security manager). Run it in
 * fresh JVMs, alternating, e.g.
 * {@code for m in none guard none guard; do java -Djava.security.manager=allow -cp
 * target/diffuson-*-kernel.jar:target/test-classes org.diffuson.bench.ExitGuardTiming $m; done}.
 * Wall time is noisy on a shared machine; the CPU time of the evaluating thread (JShell's compiler runs there) is the
 * steadier figure.
 */
public final class ExitGuardTiming {

    private static final int N = 200;

    public static void main(String[] args) throws Exception {
        boolean guard = args.length > 0 && args[0].equals("guard");
        if (guard && ExitGuard.install() != null) throw new IllegalStateException("guard not installed");
        JavaEvaluator java = new JavaEvaluator(new CellRunner(), new PrintStream(OutputStream.nullOutputStream()));
        measure(java, i -> "1");
        String mode = guard ? "with guard   " : "without guard";
        for (int round = 1; round <= 3; round++) {
            double[] t = measure(java, i -> "1");
            System.out.printf("%s  %d x `1`: wall %5.2f ms, evaluating thread cpu %5.2f ms per evaluation%n",
                    mode, N, t[0], t[1]);
        }
        double[] t = measure(java, i -> "record R" + i + "(int a) {}\nnew R" + i + "(1).a()");
        System.out.printf("%s  %d x `record R_i(int a) {}` + `new R_i(1).a()`: wall %5.2f ms, cpu %5.2f ms%n",
                mode, N, t[0], t[1]);
        java.close();
    }

    /** Evaluates N snippets; returns wall and evaluating-thread CPU milliseconds per evaluation. */
    private static double[] measure(JavaEvaluator java, IntFunction<String> code) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < N; i++) {
            String src = code.apply(i);
            java.eval(src, src, 0);
        }
        return new double[]{(System.nanoTime() - t0) / 1e6 / N, (threads.getCurrentThreadCpuTime() - c0) / 1e6 / N};
    }
}
