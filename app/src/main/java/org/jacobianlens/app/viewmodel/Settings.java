package org.jacobianlens.app.viewmodel;

import java.util.Arrays;

import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.Synthetic;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.run.RunConfig;

/**
 * What the control panel sets, as plain values. {@link #toConfig()} turns it into a core {@link RunConfig}; a
 * single seed drives data selection, label noise and initialization, so "same seed" means same everything.
 *
 * @param dataset      catalog name, synthetic spec or file path
 * @param classes      comma-separated class indices, or empty for all
 * @param n            training examples
 * @param nTest        test examples
 * @param noise        label noise p ∈ [0, 1]
 * @param center       subtract the training mean before unit-norm scaling
 * @param unitNorm     scale every input row to unit norm (the papers' assumption; off by default for 2-D sets)
 * @param biasInput    append a constant coordinate b to every input, x ↦ (x, b), before unit-norm scaling (on by
 *                     default for 2-D sets: without it the two-layer net, which has no biases, cannot fit classes
 *                     that alternate along rays from the origin)
 * @param model        network family
 * @param width        hidden width
 * @param depth        hidden layers (MLP)
 * @param learningRate η, or 0 for automatic
 * @param optimizer    MLP optimizer
 * @param loss         MLP loss
 * @param seed         the one seed
 * @param analyzeN     examples in the spectral analysis
 * @param analyzeEvery steps between analysis frames
 * @param maxSteps     stop after this many steps (0 = never)
 * @param targetLoss   stop at this training loss (0 = never)
 * @param precision    arithmetic of the training step (kernels and theory are always double)
 * @param fullKernel   with K outputs, analyse the full nK × nK kernel (off: the cheaper block average)
 * @param centerLabels with one-hot labels, show the energy of the centered labels Y − 𝟙ȳᵀ
 */
