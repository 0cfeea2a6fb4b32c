package org.jacobianlens.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.jacobianlens.core.linalg.Reference;
import org.jacobianlens.core.ntk.TwoLayerKernel;
import org.junit.jupiter.api.Test;

class AroraTheoryTest {

    /** The predicted curve equals ½‖(I − ηcH∞)^k r₀‖² computed by direct matrix–vector powers. */
    @Test
    void predictedLossEqualsDirectMatrixPowers() {
        Random r = new Random(11);
        int n = 15;
        double[][] x = Reference.randomUnitRows(n, 5, r);
        double[][] y = new double[n][1];
        double[][] u0 = new double[n][1];
        for (int i = 0; i < n; i++) {
            y[i][0] = r.nextBoolean() ? 1 : -1;
            u0[i][0] = 0.1 * r.nextGaussian();
        }
        double[][] h = TwoLayerKernel.hInfinity(x);
        double eta = 0.7 / Reference.jacobiEigenvalues(h)[0];
        Theory t = AroraTheory.compute(x, y, y, u0, eta, 1.0, 0.0, 300, 40);
        assertTrue(t.includesInitialOutput());
        double[] res = new double[n];
        for (int i = 0; i < n; i++) {
            res[i] = y[i][0] - u0[i][0];
        }
        int at = 0;
        for (int k = 0; k <= 300; k++) {
            if (at < t.predictedSteps().length && t.predictedSteps()[at] == k) {
                double direct = 0;
                for (double v : res) {
                    direct += 0.5 * v * v;
                }
                assertEquals(direct / n, t.predictedLoss()[at], 1e-12, "step " + k);
                at++;
            }
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += h[i][j] * res[j];
                }
                next[i] = res[i] - eta * s;
            }
            res = next;
        }
        assertEquals(t.predictedSteps().length, at, "every tabulated step was checked");
        assertEquals(0, t.predictedSteps()[0]);
        assertEquals(300, t.predictedSteps()[t.predictedSteps().length - 1]);
    }

    @Test
    void complexityEqualsADirectSolve() {
        Random r = new Random(4);
        int n = 20;
        double[][] x = Reference.randomUnitRows(n, 6, r);
        double[][] y = new double[n][1];
        double[] yv = new double[n];
        for (int i = 0; i < n; i++) {
            yv[i] = r.nextBoolean() ? 1 : -1;
            y[i][0] = yv[i];
        }
        double[][] h = TwoLayerKernel.hInfinity(x);
        for (double ridge : new double[] {0.0, 1e-2}) {
            double[][] hr = new double[n][];
            for (int i = 0; i < n; i++) {
                hr[i] = h[i].clone();
                hr[i][i] += ridge;
            }
            double[] sol = Reference.choleskySolve(hr, yv);
            double quad = 0;
            for (int i = 0; i < n; i++) {
                quad += yv[i] * sol[i];
            }
            Theory t = AroraTheory.compute(x, y, y, null, 0.01, 1.0, ridge, 10, 5);
            assertFalse(t.includesInitialOutput());
            assertEquals(Math.sqrt(2 * quad / n), t.complexityNoisy(), 1e-8 * Math.sqrt(2 * quad / n));
            assertEquals(t.complexityNoisy(), t.complexityClean(), 0.0);
        }
    }

    @Test
    void learningRateRule() {
        assertEquals(0.25, AroraTheory.suggestedLearningRate(2.0, 2.0), 0.0);
    }
}
