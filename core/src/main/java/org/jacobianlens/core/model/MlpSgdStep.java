package org.jacobianlens.core.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Full-batch plain gradient descent for a DL4J-built {@link MlpNetwork}, on DL4J's own parameter views: exactly the
 * update {@code MultiLayerNetwork.fit} makes with {@code Sgd} (DL4J's MSE, (1/K)Σ_k (f_k − y_k)² averaged over the
 * batch, or softmax with multi-class cross-entropy), written as a handful of GEMMs on arrays allocated once.
 *
 * <p>Why not {@code fit}: measured on this project's 2-core VM (784-512-512-10, n = 1000, float32), {@code fit}
 * took 88–100 ms per step against 47 ms for torch and about 40 ms for the GEMMs the step needs: it also
 * backpropagates to the input (a full n × 512 × 784 product nobody uses), copies activations between workspaces
 * and scores the loss separately. This class does the forward pass once (kept for {@link #outputs()}), the backward
 * pass without the input gradient, and folds each update into its GEMM (W ← W − η Aᵀ δ with β = 1) right after
 * that layer's δ has been passed down. With fewer examples than twice the input dimension the first layer steps in
 * its dual form ({@link DualStep}): its pre-activations move by −η(X Xᵀ + 𝟙𝟙ᵀ)δ₁ and its weights are formed only
 * when read ({@link #sync()}), 1.0 instead of 1.6 GFLOP a step at n = 1000, d = 784, width 512. Other optimizers,
 * losses and minibatches keep using {@code fit}. Tests check it against {@code fit} step by step.
 */
final class MlpSgdStep implements AutoCloseable {
    private final INDArray[] w;
    private final INDArray[] b;
    /** The biases as 1 × n_out views of the same memory (DL4J keeps them as vectors), for the update's GEMM. */
    private final INDArray[] bRow;
    private final MlpSpec.Activation activation;
    private final boolean softmax;
    private final INDArray x;
    private final INDArray y;
    /** act[ℓ] is the input of layer ℓ (act[0] = X); act[L] holds the output (probabilities for softmax). */
    private final INDArray[] act;
    /** Two n × width buffers for the backpropagated δ of hidden layers, used in turn. */
    private final INDArray[] delta;
    private final INDArray outDelta;
    /** 1 × n ones: the bias update b ← b − η 𝟙ᵀδ is one GEMM (a column sum is several times slower in ND4J). */
    private final INDArray ones;
    /** n × width buffer for φ′ of a hidden layer. */
    private final INDArray slope;
    /** The first layer's dual step and its kept pre-activations, or null for the textbook step. */
    private final DualStep first;
    private final INDArray firstZ;
    private final Scratchpad scratch;
    /** The test inputs' activations per layer when the dual step caches the test set; else null. */
    private INDArray[] testAct;
    private boolean fresh;
    /** Whether DL4J's first-layer parameters lag behind the dual steps taken since they were last formed. */
    private boolean stale;

    /**
     * @param w    DL4J's weight views per layer (n_in × n_out), updated in place
     * @param b    DL4J's bias views per layer (1 × n_out), updated in place
     * @param dual whether the first layer may step in its dual form (when it is cheaper)
     */
    MlpSgdStep(INDArray[] w, INDArray[] b, MlpSpec spec, INDArray x, INDArray y, Scratchpad scratch, boolean dual) {
        this.w = w;
        this.b = b;
        this.activation = spec.activation();
        this.softmax = spec.loss() == MlpSpec.Loss.CROSS_ENTROPY;
        this.x = x;
        this.y = y;
        this.scratch = scratch;
        DataType dt = x.dataType();
        long n = x.rows();
        int layers = w.length;
        act = new INDArray[layers + 1];
        act[0] = x;
        for (int l = 0; l < layers; l++) {
            act[l + 1] = Nd4j.create(dt, n, w[l].columns());
        }
        delta = new INDArray[] {Nd4j.create(dt, n, spec.width()), Nd4j.create(dt, n, spec.width())};
        outDelta = Nd4j.create(dt, n, spec.outputs());
        ones = Nd4j.ones(dt, 1, n);
        bRow = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            bRow[l] = b[l].reshape('c', 1, b[l].length());
        }
        slope = Nd4j.create(dt, n, spec.width());
        if (dual && layers > 1 && DualStep.cheaper(n, x.columns())) {
            first = new DualStep(x, w[0], bRow[0], false);
            firstZ = Nd4j.create(dt, n, w[0].columns());
            first.trainPreactivations(firstZ);
        } else {
            first = null;
            firstZ = null;
        }
    }

    /** The forward pass into the kept activations. */
    private void forward() {
        scratch.run(() -> forward(act, first != null ? firstZ : null));
        fresh = true;
    }

    /**
     * The forward pass through the activation buffers {@code a} (a[0] the inputs), taking the first layer's
     * pre-activations from {@code z1} when given.
     */
    private void forward(INDArray[] a, INDArray z1) {
        for (int l = 0; l < w.length; l++) {
            INDArray z = a[l + 1];
            if (l == 0 && z1 != null) {
                z.assign(z1);
            } else {
                Nd4j.gemm(a[l], w[l], z, false, false, 1.0, 0.0);
                z.addiRowVector(b[l]);
            }
            if (l < w.length - 1) {
                activate(z);
            } else if (softmax) {
                Transforms.softmax(z, false);
            }
        }
    }

    private void activate(INDArray z) {
        switch (activation) {
            case RELU -> Transforms.relu(z, false);
            case TANH -> Transforms.tanh(z, false);
            case SIGMOID -> Transforms.sigmoid(z, false);
            case IDENTITY -> { }
        }
    }

    /**
     * δ ← δ ⊙ φ′(z), with φ′ read from the activation a = φ(z) itself (ReLU: 1{a > 0} = 1{z > 0}, as DL4J), through
     * the kept buffer: one pass that writes the mask and one product, no temporaries.
     */
    private void multiplyByDerivative(INDArray d, INDArray a) {
        switch (activation) {
            case RELU -> Nd4j.getExecutioner().exec(new Step(a, slope, 0.0));
            case TANH -> slope.assign(a).muli(a).rsubi(1.0);
            case SIGMOID -> slope.assign(a).rsubi(1.0).muli(a);
            case IDENTITY -> {
                return;
            }
        }
        d.muli(slope);
    }

    /** Network outputs on the training set at the current weights (probabilities for softmax). */
    double[][] outputs() {
        if (!fresh) {
            forward();
        }
        return scratch.run(() -> NdRows.rows(act[w.length]));
    }

    /**
     * Caches products of the test inputs {@code xt} (n* × d, kept by reference) for {@link #testOutputs}, when the
     * first layer steps in its dual form and they fit; returns whether it did.
     */
    boolean bindTest(INDArray xt) {
        releaseTest();
        if (first == null || !first.bindTest(xt)) {
            return false;
        }
        testAct = new INDArray[w.length + 1];
        testAct[0] = xt;
        for (int l = 0; l < w.length; l++) {
            testAct[l + 1] = Nd4j.create(xt.dataType(), xt.rows(), w[l].columns());
        }
        return true;
    }

    /** Outputs on the bound test set at the current weights, without forming the first layer's weights. */
    double[][] testOutputs() {
        return scratch.run(() -> {
            forward(testAct, first.testPreactivations());
            return NdRows.rows(testAct[w.length]);
        });
    }

    /**
     * One step with learning rate {@code eta}; returns DL4J's score (the mean loss over the batch) at the weights
     * before the update.
     */
    double step(double eta) {
        if (!fresh) {
            forward();
        }
        int layers = w.length;
        long n = x.rows();
        double score = scratch.run(() -> {
            INDArray out = act[layers];
            double s;
            outDelta.assign(out).subi(y);                          // f − y (for softmax: p − y = ∂loss/∂z)
            if (softmax) {
                s = -Transforms.log(out, true).muli(y).sumNumber().doubleValue() / n;
                outDelta.divi(n);
            } else {
                double norm = outDelta.norm2Number().doubleValue();
                s = norm * norm / (n * out.columns());
                outDelta.muli(2.0 / ((double) n * out.columns()));
            }
            INDArray d = outDelta;
            for (int l = layers - 1; l >= 0; l--) {
                INDArray below = null;
                if (l > 0) {
                    // δ of the layer below, with W_ℓ before its update.
                    below = delta[l % 2];
                    Nd4j.gemm(d, w[l], below, false, true, 1.0, 0.0);
                    multiplyByDerivative(below, act[l]);
                }
                if (l == 0 && first != null) {
                    first.step(d, eta, firstZ);                      // Z₁ ← Z₁ − η (X Xᵀ + 𝟙𝟙ᵀ) δ₁
                    stale = true;
                } else {
                    Nd4j.gemm(act[l], d, w[l], true, false, -eta, 1.0);  // W_ℓ ← W_ℓ − η A_ℓᵀ δ_ℓ
                    Nd4j.gemm(ones, d, bRow[l], false, false, -eta, 1.0); // b_ℓ ← b_ℓ − η 𝟙ᵀ δ_ℓ
                }
                d = below;
            }
            return s;
        });
        fresh = false;
        return score;
    }

    /** Whether the first layer steps in its dual form. */
    boolean dual() {
        return first != null;
    }

    /** Forms the first layer's weights in DL4J's parameters when dual steps were taken since they were last formed. */
    void sync() {
        if (stale) {
            scratch.run(() -> first.weightsInto(w[0], bRow[0]));
            stale = false;
        }
    }

    /**
     * The parameters changed from outside (a DL4J step, new weights), after a {@link #sync()}: the kept forward pass
     * is stale, and the dual step starts again from the new first layer.
     */
    void invalidate() {
        fresh = false;
        if (first != null) {
            stale = false;
            first.restart(w[0], bRow[0]);
            first.trainPreactivations(firstZ);
        }
    }

    private void releaseTest() {
        if (testAct != null) {
            for (int l = 1; l < testAct.length; l++) {
                testAct[l].close();
            }
            testAct = null;
        }
    }

    @Override
    public void close() {
        releaseTest();
        for (int l = 1; l < act.length; l++) {
            act[l].close();
        }
        delta[0].close();
        delta[1].close();
        outDelta.close();
        ones.close();
        slope.close();
        if (first != null) {
            first.close();
            firstZ.close();
        }
    }
}
