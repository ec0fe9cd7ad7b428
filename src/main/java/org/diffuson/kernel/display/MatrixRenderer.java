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
        double scale = 0;
        for (int r = 0; r < m.numRows; r++) for (int c = 0; c < m.numCols; c++) scale = Math.max(scale, Math.hypot(m.getReal(r, c), m.getImag(r, c)));
        double sc = scale;
        return bundle(m.numRows, m.numCols, "complex" + note(m.numRows, m.numCols, (r, c) -> m.getReal(r, c), (r, c) -> m.getImag(r, c), sc),
                (r, c) -> complex(zero(m.getReal(r, c), sc), zero(m.getImag(r, c), sc), false),
                (r, c) -> complex(zero(m.getReal(r, c), sc), zero(m.getImag(r, c), sc), true));
    }

    public static DisplayData bundle(DMatrixRMaj m) {
        double scale = 0;
        for (int r = 0; r < m.numRows; r++) for (int c = 0; c < m.numCols; c++) scale = Math.max(scale, Math.abs(m.get(r, c)));
        double sc = scale;
        return bundle(m.numRows, m.numCols, "real" + note(m.numRows, m.numCols, m::get, (r, c) -> 0, sc), (r, c) -> number(zero(m.get(r, c), sc)),
                (r, c) -> latexNumber(zero(m.get(r, c), sc)));
    }

    /** Diffuson's complex matrix. */
    public static DisplayData bundle(CMatrix m) {
        double sc = m.normMax();
        return bundle(m.rows(), m.cols(), "complex" + note(m.rows(), m.cols(), m::re, m::im, sc),
                (r, c) -> complex(zero(m.re(r, c), sc), zero(m.im(r, c), sc), false),
                (r, c) -> complex(zero(m.re(r, c), sc), zero(m.im(r, c), sc), true));
    }

    /** A superoperator, shown as its matrix in the standard operator basis (rows and columns named). */
    public static DisplayData bundle(Superoperator s) {
        CMatrix m = s.inStandardBasis();
        double sc = m.normMax();
        List<String> names = OperatorBasis.standard(s.dim()).names();
        DisplayData d = bundle(m.rows(), m.cols(), "superoperator (standard basis " + names + ")" + note(m.rows(), m.cols(), m::re, m::im, sc),
                (r, c) -> complex(zero(m.re(r, c), sc), zero(m.im(r, c), sc), false),
                (r, c) -> complex(zero(m.re(r, c), sc), zero(m.im(r, c), sc), true));
        return d;
    }

    private interface Value {
        double at(int r, int c);
    }

    /** x, or 0 when it is a numerical zero of a matrix of size {@code scale}. */
    static double zero(double x, double scale) { return org.diffuson.Numbers.isZero(x, scale) ? 0 : x; }

    /** The zero convention, stated once, when some entry was shown as 0. */
    private static String note(int rows, int cols, Value re, Value im, double scale) {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                double a = re.at(r, c), b = im.at(r, c);
                if (a != 0 && zero(a, scale) == 0 || b != 0 && zero(b, scale) == 0) return " (" + org.diffuson.Numbers.ZERO_NOTE + ")";
            }
        return "";
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
