package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counts the tick labels every axis of every panel would draw, the way JFreeChart does while drawing
 * ({@link ValueAxis#refreshTicks} on the data area of a real drawing), for a real run at typical panel sizes.
 */
class TickCountTest {
    private static GroupSnapshot group;

    @BeforeAll
    static void train() throws DatasetException {
        RunConfig c = RunConfig.defaults()
                .withData(new DatasetSpec("digits", new int[] {3, 5}, 120, 40, 0.25, false, true, false, 3))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 256, 1)
                .withStop(300, 0)
                .withAnalysis(100, 120, 0.1);
        try (TrainingRun r = new TrainingRun(c, 1)) {
            Snapshot s = r.advance(300);
            group = new GroupSnapshot(1, List.of("run"), List.of(s));
        }
    }

    /** Labels per axis of the chart drawn at w × h: one entry per axis, "name: count". */
    static List<int[]> labelCounts(JFreeChart chart, int w, int h, List<String> names) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h), info);
            List<XYPlot> plots = ChartKit.plots(chart.getPlot());
            PlotRenderingInfo root = info.getPlotInfo();
            List<int[]> counts = new ArrayList<>();
            for (int p = 0; p < plots.size(); p++) {
                XYPlot plot = plots.get(p);
                Rectangle2D area = plots.size() > 1 ? root.getSubplotInfo(p).getDataArea() : root.getDataArea();
                List<ValueAxis> axes = new ArrayList<>();
                List<RectangleEdge> edges = new ArrayList<>();
                if (plots.size() == 1 || p == plots.size() - 1) {
                    ValueAxis d = plots.size() > 1 ? ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.getPlot())
                            .getDomainAxis() : plot.getDomainAxis();
                    axes.add(d);
                    edges.add(RectangleEdge.BOTTOM);
                }
                for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                    if (plot.getRangeAxis(i) != null) {
                        axes.add(plot.getRangeAxis(i));
                        edges.add(plot.getRangeAxisEdge(i));
                    }
                }
                for (int a = 0; a < axes.size(); a++) {
                    int labelled = 0;
                    for (Object t : axes.get(a).refreshTicks(g, new AxisState(), area, edges.get(a))) {
                        String text = ((Tick) t).getText();
                        labelled += text != null && !text.isEmpty() ? 1 : 0;
                    }
                    counts.add(new int[] {labelled});
                    names.add(chart.getTitle().getText() + " / " + axes.get(a).getLabel());
                }
            }
            return counts;
        } finally {
            g.dispose();
        }
    }

    private static List<JFreeChart> charts(boolean presentation) {
        PanelOptions o = PanelOptions.defaults().withPresentation(presentation);
        SpectrumPanel s = new SpectrumPanel();
        s.update(group, List.of(group.lane(0).latestFrame()), o);
        ProjectionPanel p = new ProjectionPanel();
        p.update(group, List.of(group.lane(0).latestFrame()), o);
        CurvesPanel c = new CurvesPanel();
        c.update(group, null, o);
        return List.of(s.chart(), p.chart(), c.chart());
    }

    /** Every axis carries 3–10 labels (5–10 where there is room) in the window, on a projector and in exports. */
    @ParameterizedTest
    @CsvSource({"620,420,false", "900,500,false", "420,300,false", "960,540,true", "620,420,true",
        "1920,1080,false"})
    void everyAxisCarriesAReadableNumberOfLabels(int w, int h, boolean presentation) {
        for (JFreeChart chart : charts(presentation)) {
            List<String> names = new ArrayList<>();
            List<int[]> counts = labelCounts(chart, w, h, names);
            for (int i = 0; i < counts.size(); i++) {
                int n = counts.get(i)[0];
                int min = w >= 600 && h >= 400 && !presentation ? 4 : 2;
                assertTrue(n >= min && n <= 10, names.get(i) + " at " + w + "×" + h + (presentation ? " (presentation)"
                        : "") + ": " + n + " labels");
            }
        }
    }
}
