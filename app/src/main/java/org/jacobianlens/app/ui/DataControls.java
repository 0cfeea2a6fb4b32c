package org.jacobianlens.app.ui;

import java.io.File;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.controlsfx.control.ToggleSwitch;
import org.jacobianlens.app.viewmodel.Settings;
import org.jacobianlens.app.viewmodel.SettingsModel;
import org.jacobianlens.core.data.DataFactory;

/**
 * The Data section of the controls: dataset (with a thumbnail and a file picker), classes, n, test size, label
 * noise and the input preprocessing switches, each bound both ways to the {@link SettingsModel}.
 */
final class DataControls extends VBox {
    /** What the bias-input switch does, on screen (the papers' kernels assume unit-norm inputs of the raw data). */
    static final String BIAS_INPUT_TIP = "Append a constant coordinate b to every input, x ↦ (x, b), before "
            + "unit-norm scaling; b is the training inputs' root-mean-square length. Arora et al.'s two-layer net "
            + "has no biases, so its output keeps one sign along every ray from the origin and it cannot fit "
            + "spirals or circles; the weight on b acts as a trained bias. The kernels, the spectrum and H∞ are "
            + "then those of these (d + 1)-dimensional inputs, which is what the network trains on; H∞'s theory "
            + "assumes unit-norm inputs, which holds exactly only with unit-norm inputs on. On by default for the "
            + "2-D sets, off for images.";

    private final ComboBox<String> dataset = new ComboBox<>();
    private final Button openFile = new Button("Open file…");
    private final DatasetThumbnail thumbnail = new DatasetThumbnail();
    private final TextField classes = new TextField();
    /** log₁₀ n: 50 … 10,000 training examples (past 5,000 the full Fashion-MNIST package is needed). */
    private final Slider n = new Slider(Math.log10(50), 4, Math.log10(300));
    private final Label nLabel = new Label();
    private final Spinner<Integer> nTest = new Spinner<>(0, 5000, 300, 100);
    private final Slider noise = new Slider(0, 100, 0);
    private final Label noiseLabel = new Label();
    private final ToggleSwitch center = new ToggleSwitch("center inputs");
    private final ToggleSwitch unitNorm = new ToggleSwitch("unit-norm inputs");
    private final ToggleSwitch biasInput = new ToggleSwitch("bias input (x, b)");
    private final SettingsModel settings;

    DataControls(SettingsModel settings, Consumer<String> error) {
        super(4);
        this.settings = settings;
        DataFactory.catalog().forEach(e -> dataset.getItems().add(e.name()));
        dataset.setEditable(true);
        classes.setPromptText("all classes, or e.g. 0,6");
        nTest.setPrefWidth(110);
        n.setShowTickLabels(true);
        noise.setShowTickLabels(true);
        noise.setMajorTickUnit(25);
        n.setMajorTickUnit(1);
        n.setMinorTickCount(0);
        n.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                int c = exampleCount(v);
                return c >= 1000 ? (c / 1000) + "k" : Integer.toString(c);
            }

            @Override
            public Double fromString(String t) {
                return 0.0;
            }
        });
        openFile.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open a dataset (IDX, CIFAR-10 binary batch or CSV)");
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                settings.dataset().set(f.getAbsolutePath());
            }
        });
        bind(error);
        setIds();
        tooltips();
        getChildren().addAll(new Label("Dataset"), new HBox(6, dataset, openFile), thumbnail, new Label("Classes"),
                classes, nLabel, n, new Label("Test examples"), nTest, noiseLabel, noise, center, unitNorm, biasInput);
        setPadding(new Insets(4));
    }

    private void bind(Consumer<String> error) {
        SettingsModel s = settings;
        dataset.valueProperty().bindBidirectional(s.dataset());
        Fields.text(classes, s.classes(), t -> {
            Settings.parseClasses(t);
            return t;
        }, t -> t, error);
        Fields.slider(n.valueProperty(), s.n(), DataControls::exampleCount, c -> Math.log10(c));
        Fields.spinner(nTest, s.nTest(), "test examples", error);
        Fields.slider(noise.valueProperty(), s.noise(), v -> v / 100, p -> 100 * p);
        center.selectedProperty().bindBidirectional(s.center());
        unitNorm.selectedProperty().bindBidirectional(s.unitNorm());
        biasInput.selectedProperty().bindBidirectional(s.biasInput());
        nLabel.textProperty().bind(Bindings.concat("training examples n = ", s.n()));
        noiseText(null);
        s.noise().addListener((o, a, b) -> noiseText(null));
    }

    /** The label over the noise slider, with how many labels the run changed when known. */
    void noiseText(String changed) {
        String p = String.format("label noise %.0f %%", 100 * settings.noise().get());
        noiseLabel.setText(changed == null ? p : p + " (" + changed + " labels changed)");
    }

    DatasetThumbnail thumbnail() {
        return thumbnail;
    }

    private void setIds() {
        dataset.setId("dataset");
        noise.setId("noise");
        noiseLabel.setId("noiseLabel");
        unitNorm.setId("unitNorm");
        biasInput.setId("biasInput");
        nTest.setId("nTest");
        classes.setId("classes");
    }

    private void tooltips() {
        ControlPanel.tip(dataset, "Which data the network learns; type a file path (IDX, CIFAR-10 batch or CSV) to "
                + "use your own.");
        ControlPanel.tip(openFile, "Pick a dataset file from disk.");
        ControlPanel.tip(classes, "Classes to keep (two classes give ±1 labels and one output); empty keeps all.");
        ControlPanel.tip(n, "Training examples, 50 to 10,000 on a log scale: more examples give a longer spectrum and "
                + "slower steps. Past 2,000 analysed examples the spectrum shows the top eigenvalues (found by Lanczos) "
                + "and the label energy outside them as one 'rest'; past 5,000 Fashion-MNIST needs the full set "
                + "(apt-get install dataset-fashion-mnist).");
        ControlPanel.tip(nTest, "Held-out examples for the test curves.");
        ControlPanel.tip(noise, "Share of training labels replaced by random classes: watch the label energy leave "
                + "the top eigenvectors and the corrupted examples get memorized last.");
        ControlPanel.tip(center, "Subtract the mean input first, which removes the constant top eigenvector.");
        ControlPanel.tip(unitNorm, "Scale every input to length 1, as the papers assume (their kernel H∞ is defined "
                + "on the unit sphere). On 2-D sets like spirals it would put every point on one circle and throw away "
                + "the radius that separates the classes, so it is off there by default; with the bias input on, the "
                + "radius survives, because (x, b) is scaled as a whole.");
        ControlPanel.tip(biasInput, BIAS_INPUT_TIP);
    }

    /** The example count at slider position log₁₀ n, rounded to tens below 1,000 and to hundreds above. */
    static int exampleCount(double log10) {
        double c = Math.pow(10, log10);
        int step = c < 1000 ? 10 : 100;
        return (int) (Math.round(c / step) * step);
    }
}
