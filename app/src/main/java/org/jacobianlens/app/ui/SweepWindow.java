package org.jacobianlens.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.jacobianlens.app.charts.SweepCharts;
import org.jacobianlens.app.export.SweepExport;
import org.jacobianlens.app.plan.SweepFolder;
import org.jacobianlens.app.viewmodel.SweepViewModel;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.sweep.SweepPlan;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;

/**
 * The papers' summary figures, live: a noise sweep (error, complexity, label energy, steps to a loss threshold and
 * alignment against p) or a width sweep (test error, NTK distance from H∞ and weight movement against m) of the main
 * window's current settings. Runs on its own background thread through a {@link SweepViewModel}; every finished
 * point lands in the table and the charts at once; Cancel keeps the finished points; Save writes the same CSV, JSON
 * and PNG files as the {@code sweep} command.
 */
public final class SweepWindow {
    /** One-sentence explanations of each chart, keyed by its file name. */
    private final SweepViewModel model = new SweepViewModel(Platform::runLater);
    private final Supplier<RunConfig> base;
    private final Consumer<String> notify;
    private final ExecutorService io;
    private final Runnable onStart;
    private final Stage stage = new Stage();
    private final ChoiceBox<SweepSpec.Kind> kind = new ChoiceBox<>();
    private final TextField values = new TextField();
    private final Spinner<Integer> steps = new Spinner<>(10, 1_000_000, 2000, 100);
    private final Spinner<Integer> topK = new Spinner<>(1, 1000, SweepSpec.DEFAULT_TOP_K);
    private final TextField threshold = new TextField(Double.toString(SweepSpec.DEFAULT_THRESHOLD));
    private final TextField seeds = new TextField();
    private final Button open = new Button("Open sweep folder…");
    private final Label baseLabel = new Label();
    private final Button run = new Button("Run sweep");
    private final Button cancel = new Button("Cancel");
    private final Button save = new Button("Save results…");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final SweepChartGrid charts = new SweepChartGrid();
    private final SweepTable table = new SweepTable(model);
    private long startedAt;

    /**
     * @param base    the current settings of the main window as a run configuration (may throw
     *                IllegalArgumentException with a message for the user)
     * @param notify  shows a message in the main window
     * @param io      the file thread
     * @param onStart called when a sweep starts (the main window pauses its own training to free the cores)
     */
    SweepWindow(Window owner, Supplier<RunConfig> base, Consumer<String> notify, ExecutorService io,
                Runnable onStart) {
        this.base = base;
        this.notify = notify;
        this.io = io;
        this.onStart = onStart;
        stage.initOwner(owner);
        stage.setTitle("Jacobian Lens — sweeps");
        kind.getItems().addAll(SweepSpec.Kind.values());
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SweepSpec.Kind k) {
                return k == null ? "" : k == SweepSpec.Kind.NOISE ? "label noise p" : "width m";
            }

