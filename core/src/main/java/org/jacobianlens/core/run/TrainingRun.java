package org.jacobianlens.core.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.linalg.SymmetricEigen;
import org.jacobianlens.core.model.MlpNetwork;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Network;
import org.jacobianlens.core.model.TwoLayerNetwork;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.ntk.SpectralAnalyzer;
import org.jacobianlens.core.theory.AroraTheory;
import org.jacobianlens.core.theory.LayerStats;
import org.jacobianlens.core.theory.LinearizedTwin;
import org.jacobianlens.core.theory.Theory;
import org.jacobianlens.core.theory.WeightAnalysis;

/**
 * A seeded, cancellable training run that advances k steps at a time and publishes immutable snapshots.
 * Not thread-safe: create it, advance it and close it on one (compute) thread; only {@link #cancel()} may be
 * called from another thread. ND4J state never leaves the run: snapshots hold plain arrays.
 *
 * <p>Curves are recorded with geometric thinning ({@link History}); an analysis frame (NTK Gram on the first
 * n_a training examples, its eigendecomposition and label projections) is taken at step 0, every
 * {@code analyzeEvery} steps and when the run stops.
 */
public final class TrainingRun implements AutoCloseable {
    /** Frames kept in a snapshot; older ones are thinned (the first is always kept). */
    static final int MAX_FRAMES = 300;
    private static final int THEORY_POINTS = 240;

    private final RunConfig config;
    private final long runId;
    private final PreparedData data;
    private final Network network;
    private final boolean crossEntropy;
    private final double[][] analysisX;
    private final double[][] analysisYNoisy;
    private final double[][] analysisYClean;
    private final History history = new History();
    private final List<AnalysisFrame> frames = new ArrayList<>();
    private final List<WeightFrame> weightFrames = new ArrayList<>();
    private final double[][][] initialLayers;
    private final LinearizedTwin twin;
    private final History twinHistory = new History();
    private final Random batchRng;
    private final Theory theory;
    private final RunInfo info;
    private double[][] gram0;
    private int step;
    private RunState state = RunState.READY;
    private String message = "";
    private volatile boolean cancelRequested;

    /** Prepares the data (may take seconds for large files) and initializes the network. */
    public TrainingRun(RunConfig config, long runId) throws DatasetException {
        this(config, DataFactory.prepare(config.data()), runId);
    }

    /** Uses already prepared data, which must have been prepared from {@code config.data()}. */
    public TrainingRun(RunConfig config, PreparedData data, long runId) {
        this.config = config;
        this.runId = runId;
        this.data = data;
        this.crossEntropy = config.model() == RunConfig.ModelKind.MLP && config.loss() == MlpSpec.Loss.CROSS_ENTROPY;
        int nA = Math.min(data.nTrain(), config.analyzeN());
        this.analysisX = Arrays.copyOf(data.trainX(), nA);
        this.analysisYNoisy = Targets.encode(Arrays.copyOf(data.trainLabels(), nA), data.numClasses());
        this.analysisYClean = Targets.encode(Arrays.copyOf(data.cleanTrainLabels(), nA), data.numClasses());
        this.batchRng = new Random(config.seed() ^ 0x5DEECE66DL);
        this.network = buildNetwork(resolveLearningRate());
        network.setTrainingData(data.trainX(), Targets.encode(data.trainLabels(), data.numClasses()));
        this.info = new RunInfo(data.name(), data.preprocessing(), data.nTrain(), data.nTest(), nA, data.numClasses(),
                data.corruptedCount(), data.changedCount(), network.parameterCount(), describeModel(),
                network.lossScale(), network.learningRate());
        this.theory = config.theory() && config.model() == RunConfig.ModelKind.TWO_LAYER ? computeTheory() : null;
        this.initialLayers = layers();
        this.twin = linearizable() ? buildTwin() : null;
        record();
        analyze();
    }

