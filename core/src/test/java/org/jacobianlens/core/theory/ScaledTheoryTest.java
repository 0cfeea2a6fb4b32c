package org.jacobianlens.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.EigenSolver;
import org.jacobianlens.core.linalg.LabelSpectrum;
import org.jacobianlens.core.ntk.TwoLayerKernel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The large-n theory (top-k + quadrature + Cholesky) against the dense {@link AroraTheory} on real images. */
class ScaledTheoryTest {

    @Tag("slow") // about 7 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void topKPathReproducesTheDenseTheoryWithinItsStatedError() throws Exception {
        int n = 600;
        PreparedData data = DataFactory.prepare(new DatasetSpec("fashion-mnist", null, n, 0, 0.5, false, true, false, 3L));
        double[][] x = data.trainX();
        double[][] yNoisy = data.targets(data.trainLabels());
        double[][] yClean = data.targets(data.cleanTrainLabels());
        Random r = new Random(2);
        double[][] u0 = new double[n][yNoisy[0].length];
        for (double[] row : u0) {
            for (int c = 0; c < row.length; c++) {
                row[c] = 0.05 * r.nextGaussian();
            }
        }
        double ridge = 1e-4;
        Theory dense = AroraTheory.compute(x, yNoisy, yClean, u0, 1.0, 1.0, ridge, 1, 2); // for λ_max
        double eta = 1.0 / dense.eigenvalues()[0];
        dense = AroraTheory.compute(x, yNoisy, yClean, u0, eta, 1.0, ridge, 5000, 60);
        ScaledTheory scaled;
        try (DenseOperator h = TwoLayerKernel.hInfinityOperator(x)) {
            scaled = ScaledTheory.compute(h, yNoisy, yClean, u0, eta, 1.0, ridge, 5000, 60, EigenSolver.Mode.TOP_K,
                    40);
        }
        LabelSpectrum s = scaled.spectrum();
        assertEquals(LabelSpectrum.Method.LANCZOS, s.method());
        assertEquals(40, s.k());
        for (int i = 0; i < 40; i++) {
            assertEquals(dense.eigenvalues()[i], s.values()[i], 1e-10 * dense.eigenvalues()[0], "λ_" + i);
        }
        assertTrue(scaled.errorIsBound());
        assertTrue(scaled.quadratureSteps() > 0);
        double loss0 = dense.predictedLoss()[0];
        assertEquals(dense.predictedSteps().length, scaled.predictedSteps().length);
        for (int t = 0; t < dense.predictedSteps().length; t++) {
            assertEquals(dense.predictedSteps()[t], scaled.predictedSteps()[t]);
            double diff = Math.abs(dense.predictedLoss()[t] - scaled.predictedLoss()[t]);
            assertTrue(diff <= scaled.predictedLossError()[t] + 1e-12 * loss0,
                    "step " + dense.predictedSteps()[t] + ": " + diff + " > " + scaled.predictedLossError()[t]);
            assertTrue(scaled.predictedLossError()[t] <= 1e-9 * loss0, "error at " + dense.predictedSteps()[t]);
        }
        assertEquals(dense.complexityNoisy(), scaled.complexityNoisy(), 1e-9 * dense.complexityNoisy());
        assertEquals(dense.complexityClean(), scaled.complexityClean(), 1e-9 * dense.complexityClean());
        Theory asTheory = scaled.toTheory();
        assertEquals(40, asTheory.eigenvalues().length);
        assertTrue(Double.isNaN(asTheory.minEigenvalue()));
    }

    @Test
    void densePathIsTheDenseTheory() throws Exception {
        PreparedData data = DataFactory.prepare(new DatasetSpec("digits", new int[] {3, 5}, 120, 0, 0.0, true, true, false,
                1L));
        double[][] y = data.targets(data.trainLabels());
        Theory dense = AroraTheory.compute(data.trainX(), y, y, null, 0.01, 1.0, 0.0, 300, 30);
        try (DenseOperator h = TwoLayerKernel.hInfinityOperator(data.trainX())) {
            ScaledTheory scaled = ScaledTheory.compute(h, y, y, null, 0.01, 1.0, 0.0, 300, 30, EigenSolver.Mode.AUTO,
                    100);
            assertTrue(scaled.spectrum().complete());
            for (int t = 0; t < dense.predictedLoss().length; t++) {
                assertEquals(dense.predictedLoss()[t], scaled.predictedLoss()[t], 1e-13);
                assertEquals(0.0, scaled.predictedLossError()[t]);
            }
            assertEquals(dense.complexityNoisy(), scaled.complexityNoisy(), 1e-8 * dense.complexityNoisy());
            assertEquals(dense.minEigenvalue(), scaled.toTheory().minEigenvalue(), 1e-13);
        }
    }
}