            @Override
            public SweepSpec.Kind fromString(String s) {
                return s.startsWith("width") ? SweepSpec.Kind.WIDTH : SweepSpec.Kind.NOISE;
            }
        });
        kind.valueProperty().addListener((o, a, k) -> {
            values.setText(join(k.defaultValues(), k));
            layoutCharts(k);
            refreshBase();
        });
        steps.setEditable(true);
        topK.setEditable(true);
        kind.setId("sweepKind");
        values.setId("sweepValues");
        steps.setId("sweepSteps");
        run.setId("sweepRun");
        cancel.setId("sweepCancel");
        save.setId("sweepSave");
        seeds.setId("sweepSeeds");
        open.setId("sweepOpen");
        seeds.setPromptText("the main window's seed");
        status.setId("sweepStatus");
        tip(kind, "What the sweep varies; everything else stays as in the main window's controls.");
        tip(values, "The values to train at, separated by commas: noise levels between 0 and 1, or whole widths.");
        tip(steps, "Training steps per run: every run gets the same budget.");
        tip(topK, "k of the label energy in the top-k eigenvectors plotted against p.");
        tip(threshold, "A run reaches the threshold at the first step whose loss is at most this fraction of its "
                + "initial loss.");
        tip(run, "Train one network per value in the background, on the same data and starting weights.");
        tip(cancel, "Stop after the current chunk of steps; the finished runs stay.");
        tip(seeds, "Seeds to train every value at: a count such as 5 (the main window's seed and the next ones) "
                + "or a list such as 1,2,3. The charts show the mean with ± one standard deviation.");
        tip(open, "Show a sweep saved earlier, or collected from a cluster (a folder with sweep.json or plan.json).");
        tip(save, "Write sweep.csv, sweep.json and the charts as PNG files into a folder.");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        int r = 0;
        form.addRow(r++, new Label("Sweep over"), kind);
        form.addRow(r++, new Label("Values"), values);
        form.addRow(r++, new Label("Steps per run"), steps);
        form.addRow(r++, new Label("Top-k"), topK);
        form.addRow(r++, new Label("Loss threshold"), threshold);
        form.addRow(r++, new Label("Seeds"), seeds);
        baseLabel.setWrapText(true);
        baseLabel.setMaxWidth(300);
        Label note = new Label("Every run shares the data, the seed and the starting weights; noise is nested "
                + "(the labels corrupted at p = 0.2 are also corrupted at 0.4). Training in the main window pauses "
                + "while a sweep runs.");
        note.setWrapText(true);
        note.setMaxWidth(300);
        note.setStyle("-fx-text-fill: #555;");
        HBox buttons = new HBox(8, run, cancel);
        VBox left = new VBox(12, form, buttons, new HBox(8, save, open), new Label("Base run (from the main window):"), baseLabel,
                note);
        left.setPadding(new Insets(10));
        left.setPrefWidth(320);

        VBox center = new VBox(6, charts, table);
        VBox.setVgrow(charts, Priority.ALWAYS);
        center.setPadding(new Insets(10, 10, 0, 0));
        progress.setPrefWidth(260);
        progress.setId("sweepProgress");
        HBox bottom = new HBox(10, progress, status);
        bottom.setPadding(new Insets(6, 10, 6, 10));
        javafx.scene.control.ScrollPane leftScroll = new javafx.scene.control.ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        BorderPane root = new BorderPane(center, null, null, bottom, leftScroll);
        // Sized to the screen like the main window, so Run sweep is on screen at 1280×720.
        javafx.geometry.Rectangle2D size = WindowFit.initial();
        stage.setScene(new Scene(root, Math.min(1500, size.getWidth()), Math.min(920, size.getHeight())));

        progress.progressProperty().bind(model.progressProperty());
        status.textProperty().bind(model.statusProperty());
        run.disableProperty().bind(model.runningProperty());
        cancel.disableProperty().bind(model.runningProperty().not());
        save.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.points()));
        model.points().addListener((ListChangeListener<SweepPoint>) c -> redraw());
        model.onError(notify);
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> model.cancel());
        save.setOnAction(e -> saveResults());
        open.setOnAction(e -> openFolder());
        stage.setOnHidden(e -> model.cancel());
    }

    /** Shows the window set up for {@code k}, reading the main window's current settings as the base. */
    void show(SweepSpec.Kind k) {
        if (kind.getValue() != k && !model.runningProperty().get()) {
            kind.setValue(k);
        }
        refreshBase();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    public SweepViewModel model() {
        return model;
    }

    /** Stops the sweep thread for good (the app closes). */
    void shutdown() {
        model.shutdown();
    }

    private void refreshBase() {
        try {
            RunConfig c = base.get();
            baseLabel.setText(SweepCharts.subtitle(c) + (kind.getValue() == SweepSpec.Kind.NOISE
                    ? String.format(Locale.ROOT, "; width %d", c.width())
                    : String.format(Locale.ROOT, "; noise %.0f %%", 100 * c.data().noise())));
            if (c.maxSteps() > 0 && !model.runningProperty().get()) {
                steps.getValueFactory().setValue(c.maxSteps());
            }
        } catch (IllegalArgumentException e) {
            baseLabel.setText("The main window's settings are not valid: " + e.getMessage());
        }
    }

    /** Builds the spec from the form; on a bad entry, says which and returns without starting. */
    public void start() {
        SweepPlan plan;
        try {
            RunConfig c = base.get();
            int budget = steps.getValue();
            SweepSpec spec = new SweepSpec(c.withStop(budget, c.targetLoss()), kind.getValue(),
                    SweepSpec.parseValues(values.getText()), topK.getValue(), parseThreshold());
            plan = seeds.getText().isBlank() ? SweepPlan.of(spec)
                    : new SweepPlan(spec, SweepPlan.parseSeeds(seeds.getText(), c.seed()));
        } catch (IllegalArgumentException e) {
            notify.accept("Sweep not started: " + e.getMessage());
            return;
        }
        onStart.run();
        startedAt = System.nanoTime();
        layoutCharts(plan.spec().kind());
        model.start(plan);
    }

    private double parseThreshold() {
        try {
            return Double.parseDouble(threshold.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the loss threshold must be a number between 0 and 1, found '"
                    + threshold.getText() + "'");
        }
    }

    /** One viewer per chart of the kind, in a grid of three columns. */
    /** Viewers for the charts of kind {@code k}, then the points so far drawn in them. */
    private void layoutCharts(SweepSpec.Kind k) {
        // Only the chart layout is taken from this spec: any step budget will do (the base may have none).
        charts.layout(SweepSpec.of(safeBase().withStop(1, 0), k));
        redraw();
    }

    private void redraw() {
        charts.redraw(model.specProperty().get(), model.planProperty().get(), List.copyOf(model.points()));
    }

    private RunConfig safeBase() {
        SweepSpec s = model.specProperty().get();
        if (s != null) {
            return s.base();
        }
        try {
            return base.get();
        } catch (IllegalArgumentException e) {
            return RunConfig.defaults().withStop(1, 0);
        }
    }

    private void saveResults() {
        SweepSpec s = model.specProperty().get();
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Folder for sweep.csv, sweep.json and the charts");
        File f = dc.showDialog(stage);
        if (s == null || f == null) {
            return;
        }
        saveTo(f.toPath());
    }

    private void openFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("A sweep folder (sweep.json, or plan.json with results)");
        File f = dc.showDialog(stage);
        if (f != null) {
            openFrom(f.toPath());
        }
    }

    /** Reads a sweep folder on the file thread and shows it here: table, charts and seed spread. */
    void openFrom(Path dir) {
        io.submit(() -> {
            try {
                SweepFolder.Loaded l = SweepFolder.read(dir);
                Platform.runLater(() -> {
                    model.show(l.plan(), l.points(), dir.getFileName() == null ? dir.toString()
                            : dir.getFileName().toString());
                    layoutCharts(l.plan().spec().kind());
                    redraw();
                });
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> notify.accept("Could not open the sweep: " + e.getMessage()));
            }
        });
    }

    /** Writes the results on the file thread and reports in the main window. */
    void saveTo(Path dir) {
        SweepPlan s = model.planProperty().get();
        List<SweepPoint> pts = List.copyOf(model.points());
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        io.submit(() -> {
            try {
                SweepExport.write(dir, s, pts, seconds);
                Platform.runLater(() -> notify.accept("Saved the sweep (" + pts.size() + " runs) to " + dir));
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> notify.accept("Could not save the sweep: " + e.getMessage()));
            }
        });
    }

    private static String join(double[] v, SweepSpec.Kind k) {
        StringBuilder b = new StringBuilder();
        for (double d : v) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(k == SweepSpec.Kind.WIDTH ? Long.toString((long) d) : Double.toString(d));
        }
        return b.toString();
    }

    /** A wrapping tooltip on {@code n} (also the chart grid's). */
    static void tip(javafx.scene.Node n, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        Tooltip.install(n, t);
    }
}
