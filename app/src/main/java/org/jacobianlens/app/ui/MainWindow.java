package org.jacobianlens.app.ui;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.animation.PauseTransition;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.controlsfx.control.NotificationPane;
import org.jacobianlens.app.charts.CurvesPanel;
import org.jacobianlens.app.charts.DecisionPanel;
import org.jacobianlens.app.charts.ProjectionPanel;
import org.jacobianlens.app.charts.SpectrumPanel;
import org.jacobianlens.app.charts.TheoryPanel;
import org.jacobianlens.app.lessons.Lesson;
import org.jacobianlens.app.viewmodel.AutoReset;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.app.viewmodel.PulseStats;
import org.jacobianlens.app.charts.PanelOptions;
import org.jacobianlens.app.viewmodel.Settings;
import org.jacobianlens.app.viewmodel.SessionBridge;
import org.jacobianlens.app.viewmodel.Timeline;
import org.jacobianlens.app.timeline.TimelineBar;
import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.sweep.SweepSpec;

/**
 * The main window, composed: controls on the left, the three live panels (reflowing on narrow screens), the
 * optional theory panel, a status line, menus. The pieces each do one job: {@link ControlPanel} binds the
 * settings, {@link RenderLoop} draws, {@link StatusLine} reports, {@link LessonPlayer} runs lessons,
 * {@link MainMenus} holds every command and shortcut.
 */
public final class MainWindow {
    private final LensViewModel vm;
    private final AutoReset autoReset;
    private final PauseTransition quiet = new PauseTransition(Duration.millis(300));
    private final ControlPanel controls;
    private final SpectrumPanel spectrum = new SpectrumPanel();
    private final ProjectionPanel projections = new ProjectionPanel();
    private final CurvesPanel curves = new CurvesPanel();
    private final TheoryPanel theoryPanel = new TheoryPanel();
    private final DecisionPanel decision = new DecisionPanel();
    private final Timeline timeline = new Timeline();
    private final VBox theoryBox;
    private final LessonPlayer lessons;
    private final FileMenu fileMenu;
    private final MainMenus menus;
    private final RenderLoop render;
    private final StatusLine status;
    private final BorderPane root;
    private final NotificationPane notifications;
    private final ExecutorService io = daemon("jacobian-lens-files");
    private final PreviewLoader preview;
    private SweepWindow sweepWindow;
    private Stage stage;

    Stage stage() {
        return stage;
    }

    public MainWindow(LensViewModel vm) {
        this.vm = vm;
        autoReset = new AutoReset(vm.model(), vm, quiet::playFromStart);
        quiet.setOnFinished(e -> autoReset.fire());
        controls = new ControlPanel(vm, new ControlPanel.Commands(this::togglePlay, this::step, this::resetNow,
                this::compare), this::notify);
        PanelViewer spectrumView = new PanelViewer(spectrum.chart(), "spectrumChart", SpectrumPanel.TOOLTIP);
        PanelViewer theoryView = new PanelViewer(theoryPanel.chart(), "theoryChart",
                vm.view().theoryView().get().tooltip());
        PanelViewer decisionView = new PanelViewer(decision.chart(), "decisionChart", DecisionPanel.TOOLTIP);
        decisionView.setVisible(false);
        ChartGrid charts = new ChartGrid(java.util.List.of(spectrumView,
                new PanelViewer(projections.chart(), "projectionChart", ProjectionPanel.TOOLTIP),
                new PanelViewer(curves.chart(), "curvesChart", CurvesPanel.TOOLTIP), decisionView));
        // Every panel draws what the timeline shows: the latest snapshot while live, a cut back in time when scrubbed.
        timeline.sourceProperty().bind(vm.latestProperty());
        timeline.shownProperty().addListener((o, a, b) -> {
            decisionView.setVisible(b != null && DecisionPanel.applies(b));
            // The kernels are those of the inputs the network trains on: the spectrum's tooltip says which.
            Settings run = vm.runSettings();
            spectrumView.tip(b == null || run == null ? SpectrumPanel.TOOLTIP : SpectrumPanel.tooltip(
                    b.lane(0).info().preprocessing(), run.unitNorm(), run.biasInput()));
        });
        ComboBox<TheoryPanel.View> theoryChoice = ControlPanel.theoryChoice(vm.view());
        vm.view().theoryView().addListener((o, a, b) -> theoryView.tip(b.tooltip()));
        theoryView.setPrefHeight(300);
        theoryView.setMinHeight(120);
        theoryBox = new VBox(4, new HBox(8, new Label("Theory panel:"), theoryChoice), theoryView);
        VBox.setVgrow(theoryView, Priority.ALWAYS);
        theoryBox.managedProperty().bind(theoryBox.visibleProperty());
        theoryBox.visibleProperty().bind(vm.view().theoryPanel());
        fileMenu = new FileMenu(vm, () -> stage, this::notify, io, vm.view()::toMap, this::opened,
                Map.of("Spectrum", spectrum.chart(), "Label projections", projections.chart(),
                        "Training curves", curves.chart(), "Theory panel", theoryPanel.chart()),
                vm.view()::panelOptions);
        lessons = new LessonPlayer(vm, fileMenu::setPreset);
        VBox center = new VBox(6, lessons.node(), charts, new TimelineBar(timeline), theoryBox);
        VBox.setVgrow(charts, Priority.ALWAYS);
        render = new RenderLoop(vm, timeline, new RenderLoop.Panels(spectrum, projections, curves, theoryPanel,
                decision), theoryBox::isVisible, decisionView::isVisible, s -> status().update(s));
        status = new StatusLine(vm, render.renderStats(), controls);
        menus = new MainMenus(fileMenu, new WindowCommands(this, vm, autoReset));
        root = new BorderPane(center);
        root.setLeft(controls);
        root.setBottom(status.node());
        root.setTop(menus.node());
        notifications = new NotificationPane(root);
        notifications.setId("notifications");
        notifications.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        notifications.setShowFromTop(false); // over the status bar, never over the Play button
        vm.onError(this::notify);
        vm.runStateProperty().addListener((o, a, b) -> {
            if (b == RunState.DIVERGED || b == RunState.FAILED) {
                vm.pause(); // the view-model reports the message; the window stays usable
            }
        });
        new PresentationMode(notifications, root, controls).follow(vm.view().presentation());
        preview = new PreviewLoader(controls.thumbnail(), vm.model().dataset()::get);
        vm.model().dataset().addListener((o, a, b) -> preview.load(b));
        CutoffDrag.install(spectrumView, spectrum, f -> {
            vm.view().cutoff().set(f);
            vm.view().topK().set(0);
        });
        render.start();
        preview.load(vm.model().dataset().get());
    }

