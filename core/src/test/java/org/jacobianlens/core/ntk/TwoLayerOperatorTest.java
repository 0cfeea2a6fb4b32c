package org.jacobianlens.core.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.bytedeco.javacpp.DoublePointer;
import org.jacobianlens.core.Gaussian;
import org.jacobianlens.core.linalg.SymmetricEigen;
import org.jacobianlens.core.linalg.TopEigen;
import org.jacobianlens.core.model.TwoLayerNetwork;
import org.junit.jupiter.api.Test;

/** The matrix-free two-layer NTK product against the formed Gram. */
class TwoLayerOperatorTest {

    @Test
    void productEqualsTheFormedFullKernelForOneAndThreeOutputs() {
        for (int outputs : new int[] {1, 3}) {
            int n = 30;
            TwoLayerNetwork net = new TwoLayerNetwork(5, 100, outputs, 1.0, 0.1, 7);
            double[][] x = Gaussian.matrix(n, 5, 8);
            double[][] w = net.weightMatrices()[0];
            double[][] a = net.outputSigns();
            double[][] full = outputs == 1 ? TwoLayerKernel.finiteWidth(x, w)
                    : TwoLayerKernel.fullFiniteWidth(x, w, a);
            TwoLayerOperator op = new TwoLayerOperator(x, w, a);
            int big = n * outputs;
            assertEquals(big, op.size());
            Random r = new Random(3);
            double[] v = new double[2 * big];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextGaussian();
            }
            double[] got = new double[2 * big];
            try (DoublePointer px = new DoublePointer(v); DoublePointer py = new DoublePointer(2L * big)) {
                op.apply(px, py, 2);
                py.get(got, 0, 2 * big);
            }
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < big; i++) {
                    double s = 0;
                    for (int j = 0; j < big; j++) {
                        s += full[i][j] * v[c * big + j];
                    }
                    assertEquals(s, got[c * big + i], 1e-12 * (1 + Math.abs(s)), "K = " + outputs + ", row " + i);
                }
            }
        }
    }

    @Test
    void topEigenvaluesThroughTheMatrixFreeProduct() {
        int n = 150;
        double[][] x = Gaussian.matrix(n, 6, 1);
        TwoLayerNetwork net = new TwoLayerNetwork(6, 300, 1, 1.0, 0.1, 2);
        double[][] w = net.weightMatrices()[0];
        double[] dense = SymmetricEigen.eigenvalues(TwoLayerKernel.finiteWidth(x, w));
        TopEigen.Result r = TopEigen.solve(new TwoLayerOperator(x, w, net.outputSigns()), 12);
        assertTrue(!r.dense());
        for (int i = 0; i < 12; i++) {
            assertEquals(dense[i], r.values()[i], 1e-10 * dense[0], "λ_" + i);
        }
        assertTrue(TwoLayerOperator.bytes(60_000, 784, 1024, 10) < 1_000_000_000L,
                "n = 60,000 fits in under 1 GB without the 28.8 GB Gram");
    }
}
