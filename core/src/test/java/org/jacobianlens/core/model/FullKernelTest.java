package org.jacobianlens.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.jacobianlens.core.Gaussian;
import org.jacobianlens.core.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;

/**
 * The full nK × nK kernels against explicitly built Jacobians (K = 3): Θ = J Jᵀ entry by entry, its eigenvalues
 * are the squared singular values of J (LAPACK dgesdd on J itself), and the mean of its diagonal blocks is the
 * block-averaged kernel the app used so far.
 */
class FullKernelTest {

    @Test
    void mlpFullKernelIsTheGramOfTheExplicitJacobian() {
        for (MlpSpec.Activation act : new MlpSpec.Activation[] {MlpSpec.Activation.TANH, MlpSpec.Activation.RELU}) {
            MlpNetwork net = new MlpNetwork(new MlpSpec(5, 3, 4, 2, act, MlpSpec.Optimizer.SGD,
                    MlpSpec.Loss.SQUARED, 0.1, 0, 23));
            double[][] x = Gaussian.matrix(7, 5, 4);
            double[][] j = mlpJacobian(net, act, x);
            assertKernelMatches(net.fullNtkGram(x), j, net.ntkGram(x), 7, 3);
        }
    }

    @Test
    void twoLayerFullKernelIsTheGramOfTheExplicitJacobianAndNotBlockDiagonal() {
        int n = 8;
        int m = 40;
        TwoLayerNetwork net = new TwoLayerNetwork(4, m, 3, 1.0, 0.1, 5);
        double[][] x = Gaussian.matrix(n, 4, 6);
        double[][] w = net.weightMatrices()[0];
        double[][] a = net.outputSigns();
        double[][] j = new double[3 * n][m * 4];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < m; r++) {
                    double z = 0;
                    for (int c = 0; c < 4; c++) {
                        z += w[r][c] * x[i][c];
                    }
                    if (z >= 0) {
                        for (int c = 0; c < 4; c++) {
                            j[k * n + i][r * 4 + c] = a[k][r] / Math.sqrt(m) * x[i][c];
                        }
                    }
                }
            }
        }
        double[][] full = net.fullNtkGram(x);
        assertKernelMatches(full, j, net.ntkGram(x), n, 3);
        double off = 0;
        for (int i = 0; i < n; i++) {
            off = Math.max(off, Math.abs(full[i][n + i]));
        }
        assertTrue(off > 0.01, "off-diagonal blocks are non-zero at finite width: " + off);
    }

    private static void assertKernelMatches(double[][] full, double[][] j, double[][] averaged, int n, int outputs) {
        int big = n * outputs;
        double scale = 0;
        for (int r = 0; r < big; r++) {
            for (int c = 0; c < big; c++) {
                double s = 0;
                for (int p = 0; p < j[0].length; p++) {
                    s += j[r][p] * j[c][p];
                }
                scale = Math.max(scale, Math.abs(s));
                assertEquals(s, full[r][c], 1e-12 * Math.max(1, Math.abs(s)), "Θ entry " + r + ", " + c);
            }
        }
        double[] lambda = SymmetricEigen.eigenvalues(full);
        double[] sigma = singularValues(j);
        for (int i = 0; i < big; i++) {
            double s2 = i < sigma.length ? sigma[i] * sigma[i] : 0.0;
            assertEquals(s2, lambda[i], 1e-12 * scale, "λ_" + i + " = σ_" + i + "²");
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < n; c++) {
                double mean = 0;
                for (int k = 0; k < outputs; k++) {
                    mean += full[k * n + i][k * n + c] / outputs;
                }
                assertEquals(mean, averaged[i][c], 1e-12 * scale, "block average at " + i + ", " + c);
            }
        }
    }

    /** J of the logits by plain-Java backprop over the DL4J weights: rows (k, i) class-major, all W and b. */
    private static double[][] mlpJacobian(MlpNetwork net, MlpSpec.Activation act, double[][] x) {
        double[][][] w = new double[net.layerWeights().length][][];
        double[][] b = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            w[l] = net.layerWeights()[l].toDoubleMatrix(); // n_in × n_out
            b[l] = net.layerBiases()[l].toDoubleVector();
        }
        int layers = w.length;
        int outputs = b[layers - 1].length;
        int params = 0;
        for (int l = 0; l < layers; l++) {
            params += w[l].length * w[l][0].length + b[l].length;
        }
        int n = x.length;
        double[][] j = new double[n * outputs][params];
        for (int i = 0; i < n; i++) {
            double[][] h = new double[layers][];
            double[][] deriv = new double[layers][];
            h[0] = x[i];
            for (int l = 0; l < layers - 1; l++) {
                double[] z = affine(h[l], w[l], b[l]);
                h[l + 1] = new double[z.length];
                deriv[l] = new double[z.length];
                for (int r = 0; r < z.length; r++) {
                    if (act == MlpSpec.Activation.TANH) {
                        h[l + 1][r] = Math.tanh(z[r]);
                        deriv[l][r] = 1 - h[l + 1][r] * h[l + 1][r];
                    } else {
                        h[l + 1][r] = Math.max(z[r], 0);
                        deriv[l][r] = z[r] > 0 ? 1 : 0;
                    }
                }
            }
            for (int k = 0; k < outputs; k++) {
                double[] delta = new double[outputs];
                delta[k] = 1;
                double[] row = j[k * n + i];
                int at = params;
                for (int l = layers - 1; l >= 0; l--) {
                    int in = w[l].length;
                    int out = w[l][0].length;
                    at -= in * out + out;
                    for (int p = 0; p < in; p++) {
                        for (int q = 0; q < out; q++) {
                            row[at + p * out + q] = h[l][p] * delta[q];
                        }
                    }
                    for (int q = 0; q < out; q++) {
                        row[at + in * out + q] = delta[q];
                    }
                    if (l > 0) {
                        double[] below = new double[in];
                        for (int p = 0; p < in; p++) {
                            double s = 0;
                            for (int q = 0; q < out; q++) {
                                s += w[l][p][q] * delta[q];
                            }
                            below[p] = s * deriv[l - 1][p];
                        }
                        delta = below;
                    }
                }
            }
        }
        return j;
    }

    private static double[] affine(double[] h, double[][] w, double[] b) {
        double[] z = b.clone();
        for (int p = 0; p < h.length; p++) {
            for (int q = 0; q < z.length; q++) {
                z[q] += h[p] * w[p][q];
            }
        }
        return z;
    }

    /** Singular values of J (rows × cols), descending, by LAPACK dgesdd on J itself. */
    static double[] singularValues(double[][] j) {
        int rows = j.length;
        int cols = j[0].length;
        int k = Math.min(rows, cols);
        try (DoublePointer a = new DoublePointer((long) rows * cols); DoublePointer s = new DoublePointer(k);
             DoublePointer u = new DoublePointer(1); DoublePointer vt = new DoublePointer(1)) {
            for (int r = 0; r < rows; r++) {
                a.position((long) r * cols).put(j[r], 0, cols);
            }
            a.position(0);
            int info = openblas.LAPACKE_dgesdd(openblas.LAPACK_ROW_MAJOR, (byte) 'N', rows, cols, a, cols, s, u, 1,
                    vt, 1);
            assertEquals(0, info, "dgesdd");
            double[] out = new double[k];
            s.get(out, 0, k);
            return out;
        }
    }
}
