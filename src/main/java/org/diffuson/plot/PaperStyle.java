package org.diffuson.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * The default look of Diffuson figures, made for papers (matplotlib / SciencePlots as the bar): white background, a
 * thin black frame with inward ticks on all four sides, no grid, plain sans-serif fonts at journal sizes, tick values
 * on the 1-2-5 rule, the Okabe–Ito colour-blind-safe palette with a distinct dash pattern per series (so curves stay
 * apart in greyscale and where they overlap), and the legend inside the frame in the corner the data leave free.
 * Text is written as glyph outlines, so PDF and SVG need no fonts installed (the fonts travel with the figure).
 */
public final class PaperStyle {
    private PaperStyle() {}

    /** Figure sizes in points (1/72 in): the PDF page is exactly this size. */
    public enum Size {
        /** 6 in × 4 in at 10 pt: for notebooks and slides. */
        NOTEBOOK(432, 288, 10f),
        /** One journal column (3.4 in ≈ 86 mm, PRL/PRB) × 2.55 in at 8 pt. */
        SINGLE_COLUMN(246, 184, 8f),
        /** Full page width (7.0 in ≈ 178 mm) × 3.0 in at 8 pt. */
        DOUBLE_COLUMN(504, 216, 8f);

        public final int width, height;
        public final float fontSize;

        Size(int width, int height, float fontSize) {
            this.width = width;
            this.height = height;
            this.fontSize = fontSize;
        }
    }

    /** Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, black, yellow. */
    public static java.util.List<Color> palette() { return java.util.List.of(PALETTE); }

    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    /** Dash patterns in units of the line width: solid, dashed, dotted, dash-dot, long dash, dash-dot-dot. */
    static final float[][] DASHES = {null, {5, 2.5f}, {1, 2}, {5, 2, 1, 2}, {9, 3}, {5, 2, 1, 2, 1, 2}};

