package org.jacobianlens.app.ui;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.concurrent.Worker;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.jacobianlens.app.viewmodel.TrainingService;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;

/**
 * The main window: controls on the left, the three live panels side by side, a status bar. Snapshots arrive
 * from the {@link TrainingService}; an {@link AnimationTimer} renders the latest one at most once per pulse.
 */
final class MainWindow {
    private final TrainingService service;
    private final ControlPanel controls = new ControlPanel();
    private final SpectrumChart spectrum = new SpectrumChart();
    private final ProjectionChart projections = new ProjectionChart();
    private final CurvesChart curves = new CurvesChart();
    private final StatusBar status = new StatusBar();
    private final NotificationPane notifications;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(300));
    private Snapshot latest;
    private Snapshot drawn;
    private long frameCount;
    private long lastRate = System.nanoTime();
    private int lastStep;
    private double stepsPerSecond;

    MainWindow(TrainingService service) {
        this.service = service;
        HBox charts = new HBox(8, spectrum.node(), projections.node(), curves.node());
        for (var n : charts.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setPrefWidth(480);
        }
        BorderPane root = new BorderPane(charts);
        root.setLeft(controls);
        root.setBottom(status);
        status.setId("status");
        status.setText("Press Play to train");
        notifications = new NotificationPane(root);
        wire();
    }

    Parent root() {
        return notifications;
    }

    private void wire() {
        service.valueProperty().addListener((o, a, s) -> {
            if (s != null && s.runId() == service.currentRunId()) {
                latest = s;
            }
        });
        service.setOnFailed(e -> {
            Throwable t = service.getException();
            notifications.show("Could not run: " + (t == null ? "unknown error" : t.getMessage()));
            controls.play.setText("Play");
        });
        service.setOnSucceeded(e -> controls.play.setText("Play"));
        service.setOnCancelled(e -> controls.play.setText("Play"));
        service.messageProperty().addListener((o, a, m) -> {
            if (m != null && !m.isEmpty()) {
                status.setText(m);
            }
        });
        controls.play.setOnAction(e -> togglePlay());
        controls.step.setOnAction(e -> start(1));
        controls.reset.setOnAction(e -> reset());
        debounce.setOnFinished(e -> reset());
        controls.noise.valueProperty().addListener((o, a, b) -> {
            controls.noiseLabel.setText(String.format("label noise %.0f %%", b.doubleValue()));
            debounce.playFromStart();
        });
        controls.widthLog2.valueProperty().addListener((o, a, b) -> debounce.playFromStart());
        controls.n.valueChangingProperty().addListener((o, a, b) -> {
            if (!b) {
                debounce.playFromStart();
            }
        });
        controls.dataset.valueProperty().addListener((o, a, b) -> debounce.playFromStart());
        controls.model.valueProperty().addListener((o, a, b) -> debounce.playFromStart());
        controls.classes.setOnAction(e -> debounce.playFromStart());
        controls.speed.valueProperty().addListener((o, a, b) -> service.setStepsPerFrame(b.intValue()));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        }.start();
    }

    /** Starts training at once, so the app opens animating the default dataset. */
    void autoStart() {
        reset();
        start(Integer.MAX_VALUE);
    }

    void onKey(KeyCode code) {
        switch (code) {
            case SPACE -> togglePlay();
            case S -> start(1);
            case R -> reset();
            default -> { }
        }
    }

    private void togglePlay() {
        if (service.isRunning()) {
            service.cancel();
            controls.play.setText("Play");
        } else {
            start(Integer.MAX_VALUE);
        }
    }

    private void start(int budget) {
        if (service.isRunning()) {
            return;
        }
        service.setStepBudget(budget);
        controls.play.setText(budget == Integer.MAX_VALUE ? "Pause" : "Play");
        if (service.getState() == Worker.State.READY) {
            service.start();
        } else {
            service.restart();
        }
    }

    /** A changed setting restarts from initialization without asking (keeping the service's thread). */
    private void reset() {
        RunConfig c;
        try {
            c = controls.config();
        } catch (IllegalArgumentException ex) {
            notifications.show(ex.getMessage());
            return;
        }
        boolean wasRunning = service.isRunning();
        service.cancel();
        service.configure(c);
        latest = null;
        if (wasRunning) {
            start(Integer.MAX_VALUE);
        } else {
            status.setText("Settings changed: press Play to train from initialization");
        }
    }

    private void frame(long now) {
        Snapshot s = latest;
        if (s == null || s == drawn) {
            return;
        }
        drawn = s;
        double cutoff = 0.1;
        spectrum.render(s, cutoff);
        projections.render(s, cutoff);
        curves.render(s);
        frameCount++;
        if (now - lastRate > 500_000_000L) {
            stepsPerSecond = (s.step() - lastStep) / ((now - lastRate) / 1e9);
            lastStep = s.step();
            lastRate = now;
        }
        Runtime rt = Runtime.getRuntime();
        status.setText(String.format("step %d   %.0f steps/s   %d analysis frames   %s, %d of %d labels changed   "
                        + "heap %d MB   %s", s.step(), Math.max(stepsPerSecond, 0), s.frames().size(), s.info().dataset(),
                s.info().changed(), s.info().nTrain(), (rt.totalMemory() - rt.freeMemory()) >> 20, s.message()));
        controls.noiseLabel.setText(String.format("label noise %.0f %% (%d labels changed)",
                controls.noise.getValue(), s.info().changed()));
    }

    int[] pointCounts() {
        return new int[] {spectrum.pointCount(), projections.pointCount(), curves.pointCount()};
    }
}
