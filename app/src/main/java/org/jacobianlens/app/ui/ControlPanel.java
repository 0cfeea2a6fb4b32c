package org.jacobianlens.app.ui;

import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.controlsfx.control.ToggleSwitch;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.app.viewmodel.SettingsModel;
import org.jacobianlens.app.viewmodel.ViewOptions;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.RunConfig;

/**
 * Left-hand controls, each bound both ways to a property of the {@link SettingsModel} or the {@link ViewOptions}
 * (no copying, no reading back); every control has a one-sentence tooltip. The buttons call the commands given.
 * The Data section is {@link DataControls}.
 */
final class ControlPanel extends ScrollPane {
    /** What the buttons do. */
    record Commands(Runnable play, Runnable step, Runnable reset, Consumer<Comparison.Knob> compare) {
    }

    private final ComboBox<RunConfig.ModelKind> model = new ComboBox<>();
    private final Slider widthLog2 = new Slider(4, 13, 10);
    private final Label widthLabel = new Label();
    private final Spinner<Integer> depth = new Spinner<>(1, 6, 2);
    private final TextField learningRate = new TextField();
    private final ComboBox<MlpSpec.Optimizer> optimizer = new ComboBox<>();
    private final ComboBox<MlpSpec.Loss> loss = new ComboBox<>();
    private final ComboBox<Precision> precision = new ComboBox<>();
    private final Spinner<Integer> seed = new Spinner<>(1, 1_000_000, 1);
    private final Spinner<Integer> topK = new Spinner<>(0, 5000, 0);
    private final Slider speed = new Slider(1, 50, 5);
    private final TextField maxSteps = new TextField();
    private final TextField targetLoss = new TextField();
    private final ToggleSwitch eigenvalues = new ToggleSwitch("show NTK eigenvalues λ");
    private final ToggleSwitch logSteps = new ToggleSwitch("log step axis");
    private final ToggleSwitch theory = new ToggleSwitch("theory overlays");
    private final ToggleSwitch presentation = new ToggleSwitch("presentation mode");
    private final ToggleSwitch theoryPanel = new ToggleSwitch("theory panel (papers' overlays)");
    private final Button play = new Button("Play");
    private final Button step = new Button("Step");
    private final Button reset = new Button("Reset");
    private final MenuButton compare = new MenuButton("Compare");
    private final MenuItem compareNoise = new MenuItem("clean vs 100 % random labels");
    private final MenuItem compareWidth = new MenuItem("this width vs 16× wider / narrower");
    private final MenuItem compareRate = new MenuItem("this learning rate vs a quarter of it");
    private final MenuItem single = new MenuItem("single run");
    private final SettingsModel settings;
    private final DataControls data;

    ControlPanel(LensViewModel vm, Commands commands, Consumer<String> error) {
        this.settings = vm.model();
        ViewOptions view = vm.view();
        data = new DataControls(settings, error);
        model.getItems().addAll(RunConfig.ModelKind.values());
        model.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunConfig.ModelKind k) {
                return k == RunConfig.ModelKind.MLP ? "mlp" : "two-layer";
            }

