package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.jacobianlens.app.ui.LensApp;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunState;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window in a classroom: keys never fight typing, Ctrl+S saves, it fits a 1280×720 projector, bad text is
 * refused, a diverging run says so, 2-D data train with unit norm off and compare on two decision maps. State is
 * read from the view-model and the charts.
 */
class ClassroomWindowIT extends PausedWindowTest {
    private static int step() {
        GroupSnapshot s = vm().latestProperty().get();
        return s == null ? -1 : s.step();
    }

    private NotificationPane notifications() {
        return lookup("#notifications").queryAs(NotificationPane.class);
    }

    @Test
    void typingIntoFieldsChangesNothingButTheField() {
        ComboBox<String> dataset = lookup("#dataset").queryComboBox();
        clickOn(dataset.getEditor());
        interact(() -> dataset.getEditor().clear());
        write("spirals");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("spirals", dataset.getEditor().getText());
        assertFalse(vm().view().presentation().get(), "p typed, not presentation mode");
        assertFalse(vm().playingProperty().get(), "space or s typed, no training");
        assertEquals(-1, step(), "no step taken");
        assertEquals("fashion-mnist", vm().model().dataset().get(), "not committed before Enter");

        @SuppressWarnings("unchecked")
        Spinner<Integer> nTest = lookup("#nTest").queryAs(Spinner.class);
        clickOn(nTest.getEditor());
        interact(() -> nTest.getEditor().setText("200"));
        interact(() -> nTest.getEditor().end());
        write("c");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("200c", nTest.getEditor().getText());
        assertNull(vm().compareKnobProperty().get(), "c typed, compare mode unchanged");
        assertEquals(-1, step());
    }

    @Test
    void aSpinnerRefusesBadTextWithAMessageAndKeepsTheLastValue() {
        @SuppressWarnings("unchecked")
        Spinner<Integer> nTest = lookup("#nTest").queryAs(Spinner.class);
        int before = vm().model().nTest().get();
        clickOn(nTest.getEditor());
        interact(() -> nTest.getEditor().setText("abc"));
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(notifications().isShowing());
        assertTrue(notifications().getText().contains("test examples must be a whole number, found 'abc'"),
                notifications().getText());
        assertEquals(before, vm().model().nTest().get());
        assertEquals(Integer.toString(before), nTest.getEditor().getText(), "the last good value shown again");
    }

    @Test
    void ctrlSOpensTheSaveDialogAndTakesNoStep() {
        clickOn("#spectrumChart");
        press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Save this session", LensApp.current().lastFileDialogProperty().get());
        assertEquals(-1, step(), "Ctrl+S is not S");
    }

    @Test
    void theWindowFitsA1280x720Screen() {
        Stage stage = projector();
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = stage.getScene();
        for (String id : new String[] {"#menuBar", "#play", "#reset", "#status", "#spectrumChart", "#projectionChart",
                "#curvesChart"}) {
            Node n = lookup(id).query();
            Bounds b = n.localToScene(n.getBoundsInLocal());
            assertTrue(n.isVisible() && b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth() + 1
                    && b.getMaxY() <= scene.getHeight() + 1, id + " at " + b + " in " + scene.getWidth() + "×"
                    + scene.getHeight());
            assertTrue(b.getWidth() > 20 && b.getHeight() > 10, id + " has room: " + b);
        }
        Bounds spectrum = lookup("#spectrumChart").query().localToScene(lookup("#spectrumChart").query()
                .getBoundsInLocal());
        Bounds curves = lookup("#curvesChart").query().localToScene(lookup("#curvesChart").query().getBoundsInLocal());
        assertTrue(curves.getMinY() >= spectrum.getMaxY(), "the third panel reflows below the first two");
    }

