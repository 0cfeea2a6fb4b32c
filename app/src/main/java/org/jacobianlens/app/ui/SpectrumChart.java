package org.jacobianlens.app.ui;

import java.awt.Color;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import org.jacobianlens.core.run.AnalysisFrame;
import org.jacobianlens.core.run.Snapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Panel 1: singular values of the Jacobian (√ NTK eigenvalues) by index, with init and H∞ ghosts and the cutoff. */
final class SpectrumChart {
    private final XYPlot plot;
    private final ChartViewer viewer;
    private final ValueMarker cutoff = new ValueMarker(1.0);

    SpectrumChart() {
        LogAxis y = Charts.logAxis("singular value σᵢ of J", 1e-8);
        NumberAxis x = new NumberAxis("index i (by decreasing σ)");
        plot = new XYPlot(new XYSeriesCollection(), x, y,
                Charts.lines(new Color[] {Charts.CLEAN, Charts.GHOST, Charts.THEORY}, new boolean[] {false, true, true}));
        Charts.stylePlot(plot);
        cutoff.setPaint(Charts.NOISY);
        cutoff.setStroke(new java.awt.BasicStroke(1.5f));
        cutoff.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        cutoff.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(cutoff);
        JFreeChart chart = new JFreeChart("Jacobian spectrum", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.style(chart);
        viewer = new ChartViewer(chart);
        viewer.setId("spectrumChart");
        Tooltip.install(viewer, new Tooltip("Singular values σᵢ of the network's Jacobian on the analysed examples "
                + "(σᵢ² are the NTK eigenvalues); dashed: at initialization and the infinite-width H∞; the red line "
                + "splits information space (above) from nuisance space (below)."));
    }

    Node node() {
        return viewer;
    }

    /** Number of points drawn in the current-spectrum series (for tests). */
    int pointCount() {
        return plot.getDataset() == null || plot.getDataset().getSeriesCount() == 0 ? 0 : plot.getDataset().getItemCount(0);
    }

    void render(Snapshot s, double cutoffFraction) {
        AnalysisFrame now = s.latestFrame();
        if (now == null) {
            return;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(sigmas("step " + now.step(), now.singularValues()));
        data.addSeries(sigmas("initialization", s.initialFrame().singularValues()));
        if (s.theory() != null) {
            double[] l = s.theory().eigenvalues();
            double[] sig = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                sig[i] = Math.sqrt(Math.max(l[i], 0));
            }
            data.addSeries(sigmas("H∞ (infinite width)", sig));
        }
        double[] sv = now.singularValues();
        double level = sv.length == 0 ? 1 : cutoffFraction * sv[0];
        cutoff.setValue(level > 0 ? level : 1);
        cutoff.setLabel(now.countAbove(cutoffFraction) + " above " + cutoffFraction + "·σ₁");
        plot.setDataset(data);
    }

    private static XYSeries sigmas(String name, double[] s) {
        XYSeries xs = Charts.series(name);
        for (int i = 0; i < s.length; i++) {
            Charts.add(xs, i + 1, s[i], true);
        }
        return xs;
    }
}
