package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.StatusBar;
import org.jacobianlens.app.ui.LensApp;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
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

    private void waitForStep(int atLeast) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            String s = status();
            return s.startsWith("step ") && Integer.parseInt(s.split("\\s+")[1]) >= atLeast;
        });
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
    }

    @Test
    void movingTheNoiseSliderRestartsWithCorruptedLabels() throws TimeoutException {
        waitForStep(5);
        Slider noise = lookup("#noise").queryAs(Slider.class);
        interact(() -> noise.setValue(100));
        // The debounced reset restarts from initialization with every training label drawn at random
        // (K = 10, so about 90 % of them change); the label under the slider reports the count.
        Label noiseLabel = lookup("#noiseLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> noiseLabel.getText().matches("label noise 100 % \\(2[0-9]{2} labels changed\\)"));
        String label = noiseLabel.getText();
        assertTrue(label.matches("label noise 100 % \\((2[0-9]{2}) labels changed\\)"), label);
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
}
