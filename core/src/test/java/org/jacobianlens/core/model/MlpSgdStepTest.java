package org.jacobianlens.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written full-batch SGD step makes exactly DL4J's {@code fit} update, step after step. */
class MlpSgdStepTest {

    @ParameterizedTest
    @CsvSource({"RELU,SQUARED,FLOAT64,1e-12", "TANH,SQUARED,FLOAT64,1e-12", "SIGMOID,CROSS_ENTROPY,FLOAT64,1e-12",
                "RELU,CROSS_ENTROPY,FLOAT64,1e-12", "RELU,SQUARED,FLOAT32,2e-5", "TANH,CROSS_ENTROPY,FLOAT32,2e-5"})
    void sameParametersAndScoreAsDl4jFit(MlpSpec.Activation act, MlpSpec.Loss loss, Precision precision, double tol) {
        Random rng = new Random(3);
        int n = 17;
        int k = 3;
        double[][] x = new double[n][6];
        double[][] y = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i][rng.nextInt(k)] = 1;
        }
        MlpSpec spec = new MlpSpec(6, k, 9, 2, act, MlpSpec.Optimizer.SGD, loss, 0.3, 0, 5, precision);
        try (MlpNetwork fast = new MlpNetwork(spec); MlpNetwork fit = new MlpNetwork(spec)) {
            fit.useDl4jFit();
            fast.setTrainingData(x, y);
            fit.setTrainingData(x, y);
            for (int step = 0; step < 5; step++) {
                double sFast = fast.trainStep(null);
                double sFit = fit.trainStep(null);
                assertEquals(sFit, sFast, tol * Math.max(1, Math.abs(sFit)), "score before step " + step);
                double[] a = fast.parameters();
                double[] b = fit.parameters();
                for (int p = 0; p < a.length; p++) {
                    assertEquals(b[p], a[p], tol * Math.max(1, Math.abs(b[p])), "parameter " + p + " after step " + step);
                }
                double[][] outFast = fast.trainOutputs();
                double[][] outFit = fit.predict(x);
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < k; c++) {
                        assertEquals(outFit[i][c], outFast[i][c], 10 * tol, "output after step " + step);
                    }
                }
            }
        }
    }
}
