package org.jacobianlens.core.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.bytedeco.javacpp.Pointer;
import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.decision.DecisionGrid;
import org.jacobianlens.core.decision.DecisionMap;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.model.MlpNetwork;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Network;
import org.jacobianlens.core.model.TwoLayerNetwork;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.theory.LayerStats;
import org.jacobianlens.core.theory.LinearizedTwin;
import org.jacobianlens.core.theory.Theory;
import org.jacobianlens.core.theory.WeightAnalysis;

/**
 * A seeded, cancellable training run that advances k steps at a time and publishes immutable snapshots.
 * Not thread-safe: create it, advance it and close it on one (compute) thread; only {@link #cancel()} may be
 * called from another thread. ND4J state never leaves the run: snapshots hold plain arrays.
 *
 * <p>Curves are recorded with geometric thinning ({@link History}); the training-set outputs come from the forward
 * pass the next step reuses, so only the test set costs an extra forward, and only at recorded steps. An analysis
 * frame (NTK Gram on the first n_a training examples, its eigenpairs — all of them up to
 * {@link org.jacobianlens.core.linalg.EigenSolver#DENSE_LIMIT}, the top {@link RunConfig#topK()} by Lanczos above — and label projections,
 * matrix-free for the two-layer net where the Gram does not fit) is taken at
 * step 0, every {@code analyzeEvery} steps, when the run stops and — with a positive {@code analysisShare} — as
 * often as that share of compute time allows ({@link Cadence}). Weight statistics come with every frame at a fixed
 * cadence, and with a time share of their own otherwise.
 *
 * <p>A run ends {@link RunState#DIVERGED} when its loss turns non-finite or grows 10⁶-fold ({@link Divergence}),
 * and {@link RunState#FAILED} when memory runs out; then its network's native memory is returned at once.
 */
public final class TrainingRun implements AutoCloseable {
    /** Frames kept in a snapshot; older ones are thinned (the first is always kept). */
    static final int MAX_FRAMES = 300;
    /** Decision maps kept in a snapshot (each gridSize² outputs; sessions save them all). */
    static final int MAX_DECISIONS = 64;
    private static final int THEORY_POINTS = 240;
    /** Share of compute time weight statistics may take when frames are budgeted (an SVD-sized job per frame). */
    private static final double WEIGHT_SHARE = 0.05;
    /** Largest n_a whose initial Gram is kept for the kernel drift (two 8n_a² heap arrays, 200 MB each here). */
    static final int KEEP_GRAM0_MAX = 5000;

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
    private final List<DecisionMap> decisions = new ArrayList<>();
    private final DecisionGrid decisionGrid;
    private final WeightTracker weightTracker;
    private final Cadence frameCadence;
    private final Cadence weightCadence;
    private final Divergence divergence = new Divergence();
    private final LinearizedTwin twin;
    private final History twinHistory = new History();
    private final Random batchRng;
    private final Theory theory;
    private final RunInfo info;
    private final KernelFrames kernelFrames;
    private int step;
    private RunState state = RunState.READY;
    private String message = "";
    private volatile boolean cancelRequested;
    private long busyNanos;
    private int framesTaken;
    private boolean released;

    /** Prepares the data (may take seconds for large files) and initializes the network. */
    public TrainingRun(RunConfig config, long runId) throws DatasetException {
        this(config, DataFactory.prepare(config.data()), runId);
    }

    /**
     * Uses already prepared data, which must have been prepared from {@code config.data()}.
     *
     * @throws IllegalArgumentException with a one-line reason when the run would not fit in this JVM's memory
     *                                  ({@link MemoryEstimate}), before any allocation
     */
    public TrainingRun(RunConfig config, PreparedData data, long runId) {
        this(config, data, runId, SimulatedOutOfMemory.fromSystemProperty());
    }

