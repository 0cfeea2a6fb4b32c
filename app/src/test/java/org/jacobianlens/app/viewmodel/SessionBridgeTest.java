package org.jacobianlens.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jacobianlens.app.session.Session;
import org.jacobianlens.app.session.SessionStore;
import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving the app's state and opening it again restores settings, mode and recorded histories exactly. */
class SessionBridgeTest {
    @TempDir
    Path dir;

    @Test
    void aComparedRunSurvivesSaveAndOpen() throws Exception {
        Settings settings = Settings.defaults().withDataset("circles").withClasses("").withSize(60, 20, 60).withNoise(0.3)
                .withModel(RunConfig.ModelKind.TWO_LAYER, 64, 1).withStop(30, 0).withCadence(10);
        LensViewModel vm = new LensViewModel(new SynchronousTrainingDriver(30));
        vm.apply(settings);
        vm.compare(Comparison.Knob.NOISE);
        vm.play();
        GroupSnapshot trained = vm.latestProperty().get();
        Path file = dir.resolve("demo.lens.json");
        SessionStore.save(SessionBridge.capture(vm, Map.of("cutoff", "0.2"), "clean-vs-random"), file);
        vm.shutdown();

        LensViewModel reopened = new LensViewModel(new SynchronousTrainingDriver(30));
        Session s = SessionStore.load(file);
        SessionBridge.restore(reopened, s);
        assertEquals(settings, reopened.settings(), "the user's noise, not a lane's, comes back");
        assertEquals(Comparison.Knob.NOISE, reopened.compareKnobProperty().get());
        assertEquals("0.2", s.view().get("cutoff"));
        assertEquals("clean-vs-random", s.preset());
        GroupSnapshot shown = reopened.latestProperty().get();
        assertNotNull(shown);
        assertEquals(trained.labels(), shown.labels());
        for (int i = 0; i < 2; i++) {
            assertEquals(trained.lane(i).step(), shown.lane(i).step());
            assertArrayEquals(trained.lane(i).latestFrame().eigenvalues(), shown.lane(i).latestFrame().eigenvalues(), 0);
            assertArrayEquals(trained.lane(i).curves().trainLoss(), shown.lane(i).curves().trainLoss(), 0);
            assertArrayEquals(trained.lane(i).linear().testLoss(), shown.lane(i).linear().testLoss(), 0,
                    "the linearized twin's history");
            var w = trained.lane(i).weights();
            var w2 = shown.lane(i).weights();
            assertEquals(w.size(), w2.size());
            assertEquals(w.get(w.size() - 1).bounds(), w2.get(w2.size() - 1).bounds(), "bound proxies");
            // the last weight frame (how many there are depends on the live time budget)
            assertArrayEquals(w.get(w.size() - 1).layers()[0].singularValues(),
                    w2.get(w2.size() - 1).layers()[0].singularValues(), 0);
        }
        // Play retrains from initialization with the restored settings and reproduces the recording.
        reopened.play();
        assertArrayEquals(trained.lane(1).curves().trainLoss(),
                reopened.latestProperty().get().lane(1).curves().trainLoss(), 0);
        reopened.shutdown();
        assertEquals(true, Files.size(file) > 1000);
    }
}
