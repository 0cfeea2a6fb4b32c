package org.jacobianlens.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.jacobianlens.core.linalg.Reference;
import org.junit.jupiter.api.Test;

class TwoLayerNetworkTest {

    private static double[][] randomUnitRows(int n, int d, long seed) {
        return Reference.randomUnitRows(n, d, new Random(seed));
    }

    private static double loss(TwoLayerNetwork net, double[][] x, double[][] y) {
        double[][] u = net.predict(x);
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            for (int k = 0; k < u[i].length; k++) {
                s += 0.5 * (u[i][k] - y[i][k]) * (u[i][k] - y[i][k]);
            }
        }
        return s;
    }

    @Test
    void predictionMatchesTheDefinitionComputedByHand() {
        double[][] x = randomUnitRows(6, 5, 1);
        TwoLayerNetwork net = new TwoLayerNetwork(5, 7, 2, 1.0, 0.1, 42);
        double[][] w = net.weightMatrices()[0];
        double[][] a = net.outputSigns();
        double[][] u = net.predict(x);
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 2; k++) {
                double f = 0;
                for (int r = 0; r < 7; r++) {
                    assertEquals(1.0, Math.abs(a[k][r]), 1e-15);
                    double z = 0;
                    for (int j = 0; j < 5; j++) {
                        z += w[r][j] * x[i][j];
                    }
                    f += a[k][r] * Math.max(z, 0);
                }
                assertEquals(f / Math.sqrt(7), u[i][k], 1e-12);
            }
        }
    }

    /** One GD step equals W − η ∂Φ/∂W with the gradient taken by central finite differences of Φ. */
    @Test
    void gradientStepMatchesFiniteDifferences() {
        double[][] x = randomUnitRows(8, 4, 3);
        double[][] y = new double[8][1];
        for (int i = 0; i < 8; i++) {
            y[i][0] = i % 2 == 0 ? 1 : -1;
        }
        double eta = 0.05;
        TwoLayerNetwork net = new TwoLayerNetwork(4, 6, 1, 1.0, eta, 11);
        TwoLayerNetwork probe = new TwoLayerNetwork(4, 6, 1, 1.0, eta, 11);
        double[][] w0 = net.weightMatrices()[0];
        net.setTrainingData(x, y);
        net.trainStep(null);
        double[][] w1 = net.weightMatrices()[0];
        double h = 1e-6;
        for (int r = 0; r < 6; r++) {
            for (int j = 0; j < 4; j++) {
                double fd = (lossAt(probe, w0, r, j, h, x, y) - lossAt(probe, w0, r, j, -h, x, y)) / (2 * h);
                assertEquals(w0[r][j] - eta * fd, w1[r][j], 1e-8, "w[" + r + "][" + j + "]");
            }
        }
    }

    private static double lossAt(TwoLayerNetwork probe, double[][] w0, int r, int j, double h, double[][] x,
                                 double[][] y) {
        double[][] w = new double[w0.length][];
        for (int i = 0; i < w.length; i++) {
            w[i] = w0[i].clone();
        }
        w[r][j] += h;
        probe.setWeights(w);
        return loss(probe, x, y);
    }

    /** Θ = J Jᵀ with J built explicitly: J_i,(r,j) = (1/√m) a_r 1{w_r·x_i ≥ 0} x_ij; a_r² = 1 so a drops out. */
    @Test
    void gramIsTheExplicitJacobianGramForEveryOutputBlock() {
        double[][] x = randomUnitRows(5, 3, 9);
        TwoLayerNetwork net = new TwoLayerNetwork(3, 11, 3, 1.0, 0.1, 5);
        double[][] w = net.weightMatrices()[0];
        double[][] g = net.ntkGram(x);
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 5; k++) {
                double s = 0;
                for (double[] wr : w) {
                    double zi = 0;
                    double zk = 0;
                    for (int j = 0; j < 3; j++) {
                        zi += wr[j] * x[i][j];
                        zk += wr[j] * x[k][j];
                    }
                    if (zi >= 0 && zk >= 0) {
                        for (int j = 0; j < 3; j++) {
                            s += x[i][j] * x[k][j] / 11.0;
                        }
                    }
                }
                assertEquals(s, g[i][k], 1e-12);
            }
        }
    }

    @Test
    void trainingReducesTheLossAndIsDeterministic() {
        double[][] x = randomUnitRows(20, 6, 4);
        double[][] y = new double[20][1];
        for (int i = 0; i < 20; i++) {
            y[i][0] = x[i][0] > 0 ? 1 : -1;
        }
        TwoLayerNetwork a = new TwoLayerNetwork(6, 64, 1, 1.0, 0.1, 8);
        TwoLayerNetwork b = new TwoLayerNetwork(6, 64, 1, 1.0, 0.1, 8);
        a.setTrainingData(x, y);
        b.setTrainingData(x, y);
        double before = loss(a, x, y);
        for (int s = 0; s < 50; s++) {
            a.trainStep(null);
            b.trainStep(null);
        }
        assertTrue(loss(a, x, y) < 0.5 * before, "loss should fall");
        assertEquals(loss(a, x, y), loss(b, x, y), 0.0);
    }

    /**
     * The dual step (n < 2d: Z ← Z − η X Xᵀ G, W formed on demand) and the textbook step (W ← W − η Gᵀ X) are the
     * same update: 200 double-precision steps on 12 examples of dimension 30 end at the same weights, training
     * outputs and test outputs, to rounding.
     */
    @Test
    void dualAndTextbookStepsFollowTheSameTrajectory() {
        double[][] x = randomUnitRows(12, 30, 21);
        double[][] xt = randomUnitRows(7, 30, 22);
        double[][] y = new double[12][3];
        for (int i = 0; i < 12; i++) {
            y[i][i % 3] = 1;
        }
        TwoLayerNetwork dual = new TwoLayerNetwork(30, 40, 3, 1.0, 0.2, 4);
        TwoLayerNetwork textbook = new TwoLayerNetwork(30, 40, 3, 1.0, 0.2, 4);
        textbook.useTextbookStep();
        for (TwoLayerNetwork net : new TwoLayerNetwork[] {dual, textbook}) {
            net.setTrainingData(x, y);
            net.setTestData(xt);
        }
        assertTrue(dual.dualStep());
        assertTrue(!textbook.dualStep());
        double first = dual.trainStep(null);
        assertEquals(first, textbook.trainStep(null), 1e-12 * first);
        for (int s = 1; s < 200; s++) {
            dual.trainStep(null);
            textbook.trainStep(null);
            if (s % 50 == 0) {
                assertClose(textbook.testOutputs(), dual.testOutputs(), 1e-10); // reading midway changes nothing
            }
        }
        assertClose(textbook.weightMatrices()[0], dual.weightMatrices()[0], 1e-10);
        assertClose(textbook.trainOutputs(), dual.trainOutputs(), 1e-10);
        assertClose(textbook.testOutputs(), dual.testOutputs(), 1e-10);
        assertClose(dual.predict(xt), dual.testOutputs(), 1e-10);
        assertTrue(dual.trainStep(null) < 0.2 * first, "the loss fell: the steps did something");
    }

    /** In the dual form too, one step is W − η ∂Φ/∂W with the gradient by central finite differences. */
    @Test
    void dualStepMatchesFiniteDifferences() {
        double[][] x = randomUnitRows(5, 12, 31);
        double[][] y = new double[5][1];
        for (int i = 0; i < 5; i++) {
            y[i][0] = i % 2 == 0 ? 1 : -1;
        }
        double eta = 0.05;
        TwoLayerNetwork net = new TwoLayerNetwork(12, 6, 1, 1.0, eta, 13);
        TwoLayerNetwork probe = new TwoLayerNetwork(12, 6, 1, 1.0, eta, 13);
        net.setTrainingData(x, y);
        assertTrue(net.dualStep());
        net.trainStep(null);
        double[][] w0 = net.weightMatrices()[0];
        // Restart from the weights just formed (W₀ = W, C = 0) and take a second step from there.
        net.setWeights(w0);
        net.trainStep(null);
        double[][] w1 = net.weightMatrices()[0];
        double h = 1e-6;
        for (int r = 0; r < 6; r++) {
            for (int j = 0; j < 12; j++) {
                double fd = (lossAt(probe, w0, r, j, h, x, y) - lossAt(probe, w0, r, j, -h, x, y)) / (2 * h);
                assertEquals(w0[r][j] - eta * fd, w1[r][j], 1e-8, "w[" + r + "][" + j + "]");
            }
        }
    }

    private static void assertClose(double[][] expected, double[][] actual, double rel) {
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                scale = Math.max(scale, Math.abs(expected[i][j]));
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
            }
        }
        assertTrue(worst <= rel * scale, "largest difference " + worst + " of scale " + scale);
    }
}
