package org.jacobianlens.app.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;

/** Shared look of the three panels (colours, strokes, fonts) and small series helpers. */
final class Charts {
    static final Color NOISY = new Color(0xD6, 0x4F, 0x2A);
    static final Color CLEAN = new Color(0x1F, 0x6F, 0xB4);
    static final Color TEST = new Color(0x2E, 0x8B, 0x57);
    static final Color GHOST = new Color(0x88, 0x88, 0x88);
    static final Color THEORY = new Color(0x7B, 0x3F, 0xA0);

    private Charts() {
    }

    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 14));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 11));
        }
    }

    static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    }

    static XYLineAndShapeRenderer lines(Color[] colors, boolean[] dashed) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colors.length; i++) {
            r.setSeriesPaint(i, colors[i]);
            r.setSeriesStroke(i, dashed[i]
                    ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 5f}, 0f)
                    : new BasicStroke(2.2f));
        }
        return r;
    }

    /** A log axis with plain scientific tick labels (1E-2, 1E0, …) and whole-decade ticks. */
    static org.jfree.chart.axis.LogAxis logAxis(String label, double smallest) {
        org.jfree.chart.axis.LogAxis a = new org.jfree.chart.axis.LogAxis(label);
        a.setSmallestValue(smallest);
        a.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        return a;
    }

    /** A series filled without change events (one redraw per frame, when the dataset is set). */
    static XYSeries series(String name) {
        XYSeries s = new XYSeries(name, false, true);
        s.setNotify(false);
        return s;
    }

    /** Adds (x, y) unless y is NaN or not positive on a log axis. */
    static void add(XYSeries s, double x, double y, boolean logY) {
        if (Double.isFinite(y) && (!logY || y > 0)) {
            s.add(x, y, false);
        }
    }
}
