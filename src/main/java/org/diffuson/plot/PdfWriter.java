package org.diffuson.plot;

import java.awt.BasicStroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Writes a {@link DisplayList} as a one-page PDF 1.4 document (ISO 32000 operators {@code m l c h re f f* S W n q Q
 * cm rg RG w J j M d gs Do}). One unit is one point; the page is flipped once ({@code 1 0 0 -1 0 H cm}) so the
 * recorded device coordinates are written as they are. Transparency uses one ExtGState per alpha value; images are
 * Flate-compressed RGB XObjects with a soft mask when they have alpha. The content stream is Flate-compressed.
 */
final class PdfWriter {

    private PdfWriter() {
    }

    static byte[] write(DisplayList list, String title) {
        Content content = new Content(list);
        byte[] stream = deflate(content.sb.toString().getBytes(StandardCharsets.ISO_8859_1), Deflater.BEST_SPEED);

        Doc doc = new Doc();
        doc.raw("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        int catalog = 1, pages = 2, page = 3, contents = 4, info = 5;
        int next = 6;
        List<Integer> imageObjects = new ArrayList<>();
        for (int k = 0; k < content.images.size(); k++) {
            imageObjects.add(next);
            next += content.images.get(k).getColorModel().hasAlpha() ? 2 : 1;
        }
        doc.object(catalog, "<< /Type /Catalog /Pages 2 0 R >>");
        doc.object(pages, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        StringBuilder res = new StringBuilder("<< /ProcSet [/PDF /ImageC]");
        if (!content.alphas.isEmpty()) {
            res.append(" /ExtGState <<");
            for (Map.Entry<Integer, String> e : content.alphas.entrySet()) {
                StringBuilder a = new StringBuilder();
                Num.append3(a, e.getKey() / 255.0);
                res.append(" /").append(e.getValue()).append(" << /Type /ExtGState /ca ").append(a).append(" /CA ")
                        .append(a).append(" >>");
            }
            res.append(" >>");
        }
        if (!imageObjects.isEmpty()) {
            res.append(" /XObject <<");
            for (int k = 0; k < imageObjects.size(); k++) res.append(" /Im").append(k).append(' ').append(imageObjects.get(k)).append(" 0 R");
            res.append(" >>");
        }
        res.append(" >>");
        doc.object(page, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + list.width() + " " + list.height()
                + "] /Resources " + res + " /Contents 4 0 R >>");
        doc.stream(contents, "/Filter /FlateDecode", stream);
        doc.object(info, "<< /Producer (Diffuson)" + (title == null || title.isEmpty() ? "" : " /Title " + literal(title)) + " >>");
        for (int k = 0; k < content.images.size(); k++) {
            image(doc, imageObjects.get(k), content.images.get(k));
        }
        return doc.finish(next, catalog, info);
    }

    /**
     * A PDF text string: a literal string when every character is printable Latin-1 (PDFDocEncoding agrees there),
     * else UTF-16BE with a byte-order mark as a hex string (ISO 32000-1 §7.9.2.2), so "Re Σ" survives.
     */
    static String literal(String s) {
        boolean latin1 = s.chars().allMatch(ch -> ch >= 32 && ch < 127 || ch >= 160 && ch < 256);
        if (!latin1) {
            StringBuilder hex = new StringBuilder("<FEFF");
            for (char ch : s.toCharArray()) hex.append(String.format(java.util.Locale.ROOT, "%04X", (int) ch));
            return hex.append('>').toString();
        }
        StringBuilder sb = new StringBuilder("(");
        for (char ch : s.toCharArray()) {
            if (ch == '(' || ch == ')' || ch == '\\') sb.append('\\');
            sb.append(ch);
        }
        return sb.append(')').toString();
    }

    private static void image(Doc doc, int obj, BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        boolean alpha = img.getColorModel().hasAlpha();
        byte[] rgb = new byte[w * h * 3];
        byte[] a = alpha ? new byte[w * h] : null;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x], i = y * w + x;
                rgb[3 * i] = (byte) (p >> 16);
                rgb[3 * i + 1] = (byte) (p >> 8);
                rgb[3 * i + 2] = (byte) p;
                if (alpha) a[i] = (byte) (p >>> 24);
            }
        }
        String dict = "/Type /XObject /Subtype /Image /Width " + w + " /Height " + h
                + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode"
                + (alpha ? " /SMask " + (obj + 1) + " 0 R" : "");
        doc.stream(obj, dict, deflate(rgb, Deflater.DEFAULT_COMPRESSION));
        if (alpha) {
            doc.stream(obj + 1, "/Type /XObject /Subtype /Image /Width " + w + " /Height " + h
                    + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", deflate(a, Deflater.DEFAULT_COMPRESSION));
        }
    }

