package org.jacobianlens.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
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
import org.jacobianlens.core.sweep.ValueStats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The papers' summary figures, live: a noise sweep (error, complexity, label energy, steps to a loss threshold and
 * alignment against p) or a width sweep (test error, NTK distance from H∞ and weight movement against m) of the main
 * window's current settings. Runs on its own background thread through a {@link SweepViewModel}; every finished
 * point lands in the table and the charts at once; Cancel keeps the finished points; Save writes the same CSV, JSON
 * and PNG files as the {@code sweep} command.
 */
public final class SweepWindow {
    /** One-sentence explanations of each chart, keyed by its file name. */
    static final Map<String, String> TOOLTIPS = Map.of(
            "error-vs-p.png", "Final training and test error at each noise level: the network fits every label, "
                    + "but test error rises as the labels become random (Zhang et al.).",
            "complexity-vs-p.png", "Arora et al.'s data-dependent complexity √(2yᵀ(H∞)⁻¹y/n): it grows with the "
                    + "noise, and the generalization bound it gives is vacuous above 1.",
            "energy-vs-p.png", "Share of the labels' energy on the top eigenvectors and in the information space of "
                    + "the Jacobian (Oymak et al.): high for clean labels, falling as noise spreads the labels out.",
            "steps-vs-p.png", "Steps until the training loss falls below the threshold, measured and predicted from "
                    + "H∞ (Arora et al.): random labels take longer to fit.",
            "alignment-vs-p.png", "Kernel–target alignment at the start and the end of training (Ortiz-Jiménez et "
                    + "al.): training rotates the kernel toward clean labels, much less toward random ones.",
            "test-error-vs-width.png", "Final test and training error at each width: wider networks do not overfit "
                    + "more.",
            "ntk-distance-vs-width.png", "How far the network's kernel at initialization is from its infinite-width "
                    + "limit H∞. Averaged over initializations it falls like 1/√m (dashed guide); one seed can rise "
                    + "from one width to the next, so set Seeds (e.g. 5) to see the mean with ± one standard "
                    + "deviation.",
            "weight-movement-vs-width.png", "How far training moves the weights relative to their size: the wider "
                    + "the network, the less it moves, so the more linear it behaves.");

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
    private final GridPane charts = new GridPane();
    private final List<ChartViewer> viewers = new ArrayList<>();
    private final TableView<SweepPoint> table = new TableView<>();
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
        table.setId("sweepTable");
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

        table.setPrefHeight(190);
        table.setMinHeight(90);
        table.setPlaceholder(new Label("Finished runs appear here, one row each."));
        addColumns();
        charts.setHgap(6);
        charts.setVgap(6);
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
        table.setItems(model.points());
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
    private void layoutCharts(SweepSpec.Kind k) {
        // Only the chart layout is taken from this spec: any step budget will do (the base may have none).
        SweepSpec preview = SweepSpec.of(safeBase().withStop(1, 0), k);
        Map<String, JFreeChart> all = SweepCharts.charts(preview, List.of(), "", false);
        if (viewers.size() == all.size() && charts.getUserData() == k) {
            return;
        }
        charts.getChildren().clear();
        charts.getColumnConstraints().clear();
        charts.getRowConstraints().clear();
        viewers.clear();
        int cols = 3;
        int rows = (all.size() + cols - 1) / cols;
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            charts.getColumnConstraints().add(cc);
        }
        for (int row = 0; row < rows; row++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            charts.getRowConstraints().add(rc);
        }
        int i = 0;
        for (Map.Entry<String, JFreeChart> e : all.entrySet()) {
            ChartViewer v = new ChartViewer(e.getValue());
            v.setId("sweepChart-" + e.getKey().replace(".png", ""));
            v.setMinSize(100, 100);
            tip(v, TOOLTIPS.get(e.getKey()));
            viewers.add(v);
            charts.add(v, i % cols, i / cols);
            i++;
        }
        charts.setUserData(k);
        redraw();
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

    /** Rebuilds the charts from the points so far (a handful of points: cheap, and only when one lands). */
    private void redraw() {
        SweepSpec s = model.specProperty().get();
        SweepPlan p = model.planProperty().get();
        if (s == null || p == null || charts.getUserData() != s.kind()) {
            return;
        }
        Map<String, JFreeChart> all = SweepCharts.charts(s, ValueStats.of(p, List.copyOf(model.points())),
                SweepCharts.subtitle(s.base()) + SweepCharts.seedNote(p.seeds()), false);
        int i = 0;
        for (JFreeChart c : all.values()) {
            if (i < viewers.size()) {
                viewers.get(i++).setChart(c);
            }
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

    private void addColumns() {
        column("value", q -> label(q.value()));
        column("seed", q -> Long.toString(q.seed()));
        column("state", q -> q.state().name().toLowerCase(Locale.ROOT));
        column("steps", q -> Integer.toString(q.steps()));
        column("train err", q -> fmt(q.trainError()));
        column("test err", q -> fmt(q.testError()));
        column("C(y)", q -> fmt(q.complexity()));
        column("top-k energy (init → end)", q -> fmt(q.energyTopInit()) + " → " + fmt(q.energyTopEnd()));
        column("info-space energy", q -> fmt(q.energyInfoInit()) + " → " + fmt(q.energyInfoEnd()));
        column("steps to thr. (pred.)", q -> reached(q.stepsToThreshold()) + " ("
                + reached(q.predictedStepsToThreshold()) + ")");
        column("alignment (init → end)", q -> fmt(q.alignmentInit()) + " → " + fmt(q.alignmentEnd()));
        column("kernel drift", q -> fmt(q.kernelDrift()));
        column("NTK dist. H∞", q -> fmt(q.ntkDistance()));
        column("weight move", q -> fmt(q.weightMovement()));
    }

    private void column(String name, Function<SweepPoint, String> cell) {
        TableColumn<SweepPoint, String> c = new TableColumn<>(name);
        c.setPrefWidth(name.length() < 10 ? 80 : 125);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(cell.apply(f.getValue())));
        c.setSortable(false);
        table.getColumns().add(c);
    }

    /** A step count, or "not reached" for the −1 the sweep records when the threshold never was. */
    static String reached(int steps) {
        return steps < 0 ? "not reached" : Integer.toString(steps);
    }

    private String label(double v) {
        SweepSpec s = model.specProperty().get();
        return s == null ? Double.toString(v) : SweepViewModel.label(s, v);
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "–";
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

    private static void tip(javafx.scene.Node n, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        Tooltip.install(n, t);
    }
}
