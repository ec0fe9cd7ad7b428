package org.diffuson.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

import java.util.List;
import java.util.Locale;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.OperatorBasis;
import org.diffuson.linalg.Superoperator;

/**
 * EJML matrices (complex {@link ZMatrixRMaj}, real {@link DMatrixRMaj}) as LaTeX {@code pmatrix}, HTML table and
 * text. Matrices larger than {@link #MAX_SHOWN} in a dimension show their corners with ellipses.
 */
public final class MatrixRenderer {

    public static final int MAX_SHOWN = 12;

    private interface Entry {
        String at(int r, int c);
    }

    private MatrixRenderer() {
    }

    public static DisplayData bundle(ZMatrixRMaj m) {
        return bundle(m.numRows, m.numCols, "complex",
                (r, c) -> complex(m.getReal(r, c), m.getImag(r, c), false),
                (r, c) -> complex(m.getReal(r, c), m.getImag(r, c), true));
    }

    public static DisplayData bundle(DMatrixRMaj m) {
        return bundle(m.numRows, m.numCols, "real", (r, c) -> number(m.get(r, c)),
                (r, c) -> latexNumber(m.get(r, c)));
    }

    /** Diffuson's complex matrix. */
    public static DisplayData bundle(CMatrix m) {
        return bundle(m.rows(), m.cols(), "complex", (r, c) -> complex(m.re(r, c), m.im(r, c), false),
                (r, c) -> complex(m.re(r, c), m.im(r, c), true));
    }

    /** A superoperator, shown as its matrix in the standard operator basis (rows and columns named). */
    public static DisplayData bundle(Superoperator s) {
        CMatrix m = s.inStandardBasis();
        List<String> names = OperatorBasis.standard(s.dim()).names();
        DisplayData d = bundle(m.rows(), m.cols(), "superoperator (standard basis " + names + ")",
                (r, c) -> complex(m.re(r, c), m.im(r, c), false), (r, c) -> complex(m.re(r, c), m.im(r, c), true));
        return d;
    }

    /** LaTeX of a complex matrix, without surrounding {@code $$}. */
    public static String latex(ZMatrixRMaj m) {
        return latex(m.numRows, m.numCols, (r, c) -> complex(m.getReal(r, c), m.getImag(r, c), true));
    }

    private static DisplayData bundle(int rows, int cols, String kind, Entry text, Entry tex) {
        StringBuilder plain = new StringBuilder();
        plain.append(kind).append(' ').append(rows).append('×').append(cols).append(" matrix\n");
        StringBuilder html = new StringBuilder("<div class=\"diffuson-matrix\"><div>").append(Html.escape(kind))
                .append(' ').append(rows).append('×').append(cols).append(" matrix</div>")
                .append("<table style=\"font-family:monospace\">");
        for (int r : shown(rows)) {
            html.append("<tr>");
            for (int c : shown(cols)) {
                String s = r < 0 || c < 0 ? "…" : text.at(r, c);
                html.append("<td style=\"text-align:right\">").append(Html.escape(s)).append("</td>");
                plain.append(String.format(Locale.ROOT, "%22s", s));
            }
            html.append("</tr>");
            plain.append('\n');
        }
        html.append("</table></div>");
        DisplayData data = new DisplayData(plain.toString());
        data.putHTML(html.toString());
        data.putLatex("$$" + latex(rows, cols, tex) + "$$");
        return data;
    }

    private static String latex(int rows, int cols, Entry tex) {
        StringBuilder sb = new StringBuilder("\\begin{pmatrix}");
        int[] rs = shown(rows);
        int[] cs = shown(cols);
        for (int i = 0; i < rs.length; i++) {
            if (i > 0) sb.append(" \\\\ ");
            for (int j = 0; j < cs.length; j++) {
                if (j > 0) sb.append(" & ");
                int r = rs[i];
                int c = cs[j];
                if (r < 0 && c < 0) sb.append("\\ddots");
                else if (r < 0) sb.append("\\vdots");
                else if (c < 0) sb.append("\\cdots");
                else sb.append(tex.at(r, c));
            }
        }
        return sb.append("\\end{pmatrix}").toString();
    }

    /** Indices to show; -1 marks the ellipsis. */
    private static int[] shown(int n) {
        if (n <= MAX_SHOWN) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        int half = MAX_SHOWN / 2;
        int[] idx = new int[MAX_SHOWN + 1];
        for (int i = 0; i < half; i++) idx[i] = i;
        idx[half] = -1;
        for (int i = 0; i < half; i++) idx[half + 1 + i] = n - half + i;
        return idx;
    }

    static String number(double x) {
        if (x == 0) return "0";
        if (x == Math.rint(x) && Math.abs(x) < 1e9) return Long.toString((long) x);
        return String.format(Locale.ROOT, "%.4g", x);
    }

    private static String latexNumber(double x) {
        String s = number(x);
        int e = s.indexOf('e');
        if (e < 0) return s;
        return s.substring(0, e) + "\\times 10^{" + Integer.parseInt(s.substring(e + 1)) + "}";
    }

    static String complex(double re, double im, boolean tex) {
        if (im == 0) return tex ? latexNumber(re) : number(re);
        String i = tex ? "\\mathrm{i}" : "i";
        String imag = Math.abs(im) == 1 ? i : (tex ? latexNumber(Math.abs(im)) : number(Math.abs(im))) + i;
        if (re == 0) return (im < 0 ? "-" : "") + imag;
        return (tex ? latexNumber(re) : number(re)) + (im < 0 ? " - " : " + ") + imag;
    }
}
