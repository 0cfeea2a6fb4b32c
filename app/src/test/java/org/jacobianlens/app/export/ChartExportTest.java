package org.jacobianlens.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class ChartExportTest {

    /** A line chart of y = shift · exp(−x/5) over x = 0 … 40 (shift varies the picture). */
    static JFreeChart chart(double shift) {
        XYSeries s = new XYSeries("eigenvalues");
        for (int x = 0; x <= 40; x++) {
            s.add(x, shift * Math.exp(-x / 5.0));
        }
        JFreeChart c = ChartFactory.createXYLineChart("Spectrum", "index", "eigenvalue", new XYSeriesCollection(s));
        c.getXYPlot().setBackgroundPaint(Color.WHITE);
        return c;
    }

    /** Pixels whose colour is not (near) white. */
    static int inked(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r < 200 || g < 200 || b < 200) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void pngIsReadableAtTheRequestedSizeAndNotBlank(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("spectrum.png");
        ChartExport.png(chart(1), out, 640, 360);
        BufferedImage img = ImageIO.read(out.toFile());
        assertNotNull(img, "ImageIO reads it");
        assertEquals(640, img.getWidth());
        assertEquals(360, img.getHeight());
        int ink = inked(img);
        assertTrue(ink > 1000 && ink < 640 * 360 / 2, "some drawing on a light background: " + ink);
        // The plotted curve starts high on the left: the top-left quarter of the plot area holds ink.
        assertTrue(inked(img.getSubimage(80, 40, 200, 120)) > 50);

        Path big = dir.resolve("projector.png");
        ChartExport.png(chart(1), big);
        BufferedImage p = ImageIO.read(big.toFile());
        assertEquals(ChartExport.DEFAULT_WIDTH, p.getWidth());
        assertEquals(ChartExport.DEFAULT_HEIGHT, p.getHeight());

        // Scale 2 draws the same layout magnified: more ink than the same picture laid out at full size.
        Path retina = dir.resolve("retina.png");
        ChartExport.png(chart(1), retina, 1280, 720, 2.0);
        Path flat = dir.resolve("flat.png");
        ChartExport.png(chart(1), flat, 1280, 720);
        assertTrue(inked(ImageIO.read(retina.toFile())) > inked(ImageIO.read(flat.toFile())));

        // Overwriting replaces the file and leaves no temporary files behind.
        ChartExport.png(chart(2), out, 320, 200);
        assertEquals(320, ImageIO.read(out.toFile()).getWidth());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(4, files.count());
        }
        assertThrows(IllegalArgumentException.class, () -> ChartExport.png(chart(1), out, 0, 10));
    }

    @Test
    void svgIsWellFormedXmlWithSizeAndText(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("spectrum.svg");
        ChartExport.svg(chart(1), out, 800, 450);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        Element root = f.newDocumentBuilder().parse(out.toFile()).getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals(800.0, Double.parseDouble(root.getAttribute("width").replace("px", "")));
        assertEquals(450.0, Double.parseDouble(root.getAttribute("height").replace("px", "")));
        assertTrue(root.getElementsByTagNameNS("*", "path").getLength() > 0, "the curve is drawn");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("Spectrum") && text.contains("eigenvalue"), "title and axis label are text");

        ChartExport.svg(chart(1), dir.resolve("default.svg"));
        Element d = f.newDocumentBuilder().parse(dir.resolve("default.svg").toFile()).getDocumentElement();
        assertEquals(List.of(1920.0, 1080.0), List.of(Double.parseDouble(d.getAttribute("width").replace("px", "")),
                Double.parseDouble(d.getAttribute("height").replace("px", ""))));
    }

    /** A 1920 × 1080 export of a panel is the 960 × 540 layout at 2×: tick labels about 2 × 15 px tall, not 10 px. */
    @Test
    void projectorExportsHaveFontsReadableFromTheBackOfTheRoom() {
        org.jacobianlens.app.charts.ReadableChart c = new org.jacobianlens.app.charts.ReadableChart("Spectrum",
                chart(1).getXYPlot());
        assertEquals(2.0, ChartExport.scaleFor(1920, 1080), 1e-12);
        assertEquals(1.0, ChartExport.scaleFor(640, 360), 1e-12);
        ChartExport.image(c, 1920, 1080, ChartExport.scaleFor(1920, 1080));
        float tick = c.getXYPlot().getRangeAxis().getTickLabelFont().getSize2D();
        float title = c.getTitle().getFont().getSize2D();
        assertTrue(tick * 2 >= 24, "tick labels " + tick * 2 + " px in the picture");
        assertTrue(title * 2 >= 32, "title " + title * 2 + " px in the picture");
    }
}
