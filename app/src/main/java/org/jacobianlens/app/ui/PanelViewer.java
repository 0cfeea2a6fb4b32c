package org.jacobianlens.app.ui;

import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * A chart panel of the window: the chart's viewer with an id for the UI tests and a wrapped tooltip whose text can
 * follow the run (e.g. which inputs the kernels were computed from).
 */
public final class PanelViewer extends ChartViewer {
    private final Tooltip tip = new Tooltip();

    PanelViewer(JFreeChart chart, String id, String text) {
        super(chart);
        setId(id);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setText(text);
        Tooltip.install(this, tip);
        // Clicking a panel takes the focus from a text field, so the single-key shortcuts work again.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    }

    /** Shows {@code text} from now on (nothing happens when it is the text shown). */
    void tip(String text) {
        if (!text.equals(tip.getText())) {
            tip.setText(text);
        }
    }

    /** The tooltip's text (for the UI tests). */
    public String tipText() {
        return tip.getText();
    }
}
