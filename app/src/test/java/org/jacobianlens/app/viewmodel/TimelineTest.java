package org.jacobianlens.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scrubber's cut against real runs: a run cut back to step s looks like the same run stopped at s. */
class TimelineTest {
    private static Snapshot wideAt40;
    private static Snapshot wideAt20;
    private static Snapshot narrowAt40;
    private static Snapshot narrowAt20;

    private static RunConfig config(int width) {
        return RunConfig.defaults()
                .withData(new DatasetSpec("spirals", null, 60, 20, 0.1, false, false, false, 3))
                .withModel(RunConfig.ModelKind.TWO_LAYER, width, 1)
                .withStop(40, 0)
                .withAnalysis(10, 60, 0.1)
                .withAnalysisShare(0); // frames at the fixed cadence only, so two runs take the same ones
    }

    private static Snapshot run(int width, int steps) throws DatasetException {
        try (TrainingRun r = new TrainingRun(config(width), 1)) {
            return r.advance(steps);
        }
    }

    @BeforeAll
    static void train() throws DatasetException {
        wideAt40 = run(512, 40);
        wideAt20 = run(512, 20);
        narrowAt40 = run(64, 40);
        narrowAt20 = run(64, 20);
    }

    private static GroupSnapshot group(Snapshot... lanes) {
        return new GroupSnapshot(7, lanes.length == 1 ? List.of("a") : List.of("wide", "narrow"), List.of(lanes));
    }

    private static void assertSameRun(Snapshot expected, Snapshot actual) {
        assertEquals(expected.step(), actual.step());
        assertArrayEquals(expected.curves().steps(), actual.curves().steps());
        assertArrayEquals(expected.curves().trainLoss(), actual.curves().trainLoss(), 1e-12);
        assertArrayEquals(expected.curves().testAcc(), actual.curves().testAcc(), 1e-12);
        assertEquals(expected.frames().stream().map(AnalysisFrame::step).toList(),
                actual.frames().stream().map(AnalysisFrame::step).toList());
        assertArrayEquals(expected.latestFrame().eigenvalues(), actual.latestFrame().eigenvalues(), 1e-9);
        assertEquals(expected.decisions().size(), actual.decisions().size());
        assertArrayEquals(expected.latestDecision().values(), actual.latestDecision().values(), 1e-9);
        assertEquals(expected.weights().size(), actual.weights().size());
    }

    @Test
    void cutBackToAStepEqualsTheRunStoppedThere() {
        GroupSnapshot cut = Timeline.at(group(wideAt40), 20);
        assertSameRun(wideAt20, cut.lane(0));
        assertEquals(20, cut.step());
        assertFalse(cut.terminal(), "the run had not finished at step 20");
    }

    @Test
    void theSpectrumMovesToTheFrameAtThatStep() {
        Snapshot cut = Timeline.at(wideAt40, 25);
        AnalysisFrame expected = null;
        for (AnalysisFrame f : wideAt40.frames()) {
            if (f.step() <= 25) {
                expected = f;
            }
        }
        assertEquals(20, expected.step());
        assertSame(expected, cut.latestFrame());
        assertNotEquals(wideAt40.latestFrame().eigenvalues()[0], cut.latestFrame().eigenvalues()[0]);
    }

    @Test
    void compareModeMovesBothLanes() {
        GroupSnapshot cut = Timeline.at(group(wideAt40, narrowAt40), 20);
        assertSameRun(wideAt20, cut.lane(0));
        assertSameRun(narrowAt20, cut.lane(1));
        assertEquals(List.of("wide", "narrow"), cut.labels());
    }

    @Test
    void stepsAtOrAfterTheRunAreTheLiveSnapshot() {
        assertSame(wideAt40, Timeline.at(wideAt40, 40));
        assertSame(wideAt40, Timeline.at(wideAt40, 1000));
        Snapshot start = Timeline.at(wideAt40, 0);
        assertEquals(1, start.frames().size());
        assertEquals(1, start.curves().size());
    }

    @Test
    void snapPicksTheNearestRecordedFrame() {
        GroupSnapshot g = group(wideAt40);
        assertArrayEquals(new int[] {0, 10, 20, 30, 40}, Timeline.frameSteps(g));
        assertEquals(10, Timeline.snap(g, 14));
        assertEquals(20, Timeline.snap(g, 16));
        assertEquals(40, Timeline.snap(g, 99));
    }

    @Test
    void propertiesFollowTheSourceUntilAStepIsChosenAndAgainAfterLive() {
        Timeline t = new Timeline();
        GroupSnapshot live = group(wideAt40);
        t.sourceProperty().set(live);
        assertTrue(t.isLive());
        assertSame(live, t.shownProperty().get());
        t.select(20);
        assertEquals(20, t.shownProperty().get().step());
        assertSameRun(wideAt20, t.shownProperty().get().lane(0));
        GroupSnapshot later = new GroupSnapshot(7, List.of("b"), List.of(narrowAt40));
        t.sourceProperty().set(later);
        assertEquals(20, t.shownProperty().get().step(), "a newer snapshot of the same group stays scrubbed");
        t.live();
        assertSame(later, t.shownProperty().get());
        t.select(10);
        t.sourceProperty().set(new GroupSnapshot(8, List.of("c"), List.of(narrowAt20)));
        assertTrue(t.isLive(), "a new group goes back to live");
    }
}