    private StatusLine status() {
        return status;
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public Parent root() {
        return notifications;
    }

    /** Binds the window to its stage: sized to the screen, shortcuts aware of the focus. */
    public void attach(Stage s) {
        stage = s;
        menus.attach(s.getScene());
        WindowFit.fit(s);
    }

    void togglePlay() {
        if (vm.playingProperty().get() || autoReset.commit() != null) {
            vm.togglePlay();
        }
    }

    void step() {
        if (autoReset.commit() != null) {
            vm.step();
        }
    }

    void resetNow() {
        quiet.stop();
        autoReset.resetNow();
    }

    private void compare(Comparison.Knob knob) {
        if (autoReset.commit() != null) {
            if (knob == null) {
                vm.single();
            } else {
                vm.compare(knob);
            }
        }
    }

    /** A one-line message over the status bar, hidden after 8 s. */
    public void notify(String text) {
        notifications.setText(text);
        notifications.show();
        PauseTransition hide = new PauseTransition(Duration.seconds(8));
        hide.setOnFinished(e -> notifications.hide());
        hide.play();
    }

    /** Starts training at once, so the app opens animating the default dataset; setting changes reset from now. */
    public void autoStart(boolean play) {
        autoReset.arm();
        quiet.stop();
        if (autoReset.commit() != null) {
            vm.reset();
            if (play) {
                vm.play();
            }
        }
    }

    /**
     * Back to what a fresh start shows: the default settings and view, one run, no lesson text, no ghost, playing
     * (where the screenshot tour's last scenes start, after lessons and sweeps changed everything).
     */
    public void fresh() {
        lessons.close();
        vm.view().presentation().set(false);
        vm.view().fromMap(java.util.Map.of("cutoff", Double.toString(PanelOptions.defaults().cutoff())));
        vm.model().load(Settings.defaults());
        autoReset.commit();
        vm.single();
        vm.clearGhost();
        vm.play();
    }

    /** Pulse-interval statistics (for the pulse and live measurements). */
    public PulseStats pulseStats() {
        return render.pulseStats();
    }

    public PulseStats renderStats() {
        return render.renderStats();
    }

    /** The timeline the panels draw from (the scrubber's model). */
    public Timeline timeline() {
        return timeline;
    }

    /** Opens a lesson: its settings, mode, view and text, then plays. */
    public void lesson(Lesson l) {
        lessons.play(l);
    }

    private void opened(org.jacobianlens.app.session.Session s) {
        lessons.opened(s);
    }

    /** Shows the settings remembered at the last exit (if any) in the controls. */
    public void restoreLastSettings() {
        fileMenu.lastSettings().ifPresent(sess -> {
            try {
                SessionBridge.restore(vm, sess);
                opened(sess);
            } catch (RuntimeException e) {
                notify("Could not restore the last settings: " + e.getMessage());
            }
        });
    }

    /** The title of the last file dialog opened (for the UI tests). */
    public javafx.beans.property.ReadOnlyStringProperty lastFileDialogProperty() {
        return fileMenu.lastDialogProperty();
    }

    /** The view-model the window shows (UI tests read state from it, not from the status text). */
    public LensViewModel viewModel() {
        return vm;
    }

    /** Opens (or brings back) the sweep window for {@code kind}, based on the current settings. */
    public SweepWindow openSweep(SweepSpec.Kind kind) {
        if (sweepWindow == null) {
            sweepWindow = new SweepWindow(stage, () -> vm.settings().toConfig(), this::notify, io, () -> {
                if (vm.playingProperty().get()) {
                    vm.pause();
                    notify("Training paused while the sweep runs, so the sweep gets the cores");
                }
            });
        }
        autoReset.commit();
        sweepWindow.show(kind);
        return sweepWindow;
    }

    public void shutdown() {
        if (sweepWindow != null) {
            sweepWindow.shutdown();
        }
        fileMenu.rememberSettings();
        io.shutdown();
        preview.shutdown();
        vm.shutdown();
    }
}
