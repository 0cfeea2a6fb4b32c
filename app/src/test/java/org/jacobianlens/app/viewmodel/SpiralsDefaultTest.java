package org.jacobianlens.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a TensorFlow-Playground user expects: pick spirals in the window and the default network — Arora et al.'s
 * two-layer net, m = 1024, automatic η, the default step budget — fits them. It can only with the bias input (on by
 * default for 2-D sets): without a bias, f(cx) = c·f(x) keeps one sign along every ray from the origin, and the
 * two spirals alternate along rays.
 */
@Tag("slow")
class SpiralsDefaultTest {

    /** Training accuracy after the whole step budget of {@code s}. */
    private static double finalTrainAccuracy(Settings s) throws DatasetException {
        // Analysis frames take no part in training (they only read the weights): a few keep the test short.
        RunConfig c = s.toConfig().withAnalysis(s.maxSteps(), s.analyzeN(), RunConfig.defaults().cutoffFraction())
                .withAnalysisShare(0);
        try (TrainingRun run = new TrainingRun(c, 1)) {
            Snapshot last = run.advance(c.maxSteps());
            assertEquals(RunState.FINISHED, last.state(), last.message());
            Curves curves = last.curves();
            return curves.trainAcc()[curves.size() - 1];
        }
    }

    @Test
    void theDefaultTwoLayerNetFitsSpiralsWithTheBiasInputAndStallsWithout() throws DatasetException {
        SettingsModel m = new SettingsModel();
        m.dataset().set("spirals");
        Settings s = m.current();
        assertEquals(RunConfig.ModelKind.TWO_LAYER, s.model());
        assertEquals(1024, s.width());
        assertEquals(0.0, s.learningRate(), "automatic η");
        assertEquals(Settings.defaults().maxSteps(), s.maxSteps());
        assertTrue(s.biasInput(), "the default for 2-D data");
        assertFalse(s.unitNorm(), "the default for 2-D data");

        double withBias = finalTrainAccuracy(s);
        assertTrue(withBias >= 0.95, "training accuracy with the bias input: " + withBias);
        double unitNorm = finalTrainAccuracy(s.withUnitNorm(true));
        assertTrue(unitNorm >= 0.95, "with the bias input and unit-norm inputs: " + unitNorm);
        double without = finalTrainAccuracy(s.withBiasInput(false));
        assertTrue(without < 0.8, "without it the net stalls (about 0.7): " + without);
    }
}
