package org.jacobianlens.app.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A chart whose fonts follow the size it is drawn at: in a small panel, a large one, a 1920 × 1080 export, and twice
 * as large in presentation mode. Axis labels that would not fit along their plot (the stacked loss and accuracy plots,
 * maps side by side) shrink, then fall back to their short form ({@link #shortLabel}); the legend is compact. Fonts are only changed when
 * the size class changes, so redraws cost nothing extra.
 */
public class ReadableChart extends JFreeChart {
    /**
     * Short labels, by axis identity: JFreeChart's axes hash and compare by their label, which this class changes,
     * so a hash map loses an axis once it shows its short form (and the full label never came back).
     */
    private static final List<Map.Entry<WeakReference<Axis>, String>> SHORT = new ArrayList<>();
    private static final String FAMILY = "SansSerif";
    private static final Font UNUSED_FONT = new Font(FAMILY, Font.PLAIN, 1);
    private static final java.awt.Paint UNUSED_PAINT = new java.awt.Color(1, 2, 3, 4);
    private static final java.awt.Stroke UNUSED_STROKE = new java.awt.BasicStroke(0.0123f);

    /** The full label of each axis of this chart that was styled, by identity (see {@link #SHORT}). */
    private final Map<Axis, String> full = Collections.synchronizedMap(new IdentityHashMap<>());
    private boolean presentation;
    private String styledFor = "";
    private double lastW = 640;
    private double lastH = 420;

    public ReadableChart(String title, Plot plot) {
        super(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** A shorter label the axis shows where its full label does not fit (e.g. "loss" for "loss ½‖f(x) − y‖²"). */
    public static void shortLabel(Axis axis, String label) {
        synchronized (SHORT) {
            SHORT.removeIf(e -> e.getKey().get() == null || e.getKey().get() == axis);
            SHORT.add(Map.entry(new WeakReference<>(axis), label));
        }
    }

    /** Doubles every font (projector). */
    public void setPresentation(boolean on) {
        if (on != presentation) {
            presentation = on;
            styledFor = "";
        }
    }

    public boolean isPresentation() {
        return presentation;
    }

    /**
     * Font scale for a chart drawn at w × h: with the square root of its area, 1 up to 640 × 420 (never smaller than
     * the usual screen fonts, also in tall narrow panels) and at most 1.6; doubled in presentation.
     */
    public static double fontScale(double w, double h, boolean presentation) {
        double s = Math.max(1.0, Math.min(1.6, Math.sqrt(w * h / (640.0 * 420.0))));
        return presentation ? 2 * s : s;
    }

    /** Tick label size in points at this chart size (for tests and the other panels). */
    public static float tickSize(double scale) {
        return (float) (10 * scale);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, ChartRenderingInfo info) {
        restyle(area.getWidth(), area.getHeight());
        // In the window the chart draws through one FXGraphics2D per panel, which skips a font, paint or stroke
        // equal to the one it set last; but the JavaFX canvas restores its own state after every chart draw, so
        // the canvas may hold another one (seen: the second of two decision maps drew its axis in a larger font).
        // Values no chart uses make every setting of the chart take effect.
        g2.setFont(UNUSED_FONT);
        g2.setPaint(UNUSED_PAINT);
        g2.setStroke(UNUSED_STROKE);
        super.draw(g2, area, anchor, info);
    }

    /** Applies the fonts again at the size last drawn (after a panel changed labels or the mode). */
    public void restyle() {
        styledFor = "";
        restyle(lastW, lastH);
    }

    /** Applies the fonts for a drawing of w × h (without a change event: the caller is drawing now). */
    public void restyle(double w, double h) {
        lastW = w;
        lastH = h;
        double s = fontScale(w, h, presentation);
        List<XYPlot> plots = ChartKit.plots(getPlot());
        String key = Math.round(s * 20) + "/" + Math.round(h / 20) + "/" + plots.size() + "/" + labelsKey(plots);
        if (key.equals(styledFor)) {
            return;
        }
        styledFor = key;
        boolean notify = isNotify();
        setNotify(false);
        try {
            TextTitle title = getTitle();
            if (title != null) {
                title.setFont(new Font(FAMILY, Font.BOLD, round(14 * s)));
            }
            LegendTitle legend = getLegend();
            if (legend != null) {
                legend.setItemFont(new Font(FAMILY, Font.PLAIN, round(10 * s)));
                legend.setFrame(BlockBorder.NONE);
                legend.setItemLabelPadding(new RectangleInsets(1, 2, 1, 6));
                legend.setPadding(new RectangleInsets(1, 1, 1, 1));
            }
            // Room on the right for half of the last x tick label (a centred "1000" at the right end was cut).
            setPadding(new RectangleInsets(4, 4, 4, Math.max(4, 14 * s)));
            double titleH = title == null ? 0 : 14 * s * 1.6;
            double legendH = legend == null ? 0 : 10 * s * 2.6;
            double plotH = Math.max(40, h - titleH - legendH - 12 * s * 2.5 - 10 * s * 2);
            int weights = 0;
            for (XYPlot p : plots) {
                weights += weight(p);
            }
            // Side by side (a shared range axis), each plot has its share of the width for its own x axis, and all
            // x labels get the font the longest one fits in, so the plots' titles match.
            boolean sideBySide = getPlot() instanceof CombinedRangeXYPlot;
            double width = w * 0.8 / (sideBySide ? Math.max(1, plots.size()) : 1);
            int longest = 0;
            for (XYPlot p : plots) {
                for (int i = 0; sideBySide && i < p.getDomainAxisCount(); i++) {
                    longest = Math.max(longest, p.getDomainAxis(i) == null ? 0 : fullLabel(p.getDomainAxis(i))
                            .length());
                }
            }
            for (XYPlot p : plots) {
                double along = plotH * weight(p) / Math.max(1, weights);
                for (int i = 0; i < p.getRangeAxisCount(); i++) {
                    style(p.getRangeAxis(i), s, along, 0);
                }
                for (int i = 0; i < p.getDomainAxisCount(); i++) {
                    style(p.getDomainAxis(i), s, width, longest);
                }
            }
            if (getPlot() instanceof CombinedDomainXYPlot c) {
                style(c.getDomainAxis(), s, w * 0.8, 0);
                c.setGap(8 * s);
            }
            if (getPlot() instanceof CombinedRangeXYPlot c) {
                style(c.getRangeAxis(), s, plotH, 0);
                c.setGap(12 * s);
            }
        } finally {
            setNotify(notify);
        }
    }

    private String labelsKey(List<XYPlot> plots) {
        StringBuilder b = new StringBuilder();
        for (XYPlot p : plots) {
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                b.append(p.getRangeAxis(i) == null ? "" : p.getRangeAxis(i).getLabel()).append('|');
            }
            // Side by side, each x axis label is that plot's title, which changes with the run (and its length
            // decides its font).
            for (int i = 0; getPlot() instanceof CombinedRangeXYPlot && i < p.getDomainAxisCount(); i++) {
                b.append(p.getDomainAxis(i) == null ? "" : p.getDomainAxis(i).getLabel()).append('|');
            }
        }
        return b.toString();
    }

    private int weight(XYPlot p) {
        return getPlot() instanceof CombinedDomainXYPlot ? Math.max(1, p.getWeight()) : 1;
    }

    /** Fonts of one axis; its label is fitted as if it had at least {@code chars} characters. */
    private void style(Axis a, double s, double along, int chars) {
        if (a == null) {
            return;
        }
        a.setTickLabelFont(new Font(FAMILY, Font.PLAIN, round(tickSize(s))));
        String label = fullLabel(a);
        double size = 12 * s;
        // A label of c characters in a font of size z is about 0.55·c·z wide.
        double fit = along * 0.92 / (0.55 * Math.max(1, Math.max(chars, label.length())));
        String text = label;
        if (fit < 0.8 * tickSize(s)) {
            String shorter = shortOf(a);
            if (shorter != null) {
                text = shorter;
                fit = along * 0.92 / (0.55 * Math.max(1, shorter.length()));
            }
        }
        a.setLabel(text);
        full.put(a, label);
        a.setLabelFont(new Font(FAMILY, Font.PLAIN, round(Math.max(7, Math.min(size, fit)))));
    }

    /** The label the panel set (the axis may be showing its short form). */
    private String fullLabel(Axis a) {
        String shown = a.getLabel() == null ? "" : a.getLabel();
        String label = full.get(a);
        return label != null && shown.equals(shortOf(a)) ? label : shown;
    }

    /** The short label registered for this very axis, or null. */
    private static String shortOf(Axis a) {
        synchronized (SHORT) {
            for (Map.Entry<WeakReference<Axis>, String> e : SHORT) {
                if (e.getKey().get() == a) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    private static int round(double v) {
        return (int) Math.round(v);
    }
}
