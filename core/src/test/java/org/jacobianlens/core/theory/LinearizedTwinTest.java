package org.jacobianlens.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The closed form against the thing it stands for: a model linear in its parameters, f(x) = f₀(x) + φ(x)ᵀw,
 * trained by explicit gradient steps w ← w − ηc Φᵀ(f(X) − Y). Its kernel is Θ = ΦΦᵀ.
 */
class LinearizedTwinTest {
    private static double[][] gaussian(Random r, int a, int b) {
        double[][] m = new double[a][b];
        for (double[] row : m) {
            for (int j = 0; j < b; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    private static double[][] kernel(double[][] a, double[][] b) {
        double[][] k = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                for (int p = 0; p < a[0].length; p++) {
                    k[i][j] += a[i][p] * b[j][p];
                }
            }
        }
        return k;
    }

    private static double[][] outputs(double[][] phi, double[][] f0, double[][] w) {
        double[][] f = new double[phi.length][w[0].length];
        for (int i = 0; i < phi.length; i++) {
            for (int k = 0; k < w[0].length; k++) {
                f[i][k] = f0[i][k];
                for (int p = 0; p < w.length; p++) {
                    f[i][k] += phi[i][p] * w[p][k];
                }
            }
        }
        return f;
    }

    private static void check(int features, int t, double etaScale) {
        Random r = new Random(11);
        int n = 12;
        int nTest = 5;
        int outs = 2;
        double[][] phi = gaussian(r, n, features);
        double[][] phiTest = gaussian(r, nTest, features);
        double[][] f0 = gaussian(r, n, outs);
        double[][] f0Test = gaussian(r, nTest, outs);
        double[][] y = gaussian(r, n, outs);
        double c = 0.5;
        double[][] gram = kernel(phi, phi);
        double lmax = org.jacobianlens.core.linalg.SymmetricEigen.eigenvalues(gram)[0];
        double eta = etaScale / (c * lmax);
        LinearizedTwin twin = new LinearizedTwin(gram, kernel(phiTest, phi), f0, f0Test, y, eta, c);
        double[][] w = new double[features][outs];
        for (int step = 0; step < t; step++) {
            double[][] f = outputs(phi, f0, w);
            for (int p = 0; p < features; p++) {
                for (int k = 0; k < outs; k++) {
                    double g = 0;
                    for (int i = 0; i < n; i++) {
                        g += phi[i][p] * (f[i][k] - y[i][k]);
                    }
                    w[p][k] -= eta * c * g;
                }
            }
        }
        double[][] train = outputs(phi, f0, w);
        double[][] test = outputs(phiTest, f0Test, w);
        double[][] tw = twin.trainOutputs(t);
        double[][] te = twin.testOutputs(t);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < outs; k++) {
                assertEquals(train[i][k], tw[i][k], 1e-9, "train " + i + " at t = " + t);
            }
        }
        for (int i = 0; i < nTest; i++) {
            for (int k = 0; k < outs; k++) {
                assertEquals(test[i][k], te[i][k], 1e-9, "test " + i + " at t = " + t);
            }
        }
    }

    @Test
    void matchesExplicitGradientStepsOfALinearModel() {
        for (int t : new int[] {0, 1, 7, 100}) {
            check(30, t, 0.9);
        }
    }

    @Test
    void rankDeficientKernelNeedsNoRidge() {
        // 6 features for 12 examples: Θ has rank 6 and six (numerically) zero eigenvalues.
        for (int t : new int[] {1, 50, 400}) {
            check(6, t, 0.5);
        }
    }

    @Test
    void gainTendsToEtaCTimesStepsForVanishingEigenvalues() {
        LinearizedTwin twin = new LinearizedTwin(new double[][] {{1}}, new double[0][], new double[][] {{0}},
                new double[0][], new double[][] {{1}}, 0.1, 2.0);
        assertEquals(0.2 * 30, twin.gain(1e-20, 30), 1e-12);
        assertEquals((1 - Math.pow(1 - 0.2 * 0.5, 30)) / 0.5, twin.gain(0.5, 30), 1e-12);
    }
}
