package org.jacobianlens.app.ui;

import java.io.File;

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
import javafx.stage.FileChooser;

import org.controlsfx.control.ToggleSwitch;
import org.jacobianlens.app.viewmodel.Settings;
import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.RunConfig;

/** Left-hand controls. Reads the widgets into {@link Settings}; every control has a one-sentence tooltip. */
final class ControlPanel extends ScrollPane {
    final ComboBox<String> dataset = new ComboBox<>();
    final Button openFile = new Button("Open file…");
    final DatasetThumbnail thumbnail = new DatasetThumbnail();
    final TextField classes = new TextField();
    final Slider n = new Slider(50, 2000, 300);
    final Label nLabel = new Label();
    final Spinner<Integer> nTest = new Spinner<>(0, 5000, 300, 100);
    final Slider noise = new Slider(0, 100, 0);
    final Label noiseLabel = new Label();
    final ToggleSwitch center = new ToggleSwitch("center inputs");
    final ComboBox<String> model = new ComboBox<>();
    final Slider widthLog2 = new Slider(4, 13, 10);
    final Label widthLabel = new Label();
    final Spinner<Integer> depth = new Spinner<>(1, 6, 2);
    final TextField learningRate = new TextField("auto");
    final ComboBox<MlpSpec.Optimizer> optimizer = new ComboBox<>();
    final ComboBox<MlpSpec.Loss> loss = new ComboBox<>();
    final Spinner<Integer> seed = new Spinner<>(1, 1_000_000, 1);
    final Spinner<Integer> topK = new Spinner<>(0, 5000, 0);
    final Spinner<Integer> analyzeN = new Spinner<>(10, 2000, 300, 50);
    final Spinner<Integer> analyzeEvery = new Spinner<>(1, 5000, 25, 5);
    final Slider speed = new Slider(1, 50, 5);
    final TextField maxSteps = new TextField("3000");
    final TextField targetLoss = new TextField("0");
    final ToggleSwitch eigenvalues = new ToggleSwitch("show NTK eigenvalues λ");
    final ToggleSwitch logSteps = new ToggleSwitch("log step axis");
    final ToggleSwitch theory = new ToggleSwitch("theory overlays");
    final ToggleSwitch presentation = new ToggleSwitch("presentation mode");
    final ToggleSwitch theoryPanel = new ToggleSwitch("theory panel (papers' overlays)");
    final Button play = new Button("Play");
    final Button step = new Button("Step");
    final Button reset = new Button("Reset");
    final MenuButton compare = new MenuButton("Compare");
    final MenuItem compareNoise = new MenuItem("clean vs 100 % random labels");
    final MenuItem compareWidth = new MenuItem("this width vs 16× wider / narrower");
    final MenuItem compareRate = new MenuItem("this learning rate vs a quarter of it");
    final MenuItem single = new MenuItem("single run");

    ControlPanel() {
        DataFactory.catalog().forEach(e -> dataset.getItems().add(e.name()));
        dataset.setEditable(true);
        dataset.setValue("fashion-mnist");
        model.getItems().addAll("two-layer", "mlp");
        model.setValue("two-layer");
        optimizer.getItems().addAll(MlpSpec.Optimizer.values());
        optimizer.setValue(MlpSpec.Optimizer.SGD);
        loss.getItems().addAll(MlpSpec.Loss.values());
        loss.setValue(MlpSpec.Loss.SQUARED);
        classes.setPromptText("all classes, or e.g. 0,6");
        theory.setSelected(true);
        for (Spinner<Integer> s : java.util.List.of(nTest, depth, seed, analyzeN, analyzeEvery)) {
            s.setEditable(true);
            s.setPrefWidth(110);
        }
        for (Slider s : new Slider[] {n, noise, widthLog2, speed}) {
            s.setShowTickLabels(true);
        }
        widthLog2.setMajorTickUnit(1);
        widthLog2.setMinorTickCount(0);
        widthLog2.setSnapToTicks(true);
        widthLog2.setLabelFormatter(new javafx.util.StringConverter<>() {
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
        noise.setMajorTickUnit(25);
        n.setMajorTickUnit(650);
        compare.getItems().addAll(compareNoise, compareWidth, compareRate, single);
        setIds();
        tooltips();
        n.valueProperty().addListener((o, a, b) -> nLabel.setText("training examples n = " + n()));
        widthLog2.valueProperty().addListener((o, a, b) -> widthLabel.setText("width m = " + width()));
        nLabel.setText("training examples n = " + n());
        widthLabel.setText("width m = " + width());
        noiseLabel.setText("label noise 0 %");
        model.valueProperty().addListener((o, a, b) -> enableMlpControls());
        enableMlpControls();
        openFile.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open a dataset (IDX, CIFAR-10 binary batch or CSV)");
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                dataset.setValue(f.getAbsolutePath());
            }
        });

        VBox data = box(new Label("Dataset"), new HBox(6, dataset, openFile), thumbnail, new Label("Classes"), classes,
                nLabel, n, new Label("Test examples"), nTest, noiseLabel, noise, center);
        VBox net = box(new Label("Model"), model, widthLabel, widthLog2, new Label("Depth (MLP)"), depth,
                new Label("Learning rate η"), learningRate, new Label("Optimizer (MLP)"), optimizer,
                new Label("Loss (MLP)"), loss, new Label("Seed"), seed);
        VBox analysis = box(new Label("Examples analysed"), analyzeN, new Label("Analyse every … steps"), analyzeEvery);
        VBox run = box(new HBox(6, play, step, reset), compare, new Label("Steps per frame"), speed,
                new Label("Stop after … steps (0 = never)"), maxSteps, new Label("Stop at training loss (0 = never)"),
                targetLoss);
        Label topKLabel = new Label("Information space: top k (0 = above the red line)");
        topKLabel.setWrapText(true);
        VBox view = box(eigenvalues, logSteps, theory, theoryPanel, presentation, topKLabel, topK);
        VBox all = new VBox(4, titled("Run", run), titled("Data", data), titled("Network and training", net),
                titled("Analysis", analysis), titled("View", view));
        all.setPadding(new Insets(6));
        setContent(all);
        setFitToWidth(true);
        setPrefWidth(310);
        setMinWidth(260);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    private void setIds() {
        dataset.setId("dataset");
        noise.setId("noise");
        noiseLabel.setId("noiseLabel");
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
        topK.setEditable(true);
    }

