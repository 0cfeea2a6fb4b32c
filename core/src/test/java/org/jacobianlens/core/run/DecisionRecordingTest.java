package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.decision.DecisionMap;
import org.junit.jupiter.api.Test;

class DecisionRecordingTest {

    private static RunConfig config(String dataset) {
        return RunConfig.defaults()
                .withData(new DatasetSpec(dataset, null, 80, 20, 0.1, false, false, false, 5))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 256, 1)
                .withStop(40, 0)
                .withAnalysis(10, 40, 0.1);
    }

    @Test
    void twoDimensionalRunsRecordAMapAtEveryAnalysisFrame() throws DatasetException {
        try (TrainingRun run = new TrainingRun(config("spirals"), 1)) {
            Snapshot s = run.advance(40);
            assertEquals(s.frames().size(), s.decisions().size());
            for (int i = 0; i < s.frames().size(); i++) {
                assertEquals(s.frames().get(i).step(), s.decisions().get(i).step());
            }
            DecisionMap last = s.latestDecision();
            assertNotNull(last);
            assertEquals(40, last.step());
            assertEquals(80, last.pointX().length);
            // Training moved the output: the first and last maps differ somewhere.
            double change = 0;
            for (int c = 0; c < last.values().length; c++) {
                change = Math.max(change, Math.abs(last.values()[c] - s.decisions().get(0).values()[c]));
            }
            assertTrue(change > 1e-3, "largest change " + change);
        }
    }

    @Test
    void imageRunsRecordNoMap() throws DatasetException {
        RunConfig c = config("digits").withData(ThreeVsFive.data(40, 10, 0, 3));
        try (TrainingRun run = new TrainingRun(c, 1)) {
            Snapshot s = run.advance(10);
            assertTrue(s.decisions().isEmpty());
            assertNull(s.latestDecision());
        }
    }
}
