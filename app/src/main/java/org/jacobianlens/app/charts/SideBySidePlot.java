package org.jacobianlens.app.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;

/** JFreeChart's plots side by side on a shared range axis, measuring the subplots' own x axes afresh on every draw. */
final class SideBySidePlot extends CombinedRangeXYPlot {
    SideBySidePlot(ValueAxis shared) {
        super(shared);
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
}
