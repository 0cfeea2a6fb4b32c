package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.model.Precision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The live training loop: float32 against float64, bounded native memory, divergence, budgeted frames. */
class TrainingLoopTest {

    private static RunConfig digits(int n, int width, int steps) {
        return ThreeVsFive.twoLayer(ThreeVsFive.data(n, 60, 0.0, 3), width, steps, 0);
    }

    /**
     * Single-precision training follows the double-precision loss curve (issue 10: ≤ 1e-4 relative, 500 steps), for
     * the textbook step (digits: n = 200 ≥ 2d = 128) and the dual one (Fashion-MNIST: n = 200 < 2d = 1568).
     */
    @Tag("slow") // about 14 s of the full run: only in `mvn verify`, not in -Pquick
    @ParameterizedTest
    @ValueSource(strings = {"digits", "fashion-mnist"})
    void float32FollowsTheFloat64LossCurve(String dataset) throws DatasetException {
        RunConfig c = digits(200, 1024, 500);
        c = c.withData(new DatasetSpec(dataset, new int[] {3, 5}, 200, 60, 0.0, false, true, false, 3));
        Curves single;
        Curves dbl;
        try (TrainingRun r = new TrainingRun(c.withPrecision(Precision.FLOAT32), 1)) {
            single = r.advance(500).curves();
        }
        try (TrainingRun r = new TrainingRun(c.withPrecision(Precision.FLOAT64), 1)) {
            dbl = r.advance(500).curves();
        }
        assertEquals(dbl.size(), single.size());
        double worst = 0;
        for (int i = 0; i < dbl.size(); i++) {
            assertEquals(dbl.steps()[i], single.steps()[i]);
            worst = Math.max(worst, Math.abs(single.trainLoss()[i] - dbl.trainLoss()[i]) / dbl.trainLoss()[i]);
        }
        assertTrue(worst <= 1e-4, "largest relative difference of the training loss: " + worst);
        // The loss really moved, so the curves agree on a trajectory and not on a flat line.
        assertTrue(dbl.trainLoss()[dbl.last()] < 0.2 * dbl.trainLoss()[0]);
        assertTrue(worst > 0, "the two precisions are not secretly the same arithmetic");
    }

    /**
     * 2,000 steps with an analysis every 20 steps keep javacpp's native memory in use flat, without any
     * System.gc(): every temporary of a step, a prediction and a Gram lives in reused memory.
     */
    @Tag("slow") // about 48 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void nativeMemoryStaysBoundedWithoutGarbageCollection() throws DatasetException {
        RunConfig c = digits(150, 512, 2000).withAnalysis(20, 150, 0.1);
        try (TrainingRun r = new TrainingRun(c, 1)) {
            r.advance(200);
            long warm = Pointer.totalBytes();
            long peak = warm;
            for (int chunk = 0; chunk < 18; chunk++) {
                r.advance(100);
                peak = Math.max(peak, Pointer.totalBytes());
            }
            assertEquals(2000, r.step());
            assertEquals(RunState.FINISHED, r.state());
            // One step allocated ~2 MB of native temporaries before; 1,800 steps would add gigabytes.
            assertTrue(peak - warm < (8L << 20), "native memory grew by " + ((peak - warm) >> 10) + " KB");
        }
    }

    /** η = 10⁹ blows the loss up by 10¹⁹ at step 1, after which it would read 0.5 forever (all units dead). */
    @Test
    void aLossThatGrowsAMillionFoldIsDivergence() throws DatasetException {
        RunConfig c = digits(100, 256, 20).withTraining(1e9, c0().optimizer(), c0().loss(), 0);
        try (TrainingRun r = new TrainingRun(c, 1)) {
            Snapshot s = r.advance(20);
            assertEquals(RunState.DIVERGED, s.state(), s.message());
            assertTrue(s.message().startsWith("diverged at step 1: the training loss grew to "), s.message());
            assertTrue(s.message().contains("lower the learning rate"), s.message());
        }
    }

    private static RunConfig c0() {
        return RunConfig.defaults();
    }

    /** With a time share, frames come between the fixed cadence's steps too; without one, only at the cadence. */
    @Tag("slow") // about 10 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void aTimeShareAddsFramesBetweenTheCadence() throws DatasetException {
        RunConfig c = digits(100, 256, 300).withAnalysis(100, 100, 0.1);
        try (TrainingRun fixed = new TrainingRun(c, 1); TrainingRun budget = new TrainingRun(c.withAnalysisShare(0.3), 1)) {
            int[] steps = fixed.advance(300).frames().stream().mapToInt(f -> f.step()).toArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 100, 200, 300}, steps);
            Snapshot s = budget.advance(300);
            assertTrue(s.frames().size() > 4, "frames: " + s.frames().size());
            for (int at : new int[] {0, 100, 200, 300}) {
                assertTrue(s.frames().stream().anyMatch(f -> f.step() == at), "the cadence's frame at " + at);
            }
        }
    }
}
