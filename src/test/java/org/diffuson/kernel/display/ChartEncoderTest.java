package org.diffuson.kernel.display;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import static org.junit.jupiter.api.Assertions.*;

class ChartEncoderTest {
    @Test
    void compactSvgRoundsOnlyDecimals() {
        assertEquals("<rect x=\"46.02\" y=\"29.82\" h=\"359\" id=\"clip880427692\"/> M0.65,-4.31 v1.5 2.", 
                ChartEncoder.compactSvg("<rect x=\"46.029296875\" y=\"29.828125\" h=\"359\" id=\"clip880427692\"/> M0.65625,-4.3125 v1.5 2."));
    }

    @Test
    void bundleHasAllThreeFormatsAndValidSvg() {
        double[] x = new double[200], y = new double[200];
        for (int i = 0; i < 200; i++) { x[i] = i; y[i] = Math.sin(i * 0.05); }
        XYChart c = new XYChartBuilder().width(400).height(300).title("t").build();
        c.addSeries("s", x, y);
        var d = ChartEncoder.bundle(c);
        var svg = (String) d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse("image/svg+xml"));
        assertTrue(svg.startsWith("<?xml") && svg.trim().endsWith("</svg>"));
        assertNotNull(d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse("image/png")));
        assertNotNull(d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse("application/pdf")));
    }
}
