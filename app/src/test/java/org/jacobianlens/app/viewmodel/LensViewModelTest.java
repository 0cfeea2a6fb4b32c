package org.jacobianlens.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The view-model without the FX toolkit: a synchronous driver trains on the test thread. */
class LensViewModelTest {
    private final SynchronousTrainingDriver driver = new SynchronousTrainingDriver(60);
    private final LensViewModel vm = new LensViewModel(driver);
    private final List<String> errors = new ArrayList<>();

    {
        vm.onError(errors::add);
    }

    private static Settings small() {
        return Settings.defaults().withDataset("blobs").withClasses("").withSize(80, 40, 80)
                .withModel(RunConfig.ModelKind.TWO_LAYER, 128, 1).withStop(200, 0).withCadence(20);
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    @Test
    void playTrainsAndPublishesSnapshotsOfOneRun() {
        vm.apply(small());
        assertNull(vm.latestProperty().get(), "nothing before play");
        vm.play();
        GroupSnapshot s = vm.latestProperty().get();
        assertNotNull(s);
        assertEquals(60, s.step(), "the synchronous driver's budget");
        assertEquals(1, s.size());
        assertFalse(vm.playingProperty().get(), "stopped after the driver returned");
        assertEquals("Paused at step 60", vm.statusProperty().get());
        // the cadence is a floor: frames at 0, 20, 40, 60 at least, more where the live time budget allows
        List<Integer> steps = s.lane(0).frames().stream().map(f -> f.step()).toList();
        assertTrue(steps.containsAll(List.of(0, 20, 40, 60)), "cadence steps among " + steps);
        assertTrue(steps.size() <= 61, "at most one frame per step: " + steps);
        assertEquals(steps.stream().sorted().distinct().toList(), steps, "increasing steps");
    }

    @Test
    void stepTakesExactlyOneStepAndContinuesTheSameRun() {
        vm.apply(small());
        vm.step();
        GroupSnapshot first = vm.latestProperty().get();
        assertEquals(1, first.step());
        vm.step();
        GroupSnapshot second = vm.latestProperty().get();
        assertEquals(2, second.step());
        assertEquals(first.groupId(), second.groupId(), "continued, not restarted");
    }

    @Test
    void changingSettingsResetsAndKeepsTheOldRunAsGhost() {
        vm.apply(small());
        vm.play();
        GroupSnapshot before = vm.latestProperty().get();
        vm.apply(small().withNoise(0.5));
        assertNull(vm.latestProperty().get(), "reset to initialization");
        assertSame(before, vm.ghostProperty().get());
        vm.step();
        GroupSnapshot after = vm.latestProperty().get();
        assertTrue(after.groupId() > before.groupId());
        assertEquals(1, after.step());
        assertEquals(40, after.lane(0).info().corrupted(), "round(0.5 · 80) corrupted positions");
    }

    @Test
    void staleSnapshotsOfAReplacedRunAreDropped() {
        vm.apply(small());
        vm.step();
        GroupSnapshot old = vm.latestProperty().get();
        vm.apply(small().withSeed(9));
        vm.step();
        GroupSnapshot current = vm.latestProperty().get();
        vm.snapshot(old); // a late delivery from the replaced run
        assertSame(current, vm.latestProperty().get());
    }

    @Tag("slow") // about 7 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void compareModeTrainsCleanAgainstRandomLabelsFromTheSameInitialization() {
        vm.apply(small());
        vm.compare(Comparison.Knob.NOISE);
        vm.play();
        GroupSnapshot s = vm.latestProperty().get();
        assertEquals(2, s.size());
        assertEquals(List.of("clean labels", "100 % random labels"), s.labels());
        assertEquals(s.lane(0).step(), s.lane(1).step(), "shared step cursor");
        assertArrayEquals(s.lane(0).initialFrame().eigenvalues(), s.lane(1).initialFrame().eigenvalues(), 0.0);
        assertEquals(0, s.lane(0).info().corrupted());
        assertEquals(80, s.lane(1).info().corrupted());
        vm.toggleCompare();
        vm.play();
        assertEquals(1, vm.latestProperty().get().size(), "back to one run");
    }

    @Test
    void aMalformedFileIsReportedAndTheNextRunWorks() throws Exception {
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("lens-bad", ".csv");
        java.nio.file.Files.writeString(bad, "1,2,0\n3,x,1\n");
        vm.apply(small().withDataset(bad.toString()));
        vm.play();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains(bad.getFileName().toString()), errors.get(0));
        assertFalse(errors.get(0).contains("Exception"), "a sentence, not a stack trace: " + errors.get(0));
        assertFalse(vm.playingProperty().get());
        vm.apply(small());
        vm.play();
        assertEquals(60, vm.latestProperty().get().step(), "the app keeps working");
        java.nio.file.Files.deleteIfExists(bad);
    }

    @Test
    void invalidSettingsAreReportedWithoutStarting() {
        vm.apply(small().withClasses("0,x"));
        vm.play();
        assertEquals(List.of("classes must be numbers separated by commas, e.g. 0,6"), errors);
        assertEquals(0, driver.starts());
    }

    @Test
    void divergenceIsReportedAsANotification() {
        vm.apply(small().withTraining(1e4, small().optimizer(), small().loss()));
        vm.play();
        assertEquals(RunState.DIVERGED, vm.latestProperty().get().lane(0).state());
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("diverged at step"), errors.get(0));
    }
}