    /**
     * As above, with the built network passed through {@code wrap} (identity but in tests, which wrap it to
     * inject failures such as an allocation failure at a chosen step).
     *
     * @throws RunOutOfMemoryException when memory runs out during set-up; everything allocated is released
     */
    TrainingRun(RunConfig config, PreparedData data, long runId, UnaryOperator<Network> wrap) {
        long t0 = System.nanoTime();
        String tooBig = MemoryEstimate.refusal(List.of(config), 1, data.nTrain(), data.nTest(), data.dim(),
                data.outputs());
        if (tooBig != null) {
            throw new IllegalArgumentException(tooBig);
        }
        this.config = config;
        this.runId = runId;
        this.data = data;
        this.crossEntropy = config.model() == RunConfig.ModelKind.MLP && config.loss() == MlpSpec.Loss.CROSS_ENTROPY;
        int nA = Math.min(data.nTrain(), config.analyzeN());
        this.analysisX = Arrays.copyOf(data.trainX(), nA);
        this.analysisYNoisy = Targets.encode(Arrays.copyOf(data.trainLabels(), nA), data.numClasses());
        this.analysisYClean = Targets.encode(Arrays.copyOf(data.cleanTrainLabels(), nA), data.numClasses());
        this.batchRng = new Random(config.seed() ^ 0x5DEECE66DL);
        this.frameCadence = new Cadence(config.analyzeEvery(), config.analysisShare());
        long heapMax = Runtime.getRuntime().maxMemory();
        this.kernelFrames = new KernelFrames(config, MemoryEstimate.framePath(config, data.nTrain(), data.dim(),
                heapMax, Pointer.maxBytes()), MemoryEstimate.fullFrames(config, data.nTrain(), data.outputs(),
                heapMax), analysisX, analysisYNoisy, analysisYClean);
        this.weightCadence = new Cadence(config.analysisShare() > 0 ? 0 : config.analyzeEvery(),
                config.analysisShare() > 0 ? WEIGHT_SHARE : 0);
        this.decisionGrid = DecisionGrid.of(config.data(), data, DecisionGrid.DEFAULT_SIZE);
        Network built = null;
        try {
            built = buildNetwork(config.learningRate() > 0 ? config.learningRate() : 1.0);
            this.network = wrap.apply(built);
        } catch (OutOfMemoryError e) {
            if (built != null) {
                built.close();
            }
            throw new RunOutOfMemoryException(e);
        }
        try {
            network.setTrainingData(data.trainX(), Targets.encode(data.trainLabels(), data.numClasses()));
            network.setTestData(data.testX());
            String etaSource = "given";
            if (config.learningRate() == 0) {
                etaSource = TheorySetup.automaticLearningRate(config, network, data);
            }
            this.info = new RunInfo(data.name(), data.preprocessing(), data.nTrain(), data.nTest(), nA,
                    data.numClasses(), data.corruptedCount(), data.changedCount(), network.parameterCount(),
                    describeModel(), network.lossScale(), network.learningRate(), kernelFrames.kernel(), etaSource);
            this.theory = config.theory() && config.model() == RunConfig.ModelKind.TWO_LAYER
                    ? TheorySetup.hInfinity(config, network, analysisX, analysisYNoisy, analysisYClean, THEORY_POINTS)
                    : null;
            this.weightTracker = new WeightTracker(network, config.width());
            this.twin = MemoryEstimate.twin(config, data.nTrain(), data.nTest(), data.outputs(),
                    Runtime.getRuntime().maxMemory()) ? TheorySetup.twin(network, data) : null;
            record();
            busyNanos = System.nanoTime() - t0;
            analyze(true);
        } catch (OutOfMemoryError e) {
            network.close();
            throw new RunOutOfMemoryException(e);
        } catch (RuntimeException | Error e) {
            network.close();
            throw e;
        }
    }

    private Network buildNetwork(double lr) {
        if (config.model() == RunConfig.ModelKind.TWO_LAYER) {
            return new TwoLayerNetwork(data.dim(), config.width(), data.outputs(), config.kappa(), lr, config.seed(),
                    config.precision());
        }
        return new MlpNetwork(new MlpSpec(data.dim(), data.outputs(), config.width(), config.depth(),
                config.activation(), config.optimizer(), config.loss(), lr, config.batchSize(), config.seed(),
                config.precision()));
    }