    private Network buildNetwork(double lr) {
        if (config.model() == RunConfig.ModelKind.TWO_LAYER) {
            return new TwoLayerNetwork(data.dim(), config.width(), data.outputs(), config.kappa(), lr, config.seed());
        }
        return new MlpNetwork(new MlpSpec(data.dim(), data.outputs(), config.width(), config.depth(),
                config.activation(), config.optimizer(), config.loss(), lr, config.batchSize(), config.seed()));
    }

    /**
     * η as configured, or automatic: 1/(c·λ_max(Θ₀)) on the full training set for plain (S)GD on a squared
     * loss (the largest non-oscillating step, SCIENCE.md §1.4); a tenth of that with momentum; 10⁻³ for Adam
     * and 0.1 for cross-entropy with SGD, where no kernel rule applies.
     */
    private double resolveLearningRate() {
        if (config.learningRate() > 0) {
            return config.learningRate();
        }
        if (config.model() == RunConfig.ModelKind.MLP && config.optimizer() == MlpSpec.Optimizer.ADAM) {
            return 1e-3;
        }
        if (crossEntropy) {
            return 0.1;
        }
        Network probe = buildNetwork(1.0);
        probe.setTrainingData(data.trainX(), Targets.encode(data.trainLabels(), data.numClasses()));
        double lambdaMax = SymmetricEigen.eigenvalues(probe.ntkGram(data.trainX()))[0];
        double eta = AroraTheory.suggestedLearningRate(lambdaMax, probe.lossScale());
        if (probe instanceof AutoCloseable) {
            closeQuietly((AutoCloseable) probe);
        }
        return config.optimizer() == MlpSpec.Optimizer.MOMENTUM && config.model() == RunConfig.ModelKind.MLP
                ? 0.1 * eta : eta;
    }

    private Theory computeTheory() {
        double[][] u0 = network.predict(analysisX);
        return AroraTheory.compute(analysisX, analysisYNoisy, analysisYClean, u0, network.learningRate(),
                network.lossScale(), 0.0, Math.max(config.maxSteps(), 1), THEORY_POINTS);
    }

    /** The closed-form twin needs full-batch gradient descent on the squared loss (SCIENCE.md §5.1). */
    private boolean linearizable() {
        if (!config.theory()) {
            return false;
        }
        return config.model() == RunConfig.ModelKind.TWO_LAYER || (config.optimizer() == MlpSpec.Optimizer.SGD
                && config.loss() == MlpSpec.Loss.SQUARED && (config.batchSize() == 0
                || config.batchSize() >= data.nTrain()));
    }

    /** Θ₀ on training and test inputs together gives the train kernel and the test–train cross kernel in one go. */
    private LinearizedTwin buildTwin() {
        int n = data.nTrain();
        int nTest = data.nTest();
        double[][] union = new double[n + nTest][];
        System.arraycopy(data.trainX(), 0, union, 0, n);
        System.arraycopy(data.testX(), 0, union, n, nTest);
        double[][] g = network.ntkGram(union);
        double[][] train = new double[n][];
        double[][] cross = new double[nTest][];
        for (int i = 0; i < n; i++) {
            train[i] = Arrays.copyOf(g[i], n);
        }
        for (int i = 0; i < nTest; i++) {
            cross[i] = Arrays.copyOf(g[n + i], n);
        }
        return new LinearizedTwin(train, cross, network.predict(data.trainX()),
                nTest > 0 ? network.predict(data.testX()) : new double[0][], Targets.encode(data.trainLabels(),
                data.numClasses()), network.learningRate(), network.lossScale());
    }

    private String describeModel() {
        if (config.model() == RunConfig.ModelKind.TWO_LAYER) {
            return String.format("two-layer ReLU (Arora et al.), m = %d, κ = %s, full-batch GD on ½·Σ‖f − y‖²",
                    config.width(), config.kappa());
        }
        return String.format("MLP %d×%d %s, %s, %s loss, batch %s", config.depth(), config.width(),
                config.activation().name().toLowerCase(), config.optimizer().name().toLowerCase(),
                config.loss() == MlpSpec.Loss.SQUARED ? "squared" : "cross-entropy",
                config.batchSize() == 0 ? "full" : Integer.toString(config.batchSize()));
    }

