package org.diffuson.plot;

import java.awt.BasicStroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;

/**
 * Writes a {@link DisplayList} as SVG 1.1 with presentation attributes (no CSS, so the document can be inlined in a
 * notebook page without styling anything else). Coordinates are rounded to 0.01 px. Consecutive operations that
 * share a clip and whose fills (and strokes) have the same style go into one {@code <g>} that carries the style,
 * so a chart's thousand markers and line segments carry only their geometry.
 */
final class SvgWriter {

    private SvgWriter() {
    }

    static String write(DisplayList list) {
        List<DisplayList.Op> ops = list.ops();
        StringBuilder sb = new StringBuilder(256 + ops.size() * 64);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                .append("version=\"1.1\" width=\"").append(list.width()).append("\" height=\"").append(list.height())
                .append("\" viewBox=\"0 0 ").append(list.width()).append(' ').append(list.height()).append("\">\n");
        boolean[] usedClip = new boolean[list.clips().size()];
        for (DisplayList.Op op : ops) if (op.clip() != null) usedClip[op.clip().id()] = true;
        boolean anyClip = false;
        for (boolean u : usedClip) anyClip |= u;
        if (anyClip) {
            sb.append("<defs>\n");
            for (DisplayList.Clip c : list.clips()) {
                if (!usedClip[c.id()]) continue;
                sb.append("<clipPath id=\"c").append(c.id()).append("\"><path d=\"");
                path(sb, c.shape().getPathIterator(null));
                sb.append('"');
                if (c.shape().getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD) {
                    sb.append(" clip-rule=\"evenodd\"");
                }
                sb.append("/></clipPath>\n");
            }
            sb.append("</defs>\n");
        }
        int i = 0, n = ops.size();
        while (i < n) {
            DisplayList.Clip clip = ops.get(i).clip();
            if (clip != null) sb.append("<g clip-path=\"url(#c").append(clip.id()).append(")\">\n");
            while (i < n && ops.get(i).clip() == clip) {
                i = group(sb, ops, i, clip);
            }
            if (clip != null) sb.append("</g>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Writes the longest run from {@code start} that shares {@code clip} and a fill and a stroke style. */
    private static int group(StringBuilder sb, List<DisplayList.Op> ops, int start, DisplayList.Clip clip) {
        DisplayList.Op first = ops.get(start);
        if (first.kind() == DisplayList.Kind.IMAGE) {
            image(sb, first);
            return start + 1;
        }
        String fill = null, stroke = null;
        int end = start;
        while (end < ops.size()) {
            DisplayList.Op op = ops.get(end);
            if (op.clip() != clip || op.kind() == DisplayList.Kind.IMAGE) break;
            if (op.isFill()) {
                String s = fillStyle(op.argb());
                if (fill == null) fill = s;
                else if (!fill.equals(s)) break;
            } else {
                String s = strokeStyle(op.argb(), op.stroke());
                if (stroke == null) stroke = s;
                else if (!stroke.equals(s)) break;
            }
            end++;
        }
        boolean single = end - start == 1;
        if (!single) {
            sb.append("<g").append(fill != null ? fill : " fill=\"none\"");
            if (stroke != null) sb.append(stroke);
            sb.append(">\n");
        }
        for (int k = start; k < end; k++) {
            DisplayList.Op op = ops.get(k);
            element(sb, op);
            if (single) {
                if (op.isFill()) sb.append(fill);
                else sb.append(" fill=\"none\"").append(stroke);
            } else if (op.isFill() && stroke != null) {
                sb.append(" stroke=\"none\"");
            } else if (op.isStroke() && fill != null) {
                sb.append(" fill=\"none\"");
            }
            sb.append("/>\n");
        }
        if (!single) sb.append("</g>\n");
        return end;
    }

    /** Opens the element with its geometry; the caller adds attributes and closes it. */
    private static void element(StringBuilder sb, DisplayList.Op op) {
        if (op.shape() instanceof Ellipse2D.Float e) {
            double cx = e.getCenterX(), cy = e.getCenterY(), rx = e.getWidth() / 2, ry = e.getHeight() / 2;
            sb.append(rx == ry ? "<circle" : "<ellipse");
            attribute(sb, "cx", cx);
            attribute(sb, "cy", cy);
            if (rx == ry) attribute(sb, "r", rx);
            else {
                attribute(sb, "rx", rx);
                attribute(sb, "ry", ry);
            }
            return;
        }
        PathIterator it = op.shape().getPathIterator(null);
        sb.append("<path d=\"");
        path(sb, it);
        sb.append('"');
        if (op.isFill() && it.getWindingRule() == PathIterator.WIND_EVEN_ODD) sb.append(" fill-rule=\"evenodd\"");
    }

    /** SVG path data. */
    static void path(StringBuilder sb, PathIterator it) {
        float[] c = new float[6];
        char last = 0;
        while (!it.isDone()) {
            int type = it.currentSegment(c);
            char cmd;
            int nc;
            switch (type) {
                case PathIterator.SEG_MOVETO -> { cmd = 'M'; nc = 2; }
                case PathIterator.SEG_LINETO -> { cmd = 'L'; nc = 2; }
                case PathIterator.SEG_QUADTO -> { cmd = 'Q'; nc = 4; }
                case PathIterator.SEG_CUBICTO -> { cmd = 'C'; nc = 6; }
                default -> { cmd = 'Z'; nc = 0; }
            }
            if (cmd != last || cmd == 'M' || cmd == 'Z') {
                sb.append(cmd);
            } else {
                sb.append(' ');
            }
            for (int k = 0; k < nc; k++) {
                if (k > 0 && Math.round(c[k] * 100.0) >= 0) sb.append(' ');
                Num.append2(sb, c[k]);
            }
            last = cmd;
            it.next();
        }
    }

    private static String fillStyle(int argb) {
        StringBuilder sb = new StringBuilder(40);
        paint(sb, "fill", argb);
        return sb.toString();
    }

    /** {@code name="v"} with v to 0.01. */
    private static void attribute(StringBuilder sb, String name, double v) {
        sb.append(' ').append(name).append("=\"");
        Num.append2(sb, v);
        sb.append('"');
    }

    /** {@code attr="#rrggbb"} and, unless opaque, {@code attr-opacity="a"} (attr: fill or stroke). */
    private static void paint(StringBuilder sb, String attr, int argb) {
        sb.append(' ').append(attr).append("=\"");
        Num.appendHex(sb, argb & 0xFFFFFF);
        sb.append('"');
        int a = argb >>> 24;
        if (a != 255) {
            sb.append(' ').append(attr).append("-opacity=\"");
            Num.append3(sb, a / 255.0);
            sb.append('"');
        }
    }

    private static String strokeStyle(int argb, BasicStroke s) {
        StringBuilder sb = new StringBuilder(120);
        paint(sb, "stroke", argb);
        if (s.getLineWidth() == 0f) {
            // Java2D and PDF draw a zero-width stroke as the thinnest visible line; SVG would draw nothing
            sb.append(" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"");
        } else if (s.getLineWidth() != 1f) {
            sb.append(" stroke-width=\"");
            Num.append2(sb, s.getLineWidth());
            sb.append('"');
        }
        if (s.getEndCap() == BasicStroke.CAP_ROUND) sb.append(" stroke-linecap=\"round\"");
        else if (s.getEndCap() == BasicStroke.CAP_SQUARE) sb.append(" stroke-linecap=\"square\"");
        if (s.getLineJoin() == BasicStroke.JOIN_ROUND) sb.append(" stroke-linejoin=\"round\"");
        else if (s.getLineJoin() == BasicStroke.JOIN_BEVEL) sb.append(" stroke-linejoin=\"bevel\"");
        else if (s.getMiterLimit() != 4f) {
            sb.append(" stroke-miterlimit=\"");
            Num.append2(sb, Math.max(1f, s.getMiterLimit()));
            sb.append('"');
        }
        float[] dash = s.getDashArray();
        if (dash != null && dash.length > 0) {
            sb.append(" stroke-dasharray=\"");
            for (int k = 0; k < dash.length; k++) {
                if (k > 0) sb.append(' ');
                Num.append2(sb, dash[k]);
            }
            sb.append('"');
            if (s.getDashPhase() != 0f) {
                sb.append(" stroke-dashoffset=\"");
                Num.append2(sb, s.getDashPhase());
                sb.append('"');
            }
        }
        return sb.toString();
    }

    private static void image(StringBuilder sb, DisplayList.Op op) {
        BufferedImage img = op.image();
        AffineTransform t = op.imageTransform();
        double[] m = new double[6];
        t.getMatrix(m);
        sb.append("<image x=\"0\" y=\"0\" width=\"").append(img.getWidth()).append("\" height=\"")
                .append(img.getHeight()).append("\" preserveAspectRatio=\"none\" transform=\"matrix(");
        for (int k = 0; k < 6; k++) {
            if (k > 0) sb.append(' ');
            Num.append6(sb, m[k]);
        }
        sb.append(")\"");
        if (op.imageAlpha() < 1f) {
            sb.append(" opacity=\"");
            Num.append3(sb, op.imageAlpha());
            sb.append('"');
        }
        sb.append(" xlink:href=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(PngWriter.encode(img))).append("\"/>\n");
    }
}
