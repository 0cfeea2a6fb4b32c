package org.jacobianlens.app.charts;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * JFreeChart's plots side by side on a shared range axis, measuring the subplots' own x axes afresh on every draw,
 * and optionally with equal scales on both axes (a map of the plane keeps its shapes whatever the panel's size).
 */
final class SideBySidePlot extends CombinedRangeXYPlot {
    private List<Range> xs;
    private Range y;

    SideBySidePlot(ValueAxis shared) {
        super(shared);
    }

    /**
     * One unit takes as many pixels across as up, in every subplot: each draw widens the x ranges or the shared y
     * range around the given ones, whichever the drawing area has room for.
     *
     * @param x the x range to show at least, per subplot in order
     * @param shared the y range to show at least
     */
    void equalScales(List<Range> x, Range shared) {
        xs = List.copyOf(x);
        y = shared;
    }

    /** Plain ranges from now on (as set on the axes). */
    void freeScales() {
        xs = null;
        y = null;
    }

    @Override
    protected AxisSpace calculateAxisSpace(Graphics2D g2, Rectangle2D plotArea) {
        // Each draw hands the subplots the axis space it measured as their fixed space, and a subplot reports its
        // fixed space when measured again: an x axis moved to the other side (a title over a compared map) or drawn
        // in a smaller font (after presentation mode) would keep the old room for ever.
        for (XYPlot p : getSubplots()) {
            p.setFixedDomainAxisSpace(null, false);
        }
        return super.calculateAxisSpace(g2, plotArea);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState,
                     PlotRenderingInfo info) {
        List<XYPlot> subs = getSubplots();
        if (y != null && xs.size() == subs.size() && !subs.isEmpty()) {
            // The axes' room depends on their tick labels, which depend on the ranges: a second pass settles it.
            boolean moved = true;
            for (int pass = 0; pass < 3 && moved; pass++) {
                moved = fit(g2, area, subs);
            }
        }
        super.draw(g2, area, anchor, parentState, info);
    }

    /** Sets the ranges for equal scales in the data area the axes now leave; whether a range changed. */
    private boolean fit(Graphics2D g2, Rectangle2D area, List<XYPlot> subs) {
        Rectangle2D inner = (Rectangle2D) area.clone();
        getInsets().trim(inner);
        Rectangle2D data = calculateAxisSpace(g2, inner).shrink(inner, null);
        int n = subs.size();
        double w = (data.getWidth() - getGap() * (n - 1)) / n;
        double h = data.getHeight();
        if (!(w > 0 && h > 0)) {
            return false;
        }
        double perPixel = y.getLength() / h;
        for (Range x : xs) {
            perPixel = Math.max(perPixel, x.getLength() / w);
        }
        boolean changed = set(getRangeAxis(), around(y, perPixel * h));
        for (int i = 0; i < n; i++) {
            changed |= set(subs.get(i).getDomainAxis(), around(xs.get(i), perPixel * w));
        }
        return changed;
    }

    private static boolean set(ValueAxis axis, Range r) {
        if (r.equals(axis.getRange())) {
            return false;
        }
        axis.setRange(r, false, false); // no change event: this is the drawing the change would ask for
        return true;
    }

    private static Range around(Range r, double length) {
        return new Range(r.getCentralValue() - length / 2, r.getCentralValue() + length / 2);
    }
}
