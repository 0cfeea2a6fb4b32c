package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.junit.jupiter.api.Test;

class RunGroupTest {

    private static RunConfig base() {
        return RunConfig.defaults()
                .withData(new DatasetSpec("digits", new int[] {3, 5}, 60, 30, 0.3, false, true, false, 5))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 256, 1)
                .withStop(40, 0)
                .withAnalysis(20, 60, 0.1);
    }

    @Test
    void noiseComparisonSharesInputsAndInitializationButNotLabels() throws DatasetException {
        List<Lane> lanes = Comparison.lanes(base(), Comparison.Knob.NOISE);
        assertEquals(0.0, lanes.get(0).config().data().noise());
        assertEquals(1.0, lanes.get(1).config().data().noise());
        try (RunGroup g = new RunGroup(lanes, 7)) {
            GroupSnapshot s0 = g.snapshot();
            AnalysisFrame clean = s0.lane(0).initialFrame();
            AnalysisFrame random = s0.lane(1).initialFrame();
            // The kernel at initialization depends on inputs and weights only: identical spectra.
            assertArrayEquals(clean.eigenvalues(), random.eigenvalues(), 0.0);
            // The true labels are the same too, so their projections agree; the trained labels differ.
            assertArrayEquals(clean.projClean(), random.projClean(), 1e-12);
            assertFalse(java.util.Arrays.equals(clean.projNoisy(), random.projNoisy()));
            // Clean labels sit higher in the spectrum than random ones (SCIENCE.md RE5).
            assertTrue(clean.energyNoisy(10) > random.energyNoisy(10) + 0.2,
                    clean.energyNoisy(10) + " vs " + random.energyNoisy(10));
            GroupSnapshot s = g.advance(40);
            assertEquals(40, s.step());
            assertTrue(s.terminal());
            assertEquals(7, s.groupId());
            assertEquals(List.of("clean labels", "100 % random labels"), s.labels());
        }
    }

    @Test
    void learningRateLaneUsesAQuarterOfTheFirstLanesResolvedRate() throws DatasetException {
        try (RunGroup g = new RunGroup(Comparison.lanes(base(), Comparison.Knob.LEARNING_RATE), 1)) {
            GroupSnapshot s = g.snapshot();
            double eta = s.lane(0).info().learningRate();
            assertTrue(eta > 0);
            assertEquals(Comparison.LEARNING_RATE_FACTOR * eta, s.lane(1).info().learningRate(), 1e-15 * eta);
        }
    }

    @Test
    void widthComparisonKeepsTheWidthWithinTheSliderRange() {
        List<Lane> small = Comparison.lanes(base(), Comparison.Knob.WIDTH);
        assertEquals(256, small.get(0).config().width());
        assertEquals(4096, small.get(1).config().width());
        List<Lane> big = Comparison.lanes(base().withModel(RunConfig.ModelKind.TWO_LAYER, 8192, 1),
                Comparison.Knob.WIDTH);
        assertEquals(512, big.get(0).config().width());
        assertEquals(8192, big.get(1).config().width());
    }

    @Test
    void lanesAdvanceInLockStep() throws DatasetException {
        try (RunGroup g = new RunGroup(Comparison.lanes(base().withStop(0, 0), Comparison.Knob.WIDTH), 2)) {
            GroupSnapshot s = g.advance(13);
            assertEquals(13, s.lane(0).step());
            assertEquals(13, s.lane(1).step());
            assertFalse(s.terminal());
        }
    }

    /**
     * Lanes on threads of their own train as when they take turns on one thread, up to rounding: while one lane
     * analyses on two BLAS threads the other's products may be split differently, which changes float sums in the
     * last bits.
     */
    @Test
    void lanesOnTheirOwnThreadsGiveTheSameRuns() throws DatasetException {
        List<Lane> lanes = Comparison.lanes(base(), Comparison.Knob.NOISE);
        GroupSnapshot one;
        GroupSnapshot two;
        try (RunGroup g = new RunGroup(lanes, 1, 1)) {
            one = g.advance(40);
        }
        try (RunGroup g = new RunGroup(lanes, 1, 2)) {
            two = g.advance(40);
        }
        for (int i = 0; i < 2; i++) {
            double[] a = one.lane(i).curves().trainLoss();
            double[] b = two.lane(i).curves().trainLoss();
            assertEquals(a.length, b.length);
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k], b[k], 1e-6 * a[k], "lane " + i + ", point " + k);
            }
            double[] la = one.lane(i).latestFrame().eigenvalues();
            double[] lb = two.lane(i).latestFrame().eigenvalues();
            for (int k = 0; k < la.length; k++) {
                assertEquals(la[k], lb[k], 1e-6 * la[0], "lane " + i + ", eigenvalue " + k);
            }
        }
        assertEquals(1, RunGroup.laneThreads(2), "on two cores the JavaFX thread keeps one");
        assertEquals(2, RunGroup.laneThreads(3));
    }
}
