package org.diffuson.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.diffuson.kernel.DisplayHandle;
import org.diffuson.kernel.ProgressBar;
import org.diffuson.linalg.CMatrix;
import org.diffuson.linalg.Superoperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.awt.image.RenderedImage;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns any value into a Jupyter MIME bundle. In order: {@link DisplayData} as is; XChart charts as PNG (2x),
 * SVG and PDF; tablesaw tables as HTML and text; EJML and Diffuson complex matrices and superoperators (in the
 * standard operator basis) as LaTeX, HTML and text; images as
 * PNG; objects with public no-argument {@code toHtml()}, {@code toLatex()}, {@code toMarkdown()} or
 * {@code toSvg()} methods through those (found by reflection, so a library needs no kernel dependency); records
 * as an HTML summary of their components; everything else as {@code text/plain}. Display handles and progress bars
 * render as nothing (they are on screen already).
 */
public final class Renderers {

    private static final String[] DUCK_METHODS = {"toHtml", "toLatex", "toMarkdown", "toSvg"};
    private static final String[] DUCK_MIMES = {"text/html", "text/latex", "text/markdown", "image/svg+xml"};
    private static final Map<Class<?>, Method[]> DUCKS = new ConcurrentHashMap<>();

    private Renderers() {
    }

    /** The full MIME bundle for {@code value}; null for null. */
    public static DisplayData render(Object value) {
        if (value == null || value instanceof DisplayHandle || value instanceof ProgressBar) return null;
        if (value instanceof DisplayData d) return d;
        if (value instanceof Chart<?, ?> chart) return ChartEncoder.bundle(chart);
        if (value instanceof Table table) return TableRenderer.bundle(table);
        if (value instanceof org.diffuson.DataTable table) return TableRenderer.bundle(org.diffuson.table.Tables.tablesaw(table));
        if (value instanceof ZMatrixRMaj m) return MatrixRenderer.bundle(m);
        if (value instanceof DMatrixRMaj m) return MatrixRenderer.bundle(m);
        if (value instanceof CMatrix m) return MatrixRenderer.bundle(m);
        if (value instanceof Superoperator s) return MatrixRenderer.bundle(s);
        if (value instanceof RenderedImage image) return ChartEncoder.imageBundle(image);
        DisplayData duck = duckTyped(value);
        if (duck != null) return duck;
        if (value.getClass().isRecord()) return RecordRenderer.bundle((Record) value);
        return new DisplayData(text(value));
    }

    /** A one-line, length-limited text form used inside summaries. */
    public static String shortText(Object value, int max) {
        String s;
        if (value instanceof Table t) {
            s = "Table '" + t.name() + "' (" + t.rowCount() + " rows × " + t.columnCount() + " columns)";
        } else if (value instanceof org.diffuson.DataTable t) {
            s = "Table '" + t.name() + "' (" + t.rowCount() + " rows × " + t.columnCount() + " columns)";
        } else if (value instanceof ZMatrixRMaj m) {
            s = "complex " + m.numRows + "×" + m.numCols + " matrix";
        } else if (value instanceof DMatrixRMaj m) {
            s = "real " + m.numRows + "×" + m.numCols + " matrix";
        } else if (value != null && value.getClass().isArray()) {
            s = ArrayText.of(value);
        } else if (value instanceof Double || value instanceof Float) {
            s = org.diffuson.Numbers.format(((Number) value).doubleValue(), 6);
        } else {
            s = String.valueOf(value);
        }
        s = s.replace('\n', ' ');
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * Plain text of a value: floating-point numbers at up to {@link #DIGITS} significant digits (no float noise, a full
     * double never reaches the notebook), arrays item by item.
     */
    static String text(Object value) {
        if (value.getClass().isArray()) return ArrayText.of(value);
        if (value instanceof Double || value instanceof Float) return org.diffuson.Numbers.format(((Number) value).doubleValue(), DIGITS);
        return String.valueOf(value);
    }

    /** Significant digits of a floating-point cell result. */
    public static final int DIGITS = 10;

    private static DisplayData duckTyped(Object value) {
        Method[] methods = DUCKS.computeIfAbsent(value.getClass(), Renderers::findDuckMethods);
        DisplayData data = null;
        for (int i = 0; i < methods.length; i++) {
            if (methods[i] == null) continue;
            Object out;
            try {
                out = methods[i].invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (out == null) continue;
            if (data == null) data = new DisplayData(text(value));
            String s = out.toString();
            if (DUCK_MIMES[i].equals("text/latex") && !s.strip().startsWith("$")) s = "$$" + s + "$$";
            data.putData(DUCK_MIMES[i], s);
        }
        return data;
    }

    private static Method[] findDuckMethods(Class<?> type) {
        Method[] found = new Method[DUCK_METHODS.length];
        for (int i = 0; i < DUCK_METHODS.length; i++) {
            try {
                Method m = type.getMethod(DUCK_METHODS[i]);
                if (Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class) continue;
                m.setAccessible(true);
                found[i] = m;
            } catch (NoSuchMethodException | RuntimeException e) {
                // not offered by this type
            }
        }
        return found;
    }

    /** Names and values of a record, for summaries. */
    static Object[][] components(Record r) {
        RecordComponent[] comps = r.getClass().getRecordComponents();
        Object[][] rows = new Object[comps.length][2];
        for (int i = 0; i < comps.length; i++) {
            rows[i][0] = comps[i].getName();
            try {
                Method acc = comps[i].getAccessor();
                acc.setAccessible(true);
                rows[i][1] = acc.invoke(r);
            } catch (ReflectiveOperationException | RuntimeException e) {
                rows[i][1] = "(unreadable: " + e.getClass().getSimpleName() + ")";
            }
        }
        return rows;
    }
}
