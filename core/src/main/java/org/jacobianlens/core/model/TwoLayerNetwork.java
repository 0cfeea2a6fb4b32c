package org.jacobianlens.core.model;

import java.util.Random;

import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.SymmetricOperator;
import org.jacobianlens.core.ntk.TwoLayerOperator;
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
 * nothing extra, and H is reused for the backpropagated (R A) ⊙ 1{Z ≥ 0}. With fewer examples than twice the input
 * dimension (the default n = 300 images of d = 784) the update is made in its dual form ({@link DualStep}):
 * Z ← Z − η (X Xᵀ) G, one n × n × m product instead of the forward X Wᵀ and the update W ← W − η Gᵀ X, and W is
 * formed only when it is read. Otherwise W ← W − η Gᵀ X is one GEMM with β = 1 (no gradient array). The only
 * temporaries (the activation mask) live in a {@link Scratchpad}, so the step allocates no memory after the first
 * one. The Gram is computed in double from the current weights.
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
    /** The dual form of the step, when the training set is small enough for it to be cheaper; else null. */
    private DualStep dual;
    /** Whether the dual form may be chosen (tests force the textbook form to compare the two). */
    private boolean dualAllowed = true;
    /** Dual form only: whether w lags behind the steps taken since it was last formed. */
    private boolean weightsStale;
    private double[][] testKey;
    /** The test inputs in the training precision, when the dual form caches products of them; else null. */
    private INDArray testX;
    /** Whether h and u hold the forward pass of the current weights (z always does in the dual form). */
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

    /**
     * Native bytes the dual form of the step adds for n examples of dimension d, width m and n* test examples in a
     * precision of p bytes (0 when the textbook step is used): W₀, C, X Xᵀ and the test set's cached products.
     */
    public static long dualFormBytes(long n, long d, long m, long nTest, long p) {
        return DualStep.cheaper(n, d) ? DualStep.bytes(n, d, m, nTest, p) : 0;
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
        if (dualAllowed && DualStep.cheaper(n, inputDim)) {
            dual = new DualStep(trainX, w, null, true);
            Nd4j.gemm(trainX, w, z, false, true, 1.0, 0.0);
            bindTest();
        }
        fresh = false;
    }

    /** Trains every later training set with the textbook step W ← W − η Gᵀ X (tests compare the two forms). */
    void useTextbookStep() {
        syncWeights();
        dualAllowed = false;
    }

    /** Whether steps are taken in the dual form ({@link DualStep}). */
    boolean dualStep() {
        return dual != null;
    }

    @Override
    public void setTestData(double[][] x) {
        releaseTestInputs();
        testKey = x;
        bindTest();
    }

    private void bindTest() {
        if (testKey != null && testKey.length > 0 && dual != null) {
            testX = create(testKey);
            if (!dual.bindTest(testX)) {
                releaseTestInputs();
            }
        }
    }

    private void releaseTestInputs() {
        if (testX != null) {
            testX.close();
            testX = null;
        }
    }

    @Override
    public double[][] testOutputs() {
        if (testKey == null) {
            throw new IllegalStateException("setTestData must be called before testOutputs");
        }
        if (testX == null) {
            return predict(testKey);
        }
        return scratch.run(() -> {
            INDArray zt = dual.testPreactivations();
            Transforms.relu(zt, false);
            return NdRows.rows(zt.mmul(aScaled.transpose()));
        });
    }

    /** z = X Wᵀ (textbook form; the dual form keeps z up to date), h = relu(z), u = h aᵀ, into the kept arrays. */
    private void forward() {
        requireData();
        if (dual == null) {
            Nd4j.gemm(trainX, w, z, false, true, 1.0, 0.0);
        }
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
            Nd4j.gemm(r, aScaled, h, false, false, 1.0, 0.0);           // G = R A: n × m
            h.muli(z.gte(0.0).castTo(dtype));                           // ⊙ 1{z ≥ 0}, Arora's convention
            if (dual != null) {
                dual.step(h, learningRate, z);                          // Z ← Z − η (X Xᵀ) G
                weightsStale = true;
            } else {
                Nd4j.gemm(h, trainX, w, true, false, -learningRate, 1.0); // W ← W − η Gᵀ X
            }
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
        syncWeights();
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

    /** H(W) built straight into native memory (no n × n heap array): for analysis sets past the dense limit. */
    @Override
    public DenseOperator ntkGramOperator(double[][] x) {
        return TwoLayerKernel.finiteWidthOperator(x, weights());
    }

    /**
     * The full nK × nK kernel (class-major): blocks (X Xᵀ ⊙ A diag(a_k ⊙ a_k′) Aᵀ)/m, equal to H(W) on the diagonal
     * and non-zero off it at finite width.
     */
    @Override
    public double[][] fullNtkGram(double[][] x) {
        return TwoLayerKernel.fullFiniteWidth(x, weights(), outputSigns());
    }

    /** The full nK × nK kernel as the matrix-free product K v = J(Jᵀv) with the real output signs. */
    @Override
    public SymmetricOperator fullNtkProduct(double[][] x) {
        return new TwoLayerOperator(x, weights(), outputSigns());
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
        syncWeights();
        return scratch.run(() -> Double.isFinite(w.norm2Number().doubleValue()));
    }

    @Override
    public double[][][] weightMatrices() {
        return new double[][][] {weights()};
    }

    /** The current weights W (m × d) in double. */
    private double[][] weights() {
        syncWeights();
        return scratch.run(() -> NdRows.rows(w));
    }

    /** Forms W = W₀ − Cᵀ X when steps were taken in the dual form since it was last formed. */
    private void syncWeights() {
        if (dual != null && weightsStale) {
            dual.weightsInto(w, null);
            weightsStale = false;
        }
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
        weightsStale = false;
        if (dual != null) {
            dual.restart(w, null);
            Nd4j.gemm(trainX, w, z, false, true, 1.0, 0.0);
        }
        fresh = false;
    }

    private void releaseTrainingBuffers() {
        syncWeights();
        if (dual != null) {
            dual.close();
            dual = null;
        }
        releaseTestInputs();
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
