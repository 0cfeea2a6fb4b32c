package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.jacobianlens.app.charts.ChartKit;
import org.jacobianlens.app.charts.ReadableChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode (P) and back, on a 1280×720 projector: every font of the window — menu bar, open menus,
 * controls, status line, the charts' titles and axis labels — is exactly what it was before, and so is every axis
 * label's text (in presentation mode a long one shows its short form).
 */
class PresentationModeIT extends PausedWindowTest {
    private static final String[] CHARTS = {"#spectrumChart", "#projectionChart", "#curvesChart", "#decisionChart"};
    private MenuBar menuBar() {
        return lookup("#menuBar").queryAs(MenuBar.class);
    }

    /** Font of every text node on screen and in each menu's popup, by node identity (nodes outlive the toggle). */
    private Map<Object, String> fonts() {
        Map<Object, String> out = new LinkedHashMap<>();
        MenuBar bar = menuBar();
        collect(bar.getScene().getRoot(), out);
        int before = out.size();
        for (Menu m : bar.getMenus()) {
            interact(m::show);
            WaitForAsyncUtils.waitForFxEvents();
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != bar.getScene().getWindow() && w.getScene() != null) {
                    collect(w.getScene().getRoot(), out);
                }
            }
            interact(m::hide);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(out.size() > before + 10, "the open menus' items are part of the check");
        for (String id : CHARTS) {
            var chart = lookup(id).queryAs(ChartViewer.class).getChart();
            out.put(id, chart.getTitle().getFont().toString());
            // Axis labels too: in presentation mode a long one may show its short form, and must come back.
            int k = 0;
            for (XYPlot p : ChartKit.plots(chart.getPlot())) {
                for (int i = 0; i < p.getRangeAxisCount(); i++) {
                    if (p.getRangeAxis(i) != null) {
                        out.put(id + " y" + k + " text", p.getRangeAxis(i).getLabel());
                        out.put(id + " y" + k++ + " font", p.getRangeAxis(i).getLabelFont().toString());
                    }
                }
            }
        }
        return out;
    }

    private static void collect(Node n, Map<Object, String> out) {
        Font f = n instanceof Labeled l ? l.getFont() : n instanceof Text t ? t.getFont() : null;
        if (f != null) {
            out.put(n, f.getName() + " " + f.getSize());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private static double menuLabelSize(MenuBar bar) {
        // The label inside the first menu-bar button: the one that used to keep the presentation size.
        Node label = bar.lookup(".menu-button > .label");
        return ((Labeled) label).getFont().getSize();
    }

    private void charts(boolean presentation) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> java.util.Arrays.stream(CHARTS).allMatch(id ->
                ((ReadableChart) lookup(id).queryAs(ChartViewer.class).getChart()).isPresentation() == presentation));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void pressP() {
        clickOn("#spectrumChart"); // the panel takes the focus, so P is a shortcut, not typing
        type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void leavingPresentationModeRestoresEveryFont() throws TimeoutException {
        projector(); // the size at which presentation fonts shorten the long axis labels
        // Spirals (four panels, two rows), clean vs random labels, one step: the charts are drawn and carry fonts
        // of their own, and in presentation mode a long axis label no longer fits.
        interact(() -> vm().model().dataset().set("spirals"));
        clickOn("#spectrumChart");
        type(KeyCode.C);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().compareKnobProperty().get() != null);
        clickOn("#step");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm().latestProperty().get() != null
                && vm().latestProperty().get().step() == 1 && vm().latestProperty().get().size() == 2);
        charts(false);
        double normal = Font.getDefault().getSize();
        assertEquals(normal, menuLabelSize(menuBar()), 1e-9);
        Map<Object, String> before = fonts();

        pressP();
        assertTrue(vm().view().presentation().get());
        charts(true);
        assertEquals(18, menuLabelSize(menuBar()), 1e-9, "presentation mode enlarges the menus");
        Map<Object, String> during = fonts();
        assertFalse(before.equals(during));
        assertTrue(before.keySet().stream().anyMatch(k -> k.toString().endsWith(" text")
                && !before.get(k).equals(during.get(k))), "some long axis label shows its short form");

        pressP();
        assertFalse(vm().view().presentation().get());
        charts(false);
        Map<Object, String> after = fonts();
        List<String> changed = new ArrayList<>();
        int compared = 0;
        for (var e : before.entrySet()) {
            String now = after.get(e.getKey());
            if (now != null) {
                compared++;
                if (!now.equals(e.getValue())) {
                    changed.add(e.getKey() + ": " + e.getValue() + " -> " + now);
                }
            }
        }
        assertTrue(compared > 0.9 * before.size(), "the same nodes are on screen: " + compared + " of "
                + before.size());
        assertEquals(List.of(), changed, "fonts that did not come back");
        assertEquals(normal, menuLabelSize(menuBar()), 1e-9);
    }
}
