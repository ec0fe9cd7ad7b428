package org.diffuson.plot;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The display list is checked against independent renderings of the same chart: XChart painting straight onto a
 * raster, PDFBox rendering the PDF, and a small SVG interpreter (written here from the SVG 1.1 rules for the subset
 * the writer uses: inherited presentation attributes, default fill black and stroke none) rendering the SVG.
 * <p>
 * Tolerances: the rasters differ only by anti-aliasing and by text laid out with a fractional-metrics font context
 * (sub-pixel shifts of glyphs), so the mean absolute difference per channel is asserted below 1.5/255 and fewer than
 * 1 % of pixels may differ by more than 64/255. A wrong colour, opacity, clip, stroke width or missing element
 * fails this by orders of magnitude (a missing series alone moves ~6 % of pixels).
 */
class DisplayListTest {

    private static XYChart chart;
    private static DisplayList list;

    @BeforeAll
    static void record() {
        chart = new XYChartBuilder().width(640).height(400).title("1000 points").xAxisTitle("k / k_F")
                .yAxisTitle("Im Σ (rotated title)").build();
        double[] x = new double[1000], y = new double[1000], z = new double[40], zx = new double[40];
        for (int i = 0; i < 1000; i++) {
            x[i] = i * 0.01;
            y[i] = Math.sin(x[i]) * Math.exp(-0.1 * x[i]);
        }
        for (int i = 0; i < 40; i++) {
            zx[i] = i * 0.25;
            z[i] = 0.5 * Math.cos(zx[i]);
        }
        chart.addSeries("damped", x, y);
        XYSeries dashed = chart.addSeries("dashed", zx, z);
        dashed.setLineStyle(SeriesLines.DASH_DASH);
        dashed.setMarker(SeriesMarkers.DIAMOND);
        XYSeries scatter = chart.addSeries("squares", new double[]{1, 3, 5, 7}, new double[]{-0.3, 0.2, -0.1, 0.4});
        scatter.setMarker(SeriesMarkers.SQUARE);
        scatter.setLineStyle(SeriesLines.NONE);
        VectorCanvas canvas = new VectorCanvas(640, 400);
        chart.paint(canvas, 640, 400);
        list = canvas.displayList();
    }

