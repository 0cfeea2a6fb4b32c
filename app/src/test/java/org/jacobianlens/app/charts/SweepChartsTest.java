package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.sweep.SweepPlan;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.ValueStats;
import org.jfree.data.xy.IntervalXYDataset;
import org.jacobianlens.core.sweep.SweepSpec;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class SweepChartsTest {
    private static final RunConfig BASE = RunConfig.defaults().withStop(100, 0);

    private static SweepPoint point(double value, double testError, double ntkDistance) {
        return point(value, 1, testError, ntkDistance);
    }

    private static SweepPoint point(double value, long seed, double testError, double ntkDistance) {
        return new SweepPoint(value, seed, 100, 0.1, 0.0, testError, 0.01, 1.5, 0.9, 0.95, 10, 12, 0.8, 0.85, 20, 21,
                0.2, 0.3, 0.1, 0.2, 0.05, ntkDistance, 0.01, RunState.FINISHED, "finished");
    }

    /** The sweep window draws its empty charts before the first point lands: nothing may throw. */
    @Test
    void emptySweepsRenderTheirAxesWithoutData() {
        for (SweepSpec.Kind kind : SweepSpec.Kind.values()) {
            Map<String, JFreeChart> charts = SweepCharts.charts(SweepSpec.of(BASE, kind), List.of(), "", false);
            assertEquals(kind == SweepSpec.Kind.NOISE ? 5 : 3, charts.size());
            for (JFreeChart c : charts.values()) {
                BufferedImage img = c.createBufferedImage(400, 300);
                assertEquals(400, img.getWidth());
                XYDataset d = c.getXYPlot().getDataset();
                for (int s = 0; s < d.getSeriesCount(); s++) {
                    assertEquals(0, d.getItemCount(s));
                }
            }
        }
    }

    /** Points are plotted at their swept value; the 1/√m guide passes through distances that fall as 1/√m. */
    @Test
    void widthChartsPlotEachPointAndTheInverseSqrtGuide() {
        List<SweepPoint> pts = List.of(point(64, 0.2, 0.4), point(256, 0.15, 0.2), point(1024, 0.1, 0.1));
        SweepSpec spec = new SweepSpec(BASE, SweepSpec.Kind.WIDTH, new double[] {64, 256, 1024}, 10, 0.1);
        JFreeChart ntk = SweepCharts.charts(spec, ValueStats.of(SweepPlan.of(spec), pts), "t", true)
                .get("ntk-distance-vs-width.png");
        XYDataset d = ntk.getXYPlot().getDataset();
        assertEquals(3, d.getItemCount(0));
        assertEquals(256.0, d.getXValue(0, 1));
        assertEquals(0.2, d.getYValue(0, 1));
        // guide c/√m with c = 0.4·√64 = 3.2: at m = 1024 it is 0.1
        assertEquals(0.1, d.getYValue(1, 2), 1e-12);
        // one seed per width: the guide does not claim to fit an average
        assertEquals("∝ 1/√m, fitted to one seed (not an average)", d.getSeriesKey(1));
        assertTrue(ntk.createBufferedImage(800, 500) != null);
    }

    /** A subtitle says whether its points are seed means or single runs. */
    @Test
    void theSubtitleSaysOneSeedOrNamesTheSeedsAveraged() {
        assertEquals("; one seed, not an average", SweepCharts.seedNote(new long[] {1}));
        assertEquals("; mean ± sd over seeds 1, 2, 3", SweepCharts.seedNote(new long[] {1, 2, 3}));
    }

    /**
     * Two seeds per width: the chart shows their mean with a bar of ± the sample std, and the guide c/√m is fitted
     * to the means in log space: distances 0.3 and 0.5 at m = 64 (mean 0.4, std 0.1414…), 0.05 and 0.35 at m = 256
     * (mean 0.2, std 0.2121…, so the bar would reach below zero): c = exp(mean(log(0.4·8), log(0.2·16))) = 3.2.
     */
    @Test
    void seedSpreadIsAnErrorBarAndTheGuideIsFittedToTheMeans() {
        SweepSpec spec = new SweepSpec(BASE, SweepSpec.Kind.WIDTH, new double[] {64, 256}, 10, 0.1);
        SweepPlan plan = new SweepPlan(spec, new long[] {1, 2});
        List<SweepPoint> pts = List.of(point(64, 1, 0.2, 0.3), point(64, 2, 0.2, 0.5), point(256, 1, 0.1, 0.05),
                point(256, 2, 0.1, 0.35));
        JFreeChart ntk = SweepCharts.charts(spec, ValueStats.of(plan, pts), "t", true).get("ntk-distance-vs-width.png");
        IntervalXYDataset d = (IntervalXYDataset) ntk.getXYPlot().getDataset();
        assertEquals(0.4, d.getYValue(0, 0), 1e-15);
        assertEquals(0.4 - Math.sqrt(0.02), d.getStartYValue(0, 0), 1e-15);
        assertEquals(0.4 + Math.sqrt(0.02), d.getEndYValue(0, 0), 1e-15);
        assertEquals(0.2, d.getYValue(0, 1), 1e-15);
        assertEquals(0.2 + Math.sqrt(0.045), d.getEndYValue(0, 1), 1e-15);
        assertEquals(0.2, d.getStartYValue(0, 1), 1e-15, "a bar reaching below zero on a log axis is cut at the mean");
        assertEquals(3.2 / 8, d.getYValue(1, 0), 1e-12);
        assertEquals(d.getYValue(1, 0), d.getStartYValue(1, 0), "a guide has no bar");
        assertEquals("∝ 1/√m, fitted to the seed means", d.getSeriesKey(1));
        // a width where only one of the two seeds finished: not every point is a mean
        List<SweepPoint> partial = List.of(point(64, 1, 0.2, 0.3), point(64, 2, 0.2, 0.5), point(256, 1, 0.1, 0.05));
        assertEquals("∝ 1/√m, fitted to the seed means (one seed at some widths)", SweepCharts.charts(spec,
                ValueStats.of(plan, partial), "t", true).get("ntk-distance-vs-width.png").getXYPlot().getDataset()
                .getSeriesKey(1));
        JFreeChart err = SweepCharts.charts(spec, ValueStats.of(plan, pts), "t", true).get("test-error-vs-width.png");
        assertEquals(0.2, err.getXYPlot().getDataset().getYValue(0, 0), 1e-15);
        assertTrue(err.createBufferedImage(800, 500) != null);
    }
}
