package org.jacobianlens.core.model;

import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.SymmetricOperator;

/**
 * A trainable network as the training loop sees it. Implementations keep their parameters in ND4J/DL4J
 * structures, but every method takes and returns plain Java arrays so that nothing native leaks out of the
 * compute thread. Not thread-safe: create, use and close on one thread only (ND4J workspaces are per thread).
 * {@link #close()} returns the native memory at once rather than when the garbage collector gets to it.
 */
public interface Network extends AutoCloseable {

    /** Output dimension (1 for a scalar ±1 target, K for one-hot). */
    int outputs();

    /** Number of trained parameters (rows of Jᵀ). */
    long parameterCount();

    /** Arithmetic of the training step; kernels are always double. */
    Precision precision();

    /** Binds the training set (n × d inputs, n × outputs targets) that {@link #trainStep} uses. */
    void setTrainingData(double[][] x, double[][] targets);

    /**
     * One optimizer update on the bound training set.
     *
     * @param batch indices of the minibatch, or {@code null} for the full batch
     * @return the training loss at the weights before the update, in the optimizer's own convention (on the
     *         minibatch when there is one); used to notice divergence without an extra forward pass
     */
    double trainStep(int[] batch);

    /**
     * n × outputs outputs on the bound training set at the current weights. Implementations may keep the forward
     * pass for the next {@link #trainStep}, so reading outputs between steps costs nothing extra.
     */
    double[][] trainOutputs();

    /** n × outputs network outputs. */
    double[][] predict(double[][] x);

    /**
     * Binds the test inputs (n* × d) whose outputs {@link #testOutputs} gives at every recorded step; a network may
     * keep products of them to make that cheaper. The array must not change afterwards.
     */
    void setTestData(double[][] x);

    /** n* × outputs outputs on the bound test set at the current weights, as {@link #predict} gives them. */
    double[][] testOutputs();

    /**
     * Empirical NTK Gram of the trained parameters on the rows of x, in double precision:
     * Θ = (1/K) Σ_k Θ^(k,k), the average of the K diagonal output blocks (for one output, J Jᵀ).
     * Scaled exactly as the optimizer sees the parameters (same parameterization); see {@link #lossScale()}.
     */
    double[][] ntkGram(double[][] x);

    /**
     * {@link #ntkGram} held in native memory (column-major, 8n² bytes) as an operator for the top-k eigensolver, for
     * analysis sets past the dense limit where an n × n heap array would not fit; close it after use. By default the
     * heap Gram copied over (networks that can build it in place override this).
     */
    default DenseOperator ntkGramOperator(double[][] x) {
        return DenseOperator.of(ntkGram(x));
    }

    /**
     * The full multi-output NTK, the exact kernel of gradient descent on the squared loss with K outputs
     * (SCIENCE.md §2.5): nK × nK, Θ_{(i,k),(j,k′)} = ⟨∇θ f_k(x_i), ∇θ f_k′(x_j)⟩ in class-major order (row k·n + i),
     * in double precision and the same parameterization as {@link #ntkGram}, whose value is the mean of this
     * kernel's K diagonal blocks. For one output both are J Jᵀ. Memory 8(nK)² bytes.
     */
    double[][] fullNtkGram(double[][] x);

    /**
     * The full multi-output kernel of {@link #fullNtkGram} as a matrix-free product (class-major vectors), for sizes
     * where the nK × nK matrix does not fit; null when this network has no such product (then only the formed
     * kernel exists).
     */
    default SymmetricOperator fullNtkProduct(double[][] x) {
        return null;
    }

    /**
     * The constant c of the loss written as (c/2)·Σᵢ‖f(xᵢ) − yᵢ‖² for full-batch training, so that the
     * linearized residual obeys r ← (I − η c Θ) r (SCIENCE.md §1.4). NaN when the loss is not squared.
     */
    double lossScale();

    /** Learning rate η the optimizer uses. */
    double learningRate();

    /** Changes η (the automatic η is found from the initial kernel of this very network). */
    void setLearningRate(double eta);

    /** Whether every parameter is finite (used to detect divergence). */
    boolean parametersFinite();

    /** Per-layer weight matrices as plain arrays (rows = outputs of the layer), for weight statistics. */
    double[][][] weightMatrices();

    @Override
    void close();
}