    private static BufferedImage direct(double scale) {
        BufferedImage img = new BufferedImage((int) (640 * scale), (int) (400 * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(scale, scale);
        chart.paint(g, 640, 400);
        g.dispose();
        return img;
    }

    /** {mean absolute difference per channel (0–255), fraction of pixels differing by more than 64 in a channel}. */
    static double[] compare(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long sum = 0, bad = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y), worst = 0;
                for (int s = 0; s < 24; s += 8) {
                    int d = Math.abs(((p >> s) & 255) - ((q >> s) & 255));
                    sum += d;
                    worst = Math.max(worst, d);
                }
                if (worst > 64) bad++;
            }
        }
        double n = (double) a.getWidth() * a.getHeight();
        return new double[]{sum / (3 * n), bad / n};
    }

    private static void assertClose(BufferedImage expected, BufferedImage actual, String what) {
        double[] d = compare(expected, actual);
        assertTrue(d[0] < 1.5 && d[1] < 0.01, what + ": mean |Δ| = " + d[0] + "/255, pixels off by > 64: " + 100 * d[1] + " %");
    }

    @Test
    void recordsEveryMarkerAndSegmentExactly() {
        assertTrue(list.isExact(), list.inexactReasons().toString());
        long ellipses = list.ops().stream().filter(o -> o.kind() == DisplayList.Kind.FILL_ELLIPSE).count();
        assertTrue(ellipses >= 1000, "circle markers recorded as ellipses: " + ellipses);
    }

    @Test
    void replayedRasterMatchesXChartPaintingDirectly() {
        assertClose(direct(2), list.raster(2), "raster replay vs XChart");
    }

    @Test
    void pdfRenderedByPdfBoxMatchesTheRaster() throws Exception {
        byte[] pdf = list.toPdf("t");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(640, box.getWidth(), 0);
            assertEquals(400, box.getHeight(), 0);
            assertEquals("Diffuson", doc.getDocumentInformation().getProducer());
            BufferedImage rendered = new PDFRenderer(doc).renderImage(0, 2f, ImageType.RGB);
            assertClose(list.raster(2), rendered, "PDFBox rendering of the PDF");
        }
    }

    @Test
    void svgInterpretedIndependentlyMatchesTheRaster() throws Exception {
        String svg = list.toSvg();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("640", root.getAttribute("width"));
        assertTrue(doc.getElementsByTagName("circle").getLength() >= 1000);
        BufferedImage img = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1280, 800);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(2, 2);
        new MiniSvg(doc).render(g, root, new HashMap<>(Map.of("fill", "black", "stroke", "none")));
        g.dispose();
        assertClose(list.raster(2), img, "SVG interpreted");
        assertFalse(svg.contains("NaN") || svg.contains("Infinity"));
    }

    @Test
    void svgIsMuchSmallerThanXChartsOwn() throws Exception {
        java.io.ByteArrayOutputStream xchart = new java.io.ByteArrayOutputStream();
        org.knowm.xchart.VectorGraphicsEncoder.saveVectorGraphic(chart, xchart,
                org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        int ours = list.toSvg().length();
        assertTrue(ours * 2 < xchart.size(), "ours " + ours + " bytes, XChart " + xchart.size());
    }

    @Test
    void transformsStrokesAndClipsAreApplied() {
        VectorCanvas c = new VectorCanvas(100, 100);
        c.setColor(new Color(10, 20, 30, 128));
        c.translate(10, 5);
        c.scale(2, 2);
        c.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL, 10f, new float[]{2, 1}, 0.5f));
        c.clipRect(0, 0, 20, 20);
        c.draw(new Rectangle2D.Double(1, 1, 5, 5));
        c.fill(new Ellipse2D.Double(0, 0, 4, 2));
        assertEquals(new Rectangle2D.Double(0, 0, 20, 20), c.getClip());
        c.shear(0.5, 0);
        c.draw(new Rectangle2D.Double(0, 0, 1, 1));
        DisplayList d = c.displayList();
        assertEquals(3, d.size());
        DisplayList.Op stroke = d.ops().get(0);
        assertEquals(DisplayList.Kind.STROKE, stroke.kind());
        assertEquals(3f, stroke.stroke().getLineWidth(), 0);          // scaled by the uniform scale 2
        assertArrayEquals(new float[]{4, 2}, stroke.stroke().getDashArray(), 0);
        assertEquals(new Rectangle2D.Float(12, 7, 10, 10), stroke.shape().getBounds2D());
        assertEquals(new Rectangle2D.Double(10, 5, 40, 40), stroke.clip().shape());
        assertEquals(0x800A141E, stroke.argb());
        DisplayList.Op ellipse = d.ops().get(1);
        assertEquals(DisplayList.Kind.FILL_ELLIPSE, ellipse.kind());
        assertEquals(new Ellipse2D.Float(10, 5, 8, 4), ellipse.shape());
        // under a shear the stroke is recorded as the filled outline of the stroke
        assertEquals(DisplayList.Kind.FILL, d.ops().get(2).kind());
    }

    @Test
    void gradientPaintMakesTheListInexact() {
        VectorCanvas c = new VectorCanvas(10, 10);
        c.setPaint(new GradientPaint(0, 0, Color.RED, 10, 10, Color.BLUE));
        c.fillRect(0, 0, 10, 10);
        assertFalse(c.displayList().isExact());
        assertTrue(c.displayList().inexactReasons().get(0).contains("GradientPaint"));
    }

    @Test
    void imagesSurviveAllThreeOutputs() throws Exception {
        BufferedImage tile = new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 3; y++) for (int x = 0; x < 4; x++) tile.setRGB(x, y, 0xFF000000 | (x * 60 << 16) | (y * 100 << 8));
        VectorCanvas c = new VectorCanvas(40, 30);
        c.setColor(Color.WHITE);
        c.fillRect(0, 0, 40, 30);
        c.drawImage(tile, 0, 0, 40, 30, null);
        DisplayList d = c.displayList();
        BufferedImage r = d.raster(1);
        int want = tile.getRGB(2, 1);
        for (int s = 0; s < 24; s += 8) assertEquals((want >> s) & 255, (r.getRGB(25, 15) >> s) & 255, 6);
        try (PDDocument doc = Loader.loadPDF(d.toPdf())) {
            BufferedImage p = new PDFRenderer(doc).renderImage(0, 1f, ImageType.RGB);
            int got = p.getRGB(25, 15);
            for (int s = 0; s < 24; s += 8) assertEquals((want >> s) & 255, (got >> s) & 255, 6);
        }
        assertTrue(d.toSvg().contains("data:image/png;base64,"));
    }

    @Test
    void pngWriterRoundTripsThroughImageIo() throws Exception {
        for (int type : new int[]{BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR}) {
            BufferedImage img = new BufferedImage(37, 23, type);
            java.util.Random rnd = new java.util.Random(type);
            for (int y = 0; y < 23; y++) for (int x = 0; x < 37; x++) img.setRGB(x, y, rnd.nextInt());
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngWriter.encode(img, 1, 200)));
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    int want = img.getRGB(x, y), got = back.getRGB(x, y);
                    if (!img.getColorModel().hasAlpha()) {
                        want |= 0xFF000000;
                    }
                    assertEquals(want, got, "type " + type + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void numbersAreWrittenCompactlyAndRoundedCorrectly() {
        String[][] cases = {{"0.004", "0"}, {"-0.004", "0"}, {"-1.5", "-1.5"}, {"0.5", ".5"}, {"12.347", "12.35"},
                {"100", "100"}, {"-0.25", "-.25"}, {"3.1", "3.1"}, {"-7", "-7"}};
        for (String[] c : cases) {
            StringBuilder sb = new StringBuilder();
            Num.append2(sb, Double.parseDouble(c[0]));
            assertEquals(c[1], sb.toString(), c[0]);
        }
        StringBuilder sb = new StringBuilder();
        Num.append3(sb, 180 / 255.0);
        assertEquals(".706", sb.toString());
    }

    /** The SVG subset the writer emits, interpreted from the SVG 1.1 rules (not from the writer's code). */
    private static final class MiniSvg {
        private final Map<String, Shape> clips = new HashMap<>();

        MiniSvg(Document doc) {
            var list = doc.getElementsByTagName("clipPath");
            for (int i = 0; i < list.getLength(); i++) {
                Element cp = (Element) list.item(i);
                Element p = (Element) cp.getElementsByTagName("path").item(0);
                clips.put(cp.getAttribute("id"), parsePath(p.getAttribute("d")));
            }
        }

        void render(Graphics2D g, Element e, Map<String, String> inherited) {
            Map<String, String> style = new HashMap<>(inherited);
            for (String a : new String[]{"fill", "fill-opacity", "stroke", "stroke-opacity", "stroke-width",
                    "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
                    "fill-rule"}) {
                if (e.hasAttribute(a)) style.put(a, e.getAttribute(a));
            }
            Shape oldClip = g.getClip();
            if (e.hasAttribute("clip-path")) {
                String id = e.getAttribute("clip-path").replace("url(#", "").replace(")", "");
                g.clip(clips.get(id));
            }
            Shape shape = switch (e.getTagName()) {
                case "path" -> parsePath(e.getAttribute("d"));
                case "circle" -> {
                    double cx = d(e, "cx"), cy = d(e, "cy"), r = d(e, "r");
                    yield new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
                }
                case "ellipse" -> {
                    double cx = d(e, "cx"), cy = d(e, "cy"), rx = d(e, "rx"), ry = d(e, "ry");
                    yield new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
                }
                default -> null;
            };
            if (shape != null) {
                if ("evenodd".equals(style.get("fill-rule")) && shape instanceof Path2D p) p.setWindingRule(Path2D.WIND_EVEN_ODD);
                if (!"none".equals(style.get("fill"))) {
                    g.setColor(color(style.get("fill"), style.get("fill-opacity")));
                    g.fill(shape);
                }
                if (!"none".equals(style.get("stroke"))) {
                    g.setColor(color(style.get("stroke"), style.get("stroke-opacity")));
                    g.setStroke(stroke(style));
                    g.draw(shape);
                }
            }
            if (!"clipPath".equals(e.getTagName()) && !"defs".equals(e.getTagName())) {
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child) render(g, child, style);
                }
            }
            g.setClip(oldClip);
        }

        private static double d(Element e, String a) {
            return Double.parseDouble(e.getAttribute(a));
        }

        private static Color color(String hex, String opacity) {
            int rgb = "black".equals(hex) ? 0 : Integer.parseInt(hex.substring(1), 16);
            int a = opacity == null ? 255 : (int) Math.round(Double.parseDouble(opacity) * 255);
            return new Color((a << 24) | rgb, true);
        }

        private static BasicStroke stroke(Map<String, String> s) {
            float w = Float.parseFloat(s.getOrDefault("stroke-width", "1"));
            int cap = switch (s.getOrDefault("stroke-linecap", "butt")) {
                case "round" -> BasicStroke.CAP_ROUND;
                case "square" -> BasicStroke.CAP_SQUARE;
                default -> BasicStroke.CAP_BUTT;
            };
            int join = switch (s.getOrDefault("stroke-linejoin", "miter")) {
                case "round" -> BasicStroke.JOIN_ROUND;
                case "bevel" -> BasicStroke.JOIN_BEVEL;
                default -> BasicStroke.JOIN_MITER;
            };
            float miter = Float.parseFloat(s.getOrDefault("stroke-miterlimit", "4"));
            float[] dash = null;
            if (s.containsKey("stroke-dasharray")) {
                String[] parts = s.get("stroke-dasharray").trim().split("[ ,]+");
                dash = new float[parts.length];
                for (int i = 0; i < parts.length; i++) dash[i] = Float.parseFloat(parts[i]);
            }
            float phase = Float.parseFloat(s.getOrDefault("stroke-dashoffset", "0"));
            return new BasicStroke(w, cap, join, miter, dash, phase);
        }

        /** Absolute M, L, Q, C, Z path data with implicit command repetition. */
        static Path2D parsePath(String d) {
            Path2D.Double p = new Path2D.Double();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[MLQCZ]|-?(?:\\d+\\.?\\d*|\\.\\d+)").matcher(d);
            java.util.List<String> tokens = new java.util.ArrayList<>();
            while (m.find()) tokens.add(m.group());
            char cmd = 0;
            int i = 0;
            while (i < tokens.size()) {
                String t = tokens.get(i);
                if (Character.isLetter(t.charAt(0))) {
                    cmd = t.charAt(0);
                    i++;
                    if (cmd == 'Z') {
                        p.closePath();
                        continue;
                    }
                }
                double[] v = new double[cmd == 'C' ? 6 : cmd == 'Q' ? 4 : 2];
                for (int k = 0; k < v.length; k++) v[k] = Double.parseDouble(tokens.get(i++));
                switch (cmd) {
                    case 'M' -> p.moveTo(v[0], v[1]);
                    case 'L' -> p.lineTo(v[0], v[1]);
                    case 'Q' -> p.quadTo(v[0], v[1], v[2], v[3]);
                    case 'C' -> p.curveTo(v[0], v[1], v[2], v[3], v[4], v[5]);
                    default -> throw new IllegalStateException("unexpected path command " + cmd);
                }
            }
            return p;
        }
    }

    // ------------------------------------------------------------------ edge cases found in review

    private static DisplayList paint(java.util.function.Consumer<Graphics2D> p) {
        VectorCanvas c = new VectorCanvas(100, 100);
        p.accept(c);
        return c.displayList();
    }

    private static BufferedImage pdfRaster(DisplayList d) throws Exception {
        try (PDDocument doc = Loader.loadPDF(d.toPdf())) {
            return new PDFRenderer(doc).renderImage(0, 1f, ImageType.RGB);
        }
    }

    /** A coordinate near −1e17 (a pole plotted on a fixed axis range) once wrote "--9223…" and cut the PDF short. */
    @Test
    void hugeAndInfiniteCoordinatesStayValid() throws Exception {
        DisplayList d = paint(g -> {
            g.setColor(Color.BLUE);
            g.draw(new java.awt.geom.Line2D.Double(10, 10, 90, -1e17));
            g.draw(new java.awt.geom.Line2D.Double(10, 10, 90, Double.NEGATIVE_INFINITY));
            g.setColor(Color.RED);
            g.fillRect(20, 40, 60, 40);
        });
        assertFalse(d.toSvg().contains("--"));
        assertEquals(0xFFFF0000, pdfRaster(d).getRGB(50, 60));
        assertEquals(0xFFFF0000, d.raster(1).getRGB(50, 60));
    }

    /** As in Java2D, a NaN point is skipped and the next point starts a new subpath (no spike to 0). */
    @Test
    void nanPointsLeaveAGap() {
        DisplayList d = paint(g -> {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(10, 50);
            p.lineTo(40, 50);
            p.lineTo(50, Double.NaN);
            p.lineTo(60, 50);
            p.lineTo(90, 50);
            g.draw(p);
        });
        assertTrue(d.toSvg().contains("d=\"M10 50L40 50M60 50L90 50\""), d.toSvg());
    }

    @Test
    void emptyClipsNegativeOvalsAndEmptyShapesPaintNothing() throws Exception {
        DisplayList d = paint(g -> {
            Graphics2D k = (Graphics2D) g.create();
            k.clipRect(0, 0, 20, 20);
            k.clipRect(50, 50, 20, 20);
            k.setColor(Color.RED);
            k.fillRect(0, 0, 100, 100);
            k.dispose();
            g.setColor(Color.RED);
            g.fillOval(60, 20, -40, 40);
            g.drawString(" ", 10, 10);
        });
        assertEquals(0, d.size());
        assertEquals(0xFFFFFFFF, pdfRaster(d).getRGB(90, 10));
    }

    @Test
    void pdfImagesAreOpaqueAfterATranslucentFillAndTinyRotationsHaveNoExponents() throws Exception {
        BufferedImage red = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        for (int k = 0; k < 4; k++) red.setRGB(k % 2, k / 2, 0xFF0000);
        DisplayList d = paint(g -> {
            g.setColor(new Color(0, 0, 255, 60));
            g.fillRect(0, 0, 10, 10);
            g.rotate(1e-5, 50, 50);
            g.drawImage(red, 20, 20, 60, 60, null);
        });
        assertEquals(0xFFFF0000, pdfRaster(d).getRGB(50, 50));
        assertEquals(0xFFFF0000, d.raster(2).getRGB(100, 100));
        assertFalse(d.toSvg().contains("E-"));
    }

    /** Object offsets must be ASCII digits whatever the default locale (String.format localizes them). */
    @Test
    void xrefIsLocaleIndependent() {
        java.util.Locale old = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
        try {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.forLanguageTag("ar-SA"));
            String pdf = new String(paint(g -> g.fillRect(1, 1, 5, 5)).toPdf(), StandardCharsets.ISO_8859_1);
            assertTrue(pdf.matches("(?s).*xref\n0 \\d+\n0000000000 65535 f \n(\\d{10} 00000 n \n)+trailer.*"), pdf);
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, old);
        }
    }

    @Test
    void pdfQuadAfterClosePathStartsAtTheSubpathStart() throws Exception {
        DisplayList d = paint(g -> {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(10, 10);
            p.lineTo(90, 10);
            p.lineTo(90, 50);
            p.closePath();
            p.quadTo(10, 90, 50, 90);
            p.lineTo(10, 10);
            g.setColor(Color.RED);
            g.fill(p);
        });
        double[] diff = compare(d.raster(1), pdfRaster(d));
        assertTrue(diff[0] < 1, "PDF vs raster " + diff[0]);
    }

    @Test
    void underlinedTextZeroWidthStrokesAndUnicodeTitles() throws Exception {
        Map<java.awt.font.TextAttribute, Object> at = new HashMap<>();
        at.put(java.awt.font.TextAttribute.UNDERLINE, java.awt.font.TextAttribute.UNDERLINE_ON);
        at.put(java.awt.font.TextAttribute.SIZE, 20f);
        DisplayList d = paint(g -> {
            g.setColor(Color.BLACK);
            g.setFont(new java.awt.Font(at));
            g.drawString("ab", 10, 50);
            g.setStroke(new BasicStroke(0f));
            g.drawLine(10, 80, 90, 80);
        });
        BufferedImage r = d.raster(1);
        int dark = 0;
        for (int x = 8; x < 40; x++) if ((r.getRGB(x, 50) & 0xFF) < 128 || (r.getRGB(x, 51) & 0xFF) < 128) dark++;
        assertTrue(dark > 10, "underline pixels: " + dark);
        assertTrue(d.toSvg().contains("vector-effect=\"non-scaling-stroke\""));
        try (PDDocument doc = Loader.loadPDF(d.toPdf("Re Σ(ε)"))) {
            assertEquals("Re Σ(ε)", doc.getDocumentInformation().getTitle());
        }
    }

    /** A sub-image shares its parent's pixel array with a longer scanline stride. */
    @Test
    void pngWriterHonoursTheScanlineStrideOfSubimages() throws Exception {
        BufferedImage big = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) for (int x = 0; x < 8; x++) big.setRGB(x, y, x < 4 ? 0xFF0000 : 0x0000FF);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngWriter.encode(big.getSubimage(0, 0, 3, 4))));
        for (int y = 0; y < 4; y++) for (int x = 0; x < 3; x++) assertEquals(0xFFFF0000, back.getRGB(x, y));
    }
}
