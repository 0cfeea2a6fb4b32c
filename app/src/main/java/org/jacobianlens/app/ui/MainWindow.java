package org.jacobianlens.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.jacobianlens.app.charts.CurvesPanel;
import org.jacobianlens.app.charts.PanelOptions;
import org.jacobianlens.app.charts.ProjectionPanel;
import org.jacobianlens.app.charts.SpectrumPanel;
import org.jacobianlens.app.charts.TheoryPanel;
import org.jacobianlens.app.lessons.Lesson;
import org.jacobianlens.app.lessons.LessonCatalog;
import org.jacobianlens.app.viewmodel.FrameTween;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.app.viewmodel.Preview;
import org.jacobianlens.app.viewmodel.PulseStats;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jfree.chart.fx.ChartViewer;

/**
 * The main window: controls on the left, the three live panels side by side, a status bar. Views bind to the
 * {@link LensViewModel}; an {@link AnimationTimer} renders the latest snapshot at most once per pulse (coalesced:
 * intermediate snapshots are skipped), blending analysis frames while a new one fades in.
 */
final class MainWindow {
    private static final long TWEEN_NANOS = 350_000_000L;

    private final LensViewModel vm;
    private final ControlPanel controls = new ControlPanel();
    private final SpectrumPanel spectrum = new SpectrumPanel();
    private final ProjectionPanel projections = new ProjectionPanel();
    private final CurvesPanel curves = new CurvesPanel();
    private final ChartViewer spectrumView = viewer(spectrum.chart(), "spectrumChart", SpectrumPanel.TOOLTIP);
    private final ChartViewer projectionView = viewer(projections.chart(), "projectionChart", ProjectionPanel.TOOLTIP);
    private final ChartViewer curvesView = viewer(curves.chart(), "curvesChart", CurvesPanel.TOOLTIP);
    private final TheoryPanel theoryPanel = new TheoryPanel();
    private final ChartViewer theoryView = viewer(theoryPanel.chart(), "theoryChart", "");
    private final ComboBox<TheoryPanel.View> theoryChoice = new ComboBox<>();
    private final VBox theoryBox;
    private final Label lessonText = new Label();
    private final VBox lessonBox;
    private final FileMenu fileMenu;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jacobian-lens-files");
        t.setDaemon(true);
        return t;
    });
    private String lessonId;
    private SweepWindow sweepWindow;
    private final StatusBar status = new StatusBar();
    private final NotificationPane notifications;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(300));
    private final List<FrameTween> tweens = new ArrayList<>();
    private final PulseStats pulses = new PulseStats(3600);
    private final PulseStats renders = new PulseStats(3600);
    private final ExecutorService previewThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jacobian-lens-preview");
        t.setDaemon(true);
        return t;
    });
    private final BorderPane root;
    private Stage stage;
    private GroupSnapshot drawn;
    private PanelOptions drawnOptions;
    private long lastPulse;
    private long lastRate = System.nanoTime();
    private int lastStep;
    private int lastFrames;
    private double stepsPerSecond;
    private double framesPerSecond;
    private boolean showing;
    private boolean debounceOff;
    private boolean dirtyTheory;
    private boolean dirtySpectrum;
    private boolean dirtyProjections;
    private boolean dirtyCurves;
    private boolean dirtyStatus;
    private long pulseCount;

    MainWindow(LensViewModel vm) {
        this.vm = vm;
        HBox charts = new HBox(6, spectrumView, projectionView, curvesView);
        for (Node n : charts.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setPrefWidth(480);
            ((Region) n).setMinWidth(200);
        }
        theoryChoice.getItems().addAll(TheoryPanel.View.values());
        theoryChoice.setValue(TheoryPanel.View.ALIGNMENT);
        theoryChoice.setId("theoryChoice");
        Tooltip.install(theoryChoice, new Tooltip("Which of the papers' overlays the bottom panel shows."));
        theoryChoice.valueProperty().addListener((o, a, b) -> {
            Tooltip t = new Tooltip(b.tooltip());
            t.setWrapText(true);
            t.setMaxWidth(420);
            Tooltip.install(theoryView, t);
            dirtyTheory = true;
        });
        theoryChoice.getSelectionModel().select(TheoryPanel.View.RESIDUAL);
        theoryChoice.getSelectionModel().select(TheoryPanel.View.ALIGNMENT);
        theoryView.setPrefHeight(300);
        theoryBox = new VBox(4, new HBox(8, new Label("Theory panel:"), theoryChoice), theoryView);
        VBox.setVgrow(theoryView, Priority.ALWAYS);
        lessonText.setWrapText(true);
        lessonText.setId("lessonText");
        Button closeLesson = new Button("×");
        closeLesson.setOnAction(e -> showLesson(null));
        Tooltip.install(closeLesson, new Tooltip("Close the lesson text."));
        HBox lessonRow = new HBox(8, lessonText, closeLesson);
        HBox.setHgrow(lessonText, Priority.ALWAYS);
        lessonBox = new VBox(lessonRow);
        lessonBox.setStyle("-fx-background-color: #fff8dc; -fx-padding: 8; -fx-border-color: #e0d7a8;");
        VBox center = new VBox(6, lessonBox, charts, theoryBox);
        VBox.setVgrow(charts, Priority.ALWAYS);
        lessonBox.managedProperty().bind(lessonBox.visibleProperty());
        theoryBox.managedProperty().bind(theoryBox.visibleProperty());
        lessonBox.setVisible(false);
        theoryBox.visibleProperty().bind(controls.theoryPanel.selectedProperty());
        root = new BorderPane(center);
        root.setLeft(controls);
        root.setBottom(status);
        status.setId("status");
        status.setText("Press Play to train");
        fileMenu = new FileMenu(vm, () -> stage, this::notify, io, this::viewOptions, this::opened,
                java.util.Map.of("Spectrum", spectrum.chart(), "Label projections", projections.chart(),
                        "Training curves", curves.chart(), "Theory panel", theoryPanel.chart()), this::options);
        Menu lessons = new Menu("Lessons");
        for (Lesson l : LessonCatalog.all()) {
            MenuItem item = new MenuItem(l.title() + " (" + l.paper() + ")");
            item.setId("lesson-" + l.id());
            item.setOnAction(e -> lesson(l));
            lessons.getItems().add(item);
        }
        Menu sweeps = new Menu("Sweeps");
        MenuItem noiseSweep = new MenuItem("Noise sweep…");
        noiseSweep.setId("noiseSweep");
        noiseSweep.setOnAction(e -> openSweep(org.jacobianlens.core.sweep.SweepSpec.Kind.NOISE));
        MenuItem widthSweep = new MenuItem("Width sweep…");
        widthSweep.setId("widthSweep");
        widthSweep.setOnAction(e -> openSweep(org.jacobianlens.core.sweep.SweepSpec.Kind.WIDTH));
        sweeps.getItems().addAll(noiseSweep, widthSweep);
        MenuBar bar = new MenuBar(fileMenu.menu(), lessons, sweeps);
        bar.setId("menuBar");
        root.setTop(bar);
        notifications = new NotificationPane(root);
        notifications.setId("notifications");
        notifications.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        notifications.setShowFromTop(false); // over the status bar, never over the Play button
        wire();
        loadPreview(controls.dataset.getValue());
    }

    private static ChartViewer viewer(org.jfree.chart.JFreeChart chart, String id, String tip) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        Tooltip t = new Tooltip(tip);
        t.setWrapText(true);
        t.setMaxWidth(420);
        Tooltip.install(v, t);
        return v;
    }

    Parent root() {
        return notifications;
    }

    void attach(Stage s) {
        stage = s;
        s.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!(s.getScene().getFocusOwner() instanceof TextInputControl) && onKey(e.getCode())) {
                e.consume();
            }
        });
    }

    private void wire() {
        vm.onError(this::notify);
        vm.playingProperty().addListener((o, a, b) -> controls.play.setText(b ? "Pause" : "Play"));
        vm.statusProperty().addListener((o, a, b) -> {
            if (vm.latestProperty().get() == null) {
                status.setText(b);
            }
        });
        vm.busyProperty().addListener((o, a, b) -> status.setProgress(b ? ProgressBar.INDETERMINATE_PROGRESS : 0));
        vm.latestProperty().addListener((o, a, b) -> {
            if (b == null) {
                tweens.clear();
            }
        });
        vm.compareKnobProperty().addListener((o, a, b) -> controls.compare.setText(
                b == null ? "Compare" : "Comparing " + b.display()));
        controls.play.setOnAction(e -> vm.togglePlay());
        controls.step.setOnAction(e -> vm.step());
        controls.reset.setOnAction(e -> applyNow());
        for (var item : controls.compare.getItems()) {
            item.setOnAction(e -> {
                var knob = controls.knob(item);
                if (readInto()) {
                    if (knob == null) {
                        vm.single();
                    } else {
                        vm.compare(knob);
                    }
                }
            });
        }
        debounce.setOnFinished(e -> applyNow());
        controls.noise.valueProperty().addListener((o, a, b) -> {
            controls.noiseLabel.setText(String.format("label noise %.0f %%", b.doubleValue()));
            changed();
        });
        controls.widthLog2.valueProperty().addListener((o, a, b) -> changed());
        controls.n.valueChangingProperty().addListener((o, a, b) -> {
            if (!b) {
                changed();
            }
        });
        controls.dataset.valueProperty().addListener((o, a, b) -> {
            changed();
            loadPreview(b);
        });
        for (var p : List.of(controls.model.valueProperty(), controls.optimizer.valueProperty(),
                controls.loss.valueProperty(), controls.nTest.valueProperty(), controls.depth.valueProperty(),
                controls.seed.valueProperty(), controls.analyzeN.valueProperty(),
                controls.analyzeEvery.valueProperty(), controls.center.selectedProperty())) {
            p.addListener((o, a, b) -> changed());
        }
        for (var t : List.of(controls.classes, controls.learningRate, controls.maxSteps, controls.targetLoss)) {
            t.setOnAction(e -> changed());
            t.focusedProperty().addListener((o, a, b) -> {
                if (!b) {
                    changed();
                }
            });
        }
        controls.speed.valueProperty().addListener((o, a, b) -> vm.stepsPerFrameProperty().set(b.intValue()));
        controls.presentation.selectedProperty().addListener((o, a, b) -> presentation(b));
        // Dragging the cutoff line moves the information/nuisance split (display only); the line is a fraction
        // of σ₁ again after a drag.
        CutoffDrag.install(spectrumView, spectrum, f -> {
            vm.cutoffProperty().set(f);
            controls.topK.getValueFactory().setValue(0);
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        }.start();
    }

    /** A setting changed: reset after a short quiet period (a dragged slider resets once). */
    private void changed() {
        if (showing && !debounceOff) {
            debounce.playFromStart();
        }
    }

    private void applyNow() {
        debounce.stop();
        if (readInto()) {
            vm.reset();
        }
    }

    /** Reads the controls into the view-model's settings; false (and a notification) when a value is invalid. */
    private boolean readInto() {
        try {
            vm.applySilently(controls.read());
            return true;
        } catch (IllegalArgumentException ex) {
            notify(ex.getMessage());
            return false;
        }
    }

    private void notify(String text) {
        notifications.setText(text);
        notifications.show();
        PauseTransition hide = new PauseTransition(Duration.seconds(8));
        hide.setOnFinished(e -> notifications.hide());
        hide.play();
    }

    private void loadPreview(String dataset) {
        if (dataset == null || dataset.isBlank()) {
            return;
        }
        controls.thumbnail.message("loading preview …");
        previewThread.submit(() -> {
            try {
                Preview p = Preview.load(dataset);
                Platform.runLater(() -> {
                    if (dataset.equals(controls.dataset.getValue())) {
                        controls.thumbnail.show(p);
                    }
                });
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> controls.thumbnail.message("no preview: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
        });
    }

    /** Starts training at once, so the app opens animating the default dataset. */
    void autoStart(boolean play) {
        showing = true;
        if (readInto()) {
            vm.reset();
            if (play) {
                vm.play();
            }
        }
    }

    /** Keyboard shortcuts; returns whether the key was used. */
    boolean onKey(KeyCode code) {
        switch (code) {
            case SPACE -> vm.togglePlay();
            case S -> vm.step();
            case R -> applyNow();
            case C -> {
                if (readInto()) {
                    vm.toggleCompare();
                }
            }
            case F -> {
                if (stage != null) {
                    stage.setFullScreen(!stage.isFullScreen());
                }
            }
            case P -> controls.presentation.setSelected(!controls.presentation.isSelected());
            default -> {
                return false;
            }
        }
        return true;
    }

    private void presentation(boolean on) {
        String cls = "presentation";
        // On a projector the pictures get the whole screen: the controls hide (P brings them back).
        root.setLeft(on ? null : controls);
        if (on) {
            notifications.getStyleClass().add(cls);
            notifications.setStyle("-fx-font-size: 18px;");
        } else {
            notifications.getStyleClass().remove(cls);
            notifications.setStyle("");
        }
    }

    PanelOptions options() {
        return new PanelOptions(vm.cutoffProperty().get(), controls.eigenvalues.isSelected(),
                controls.logSteps.isSelected(), controls.presentation.isSelected(), controls.theory.isSelected(),
                controls.topK.getValue() == null ? 0 : controls.topK.getValue());
    }

    private void pulse(long now) {
        if (lastPulse != 0) {
            pulses.add((now - lastPulse) / 1e6);
        }
        lastPulse = now;
        GroupSnapshot s = vm.latestProperty().get();
        if (s == null) {
            return;
        }
        PanelOptions o = options();
        boolean moving = false;
        while (tweens.size() < s.size()) {
            tweens.add(new FrameTween(TWEEN_NANOS));
        }
        if (s != drawn) {
            for (int i = 0; i < s.size(); i++) {
                AnalysisFrame f = s.lane(i).latestFrame();
                if (f != null) {
                    tweens.get(i).target(f, now);
                }
            }
        }
        for (int i = 0; i < s.size(); i++) {
            moving |= tweens.get(i).moving(now);
        }
        if (s == drawn && o.equals(drawnOptions) && !moving && !dirtySpectrum && !dirtyProjections && !dirtyCurves
                && !dirtyTheory) {
            return;
        }
        long t0 = System.nanoTime();
        if (s != drawn || !o.equals(drawnOptions)) {
            dirtyCurves = true;
            dirtyStatus = true;
        }
        // At most one chart redraws per pulse, in turn: a JFreeChart redraw costs 10–25 ms in software rendering,
        // so drawing all three in one pulse would stall it; each chart still updates at 15–20 frames per second.
        int turn = (int) (pulseCount++ % 4);
        boolean tween = moving || s != drawn || !o.equals(drawnOptions);
        if (tween) {
            dirtySpectrum = true;
            dirtyProjections = true;
        }
        if (s != drawn || !o.equals(drawnOptions)) {
            dirtyTheory = true;
        }
        for (int k = 0; k < 4; k++) {
            int which = (turn + k) % 4;
            if (which == 3 && dirtyTheory) {
                dirtyTheory = false;
                if (theoryBox.isVisible()) {
                    theoryPanel.update(s, theoryChoice.getValue(), o);
                    break;
                }
                continue;
            }
            if (which == 0 && dirtySpectrum) {
                spectrum.update(s, shown(s, now), o);
                dirtySpectrum = false;
                break;
            }
            if (which == 1 && dirtyProjections) {
                projections.update(s, shown(s, now), o);
                dirtyProjections = false;
                break;
            }
            if (which == 2 && dirtyCurves) {
                curves.update(s, vm.ghostProperty().get(), o);
                dirtyCurves = false;
                break;
            }
        }
        if (dirtyStatus) {
            updateStatus(s, now);
            dirtyStatus = false;
        }
        drawn = s;
        drawnOptions = o;
        renders.add((System.nanoTime() - t0) / 1e6);
    }

    private List<AnalysisFrame> shown(GroupSnapshot s, long now) {
        List<AnalysisFrame> shown = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            shown.add(tweens.get(i).at(now));
        }
        return shown;
    }

    private void updateStatus(GroupSnapshot s, long now) {
        if (now - lastRate > 2_000_000_000L) {
            double dt = (now - lastRate) / 1e9;
            int frames = s.lane(0).framesTaken();
            stepsPerSecond = Math.max(0, (s.step() - lastStep) / dt);
            framesPerSecond = Math.max(0, (frames - lastFrames) / dt);
            lastStep = s.step();
            lastFrames = frames;
            lastRate = now;
        }
        Runtime rt = Runtime.getRuntime();
        var info = s.lane(0).info();
        StringBuilder changed = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            changed.append(i == 0 ? "" : " | ").append(s.lane(i).info().changed());
        }
        String lanes = s.size() > 1 ? s.size() + " runs compared   " : "";
        String hint = controls.presentation.isSelected() ? "   (P: leave presentation mode, F: full screen)" : "";
        status.setText(String.format("step %d   %.0f steps/s   %.1f analysis frames/s   %s%s, %s of %d labels "
                        + "changed   heap %d MB   frame p99 %.0f ms   %s", s.step(), stepsPerSecond, framesPerSecond,
                lanes, info.dataset(), changed, info.nTrain(), (rt.totalMemory() - rt.freeMemory()) >> 20,
                renders.quantile(0.99), s.lane(0).message()) + hint);
        controls.noiseLabel.setText(String.format("label noise %.0f %% (%s labels changed)",
                controls.noise.getValue(), changed));
    }

    /** Pulse-interval and render-time statistics (for the pulse measurement). */
    PulseStats pulseStats() {
        return pulses;
    }

    PulseStats renderStats() {
        return renders;
    }

    ControlPanel controls() {
        return controls;
    }

    /** Opens a lesson: its settings, mode, view and text, then plays. */
    void lesson(Lesson l) {
        debounceOff = true;
        try {
            controls.show(l.settings());
            controls.logSteps.setSelected(l.logSteps());
            controls.eigenvalues.setSelected(l.eigenvalues());
            vm.cutoffProperty().set(l.cutoff());
            controls.topK.getValueFactory().setValue(0);
            controls.theoryPanel.setSelected(l.theoryView() != null);
            if (l.theoryView() != null) {
                theoryChoice.setValue(TheoryPanel.View.valueOf(l.theoryView()));
            }
        } finally {
            debounceOff = false;
        }
        debounce.stop();
        lessonId = l.id();
        fileMenu.setPreset(l.id());
        showLesson(l);
        vm.applySilently(l.settings());
        if (l.compare() == null) {
            vm.single();
        } else {
            vm.compare(org.jacobianlens.app.viewmodel.SessionBridge.knobOf(l.compare()));
        }
        vm.play();
    }

    private void showLesson(Lesson l) {
        lessonBox.setVisible(l != null);
        lessonText.setText(l == null ? "" : l.title() + " — " + l.paper() + "\n" + l.text());
        if (l == null) {
            lessonId = null;
        }
    }

    /** After a session was opened: show its settings in the controls without resetting. */
    private void opened(org.jacobianlens.app.session.Session s) {
        debounceOff = true;
        try {
            controls.show(vm.settings());
            var v = s.view();
            if (v.containsKey("cutoff")) {
                vm.cutoffProperty().set(Double.parseDouble(v.get("cutoff")));
            }
            controls.topK.getValueFactory().setValue(parseCount(v.getOrDefault("topK", "0")));
            controls.logSteps.setSelected(Boolean.parseBoolean(v.getOrDefault("logSteps", "false")));
            controls.eigenvalues.setSelected(Boolean.parseBoolean(v.getOrDefault("eigenvalues", "false")));
            if (v.containsKey("theoryView")) {
                controls.theoryPanel.setSelected(true);
                theoryChoice.setValue(TheoryPanel.View.valueOf(v.get("theoryView")));
            }
        } finally {
            debounceOff = false;
        }
        debounce.stop();
        if (s.preset() != null) {
            LessonCatalog.all().stream().filter(l -> l.id().equals(s.preset())).findFirst().ifPresent(this::showLesson);
        }
    }

    private static int parseCount(String s) {
        try {
            return Math.max(0, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return 0; // a display choice only: an odd value in a session falls back to the cutoff line
        }
    }

    private java.util.Map<String, String> viewOptions() {
        java.util.Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put("cutoff", Double.toString(vm.cutoffProperty().get()));
        v.put("topK", Integer.toString(controls.topK.getValue()));
        v.put("logSteps", Boolean.toString(controls.logSteps.isSelected()));
        v.put("eigenvalues", Boolean.toString(controls.eigenvalues.isSelected()));
        if (controls.theoryPanel.isSelected()) {
            v.put("theoryView", theoryChoice.getValue().name());
        }
        return v;
    }

    /** Shows the settings remembered at the last exit (if any) in the controls. */
    void restoreLastSettings() {
        fileMenu.lastSettings().ifPresent(sess -> {
            try {
                org.jacobianlens.app.viewmodel.SessionBridge.restore(vm, sess);
                opened(sess);
            } catch (RuntimeException e) {
                notify("Could not restore the last settings: " + e.getMessage());
            }
        });
    }

    FileMenu fileMenu() {
        return fileMenu;
    }

    void selectTheory(TheoryPanel.View v) {
        controls.theoryPanel.setSelected(true);
        theoryChoice.setValue(v);
    }

    /** Opens (or brings back) the sweep window for {@code kind}, based on the current settings. */
    SweepWindow openSweep(org.jacobianlens.core.sweep.SweepSpec.Kind kind) {
        if (sweepWindow == null) {
            sweepWindow = new SweepWindow(stage, () -> vm.settings().toConfig(), this::notify, io, () -> {
                if (vm.playingProperty().get()) {
                    vm.pause();
                    notify("Training paused while the sweep runs, so the sweep gets the cores");
                }
            });
        }
        sweepWindow.show(kind);
        return sweepWindow;
    }

    void shutdown() {
        if (sweepWindow != null) {
            sweepWindow.shutdown();
        }
        fileMenu.rememberSettings();
        io.shutdown();
        previewThread.shutdownNow();
        vm.shutdown();
    }

}
