package org.jacobianlens.core.linalg;

import org.bytedeco.javacpp.DoublePointer;

/**
 * A symmetric linear map A on ℝⁿ, given only by its action on blocks of vectors: Y = A X. The eigensolvers
 * ({@link TopEigen}, {@link LanczosQuadrature}) need nothing else, so the same code runs on a dense Gram
 * ({@link DenseOperator}) and on a matrix-free product such as K v = J(Jᵀv) (for example
 * {@code org.jacobianlens.core.ntk.TwoLayerOperator}), which keeps memory at O(n·p) when n × n does not fit.
 *
 * <p>Blocks are column-major n × b arrays in native memory (leading dimension n), so a dense operator multiplies
 * with one BLAS-3 call and no copies. Implementations must be deterministic (the same X gives the same Y bit for
 * bit) and may be called from one thread at a time only.
 */
public interface SymmetricOperator {

    /** The order n. */
    int size();

    /**
     * Y = A X.
     *
     * @param x       n × columns, column-major, read from its current position (not modified)
     * @param y       n × columns, column-major, written from its current position (must not overlap x)
     * @param columns b ≥ 1
     */
    void apply(DoublePointer x, DoublePointer y, int columns);

    /**
     * The largest-magnitude entry scale of A if it is cheap to know (a dense operator's max |A_ij|), else NaN.
     * Only used to pick tolerances; NaN is always a valid answer.
     */
    default double scaleHint() {
        return Double.NaN;
    }
}
