package org.jacobianlens.app;

import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.run.RunConfig;

/**
 * The app tests' small real task: UCI digits 3 against 5 (±1 targets), unit norm, not centered, as a run
 * configuration for the panels and as command-line options for the commands. The one place in this module that
 * spells it (core's tests have their own {@code ThreeVsFive}: sharing test classes across modules would need a
 * test-jar, which a build with {@code -Dmaven.test.skip} does not make).
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
     * n training examples every {@code analyzeEvery} steps; the other settings are the app's defaults.
     */
    public static RunConfig twoLayer(DatasetSpec data, int width, int steps, int analyzeEvery) {
        return RunConfig.defaults()
                .withData(data)
                .withModel(RunConfig.ModelKind.TWO_LAYER, width, 1)
                .withStop(steps, 0)
                .withAnalysis(analyzeEvery, data.nTrain(), 0.1);
    }

    /** The same task as {@code run}/{@code sweep} options (unit norm and no centering are their defaults). */
    public static String[] options(int n, int nTest) {
        return new String[] {"--dataset", "digits", "--classes", "3,5", "--n", Integer.toString(n), "--test",
                Integer.toString(nTest)};
    }
}
