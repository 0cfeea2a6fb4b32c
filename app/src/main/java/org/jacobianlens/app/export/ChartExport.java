package org.jacobianlens.app.export;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jacobianlens.app.files.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Saves a chart as a PNG picture or an SVG drawing for slides and papers. AWT only (no JavaFX), so it works
 * headless; files are written atomically, so an interrupted export never leaves a broken picture behind.
 */
public final class ChartExport {
    /** Projector resolution used when no size is given. */
    public static final int DEFAULT_WIDTH = 1920;
    public static final int DEFAULT_HEIGHT = 1080;

    private ChartExport() {
    }

    /** Layout size an export is magnified from: a picture of twice this size is drawn at scale 2. */
    public static final int LAYOUT_WIDTH = 960;
    public static final int LAYOUT_HEIGHT = 540;

    /** PNG at 1920 × 1080, laid out at 960 × 540 and drawn at 2× (fonts readable on a projector). */
    public static void png(JFreeChart chart, Path out) throws IOException {
        png(chart, out, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** PNG of {@code w × h} pixels at {@link #scaleFor} (2 for 1920 × 1080): text stays readable in big pictures. */
    public static void png(JFreeChart chart, Path out, int w, int h) throws IOException {
        png(chart, out, w, h, scaleFor(w, h));
    }

    /**
     * Magnification for a picture of w × h: pictures larger than 960 × 540 are that layout magnified (1920 × 1080 →
     * 2), smaller ones are laid out at their size (1).
     */
    public static double scaleFor(int w, int h) {
        return Math.max(1.0, Math.min(w / (double) LAYOUT_WIDTH, h / (double) LAYOUT_HEIGHT));
    }

    /**
     * PNG of {@code w × h} pixels with the chart laid out at {@code w/scale × h/scale} and magnified, so text and
     * lines keep their on-screen proportions in a high-resolution picture (scale 2 = "retina").
     */
    public static void png(JFreeChart chart, Path out, int w, int h, double scale) throws IOException {
        BufferedImage img = image(chart, w, h, scale);
        AtomicFiles.write(out, os -> {
            if (!ImageIO.write(img, "png", os)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** The chart drawn on an opaque {@code w × h} RGB image (white behind a transparent chart background). */
    public static BufferedImage image(JFreeChart chart, int w, int h, double scale) {
        checkSize(w, h);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, found " + scale);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, w / scale, h / scale));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** SVG at 1920 × 1080. */
    public static void svg(JFreeChart chart, Path out) throws IOException {
        svg(chart, out, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** SVG document of a {@code w × h} drawing at {@link #scaleFor} (vector: text stays text, lines stay sharp). */
    public static void svg(JFreeChart chart, Path out, int w, int h) throws IOException {
        byte[] doc = svgDocument(chart, w, h).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out, os -> os.write(doc));
    }

    /** The SVG text of the chart drawn at {@code w × h}. */
    public static String svgDocument(JFreeChart chart, int w, int h) {
        checkSize(w, h);
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        double scale = scaleFor(w, h);
        g.scale(scale, scale);
        chart.draw(g, new Rectangle2D.Double(0, 0, w / scale, h / scale));
        return g.getSVGDocument();
    }

    static void checkSize(int w, int h) {
        if (w < 1 || h < 1 || (long) w * h > 100_000_000L) {
            throw new IllegalArgumentException("picture size must be positive and at most 100 megapixels, found "
                    + w + " × " + h);
        }
    }
}
