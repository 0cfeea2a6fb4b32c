package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.theory.Theory;
import org.jacobianlens.core.model.Precision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

    private static RunConfig digits(int n, int width, double noise, int steps) {
        return ThreeVsFive.twoLayer(ThreeVsFive.data(n, 40, noise, 3), width, steps, 25)
                .withPrecision(Precision.FLOAT64); // a science test: the reference numbers are double
    }

    /**
     * Arora et al. Thm 4.1 in the practical form of SCIENCE.md §3.2: at large width the measured residual norm
     * ‖y − u(k)‖ follows √(Σ(1 − ηλ_i)^{2k}(v_iᵀ(y − u(0)))²) with H∞'s eigenpairs. Reference: digits 3 vs 5,
     * n = 100, m = 10⁴ gave a maximal gap of 0.015·‖y‖ over 2000 steps.
     */
    @Tag("slow") // about 31 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void wideTwoLayerNetFollowsThePredictedLossCurve() throws DatasetException {
        RunConfig c = digits(100, 10_000, 0.0, 600).withAnalysis(0, 100, 0.1);
        try (TrainingRun run = new TrainingRun(c, 1)) {
            Snapshot s = run.advance(600);
            assertEquals(RunState.FINISHED, s.state());
            Theory t = s.theory();
            assertNotNull(t);
            assertTrue(t.includesInitialOutput());
            double yNorm = Math.sqrt(100);
            double worst = 0;
            int compared = 0;
            Curves cv = s.curves();
            for (int i = 0; i < t.predictedSteps().length; i++) {
                int k = t.predictedSteps()[i];
                int at = java.util.Arrays.binarySearch(cv.steps(), k);
                if (at < 0) {
                    continue;
                }
                double measured = Math.sqrt(2 * 100 * cv.trainLoss()[at]);
                double predicted = Math.sqrt(2 * 100 * t.predictedLoss()[i]);
                worst = Math.max(worst, Math.abs(measured - predicted) / yNorm);
                compared++;
            }
            assertTrue(compared > 50, "compared " + compared + " steps");
            assertTrue(worst < 0.03, "max |measured − predicted| / ‖y‖ = " + worst);
            // The loss really fell: this is not two flat lines agreeing.
            assertTrue(cv.trainLoss()[cv.last()] < 0.2 * cv.trainLoss()[0]);
        }
    }

    @Test
    void sameConfigGivesIdenticalSnapshots() throws DatasetException {
        RunConfig c = digits(60, 256, 0.5, 60);
        Snapshot a;
        Snapshot b;
        try (TrainingRun r = new TrainingRun(c, 1)) {
            a = r.advance(60);
        }
        try (TrainingRun r = new TrainingRun(c, 2)) {
            b = r.advance(60);
        }
        assertArrayEquals(a.curves().trainLoss(), b.curves().trainLoss(), 0.0);
        assertArrayEquals(a.latestFrame().eigenvalues(), b.latestFrame().eigenvalues(), 0.0);
        assertEquals(a.frames().size(), b.frames().size());
    }

    @Test
    void framesAreTakenAtTheCadenceAndProjectionsSumToTheLabelEnergy() throws DatasetException {
        try (TrainingRun r = new TrainingRun(digits(50, 128, 0.4, 100), 1)) {
            Snapshot s = r.advance(100);
            int[] steps = s.frames().stream().mapToInt(AnalysisFrame::step).toArray();
            assertArrayEquals(new int[] {0, 25, 50, 75, 100}, steps);
            for (AnalysisFrame f : s.frames()) {
                assertEquals(50, f.eigenvalues().length);
                double noisy = java.util.Arrays.stream(f.projNoisy()).sum();
                double clean = java.util.Arrays.stream(f.projClean()).sum();
                assertEquals(50.0, noisy, 1e-9, "‖y‖² for ±1 labels is n");
                assertEquals(50.0, clean, 1e-9);
                for (int i = 1; i < f.eigenvalues().length; i++) {
                    assertTrue(f.eigenvalues()[i] <= f.eigenvalues()[i - 1]);
                }
            }
            assertEquals(0.0, s.initialFrame().kernelDrift(), 0.0);
            assertTrue(s.latestFrame().kernelDrift() > 0);
            assertEquals(20, s.info().corrupted(), "round(0.4 · 50) corrupted positions");
        }
    }

    @Test
    void cleanAndCorruptedSplitsAreReported() throws DatasetException {
        try (TrainingRun r = new TrainingRun(digits(40, 64, 0.0, 10), 1)) {
            Curves c = r.advance(10).curves();
            assertTrue(Double.isNaN(c.corruptedLoss()[0]), "no corrupted examples ⇒ NaN");
            assertEquals(c.trainLoss()[0], c.cleanLoss()[0], 1e-15);
        }
        try (TrainingRun r = new TrainingRun(digits(40, 64, 1.0, 10), 1)) {
            Curves c = r.advance(10).curves();
            assertTrue(Double.isNaN(c.cleanLoss()[0]), "every position corrupted ⇒ no clean examples");
            assertEquals(c.trainLoss()[0], c.corruptedLoss()[0], 1e-15);
        }
    }

    /** A linear network (identity activation) with a step far above 2/(cλ_max) must blow up, not throw. */
    @Test
    void aHugeLearningRateDivergesWithAClearState() throws DatasetException {
        RunConfig c = digits(40, 16, 0.0, 2000).withModel(RunConfig.ModelKind.MLP, 16, 1)
                .withActivation(MlpSpec.Activation.IDENTITY)
                .withTraining(50.0, MlpSpec.Optimizer.SGD, MlpSpec.Loss.SQUARED, 0);
        try (TrainingRun r = new TrainingRun(c, 1)) {
            Snapshot s = r.advance(2000);
            assertEquals(RunState.DIVERGED, s.state(), s.message());
            assertTrue(s.message().startsWith("diverged at step " + s.step()), s.message());
            assertTrue(s.step() < 2000);
            // Advancing a terminal run does nothing.
            assertEquals(s.step(), r.advance(10).step());
        }
    }

    @Test
    void cancelStopsBeforeTheNextStepAndTargetLossStopsEarly() throws DatasetException {
        try (TrainingRun r = new TrainingRun(digits(40, 64, 0.0, 0).withStop(0, 0.05), 1)) {
            Snapshot s = r.advance(5000);
            assertEquals(RunState.FINISHED, s.state(), s.message());
            assertTrue(s.curves().trainLoss()[s.curves().last()] <= 0.05);
        }
        try (TrainingRun r = new TrainingRun(digits(40, 64, 0.0, 100), 1)) {
            r.advance(3);
            r.cancel();
            Snapshot s = r.advance(10);
            assertEquals(RunState.CANCELLED, s.state());
            assertEquals(3, s.step());
        }
    }

    @Test
    void mlpRunsHaveNoInfiniteWidthTheoryButAnalyseTheirKernel() throws DatasetException {
        RunConfig c = RunConfig.defaults()
                .withData(new DatasetSpec("blobs:classes=3,dim=4", null, 60, 30, 0.0, false, true, false, 1))
                .withModel(RunConfig.ModelKind.MLP, 32, 2).withStop(20, 0).withAnalysis(10, 60, 0.1);
        try (TrainingRun r = new TrainingRun(c, 1)) {
            Snapshot s = r.advance(20);
            assertNull(s.theory());
            assertEquals(3, s.frames().size());
            double sum = java.util.Arrays.stream(s.latestFrame().projNoisy()).sum();
            // The energies shown are of the centered labels Y − 𝟙ȳᵀ: ‖Y‖²_F = n less the K constant modes' part.
            double[][] y = Targets.encode(r.data().trainLabels(), 3);
            assertEquals(Targets.energyBeyondConstantModes(y), sum, 1e-9, "centered one-hot labels");
            assertTrue(sum < 0.7 * 60, "a third of the energy of three balanced classes was on the constant modes");
            assertEquals(RunState.FINISHED, s.state());
        }
    }
}
