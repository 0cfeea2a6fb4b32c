package org.jacobianlens.app.ui;

import java.util.Arrays;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.run.RunConfig;

/** Left-hand controls: dataset, classes, n, noise, width, model and the play/step/reset buttons. */
final class ControlPanel extends VBox {
    final ComboBox<String> dataset = new ComboBox<>();
    final TextField classes = new TextField();
    final Slider n = new Slider(50, 1000, 300);
    final Slider noise = new Slider(0, 100, 0);
    final Label noiseLabel = new Label();
    final Slider widthLog2 = new Slider(4, 13, 10);
    final Label widthLabel = new Label();
    final ComboBox<String> model = new ComboBox<>();
    final Slider speed = new Slider(1, 50, 5);
    final Button play = new Button("Play");
    final Button step = new Button("Step");
    final Button reset = new Button("Reset");

    ControlPanel() {
        setSpacing(6);
        setPadding(new Insets(10));
        setPrefWidth(250);
        DataFactory.catalog().forEach(e -> dataset.getItems().add(e.name()));
        dataset.setValue("fashion-mnist");
        model.getItems().addAll("two-layer", "mlp");
        model.setValue("two-layer");
        classes.setPromptText("all classes, or e.g. 0,6");
        for (Slider s : new Slider[] {n, noise, widthLog2, speed}) {
            s.setShowTickLabels(true);
        }
        widthLog2.setMajorTickUnit(1);
        widthLog2.setSnapToTicks(true);
        widthLog2.setMinorTickCount(0);
        noise.setMajorTickUnit(25);
        n.setMajorTickUnit(250);
        dataset.setId("dataset");
        noise.setId("noise");
        noiseLabel.setId("noiseLabel");
        play.setId("play");
        step.setId("step");
        reset.setId("reset");
        tip(dataset, "Which data the network learns; images show real structure, synthetic sets are small and fast.");
        tip(classes, "Classes to keep (two classes give ±1 labels); empty keeps all.");
        tip(n, "Training examples: more examples give a longer spectrum and slower steps.");
        tip(noise, "Share of training labels replaced by random classes: watch the label energy leave the top eigenvectors.");
        tip(widthLog2, "Hidden width m (log scale): wider nets move their kernel less and follow the H∞ theory more closely.");
        tip(model, "Arora et al.'s two-layer net (with H∞ theory) or a Deeplearning4j MLP.");
        tip(speed, "Training steps per animation frame.");
        tip(play, "Start or pause training (space).");
        tip(step, "Take one step (S).");
        tip(reset, "Restart from initialization with the current settings (R).");
        widthLog2.valueProperty().addListener((o, a, b) -> widthLabel.setText("width m = " + width()));
        widthLabel.setText("width m = " + width());
        noiseLabel.setText("label noise 0 %");
        getChildren().addAll(new Label("Dataset"), dataset, new Label("Classes"), classes, new Label("Training examples n"),
                n, noiseLabel, noise, widthLabel, widthLog2, new Label("Model"), model, new Label("Steps per frame"),
                speed, new HBox(6, play, step, reset));
    }

    private static void tip(Control c, String text) {
        c.setTooltip(new Tooltip(text));
    }

    int width() {
        return 1 << (int) Math.round(widthLog2.getValue());
    }

    /** Builds the run configuration from the controls; throws IllegalArgumentException with a user message. */
    RunConfig config() {
        int[] cls = null;
        String text = classes.getText() == null ? "" : classes.getText().trim();
        if (!text.isEmpty()) {
            try {
                cls = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("classes must be numbers separated by commas, e.g. 0,6");
            }
        }
        int nTrain = (int) Math.round(n.getValue());
        DatasetSpec spec = new DatasetSpec(dataset.getValue(), cls, nTrain, 300, noise.getValue() / 100.0, false,
                true, 1);
        RunConfig.ModelKind kind = "mlp".equals(model.getValue()) ? RunConfig.ModelKind.MLP : RunConfig.ModelKind.TWO_LAYER;
        return RunConfig.defaults().withData(spec).withModel(kind, width(), 2).withAnalysis(25, nTrain, 0.1);
    }
}
