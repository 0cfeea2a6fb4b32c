package org.jacobianlens.app.ui;

import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;

import org.controlsfx.control.ToggleSwitch;
import org.jacobianlens.app.viewmodel.SettingsModel;
import org.jacobianlens.core.run.RunConfig;

/**
 * The Analysis section of the controls: how many examples the spectrum uses, how often it is taken, and, for
 * networks with several outputs, which kernel it is of and whether the label energies are of the centered labels;
 * each bound both ways to the {@link SettingsModel}.
 */
final class AnalysisControls extends VBox {
    private final Spinner<Integer> analyzeN = new Spinner<>(10, RunConfig.MAX_ANALYZE_N, 300, 50);
    private final Spinner<Integer> analyzeEvery = new Spinner<>(1, 5000, 25, 5);
    private final ToggleSwitch fullKernel = new ToggleSwitch("full nK × nK kernel (K outputs)");
    private final ToggleSwitch centerLabels = new ToggleSwitch("centered label energy (one-hot)");

    AnalysisControls(SettingsModel s, Consumer<String> error) {
        super(4);
        setPadding(new Insets(4));
        analyzeN.setPrefWidth(110);
        analyzeEvery.setPrefWidth(110);
        Fields.spinner(analyzeN, s.analyzeN(), "examples analysed", error);
        Fields.spinner(analyzeEvery, s.analyzeEvery(), "analysis interval", error);
        fullKernel.selectedProperty().bindBidirectional(s.fullKernel());
        centerLabels.selectedProperty().bindBidirectional(s.centerLabels());
        analyzeN.setId("analyzeN");
        analyzeEvery.setId("analyzeEvery");
        fullKernel.setId("fullKernel");
        centerLabels.setId("centerLabels");
        ControlPanel.tip(analyzeN, "How many training examples the spectrum and projections use: every eigenvalue up "
                + "to 2,000 (cost grows as n³), the top k by Lanczos above (up to 10,000; the status line says which "
                + "ran and how long it took).");
        ControlPanel.tip(analyzeEvery, "Steps between analysis frames at the least; the window takes more whenever a "
                + "third of the compute time allows, so the spectrum animates as finely as the machine can afford.");
        ControlPanel.tip(fullKernel, "With several outputs (one-hot labels of K classes) gradient descent is driven "
                + "by the full kernel of all nK outputs, whose square roots are the singular values of the nK-row "
                + "Jacobian. Off: the average of its K diagonal blocks, n × n and much cheaper, but not the kernel "
                + "that trains the net (the axes then say so). The automatic η and the linearized twin use the full "
                + "kernel either way.");
        ControlPanel.tip(centerLabels, "One-hot labels put a share Σ(n_k/n)² of their energy (a tenth for ten "
                + "balanced classes) on the K constant directions, which carry only the class frequencies. On: the "
                + "bars show the energy of the centered labels Y − 𝟙ȳᵀ, the energy beyond those modes. Training uses "
                + "the labels as they are.");
        getChildren().addAll(new Label("Examples analysed"), analyzeN, new Label("Analyse every … steps"),
                analyzeEvery, fullKernel, centerLabels);
    }
}
