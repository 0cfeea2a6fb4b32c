package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.model.Precision;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
    private static final long GB = 1L << 30;

    private static RunConfig twoLayer(int n, int width, int analyzeN) {
        return RunConfig.defaults()
                .withData(new DatasetSpec("fashion-mnist", null, n, 300, 0.0, false, true, false, 1))
                .withModel(RunConfig.ModelKind.TWO_LAYER, width, 1).withAnalysis(25, analyzeN, 0.1);
    }

    /**
     * The two-layer net's training arrays by hand, n = 10, d = 3, m = 4, K = 2, float32, no test set: X 30, Y 20,
     * W 12, a 8, Z and H 40 each floats (4 B), the mask 40 × 5 B, and two 512-row prediction blocks of 4 floats.
     */
    @Test
    void trainingArraysAddUpByHand() {
        RunConfig c = twoLayer(10, 4, 10).withAnalysis(25, 10, 0.1);
        MemoryEstimate e = MemoryEstimate.of(c.withPrecision(Precision.FLOAT32), 10, 0, 3, 2);
        long training = 4 * (30 + 2 * 20 + 12 + 8 + 2 * 40) + 5 * 40 + 4 * (512 * 4 * 2);
        // Scratch: the largest of a frame (K = 2 outputs: the full nK × nK kernel, nK = 20, LAPACK's copy and
        // eigenvectors: 2 (nK)² doubles), the twin's solver work and the H∞ theory at set-up (H∞ and Cholesky's
        // copy, LAPACK's copy and eigenvectors: 4 n² doubles).
        long frame = 8 * 2 * 400;
        long twin = 8 * (2 * 400 + 30 + 12 + 10 * 4); // the full kernel's train block (nK = 20) and eigenvectors
        long theory = 8 * 4 * 100;
        assertEquals(training + Math.max(Math.max(frame, twin), theory), e.nativeBytes());
        // The block-averaged kernel's frame instead (X, W, X Wᵀ and 2 n² in double), with η given, so that no
        // full-kernel λ_max (the automatic η's, 2 (nK)² like a full frame) is solved at set-up either.
        RunConfig block = c.withBlockKernel(true).withTraining(0.1, c.optimizer(), c.loss(), 0)
                .withPrecision(Precision.FLOAT32);
        assertEquals(training + Math.max(Math.max(8 * (30 + 12 + 40 + 200), twin), theory),
                MemoryEstimate.of(block, 10, 0, 3, 2).nativeBytes());
        MemoryEstimate d = MemoryEstimate.of(c.withPrecision(Precision.FLOAT64), 10, 0, 3, 2);
        assertTrue(d.nativeBytes() > e.nativeBytes(), "double training needs more");
    }

    /** The window's default and its largest setting (n = 2000, m = 8192, compare mode: measured 1.95 GB RSS) fit. */
    @Test
    void theWindowsSettingsFitTheLauncherCaps() {
        RunConfig def = twoLayer(300, 1024, 300);
        assertNull(MemoryEstimate.refusal(List.of(def), 1, 300, 300, 784, 10, GB, 2 * GB));
        RunConfig big = twoLayer(2000, 8192, 2000);
        assertNull(MemoryEstimate.refusal(List.of(big, big.withData(big.data().withNoise(1))), 1, 2000, 300, 784, 10,
                GB, 2 * GB));
    }

    /**
     * The automatic η's matrix-free full-kernel λ_max costs about 40 products of 4·n·d·m flops: 40·4·1000·784·1024 =
     * 1.3e11 is within the 2e11 budget, 40·4·2000·784·8192 = 2.1e12 (minutes on a laptop) is not.
     */
    @Test
    void theMatrixFreeFullKernelEtaIsOnlyTakenWhereItTakesSeconds() {
        assertTrue(MemoryEstimate.fullProductAffordable(twoLayer(1000, 1024, 300), 1000, 784));
        assertFalse(MemoryEstimate.fullProductAffordable(twoLayer(2000, 8192, 300), 2000, 784));
        assertFalse(MemoryEstimate.fullProductAffordable(twoLayer(2000, 1024, 300), 2000, 784));
    }

    /**
     * Past the dense limit the two-layer Gram is built in native memory: an analysis of all 10,000 examples fits the
     * launcher's caps (1 GB heap, 2 GB native) that way; with half the native memory it goes matrix-free; two lanes
     * of width 8,192 on 10,000 examples do not fit at all and are refused with the numbers.
     */
    @Test
    void analysisOnTenThousandExamplesFitsNativelyAndTooMuchIsRefusedWithTheNumbers() {
        RunConfig c = twoLayer(10_000, 1024, 10_000);
        assertNull(MemoryEstimate.refusal(List.of(c), 1, 10_000, 300, 784, 10, GB, 2 * GB));
        assertEquals(MemoryEstimate.FramePath.NATIVE_GRAM, MemoryEstimate.framePath(c, 10_000, 784, GB, 2 * GB));
        assertEquals(MemoryEstimate.FramePath.MATRIX_FREE, MemoryEstimate.framePath(c, 10_000, 784, GB, GB));
        assertEquals(MemoryEstimate.FramePath.HEAP_GRAM, MemoryEstimate.framePath(twoLayer(2000, 1024, 2000), 2000,
                784, GB, 2 * GB), "up to the dense limit on the heap");
        assertTrue(!MemoryEstimate.twin(c, 10_000, 300, 10, GB), "the twin's kernels would not fit: no twin");
        RunConfig wide = twoLayer(10_000, 8192, 10_000);
        String why = MemoryEstimate.refusal(List.of(wide, wide.withData(wide.data().withNoise(1))), 1, 10_000, 300,
                784, 10, GB, 2 * GB);
        assertTrue(why != null && why.startsWith("n = 10,000 with width 8,192 and analysis on 10,000 examples in 2 "
                + "lanes needs ≈ "), why);
        assertTrue(why.contains("lower n, the width or the analysis size"), why);
    }

    /** A run that cannot fit is refused before the network exists (no minute of work first). */
    @Test
    void aTrainingRunThatCannotFitIsRefusedAtOnce() throws DatasetException {
        RunConfig c = RunConfig.defaults()
                .withData(new DatasetSpec("digits", null, 1500, 100, 0.0, false, true, false, 1))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 10_000_000, 1).withAnalysis(25, 100, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingRun(c, 1));
        assertTrue(e.getMessage().contains("width 10,000,000") && e.getMessage().contains("needs ≈"), e.getMessage());
    }
}
