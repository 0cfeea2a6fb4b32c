package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
