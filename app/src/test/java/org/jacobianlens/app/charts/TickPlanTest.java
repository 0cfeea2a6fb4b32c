package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class TickPlanTest {

    private static long labels(List<TickPlan.LogTick> ticks) {
        return ticks.stream().filter(TickPlan.LogTick::labelled).count();
    }

    /** Labels the axis would draw along a 300 px vertical data area, as JFreeChart asks for them while drawing. */
    private static int drawnLabels(ValueAxis axis, double lo, double hi) {
        axis.setRange(lo, hi);
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            int n = 0;
            for (Object t : axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(60, 10, 400, 300),
                    RectangleEdge.LEFT)) {
                String s = ((Tick) t).getText();
                n += s != null && !s.isEmpty() ? 1 : 0;
            }
            return n;
        } finally {
            g.dispose();
        }
    }

    @Test
    void linearStepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, TickPlan.linearStep(1.02, 6, false), 1e-12);
        assertEquals(10, TickPlan.linearStep(60.4, 9, true), 0);
        assertEquals(1, TickPlan.linearStep(3, 9, true), 0, "integer axes never step below 1");
        assertEquals(0.0025, TickPlan.linearStep(0.02, 9, false), 1e-15);
        for (double len : new double[] {0.013, 0.7, 1.02, 7, 60.4, 2000, 123456}) {
            for (int max = 2; max <= 9; max++) {
                double step = TickPlan.linearStep(len, max, false);
                long count = (long) Math.floor(len / step + 1e-9) + 1;
                assertTrue(count <= max, len + " with at most " + max + ": " + count);
                assertTrue(count >= Math.min(max, 5) / 2.0, len + " with at most " + max + ": only " + count);
            }
        }
    }

    @Test
    void wideLogRangesLabelEveryFewDecadesAndMarkTheOthers() {
        List<TickPlan.LogTick> t = TickPlan.logTicks(1e-10, 1e3, 9);
        assertTrue(labels(t) >= 5 && labels(t) <= 9, "labels " + labels(t));
        assertEquals(14, t.size(), "every decade is a tick, labelled or minor");
        List<TickPlan.LogTick> few = TickPlan.logTicks(1e-3, 1e2, 9);
        assertEquals(6, labels(few), "every decade labelled");
        assertTrue(few.size() > 30, "2..9 × 10ᵏ as minor ticks on a few decades: " + few.size());
    }

    @Test
    void narrowLogRangesGetSeveralLabelsNotOne() {
        List<TickPlan.LogTick> t = TickPlan.logTicks(0.23, 0.95, 9);
        assertTrue(labels(t) >= 5, "labels " + labels(t));
        assertTrue(labels(TickPlan.logTicks(0.3, 40, 9)) >= 5);
    }

    /** The old axis (decade ticks only) drew one label on such a range; the readable one draws several. */
    @Test
    void aLogAxisOverLessThanADecadeDrawsSeveralLabels() {
        org.jfree.chart.axis.LogAxis old = new org.jfree.chart.axis.LogAxis("loss");
        old.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        assertTrue(drawnLabels(old, 0.12, 0.9) <= 1, "the old behaviour this replaces");
        int n = drawnLabels(new ReadableLogAxis("loss", 1e-8), 0.12, 0.9);
        assertTrue(n >= 4 && n <= 9, "labels " + n);
        int wide = drawnLabels(new ReadableLogAxis("loss", 1e-12), 1e-11, 1e4);
        assertTrue(wide >= 4 && wide <= 9, "labels " + wide);
    }
}
