package org.jacobianlens.app.ui;

import java.awt.geom.Rectangle2D;
import java.util.function.DoubleConsumer;

import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;

import org.jacobianlens.app.charts.SpectrumPanel;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * Lets the user drag the spectrum's cutoff line: a press within a few pixels of the line grabs it, and every drag
 * reports the new cutoff as a fraction of σ₁ (display only; the run is not touched).
 */
final class CutoffDrag {
    /** How close (pixels) a press must be to the line to grab it. */
    private static final double GRAB = 8;

    private final ChartViewer view;
    private final SpectrumPanel spectrum;
    private boolean dragging;

    private CutoffDrag(ChartViewer view, SpectrumPanel spectrum) {
        this.view = view;
        this.spectrum = spectrum;
    }

    /** Installs the drag on {@code view}; {@code moved} receives each new cutoff fraction. */
    static CutoffDrag install(ChartViewer view, SpectrumPanel spectrum, DoubleConsumer moved) {
        CutoffDrag d = new CutoffDrag(view, spectrum);
        Node canvas = view.getCanvas();
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            double lineY = d.lineY();
            if (!Double.isNaN(lineY) && Math.abs(e.getY() - lineY) <= GRAB) {
                d.dragging = true;
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (d.dragging) {
                double f = spectrum.cutoffAt(d.valueAt(e.getY()));
                if (!Double.isNaN(f)) {
                    moved.accept(f);
                }
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (d.dragging) {
                d.dragging = false;
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_MOVED, e -> canvas.setCursor(
                Math.abs(e.getY() - d.lineY()) <= GRAB ? Cursor.V_RESIZE : Cursor.DEFAULT));
        return d;
    }

    private Rectangle2D dataArea() {
        var info = view.getCanvas().getRenderingInfo();
        return info == null ? null : info.getPlotInfo().getDataArea();
    }

    private double lineY() {
        Rectangle2D area = dataArea();
        if (area == null) {
            return Double.NaN;
        }
        XYPlot p = spectrum.plot();
        return p.getRangeAxis().valueToJava2D(spectrum.cutoffValue(), area, p.getRangeAxisEdge());
    }

    private double valueAt(double y) {
        Rectangle2D area = dataArea();
        if (area == null) {
            return Double.NaN;
        }
        XYPlot p = spectrum.plot();
        return p.getRangeAxis().java2DToValue(y, area, p.getRangeAxisEdge());
    }
}
