package org.diffuson.bench;

import org.diffuson.kernel.exec.CellBytecode;

import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Cost of the stop checks that {@link CellBytecode} puts into cell code: the same loops (a scalar sum, a dot
 * product, a nested matrix-vector product) loaded plain and instrumented in one JVM, timed alternately (so machine
 * load hits both alike). Run after {@code mvn -o test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(ASM jar) org.diffuson.bench.StopCheckTiming}.
 */
public final class StopCheckTiming {

    /** The workload, compiled by javac like a cell's method. */
    public static final class Loops {
        public static double sum(int n) {
            double s = 0;
            for (int i = 0; i < n; i++) s += Math.sqrt(i);
            return s;
        }

        public static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) s += a[i] * b[i];
            return s;
        }

        public static double matVec(double[] m, double[] x, double[] y, int n) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += m[i * n + j] * x[j];
                y[i] = s;
            }
            return y[n / 2];
        }
    }

    private static final class Loader extends ClassLoader {
        Loader() {
            super(StopCheckTiming.class.getClassLoader());
        }

        Class<?> define(String name, byte[] b) {
            return defineClass(name, b, 0, b.length);
        }
    }

    public static void main(String[] args) throws Exception {
        String name = Loops.class.getName();
        byte[] plain;
        try (InputStream in = StopCheckTiming.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            plain = in.readAllBytes();
        }
        Class<?>[] variants = {new Loader().define(name, plain), new Loader().define(name, CellBytecode.instrument(plain))};
        String[] label = {"plain", "instrumented"};
        int n = 600;
        double[] a = new double[1 << 20], b = new double[1 << 20], m = new double[n * n], x = new double[n], y = new double[n];
        for (int i = 0; i < a.length; i++) { a[i] = i % 7; b[i] = i % 5; }
        for (int i = 0; i < m.length; i++) m[i] = i % 11;
        for (int i = 0; i < n; i++) x[i] = i % 3;
        double[][] best = new double[2][3];
        for (double[] r : best) java.util.Arrays.fill(r, Double.MAX_VALUE);
        for (int round = 0; round < 30; round++) {
            for (int v = 0; v < 2; v++) {
                Method sum = variants[v].getMethod("sum", int.class), dot = variants[v].getMethod("dot", double[].class, double[].class),
                        mv = variants[v].getMethod("matVec", double[].class, double[].class, double[].class, int.class);
                long t0 = System.nanoTime();
                sum.invoke(null, 2_000_000);
                long t1 = System.nanoTime();
                dot.invoke(null, a, b);
                long t2 = System.nanoTime();
                mv.invoke(null, m, x, y, n);
                long t3 = System.nanoTime();
                best[v][0] = Math.min(best[v][0], (t1 - t0) / 1e6);
                best[v][1] = Math.min(best[v][1], (t2 - t1) / 1e6);
                best[v][2] = Math.min(best[v][2], (t3 - t2) / 1e6);
            }
        }
        System.out.printf("best of 30, ms      %12s %12s %12s%n", "sqrt sum 2e6", "dot 2^20", "matvec 600²");
        for (int v = 0; v < 2; v++) System.out.printf("%-19s %12.3f %12.3f %12.3f%n", label[v], best[v][0], best[v][1], best[v][2]);
        System.out.printf("%-19s %12.2f %12.2f %12.2f%n", "ratio", best[1][0] / best[0][0], best[1][1] / best[0][1], best[1][2] / best[0][2]);
    }
}
