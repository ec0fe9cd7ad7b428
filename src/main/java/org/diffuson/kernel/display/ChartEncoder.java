package org.diffuson.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.diffuson.plot.DisplayList;
import org.diffuson.plot.Plots;
import org.diffuson.plot.PngWriter;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Encodes XChart charts for notebooks: {@code image/png} at {@link #PNG_SCALE}x resolution with the logical size in
 * the output metadata (sharp on high-DPI screens), {@code image/svg+xml} and {@code application/pdf} (which
 * nbconvert's LaTeX export prefers over PNG).
 */
public final class ChartEncoder {

    /** Pixel density of the PNG relative to the chart's logical size. */
    public static final int PNG_SCALE = 2;


    private ChartEncoder() {
    }

    /**
     * The three encodings. The chart is painted once, onto a {@link org.diffuson.plot.VectorCanvas} (XChart charts keep layout state
     * while painting and cannot be painted from two threads); the recorded {@link DisplayList} is then rasterized and
     * PNG-compressed on this thread while SVG and PDF are written on another. Charts that use something a display
     * list cannot record faithfully (gradient paints, unusual composites) go through XChart's own encoders instead.
     */
    public static DisplayData bundle(Chart<?, ?> chart) {
        int w = chart.getWidth();
        int h = chart.getHeight();
        DisplayData data = new DisplayData(chart.getClass().getSimpleName()
                + (chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " '" + chart.getTitle() + "'")
                + " (" + w + "×" + h + ")");
        DisplayList list = Plots.record(chart);
        if (!list.isExact()) return legacyBundle(chart, data);
        CompletableFuture<String[]> vector = CompletableFuture.supplyAsync(
                () -> new String[]{list.toSvg(), Base64.getEncoder().encodeToString(list.toPdf(chart.getTitle()))});
        String png = Base64.getEncoder().encodeToString(PngWriter.encode(list.raster(PNG_SCALE)));
        String[] v = vector.join();
        data.putData("image/png", png);
        data.putMetaData("image/png", Map.of("width", w, "height", h));
        data.putData("image/svg+xml", v[0]);
        data.putData("application/pdf", v[1]);
        return data;
    }

    /** XChart's own encoders: three paints, one after the other. */
    static DisplayData legacyBundle(Chart<?, ?> chart, DisplayData data) {
        int w = chart.getWidth();
        int h = chart.getHeight();
        byte[] png, svg, pdf;
        synchronized (chart) {
            png = pngBytes(raster(chart));
            svg = vector(chart, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            pdf = vector(chart, VectorGraphicsEncoder.VectorGraphicsFormat.PDF);
        }
        data.putData("image/png", Base64.getEncoder().encodeToString(png));
        data.putMetaData("image/png", Map.of("width", w, "height", h));
        data.putData("image/svg+xml", compactSvg(new String(svg, StandardCharsets.UTF_8)));
        data.putData("application/pdf", Base64.getEncoder().encodeToString(pdf));
        return data;
    }

    /** The chart painted at {@link #PNG_SCALE}x. */
    static BufferedImage raster(Chart<?, ?> chart) {
        int w = chart.getWidth();
        int h = chart.getHeight();
        BufferedImage img = new BufferedImage(w * PNG_SCALE, h * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(PNG_SCALE, PNG_SCALE);
            chart.paint(g, w, h);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Rounds SVG coordinates to 0.01 px (invisible on a chart a few hundred px wide): the glyph outlines XChart emits
     * carry 9–12 digits, so this roughly halves the notebook payload and its JSON encoding time.
     */
    static String compactSvg(String svg) {
        StringBuilder out = new StringBuilder(svg.length());
        int n = svg.length();
        for (int i = 0; i < n; i++) {
            char c = svg.charAt(i);
            out.append(c);
            if (c == '.' && i > 0 && Character.isDigit(svg.charAt(i - 1))) {
                int j = i + 1, kept = 0;
                while (j < n && Character.isDigit(svg.charAt(j))) {
                    if (kept < 2) {
                        out.append(svg.charAt(j));
                        kept++;
                    }
                    j++;
                }
                i = j - 1;
            }
        }
        return out.toString();
    }

    /** SVG or PDF bytes of the chart. */
    public static byte[] vector(Chart<?, ?> chart, VectorGraphicsEncoder.VectorGraphicsFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 10);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static DisplayData imageBundle(RenderedImage image) {
        DisplayData data = new DisplayData("image " + image.getWidth() + "×" + image.getHeight());
        data.putData("image/png", Base64.getEncoder().encodeToString(pngBytes(image)));
        return data;
    }

    /** PNG with light deflate compression: several times faster than ImageIO's default for a few % more bytes. */
    static byte[] pngBytes(RenderedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 << 10);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.8f);
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
