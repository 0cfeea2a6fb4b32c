package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Precision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The linearized twin trained alongside the network: it agrees with a wide network and parts from a narrow one. */
class LinearizedTwinRunTest {
    private static RunConfig config(int width) {
        return ThreeVsFive.twoLayer(ThreeVsFive.data(60, 40, 0.0, 4), width, 300, 0)
                .withPrecision(Precision.FLOAT64); // a science test: the reference numbers are double
    }

    /** Largest |network − twin| training loss over the recorded steps, relative to the initial loss. */
    private static double gap(int width) throws DatasetException {
        try (TrainingRun run = new TrainingRun(config(width), 1)) {
            Snapshot s = run.advance(300);
            Curves net = s.curves();
            Curves lin = s.linear();
            assertNotNull(lin);
            assertEquals(net.size(), lin.size());
            double worst = 0;
            for (int i = 0; i < net.size(); i++) {
                assertEquals(net.steps()[i], lin.steps()[i]);
                worst = Math.max(worst, Math.abs(net.trainLoss()[i] - lin.trainLoss()[i]));
            }
            assertEquals(net.trainLoss()[0], lin.trainLoss()[0], 1e-12, "identical at initialization");
            assertTrue(lin.trainLoss()[lin.last()] < 0.5 * lin.trainLoss()[0], "the twin learns");
            return worst / net.trainLoss()[0];
        }
    }

    @Tag("slow") // about 13 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void wideNetworksStayCloseToTheirLinearization() throws DatasetException {
        double wide = gap(4096);
        double narrow = gap(32);
        assertTrue(wide < 0.01, "m = 4096: gap " + wide);
        assertTrue(narrow > 3 * wide, "m = 32 departs more: " + narrow + " vs " + wide);
    }

    @Test
    void noTwinForCrossEntropy() throws DatasetException {
        RunConfig c = config(64).withData(new DatasetSpec("digits", new int[] {0, 1, 2}, 60, 20, 0, false, true, false, 4))
                .withModel(RunConfig.ModelKind.MLP, 32, 1)
                .withTraining(0.1, MlpSpec.Optimizer.SGD, MlpSpec.Loss.CROSS_ENTROPY, 0);
        try (TrainingRun run = new TrainingRun(c, 1)) {
            assertNull(run.snapshot().linear());
        }
    }
}
