package org.jacobianlens.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The settings model, the debounced reset and the honest end states, without the FX toolkit. */
class SettingsModelTest {
    private final SynchronousTrainingDriver driver = new SynchronousTrainingDriver(40);
    private final LensViewModel vm = new LensViewModel(driver);
    private final List<String> errors = new ArrayList<>();
    private int timerStarts;
    private final AutoReset reset = new AutoReset(vm.model(), vm, () -> timerStarts++);

    {
        vm.onError(errors::add);
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    private static Settings small() {
        return Settings.defaults().withDataset("blobs").withClasses("").withSize(60, 20, 60)
                .withModel(RunConfig.ModelKind.TWO_LAYER, 64, 1).withStop(100, 0).withCadence(20);
    }

    @Test
    void loadThenCurrentGivesBackTheSameSettings() {
        Settings s = small().withNoise(0.25).withSeed(7).withUnitNorm(true).withClasses("0,1");
        vm.model().load(s);
        assertEquals(s, vm.model().current());
        Settings noBias = s.withBiasInput(false); // blobs: on by default, so loading must override the default
        vm.model().load(noBias);
        assertEquals(noBias, vm.model().current());
        assertEquals(noBias, Settings.fromConfig(noBias.toConfig()), "round trip through the run config");
    }

    @Test
    void trainingPrecisionIsFloat32ByDefaultAndTheControlKeepsDouble() {
        SettingsModel m = vm.model();
        assertEquals(Precision.FLOAT32, m.current().toConfig().precision());
        m.precision().set(Precision.FLOAT64);
        assertEquals(Precision.FLOAT64, m.current().toConfig().precision());
        assertEquals(Precision.FLOAT64, Settings.fromConfig(m.current().toConfig()).precision(), "round trip");
    }

    /** Class indices belong to a dataset: picking another one starts from its default classes. */
    @Test
    void pickingADatasetStartsFromItsDefaultClasses() {
        SettingsModel m = new SettingsModel();
        assertEquals("7,9", m.classes().get(), "the window opens on sneakers vs ankle boots");
        m.dataset().set("spirals");
        assertEquals("", m.classes().get(), "spirals has classes 0 and 1 only: all of them");
        m.classes().set("0,1");
        m.dataset().set("fashion-mnist");
        assertEquals("7,9", m.classes().get());
        assertEquals(2, m.current().toConfig().data().classes().length, "two classes: one output");
    }

    @Test
    void theDefaultsAreTheRecordsDefaults() {
        assertEquals(Settings.defaults(), new SettingsModel().current());
    }

    @Test
    void pickingADatasetSetsItsUnitNormDefaultWhichTheUserMayFlip() {
        SettingsModel m = vm.model();
        m.dataset().set("spirals");
        assertFalse(m.unitNorm().get(), "2-D points would all land on the unit circle");
        m.unitNorm().set(true);
        assertTrue(m.current().unitNorm());
        m.dataset().set("digits");
        assertTrue(m.unitNorm().get());
        m.dataset().set("blobs:dim=2");
        assertFalse(m.unitNorm().get());
        assertFalse(m.current().toConfig().data().unitNorm(), "the run config carries the switch");
    }

    @Test
    void pickingADatasetSetsItsBiasInputDefaultWhichTheUserMayFlip() {
        SettingsModel m = vm.model();
        assertFalse(m.biasInput().get(), "images: the papers' inputs, unchanged");
        m.dataset().set("spirals");
        assertTrue(m.biasInput().get(), "2-D: the two-layer net needs it to bend away from the origin");
        assertTrue(m.current().toConfig().data().biasInput(), "the run config carries the switch");
        m.biasInput().set(false);
        assertFalse(m.current().toConfig().data().biasInput());
        m.dataset().set("fashion-mnist");
        assertFalse(m.biasInput().get());
        m.dataset().set("circles");
        assertTrue(m.biasInput().get());
    }

    @Test
    void changesRestartTheTimerOnlyOnceArmedAndFireResetsOnlyForADifferentRun() {
        vm.model().load(small());
        assertEquals(0, timerStarts, "not armed yet");
        reset.arm();
        reset.resetNow();
        vm.play();
        assertEquals(40, vm.latestProperty().get().step());
        vm.model().noise().set(0.5);
        vm.model().noise().set(0.6);
        assertEquals(2, timerStarts, "every change restarts the quiet period");
        vm.model().noise().set(small().noise());
        reset.fire();
        assertNotNull(vm.latestProperty().get(), "the same settings as the run on screen: no reset");
        vm.model().n().set(50);
        reset.fire();
        assertNull(vm.latestProperty().get(), "a different run: reset");
        assertEquals(50, vm.runSettings().n());
    }

    @Test
    void invalidSettingsAreReportedNotApplied() {
        vm.model().load(small());
        assertEquals(small(), reset.commit());
        vm.model().classes().set("0,x");
        assertNull(reset.commit());
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("classes"), errors.get(0));
        assertEquals(small(), vm.settings(), "the last good settings stay");
    }

    @Test
    void aHugeLearningRateEndsDivergedWithAHint() {
        SynchronousTrainingDriver long_ = new SynchronousTrainingDriver(2000);
        LensViewModel v = new LensViewModel(long_);
        List<String> e = new ArrayList<>();
        v.onError(e::add);
        try {
            v.apply(small().withTraining(1000, small().optimizer(), small().loss()).withStop(2000, 0));
            v.play();
            assertEquals(RunState.DIVERGED, v.runStateProperty().get());
            assertFalse(v.playingProperty().get());
            assertTrue(v.latestProperty().get().step() < 2000, "stopped early");
            assertTrue(e.stream().anyMatch(x -> x.contains("diverged at step") && x.contains("learning rate")), e
                    .toString());
            assertTrue(v.statusProperty().get().contains("diverged"), v.statusProperty().get());
        } finally {
            v.shutdown();
        }
    }

    @Test
    void aGhostIsKeptOnlyAcrossRunsOfTheSameDataset() {
        vm.apply(small());
        vm.play();
        vm.apply(small().withNoise(0.5));
        assertNotNull(vm.ghostProperty().get(), "same dataset: the previous run stays for comparison");
        vm.play();
        vm.apply(small().withDataset("circles"));
        assertNull(vm.ghostProperty().get(), "another dataset: no ghost");
    }
}
