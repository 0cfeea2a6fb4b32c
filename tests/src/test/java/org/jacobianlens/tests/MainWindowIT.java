package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.jacobianlens.app.ui.LensApp;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The desktop app end to end, headless: it trains on start-up, all panels fill, settings reset the run. */
class MainWindowIT extends FxRobot {
    private javafx.application.Application app;

    @BeforeEach
    void start() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(LensApp.class);
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private String status() {
        return lookup("#status").queryAs(StatusBar.class).getText();
    }

    private static int items(XYPlot plot) {
        return plot.getDataset() == null || plot.getDataset().getSeriesCount() == 0 ? 0 : plot.getDataset().getItemCount(0);
    }

    private static LensViewModel vm() {
        return LensApp.current().viewModel();
    }

    /** The step of the run on screen, read from the view-model (-1 right after a reset). */
    private static int step() {
        GroupSnapshot s = vm().latestProperty().get();
        return s == null ? -1 : s.step();
    }

    private void waitForStep(int atLeast) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> step() >= atLeast);
    }

    /** The settings change reached the view-model and reset the run (paused: nothing on screen yet). */
    private void waitForResetTo(String dataset) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().runSettings() != null
                && dataset.equals(vm().runSettings().dataset()) && vm().latestProperty().get() == null);
    }

    @Test
    void trainsOnStartupAndFillsAllThreePanels() throws TimeoutException {
        waitForStep(30);
        XYPlot spectrum = lookup("#spectrumChart").queryAs(ChartViewer.class).getChart().getXYPlot();
        XYPlot projections = lookup("#projectionChart").queryAs(ChartViewer.class).getChart().getXYPlot();
        CombinedDomainXYPlot curves = (CombinedDomainXYPlot) lookup("#curvesChart").queryAs(ChartViewer.class)
                .getChart().getPlot();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(300, items(spectrum), "one singular value per analysed example");
        assertTrue(items(projections) > 0, "projection bars drawn");
        assertTrue(items((XYPlot) curves.getSubplots().get(0)) > 10, "loss curve drawn");

        // Top-k mode: the information space becomes the top 5 eigenvectors in every panel.
        interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.Spinner<Integer> topK = lookup("#topK").queryAs(javafx.scene.control.Spinner.class);
            topK.getValueFactory().setValue(5);
        });
        ChartViewer projectionView = lookup("#projectionChart").queryAs(ChartViewer.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> projectionView.getChart().getTitle().getText().contains("in top 5"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> spectrum.getRangeMarkers(
                org.jfree.chart.ui.Layer.FOREGROUND).stream().anyMatch(m -> ((org.jfree.chart.plot.ValueMarker) m)
                .getLabel() != null && ((org.jfree.chart.plot.ValueMarker) m).getLabel().startsWith("5 in the top 5")));
    }

    @Test
    void movingTheNoiseSliderRestartsWithCorruptedLabels() throws TimeoutException {
        waitForStep(5);
        Slider noise = lookup("#noise").queryAs(Slider.class);
        interact(() -> noise.setValue(100));
        // The debounced reset restarts from initialization with every training label drawn at random
        // (two classes, so about half of the 300 change); the label under the slider reports the count.
        Label noiseLabel = lookup("#noiseLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> noiseLabel.getText().matches("label noise 100 % \\(1[0-9]{2} labels changed\\)"));
        String label = noiseLabel.getText();
        assertTrue(label.matches("label noise 100 % \\((1[0-9]{2}) labels changed\\)"), label);
    }

    @Test
    void pickADatasetMoveTheNoiseAndPlayAFewSteps() throws TimeoutException {
        waitForStep(1);
        type(KeyCode.SPACE); // pause
        ComboBox<String> dataset = lookup("#dataset").queryComboBox();
        interact(() -> dataset.setValue("blobs"));
        interact(() -> lookup("#noise").queryAs(Slider.class).setValue(40));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().runSettings().noise() == 0.4);
        waitForResetTo("blobs");
        clickOn("#play");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> step() >= 20);
        WaitForAsyncUtils.waitForFxEvents();
        XYPlot spectrum = lookup("#spectrumChart").queryAs(ChartViewer.class).getChart().getXYPlot();
        // One point per positive eigenvalue of the full kernel: blobs has three classes, so 300 examples × 3
        // outputs (in few dimensions many of its eigenvalues are ~0).
        assertTrue(items(spectrum) > 200 && items(spectrum) <= 900, "spectrum points: " + items(spectrum));
        assertTrue(items(lookup("#projectionChart").queryAs(ChartViewer.class).getChart().getXYPlot()) > 0);
        CombinedDomainXYPlot curves = (CombinedDomainXYPlot) lookup("#curvesChart").queryAs(ChartViewer.class)
                .getChart().getPlot();
        assertTrue(items((XYPlot) curves.getSubplots().get(0)) > 5);
        assertTrue(lookup("#noiseLabel").queryAs(Label.class).getText().startsWith("label noise 40 % ("));
    }

    @Test
    void compareModeDrawsCleanAndRandomLabelsSideBySide() throws TimeoutException {
        waitForStep(1);
        type(KeyCode.C);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm().latestProperty().get() != null
                && vm().latestProperty().get().size() == 2 && step() >= 10);
        WaitForAsyncUtils.waitForFxEvents();
        XYPlot projections = lookup("#projectionChart").queryAs(ChartViewer.class).getChart().getXYPlot();
        XYSeriesCollection bars = (XYSeriesCollection) projections.getDataset(0);
        assertEquals(2, bars.getSeriesCount(), "one bar series per compared run");
        assertEquals("clean labels", bars.getSeriesKey(0));
        assertEquals("100 % random labels", bars.getSeriesKey(1));
        XYPlot spectrum = lookup("#spectrumChart").queryAs(ChartViewer.class).getChart().getXYPlot();
        XYSeriesCollection lines = (XYSeriesCollection) spectrum.getDataset(0);
        long current = lines.getSeries().stream().filter(x -> ((XYSeries) x).getKey().toString().contains(", step "))
                .count();
        assertEquals(2, current, "a current spectrum per run");
    }

    @Test
    void aMalformedFileShowsAnErrorAndTheAppKeepsWorking() throws Exception {
        waitForStep(1);
        Path bad = Files.createTempFile("lens-malformed", ".csv");
        Files.writeString(bad, "0.1,0.2,0\n0.3,oops,1\n");
        ComboBox<String> dataset = lookup("#dataset").queryComboBox();
        interact(() -> dataset.setValue(bad.toString()));
        NotificationPane pane = lookup("#notifications").queryAs(NotificationPane.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> pane.isShowing()
                && pane.getText() != null && pane.getText().contains(bad.getFileName().toString()));
        assertTrue(pane.getText().contains("line 2"), pane.getText());
        interact(() -> dataset.setValue("circles"));
        waitForResetTo("circles");
        assertEquals("", vm().lastError(), "the file error is gone with its cause");
        clickOn("#play");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> step() >= 5);
        assertTrue(status().startsWith("step ") && !status().contains(bad.getFileName().toString()), status());
        Files.deleteIfExists(bad);
    }

    @Test
    void rapidResetsLeaveOneComputeThread() throws TimeoutException {
        waitForStep(1);
        for (int i = 0; i < 20; i++) {
            type(KeyCode.R);
        }
        waitForStep(3);
        long compute = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("jacobian-lens-compute") && t.isAlive()).count();
        assertEquals(1, compute, "a single dedicated compute thread");
    }

    @Test
    void aNoiseSweepFromTheMenuFillsItsTableAndChartsPointByPoint() throws TimeoutException {
        waitForStep(1);
        clickOn("Sweeps").clickOn("Noise sweep…");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> {
            lookup("#sweepValues").queryAs(javafx.scene.control.TextField.class).setText("0, 1");
            @SuppressWarnings("unchecked")
            javafx.scene.control.Spinner<Integer> steps = lookup("#sweepSteps").queryAs(
                    javafx.scene.control.Spinner.class);
            steps.getValueFactory().setValue(150);
        });
        clickOn("#sweepRun");
        javafx.scene.control.TableView<?> table = lookup("#sweepTable").queryAs(javafx.scene.control.TableView.class);
        Label sweepStatus = lookup("#sweepStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> sweepStatus.getText().startsWith("Done"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, table.getItems().size(), sweepStatus.getText());
        assertTrue(sweepStatus.getText().startsWith("Done: 2 runs"), sweepStatus.getText());
        XYPlot errors = lookup("#sweepChart-error-vs-p").queryAs(ChartViewer.class).getChart().getXYPlot();
        assertEquals(2, items(errors), "one point per noise level");
        assertEquals(0.0, errors.getDataset().getXValue(0, 0));
        assertEquals(1.0, errors.getDataset().getXValue(0, 1));
    }

    @Test
    void theWidthSweepOpensEvenWhenTheMainRunHasNoStepLimit() throws TimeoutException {
        waitForStep(1);
        type(KeyCode.SPACE); // pause
        interact(() -> {
            javafx.scene.control.TextField steps = lookup("#maxSteps").queryAs(javafx.scene.control.TextField.class);
            steps.setText("0");
            steps.fireEvent(new javafx.event.ActionEvent()); // Enter: apply the step limit
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().runSettings().maxSteps() == 0);
        clickOn("Sweeps").clickOn("Width sweep…");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("width m", lookup("#sweepKind").queryAs(javafx.scene.control.ChoiceBox.class)
                .getConverter().toString(lookup("#sweepKind").queryAs(javafx.scene.control.ChoiceBox.class)
                        .getValue()));
        assertEquals("64, 256, 1024, 4096",
                lookup("#sweepValues").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals(3, lookup(n -> n.getId() != null && n.getId().startsWith("sweepChart-")).queryAll().size(),
                "the three width charts, empty until a run finishes");
    }
}
