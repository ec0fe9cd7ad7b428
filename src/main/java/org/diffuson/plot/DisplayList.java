package org.diffuson.plot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A recorded picture: fills, strokes and images in device coordinates (1 unit = 1 px = 1 pt), each with its colour,
 * stroke and clip, as painted on a {@link VectorCanvas}. Immutable once built; it can be replayed onto any
 * {@link Graphics2D} (for the PNG raster), written as SVG ({@link #toSvg()}) and as PDF ({@link #toPdf()}), from
 * several threads at once.
 */
public final class DisplayList {

    static final int ANTIALIAS = 1;
    static final int STROKE_PURE = 2;

    enum Kind { FILL, STROKE, FILL_ELLIPSE, STROKE_ELLIPSE, IMAGE }

    /** A clip region in device coordinates; ops that share one refer to the same instance. */
    record Clip(int id, Shape shape) {
    }

    /** One painting operation. {@code shape} is a {@link Path2D.Float} or, for the ellipse kinds, an {@link Ellipse2D.Float}. */
    record Op(Kind kind, Shape shape, int argb, BasicStroke stroke, Clip clip, int flags,
              BufferedImage image, AffineTransform imageTransform, float imageAlpha) {
        boolean isFill() {
            return kind == Kind.FILL || kind == Kind.FILL_ELLIPSE;
        }

        boolean isStroke() {
            return kind == Kind.STROKE || kind == Kind.STROKE_ELLIPSE;
        }
    }

    private final int width;
    private final int height;
    private final List<Op> ops;
    private final List<Clip> clips;
    private final List<String> inexact;

    private DisplayList(int width, int height, List<Op> ops, List<Clip> clips, List<String> inexact) {
        this.width = width;
        this.height = height;
        this.ops = ops;
        this.clips = clips;
        this.inexact = inexact;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Number of recorded operations. */
    public int size() {
        return ops.size();
    }

    List<Op> ops() {
        return ops;
    }

    List<Clip> clips() {
        return clips;
    }

    /**
     * True when everything painted was recorded faithfully. False when the painter used something a display list
     * does not express (a gradient or texture paint, a composite other than source-over, XOR mode, copyArea); see
     * {@link #inexactReasons()}.
     */
    public boolean isExact() {
        return inexact.isEmpty();
    }

    public List<String> inexactReasons() {
        return inexact;
    }

    /** Replays the list onto {@code g} in its current transform and within its current clip. */
    public void paint(Graphics2D g) {
        Shape baseClip = g.getClip();
        Composite baseComposite = g.getComposite();
        Clip current = null;
        int argb = 0;
        boolean first = true;
        int flags = -1;
        for (Op op : ops) {
            if (first || op.clip() != current) {
                g.setClip(baseClip);
                if (op.clip() != null) g.clip(op.clip().shape());
                current = op.clip();
            }
            if (op.flags() != flags) {
                flags = op.flags();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, (flags & ANTIALIAS) != 0
                        ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, (flags & STROKE_PURE) != 0
                        ? RenderingHints.VALUE_STROKE_PURE : RenderingHints.VALUE_STROKE_NORMALIZE);
            }
            if (op.kind() != Kind.IMAGE && (first || op.argb() != argb)) {
                argb = op.argb();
                g.setColor(new Color(argb, true));
            }
            first = false;
            switch (op.kind()) {
                case FILL, FILL_ELLIPSE -> g.fill(op.shape());
                case STROKE, STROKE_ELLIPSE -> {
                    g.setStroke(op.stroke());
                    g.draw(op.shape());
                }
                case IMAGE -> {
                    g.setComposite(op.imageAlpha() < 1f
                            ? AlphaComposite.getInstance(AlphaComposite.SRC_OVER, op.imageAlpha()) : baseComposite);
                    g.drawImage(op.image(), op.imageTransform(), null);
                    g.setComposite(baseComposite);
                }
            }
        }
        g.setClip(baseClip);
    }

    /**
     * The picture rasterized at {@code scale} pixels per unit on white, as an opaque RGB image (the PNG source).
     */
    public BufferedImage raster(double scale) {
        int w = (int) Math.ceil(width * scale), h = (int) Math.ceil(height * scale);
        BufferedImage img = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The picture as a standalone SVG document. */
    public String toSvg() {
        return SvgWriter.write(this);
    }

    /** The picture as a one-page PDF document, one unit per point. */
    public byte[] toPdf() {
        return PdfWriter.write(this, null);
    }

    /** The picture as a one-page PDF document with {@code title} in its document information. */
    public byte[] toPdf(String title) {
        return PdfWriter.write(this, title);
    }

    /** Collects operations; used by {@link VectorCanvas}. */
    static final class Builder {
        private final int width;
        private final int height;
        private final List<Op> ops = new ArrayList<>();
        private final List<Clip> clips = new ArrayList<>();
        private final List<String> inexact = new ArrayList<>();

        Builder(int width, int height) {
            this.width = width;
            this.height = height;
        }

        void fill(Path2D.Float path, int argb, Clip clip, int flags) {
            ops.add(new Op(Kind.FILL, path, argb, null, clip, flags, null, null, 1f));
        }

        void fill(Shape deviceShape, int argb, Clip clip, int flags) {
            fill(deviceShape instanceof Path2D.Float p ? p : new Path2D.Float(deviceShape), argb, clip, flags);
        }

        void stroke(Path2D.Float path, int argb, BasicStroke stroke, Clip clip, int flags) {
            if (!ops.isEmpty() && continues(ops.get(ops.size() - 1), path, argb, stroke, clip, flags)) return;
            ops.add(new Op(Kind.STROKE, path, argb, stroke, clip, flags, null, null, 1f));
        }

        /**
         * Joins a polyline drawn segment by segment (XChart strokes a series as one Line2D per pair of points) onto
         * the previous stroke when it starts where that one ended with the same colour, stroke, clip and flags: a dash
         * pattern then runs along the whole curve instead of restarting on every short segment (which drew dashed
         * series solid), the segments meet with proper joins, and the SVG/PDF is smaller.
         */
        private static boolean continues(Op last, Path2D.Float path, int argb, BasicStroke stroke, Clip clip, int flags) {
            if (last.kind() != Kind.STROKE || last.argb() != argb || last.clip() != clip || last.flags() != flags || !last.stroke().equals(stroke))
                return false;
            Path2D.Float prev = (Path2D.Float) last.shape();
            java.awt.geom.Point2D end = prev.getCurrentPoint();
            if (end == null) return false;
            float[] c = new float[6];
            java.awt.geom.PathIterator it = path.getPathIterator(null);
            if (it.isDone() || it.currentSegment(c) != java.awt.geom.PathIterator.SEG_MOVETO) return false;
            if (Math.abs(c[0] - end.getX()) > 1e-3 || Math.abs(c[1] - end.getY()) > 1e-3) return false;
            List<float[]> pts = new ArrayList<>();
            for (it.next(); !it.isDone(); it.next()) {
                if (it.currentSegment(c) != java.awt.geom.PathIterator.SEG_LINETO) return false;
                pts.add(new float[]{c[0], c[1]});
            }
            if (pts.isEmpty()) return false;
            for (float[] q : pts) prev.lineTo(q[0], q[1]);
            return true;
        }

        void fillEllipse(Ellipse2D.Float e, int argb, Clip clip, int flags) {
            ops.add(new Op(Kind.FILL_ELLIPSE, e, argb, null, clip, flags, null, null, 1f));
        }

        void strokeEllipse(Ellipse2D.Float e, int argb, BasicStroke stroke, Clip clip, int flags) {
            ops.add(new Op(Kind.STROKE_ELLIPSE, e, argb, stroke, clip, flags, null, null, 1f));
        }

        void image(BufferedImage image, AffineTransform at, float alpha, Clip clip, int flags) {
            ops.add(new Op(Kind.IMAGE, null, 0, null, clip, flags, image, at, alpha));
        }

        /** The clip for device shape {@code s}, reusing the last one when it is the same region. */
        Clip clip(Shape s) {
            if (!clips.isEmpty()) {
                Clip last = clips.get(clips.size() - 1);
                if (last.shape().equals(s)) return last;
            }
            Clip c = new Clip(clips.size(), s);
            clips.add(c);
            return c;
        }

        void inexact(String reason) {
            if (inexact.size() < 8 && !inexact.contains(reason)) inexact.add(reason);
        }

        DisplayList build() {
            return new DisplayList(width, height, Collections.unmodifiableList(new ArrayList<>(ops)),
                    Collections.unmodifiableList(new ArrayList<>(clips)), List.copyOf(inexact));
        }
    }
}
