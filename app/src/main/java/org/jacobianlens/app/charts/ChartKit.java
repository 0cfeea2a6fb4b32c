package org.jacobianlens.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Shared look of every chart (colours, strokes, fonts for screen and projector) and a small builder for line sets.
 * AWT and JFreeChart only, so the same charts render in the window, in exports and in the headless command line.
 */
public final class ChartKit {
    public static final Color NOISY = new Color(0xD6, 0x4F, 0x2A);
    public static final Color CLEAN = new Color(0x1F, 0x6F, 0xB4);
    public static final Color TEST = new Color(0x2E, 0x8B, 0x57);
    public static final Color GHOST = new Color(0x99, 0x99, 0x99);
    public static final Color THEORY = new Color(0x7B, 0x3F, 0xA0);
    private static final Color[] LANES = {CLEAN, NOISY, TEST, THEORY, new Color(0xB0, 0x8D, 0x1A)};

    private ChartKit() {
    }

    /** Colour of compared lane i (lane 0 blue, lane 1 red, …). */
    public static Color lane(int i) {
        return LANES[i % LANES.length];
    }

    public static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    /** Line width: 2 px on screen, 4 px in presentation mode. */
    public static float width(boolean presentation) {
        return presentation ? 4f : 2f;
    }

    public static Stroke solid(boolean presentation) {
        return new BasicStroke(width(presentation), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    public static Stroke dashed(boolean presentation) {
        float w = width(presentation);
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {3 * w, 2.5f * w},
                0f);
    }

    /** Long dash, dot: a prediction among dashed test curves of the same colour. */
    public static Stroke dashDot(boolean presentation) {
        float w = width(presentation);
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {5 * w, 2 * w, 0.5f, 2 * w}, 0f);
    }

    public static Stroke dotted(boolean presentation) {
        float w = width(presentation);
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {0.5f, 2 * w}, 0f);
    }

    /** White background, light grid. */
    public static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    }

    /** Fonts for screen or projector on the title, legend and every axis ({@link ReadableChart}s: scaled to their size). */
    public static void styleChart(JFreeChart chart, boolean presentation) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart instanceof ReadableChart r) {
            r.setPresentation(presentation);
            r.restyle(); // fonts follow the drawn size from now on
            return;
        }
        float scale = presentation ? 1.8f : 1f;
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(new Font("SansSerif", Font.BOLD, Math.round(14 * scale)));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font("SansSerif", Font.PLAIN, Math.round(11 * scale)));
        }
        for (XYPlot p : plots(chart.getPlot())) {
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                styleAxis(p.getDomainAxis(i), scale);
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                styleAxis(p.getRangeAxis(i), scale);
            }
        }
        if (chart.getPlot() instanceof CombinedDomainXYPlot c) {
            styleAxis(c.getDomainAxis(), scale);
        }
        if (chart.getPlot() instanceof CombinedRangeXYPlot c) {
            styleAxis(c.getRangeAxis(), scale);
        }
    }

    private static void styleAxis(Axis a, float scale) {
        if (a != null) {
            a.setLabelFont(new Font("SansSerif", Font.PLAIN, Math.round(12 * scale)));
            a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, Math.round(10 * scale)));
        }
    }

    /** The XY plots of a chart (the subplots of a combined plot: stacked, or side by side). */
    @SuppressWarnings("unchecked")
    public static List<XYPlot> plots(Plot plot) {
        if (plot instanceof CombinedDomainXYPlot c) {
            return new ArrayList<>((List<XYPlot>) c.getSubplots());
        }
        if (plot instanceof CombinedRangeXYPlot c) {
            return new ArrayList<>(c.getSubplots());
        }
        return plot instanceof XYPlot x ? List.of(x) : List.of();
    }

    /** A log axis with scientific tick labels (1E-2, 1E0, …): labelled decades, or 1-2-5 in a narrow range. */
    public static LogAxis logAxis(String label, double smallest) {
        return new ReadableLogAxis(label, smallest);
    }

    /** A linear axis with about 5–10 labels; whole numbers only when {@code integer}. */
    public static NumberAxis axis(String label, boolean integer) {
        return new ReadableNumberAxis(label, integer);
    }

    /** Adds (x, y) unless y is NaN, or not positive on a log axis. */
    public static void add(XYSeries s, double x, double y, boolean logY) {
        if (Double.isFinite(y) && (!logY || y > 0)) {
            s.add(x, y, false);
        }
    }

    /**
     * Lines collected for one plot: each series with its own colour and stroke, filled without change events and
     * handed to the plot in one go (JFreeChart otherwise redraws on every added point).
     */
    public static final class Lines {
        private final XYSeriesCollection data = new XYSeriesCollection();
        private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);

        public Lines() {
            // One Path2D per series instead of one Line2D per segment: far fewer Java2D calls per redraw, and
            // dashes flow along the whole line.
            renderer.setDrawSeriesLineAsPath(true);
        }

        public XYSeries add(String name, Color color, Stroke stroke) {
            XYSeries s = new XYSeries(name, false, true);
            s.setNotify(false);
            int i = data.getSeriesCount();
            data.addSeries(s);
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesStroke(i, stroke);
            return s;
        }

        /** Sets dataset and renderer at {@code index} of the plot. */
        public void install(XYPlot plot, int index) {
            for (int i = 0; i < data.getSeriesCount(); i++) {
                renderer.setSeriesVisibleInLegend(i, data.getSeries(i).getItemCount() > 0);
            }
            plot.setRenderer(index, renderer);
            plot.setDataset(index, data);
        }

        public XYSeriesCollection data() {
            return data;
        }
    }
}
