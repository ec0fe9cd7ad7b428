package org.diffuson.plot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.Map;

/**
 * A {@link Graphics2D} that records what is painted on it, in device coordinates, into a {@link DisplayList}: the
 * chart is painted once and the list is then written as SVG and PDF and rasterized for PNG, independently and in
 * parallel (XChart charts cannot be painted from two threads at once).
 * <p>
 * Shapes are stored already transformed; strokes under a similarity transform keep their {@link BasicStroke} with
 * scaled widths, any other stroked shape is recorded as the filled outline of the stroke, so the geometry is exact.
 * Text is recorded as glyph outlines. What a display list cannot express faithfully (a non-{@link Color} paint, a
 * composite other than source-over, XOR mode) marks the list {@link DisplayList#isExact() inexact}, so callers can
 * fall back to another encoder. Coordinates are cleaned as Java2D's renderer does: a point with a NaN or infinite
 * coordinate is skipped and the next point starts a new subpath; finite coordinates are clamped to ±10⁶ device units
 * (the clipped part of such a line is invisible), so every writer gets finite, bounded numbers.
 * <p>
 * Like any {@code Graphics2D}, a canvas and the children it {@link #create() creates} are for one thread at a time;
 * the finished {@link DisplayList} can be read from any number of threads.
 */
public final class VectorCanvas extends Graphics2D {

    private static final FontRenderContext MEASURE_FRC = new FontRenderContext(null, true, true);
    private static final Graphics2D METRICS;

