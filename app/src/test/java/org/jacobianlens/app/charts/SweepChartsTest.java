package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class SweepChartsTest {
    private static final RunConfig BASE = RunConfig.defaults().withStop(100, 0);

    private static SweepPoint point(double value, double testError, double ntkDistance) {
        return new SweepPoint(value, 100, 0.1, 0.0, testError, 0.01, 1.5, 0.9, 0.95, 10, 12, 0.8, 0.85, 20, 21,
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

    /** Points are plotted at their swept value; the 1/√m guide passes through the first measured distance. */
    @Test
    void widthChartsPlotEachPointAndTheInverseSqrtGuide() {
        List<SweepPoint> pts = List.of(point(64, 0.2, 0.4), point(256, 0.15, 0.2), point(1024, 0.1, 0.1));
        JFreeChart ntk = SweepCharts.charts(SweepSpec.of(BASE, SweepSpec.Kind.WIDTH), pts, "t", true)
                .get("ntk-distance-vs-width.png");
        XYDataset d = ntk.getXYPlot().getDataset();
        assertEquals(3, d.getItemCount(0));
        assertEquals(256.0, d.getXValue(0, 1));
        assertEquals(0.2, d.getYValue(0, 1));
        // guide c/√m with c = 0.4·√64 = 3.2: at m = 1024 it is 0.1
        assertEquals(0.1, d.getYValue(1, 2), 1e-12);
        assertTrue(ntk.createBufferedImage(800, 500) != null);
    }
}
