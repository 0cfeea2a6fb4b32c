package org.jacobianlens.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Line2D;

import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.theory.Theory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Panel 3: loss (top) and accuracy (bottom) against step. One run: training examples split into clean and
 * corrupted, test, Arora's predicted loss and the previous run as a faded ghost. Compare mode: each lane in its
 * colour (train solid, test dashed, corrupted dotted). A vertical cursor marks the shared step.
 */
public final class CurvesPanel {
    public static final String TOOLTIP = "Loss and accuracy against step: the corrupted training examples are "
            + "fitted last, which is memorization; dashed is the loss Arora et al.'s theory predicts from H∞, dotted the "
            + "linearized network f(θ₀) + ∇f(θ₀)(θ − θ₀) trained alongside, grey the previous run.";

    private final XYPlot loss;
    private final XYPlot acc;
    private final CombinedDomainXYPlot combined;
    private final JFreeChart chart;
    private final ValueMarker cursorLoss = new ValueMarker(0);
    private final ValueMarker cursorAcc = new ValueMarker(0);
    private boolean logSteps;

    public CurvesPanel() {
        loss = new XYPlot(new XYSeriesCollection(), null, ChartKit.logAxis("loss ½‖f(x) − y‖²", 1e-8), null);
        ReadableChart.shortLabel(loss.getRangeAxis(), "loss");
        NumberAxis accAxis = ChartKit.axis("accuracy", false);
        accAxis.setRange(0, 1.02);
        ReadableChart.shortLabel(accAxis, "acc.");
        acc = new XYPlot(new XYSeriesCollection(), null, accAxis, null);
        ChartKit.stylePlot(loss);
        ChartKit.stylePlot(acc);
        combined = new CombinedDomainXYPlot(ChartKit.axis("step", true));
        combined.add(loss, 3);
        combined.add(acc, 2);
        for (ValueMarker m : new ValueMarker[] {cursorLoss, cursorAcc}) {
            m.setPaint(new Color(0x55, 0x55, 0x55, 140));
        }
        loss.addDomainMarker(cursorLoss);
        acc.addDomainMarker(cursorAcc);
        chart = new ReadableChart("Training curves", combined);
        ChartKit.styleChart(chart, false);
    }

    public JFreeChart chart() {
        return chart;
    }

    public void update(GroupSnapshot g, GroupSnapshot ghost, PanelOptions o) {
        chart.setNotify(false);
        if (o.logSteps() != logSteps || !(combined.getDomainAxis() instanceof LogAxis) == o.logSteps()) {
            logSteps = o.logSteps();
            ValueAxis axis = logSteps ? ChartKit.logAxis("step (log)", 1) : ChartKit.axis("step", true);
            combined.setDomainAxis(axis);
        }
        boolean p = o.presentation();
        ChartKit.Lines l = new ChartKit.Lines();
        ChartKit.Lines a = new ChartKit.Lines();
        if (ghost != null && g.size() == 1) {
            Curves c = ghost.lane(0).curves();
            String who = "previous run" + (ghost.size() > 1 ? " (" + ghost.labels().get(0) + ")" : "");
            Color faded = ChartKit.alpha(ChartKit.GHOST, 130);
            fill(l.add(who + ", train", faded, ChartKit.solid(p)), c, c.trainLoss(), true);
            fill(l.add(who + ", test", faded, ChartKit.dashed(p)), c, c.testLoss(), true);
            fill(a.add(who + ", train acc", faded, ChartKit.solid(p)), c, c.trainAcc(), false);
            fill(a.add(who + ", test acc", faded, ChartKit.dashed(p)), c, c.testAcc(), false);
        }
        if (g.size() == 1) {
            Curves c = g.lane(0).curves();
            fill(l.add("train, clean labels", ChartKit.CLEAN, ChartKit.solid(p)), c, c.cleanLoss(), true);
            fill(l.add("train, corrupted labels", ChartKit.NOISY, ChartKit.solid(p)), c, c.corruptedLoss(), true);
            fill(l.add("test", ChartKit.TEST, ChartKit.solid(p)), c, c.testLoss(), true);
            fill(a.add("train acc, clean", ChartKit.CLEAN, ChartKit.solid(p)), c, c.cleanAcc(), false);
            fill(a.add("train acc, corrupted", ChartKit.NOISY, ChartKit.solid(p)), c, c.corruptedAcc(), false);
            fill(a.add("test acc", ChartKit.TEST, ChartKit.solid(p)), c, c.testAcc(), false);
        } else {
            for (int lane = 0; lane < g.size(); lane++) {
                Curves c = g.lane(lane).curves();
                String who = g.labels().get(lane);
                Color col = ChartKit.lane(lane);
                fill(l.add(who + ", train", col, ChartKit.solid(p)), c, c.trainLoss(), true);
                fill(l.add(who + ", test", col, ChartKit.dashed(p)), c, c.testLoss(), true);
                fill(a.add(who + ", train acc", col, ChartKit.solid(p)), c, c.trainAcc(), false);
                fill(a.add(who + ", test acc", col, ChartKit.dashed(p)), c, c.testAcc(), false);
                if (g.lane(lane).info().corrupted() > 0 && g.lane(lane).info().corrupted() < g.lane(lane).info().nTrain()) {
                    fill(a.add(who + ", train acc corrupted", col, ChartKit.dotted(p)), c, c.corruptedAcc(), false);
                }
            }
        }
        if (o.theory()) {
            for (int lane = 0; lane < g.size(); lane++) {
                Curves lin = g.lane(lane).linear();
                if (lin == null) {
                    continue;
                }
                String who = g.size() > 1 ? g.labels().get(lane) + ", " : "";
                Color col = g.size() > 1 ? ChartKit.lane(lane) : ChartKit.THEORY;
                fill(l.add(who + "linearized twin, train", col, ChartKit.dotted(p)), lin, lin.trainLoss(), true);
                fill(l.add(who + "linearized twin, test", ChartKit.alpha(col, 150), ChartKit.dotted(p)), lin,
                        lin.testLoss(), true);
                fill(a.add(who + "linearized twin, test acc", ChartKit.alpha(col, 150), ChartKit.dotted(p)), lin,
                        lin.testAcc(), false);
            }
            for (int lane = 0; lane < g.size(); lane++) {
                Snapshot s = g.lane(lane);
                Theory t = s.theory();
                if (t == null) {
                    continue;
                }
                String who = g.size() > 1 ? g.labels().get(lane) + ", " : "";
                XYSeries pred = l.add(who + predictionName(t), g.size() > 1 ? ChartKit.alpha(ChartKit.lane(lane), 150)
                        : ChartKit.THEORY, g.size() > 1 ? ChartKit.dashDot(p) : ChartKit.dashed(p));
                int last = Math.max(1, s.step());
                for (int i = 0; i < t.predictedSteps().length && t.predictedSteps()[i] <= last; i++) {
                    addPoint(pred, t.predictedSteps()[i], t.predictedLoss()[i], true);
                }
            }
        }
        l.install(loss, 0);
        a.install(acc, 0);
        loss.setFixedLegendItems(g.size() > 1 ? compareLegend(g, o.theory(), p) : null);
        // Accuracy lines repeat the loss lines' colours and strokes: one legend (the loss entries) explains both.
        for (int i = 0; i < a.data().getSeriesCount(); i++) {
            acc.getRenderer(0).setSeriesVisibleInLegend(i, false);
        }
        double at = Math.max(logSteps ? 1 : 0, g.step());
        cursorLoss.setValue(at);
        cursorAcc.setValue(at);
        cursorLoss.setStroke(new BasicStroke(ChartKit.width(p) / 2));
        cursorAcc.setStroke(new BasicStroke(ChartKit.width(p) / 2));
        chart.setTitle(g.size() > 1 ? "Training curves (step " + g.step() + ")" : "Training curves");
        ChartKit.styleChart(chart, p);
        chart.setNotify(true); // one redraw for the whole update
    }

