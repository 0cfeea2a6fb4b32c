package org.jacobianlens.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The full-batch gradient step of a network's first layer in its dual (kernel) form, for training sets smaller
 * than twice the input dimension. Every GD update of the first layer's weights is a combination of the training
 * inputs — W ← W − η Xᵀ G, b ← b − η 𝟙ᵀ G, with G the n × m gradient of the loss with respect to the layer's
 * pre-activations Z = X W + 𝟙bᵀ — so W = W₀ − Xᵀ C and b = b₀ − 𝟙ᵀ C with C = η Σ G, and the pre-activations
 * move by Z ← Z − η (X Xᵀ + 𝟙𝟙ᵀ) G (without the 𝟙𝟙ᵀ for a layer without bias). A step then needs one n × n × m
 * product where the textbook step needs two n × d × m ones (the forward X W and the update Xᵀ G): 2n²m instead of
 * 4ndm flops, 5× fewer for the two-layer net at the default n = 300, d = 784. It is the same update in exact
 * arithmetic; in floating point Z and C accumulate their own rounding as W does in the textbook form (the networks'
 * tests check both forms agree).
 *
 * <p>W itself is only formed when someone reads it (an analysis frame, a prediction, the weights): one
 * m × n × d product. The test set gets the same treatment: its pre-activations are X* W₀ + 𝟙b₀ᵀ − (X* Xᵀ + 𝟙𝟙ᵀ) C,
 * an n* × n × m product per recorded step instead of forming W and an n* × d × m product.
 *
 * <p>Weights come in either layout: m × d (units on rows, Z = X Wᵀ: the two-layer net) or d × m (DL4J's
 * n_in × n_out, Z = X W + 𝟙bᵀ). Arrays are in the training precision and owned here; the inputs and the weights
 * passed in are not. One thread only.
 */
final class DualStep implements AutoCloseable {
    /** Test sets whose cached products would take more than this many bytes are predicted the textbook way. */
    private static final long TEST_CACHE_BYTES = 64L << 20;

    private final INDArray x;
    private final boolean unitsOnRows;
    private final boolean bias;
    private final INDArray w0;
    private final INDArray b0;
    private final INDArray ones;
    private final INDArray c;
    private final INDArray gram;
    private INDArray testX;
    private INDArray testCross;
    private INDArray testZ0;
    private INDArray testZ;

    /**
     * @param x           n × d training inputs (kept by reference, not closed here)
     * @param w           the current weights (copied as W₀): m × d when {@code unitsOnRows}, else d × m
     * @param b           the current 1 × m biases (copied as b₀), or null for a layer without bias
     * @param unitsOnRows the layout of {@code w}
     */
    DualStep(INDArray x, INDArray w, INDArray b, boolean unitsOnRows) {
        this.x = x;
        this.unitsOnRows = unitsOnRows;
        this.bias = b != null;
        this.w0 = w.dup();
        this.b0 = bias ? b.dup() : null;
        long n = x.rows();
        long m = unitsOnRows ? w.rows() : w.columns();
        this.ones = Nd4j.ones(x.dataType(), 1, n);
        this.c = Nd4j.zeros(x.dataType(), n, m);
        this.gram = Nd4j.create(x.dataType(), n, n);
        Nd4j.gemm(x, x, gram, false, true, 1.0, 0.0);
        if (bias) {
            gram.addi(1.0);
        }
    }

    /** Whether the dual step takes fewer flops than the textbook one for n examples of dimension d. */
    static boolean cheaper(long n, long d) {
        return n < 2 * d;
    }

    /** Native bytes this form adds: W₀, C, X Xᵀ and the test set's cached products (p bytes a number). */
    static long bytes(long n, long d, long m, long nTest, long p) {
        long test = testCacheBytes(n, m, nTest, p) <= TEST_CACHE_BYTES ? testCacheBytes(n, m, nTest, p) : 0;
        return p * (m * d + n * m + n * n) + test;
    }