public record Settings(String dataset, String classes, int n, int nTest, double noise, boolean center,
                       boolean unitNorm, boolean biasInput, RunConfig.ModelKind model, int width, int depth, double learningRate,
                       MlpSpec.Optimizer optimizer, MlpSpec.Loss loss, long seed, int analyzeN, int analyzeEvery,
                       int maxSteps, double targetLoss, Precision precision, boolean fullKernel,
                       boolean centerLabels) {

    /** Share of compute time the live window gives to analysis frames beyond the fixed cadence. */
    public static final double LIVE_ANALYSIS_SHARE = 0.3;

    /**
     * The app's opening state: 300 Fashion-MNIST images of sneakers (class 7, label −1) and ankle boots (class 9,
     * +1), clean labels, the two-layer net at m = 1024. Two classes, because Arora et al.'s net and theory have one
     * output: its kernel is then exactly J Jᵀ and the H∞ theory applies as stated (with all ten classes the exact
     * kernel is the 3000 × 3000 multi-output one, a second per frame instead of ten frames a second). Sneakers against
     * boots: 94.5 % test accuracy on clean labels, chance (48.5 %) on random ones after 3,000 steps.
     */
    public static Settings defaults() {
        return new Settings("fashion-mnist", defaultClasses("fashion-mnist"), 300, 200, 0.0, false, true, false, RunConfig.ModelKind.TWO_LAYER,
                1024, 2, 0.0, MlpSpec.Optimizer.SGD, MlpSpec.Loss.SQUARED, 1L, 300, 25, 3000, 0.0, Precision.FLOAT32, true, true);
    }

    /**
     * The run configuration these settings describe.
     *
     * @throws IllegalArgumentException with a message fit for the user when a value is out of range
     */
    public RunConfig toConfig() {
        DatasetSpec spec = new DatasetSpec(dataset == null ? "" : dataset.trim(), parseClasses(classes), n, nTest,
                noise, center, unitNorm, biasInput, seed);
        return RunConfig.defaults()
                .withData(spec)
                .withModel(model, width, depth)
                .withTraining(learningRate, optimizer, loss, 0)
                .withStop(maxSteps, targetLoss)
                .withAnalysis(analyzeEvery, Math.max(2, analyzeN), RunConfig.defaults().cutoffFraction())
                .withSeed(seed)
                .withPrecision(precision)
                .withBlockKernel(!fullKernel)
                .withCenterLabels(centerLabels)
                // Live: frames as often as 30 % of compute time allows, on top of the cadence (issue 10).
                .withAnalysisShare(LIVE_ANALYSIS_SHARE);
    }

    /** Parses "0, 6" into {0, 6}; empty means all classes (null). */
    public static int[] parseClasses(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            int[] c = Arrays.stream(t.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            if (Arrays.stream(c).distinct().count() != c.length || c.length < 2) {
                throw new IllegalArgumentException("pick at least two different classes, e.g. 0,6");
            }
            return c;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("classes must be numbers separated by commas, e.g. 0,6");
        }
    }

    /** The settings that describe {@code c} (inverse of {@link #toConfig()} for configs the app made). */
    public static Settings fromConfig(RunConfig c) {
        int[] cls = c.data().classes();
        String text = cls == null ? "" : Arrays.stream(cls).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
        return new Settings(c.data().dataset(), text, c.data().nTrain(), c.data().nTest(), c.data().noise(),
                c.data().center(), c.data().unitNorm(), c.data().biasInput(), c.model(), c.width(), c.depth(),
                c.learningRate(), c.optimizer(), c.loss(), c.seed(), c.analyzeN(), c.analyzeEvery(), c.maxSteps(),
                c.targetLoss(), c.precision(), !c.blockKernel(), c.centerLabels());
    }

    public Settings withDataset(String d) {
        return new Settings(d, classes, n, nTest, noise, center, unitNorm, biasInput, model, width, depth,
                learningRate, optimizer, loss, seed, analyzeN, analyzeEvery, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }

    public Settings withNoise(double p) {
        return new Settings(dataset, classes, n, nTest, p, center, unitNorm, biasInput, model, width, depth,
                learningRate, optimizer, loss, seed, analyzeN, analyzeEvery, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }

    public Settings withSize(int train, int test, int analysis) {
        return new Settings(dataset, classes, train, test, noise, center, unitNorm, biasInput, model, width, depth,
                learningRate, optimizer, loss, seed, analysis, analyzeEvery, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }

    public Settings withModel(RunConfig.ModelKind m, int w, int d) {
        return new Settings(dataset, classes, n, nTest, noise, center, unitNorm, biasInput, m, w, d, learningRate,
                optimizer, loss, seed, analyzeN, analyzeEvery, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }

    public Settings withStop(int steps, double target) {
        return new Settings(dataset, classes, n, nTest, noise, center, unitNorm, biasInput, model, width, depth,
                learningRate, optimizer, loss, seed, analyzeN, analyzeEvery, steps, target, precision, fullKernel, centerLabels);
    }

    public Settings withClasses(String c) {
        return new Settings(dataset, c, n, nTest, noise, center, unitNorm, biasInput, model, width, depth,
                learningRate, optimizer, loss, seed, analyzeN, analyzeEvery, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }

    public Settings withCadence(int every) {
        return new Settings(dataset, classes, n, nTest, noise, center, unitNorm, biasInput, model, width, depth,
                learningRate, optimizer, loss, seed, analyzeN, every, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }

    public Settings withTraining(double lr, MlpSpec.Optimizer opt, MlpSpec.Loss l) {
        return new Settings(dataset, classes, n, nTest, noise, center, unitNorm, biasInput, model, width, depth, lr,
                opt, l, seed, analyzeN, analyzeEvery, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }

    public Settings withSeed(long s) {
        return new Settings(dataset, classes, n, nTest, noise, center, unitNorm, biasInput, model, width, depth,
                learningRate, optimizer, loss, s, analyzeN, analyzeEvery, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }

    public Settings withUnitNorm(boolean u) {
        return new Settings(dataset, classes, n, nTest, noise, center, u, biasInput, model, width, depth,
                learningRate, optimizer, loss, seed, analyzeN, analyzeEvery, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }

    public Settings withBiasInput(boolean b) {
        return new Settings(dataset, classes, n, nTest, noise, center, unitNorm, b, model, width, depth,
                learningRate, optimizer, loss, seed, analyzeN, analyzeEvery, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }

    /**
     * Whether inputs of {@code dataset} are scaled to unit norm by default: yes for images and high-dimensional
     * data (the papers assume ‖x‖ = 1), no for the 2-D synthetic sets, whose points would all land on the unit
     * circle and lose the radius that separates them.
     */
    public static boolean defaultUnitNorm(String dataset) {
        return !Synthetic.isPlanar(dataset);
    }

    /**
     * The classes a dataset opens with: sneakers (7) against ankle boots (9) for Fashion-MNIST, the window's
     * one-output default (see {@link #defaults()}), and all classes otherwise. Class indices belong to a dataset, so
     * picking another dataset starts from its own default rather than keep indices that may not exist there.
     */
    public static String defaultClasses(String dataset) {
        String d = dataset == null ? "" : dataset.trim();
        return d.equals("fashion-mnist") || d.equals("fashion-mnist-full") ? "7,9" : "";
    }

    /** Whether inputs of {@code dataset} get the bias input by default ({@link DatasetSpec#defaultBiasInput}). */
    public static boolean defaultBiasInput(String dataset) {
        return DatasetSpec.defaultBiasInput(dataset);
    }

    public Settings withPrecision(Precision p) {
        return new Settings(dataset, classes, n, nTest, noise, center, unitNorm, biasInput, model, width, depth,
                learningRate, optimizer, loss, seed, analyzeN, analyzeEvery, maxSteps, targetLoss, p, fullKernel, centerLabels);
    }

    public Settings withCenter(boolean c) {
        return new Settings(dataset, classes, n, nTest, noise, c, unitNorm, biasInput, model, width, depth,
                learningRate, optimizer, loss, seed, analyzeN, analyzeEvery, maxSteps, targetLoss, precision, fullKernel, centerLabels);
    }
}