    private void tooltips() {
        tip(dataset, "Which data the network learns; type a file path (IDX, CIFAR-10 batch or CSV) to use your own.");
        tip(openFile, "Pick a dataset file from disk.");
        tip(classes, "Classes to keep (two classes give ±1 labels and one output); empty keeps all.");
        tip(n, "Training examples: more examples give a longer spectrum and slower steps.");
        tip(nTest, "Held-out examples for the test curves.");
        tip(noise, "Share of training labels replaced by random classes: watch the label energy leave the top "
                + "eigenvectors and the corrupted examples get memorized last.");
        tip(center, "Subtract the mean input first, which removes the constant top eigenvector.");
        tip(model, "Arora et al.'s two-layer net (with the H∞ theory overlays) or a Deeplearning4j MLP.");
        tip(widthLog2, "Hidden width m on a log scale: wider nets move their kernel less and follow the theory more "
                + "closely.");
        tip(depth, "Hidden layers of the MLP.");
        tip(learningRate, "Step size η; 'auto' takes 1/(c·λ_max) of the initial kernel, the largest step that does "
                + "not oscillate.");
        tip(optimizer, "Update rule of the MLP (the two-layer net always uses full-batch gradient descent).");
        tip(loss, "Loss of the MLP: squared (matches the kernel theory) or cross-entropy.");
        tip(seed, "One seed for data selection, label noise and initialization: same seed, same everything.");
        tip(analyzeN, "How many training examples the spectrum and projections use (cost grows as n³).");
        tip(analyzeEvery, "Steps between analysis frames: smaller animates the spectrum more finely but trains "
                + "slower.");
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
        tip(presentation, "Large fonts and thick lines for a projector (F toggles full screen).");
        tip(play, "Start or pause training (space).");
        tip(step, "Take one training step (S).");
        tip(reset, "Restart from initialization with the current settings (R).");
        tip(compare, "Train two configurations side by side on the same data and initialization (C).");
    }

    private void enableMlpControls() {
        boolean mlp = "mlp".equals(model.getValue());
        depth.setDisable(!mlp);
        optimizer.setDisable(!mlp);
        loss.setDisable(!mlp);
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

    private static void tip(Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        c.setTooltip(t);
    }

    int width() {
        return 1 << (int) Math.round(widthLog2.getValue());
    }

    int n() {
        return (int) Math.round(n.getValue());
    }

    /** The settings the widgets describe; throws IllegalArgumentException with a user message. */
    Settings read() {
        double lr;
        String lrText = learningRate.getText() == null ? "" : learningRate.getText().trim();
        if (lrText.isEmpty() || lrText.equalsIgnoreCase("auto")) {
            lr = 0;
        } else {
            lr = number(lrText, "learning rate");
            if (!(lr > 0)) {
                throw new IllegalArgumentException("learning rate must be positive or 'auto', found " + lrText);
            }
        }
        int steps = (int) number(maxSteps.getText(), "step limit");
        double target = number(targetLoss.getText(), "target loss");
        RunConfig.ModelKind kind = "mlp".equals(model.getValue()) ? RunConfig.ModelKind.MLP
                : RunConfig.ModelKind.TWO_LAYER;
        Settings s = new Settings(dataset.getValue(), classes.getText(), n(), nTest.getValue(), noise.getValue() / 100,
                center.isSelected(), kind, width(), depth.getValue(), lr, optimizer.getValue(), loss.getValue(),
                seed.getValue(), Math.min(analyzeN.getValue(), n()), analyzeEvery.getValue(), steps, target);
        s.toConfig();
        return s;
    }

    /** Shows settings in the widgets (after opening a session or a preset). */
    void show(Settings s) {
        dataset.setValue(s.dataset());
        classes.setText(s.classes());
        n.setValue(s.n());
        nTest.getValueFactory().setValue(s.nTest());
        noise.setValue(100 * s.noise());
        center.setSelected(s.center());
        model.setValue(s.model() == RunConfig.ModelKind.MLP ? "mlp" : "two-layer");
        widthLog2.setValue(Math.log(s.width()) / Math.log(2));
        depth.getValueFactory().setValue(s.depth());
        learningRate.setText(s.learningRate() > 0 ? Double.toString(s.learningRate()) : "auto");
        optimizer.setValue(s.optimizer());
        loss.setValue(s.loss());
        seed.getValueFactory().setValue((int) s.seed());
        analyzeN.getValueFactory().setValue(s.analyzeN());
        analyzeEvery.getValueFactory().setValue(s.analyzeEvery());
        maxSteps.setText(Integer.toString(s.maxSteps()));
        targetLoss.setText(Double.toString(s.targetLoss()));
    }

    private static double number(String text, String what) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.trim());
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a non-negative number, found '" + text + "'");
        }
    }

    /** The knob a compare menu item stands for, or null for "single run". */
    Comparison.Knob knob(MenuItem item) {
        if (item == compareNoise) {
            return Comparison.Knob.NOISE;
        }
        if (item == compareWidth) {
            return Comparison.Knob.WIDTH;
        }
        return item == compareRate ? Comparison.Knob.LEARNING_RATE : null;
    }
}
