package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.jacobianlens.app.charts.DecisionPanel;
import org.jacobianlens.app.charts.PanelOptions;
import org.jacobianlens.app.charts.SpectrumPanel;
import org.jacobianlens.app.timeline.TimelineBar;
import org.jacobianlens.app.viewmodel.Timeline;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline bar moves the spectrum and the decision map back to a recorded step and returns to live. */
class TimelineBarIT extends FxRobot {
    private static GroupSnapshot group;
    private final Timeline timeline = new Timeline();
    private final SpectrumPanel spectrum = new SpectrumPanel();
    private final DecisionPanel decision = new DecisionPanel();
    private TimelineBar bar;

    @BeforeAll
    static void train() throws Exception {
        RunConfig c = RunConfig.defaults()
                .withData(new DatasetSpec("spirals", null, 80, 20, 0.1, false, false, false, 4))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 256, 1)
                .withStop(60, 0)
                .withAnalysis(20, 80, 0.1)
                .withAnalysisShare(0);
        try (TrainingRun r = new TrainingRun(c, 1)) {
            group = new GroupSnapshot(3, List.of("run"), List.of(r.advance(60)));
        }
    }

    @BeforeEach
    void show() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            bar = new TimelineBar(timeline);
            timeline.shownProperty().addListener((o, was, g) -> {
                spectrum.update(g, g.lanes().stream().map(Snapshot::latestFrame).toList(), PanelOptions.defaults());
                decision.update(g, PanelOptions.defaults());
            });
            BorderPane root = new BorderPane(new VBox(new ChartViewer(spectrum.chart()),
                    new ChartViewer(decision.chart())));
            root.setBottom(bar);
            stage.setScene(new Scene(root, 800, 600));
            stage.show();
            timeline.sourceProperty().set(group);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    private double firstSingularValue() {
        return spectrum.plot().getDataset().getYValue(0, 0);
    }

    @Test
    void scrubbingMovesTheSpectrumToTheFrameAtThatStepAndLiveReturns() {
        assertTrue(DecisionPanel.applies(group), "spirals: the decision panel appears");
        AnalysisFrame at20 = group.lane(0).frames().stream().filter(f -> f.step() == 20).findFirst().orElseThrow();
        AnalysisFrame last = group.lane(0).latestFrame();
        assertTrue(Math.abs(at20.eigenvalues()[0] - last.eigenvalues()[0]) > 1e-9 * last.eigenvalues()[0],
                "training moved the spectrum, so the two frames can be told apart");
        assertEquals(Math.sqrt(last.eigenvalues()[0]), firstSingularValue(), 1e-12, "live: the latest frame");

        interact(() -> bar.slider().setValue(23)); // as a drag would: the nearest recorded frame is at step 20
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(20, timeline.stepProperty().get());
        assertEquals(Math.sqrt(at20.eigenvalues()[0]), firstSingularValue(), 1e-12, "the frame at step 20");
        assertEquals(20, decision.shown().step(), "the decision map moved too");
        assertEquals("step 20 of 60", bar.stepLabel().getText());

        clickOn("#timeline-live");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(timeline.isLive());
        assertSame(group, timeline.shownProperty().get());
        assertEquals(Math.sqrt(last.eigenvalues()[0]), firstSingularValue(), 1e-12);
        assertEquals(60, decision.shown().step());
    }
}
