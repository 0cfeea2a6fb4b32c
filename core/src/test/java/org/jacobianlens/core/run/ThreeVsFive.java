package org.jacobianlens.core.run;

import org.jacobianlens.core.data.DatasetSpec;

/**
 * The engine tests' small real task: UCI digits 3 against 5 (±1 targets), unit norm, not centered, as in the
 * papers' two-class experiments (RE4–RE6) but at a size that trains in well under a second. The one place that
 * spells it, so the tests differ only in what they vary (n, test size, noise, seed, width, steps, cadence).
 */
public final class ThreeVsFive {
    private ThreeVsFive() {
    }

    /** {@code n} training and {@code nTest} test examples of digits 3 and 5 at label noise {@code noise}. */
    public static DatasetSpec data(int n, int nTest, double noise, long seed) {
        return new DatasetSpec("digits", new int[] {3, 5}, n, nTest, noise, false, true, false, seed);
    }

    /**
     * Arora et al.'s two-layer net (width {@code width}) on {@code data} for {@code steps} steps, analysing all
     * n training examples every {@code analyzeEvery} steps (0: at initialization only); the other settings are
     * the app's defaults (float32 training).
     */
    public static RunConfig twoLayer(DatasetSpec data, int width, int steps, int analyzeEvery) {
        return RunConfig.defaults()
                .withData(data)
                .withModel(RunConfig.ModelKind.TWO_LAYER, width, 1)
                .withStop(steps, 0)
                .withAnalysis(analyzeEvery, data.nTrain(), 0.1);
    }
}
