package org.jacobianlens.core.model;

import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ND4J arrays to Java arrays with one bulk copy.
 *
 * <p>Why not {@code INDArray.toDoubleMatrix()}: it reads element by element through ND4J's indexers, about 125 ns
 * per element here — 100 ms for the 1024 × 784 weights, more than a training step, on every analysis frame. A
 * native cast to double (when needed) and one memcpy out of the buffer take about 1 ms.
 *
 * <p>Call inside the network's {@link Scratchpad} when {@code a} is not a plain double array (the cast makes a
 * temporary).
 */
final class NdRows {
    private NdRows() {
    }

    /** The entries of {@code a} in row-major order. */
    static double[] flat(INDArray a) {
        INDArray d = a.dataType() == DataType.DOUBLE ? a : a.castTo(DataType.DOUBLE);
        if (d.ordering() != 'c' || d.isView()) {
            d = d.dup('c');
        }
        double[] out = new double[(int) d.length()];
        ((DoublePointer) d.data().pointer()).position(0).get(out);
        return out;
    }

    /** A matrix as rows. */
    static double[][] rows(INDArray a) {
        int n = (int) a.rows();
        int d = (int) a.columns();
        double[] f = flat(a);
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f, i * d, out[i], 0, d);
        }
        return out;
    }
}