    static {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        METRICS = scratch.createGraphics();
        METRICS.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        METRICS.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    private final DisplayList.Builder out;
    private AffineTransform transform;
    private Color color = Color.BLACK;
    private Paint paint = Color.BLACK;
    private Color background = Color.WHITE;
    private Stroke stroke = new BasicStroke();
    private Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private Composite composite = AlphaComposite.SrcOver;
    private Shape clip;                   // device space, null = none
    private DisplayList.Clip clipRef;     // the recorded form of clip
    private boolean clipEmpty;            // nothing can be painted
    private RenderingHints hints = new RenderingHints(null);

    /** A canvas of {@code width × height} device units (1 unit = 1 px on screen = 1 pt in PDF). */
    public VectorCanvas(int width, int height) {
        this.out = new DisplayList.Builder(width, height);
        this.transform = new AffineTransform();
        hints.put(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    private VectorCanvas(VectorCanvas parent) {
        this.out = parent.out;
        this.transform = new AffineTransform(parent.transform);
        this.color = parent.color;
        this.paint = parent.paint;
        this.background = parent.background;
        this.stroke = parent.stroke;
        this.font = parent.font;
        this.composite = parent.composite;
        this.clip = parent.clip;
        this.clipRef = parent.clipRef;
        this.clipEmpty = parent.clipEmpty;
        this.hints = (RenderingHints) parent.hints.clone();
    }

    /** What was painted so far. */
    public DisplayList displayList() {
        return out.build();
    }

    // ------------------------------------------------------------------ painting

    @Override
    public void draw(Shape s) {
        if (clipEmpty) return;
        if (!(stroke instanceof BasicStroke bs)) {
            fill(stroke.createStrokedShape(s));
            return;
        }
        int argb = effectiveArgb();
        if (argb == 0) return;
        double scale = similarityScale(transform);
        if (Double.isNaN(scale)) {
            Path2D.Float outline = devicePath(bs.createStrokedShape(s), transform);
            if (outline != null) out.fill(outline, argb, clipRef, flags());
            return;
        }
        BasicStroke device = scale == 1 ? bs : scaled(bs, scale);
        Ellipse2D.Float e = fastEllipse(s);
        if (e != null) {
            out.strokeEllipse(e, argb, device, clipRef, flags());
        } else {
            Path2D.Float p = devicePath(s, transform);
            if (p != null) out.stroke(p, argb, device, clipRef, flags());
        }
    }

    @Override
    public void fill(Shape s) {
        if (clipEmpty) return;
        int argb = effectiveArgb();
        if (argb == 0) return;
        Ellipse2D.Float e = fastEllipse(s);
        if (e != null) {
            out.fillEllipse(e, argb, clipRef, flags());
        } else {
            Path2D.Float p = devicePath(s, transform);
            if (p != null) out.fill(p, argb, clipRef, flags());
        }
    }

    /**
     * The device ellipse of {@code s} when it can be recorded as one: an ellipse of positive size under a transform
     * without shear, rotation or reflection (a reflection would reverse the direction a dash pattern runs in).
     */
    private Ellipse2D.Float fastEllipse(Shape s) {
        if (!(s instanceof Ellipse2D e) || !isAxisAligned(transform) || transform.getScaleX() <= 0
                || transform.getScaleY() <= 0 || !(e.getWidth() > 0) || !(e.getHeight() > 0)) {
            return null;
        }
        Ellipse2D.Float d = deviceEllipse(e);
        double[] v = {d.x, d.y, d.width, d.height};
        for (double x : v) if (!Double.isFinite(x) || Math.abs(x) > LIMIT) return null;
        return d;
    }

    /** Largest device coordinate written; beyond it coordinates are clamped. */
    static final double LIMIT = 1e6;

    /**
     * {@code s} transformed to device space, cleaned like Java2D's renderer cleans it (a NaN or infinite point is
     * skipped and the next valid point starts a new subpath; finite coordinates are clamped to ±{@link #LIMIT});
     * null if nothing drawable remains.
     */
    static Path2D.Float devicePath(Shape s, AffineTransform at) {
        java.awt.geom.PathIterator it = s.getPathIterator(at);
        Path2D.Float p = new Path2D.Float(it.getWindingRule());
        double[] c = new double[6];
        boolean current = false, drawable = false;
        while (!it.isDone()) {
            int type = it.currentSegment(c);
            int nc = switch (type) {
                case java.awt.geom.PathIterator.SEG_MOVETO, java.awt.geom.PathIterator.SEG_LINETO -> 2;
                case java.awt.geom.PathIterator.SEG_QUADTO -> 4;
                case java.awt.geom.PathIterator.SEG_CUBICTO -> 6;
                default -> 0;
            };
            boolean valid = true;
            for (int k = 0; k < nc; k++) {
                if (!Double.isFinite(c[k])) valid = false;
                else c[k] = Math.max(-LIMIT, Math.min(LIMIT, c[k]));
            }
            it.next();
            if (!valid) {
                current = false;
                continue;
            }
            if (type == java.awt.geom.PathIterator.SEG_CLOSE) {
                if (current) p.closePath();
                continue;
            }
            if (type == java.awt.geom.PathIterator.SEG_MOVETO || !current) {
                p.moveTo(c[nc - 2], c[nc - 1]);
                current = true;
                continue;
            }
            switch (type) {
                case java.awt.geom.PathIterator.SEG_LINETO -> p.lineTo(c[0], c[1]);
                case java.awt.geom.PathIterator.SEG_QUADTO -> p.quadTo(c[0], c[1], c[2], c[3]);
                default -> p.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
            }
            drawable = true;
        }
        return drawable ? p : null;
    }

    private Ellipse2D.Float deviceEllipse(Ellipse2D e) {
        double sx = transform.getScaleX(), sy = transform.getScaleY();
        double x0 = e.getX() * sx + transform.getTranslateX(), y0 = e.getY() * sy + transform.getTranslateY();
        double w = e.getWidth() * sx, h = e.getHeight() * sy;
        return new Ellipse2D.Float((float) Math.min(x0, x0 + w), (float) Math.min(y0, y0 + h),
                (float) Math.abs(w), (float) Math.abs(h));
    }

    private static boolean isAxisAligned(AffineTransform t) {
        return t.getShearX() == 0 && t.getShearY() == 0;
    }

    /** The uniform scale of a similarity transform (rotation, uniform scale, translation), NaN otherwise. */
    static double similarityScale(AffineTransform t) {
        double a = t.getScaleX(), b = t.getShearY(), c = t.getShearX(), d = t.getScaleY();
        double s1 = Math.hypot(a, b), s2 = Math.hypot(c, d);
        if (Math.abs(s1 - s2) > 1e-9 * Math.max(s1, s2) || Math.abs(a * c + b * d) > 1e-9 * s1 * s2 || s1 == 0) {
            return Double.NaN;
        }
        return s1;
    }

    private static BasicStroke scaled(BasicStroke s, double k) {
        float[] dash = s.getDashArray();
        float[] d = null;
        if (dash != null) {
            d = new float[dash.length];
            for (int i = 0; i < dash.length; i++) d[i] = (float) (dash[i] * k);
        }
        return new BasicStroke((float) (s.getLineWidth() * k), s.getEndCap(), s.getLineJoin(), s.getMiterLimit(), d,
                (float) (s.getDashPhase() * k));
    }

    private int effectiveArgb() {
        if (!(paint instanceof Color)) out.inexact("paint " + paint.getClass().getSimpleName());
        int argb = color.getRGB();
        if (composite instanceof AlphaComposite ac) {
            if (ac.getRule() != AlphaComposite.SRC_OVER) out.inexact("composite rule " + ac.getRule());
            float extra = ac.getAlpha();
            if (extra < 1f) {
                int a = Math.round((argb >>> 24) * extra);
                argb = (a << 24) | (argb & 0xFFFFFF);
            }
        } else {
            out.inexact("composite " + composite.getClass().getSimpleName());
        }
        return argb;
    }

    private int flags() {
        int f = 0;
        if (RenderingHints.VALUE_ANTIALIAS_ON.equals(hints.get(RenderingHints.KEY_ANTIALIASING))) f |= DisplayList.ANTIALIAS;
        if (RenderingHints.VALUE_STROKE_PURE.equals(hints.get(RenderingHints.KEY_STROKE_CONTROL))) f |= DisplayList.STROKE_PURE;
        return f;
    }

    @Override
    public void drawGlyphVector(GlyphVector g, float x, float y) {
        fill(g.getOutline(x, y));
    }

    @Override
    public void drawString(String str, float x, float y) {
        if (str == null || str.isEmpty()) return;
        if (font.hasLayoutAttributes()) {
            // underline, strikethrough, kerning, tracking and shaping need a TextLayout
            new TextLayout(str, font, getFontRenderContext()).draw(this, x, y);
            return;
        }
        fill(font.createGlyphVector(getFontRenderContext(), str).getOutline(x, y));
    }

    @Override
    public void drawString(String str, int x, int y) {
        drawString(str, (float) x, (float) y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, float x, float y) {
        if (iterator.getEndIndex() - iterator.getBeginIndex() <= 0) return;
        new TextLayout(iterator, getFontRenderContext()).draw(this, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, int x, int y) {
        drawString(iterator, (float) x, (float) y);
    }

    @Override
    public void drawChars(char[] data, int offset, int length, int x, int y) {
        drawString(new String(data, offset, length), x, y);
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        draw(new Line2D.Float(x1, y1, x2, y2));
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        fill(new Rectangle(x, y, width, height));
    }

    @Override
    public void drawRect(int x, int y, int width, int height) {
        draw(new Rectangle(x, y, width, height));
    }

    @Override
    public void clearRect(int x, int y, int width, int height) {
        Paint p = paint;
        Color c = color;
        Composite k = composite;
        setColor(background);
        composite = AlphaComposite.SrcOver;
        fillRect(x, y, width, height);
        paint = p;
        color = c;
        composite = k;
    }

    @Override
    public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        draw(new RoundRectangle2D.Float(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        fill(new RoundRectangle2D.Float(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        draw(new Ellipse2D.Float(x, y, width, height));
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        fill(new Ellipse2D.Float(x, y, width, height));
    }

    @Override
    public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        draw(new Arc2D.Float(x, y, width, height, startAngle, arcAngle, Arc2D.OPEN));
    }

    @Override
    public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        fill(new Arc2D.Float(x, y, width, height, startAngle, arcAngle, Arc2D.PIE));
    }

    @Override
    public void drawPolyline(int[] xPoints, int[] yPoints, int nPoints) {
        if (nPoints < 2) return;
        Path2D.Float p = new Path2D.Float();
        p.moveTo(xPoints[0], yPoints[0]);
        for (int i = 1; i < nPoints; i++) p.lineTo(xPoints[i], yPoints[i]);
        draw(p);
    }

    @Override
    public void drawPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        draw(new java.awt.Polygon(xPoints, yPoints, nPoints));
    }

    @Override
    public void fillPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        fill(new java.awt.Polygon(xPoints, yPoints, nPoints));
    }

    // ------------------------------------------------------------------ images

    @Override
    public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
        if (clipEmpty) return true;
        BufferedImage b = toBuffered(img);
        if (b == null) return true;
        AffineTransform at = new AffineTransform(transform);
        if (xform != null) at.concatenate(xform);
        double[] m = new double[6];
        at.getMatrix(m);
        for (double v : m) if (!Double.isFinite(v)) return true;
        out.image(copy(b), at, alphaOf(), clipRef, flags());
        return true;
    }

    private float alphaOf() {
        if (composite instanceof AlphaComposite ac) {
            if (ac.getRule() != AlphaComposite.SRC_OVER) out.inexact("composite rule " + ac.getRule());
            return ac.getAlpha();
        }
        out.inexact("composite " + composite.getClass().getSimpleName());
        return 1f;
    }

    /** A private copy, so later changes to the caller's image do not change the recorded picture. */
    private static BufferedImage copy(BufferedImage b) {
        BufferedImage c = new BufferedImage(b.getWidth(), b.getHeight(),
                b.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = c.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(b, 0, 0, null);
        g.dispose();
        return c;
    }

    private static BufferedImage toBuffered(Image img) {
        if (img == null) return null;
        if (img instanceof BufferedImage b) return b;
        int w = img.getWidth(null), h = img.getHeight(null);
        if (w <= 0 || h <= 0) return null;
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = b.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return b;
    }

    @Override
    public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
        BufferedImage b = op == null ? img : op.filter(img, null);
        drawImage(b, AffineTransform.getTranslateInstance(x, y), null);
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
        if (img instanceof BufferedImage b) {
            drawImage(b, xform, null);
        } else {
            out.inexact("RenderedImage " + img.getClass().getSimpleName());
        }
    }

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
        drawRenderedImage(img.createDefaultRendering(), xform);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
        return drawImage(img, AffineTransform.getTranslateInstance(x, y), observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
        BufferedImage b = toBuffered(img);
        if (b == null) return true;
        AffineTransform at = AffineTransform.getTranslateInstance(x, y);
        at.scale(width / (double) b.getWidth(), height / (double) b.getHeight());
        return drawImage(b, at, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, Color bgcolor, ImageObserver observer) {
        BufferedImage b = toBuffered(img);
        if (b == null) return true;
        return drawImage(img, x, y, b.getWidth(), b.getHeight(), bgcolor, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, Color bgcolor, ImageObserver observer) {
        if (bgcolor != null) {
            Color c = color;
            setColor(bgcolor);
            fillRect(x, y, width, height);
            setColor(c);
        }
        return drawImage(img, x, y, width, height, observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
                             ImageObserver observer) {
        BufferedImage b = toBuffered(img);
        if (b == null || sx2 <= sx1 || sy2 <= sy1) return true;
        BufferedImage part = b.getSubimage(Math.max(0, sx1), Math.max(0, sy1),
                Math.min(b.getWidth(), sx2) - Math.max(0, sx1), Math.min(b.getHeight(), sy2) - Math.max(0, sy1));
        return drawImage(part, dx1, dy1, dx2 - dx1, dy2 - dy1, observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
                             Color bgcolor, ImageObserver observer) {
        if (bgcolor != null) {
            Color c = color;
            setColor(bgcolor);
            fillRect(Math.min(dx1, dx2), Math.min(dy1, dy2), Math.abs(dx2 - dx1), Math.abs(dy2 - dy1));
            setColor(c);
        }
        return drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, observer);
    }

    @Override
    public void copyArea(int x, int y, int width, int height, int dx, int dy) {
        out.inexact("copyArea");
    }

    // ------------------------------------------------------------------ state

    @Override
    public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        Shape device = transform.createTransformedShape(onStroke ? stroke.createStrokedShape(s) : s);
        return device.intersects(rect);
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return METRICS.getDeviceConfiguration();
    }

    @Override
    public void setComposite(Composite comp) {
        if (comp != null) composite = comp;
    }

    @Override
    public void setPaint(Paint p) {
        if (p == null) return;
        paint = p;
        if (p instanceof Color c) color = c;
    }

    @Override
    public void setStroke(Stroke s) {
        if (s != null) stroke = s;
    }

    @Override
    public void setRenderingHint(RenderingHints.Key hintKey, Object hintValue) {
        hints.put(hintKey, hintValue);
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key hintKey) {
        Object v = hints.get(hintKey);
        return v != null ? v : DEFAULT_HINTS.get(hintKey);
    }

    /** What a fresh raster Graphics2D reports for hints that were never set. */
    private static final Map<RenderingHints.Key, Object> DEFAULT_HINTS = Map.of(
            RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_DEFAULT,
            RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_DEFAULT,
            RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_DEFAULT,
            RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_DEFAULT,
            RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_DEFAULT,
            RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR,
            RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_DEFAULT,
            RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_DEFAULT,
            RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DEFAULT,
            RenderingHints.KEY_TEXT_LCD_CONTRAST, 140);

    @Override
    public void setRenderingHints(Map<?, ?> h) {
        hints = new RenderingHints(null);
        hints.putAll(h);
    }

    @Override
    public void addRenderingHints(Map<?, ?> h) {
        hints.putAll(h);
    }

    @Override
    public RenderingHints getRenderingHints() {
        return (RenderingHints) hints.clone();
    }

    @Override
    public void translate(int x, int y) {
        transform.translate(x, y);
    }

    @Override
    public void translate(double tx, double ty) {
        transform.translate(tx, ty);
    }

    @Override
    public void rotate(double theta) {
        transform.rotate(theta);
    }

    @Override
    public void rotate(double theta, double x, double y) {
        transform.rotate(theta, x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        transform.scale(sx, sy);
    }

    @Override
    public void shear(double shx, double shy) {
        transform.shear(shx, shy);
    }

    @Override
    public void transform(AffineTransform tx) {
        transform.concatenate(tx);
    }

    @Override
    public void setTransform(AffineTransform tx) {
        transform = new AffineTransform(tx);
    }

    @Override
    public AffineTransform getTransform() {
        return new AffineTransform(transform);
    }

    @Override
    public Paint getPaint() {
        return paint;
    }

    @Override
    public Composite getComposite() {
        return composite;
    }

    @Override
    public void setBackground(Color c) {
        if (c != null) background = c;
    }

    @Override
    public Color getBackground() {
        return background;
    }

    @Override
    public Stroke getStroke() {
        return stroke;
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return MEASURE_FRC;
    }

    @Override
    public Graphics create() {
        return new VectorCanvas(this);
    }

    @Override
    public Color getColor() {
        return color;
    }

    @Override
    public void setColor(Color c) {
        if (c == null) return;
        color = c;
        paint = c;
    }

    @Override
    public void setPaintMode() {
        // source-over is the only mode recorded
    }

    @Override
    public void setXORMode(Color c1) {
        out.inexact("XOR mode");
    }

    @Override
    public Font getFont() {
        return font;
    }

    @Override
    public void setFont(Font f) {
        if (f != null) font = f;
    }

    @Override
    public FontMetrics getFontMetrics(Font f) {
        return METRICS.getFontMetrics(f);
    }

    // ------------------------------------------------------------------ clip

    @Override
    public void clip(Shape s) {
        if (s == null) {
            setClipDevice(null);
            return;
        }
        Shape d = toDevice(s);
        if (clip == null) {
            setClipDevice(d);
        } else if (clip instanceof Rectangle2D a && d instanceof Rectangle2D b) {
            setClipDevice(a.createIntersection(b));
        } else {
            Area area = new Area(clip);
            area.intersect(new Area(d));
            setClipDevice(area);
        }
    }

    private Shape toDevice(Shape s) {
        if (s instanceof Rectangle2D r && isAxisAligned(transform)) {
            double x0 = r.getX() * transform.getScaleX() + transform.getTranslateX();
            double y0 = r.getY() * transform.getScaleY() + transform.getTranslateY();
            double w = r.getWidth() * transform.getScaleX(), h = r.getHeight() * transform.getScaleY();
            return new Rectangle2D.Double(Math.min(x0, x0 + w), Math.min(y0, y0 + h), Math.abs(w), Math.abs(h));
        }
        return new Path2D.Float(s, transform);
    }

    private void setClipDevice(Shape d) {
        if (d instanceof Rectangle2D r && !isFinite(r)) d = clamped(r);
        clip = d;
        clipEmpty = d != null && (d instanceof Rectangle2D r ? r.isEmpty()
                : d instanceof Area a ? a.isEmpty() : d.getBounds2D().isEmpty());
        clipRef = d == null || clipEmpty ? null : out.clip(d instanceof Rectangle2D ? d : cleanClip(d));
    }

    private static boolean isFinite(Rectangle2D r) {
        return Double.isFinite(r.getX()) && Double.isFinite(r.getY()) && Double.isFinite(r.getWidth())
                && Double.isFinite(r.getHeight());
    }

    /** A rectangle with infinite sides clamped to ±{@link #LIMIT}; NaN gives an empty one. */
    private static Rectangle2D clamped(Rectangle2D r) {
        double x0 = clampCoord(r.getMinX()), y0 = clampCoord(r.getMinY());
        double x1 = clampCoord(r.getMaxX()), y1 = clampCoord(r.getMaxY());
        if (Double.isNaN(x0 + y0 + x1 + y1)) return new Rectangle2D.Double();
        return new Rectangle2D.Double(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static double clampCoord(double v) {
        return Double.isNaN(v) ? v : Math.max(-LIMIT, Math.min(LIMIT, v));
    }

    private static Shape cleanClip(Shape d) {
        Path2D.Float p = devicePath(d, null);
        return p == null ? new Rectangle2D.Float() : p;
    }

    @Override
    public void setClip(Shape s) {
        setClipDevice(s == null ? null : toDevice(s));
    }

    @Override
    public void setClip(int x, int y, int width, int height) {
        setClip(new Rectangle(x, y, width, height));
    }

    @Override
    public void clipRect(int x, int y, int width, int height) {
        clip(new Rectangle(x, y, width, height));
    }

    @Override
    public Shape getClip() {
        if (clip == null) return null;
        try {
            AffineTransform inv = transform.createInverse();
            if (clip instanceof Rectangle2D r && isAxisAligned(inv)) {
                double[] p = {r.getMinX(), r.getMinY(), r.getMaxX(), r.getMaxY()};
                inv.transform(p, 0, p, 0, 2);
                return new Rectangle2D.Double(Math.min(p[0], p[2]), Math.min(p[1], p[3]), Math.abs(p[2] - p[0]),
                        Math.abs(p[3] - p[1]));
            }
            return inv.createTransformedShape(clip);
        } catch (NoninvertibleTransformException e) {
            return null;
        }
    }

    @Override
    public Rectangle getClipBounds() {
        Shape c = getClip();
        return c == null ? null : c.getBounds();
    }

    @Override
    public void dispose() {
        // nothing to release: the display list is shared with the canvas that created this one
    }
}
