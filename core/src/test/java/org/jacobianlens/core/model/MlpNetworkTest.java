package org.jacobianlens.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jacobianlens.core.Gaussian;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MlpNetworkTest {

    private static MlpSpec spec(MlpSpec.Activation act, int outputs, MlpSpec.Optimizer opt, double lr) {
        return new MlpSpec(5, outputs, 4, 2, act, opt, MlpSpec.Loss.SQUARED, lr, 0, 17);
    }

    /**
     * Brute force: J by central finite differences over every parameter (weights and biases), then the
     * block-averaged Gram (1/K) Σ_k J_k J_kᵀ must equal the per-layer formula.
     */
    @ParameterizedTest
    @EnumSource(value = MlpSpec.Activation.class, names = {"TANH", "RELU", "SIGMOID"})
    void perLayerGramEqualsFiniteDifferenceJacobianGram(MlpSpec.Activation act) {
        assertGramMatchesFiniteDifferences(new MlpNetwork(spec(act, 3, MlpSpec.Optimizer.SGD, 0.1)), act);
    }

    /** Depth 1 (no hidden-to-hidden backprop) and depth 3 (two), with 4 outputs backpropagated together. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void perLayerGramMatchesFiniteDifferencesAtOtherDepths(int depth) {
        assertGramMatchesFiniteDifferences(new MlpNetwork(new MlpSpec(5, 4, 4, depth, MlpSpec.Activation.TANH,
                MlpSpec.Optimizer.SGD, MlpSpec.Loss.SQUARED, 0.1, 0, 29)), MlpSpec.Activation.TANH);
    }

    private static void assertGramMatchesFiniteDifferences(MlpNetwork net, MlpSpec.Activation act) {
        double[][] x = Gaussian.matrix(10, 5, 3);
        double[] p = net.parameters();
        double h = 1e-6;
        int n = x.length;
        int k = net.predict(x)[0].length;
        double[][][] jac = new double[k][n][p.length];
        for (int j = 0; j < p.length; j++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[j] += h;
            minus[j] -= h;
            net.setParameters(plus);
            double[][] fp = net.predict(x);
            net.setParameters(minus);
            double[][] fm = net.predict(x);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    jac[c][i][j] = (fp[i][c] - fm[i][c]) / (2 * h);
                }
            }
        }
        net.setParameters(p);
        if (act == MlpSpec.Activation.RELU) {
            assertNoKinkNearby(net, x);
        }
        double[][] g = net.ntkGram(x);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < n; m++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < p.length; j++) {
                        s += jac[c][i][j] * jac[c][m][j];
                    }
                }
                s /= k;
                diff += (s - g[i][m]) * (s - g[i][m]);
                norm += s * s;
            }
        }
        assertTrue(Math.sqrt(diff / norm) < 1e-8, act + ": relative Frobenius error " + Math.sqrt(diff / norm));
    }

    /**
     * The kernel backpropagates several outputs stacked in one product; in chunks of 1, 2 (ragged: 5 = 2+2+1) or
     * all 5 at once the sums must agree to rounding, at depth 3 where the stacked rows pass two hidden layers.
     */
    @Test
    void stackingOutputsInChunksChangesNothing() {
        MlpNetwork net = new MlpNetwork(new MlpSpec(5, 5, 6, 3, MlpSpec.Activation.TANH, MlpSpec.Optimizer.SGD,
                MlpSpec.Loss.SQUARED, 0.1, 0, 23));
        double[][] x = Gaussian.matrix(9, 5, 4);
        double[][] one = net.ntkGram(x, 1);
        for (int chunk : new int[] {2, 5}) {
            double[][] g = net.ntkGram(x, chunk);
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    assertEquals(one[i][j], g[i][j], 1e-12 * Math.abs(one[i][j]) + 1e-14, "chunk " + chunk);
                }
            }
        }
        assertArrayEquals(net.ntkGram(x)[3], net.ntkGram(x, 5)[3], 0.0);
    }

    /** Finite differences are only valid if no ReLU pre-activation lies within the step of its kink. */
    private static void assertNoKinkNearby(MlpNetwork net, double[][] x) {
        double[][][] w = net.weightMatrices();
        double[] p = net.parameters();
        double[][] h = x;
        int offset = 0;
        for (int l = 0; l < w.length - 1; l++) {
            int out = w[l].length;
            int in = w[l][0].length;
            offset += in * out;
            double[][] z = new double[h.length][out];
            for (int i = 0; i < h.length; i++) {
                for (int o = 0; o < out; o++) {
                    double s = p[offset + o];
                    for (int j = 0; j < in; j++) {
                        s += w[l][o][j] * h[i][j];
                    }
                    assertTrue(Math.abs(s) > 1e-4, "pre-activation too close to the ReLU kink");
                    z[i][o] = Math.max(s, 0);
                }
            }
            offset += out;
            h = z;
        }
    }

    /**
     * Pins the loss scale: one full-batch SGD step with a small η changes the outputs by −η c Θ r to first order
     * (SCIENCE.md §2.2), with c = 2/(nK) for DL4J's MSE.
     */
    @Test
    void oneStepMovesOutputsByMinusEtaCThetaResidual() {
        double eta = 1e-4;
        MlpNetwork net = new MlpNetwork(spec(MlpSpec.Activation.TANH, 1, MlpSpec.Optimizer.SGD, eta));
        double[][] x = Gaussian.matrix(12, 5, 5);
        double[][] y = new double[12][1];
        for (int i = 0; i < 12; i++) {
            y[i][0] = i % 2 == 0 ? 1 : -1;
        }
        net.setTrainingData(x, y);
        double[][] f0 = net.predict(x);
        double[][] theta = net.ntkGram(x);
        double c = net.lossScale();
        assertEquals(2.0 / 12, c, 1e-15);
        net.trainStep(null);
        double[][] f1 = net.predict(x);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < 12; i++) {
            double pred = 0;
            for (int j = 0; j < 12; j++) {
                pred -= eta * c * theta[i][j] * (f0[j][0] - y[j][0]);
            }
            double actual = f1[i][0] - f0[i][0];
            err += (actual - pred) * (actual - pred);
            norm += pred * pred;
        }
        assertTrue(Math.sqrt(err / norm) < 1e-3, "relative error " + Math.sqrt(err / norm));
    }

    @Test
    void sameSeedSameTrajectoryAndOneUpdatePerStep() {
        double[][] x = Gaussian.matrix(20, 5, 9);
        double[][] y = new double[20][3];
        for (int i = 0; i < 20; i++) {
            y[i][i % 3] = 1;
        }
        for (MlpSpec.Optimizer opt : MlpSpec.Optimizer.values()) {
            MlpNetwork a = new MlpNetwork(spec(MlpSpec.Activation.RELU, 3, opt, 0.01));
            MlpNetwork b = new MlpNetwork(spec(MlpSpec.Activation.RELU, 3, opt, 0.01));
            a.setTrainingData(x, y);
            b.setTrainingData(x, y);
            double[] before = a.parameters();
            a.trainStep(null);
            assertTrue(!java.util.Arrays.equals(before, a.parameters()), opt + " updated");
            for (int s = 0; s < 4; s++) {
                a.trainStep(new int[] {0, 3, 5, 7});
            }
            for (int s = 0; s < 1; s++) {
                b.trainStep(null);
            }
            for (int s = 0; s < 4; s++) {
                b.trainStep(new int[] {0, 3, 5, 7});
            }
            assertArrayEquals(a.parameters(), b.parameters(), 0.0, opt + " deterministic");
        }
    }

    @Test
    void crossEntropyTrainsAndPredictsProbabilities() {
        double[][] x = Gaussian.matrix(60, 5, 2);
        double[][] y = new double[60][3];
        for (int i = 0; i < 60; i++) {
            int cls = x[i][0] > 0.5 ? 0 : x[i][0] < -0.5 ? 1 : 2;
            y[i][cls] = 1;
        }
        MlpNetwork net = new MlpNetwork(new MlpSpec(5, 3, 16, 1, MlpSpec.Activation.RELU, MlpSpec.Optimizer.ADAM,
                MlpSpec.Loss.CROSS_ENTROPY, 0.01, 0, 1));
        net.setTrainingData(x, y);
        double before = xent(net.predict(x), y);
        for (int s = 0; s < 200; s++) {
            net.trainStep(null);
        }
        double[][] p = net.predict(x);
        assertEquals(1.0, p[0][0] + p[0][1] + p[0][2], 1e-12);
        assertTrue(xent(p, y) < 0.5 * before, "cross-entropy fell from " + before + " to " + xent(p, y));
        assertTrue(Double.isNaN(net.lossScale()));
    }

    private static double xent(double[][] p, double[][] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < y[i].length; k++) {
                if (y[i][k] > 0) {
                    s -= Math.log(p[i][k]);
                }
            }
        }
        return s / p.length;
    }
}
