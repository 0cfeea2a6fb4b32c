package org.jacobianlens.app.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A linear axis that chooses its tick unit from the range and the room it is drawn in ({@link TickPlan}): about
 * 5–10 labels, fewer only where their font would not fit, never the dense default of 1-by-1 steps.
 */
public class ReadableNumberAxis extends NumberAxis {
    private final boolean integer;

    /** @param integer labels are whole numbers (an index axis) */
    public ReadableNumberAxis(String label, boolean integer) {
        super(label);
        this.integer = integer;
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
        Font f = getTickLabelFont();
        double label = vertical ? f.getSize2D() * 1.2 : f.getSize2D() * widestLabelChars() * 0.6;
        double step = TickPlan.linearStep(getRange().getLength(), TickPlan.labelsThatFit(length, label), integer);
        setTickUnit(new NumberTickUnit(step, format(step)), false, false);
    }

    /** Just enough decimals for the step: 0.25 → "0.00", 0.2 → "0.0", 5 → "0"; scientific for huge or tiny steps. */
    static DecimalFormat format(double step) {
        if (step >= 1e6 || step < 1e-4) {
            return new DecimalFormat("0.##E0");
        }
        int decimals = 0;
        while (decimals < 8 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
                > 1e-9 * step * Math.pow(10, decimals)) {
            decimals++;
        }
        return new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals));
    }

    /** Characters of the longest label at a generous estimate (range ends printed with four digits). */
    private int widestLabelChars() {
        double m = Math.max(Math.abs(getLowerBound()), Math.abs(getUpperBound()));
        int digits = m >= 1 ? (int) Math.floor(Math.log10(m)) + 1 : 1;
        return integer ? Math.max(2, digits) : Math.max(4, digits + 3);
    }
}
