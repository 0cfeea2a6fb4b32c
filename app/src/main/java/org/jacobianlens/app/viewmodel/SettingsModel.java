package org.jacobianlens.app.viewmodel;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.run.RunConfig;

/**
 * The run settings as observable properties, one per control: the control panel binds its widgets to these
 * (bidirectionally), and {@link #current()} is the one place they become a {@link Settings} record. Values start
 * at {@link Settings#defaults()}; picking a dataset sets the classes and the unit-norm and bias-input switches to
 * that dataset's defaults ({@link Settings#defaultClasses}, {@link Settings#defaultUnitNorm},
 * {@link Settings#defaultBiasInput}), which the user may then change.
 */
public final class SettingsModel {
    private final StringProperty dataset = new SimpleStringProperty();
    private final StringProperty classes = new SimpleStringProperty();
    private final ObjectProperty<Integer> n = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> nTest = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> noise = new SimpleObjectProperty<>();
    private final BooleanProperty center = new SimpleBooleanProperty();
    private final BooleanProperty unitNorm = new SimpleBooleanProperty();
    private final BooleanProperty biasInput = new SimpleBooleanProperty();
    private final BooleanProperty fullKernel = new SimpleBooleanProperty();
    private final BooleanProperty centerLabels = new SimpleBooleanProperty();
    private final ObjectProperty<RunConfig.ModelKind> model = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> width = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> depth = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> learningRate = new SimpleObjectProperty<>();
    private final ObjectProperty<MlpSpec.Optimizer> optimizer = new SimpleObjectProperty<>();
    private final ObjectProperty<MlpSpec.Loss> loss = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> analyzeN = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> analyzeEvery = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> maxSteps = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> targetLoss = new SimpleObjectProperty<>();
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>();

    public SettingsModel() {
        load(Settings.defaults());
        dataset.addListener((o, a, b) -> {
            classes.set(Settings.defaultClasses(b));
            unitNorm.set(Settings.defaultUnitNorm(b));
            biasInput.set(Settings.defaultBiasInput(b));
        });
    }

    /** Shows {@code s} in every property (after a lesson, a saved session or the last exit's settings). */
    public void load(Settings s) {
        dataset.set(s.dataset());
        classes.set(s.classes());
        n.set(s.n());
        nTest.set(s.nTest());
        noise.set(s.noise());
        center.set(s.center());
        unitNorm.set(s.unitNorm()); // after the dataset, whose listener sets its default
        biasInput.set(s.biasInput()); // likewise
        model.set(s.model());
        width.set(s.width());
        depth.set(s.depth());
        learningRate.set(s.learningRate());
        optimizer.set(s.optimizer());
        loss.set(s.loss());
        seed.set((int) Math.min(Integer.MAX_VALUE, s.seed()));
        analyzeN.set(s.analyzeN());
        analyzeEvery.set(s.analyzeEvery());
        maxSteps.set(s.maxSteps());
        targetLoss.set(s.targetLoss());
        precision.set(s.precision());
        fullKernel.set(s.fullKernel());
        centerLabels.set(s.centerLabels());
    }

    /**
     * The settings the properties describe (the analysis never uses more examples than there are).
     *
     * @throws IllegalArgumentException with a message fit for the user when they describe no valid run
     */
    public Settings current() {
        Settings s = new Settings(dataset.get(), classes.get(), n.get(), nTest.get(), noise.get(), center.get(),
                unitNorm.get(), biasInput.get(), model.get(), width.get(), depth.get(), learningRate.get(),
                optimizer.get(), loss.get(), seed.get(), Math.min(analyzeN.get(), n.get()), analyzeEvery.get(),
                maxSteps.get(), targetLoss.get(), precision.get(),
                fullKernel.get(), centerLabels.get());
        s.toConfig();
        return s;
    }

    /** Every property whose change describes a different run (so the run resets after a quiet period). */
    public List<ObservableValue<?>> all() {
        return List.of(dataset, classes, n, nTest, noise, center, unitNorm, biasInput, model, width, depth,
                learningRate, optimizer, loss, seed, analyzeN, analyzeEvery, maxSteps, targetLoss, precision, fullKernel,
                centerLabels);
    }

    public StringProperty dataset() {
        return dataset;
    }

    /** Comma-separated class indices, empty for all. */
    public StringProperty classes() {
        return classes;
    }

    public ObjectProperty<Integer> n() {
        return n;
    }

    public ObjectProperty<Integer> nTest() {
        return nTest;
    }

    /** Label noise p ∈ [0, 1]. */
    public ObjectProperty<Double> noise() {
        return noise;
    }

    public BooleanProperty center() {
        return center;
    }

    public BooleanProperty unitNorm() {
        return unitNorm;
    }

    /** Append the constant coordinate b to every input (x ↦ (x, b)). */
    public BooleanProperty biasInput() {
        return biasInput;
    }

    public ObjectProperty<RunConfig.ModelKind> model() {
        return model;
    }

    public ObjectProperty<Integer> width() {
        return width;
    }

    public ObjectProperty<Integer> depth() {
        return depth;
    }

    /** η, or 0 for automatic. */
    public ObjectProperty<Double> learningRate() {
        return learningRate;
    }

    public ObjectProperty<MlpSpec.Optimizer> optimizer() {
        return optimizer;
    }

    public ObjectProperty<MlpSpec.Loss> loss() {
        return loss;
    }

    public ObjectProperty<Integer> seed() {
        return seed;
    }

    public ObjectProperty<Integer> analyzeN() {
        return analyzeN;
    }

    public ObjectProperty<Integer> analyzeEvery() {
        return analyzeEvery;
    }

    public ObjectProperty<Integer> maxSteps() {
        return maxSteps;
    }

    public ObjectProperty<Double> targetLoss() {
        return targetLoss;
    }

    /** With K outputs, whether frames analyse the full nK × nK kernel (else the cheaper block average). */
    public BooleanProperty fullKernel() {
        return fullKernel;
    }

    /** With one-hot labels, whether the label energies shown are of the centered labels Y − 𝟙ȳᵀ. */
    public BooleanProperty centerLabels() {
        return centerLabels;
    }

    /** Arithmetic of the training step (float32 by default; kernels and theory are always double). */
    public ObjectProperty<Precision> precision() {
        return precision;
    }
}