    private static long testCacheBytes(long n, long m, long nTest, long p) {
        return p * nTest * (n + 2 * m);
    }

    /**
     * One update from {@code g} (n × m), the loss gradient with respect to the pre-activations:
     * Z ← Z − η (X Xᵀ [+ 𝟙𝟙ᵀ]) G and C ← C + η G.
     *
     * @param z the n × m pre-activations, updated in place
     */
    void step(INDArray g, double eta, INDArray z) {
        Nd4j.gemm(gram, g, z, false, false, -eta, 1.0);
        Nd4j.getBlasWrapper().level1().axpy(c.length(), eta, g, c);
    }

    /** Writes W = W₀ − Xᵀ C (in the weights' layout) into {@code w} and b = b₀ − 𝟙ᵀ C into the 1 × m {@code b}. */
    void weightsInto(INDArray w, INDArray b) {
        w.assign(w0);
        if (unitsOnRows) {
            Nd4j.gemm(c, x, w, true, false, -1.0, 1.0);
        } else {
            Nd4j.gemm(x, c, w, true, false, -1.0, 1.0);
        }
        if (bias) {
            b.assign(b0);
            Nd4j.gemm(ones, c, b, false, false, -1.0, 1.0);
        }
    }

    /** Starts again from the weights {@code w} and biases {@code b} (W₀ = W, b₀ = b, C = 0). */
    void restart(INDArray w, INDArray b) {
        w0.assign(w);
        if (bias) {
            b0.assign(b);
        }
        c.assign(0);
        if (testX != null) {
            preactivations(testX, testZ0);
        }
    }

    /** z = X W₀ᵀ or X W₀, plus 𝟙b₀ᵀ, for inputs {@code in}. */
    private void preactivations(INDArray in, INDArray z) {
        Nd4j.gemm(in, w0, z, false, unitsOnRows, 1.0, 0.0);
        if (bias) {
            z.addiRowVector(b0);
        }
    }

    /** The n × m pre-activations of the training inputs at the current weights, into {@code z}. */
    void trainPreactivations(INDArray z) {
        preactivations(x, z);
        Nd4j.gemm(gram, c, z, false, false, -1.0, 1.0);
    }

    /**
     * Caches X* Xᵀ and X* W₀ᵀ (with the bias terms) for the test inputs {@code xt} (n* × d, kept by reference) when
     * they fit in {@value #TEST_CACHE_BYTES} bytes; returns whether they did.
     */
    boolean bindTest(INDArray xt) {
        releaseTest();
        long p = x.dataType().width();
        if (testCacheBytes(x.rows(), c.columns(), xt.rows(), p) > TEST_CACHE_BYTES) {
            return false;
        }
        testX = xt;
        testCross = Nd4j.create(x.dataType(), xt.rows(), x.rows());
        Nd4j.gemm(xt, x, testCross, false, true, 1.0, 0.0);
        if (bias) {
            testCross.addi(1.0);
        }
        testZ0 = Nd4j.create(x.dataType(), xt.rows(), c.columns());
        preactivations(xt, testZ0);
        testZ = Nd4j.create(x.dataType(), xt.rows(), c.columns());
        return true;
    }

    /** The test set's pre-activations X* W₀ + 𝟙b₀ᵀ − (X* Xᵀ + 𝟙𝟙ᵀ) C, in a buffer the next call reuses. */
    INDArray testPreactivations() {
        testZ.assign(testZ0);
        Nd4j.gemm(testCross, c, testZ, false, false, -1.0, 1.0);
        return testZ;
    }

    private void releaseTest() {
        for (INDArray a : new INDArray[] {testCross, testZ0, testZ}) {
            if (a != null && !a.wasClosed()) {
                a.close();
            }
        }
        testCross = null;
        testZ0 = null;
        testZ = null;
        testX = null;
    }

    @Override
    public void close() {
        releaseTest();
        w0.close();
        if (b0 != null) {
            b0.close();
        }
        ones.close();
        c.close();
        gram.close();
    }
}