    private String describeModel() {
        String precision = config.precision().name().toLowerCase() + " training (kernels and theory in float64)";
        if (config.model() == RunConfig.ModelKind.TWO_LAYER) {
            return String.format("two-layer ReLU (Arora et al.), m = %d, κ = %s, full-batch GD on ½·Σ‖f − y‖², %s",
                    config.width(), config.kappa(), precision);
        }
        return String.format("MLP %d×%d %s, %s, %s loss, batch %s, %s", config.depth(), config.width(),
                config.activation().name().toLowerCase(), config.optimizer().name().toLowerCase(),
                config.loss() == MlpSpec.Loss.SQUARED ? "squared" : "cross-entropy",
                config.batchSize() == 0 ? "full" : Integer.toString(config.batchSize()), precision);
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
        long start = System.nanoTime();
        long busyBefore = busyNanos;
        try {
            for (int i = 0; i < steps && !state.terminal(); i++) {
                if (cancelRequested) {
                    finish(RunState.CANCELLED, "cancelled at step " + step);
                    break;
                }
                String diverged = divergence.check(step, network.trainStep(nextBatch()));
                if (diverged != null) {
                    finish(RunState.DIVERGED, diverged);
                    break;
                }
                step++;
                boolean recorded = History.records(step);
                if (recorded) {
                    record();
                }
                busyNanos = busyBefore + System.nanoTime() - start;
                if (frameCadence.due(step, busyNanos)) {
                    analyze(weightCadence.due(step, busyNanos));
                }
                checkStop(recorded);
            }
        } catch (OutOfMemoryError e) {
            finish(RunState.FAILED, "out of memory at step " + step + ": try a smaller n or width");
            release();
        }
        busyNanos = busyBefore + System.nanoTime() - start;
        return snapshot();
    }

    private void checkStop(boolean recorded) {
        if (config.maxSteps() > 0 && step >= config.maxSteps()) {
            finishWithFinalPoint("reached " + step + " steps", recorded);
        } else if (config.targetLoss() > 0) {
            // The training outputs are the next step's forward pass, so checking every step costs no forward.
            double loss = recorded ? history.lastTrainLoss() : Metrics.loss(network.trainOutputs(),
                    data.trainLabels(), data.numClasses(), crossEntropy, null, true);
            if (loss <= config.targetLoss()) {
                finishWithFinalPoint("training loss reached " + config.targetLoss() + " at step " + step, recorded);
            }
        }
    }

    private void finishWithFinalPoint(String why, boolean recorded) {
        if (!recorded) {
            record();
        }
        if (frames.isEmpty() || frames.get(frames.size() - 1).step() != step) {
            analyze(true);
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

    /** Records the curves at the current step: the training outputs are the next step's forward pass. */
    private void record() {
        double[][] out = network.trainOutputs();
        double[][] testOut = data.nTest() > 0 ? network.testOutputs() : new double[0][];
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

    /** One analysis frame at the current step, with weight statistics when {@code withWeights}. */
    private void analyze(boolean withWeights) {
        long t0 = System.nanoTime();
        double[][] out = network.trainOutputs();
        AnalysisFrame frame = kernelFrames.take(step, network, out);
        frames.add(frame);
        framesTaken++;
        if (decisionGrid != null) {
            decisions.add(decisionGrid.map(step, network));
        }
        long t1 = System.nanoTime();
        frameCadence.ran(busyNanos, busyNanos + t1 - t0);
        busyNanos += t1 - t0;
        if (withWeights) {
            weightFrames.add(weightTracker.frame(step, out, data.trainX(), data.trainLabels(), data.testX(),
                    data.testLabels(), crossEntropy));
            long t2 = System.nanoTime();
            weightCadence.ran(busyNanos, busyNanos + t2 - t1);
            busyNanos += t2 - t1;
        }
        if (frames.size() > MAX_FRAMES) {
            thin(frames);
        }
        if (weightFrames.size() > MAX_FRAMES) {
            thin(weightFrames);
        }
        if (decisions.size() > MAX_DECISIONS) {
            thin(decisions);
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

    /** The current cumulative snapshot without stepping. */
    public Snapshot snapshot() {
        return new Snapshot(runId, step, state, message, history.toCurves(), frames, theory, info,
                weightFrames, twin == null ? null : twinHistory.toCurves(), framesTaken, decisions);
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
        if (released) {
            throw new IllegalStateException("the run failed and released its network");
        }
        return network.weightMatrices();
    }

    /** Requests cancellation (safe from any thread); the run stops before its next step. */
    public void cancel() {
        cancelRequested = true;
    }

    /** Returns the network's native memory now (the run can no longer step). */
    private void release() {
        if (!released) {
            released = true;
            network.close();
            kernelFrames.close();
        }
    }

    @Override
    public void close() {
        release();
    }
}
