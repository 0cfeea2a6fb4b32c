package org.jacobianlens.app.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis with readable ticks ({@link TickPlan#logTicks}): labelled decades with the others as minor ticks on a
 * wide range, 1-2-5 labels inside a narrow one, so the axis never shows a single label or a smear of them.
 */
public class ReadableLogAxis extends LogAxis {
    private final DecimalFormat decimal = new DecimalFormat("0.###");

    public ReadableLogAxis(String label, double smallest) {
        super(label);
        setSmallestValue(smallest);
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
        Font f = getTickLabelFont();
        double label = vertical ? f.getSize2D() * 1.2 : f.getSize2D() * 5 * 0.6;
        int max = TickPlan.labelsThatFit(length, label);
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT
                : edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT
                : edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        List<TickPlan.LogTick> plan = TickPlan.logTicks(getLowerBound(), getUpperBound(), max);
        // Plain decimals (0.5, 20) when every label is a short one, powers of ten (10⁻⁶, 2×10⁻³) otherwise.
        boolean plain = plan.stream().filter(TickPlan.LogTick::labelled)
                .allMatch(t -> t.value() >= 1e-3 * (1 - 1e-9) && t.value() < 1e4);
        List ticks = new ArrayList();
        for (TickPlan.LogTick t : plan) {
            ticks.add(new NumberTick(t.labelled() ? TickType.MAJOR : TickType.MINOR, t.value(),
                    t.labelled() ? (plain ? decimal.format(t.value()) : power(t.value())) : "", anchor, anchor, 0.0));
        }
        return ticks;
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** {@code v} as a power of ten the way a textbook writes it: 10⁻⁶, 2×10⁻³, 10⁴ (1 as 10⁰). */
    static String power(double v) {
        int exponent = (int) Math.floor(Math.log10(v) + 1e-9);
        double mantissa = v / Math.pow(10, exponent);
        StringBuilder s = new StringBuilder();
        long m = Math.round(mantissa * 10);
        if (m == 100) { // 9.96 rounds up to the next decade
            m = 10;
            exponent++;
        }
        if (m != 10) {
            s.append(m % 10 == 0 ? Long.toString(m / 10) : (m / 10) + "." + (m % 10)).append('×');
        }
        s.append("10");
        if (exponent < 0) {
            s.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
            s.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return s.toString();
    }
}
