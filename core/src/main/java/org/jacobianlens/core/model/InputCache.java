package org.jacobianlens.core.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The last inputs a network predicted on, converted to its data type once. A run predicts on the same test set
 * (the same Java array) at every recorded step; converting 300 × 784 doubles to an ND4J float array each time cost
 * about as much as the product itself. Keyed by identity: callers must not change an array they passed before.
 */
final class InputCache implements AutoCloseable {
    private final DataType dtype;
    private double[][] key;
    private INDArray value;

    InputCache(DataType dtype) {
        this.dtype = dtype;
    }

    /** {@code x} (at least one row) as an ND4J array of the network's type (kept until a different array is asked for). */
    INDArray of(double[][] x) {
        if (x != key) {
            close();
            INDArray d = Nd4j.create(x);
            value = dtype == DataType.DOUBLE ? d : d.castTo(dtype);
            if (value != d) {
                d.close();
            }
            key = x;
        }
        return value;
    }

    @Override
    public void close() {
        if (value != null) {
            value.close();
            value = null;
            key = null;
        }
    }
}
