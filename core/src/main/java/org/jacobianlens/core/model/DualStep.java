package org.jacobianlens.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two-layer net's full-batch gradient step in its dual (kernel) form, for training sets smaller than twice the
 * input dimension. Every GD update of W is a combination of the training inputs, W ← W − η Gᵀ X with G the n × m
 * backpropagated signal, so W = W₀ − Cᵀ X with C = η Σ G, and the pre-activations Z = X Wᵀ move by
 * Z ← Z − η (X Xᵀ) G. The step therefore needs one n × n × m product where the textbook step needs two n × d × m
 * ones (the forward X Wᵀ and the gradient Gᵀ X): 2n²m instead of 4ndm flops, 5× fewer at the default n = 300,
 * d = 784. It is the same update in exact arithmetic; in floating point Z and C accumulate their own rounding, as W
 * does in the textbook form (TwoLayerNetworkTest checks both forms agree).
 *
 * <p>W itself is only formed when someone asks for it (an analysis frame, a prediction, the weights): one
 * m × n × d product. The test set gets the same treatment: its pre-activations are X* W₀ᵀ − (X* Xᵀ) C, an
 * n* × n × m product per recorded step instead of forming W and an n* × d × m product.
 *
 * <p>Arrays are in the training precision and owned here; the training inputs are not. One thread only.
 */
final class DualStep implements AutoCloseable {
    /** Test sets whose cached products would take more than this many bytes are predicted the textbook way. */
    private static final long TEST_CACHE_BYTES = 64L << 20;

    private final INDArray x;
    private final INDArray w0;
    private final INDArray c;
    private final INDArray gram;
    private INDArray testCross;
    private INDArray testZ0;
    private INDArray testZ;
    private INDArray testX;

    /**
     * @param x n × d training inputs (kept by reference, not closed here)
     * @param w the current m × d weights (copied as W₀)
     */
    DualStep(INDArray x, INDArray w) {
        this.x = x;
        this.w0 = w.dup();
        this.c = Nd4j.zeros(x.dataType(), x.rows(), w.rows());
        this.gram = Nd4j.create(x.dataType(), x.rows(), x.rows());
        Nd4j.gemm(x, x, gram, false, true, 1.0, 0.0);
    }

    /** Whether the dual step takes fewer flops than the textbook one for n examples of dimension d. */
    static boolean cheaper(long n, long d) {
        return n < 2 * d;
    }

    /** Native bytes this form adds to a run: W₀, C, X Xᵀ and the test set's cached products. */
    static long bytes(long n, long d, long m, long nTest, long p) {
        long test = testCacheBytes(n, m, nTest, p) <= TEST_CACHE_BYTES ? testCacheBytes(n, m, nTest, p) : 0;
        return p * (m * d + n * m + n * n) + test;
    }

    private static long testCacheBytes(long n, long m, long nTest, long p) {
        return p * nTest * (n + 2 * m);
    }

    /**
     * One update from the backpropagated signal {@code g} (n × m): Z ← Z − η (X Xᵀ) G and C ← C + η G.
     *
     * @param z the n × m pre-activations, updated in place
     */
    void step(INDArray g, double eta, INDArray z) {
        Nd4j.gemm(gram, g, z, false, false, -eta, 1.0);
        Nd4j.getBlasWrapper().level1().axpy(c.length(), eta, g, c);
    }

    /** Writes W = W₀ − Cᵀ X into {@code w} (m × d). */
    void weightsInto(INDArray w) {
        w.assign(w0);
        Nd4j.gemm(c, x, w, true, false, -1.0, 1.0);
    }

    /** Starts again from the weights {@code w}: W₀ = W, C = 0 (the test set's products follow). */
    void restart(INDArray w) {
        w0.assign(w);
        c.assign(0);
        if (testX != null) {
            Nd4j.gemm(testX, w0, testZ0, false, true, 1.0, 0.0);
        }
    }

    /**
     * Caches X* Xᵀ and X* W₀ᵀ for the test inputs {@code xt} (n* × d, kept by reference) when they fit in
     * {@value #TEST_CACHE_BYTES} bytes; returns whether they did.
     */
    boolean bindTest(INDArray xt) {
        releaseTest();
        long p = x.dataType().width();
        if (testCacheBytes(x.rows(), w0.rows(), xt.rows(), p) > TEST_CACHE_BYTES) {
            return false;
        }
        testX = xt;
        testCross = Nd4j.create(x.dataType(), xt.rows(), x.rows());
        Nd4j.gemm(xt, x, testCross, false, true, 1.0, 0.0);
        testZ0 = Nd4j.create(x.dataType(), xt.rows(), w0.rows());
        Nd4j.gemm(xt, w0, testZ0, false, true, 1.0, 0.0);
        testZ = Nd4j.create(x.dataType(), xt.rows(), w0.rows());
        return true;
    }

    /** The test set's pre-activations X* Wᵀ = X* W₀ᵀ − (X* Xᵀ) C, in a buffer reused by the next call. */
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
        c.close();
        gram.close();
    }
}
