package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.theory.LayerStats;
import org.jacobianlens.core.theory.WeightAnalysis;
import org.junit.jupiter.api.Test;

/** The run records weight statistics beside every analysis frame, consistent with the network's weights. */
class WeightFrameTest {
    @Test
    void twoLayerRunRecordsTrainedAndFixedLayers() throws DatasetException {
        RunConfig c = RunConfig.defaults()
                .withData(new DatasetSpec("digits", new int[] {3, 5}, 80, 20, 0.0, false, true, false, 2))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 300, 1).withStop(60, 0).withAnalysis(20, 80, 0.1);
        try (TrainingRun run = new TrainingRun(c, 1)) {
            double[][] w0 = run.weights()[0];
            Snapshot s = run.advance(60);
            assertEquals(s.frames().size(), s.weights().size());
            for (int i = 0; i < s.frames().size(); i++) {
                assertEquals(s.frames().get(i).step(), s.weights().get(i).step());
            }
            WeightFrame first = s.weights().get(0);
            WeightFrame last = s.weights().get(s.weights().size() - 1);
            assertEquals(2, first.layers().length, "W and the fixed a/√m");
            assertEquals(0, first.layers()[0].distance(), 0, "no movement at initialization");
            // a/√m is a 1 × m row of ±1/√m: its only singular value is exactly 1, and it never moves.
            assertEquals(1.0, last.layers()[1].spectralNorm(), 1e-12);
            assertEquals(0, last.layers()[1].distance(), 0);
            // The recorded movement of W matches an independent computation from the weights.
            LayerStats expected = WeightAnalysis.layer(run.weights()[0], w0, WeightAnalysis.DEFAULT_TAU);
            assertEquals(expected.distance(), last.layers()[0].distance(), 1e-12 * expected.distance());
            assertTrue(last.layers()[0].relativeMovement() > 0);
            assertTrue(Double.isFinite(last.bounds().gamma()));
        }
    }
}
