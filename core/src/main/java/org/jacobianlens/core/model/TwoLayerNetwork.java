package org.jacobianlens.core.model;

import java.util.Random;

import org.jacobianlens.core.ntk.TwoLayerKernel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The two-layer ReLU network of Arora et al. (SCIENCE.md §1.2), generalised to K outputs:
 * f_k(x) = (1/√m) Σ_r a_kr relu(w_rᵀx), with a_kr = ±1 fixed and only W (m × d) trained,
 * w_r ~ N(0, κ² I). Trained by full-batch gradient descent on Φ(W) = ½ Σ_i ‖f(x_i) − y_i‖² (a sum,
 * so the loss-scale constant c is 1). For K outputs every diagonal output block of the NTK equals the
 * one-output Gram (a_kr² = 1), so {@link #ntkGram} is exactly H(W) = (X Xᵀ ⊙ A Aᵀ)/m.
 *
 * <p>Parameters live in double-precision ND4J arrays; only plain arrays cross the interface.
 */
public final class TwoLayerNetwork implements Network {

    private final int width;
    private final int outputs;
    private final double learningRate;
    /** m × d trained weights. */
    private final INDArray w;
    /** outputs × m fixed output signs, already divided by √m. */
    private final INDArray aScaled;
    private final double[][] initialWeights;
    private INDArray trainX;
    private INDArray trainY;

    /**
     * @param inputDim     d
     * @param width        m
     * @param outputs      K (1 for a scalar ±1 target)
     * @param kappa        initialization scale κ
     * @param learningRate GD step η
     * @param seed         draws W (Gaussian) and a (signs), in that order, from one {@link Random}
     */
    public TwoLayerNetwork(int inputDim, int width, int outputs, double kappa, double learningRate, long seed) {
        if (inputDim < 1 || width < 1 || outputs < 1) {
            throw new IllegalArgumentException("sizes must be positive: d=" + inputDim + ", m=" + width + ", K=" + outputs);
        }
        if (!(kappa > 0) || !(learningRate > 0)) {
            throw new IllegalArgumentException("kappa and learning rate must be positive");
        }
        this.width = width;
        this.outputs = outputs;
        this.learningRate = learningRate;
        Random rng = new Random(seed);
        double[][] w0 = new double[width][inputDim];
        for (double[] row : w0) {
            for (int j = 0; j < inputDim; j++) {
                row[j] = kappa * rng.nextGaussian();
            }
        }
        double[][] a = new double[outputs][width];
        double scale = 1.0 / Math.sqrt(width);
        for (double[] row : a) {
            for (int r = 0; r < width; r++) {
                row[r] = rng.nextBoolean() ? scale : -scale;
            }
        }
        this.initialWeights = w0;
        this.w = Nd4j.create(w0);
        this.aScaled = Nd4j.create(a);
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public long parameterCount() {
        return w.length();
    }

    public int width() {
        return width;
    }

    @Override
    public void setTrainingData(double[][] x, double[][] targets) {
        trainX = Nd4j.create(x);
        trainY = Nd4j.create(targets);
    }

    /** Full-batch GD step: W ← W − η Σ_i ((f(x_i) − y_i)ᵀ a / √m ⊙ 1{W x_i ≥ 0}) x_iᵀ. The two-layer net ignores batch. */
    @Override
    public void trainStep(int[] batch) {
        if (trainX == null) {
            throw new IllegalStateException("setTrainingData must be called before trainStep");
        }
        INDArray z = trainX.mmul(w.transpose());                   // n × m pre-activations
        INDArray active = z.gte(0.0).castTo(DataType.DOUBLE);        // 1{z ≥ 0}
        INDArray u = Transforms.relu(z, false).mmul(aScaled.transpose()); // n × K outputs (relu in place)
        INDArray residual = u.subi(trainY);                          // n × K
        INDArray back = residual.mmul(aScaled).muli(active);         // n × m
        INDArray grad = back.transpose().mmul(trainX);               // m × d
        w.subi(grad.muli(learningRate));
    }

    @Override
    public double[][] predict(double[][] x) {
        INDArray z = Nd4j.create(x).mmul(w.transpose());
        return Transforms.relu(z, false).mmul(aScaled.transpose()).toDoubleMatrix(); // relu in place on a temporary
    }

    @Override
    public double[][] ntkGram(double[][] x) {
        return TwoLayerKernel.finiteWidth(x, w.toDoubleMatrix());
    }

    /**
     * The full nK × nK kernel (class-major): blocks (X Xᵀ ⊙ A diag(a_k ⊙ a_k′) Aᵀ)/m, equal to H(W) on the diagonal
     * and non-zero off it at finite width.
     */
    @Override
    public double[][] fullNtkGram(double[][] x) {
        return TwoLayerKernel.fullFiniteWidth(x, w.toDoubleMatrix(), outputSigns());
    }

    @Override
    public double lossScale() {
        return 1.0;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public boolean parametersFinite() {
        double s = w.sumNumber().doubleValue();
        return Double.isFinite(s) && Double.isFinite(w.norm2Number().doubleValue());
    }

    @Override
    public double[][][] weightMatrices() {
        return new double[][][] {w.toDoubleMatrix()};
    }

    /** The fixed output signs a (K × m, entries ±1). */
    public double[][] outputSigns() {
        return aScaled.mul(Math.sqrt(width)).toDoubleMatrix();
    }

    /** Replaces the trained weights (m × d); for tests and for restoring a saved state. */
    public void setWeights(double[][] weights) {
        if (weights.length != w.rows() || weights[0].length != w.columns()) {
            throw new IllegalArgumentException("weights must be " + w.rows() + " × " + w.columns());
        }
        w.assign(Nd4j.create(weights));
    }

    /** The weights at initialization (m × d), for weight-movement measures. */
    public double[][] initialWeights() {
        double[][] copy = new double[initialWeights.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = initialWeights[i].clone();
        }
        return copy;
    }
}