    /**
     * Takes up to {@code steps} steps (fewer when a stop condition is met or the run is cancelled), recording
     * curves and analysis frames at their cadences, and returns the cumulative snapshot.
     */
    public Snapshot advance(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, found " + steps);
        }
        if (state.terminal()) {
            return snapshot();
        }
        state = RunState.RUNNING;
        try {
            for (int i = 0; i < steps && !state.terminal(); i++) {
                if (cancelRequested) {
                    finish(RunState.CANCELLED, "cancelled at step " + step);
                    break;
                }
                network.trainStep(nextBatch());
                step++;
                if (!network.parametersFinite()) {
                    finish(RunState.DIVERGED, "diverged at step " + step
                            + ": parameters became NaN/Inf (lower the learning rate)");
                    break;
                }
                boolean recorded = History.records(step);
                if (recorded) {
                    record();
                    if (!Double.isFinite(history.lastTrainLoss())) {
                        finish(RunState.DIVERGED, "diverged at step " + step
                                + ": the training loss is not finite (lower the learning rate)");
                        break;
                    }
                }
                if (config.analyzeEvery() > 0 && step % config.analyzeEvery() == 0) {
                    analyze();
                }
                checkStop(recorded);
            }
        } catch (OutOfMemoryError e) {
            finish(RunState.FAILED, "out of memory at step " + step + " — reduce n, the width or the analysis size");
        }
        return snapshot();
    }

    private void checkStop(boolean recorded) {
        if (config.maxSteps() > 0 && step >= config.maxSteps()) {
            finishWithFinalPoint("reached " + step + " steps", recorded);
        } else if (config.targetLoss() > 0) {
            if (!recorded) {
                record();
                recorded = true;
            }
            if (history.lastTrainLoss() <= config.targetLoss()) {
                finishWithFinalPoint("training loss reached " + config.targetLoss() + " at step " + step, true);
            }
        }
    }

    private void finishWithFinalPoint(String why, boolean recorded) {
        if (!recorded) {
            record();
        }
        if (frames.isEmpty() || frames.get(frames.size() - 1).step() != step) {
            analyze();
        }
        finish(RunState.FINISHED, why);
    }

    private void finish(RunState s, String why) {
        state = s;
        message = why;
    }

    private int[] nextBatch() {
        int b = config.batchSize();
        int n = data.nTrain();
        if (config.model() == RunConfig.ModelKind.TWO_LAYER || b == 0 || b >= n) {
            return null;
        }
        int[] idx = new int[b];
        // Partial Fisher–Yates over a fresh index array: b distinct examples per step.
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < b; i++) {
            int j = i + batchRng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            idx[i] = perm[i];
        }
        return idx;
    }

    private void record() {
        double[][] out = network.predict(data.trainX());
        double[][] testOut = data.nTest() > 0 ? network.predict(data.testX()) : new double[0][];
        history.add(step, metrics(out, testOut));
        if (twin != null) {
            twinHistory.add(step, metrics(twin.trainOutputs(step), twin.testOutputs(step)));
        }
    }

    private double[] metrics(double[][] out, double[][] testOut) {
        int k = data.numClasses();
        int[] y = data.trainLabels();
        boolean[] bad = data.corrupted();
        return new double[] {
            Metrics.loss(out, y, k, crossEntropy, null, true),
            data.nTest() > 0 ? Metrics.loss(testOut, data.testLabels(), k, crossEntropy, null, true) : Double.NaN,
            Metrics.accuracy(out, y, null, true),
            data.nTest() > 0 ? Metrics.accuracy(testOut, data.testLabels(), null, true) : Double.NaN,
            Metrics.loss(out, y, k, crossEntropy, bad, false),
            Metrics.loss(out, y, k, crossEntropy, bad, true),
            Metrics.accuracy(out, y, bad, false),
            Metrics.accuracy(out, y, bad, true)};
    }

    private void analyze() {
        double[][] gram = network.ntkGram(analysisX);
        double[][] u = network.predict(analysisX);
        double[][] residual = new double[u.length][];
        for (int i = 0; i < u.length; i++) {
            residual[i] = new double[u[i].length];
            for (int c = 0; c < u[i].length; c++) {
                residual[i][c] = u[i][c] - analysisYNoisy[i][c];
            }
        }
        AnalysisFrame frame = SpectralAnalyzer.analyze(step, gram, analysisYNoisy, analysisYClean, residual, gram0,
                config.cutoffFraction());
        if (gram0 == null) {
            gram0 = gram;
        }
        frames.add(frame);
        weightFrames.add(weightFrame());
        if (frames.size() > MAX_FRAMES) {
            thin(frames);
            thin(weightFrames);
        }
    }

    /** Drops every second entry after the first, keeping the latest: the history stays evenly spread. */
    private static <T> void thin(List<T> list) {
        List<T> kept = new ArrayList<>();
        kept.add(list.get(0));
        for (int i = 1; i < list.size() - 1; i += 2) {
            kept.add(list.get(i));
        }
        kept.add(list.get(list.size() - 1));
        list.clear();
        list.addAll(kept);
    }

    /**
     * The network's layers as the bounds see them, input first: the trained matrices, and for the two-layer net
     * also its fixed output layer a/√m (so the product of norms is that of the function f, SCIENCE.md §1.2).
     */
    private double[][][] layers() {
        double[][][] trained = network.weightMatrices();
        if (!(network instanceof TwoLayerNetwork two)) {
            return trained;
        }
        double[][] a = two.outputSigns();
        double scale = 1 / Math.sqrt(config.width());
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale;
            }
        }
        return new double[][][] {trained[0], a};
    }

    /** Weight statistics and bound proxies now (on the whole training set), or null before initialization. */
    private WeightFrame weightFrame() {
        if (initialLayers == null) {
            return null;
        }
        double[][][] now = layers();
        LayerStats[] stats = new LayerStats[now.length];
        for (int l = 0; l < now.length; l++) {
            stats[l] = WeightAnalysis.layer(now[l], initialLayers[l], WeightAnalysis.DEFAULT_TAU);
        }
        double[][] out = network.predict(data.trainX());
        if (crossEntropy) {
            // predict() gives softmax probabilities; log p_y − log p_k = z_y − z_k, so log-probabilities give
            // exactly the logit margins of the function the weights define.
            for (double[] row : out) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = Math.log(row[k]);
                }
            }
        }
        double[] margins = WeightAnalysis.margins(out, data.trainLabels());
        return new WeightFrame(step, stats, WeightAnalysis.bounds(stats, data.trainX(), margins,
                WeightAnalysis.DEFAULT_GAMMA_QUANTILE));
    }

    /** The current cumulative snapshot without stepping. */
    public Snapshot snapshot() {
        return new Snapshot(runId, step, state, message, history.toCurves(), frames, theory, info,
                weightFrames.stream().filter(java.util.Objects::nonNull).toList(),
                twin == null ? null : twinHistory.toCurves());
    }

    public PreparedData data() {
        return data;
    }

    public RunConfig config() {
        return config;
    }

    public int step() {
        return step;
    }

    public RunState state() {
        return state;
    }

    /** Per-layer weight matrices (n_out × n_in) of the current network, as plain arrays. */
    public double[][][] weights() {
        return network.weightMatrices();
    }

    /** Requests cancellation (safe from any thread); the run stops before its next step. */
    public void cancel() {
        cancelRequested = true;
    }

    @Override
    public void close() {
        if (network instanceof AutoCloseable) {
            closeQuietly((AutoCloseable) network);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Releasing native buffers early is an optimisation; the GC frees them otherwise.
        }
    }
}
