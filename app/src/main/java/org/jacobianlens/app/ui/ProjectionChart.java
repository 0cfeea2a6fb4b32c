package org.jacobianlens.app.ui;

import java.awt.Color;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import org.jacobianlens.core.run.AnalysisFrame;
import org.jacobianlens.core.run.Snapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Panel 2: label energy per eigenvector, (vᵢᵀy)²/‖y‖², noisy vs clean labels, with cumulative curves. */
final class ProjectionChart {
    static final int BARS = 60;

    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;

    ProjectionChart() {
        NumberAxis x = new NumberAxis("eigenvector i (by decreasing eigenvalue)");
        NumberAxis y = new NumberAxis("share of label energy (vᵢᵀy)²/‖y‖²");
        XYBarRenderer bars = new XYBarRenderer(0.1);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, withAlpha(Charts.NOISY, 190));
        bars.setSeriesPaint(1, withAlpha(Charts.CLEAN, 150));
        plot = new XYPlot(new XYSeriesCollection(), x, y, bars);
        NumberAxis cum = new NumberAxis("cumulative share E(k)");
        cum.setRange(0, 1.0);
        plot.setRangeAxis(1, cum);
        plot.setRenderer(1, Charts.lines(new Color[] {Charts.NOISY, Charts.CLEAN}, new boolean[] {false, true}));
        plot.mapDatasetToRangeAxis(1, 1);
        Charts.stylePlot(plot);
        chart = new JFreeChart("Label projections", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.style(chart);
        viewer = new ChartViewer(chart);
        viewer.setId("projectionChart");
        Tooltip.install(viewer, new Tooltip("How much of the label vector lies along each NTK eigenvector (largest "
                + "first): clean labels crowd onto the top eigenvectors and are learned fast, random labels spread out."));
    }

    private static Color withAlpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    Node node() {
        return viewer;
    }

    int pointCount() {
        return plot.getDataset() == null || plot.getDataset().getSeriesCount() == 0 ? 0 : plot.getDataset().getItemCount(0);
    }

    void render(Snapshot s, double cutoffFraction) {
        AnalysisFrame f = s.latestFrame();
        if (f == null) {
            return;
        }
        int k = Math.min(BARS, f.n());
        XYSeries noisy = Charts.series("labels trained on");
        XYSeries clean = Charts.series("true labels");
        XYSeries cumNoisy = Charts.series("E(k) trained-on");
        XYSeries cumClean = Charts.series("E(k) true");
        double totalN = sum(f.projNoisy());
        double totalC = sum(f.projClean());
        for (int i = 0; i < k; i++) {
            noisy.add(i + 1 - 0.2, totalN > 0 ? f.projNoisy()[i] / totalN : 0, false);
            clean.add(i + 1 + 0.2, totalC > 0 ? f.projClean()[i] / totalC : 0, false);
            cumNoisy.add(i + 1, f.cumNoisy()[i], false);
            cumClean.add(i + 1, f.cumClean()[i], false);
        }
        XYSeriesCollection bars = new XYSeriesCollection();
        bars.addSeries(noisy);
        bars.addSeries(clean);
        bars.setIntervalWidth(0.4);
        XYSeriesCollection cum = new XYSeriesCollection();
        cum.addSeries(cumNoisy);
        cum.addSeries(cumClean);
        int info = f.countAbove(cutoffFraction);
        chart.setTitle(String.format("Label projections — %.0f%% of the trained labels in the top %d (information space)",
                100 * f.energyNoisy(info), info));
        Charts.style(chart);
        plot.setDataset(1, cum);
        plot.setDataset(0, bars);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