    static byte[] deflate(byte[] data, int level) {
        Deflater d = new Deflater(level);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
            byte[] buf = new byte[16 << 10];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** The page content stream. */
    private static final class Content {
        final StringBuilder sb;
        final Map<Integer, String> alphas = new LinkedHashMap<>();
        final List<BufferedImage> images = new ArrayList<>();
        private int fillRgb = -1, strokeRgb = -1, alpha = -1;
        private BasicStroke stroke;

        Content(DisplayList list) {
            sb = new StringBuilder(256 + list.size() * 48);
            sb.append("1 0 0 -1 0 ").append(list.height()).append(" cm\n");
            DisplayList.Clip current = null;
            boolean open = false;
            for (DisplayList.Op op : list.ops()) {
                if (op.clip() != current) {
                    if (open) {
                        sb.append("Q\n");
                        open = false;
                        resetState();
                    }
                    current = op.clip();
                    if (current != null) {
                        sb.append("q\n");
                        open = true;
                        PathIterator it = current.shape().getPathIterator(null);
                        path(it);
                        sb.append(it.getWindingRule() == PathIterator.WIND_EVEN_ODD ? "W* n\n" : "W n\n");
                    }
                }
                switch (op.kind()) {
                    case FILL, FILL_ELLIPSE -> {
                        color(op.argb(), true);
                        PathIterator it = geometry(op);
                        sb.append(it.getWindingRule() == PathIterator.WIND_EVEN_ODD ? "f*\n" : "f\n");
                    }
                    case STROKE, STROKE_ELLIPSE -> {
                        color(op.argb(), false);
                        stroke(op.stroke());
                        geometry(op);
                        sb.append("S\n");
                    }
                    case IMAGE -> image(op);
                }
            }
            if (open) sb.append("Q\n");
        }

        private void resetState() {
            fillRgb = -1;
            strokeRgb = -1;
            alpha = -1;
            stroke = null;
        }

        private PathIterator geometry(DisplayList.Op op) {
            PathIterator it = op.shape().getPathIterator(null);
            path(it);
            return it;
        }

        /** The operands, each followed by a space, then the path operator {@code op} (e.g. "x y m ", "x1 … y3 c "). */
        private void operands(String op, double... v) {
            for (double x : v) {
                Num.append2(sb, x);
                sb.append(' ');
            }
            sb.append(op);
        }

        private void path(PathIterator it) {
            float[] c = new float[6];
            float lx = 0, ly = 0, mx = 0, my = 0;
            boolean any = false;
            while (!it.isDone()) {
                any = true;
                switch (it.currentSegment(c)) {
                    case PathIterator.SEG_MOVETO -> {
                        operands("m ", c[0], c[1]);
                        lx = mx = c[0];
                        ly = my = c[1];
                    }
                    case PathIterator.SEG_LINETO -> {
                        operands("l ", c[0], c[1]);
                        lx = c[0];
                        ly = c[1];
                    }
                    case PathIterator.SEG_QUADTO -> {
                        // degree elevation: the cubic with the same curve
                        double x1 = lx + 2.0 / 3 * (c[0] - lx), y1 = ly + 2.0 / 3 * (c[1] - ly);
                        double x2 = c[2] + 2.0 / 3 * (c[0] - c[2]), y2 = c[3] + 2.0 / 3 * (c[1] - c[3]);
                        operands("c ", x1, y1, x2, y2, c[2], c[3]);
                        lx = c[2];
                        ly = c[3];
                    }
                    case PathIterator.SEG_CUBICTO -> {
                        operands("c ", c[0], c[1], c[2], c[3], c[4], c[5]);
                        lx = c[4];
                        ly = c[5];
                    }
                    default -> {
                        sb.append("h ");
                        lx = mx;   // after closepath the current point is the subpath's start
                        ly = my;
                    }
                }
                it.next();
            }
            if (!any) sb.append("0 0 0 0 re ");   // an empty region (clip), never an operator without operands
        }

        private void alpha(int a) {
            if (a == alpha) return;
            alpha = a;
            String name = alphas.computeIfAbsent(a, k -> "a" + k);
            sb.append('/').append(name).append(" gs\n");
        }

        /** Sets the fill ({@code rg}) or stroke ({@code RG}) colour and the opacity, writing only what changed. */
        private void color(int argb, boolean fill) {
            alpha(argb >>> 24);
            int rgb = argb & 0xFFFFFF;
            if (rgb == (fill ? fillRgb : strokeRgb)) return;
            if (fill) fillRgb = rgb;
            else strokeRgb = rgb;
            rgb(rgb);
            sb.append(fill ? " rg\n" : " RG\n");
        }

        private void rgb(int rgb) {
            Num.append3(sb, ((rgb >> 16) & 0xFF) / 255.0);
            sb.append(' ');
            Num.append3(sb, ((rgb >> 8) & 0xFF) / 255.0);
            sb.append(' ');
            Num.append3(sb, (rgb & 0xFF) / 255.0);
        }

        private void stroke(BasicStroke s) {
            if (s.equals(stroke)) return;
            if (stroke == null || s.getLineWidth() != stroke.getLineWidth()) {
                Num.append2(sb, s.getLineWidth());
                sb.append(" w\n");
            }
            if (stroke == null || s.getEndCap() != stroke.getEndCap()) {
                // Java's CAP_BUTT/ROUND/SQUARE and JOIN_MITER/ROUND/BEVEL are PDF's 0/1/2
                sb.append(s.getEndCap()).append(" J\n");
            }
            if (stroke == null || s.getLineJoin() != stroke.getLineJoin()) sb.append(s.getLineJoin()).append(" j\n");
            if (stroke == null || s.getMiterLimit() != stroke.getMiterLimit()) {
                Num.append2(sb, Math.max(1f, s.getMiterLimit()));
                sb.append(" M\n");
            }
            float[] dash = s.getDashArray();
            sb.append('[');
            if (dash != null) {
                for (int k = 0; k < dash.length; k++) {
                    if (k > 0) sb.append(' ');
                    Num.append2(sb, dash[k]);
                }
            }
            sb.append("] ");
            Num.append2(sb, dash == null ? 0 : s.getDashPhase());
            sb.append(" d\n");
            stroke = s;
        }

        private void image(DisplayList.Op op) {
            int index = images.size();
            images.add(op.image());
            AffineTransform m = new AffineTransform(op.imageTransform());
            // the unit square of image space, first row at the top, onto the image's device placement
            m.concatenate(new AffineTransform(op.image().getWidth(), 0, 0, -op.image().getHeight(), 0,
                    op.image().getHeight()));
            double[] v = new double[6];
            m.getMatrix(v);
            sb.append("q\n");
            alpha = -1;
            alpha(Math.round(op.imageAlpha() * 255));   // also resets a translucent fill's alpha for an opaque image
            for (double x : v) {
                Num.append6(sb, x);
                sb.append(' ');
            }
            sb.append("cm /Im").append(index).append(" Do\nQ\n");
            alpha = -1;
        }
    }

    /** Objects, offsets and the cross-reference table. */
    private static final class Doc {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 10);
        private final Map<Integer, Integer> offsets = new LinkedHashMap<>();

        void raw(String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            out.write(b, 0, b.length);
        }

        void object(int id, String body) {
            offsets.put(id, out.size());
            raw(id + " 0 obj\n" + body + "\nendobj\n");
        }

        void stream(int id, String dict, byte[] data) {
            offsets.put(id, out.size());
            raw(id + " 0 obj\n<< " + dict + " /Length " + data.length + " >>\nstream\n");
            out.write(data, 0, data.length);
            raw("\nendstream\nendobj\n");
        }

        byte[] finish(int size, int root, int info) {
            int xref = out.size();
            StringBuilder sb = new StringBuilder("xref\n0 ").append(size).append("\n0000000000 65535 f \n");
            for (int id = 1; id < size; id++) {
                Integer off = offsets.get(id);
                sb.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", off == null ? 0 : off));
            }
            sb.append("trailer\n<< /Size ").append(size).append(" /Root ").append(root).append(" 0 R /Info ")
                    .append(info).append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
            raw(sb.toString());
            return out.toByteArray();
        }
    }
}