    /** Markers for point series, cycled with the colours. */
    static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
            SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};

    /** The line stroke of series i at line width w. */
    public static BasicStroke stroke(int i, float w) {
        float[] d = DASHES[i % DASHES.length];
        if (d == null) return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        float[] s = new float[d.length];
        for (int j = 0; j < d.length; j++) s[j] = d[j] * w;
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, s, 0f);
    }

    /** Applies the style for {@code size} to the chart's styler (frame, ticks, fonts, palette, legend look). */
    public static XYChart apply(XYChart c, Size size) {
        XYStyler s = c.getStyler();
        float f = size.fontSize;
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Color.BLACK);
        s.setPlotGridLinesVisible(false);
        s.setPlotTicksMarksVisible(true);          // inward ticks on all four sides
        s.setAxisTicksMarksVisible(false);         // no outward ticks
        s.setAxisTicksLineVisible(false);
        s.setAxisTickMarkLength(Math.round(f * 0.45f));
        s.setAxisTickPadding(Math.round(f * 0.35f));
        s.setPlotMargin(0);
        s.setPlotContentSize(0.94);
        s.setChartPadding(Math.round(f * 0.6f));
        s.setChartFontColor(Color.BLACK);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setAxisTickMarksColor(Color.BLACK);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(f * 1.1f)));
        s.setChartTitlePadding(Math.round(f * 0.5f));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(f)));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(f * 0.9f)));
        s.setAxisTitlePadding(Math.round(f * 0.4f));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(f * 0.85f)));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setLegendBorderColor(new Color(255, 255, 255, 0));
        s.setLegendPadding(Math.round(f * 0.4f));
        s.setLegendSeriesLineLength(Math.round(f * 2.4f));
        s.setSeriesColors(PALETTE.clone());
        s.setSeriesMarkers(MARKERS);
        s.setMarkerSize(Math.max(4, Math.round(f * 0.55f)));
        float w = size == Size.NOTEBOOK ? 1.5f : 1.0f;
        BasicStroke[] lines = new BasicStroke[DASHES.length];
        for (int i = 0; i < lines.length; i++) lines[i] = stroke(i, w);
        s.setSeriesLines(lines);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        s.setXAxisTickMarkSpacingHint(Math.max(Math.round(f * 7), size.width / 6));
        s.setYAxisTickMarkSpacingHint(Math.max(Math.round(f * 4.5f), size.height / 5));
        return c;
    }


    /** Charts whose x limits this class set (recomputed on every paint, so added series are covered). */
    private static final java.util.Map<XYChart, Boolean> AUTO_X = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** True if the chart carries this style (its palette). */
    static boolean isPaper(XYChart c) {
        Color[] colors = c.getStyler().getSeriesColors();
        return colors != null && colors.length > 0 && colors[0].equals(PALETTE[0]);
    }

    /**
     * Called before a chart is painted: strokes per series (line style follows the series index, so two series
     * never share colour and dash), round axis limits on the 1-2-5 rule for linear axes, and the legend moved to the
     * inside corner holding the fewest data points (outside on the right only if every corner is crowded).
     */
    static void finish(XYChart c) {
        if (!isPaper(c)) return;
        XYStyler s = c.getStyler();
        int i = 0;
        float w = s.getSeriesLines()[0].getLineWidth();
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (XYSeries se : c.getSeriesMap().values()) {
            if (se.getLineStyle() == null || isOurs(se.getLineStyle(), i)) se.setLineStyle(stroke(i, w));
            if (se.getLineColor() == null) se.setLineColor(PALETTE[i % PALETTE.length]);
            if (se.getMarkerColor() == null) se.setMarkerColor(PALETTE[i % PALETTE.length]);
            i++;
            double[] xs = se.getXData(), ys = se.getYData();
            for (int k = 0; k < xs.length; k++) {
                if (!Double.isFinite(xs[k]) || !Double.isFinite(ys[k])) continue;
                if (s.isXAxisLogarithmic() && xs[k] <= 0 || s.isYAxisLogarithmic() && ys[k] <= 0) continue;
                xmin = Math.min(xmin, xs[k]); xmax = Math.max(xmax, xs[k]);
                ymin = Math.min(ymin, ys[k]); ymax = Math.max(ymax, ys[k]);
            }
        }
        if (!(xmin <= xmax)) return;
        if (AUTO_X.remove(c) != null) {
            s.setXAxisMin(null);
            s.setXAxisMax(null);
        }
        // XChart puts x ticks on the data values when the x values are evenly spaced (linspace sweeps), which gives
        // ticks like −1.54, −1.28; nudging one interior abscissa of each such series by 3e-4 of the axis span (0.1 px at
        // notebook size, invisible) makes it fall back to its round-step ticks
        if (!s.isXAxisLogarithmic() && xmax > xmin)
            for (XYSeries se : c.getSeriesMap().values()) {
                double[] xs = se.getXData();
                if (xs.length < 3 || !evenlySpaced(xs)) continue;
                double[] moved = xs.clone();
                moved[1] += 3e-4 * (xmax - xmin) * Math.signum(xs[2] - xs[1]);
                se.replaceData(moved, se.getYData(), se.getExtraValues());
            }
        // limits at the data extent rounded out to a fine 1-2-5 step make XChart choose round ticks
        if (!s.isXAxisLogarithmic() && s.getXAxisMin() == null && s.getXAxisMax() == null && xmax > xmin) {
            double st = Ticks.step(xmin, xmax, 20);
            s.setXAxisMin(Math.floor(xmin / st + 1e-9) * st);
            s.setXAxisMax(Math.ceil(xmax / st - 1e-9) * st);
            AUTO_X.put(c, Boolean.TRUE);
        }
        if (s.getXAxisMin() != null && s.getXAxisMax() != null) {
            xmin = s.getXAxisMin();
            xmax = s.getXAxisMax();
        }
        if (s.getYAxisMin() != null && s.getYAxisMax() != null) {
            ymin = s.getYAxisMin();
            ymax = s.getYAxisMax();
        }
        if (!s.isXAxisLogarithmic()) s.setXAxisDecimalPattern(Ticks.pattern(xmin, xmax));
        if (!s.isYAxisLogarithmic()) s.setYAxisDecimalPattern(Ticks.pattern(ymin, ymax));
        if (c.getSeriesMap().size() < 2) {
            s.setLegendVisible(false);
            return;
        }
        s.setLegendVisible(true);
        // crowding of each corner box (in axis fractions) by the data; the box from the longest label
        int longest = 0;
        for (String name : c.getSeriesMap().keySet()) longest = Math.max(longest, name.length());
        float fs = s.getLegendFont().getSize2D();
        double plotW = c.getWidth() * 0.8, plotH = c.getHeight() * 0.78;
        double bw = Math.min(0.9, (longest * 0.55 * fs + s.getLegendSeriesLineLength() + 3 * s.getLegendPadding()) / plotW);
        double bh = Math.min(0.9, (c.getSeriesMap().size() * 1.35 * fs + 2 * s.getLegendPadding()) / plotH);
        Styler.LegendPosition[] pos = {Styler.LegendPosition.InsideNE, Styler.LegendPosition.InsideNW,
                Styler.LegendPosition.InsideSE, Styler.LegendPosition.InsideSW};
        int[] count = new int[4];
        int total = 0;
        for (XYSeries se : c.getSeriesMap().values()) {
            double[] xs = se.getXData(), ys = se.getYData();
            for (int k = 0; k < xs.length; k++) {
                double u = frac(xs[k], xmin, xmax, s.isXAxisLogarithmic()), v = frac(ys[k], ymin, ymax, s.isYAxisLogarithmic());
                if (!Double.isFinite(u) || !Double.isFinite(v)) continue;
                total++;
                boolean right = u > 1 - bw - 0.03, left = u < bw + 0.03, top = v > 1 - bh - 0.03, bottom = v < bh + 0.03;
                if (right && top) count[0]++;
                if (left && top) count[1]++;
                if (right && bottom) count[2]++;
                if (left && bottom) count[3]++;
            }
        }
        int best = 0;
        for (int k = 1; k < 4; k++) if (count[k] < count[best]) best = k;
        s.setLegendPosition(count[best] <= Math.max(1, total / 100) ? pos[best] : Styler.LegendPosition.OutsideE);
    }

    private static boolean evenlySpaced(double[] x) {
        double d = x[1] - x[0], tol = 1e-6 * Math.abs(x[x.length - 1] - x[0]);
        for (int i = 2; i < x.length; i++) if (Math.abs(x[i] - x[i - 1] - d) > tol) return false;
        return true;
    }

    private static boolean isOurs(BasicStroke b, int i) {
        return b.equals(stroke(i, 1.0f)) || b.equals(stroke(i, 1.5f));
    }

    private static double frac(double v, double lo, double hi, boolean log) {
        if (log) {
            if (!(v > 0)) return Double.NaN;
            return hi > lo ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : 0.5;
        }
        return hi > lo ? (v - lo) / (hi - lo) : 0.5;
    }

    /** Round tick values and their labels. */
    public static final class Ticks {
        private Ticks() {}

        /** The 1-2-5 step giving about {@code target} intervals over [lo, hi]. */
        public static double step(double lo, double hi, int target) {
            double span = hi - lo;
            if (!(span > 0)) return Math.max(Math.abs(hi), 1) * 0.1;
            double raw = span / target, mag = Math.pow(10, Math.floor(Math.log10(raw))), r = raw / mag;
            double m = r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10;
            return m * mag;
        }

        /**
         * [lo, hi] widened to whole multiples of a 1-2-5 step (XChart draws ticks from the axis minimum in equal steps,
         * so round limits give round ticks). Of the steps for 3–7 intervals, the one wasting the least room is taken.
         * Flat data get a symmetric window.
         */
        public static double[] niceRange(double lo, double hi) {
            if (hi == lo) {
                double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= d;
                hi += d;
            }
            double bestA = lo, bestB = hi, bestWaste = Double.POSITIVE_INFINITY;
            for (int target = 3; target <= 7; target++) {
                double st = step(lo, hi, target);
                double a = Math.floor(lo / st + 1e-9) * st, b = Math.ceil(hi / st - 1e-9) * st;
                int intervals = (int) Math.round((b - a) / st);
                if (intervals < 3 || intervals > 8) continue;
                double waste = (b - a) / (hi - lo);
                if (waste < bestWaste - 1e-9) {
                    bestWaste = waste;
                    bestA = a;
                    bestB = b;
                }
            }
            return new double[]{clean(bestA), clean(bestB)};
        }

        private static double clean(double v) {
            return v == 0 ? 0 : new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
        }

        /**
         * A DecimalFormat pattern for round ticks over [lo, hi]: a leading 0 and as many decimals as the tick step
         * needs (0.02 → "0.##"); scientific notation when the values are very large or very small.
         */
        public static String pattern(double lo, double hi) {
            double big = Math.max(Math.abs(lo), Math.abs(hi)), st = step(lo, hi, 5);
            if (big >= 1e5 || big > 0 && big < 1e-3) return "0.##E0";
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(st) - 1e-9) + 1);
            return decimals == 0 ? "0" : "0." + "#".repeat(Math.min(decimals, 8));
        }

        /** A tick label without float noise: 0.30000000000000004 → "0.3", −0.0 → "0", 1e-5 → "1e-05" style "10⁻⁵". */
        public static String label(Double v) {
            if (v == null || !Double.isFinite(v)) return "";
            double x = v;
            if (Math.abs(x) < 1e-12) return "0";
            double a = Math.abs(x);
            if (a >= 1e-3 && a < 1e5) {
                String t = new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
                return t.startsWith("-") ? "−" + t.substring(1) : t;
            }
            int e = (int) Math.floor(Math.log10(a));
            double m = x / Math.pow(10, e);
            String ms = new java.math.BigDecimal(m).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
            String exp = sup(e);
            if (ms.equals("1")) return "10" + exp;
            if (ms.equals("-1")) return "−10" + exp;
            return (ms.startsWith("-") ? "−" + ms.substring(1) : ms) + "×10" + exp;
        }

        static String sup(int e) {
            String d = "⁰¹²³⁴⁵⁶⁷⁸⁹";
            StringBuilder sb = new StringBuilder();
            for (char ch : Integer.toString(e).toCharArray()) sb.append(ch == '-' ? '⁻' : d.charAt(ch - '0'));
            return sb.toString();
        }
    }
}