            @Override
            public RunConfig.ModelKind fromString(String s) {
                return "mlp".equals(s) ? RunConfig.ModelKind.MLP : RunConfig.ModelKind.TWO_LAYER;
            }
        });
        optimizer.getItems().addAll(MlpSpec.Optimizer.values());
        loss.getItems().addAll(MlpSpec.Loss.values());
        precision.getItems().addAll(Precision.values());
        precision.setConverter(new StringConverter<>() {
            @Override
            public String toString(Precision p) {
                return p == null ? "" : p.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public Precision fromString(String t) {
                return Precision.valueOf(t.toUpperCase(java.util.Locale.ROOT));
            }
        });
        for (Spinner<Integer> s : java.util.List.of(depth, seed, topK)) {
            s.setPrefWidth(110);
        }
        for (Slider s : new Slider[] {widthLog2, speed}) {
            s.setShowTickLabels(true);
        }
        widthLog2.setMajorTickUnit(1);
        widthLog2.setMinorTickCount(0);
        widthLog2.setSnapToTicks(true);
        widthLog2.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                int w = 1 << (int) Math.round(v);
                return w >= 1024 ? (w / 1024) + "k" : Integer.toString(w);
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        compare.getItems().addAll(compareNoise, compareWidth, compareRate, single);
        bind(vm, view, error);
        setIds();
        tooltips();
        depth.disableProperty().bind(settings.model().isNotEqualTo(RunConfig.ModelKind.MLP));
        optimizer.disableProperty().bind(depth.disableProperty());
        loss.disableProperty().bind(depth.disableProperty());
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("Pause").otherwise("Play"));
        compare.textProperty().bind(Bindings.createStringBinding(() -> vm.compareKnobProperty().get() == null
                ? "Compare" : "Comparing " + vm.compareKnobProperty().get().display(), vm.compareKnobProperty()));
        play.setOnAction(e -> commands.play().run());
        step.setOnAction(e -> commands.step().run());
        reset.setOnAction(e -> commands.reset().run());
        for (MenuItem item : compare.getItems()) {
            item.setOnAction(e -> commands.compare().accept(knob(item)));
        }

        VBox net = box(new Label("Model"), model, widthLabel, widthLog2, new Label("Depth (MLP)"), depth,
                new Label("Learning rate η"), learningRate, new Label("Optimizer (MLP)"), optimizer,
                new Label("Loss (MLP)"), loss, new Label("Training precision"), precision, new Label("Seed"), seed);
        VBox analysis = new AnalysisControls(settings, error);
        VBox run = box(new HBox(6, play, step, reset), compare, new Label("Steps per frame"), speed,
                new Label("Stop after … steps (0 = never)"), maxSteps, new Label("Stop at training loss (0 = never)"),
                targetLoss);
        Label topKLabel = new Label("Information space: top k (0 = above the red line)");
        topKLabel.setWrapText(true);
        VBox viewBox = box(eigenvalues, logSteps, theory, theoryPanel, presentation, topKLabel, topK);
        VBox all = new VBox(4, titled("Run", run), titled("Data", data), titled("Network and training", net),
                titled("Analysis", analysis), titled("View", viewBox));
        all.setPadding(new Insets(6));
        setContent(all);
        setFitToWidth(true);
        setPrefWidth(310);
        setMinWidth(260);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    /** Every widget to its property, both ways. */
    private void bind(LensViewModel vm, ViewOptions view, Consumer<String> error) {
        SettingsModel s = settings;
        model.valueProperty().bindBidirectional(s.model());
        Fields.slider(widthLog2.valueProperty(), s.width(), v -> 1 << (int) Math.round(v),
                w -> Math.log(w) / Math.log(2));
        Fields.spinner(depth, s.depth(), "depth", error);
        Fields.text(learningRate, s.learningRate(), ControlPanel::rate, r -> r > 0 ? Double.toString(r) : "auto",
                error);
        optimizer.valueProperty().bindBidirectional(s.optimizer());
        loss.valueProperty().bindBidirectional(s.loss());
        precision.valueProperty().bindBidirectional(s.precision());
        Fields.spinner(seed, s.seed(), "seed", error);
        Fields.text(maxSteps, s.maxSteps(), t -> (int) Fields.nonNegative(t, "step limit"), String::valueOf, error);
        Fields.text(targetLoss, s.targetLoss(), t -> Fields.nonNegative(t, "target loss"), String::valueOf, error);
        Fields.spinner(topK, view.topK(), "top k", error);
        eigenvalues.selectedProperty().bindBidirectional(view.eigenvalues());
        logSteps.selectedProperty().bindBidirectional(view.logSteps());
        theory.selectedProperty().bindBidirectional(view.theory());
        presentation.selectedProperty().bindBidirectional(view.presentation());
        theoryPanel.selectedProperty().bindBidirectional(view.theoryPanel());
        speed.valueProperty().bindBidirectional(vm.stepsPerFrameProperty());
        widthLabel.textProperty().bind(Bindings.concat("width m = ", s.width()));
    }

    private static double rate(String t) {
        if (t.isEmpty() || t.equalsIgnoreCase("auto")) {
            return 0.0;
        }
        double r = Fields.nonNegative(t, "learning rate");
        if (!(r > 0)) {
            throw new IllegalArgumentException("learning rate must be positive or 'auto', found " + t);
        }
        return r;
    }

    /** The label over the noise slider, with how many labels the run changed when known. */
    void noiseText(String changed) {
        data.noiseText(changed);
    }

    /** The theory panel's view picker (it sits over that panel), bound to the view options. */
    static ComboBox<org.jacobianlens.app.charts.TheoryPanel.View> theoryChoice(ViewOptions view) {
        ComboBox<org.jacobianlens.app.charts.TheoryPanel.View> c = new ComboBox<>();
        c.getItems().addAll(org.jacobianlens.app.charts.TheoryPanel.View.values());
        c.setId("theoryChoice");
        c.valueProperty().bindBidirectional(view.theoryView());
        tip(c, "Which of the papers' overlays the bottom panel shows.");
        return c;
    }

    DatasetThumbnail thumbnail() {
        return data.thumbnail();
    }

    private void setIds() {
        play.setId("play");
        step.setId("step");
        reset.setId("reset");
        compare.setId("compare");
        widthLog2.setId("width");
        presentation.setId("presentation");
        logSteps.setId("logSteps");
        eigenvalues.setId("eigenvalues");
        theoryPanel.setId("theoryPanel");
        topK.setId("topK");
        maxSteps.setId("maxSteps");
        learningRate.setId("learningRate");
        seed.setId("seed");
        precision.setId("precision");
    }

    private void tooltips() {
        tip(model, "Arora et al.'s two-layer net (with the H∞ theory overlays) or a Deeplearning4j MLP.");
        tip(widthLog2, "Hidden width m on a log scale: wider nets move their kernel less and follow the theory more "
                + "closely.");
        tip(depth, "Hidden layers of the MLP.");
        tip(learningRate, "Step size η; 'auto' takes 1/(c·λ_max) of the initial kernel, the largest step that does "
                + "not oscillate.");
        tip(optimizer, "Update rule of the MLP (the two-layer net always uses full-batch gradient descent).");
        tip(loss, "Loss of the MLP: squared (matches the kernel theory) or cross-entropy.");
        tip(precision, "Arithmetic of the training step: float32 is about twice as fast as float64. The kernel, its "
                + "eigendecomposition and every theory number are computed in float64 from the current weights either "
                + "way.");
        tip(seed, "One seed for data selection, label noise and initialization: same seed, same everything.");
        tip(speed, "Training steps per animation frame.");
        tip(maxSteps, "The run stops after this many steps.");
        tip(targetLoss, "The run stops once the training loss reaches this value.");
        tip(eigenvalues, "Plot NTK eigenvalues λᵢ instead of the Jacobian's singular values σᵢ = √λᵢ.");
        tip(topK, "Above 0, the information space is the top k eigenvectors (Oymak et al.'s top-k split) instead of "
                + "every direction above the red cutoff line; dragging the line switches back.");
        tip(logSteps, "Use a logarithmic step axis for the curves, which spreads out the fast early phase.");
        tip(theory, "Draw the infinite-width H∞ spectrum, the loss curve Arora et al. predict and the linearized "
                + "network trained alongside (dotted).");
        tip(theoryPanel, "Show a fourth panel below with one of the papers' overlays: alignment, residual split, "
                + "H∞ projections or bias/variance.");
        tip(presentation, "Large fonts and thick lines for a projector (P; F toggles full screen).");
        tip(play, "Start or pause training (space).");
        tip(step, "Take one training step (S).");
        tip(reset, "Restart from initialization with the current settings (R).");
        tip(compare, "Train two configurations side by side on the same data and initialization (C).");
    }

    private static VBox box(Node... nodes) {
        VBox b = new VBox(4, nodes);
        b.setPadding(new Insets(4));
        return b;
    }

    private static TitledPane titled(String title, Node content) {
        TitledPane t = new TitledPane(title, content);
        t.setAnimated(false);
        return t;
    }

    static void tip(Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        c.setTooltip(t);
    }

    /** The knob a compare menu item stands for, or null for "single run". */
    private Comparison.Knob knob(MenuItem item) {
        if (item == compareNoise) {
            return Comparison.Knob.NOISE;
        }
        if (item == compareWidth) {
            return Comparison.Knob.WIDTH;
        }
        return item == compareRate ? Comparison.Knob.LEARNING_RATE : null;
    }
}
