package org.jacobianlens.core.model;

import java.util.Random;

import org.jacobianlens.core.ntk.TwoLayerKernel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The two-layer ReLU network of Arora et al. (SCIENCE.md §1.2), generalised to K outputs:
 * f_k(x) = (1/√m) Σ_r a_kr relu(w_rᵀx), with a_kr = ±1 fixed and only W (m × d) trained,
 * w_r ~ N(0, κ² I). Trained by full-batch gradient descent on Φ(W) = ½ Σ_i ‖f(x_i) − y_i‖² (a sum,
 * so the loss-scale constant c is 1). For K outputs every diagonal output block of the NTK equals the
 * one-output Gram (a_kr² = 1), so {@link #ntkGram} is exactly H(W) = (X Xᵀ ⊙ A Aᵀ)/m.
 *
 * <p>The step runs in the chosen {@link Precision} on arrays allocated once per training set: Z = X Wᵀ and
 * H = relu(Z) (n × m) are kept from the forward pass, so outputs read between steps ({@link #trainOutputs}) cost
 * nothing extra, H is reused for the backpropagated (R A) ⊙ 1{Z ≥ 0}, and the update W ← W − η Hᵀ X is one GEMM
 * with β = 1 (no gradient array). The only temporaries (the activation mask) live in a {@link Scratchpad}, so the
 * step allocates no memory after the first one. The Gram is computed in double from the current weights.
 *
 * <p>Not thread-safe; create, train and close on one thread (ND4J workspaces are per thread).
 */
public final class TwoLayerNetwork implements Network {
    /** Rows per block when predicting arbitrary inputs: bounds the n × m temporaries of a prediction. */
    private static final int PREDICT_ROWS = 512;

    private final int width;
    private final int outputs;
    private final int inputDim;
    private final Precision precision;
    private final DataType dtype;
    private double learningRate;
    /** m × d trained weights. */
    private final INDArray w;
    /** outputs × m fixed output signs, already divided by √m. */
    private final INDArray aScaled;
    private final Scratchpad scratch = new Scratchpad();
    private final InputCache inputs;
    private TwoLayerKernel.Inputs gramInputs;
    private INDArray trainX;
    private INDArray trainY;
    private INDArray z;
    private INDArray h;
    private INDArray u;
    private INDArray r;
    /** Whether z, h and u hold the forward pass of the current weights. */
    private boolean fresh;

    /** A double-precision network (as the theory tests want it). */
    public TwoLayerNetwork(int inputDim, int width, int outputs, double kappa, double learningRate, long seed) {
        this(inputDim, width, outputs, kappa, learningRate, seed, Precision.FLOAT64);
    }

    /**
     * @param inputDim     d
     * @param width        m
     * @param outputs      K (1 for a scalar ±1 target)
     * @param kappa        initialization scale κ
     * @param learningRate GD step η
     * @param seed         draws W (Gaussian) and a (signs), in that order, from one {@link Random}
     * @param precision    arithmetic of the training step (the initial draw is the same in both)
     */
    public TwoLayerNetwork(int inputDim, int width, int outputs, double kappa, double learningRate, long seed,
                           Precision precision) {
        if (inputDim < 1 || width < 1 || outputs < 1) {
            throw new IllegalArgumentException("sizes must be positive: d=" + inputDim + ", m=" + width + ", K=" + outputs);
        }
        if (!(kappa > 0) || !(learningRate > 0)) {
            throw new IllegalArgumentException("kappa and learning rate must be positive");
        }
        this.width = width;
        this.outputs = outputs;
        this.inputDim = inputDim;
        this.precision = precision;
        this.dtype = precision == Precision.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
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
        this.inputs = new InputCache(dtype);
        this.w = create(w0);
        this.aScaled = create(a);
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
    public Precision precision() {
        return precision;
    }

    @Override
    public void setTrainingData(double[][] x, double[][] targets) {
        releaseTrainingBuffers();
        int n = x.length;
        trainX = create(x);
        trainY = create(targets);
        z = Nd4j.create(dtype, n, width);
        h = Nd4j.create(dtype, n, width);
        u = Nd4j.create(dtype, n, outputs);
        r = Nd4j.create(dtype, n, outputs);
        fresh = false;
    }

    /** z = X Wᵀ, h = relu(z), u = h aᵀ on the training set, into the kept arrays. */
    private void forward() {
        requireData();
        Nd4j.gemm(trainX, w, z, false, true, 1.0, 0.0);
        h.assign(z);
        Transforms.relu(h, false);
        Nd4j.gemm(h, aScaled, u, false, true, 1.0, 0.0);
        fresh = true;
    }

    @Override
    public double[][] trainOutputs() {
        if (!fresh) {
            forward();
        }
        return scratch.run(() -> NdRows.rows(u));
    }

    /**
     * Full-batch GD step: W ← W − η Σ_i ((f(x_i) − y_i)ᵀ a / √m ⊙ 1{W x_i ≥ 0}) x_iᵀ. The two-layer net ignores
     * {@code batch}. Returns Φ = ½ Σ‖f − y‖² at the weights before the update.
     */
    @Override
    public double trainStep(int[] batch) {
        if (!fresh) {
            forward();
        }
        double norm = scratch.run(() -> {
            r.assign(u).subi(trainY);
            double rNorm = r.norm2Number().doubleValue();
            Nd4j.gemm(r, aScaled, h, false, false, 1.0, 0.0);           // h = R A: n × m
            h.muli(z.gte(0.0).castTo(dtype));                           // ⊙ 1{z ≥ 0}, Arora's convention
            Nd4j.gemm(h, trainX, w, true, false, -learningRate, 1.0);   // W ← W − η Hᵀ X
            return rNorm;
        });
        fresh = false;
        return 0.5 * norm * norm;
    }

    private void requireData() {
        if (trainX == null) {
            throw new IllegalStateException("setTrainingData must be called before training");
        }
    }

    @Override
    public double[][] predict(double[][] x) {
        if (x.length == 0) {
            return new double[0][];
        }
        INDArray input = inputs.of(x);
        double[][] out = new double[x.length][];
        for (int from = 0; from < x.length; from += PREDICT_ROWS) {
            int to = Math.min(x.length, from + PREDICT_ROWS);
            INDArray block = input.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            double[][] part = scratch.run(() -> {
                INDArray zb = block.mmul(w.transpose());
                return NdRows.rows(Transforms.relu(zb, false).mmul(aScaled.transpose()));
            });
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }

    /**
     * H(W) on the rows of x in double precision from the current weights. The input Gram X Xᵀ does not change
     * during training, so it is kept for the last x seen (the analysis set, passed as the same array every frame).
     */
    @Override
    public double[][] ntkGram(double[][] x) {
        if (gramInputs == null || !gramInputs.isFor(x)) {
            gramInputs = TwoLayerKernel.inputs(x);
        }
        return TwoLayerKernel.finiteWidth(gramInputs, weights());
    }

    /**
     * The full nK × nK kernel (class-major): blocks (X Xᵀ ⊙ A diag(a_k ⊙ a_k′) Aᵀ)/m, equal to H(W) on the diagonal
     * and non-zero off it at finite width.
     */
    @Override
    public double[][] fullNtkGram(double[][] x) {
        return TwoLayerKernel.fullFiniteWidth(x, weights(), outputSigns());
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
    public void setLearningRate(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("learning rate must be positive, found " + eta);
        }
        learningRate = eta;
    }

    @Override
    public boolean parametersFinite() {
        return scratch.run(() -> Double.isFinite(w.norm2Number().doubleValue()));
    }

    @Override
    public double[][][] weightMatrices() {
        return new double[][][] {weights()};
    }

    /** The current weights W (m × d) in double. */
    private double[][] weights() {
        return scratch.run(() -> NdRows.rows(w));
    }

    /** The fixed output signs a (K × m, entries ±1). */
    public double[][] outputSigns() {
        double[][] a = scratch.run(() -> NdRows.rows(aScaled));
        double root = Math.sqrt(width);
        for (double[] row : a) {
            for (int r = 0; r < row.length; r++) {
                row[r] = Math.rint(row[r] * root);
            }
        }
        return a;
    }

    /** Replaces the trained weights (m × d); for tests and for restoring a saved state. */
    public void setWeights(double[][] weights) {
        if (weights.length != width || weights[0].length != inputDim) {
            throw new IllegalArgumentException("weights must be " + width + " × " + inputDim);
        }
        INDArray given = create(weights);
        w.assign(given);
        given.close();
        fresh = false;
    }

    private void releaseTrainingBuffers() {
        for (INDArray a : new INDArray[] {trainX, trainY, z, h, u, r}) {
            if (a != null && !a.wasClosed()) {
                a.close();
            }
        }
        trainX = null;
    }

    /** Frees the native memory now instead of when the garbage collector gets to it. */
    @Override
    public void close() {
        releaseTrainingBuffers();
        w.close();
        aScaled.close();
        inputs.close();
        scratch.close();
    }
}
