package org.jacobianlens.core.model;

import org.jacobianlens.core.linalg.Blas;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A multi-layer perceptron built with Deeplearning4j (standard parameterization, weights and biases in every layer):
 * {@code depth} dense hidden layers of {@code width} units and a dense output layer — identity with DL4J's MSE loss,
 * or softmax with multi-class cross-entropy. Trains in the spec's {@link Precision}; the NTK Gram is computed in
 * double from the current weights.
 *
 * <p>Loss scale: DL4J's {@code LossMSE} is (1/K)Σ_k (f_k − y_k)² per example (no ½) and the gradient is
 * averaged over the minibatch, so a full-batch step descends (c/2)Σ_i‖f(x_i) − y_i‖² with c = 2/(nK)
 * (on a minibatch of B examples, 2/(BK)); SCIENCE.md §1.4.
 *
 * <p>Full-batch plain SGD runs through {@link MlpSgdStep} (the same update, a fraction of {@code fit}'s time);
 * momentum, Adam and minibatches through DL4J's {@code fit}. Every temporary of a step, a prediction or a Gram lives
 * in this network's {@link Scratchpad}, so memory does not grow with the number of steps.
 *
 * <p>{@link #predict} returns the network output: raw outputs for the squared loss, softmax probabilities for
 * cross-entropy. The NTK Gram is always the Gram of the Jacobian of the pre-softmax outputs (logits).
 */
public final class MlpNetwork implements Network {
    /** Rows per block when predicting arbitrary inputs. */
    private static final int PREDICT_ROWS = 1024;

    private final MlpSpec spec;
    private final DataType dtype;
    private final MultiLayerNetwork net;
    private final Scratchpad scratch = new Scratchpad();
    private final InputCache inputs;
    private double learningRate;
    private INDArray trainX;
    private INDArray trainY;
    private double[][] testX;
    /** The test inputs in the training precision while the fast step caches products of them; else null. */
    private INDArray testInputs;
    private MlpSgdStep fast;
    private boolean fastAllowed = true;
    /** Whether the fast step may take the first layer's step in its dual form (tests compare the two forms). */
    private boolean dualAllowed = true;

    public MlpNetwork(MlpSpec spec) {
        this.spec = spec;
        this.dtype = spec.precision() == Precision.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
        this.learningRate = spec.learningRate();
        this.inputs = new InputCache(dtype);
        IUpdater updater = switch (spec.optimizer()) {
            case SGD -> new Sgd(spec.learningRate());
            case MOMENTUM -> new Nesterovs(spec.learningRate(), 0.9);
            case ADAM -> new Adam(spec.learningRate());
        };
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(dtype)
                .updater(updater)
                .weightInit(spec.activation() == MlpSpec.Activation.RELU ? WeightInit.RELU : WeightInit.XAVIER)
                .list();
        int in = spec.inputDim();
        for (int l = 0; l < spec.depth(); l++) {
            b.layer(new DenseLayer.Builder().nIn(in).nOut(spec.width()).activation(dl4j(spec.activation())).build());
            in = spec.width();
        }
        boolean xent = spec.loss() == MlpSpec.Loss.CROSS_ENTROPY;
        b.layer(new OutputLayer.Builder(xent ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.MSE)
                .nIn(in).nOut(spec.outputs()).activation(xent ? Activation.SOFTMAX : Activation.IDENTITY).build());
        MultiLayerConfiguration conf = b.build();
        this.net = new MultiLayerNetwork(conf);
        net.init();
    }

    private static Activation dl4j(MlpSpec.Activation a) {
        return switch (a) {
            case RELU -> Activation.RELU;
            case TANH -> Activation.TANH;
            case SIGMOID -> Activation.SIGMOID;
            case IDENTITY -> Activation.IDENTITY;
        };
    }

    /**
     * Native bytes the fast step's dual first layer adds for n examples of dimension d, width m, the given depth and
     * n* test examples in a precision of p bytes (0 when the first layer steps the textbook way).
     */
    public static long dualFormBytes(long n, long d, long m, int depth, long nTest, long p) {
        return depth > 0 && DualStep.cheaper(n, d)
                ? DualStep.bytes(n, d, m, nTest, p) + p * (n * m + nTest * m * depth) : 0;
    }

    public MlpSpec spec() {
        return spec;
    }

    @Override
    public int outputs() {
        return spec.outputs();
    }

    @Override
    public long parameterCount() {
        return net.numParams();
    }

    @Override
    public Precision precision() {
        return spec.precision();
    }

    @Override
    public void setTrainingData(double[][] x, double[][] targets) {
        releaseTrainingData();
        trainX = create(x);
        trainY = create(targets);
        if (spec.optimizer() == MlpSpec.Optimizer.SGD && fastAllowed) {
            fast = new MlpSgdStep(layerWeights(), layerBiases(), spec, trainX, trainY, scratch, dualAllowed);
            bindTest();
        }
    }

    private INDArray create(double[][] values) {
        INDArray d = Nd4j.create(values);
        if (dtype == DataType.DOUBLE) {
            return d;
        }
        INDArray f = d.castTo(dtype);
        d.close();
        return f;
    }

    /** Exactly one parameter update on the minibatch (or on all bound examples when {@code batch} is null). */
    @Override
    public double trainStep(int[] batch) {
        if (trainX == null) {
            throw new IllegalStateException("setTrainingData must be called before trainStep");
        }
        if (batch == null && fast != null) {
            return fast.step(learningRate);
        }
        sync();
        scratch.run(() -> {
            if (batch == null) {
                net.fit(trainX, trainY);
            } else {
                net.fit(trainX.getRows(batch), trainY.getRows(batch));
            }
        });
        if (fast != null) {
            fast.invalidate();
        }
        return net.score();
    }

    @Override
    public double[][] trainOutputs() {
        if (fast != null) {
            return fast.outputs();
        }
        if (trainX == null) {
            throw new IllegalStateException("setTrainingData must be called first");
        }
        return scratch.run(() -> NdRows.rows(net.output(trainX, false, null, null, scratch.active())));
    }

    @Override
    public double[][] predict(double[][] x) {
        if (x.length == 0) {
            return new double[0][];
        }
        sync();
        INDArray input = inputs.of(x);
        double[][] out = new double[x.length][];
        for (int from = 0; from < x.length; from += PREDICT_ROWS) {
            int to = Math.min(x.length, from + PREDICT_ROWS);
            INDArray block = input.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            double[][] part = scratch.run(() -> NdRows.rows(net.output(block, false, null, null,
                    scratch.active())));
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }

    @Override
    public void setTestData(double[][] x) {
        testX = x;
        bindTest();
    }

    private void bindTest() {
        releaseTestInputs();
        if (fast != null && testX != null && testX.length > 0) {
            testInputs = create(testX);
            if (!fast.bindTest(testInputs)) {
                releaseTestInputs();
            }
        }
    }

    private void releaseTestInputs() {
        if (testInputs != null) {
            testInputs.close();
            testInputs = null;
        }
    }

    @Override
    public double[][] testOutputs() {
        if (testX == null) {
            throw new IllegalStateException("setTestData must be called before testOutputs");
        }
        return testInputs != null ? fast.testOutputs() : predict(testX);
    }

    /** Brings DL4J's parameters up to date with the fast step (a dual first layer forms its weights when read). */
    private void sync() {
        if (fast != null) {
            fast.sync();
        }
    }

    /** Trains every later step through DL4J's {@code fit} (tests compare the two paths). */
    void useDl4jFit() {
        sync();
        releaseTestInputs();
        if (fast != null) {
            fast.close();
            fast = null;
        }
        fastAllowed = false;
    }

    /** Trains the first layer with the textbook step from the next training set on (tests compare the two forms). */
    void useTextbookFirstLayer() {
        dualAllowed = false;
    }

    /** Whether the fast step takes the first layer's step in its dual form. */
    boolean dualFirstLayer() {
        return fast != null && fast.dual();
    }

    /** Flattened parameters (DL4J's order), for tests that perturb them. */
    public double[] parameters() {
        sync();
        return scratch.run(() -> NdRows.flat(net.params()));
    }

    /** Replaces all parameters (DL4J's flattened order). */
    public void setParameters(double[] p) {
        sync();
        INDArray given = Nd4j.createFromArray(p).castTo(dtype);
        net.setParams(given);
        if (fast != null) {
            fast.invalidate();
        }
    }

    @Override
    public double[][] ntkGram(double[][] x) {
        return scratch.run(() -> Blas.threaded(() -> MlpKernel.gram(doubleWeights(), doubleBiases(),
                spec.activation(), x)));
    }

    /** The full nK × nK kernel (class-major), from the same per-layer quantities as {@link #ntkGram}. */
    @Override
    public double[][] fullNtkGram(double[][] x) {
        return scratch.run(() -> Blas.threaded(() -> MlpKernel.fullGram(doubleWeights(), doubleBiases(),
                spec.activation(), x)));
    }

    /** {@link #ntkGram} with at most {@code maxChunk} outputs backpropagated together (for tests). */
    double[][] ntkGram(double[][] x, int maxChunk) {
        return scratch.run(() -> MlpKernel.gram(doubleWeights(), doubleBiases(), spec.activation(), x, maxChunk));
    }

    /** DL4J stores W as n_in × n_out; these are views into its parameters. */
    INDArray[] layerWeights() {
        INDArray[] w = new INDArray[spec.depth() + 1];
        for (int l = 0; l < w.length; l++) {
            w[l] = net.getLayer(l).getParam("W");
        }
        return w;
    }

    INDArray[] layerBiases() {
        INDArray[] b = new INDArray[spec.depth() + 1];
        for (int l = 0; l < b.length; l++) {
            b[l] = net.getLayer(l).getParam("b");
        }
        return b;
    }

    /** The weights in double (copies inside the scratchpad when training in float). */
    private INDArray[] doubleWeights() {
        sync();
        return toDouble(layerWeights());
    }

    private INDArray[] doubleBiases() {
        sync();
        return toDouble(layerBiases());
    }

    private INDArray[] toDouble(INDArray[] a) {
        if (dtype == DataType.DOUBLE) {
            return a;
        }
        INDArray[] d = new INDArray[a.length];
        for (int l = 0; l < a.length; l++) {
            d[l] = a[l].castTo(DataType.DOUBLE);
        }
        return d;
    }

    @Override
    public double lossScale() {
        if (spec.loss() != MlpSpec.Loss.SQUARED) {
            return Double.NaN;
        }
        int n = trainX == null ? 1 : (int) trainX.rows();
        return 2.0 / ((double) n * spec.outputs());
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("learning rate must be positive, found " + eta);
        }
        learningRate = eta;
        net.setLearningRate(eta);
    }

    @Override
    public boolean parametersFinite() {
        sync();
        return scratch.run(() -> Double.isFinite(net.params().norm2Number().doubleValue()));
    }

    @Override
    public double[][][] weightMatrices() {
        sync();
        INDArray[] w = layerWeights();
        double[][][] out = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            INDArray wl = w[l];
            out[l] = scratch.run(() -> NdRows.rows(wl.transpose()));
        }
        return out;
    }

    /**
     * Per-layer biases b_ℓ (n_out entries), input layer first, in double: with {@link #weightMatrices()} and the
     * spec's activation the whole function, so that a network with changed weight matrices can be evaluated.
     */
    public double[][] biases() {
        sync();
        INDArray[] b = layerBiases();
        double[][] out = new double[b.length][];
        for (int l = 0; l < b.length; l++) {
            INDArray bl = b[l];
            out[l] = scratch.run(() -> NdRows.flat(bl));
        }
        return out;
    }

    private void releaseTrainingData() {
        sync();
        releaseTestInputs();
        if (fast != null) {
            fast.close();
            fast = null;
        }
        if (trainX != null) {
            trainX.close();
            trainY.close();
            trainX = null;
        }
    }

    /** Frees the native memory now instead of when the garbage collector gets to it. */
    @Override
    public void close() {
        releaseTrainingData();
        inputs.close();
        scratch.close();
        net.close();
    }
}
