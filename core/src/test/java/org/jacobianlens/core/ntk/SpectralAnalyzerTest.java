package org.jacobianlens.core.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.jacobianlens.core.linalg.Reference;
import org.jacobianlens.core.run.AnalysisFrame;
import org.junit.jupiter.api.Test;

class SpectralAnalyzerTest {

    @Test
    void projectionsSumToTheLabelEnergyAndCumulativeEndsAtOne() {
        Random r = new Random(3);
        double[][] k = Reference.randomSpd(12, r);
        double[][] y = new double[12][3];
        for (int i = 0; i < 12; i++) {
            y[i][i % 3] = 1;
            y[i][(i + 1) % 3] = r.nextGaussian();
        }
        double energy = Arrays.stream(y).flatMapToDouble(Arrays::stream).map(v -> v * v).sum();
        AnalysisFrame f = SpectralAnalyzer.analyze(5, k, y, y, y, null, 0.1);
        assertEquals(energy, Arrays.stream(f.projNoisy()).sum(), 1e-10);
        assertEquals(1.0, f.cumNoisy()[11], 1e-12);
        assertEquals(5, f.step());
        assertEquals(0.0, f.kernelDrift(), 0.0);
    }

    @Test
    void alignmentOfTheLabelKernelIsOne() {
        double[][] y = {{1}, {-1}, {1}, {1}, {-1}, {-1}};
        double[][] k = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                k[i][j] = y[i][0] * y[j][0];
            }
        }
        assertEquals(1.0, SpectralAnalyzer.alignment(k, y, false), 1e-12);
        assertEquals(1.0, SpectralAnalyzer.alignment(k, y, true), 1e-12, "y is already centered");
        // A kernel orthogonal to the labels: identity on a label-free direction has alignment n‖y‖²... check I:
        double[][] id = new double[6][6];
        for (int i = 0; i < 6; i++) {
            id[i][i] = 1;
        }
        // ⟨I, yyᵀ⟩ = ‖y‖² = 6, ‖I‖_F = √6, ‖yyᵀ‖_F = 6 ⇒ 1/√6.
        assertEquals(1 / Math.sqrt(6), SpectralAnalyzer.alignment(id, y, false), 1e-12);
    }

    @Test
    void driftAndCutoffAreComputedFromTheirDefinitions() {
        double[][] k0 = {{4, 0, 0}, {0, 1, 0}, {0, 0, 0.0001}};
        double[][] k = {{4, 0, 0}, {0, 2, 0}, {0, 0, 0.0001}};
        double[][] y = {{1}, {1}, {1}};
        AnalysisFrame f = SpectralAnalyzer.analyze(0, k, y, y, y, k0, 0.5);
        assertEquals(1.0 / Math.sqrt(17.00000001), f.kernelDrift(), 1e-9);
        // σ = 2, √2, 0.01; cutoff 0.5·σ₁ = 1 ⇒ two singular values above it.
        assertEquals(2, f.cutoffCount());
        assertEquals(2, f.countAbove(0.5));
        assertEquals(3, f.countAbove(0.001));
    }
}
