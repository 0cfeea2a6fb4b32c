package org.jacobianlens.app.ui;

import java.awt.Color;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.Theory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Panel 3: loss (top) and accuracy (bottom) against step, training examples split into clean and corrupted. */
final class CurvesChart {
    private final XYPlot loss;
    private final XYPlot acc;
    private final ChartViewer viewer;

    CurvesChart() {
        LogAxis lossAxis = Charts.logAxis("loss ½‖f(x) − y‖²", 1e-6);
        loss = new XYPlot(new XYSeriesCollection(), null, lossAxis, Charts.lines(
                new Color[] {Charts.CLEAN, Charts.NOISY, Charts.TEST, Charts.THEORY},
                new boolean[] {false, false, false, true}));
        NumberAxis accAxis = new NumberAxis("accuracy");
        accAxis.setRange(0, 1.02);
        acc = new XYPlot(new XYSeriesCollection(), null, accAxis, Charts.lines(
                new Color[] {Charts.CLEAN, Charts.NOISY, Charts.TEST}, new boolean[] {false, false, false}));
        Charts.stylePlot(loss);
        Charts.stylePlot(acc);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("step"));
        plot.add(loss, 3);
        plot.add(acc, 2);
        JFreeChart chart = new JFreeChart("Training curves", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.style(chart);
        viewer = new ChartViewer(chart);
        viewer.setId("curvesChart");
        Tooltip.install(viewer, new Tooltip("Loss and accuracy against step: the corrupted training examples are "
                + "fitted last, which is memorization; the dashed line is the loss Arora et al.'s theory predicts."));
    }

    Node node() {
        return viewer;
    }

    int pointCount() {
        return loss.getDataset() == null || loss.getDataset().getSeriesCount() == 0 ? 0 : loss.getDataset().getItemCount(0);
    }

    void render(Snapshot s) {
        Curves c = s.curves();
        XYSeries clean = Charts.series("train, clean labels");
        XYSeries bad = Charts.series("train, corrupted labels");
        XYSeries test = Charts.series("test");
        XYSeries cleanAcc = Charts.series("train acc, clean");
        XYSeries badAcc = Charts.series("train acc, corrupted");
        XYSeries testAcc = Charts.series("test acc");
        for (int i = 0; i < c.size(); i++) {
            int st = c.steps()[i];
            Charts.add(clean, st, c.cleanLoss()[i], true);
            Charts.add(bad, st, c.corruptedLoss()[i], true);
            Charts.add(test, st, c.testLoss()[i], true);
            Charts.add(cleanAcc, st, c.cleanAcc()[i], false);
            Charts.add(badAcc, st, c.corruptedAcc()[i], false);
            Charts.add(testAcc, st, c.testAcc()[i], false);
        }
        XYSeriesCollection l = new XYSeriesCollection();
        l.addSeries(clean);
        l.addSeries(bad);
        l.addSeries(test);
        Theory t = s.theory();
        if (t != null) {
            XYSeries pred = Charts.series("predicted (H∞, from u₀)");
            int last = c.size() == 0 ? 0 : c.steps()[c.size() - 1];
            for (int i = 0; i < t.predictedSteps().length && t.predictedSteps()[i] <= Math.max(last, 1); i++) {
                Charts.add(pred, t.predictedSteps()[i], t.predictedLoss()[i], true);
            }
            l.addSeries(pred);
        }
        XYSeriesCollection a = new XYSeriesCollection();
        a.addSeries(cleanAcc);
        a.addSeries(badAcc);
        a.addSeries(testAcc);
        loss.setDataset(l);
        acc.setDataset(a);
    }
}
