package org.jacobianlens.core.ntk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hand-checked cutoff arithmetic of a frame (σ = 2, 1, 0.1). */
class AnalysisFrameTest {
    private static final AnalysisFrame F = new AnalysisFrame(0, 3, new double[] {4, 1, 0.01},
            new double[] {2, 1, 1}, new double[] {3, 1, 0}, new double[] {1, 2, 3}, new double[] {0.5, 0.75, 1},
            new double[] {0.75, 1, 1}, 0, 0, 0, 2, 0);

    @Test
    void cutoffCountsSingularValuesAboveAFractionOfTheLargest() {
        assertEquals(2, F.countAbove(0.4));  // σ ≥ 0.8: 2 and 1
        assertEquals(1, F.countAbove(0.6));  // σ ≥ 1.2
        assertEquals(3, F.countAbove(0.04)); // σ ≥ 0.08
    }

    @Test
    void residualSplitsIntoInformationAndNuisanceParts() {
        assertArrayEquals(new double[] {3, 3}, F.residualSplit(0.4), 1e-15);
        assertArrayEquals(new double[] {1, 5}, F.residualSplit(0.6), 1e-15);
    }

    @Test
    void biasAndVarianceProxiesFollowTheirDefinitions() {
        // k = 2: B = √(1/3); V = √2 · √((2/4 + 1/1)/3) = 1.
        assertArrayEquals(new double[] {Math.sqrt(1.0 / 3), 1.0}, F.biasVariance(0.4, 2), 1e-15);
    }

    @Test
    void topKFractionPutsExactlyTheTopKAboveTheLine() {
        // σ = 2, 1, 0.1: top 1 → f = 1 (σ₁ itself), top 2 → f = 1/2, top 3 → f = 0.05.
        assertEquals(1.0, F.fractionForTop(1), 1e-15);
        assertEquals(0.5, F.fractionForTop(2), 1e-15);
        assertEquals(0.05, F.fractionForTop(3), 1e-15);
        for (int k = 1; k <= 3; k++) {
            assertEquals(k, F.countAbove(F.fractionForTop(k)), "top " + k);
        }
        assertArrayEquals(new double[] {3, 3}, F.residualSplit(F.fractionForTop(2)), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> F.fractionForTop(0));
        assertThrows(IllegalArgumentException.class, () -> F.fractionForTop(4));
    }

    @Test
    void topKFractionSurvivesRoundingOnAwkwardSpectra() {
        double[] lambda = new double[50];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = 1.0 / (3.0 + 7.3 * i * i); // ratios that are not exact in binary
        }
        AnalysisFrame f = new AnalysisFrame(0, 50, lambda, new double[50], new double[50], new double[50],
                new double[50], new double[50], 0, 0, 0, 0, 0);
        for (int k = 1; k <= 50; k++) {
            assertEquals(k, f.countAbove(f.fractionForTop(k)), "top " + k);
        }
    }
}
