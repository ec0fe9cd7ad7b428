package org.diffuson.bench;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.diffuson.kernel.display.ChartEncoder;
import org.diffuson.plot.PngWriter;
import org.diffuson.plot.Plots;
import org.knowm.xchart.XYChart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The display of a 1000-point chart (PNG at 2× + SVG + PDF) two ways: the kernel's path ({@link ChartEncoder#bundle}:
 * one paint into a {@code DisplayList}, raster and PNG on this thread, SVG and PDF on another) against
 * VectorGraphics2D's own command recording (one paint onto {@link VectorGraphics2D}, its SVG and PDF processors, plus
 * the raster paint a PNG still needs). 10 warm-up displays, then 30 timed; prints median and p90 of each. Run with
 * {@code java -cp target/diffuson-*-kernel.jar:target/test-classes org.diffuson.bench.ChartPathTiming}.
 */
public final class ChartPathTiming {
    public static void main(String[] args) throws Exception {
        XYChart chart = chart();
        time("display list (kernel path)", () -> ChartEncoder.bundle(chart));
        time("VectorGraphics2D recording + raster paint", () -> vg2d(chart));
    }

    static XYChart chart() {
        XYChart c = Plots.chart("x", "y");
        double[] x = new double[1000], y = new double[1000], z = new double[1000];
        for (int i = 0; i < 1000; i++) {
            x[i] = i * 0.01;
            y[i] = Math.sin(x[i]) * Math.exp(-0.1 * x[i]);
            z[i] = Math.cos(x[i]);
        }
        Plots.line(c, "a", x, y);
        Plots.line(c, "b", x, z);
        return c;
    }

    static int vg2d(XYChart chart) throws Exception {
        int w = chart.getWidth(), h = chart.getHeight();
        CommandSequence commands;
        BufferedImage img = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        synchronized (chart) {
            VectorGraphics2D g = new VectorGraphics2D();
            chart.paint(g, w, h);
            commands = g.getCommands();
            Graphics2D r = img.createGraphics();
            r.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            r.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            r.scale(2, 2);
            chart.paint(r, w, h);
            r.dispose();
        }
        PageSize page = new PageSize(0, 0, w, h);
        ByteArrayOutputStream svg = new ByteArrayOutputStream(), pdf = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(commands, page).writeTo(svg);
        new PDFProcessor(true).getDocument(commands, page).writeTo(pdf);
        byte[] png = PngWriter.encode(img);
        return svg.size() + pdf.size() + png.length;
    }

    interface Task {
        Object run() throws Exception;
    }

    static void time(String name, Task t) throws Exception {
        for (int i = 0; i < 10; i++) t.run();
        double[] ms = new double[30];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            t.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-45s median %.1f ms, p90 %.1f ms%n", name, ms[ms.length / 2], ms[(int) (ms.length * 0.9)]);
    }
}
