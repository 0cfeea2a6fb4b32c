package org.jacobianlens.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand-written full-batch SGD step makes exactly DL4J's {@code fit} update, step after step: with the textbook
 * first layer (n = 17 ≥ 2d for d = 6) and with the dual one (d = 12), whose weights are formed only when read.
 */
class MlpSgdStepTest {

    @ParameterizedTest
    @CsvSource({"RELU,SQUARED,FLOAT64,1e-12,6", "TANH,SQUARED,FLOAT64,1e-12,6", "SIGMOID,CROSS_ENTROPY,FLOAT64,1e-12,6",
                "RELU,CROSS_ENTROPY,FLOAT64,1e-12,6", "RELU,SQUARED,FLOAT32,2e-5,6", "TANH,CROSS_ENTROPY,FLOAT32,2e-5,6",
                "RELU,SQUARED,FLOAT64,1e-12,12", "SIGMOID,CROSS_ENTROPY,FLOAT64,1e-12,12", "RELU,SQUARED,FLOAT32,2e-5,12"})
    void sameParametersAndScoreAsDl4jFit(MlpSpec.Activation act, MlpSpec.Loss loss, Precision precision, double tol,
                                         int d) {
        Random rng = new Random(3);
        int n = 17;
        int k = 3;
        double[][] x = gaussian(n, d, rng);
        double[][] xt = gaussian(5, d, rng);
        double[][] y = new double[n][k];
        for (int i = 0; i < n; i++) {
            y[i][rng.nextInt(k)] = 1;
        }
        MlpSpec spec = new MlpSpec(d, k, 9, 2, act, MlpSpec.Optimizer.SGD, loss, 0.3, 0, 5, precision);
        try (MlpNetwork fast = new MlpNetwork(spec); MlpNetwork fit = new MlpNetwork(spec)) {
            fit.useDl4jFit();
            fast.setTrainingData(x, y);
            fit.setTrainingData(x, y);
            fast.setTestData(xt);
            fit.setTestData(xt);
            assertEquals(d > n / 2, fast.dualFirstLayer());
            for (int step = 0; step < 5; step++) {
                double sFast = fast.trainStep(null);
                double sFit = fit.trainStep(null);
                assertEquals(sFit, sFast, tol * Math.max(1, Math.abs(sFit)), "score before step " + step);
                double[] a = fast.parameters();
                double[] b = fit.parameters();
                for (int p = 0; p < a.length; p++) {
                    assertEquals(b[p], a[p], tol * Math.max(1, Math.abs(b[p])), "parameter " + p + " after step " + step);
                }
                assertOutputs(fit.predict(x), fast.trainOutputs(), 10 * tol, "output after step " + step);
                assertOutputs(fit.testOutputs(), fast.testOutputs(), 10 * tol, "test output after step " + step);
            }
        }
    }

    private static void assertOutputs(double[][] expected, double[][] actual, double tol, String what) {
        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < expected[i].length; c++) {
                assertEquals(expected[i][c], actual[i][c], tol, what);
            }
        }
    }

    private static double[][] gaussian(int n, int d, Random rng) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return x;
    }
}