    @Test
    void aHugeLearningRateEndsDivergedAndTheWindowStaysUsable() throws TimeoutException {
        interact(() -> {
            vm().model().dataset().set("blobs");
            vm().model().learningRate().set(1000.0);
        });
        clickOn("#reset");
        clickOn("#play");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm().runStateProperty().get() == RunState.DIVERGED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm().playingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(step() < 2000, "stopped early, at step " + step());
        assertTrue(notifications().getText().contains("diverged at step"), notifications().getText());
        interact(() -> vm().model().learningRate().set(0.0));
        clickOn("#reset");
        clickOn("#play");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> step() >= 5
                && vm().runStateProperty().get() == RunState.RUNNING);
    }

    /**
     * Memory running out mid-run (simulated: ND4J's cap reached after step 20, through the core's fault-injection
     * switch) ends the run with a notification, and the window trains again after a reset.
     */
    @Test
    void runningOutOfMemoryIsANotificationAndTheWindowStaysUsable() throws TimeoutException {
        System.setProperty("jacobianlens.simulateOutOfMemoryAtStep", "20");
        try {
            interact(() -> vm().model().dataset().set("blobs"));
            clickOn("#reset");
            clickOn("#play");
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm().runStateProperty().get() == RunState.FAILED);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm().playingProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(20, step(), "what was trained before stays");
            assertTrue(notifications().isShowing());
            assertTrue(notifications().getText().contains("out of memory at step 20: try a smaller n or width"),
                    notifications().getText());
        } finally {
            System.clearProperty("jacobianlens.simulateOutOfMemoryAtStep");
        }
        clickOn("#reset");
        clickOn("#play");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> step() >= 25
                && vm().runStateProperty().get() == RunState.RUNNING);
    }

    /**
     * Clean vs random labels on spirals at projector size: the decision panel shows one map per run side by side,
     * titled with the run, the timeline moves both, and the spectrum's tooltip names the appended coordinate.
     */
    @Test
    void comparedSpiralsShowBothDecisionMapsAndTheScrubberMovesBoth() throws TimeoutException {
        Stage stage = projector();
        interact(() -> {
            var m = vm().model();
            m.dataset().set("spirals");
            m.n().set(100);
            m.nTest().set(50);
            m.analyzeEvery().set(10);
            m.maxSteps().set(60);
        });
        assertTrue(vm().model().biasInput().get(), "2-D data: the bias input is on by default");
        assertTrue(lookup("#biasInput").queryAs(org.controlsfx.control.ToggleSwitch.class).isSelected());
        clickOn("#spectrumChart");
        type(KeyCode.C);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().compareKnobProperty().get() != null);
        clickOn("#play");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> vm().runStateProperty().get() == RunState.FINISHED);
        ChartViewer decision = lookup("#decisionChart").queryAs(ChartViewer.class);
        CombinedRangeXYPlot maps = (CombinedRangeXYPlot) decision.getChart().getPlot();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> maps.getSubplots().size() == 2
                && decision.getChart().getTitle().getText().equals("Decision maps (step 60)"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("clean labels: ", maps.getSubplots().get(0).getDomainAxis().getLabel().substring(0, 14));
        assertTrue(maps.getSubplots().get(1).getDomainAxis().getLabel().startsWith("100 % random labels: "));
        Bounds b = decision.localToScene(decision.getBoundsInLocal());
        Scene scene = stage.getScene();
        assertTrue(decision.isVisible() && b.getMinX() >= 0 && b.getMaxX() <= scene.getWidth() + 1
                && b.getMaxY() <= scene.getHeight() + 1, "the decision panel on screen: " + b);
        assertTrue(b.getWidth() >= 400 && b.getHeight() >= 250, "room for two maps: " + b);
        String tip = lookup("#spectrumChart").queryAs(org.jacobianlens.app.ui.PanelViewer.class).tipText();
        assertTrue(tip.contains("constant coordinate b = ") && tip.contains("not unit norm"), tip);

        Slider slider = lookup("#timeline-slider").queryAs(Slider.class);
        interact(() -> slider.setValue(23));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !decision.getChart().getTitle().getText()
                .contains("60"));
        WaitForAsyncUtils.waitForFxEvents();
        // The bar snaps to the nearest recorded frame; each run shows its last map up to that step (a map every
        // 10 steps, and more when the run had the time).
        String where = lookup("#timeline-step").queryAs(javafx.scene.control.Label.class).getText();
        int chosen = Integer.parseInt(where.replaceAll("^step (\\d+) of 60$", "$1"));
        String title = decision.getChart().getTitle().getText();
        java.util.regex.Matcher steps = java.util.regex.Pattern.compile("\\d+").matcher(title);
        int count = 0;
        while (steps.find()) {
            int s = Integer.parseInt(steps.group());
            assertTrue(s > chosen - 10 && s <= chosen, "each map from the chosen step " + chosen + ": " + title);
            count++;
        }
        assertTrue(count >= 1 && maps.getSubplots().size() == 2, title);
        clickOn("#timeline-live");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> decision.getChart().getTitle().getText()
                .equals("Decision maps (step 60)"));
    }

    @Test
    void spiralsWithUnitNormOffTrainToNinetyFivePercent() throws TimeoutException {
        interact(() -> {
            var m = vm().model();
            m.dataset().set("spirals");
            m.n().set(200);
            m.nTest().set(100);
            m.model().set(org.jacobianlens.core.run.RunConfig.ModelKind.MLP);
            m.depth().set(2);
            m.width().set(128);
            m.optimizer().set(org.jacobianlens.core.model.MlpSpec.Optimizer.ADAM);
            m.learningRate().set(0.01);
            m.analyzeN().set(50);
            m.analyzeEvery().set(500);
            m.maxSteps().set(1500);
        });
        assertFalse(vm().model().unitNorm().get(), "2-D data: unit norm off by default");
        assertFalse(lookup("#unitNorm").queryAs(org.controlsfx.control.ToggleSwitch.class).isSelected(),
                "the switch shows the model");
        clickOn("#reset");
        clickOn("#play");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> vm().runStateProperty().get() == RunState.FINISHED);
        assertFalse(vm().runSettings().unitNorm());
        var curves = vm().latestProperty().get().lane(0).curves();
        double acc = curves.trainAcc()[curves.size() - 1];
        assertTrue(acc >= 0.95, "training accuracy " + acc);
    }
}
