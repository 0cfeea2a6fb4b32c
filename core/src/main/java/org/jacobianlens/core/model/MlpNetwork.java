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
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A multi-layer perceptron built and trained with Deeplearning4j (standard parameterization, weights and biases
 * in every layer, double precision): {@code depth} dense hidden layers of {@code width} units and a dense output
 * layer — identity with DL4J's MSE loss, or softmax with multi-class cross-entropy.
 *
 * <p>Loss scale: DL4J's {@code LossMSE} is (1/K)Σ_k (f_k − y_k)² per example (no ½) and the gradient is
 * averaged over the minibatch, so a full-batch step descends (c/2)Σ_i‖f(x_i) − y_i‖² with c = 2/(nK)
 * (on a minibatch of B examples, 2/(BK)); SCIENCE.md §1.4.
 *
 * <p>{@link #predict} returns the network output: raw outputs for the squared loss, softmax probabilities for
 * cross-entropy. The NTK Gram is always the Gram of the Jacobian of the pre-softmax outputs (logits).
 */
public final class MlpNetwork implements Network {

    private final MlpSpec spec;
    private final MultiLayerNetwork net;
    private INDArray trainX;
    private INDArray trainY;

    public MlpNetwork(MlpSpec spec) {
        this.spec = spec;
        IUpdater updater = switch (spec.optimizer()) {
            case SGD -> new Sgd(spec.learningRate());
            case MOMENTUM -> new Nesterovs(spec.learningRate(), 0.9);
            case ADAM -> new Adam(spec.learningRate());
        };
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.DOUBLE)
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
    public void setTrainingData(double[][] x, double[][] targets) {
        trainX = Nd4j.create(x);
        trainY = Nd4j.create(targets);
    }

    /** Exactly one parameter update on the minibatch (or on all bound examples when {@code batch} is null). */
    @Override
    public void trainStep(int[] batch) {
        if (trainX == null) {
            throw new IllegalStateException("setTrainingData must be called before trainStep");
        }
        if (batch == null) {
            net.fit(trainX, trainY);
        } else {
            INDArray rows = Nd4j.createFromArray(batch);
            net.fit(trainX.getRows(batch), trainY.getRows(batch));
            rows.close();
        }
    }

    @Override
    public double[][] predict(double[][] x) {
        return net.output(Nd4j.create(x), false).toDoubleMatrix();
    }

    /** Flattened parameters (DL4J's order), for tests that perturb them. */
    public double[] parameters() {
        return net.params().toDoubleVector();
    }

    /** Replaces all parameters (DL4J's flattened order). */
    public void setParameters(double[] p) {
        net.setParams(Nd4j.createFromArray(p));
    }

    @Override
    public double[][] ntkGram(double[][] x) {
        return Blas.threaded(() -> MlpKernel.gram(layerWeights(), layerBiases(), spec.activation(), x));
    }

    /** The full nK × nK kernel (class-major), from the same per-layer quantities as {@link #ntkGram}. */
    @Override
    public double[][] fullNtkGram(double[][] x) {
        return Blas.threaded(() -> MlpKernel.fullGram(layerWeights(), layerBiases(), spec.activation(), x));
    }

    /** {@link #ntkGram} with at most {@code maxChunk} outputs backpropagated together (for tests). */
    double[][] ntkGram(double[][] x, int maxChunk) {
        return MlpKernel.gram(layerWeights(), layerBiases(), spec.activation(), x, maxChunk);
    }

    /** DL4J stores W as n_in × n_out. */
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
        return spec.learningRate();
    }

    @Override
    public boolean parametersFinite() {
        double s = net.params().norm2Number().doubleValue();
        return Double.isFinite(s);
    }

    @Override
    public double[][][] weightMatrices() {
        INDArray[] w = layerWeights();
        double[][][] out = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            out[l] = w[l].transpose().toDoubleMatrix();
        }
        return out;
    }
}