    private static String predictionName(Theory t) {
        return "H∞ prediction" + (t.includesInitialOutput() ? " (from u₀)" : " (u₀ = 0)");
    }

    /**
     * The compare-mode legend: a run is its colour, a kind of line its stroke, one entry each (instead of one per
     * run and kind: ten entries of up to 45 characters, which ran off the panel in presentation mode).
     */
    static LegendItemCollection compareLegend(GroupSnapshot g, boolean theory, boolean p) {
        LegendItemCollection items = new LegendItemCollection();
        for (int lane = 0; lane < g.size(); lane++) {
            items.add(key(g.labels().get(lane), ChartKit.lane(lane), ChartKit.solid(p), p));
        }
        items.add(key("train", KEY, ChartKit.solid(p), p));
        items.add(key("test", KEY, ChartKit.dashed(p), p));
        if (theory && g.lanes().stream().anyMatch(s -> s.linear() != null)) {
            items.add(key("linearized twin (test paler)", KEY, ChartKit.dotted(p), p));
        }
        g.lanes().stream().filter(s -> theory && s.theory() != null).findFirst().ifPresent(s ->
                items.add(key(predictionName(s.theory()), KEY, ChartKit.dashDot(p), p)));
        return items;
    }

    /** The colour of the line-kind entries of the compare legend. */
    private static final Color KEY = Color.DARK_GRAY;

    private static LegendItem key(String label, Color color, Stroke stroke, boolean p) {
        double half = p ? 16 : 10; // long enough to show the dash pattern
        return new LegendItem(label, null, null, null, new Line2D.Double(-half, 0, half, 0), stroke, color);
    }

    private void fill(XYSeries s, Curves c, double[] y, boolean logY) {
        for (int i = 0; i < c.size(); i++) {
            addPoint(s, c.steps()[i], y[i], logY);
        }
    }

    private void addPoint(XYSeries s, int step, double y, boolean logY) {
        if (logSteps && step < 1) {
            return;
        }
        ChartKit.add(s, step, y, logY);
    }

    public XYPlot lossPlot() {
        return loss;
    }

    public XYPlot accuracyPlot() {
        return acc;
    }

    /** Number of loss series that hold points (for tests). */
    public int drawnLossSeries() {
        XYSeriesCollection d = (XYSeriesCollection) loss.getDataset();
        int k = 0;
        for (int i = 0; d != null && i < d.getSeriesCount(); i++) {
            k += d.getSeries(i).getItemCount() > 0 ? 1 : 0;
        }
        return k;
    }
}
