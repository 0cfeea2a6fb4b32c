package org.jacobianlens.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.sweep.Sweep;
import org.jacobianlens.core.sweep.SweepListener;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep window's model without the FX toolkit: all property changes go through a single-thread "UI" executor,
 * as {@code Platform.runLater} would in the app.
 */
class SweepViewModelTest {
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
    private final SweepViewModel vm = new SweepViewModel(uiThread);

    @AfterEach
    void stop() {
        vm.shutdown();
        uiThread.shutdownNow();
    }

    private static RunConfig base(int steps) {
        return RunConfig.defaults()
                .withData(new DatasetSpec("xor", null, 40, 20, 0.0, false, true, false, 3))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 64, 1)
                .withStop(steps, 0)
                .withAnalysis(20, 40, 0.1)
                .withSeed(5);
    }

    /** Runs {@code r} on the UI thread and waits for it (so every earlier posted update has been applied). */
    private <T> T onUi(java.util.concurrent.Callable<T> r) throws Exception {
        return uiThread.submit(r).get(10, TimeUnit.SECONDS);
    }

    @Tag("slow") // about 10 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void pointsArriveInOrderAndEqualADirectSweep() throws Exception {
        SweepSpec spec = new SweepSpec(base(60), SweepSpec.Kind.NOISE, new double[] {0, 0.5, 1}, 5, 0.1);
        List<Integer> sizesSeen = new ArrayList<>();
        onUi(() -> {
            vm.points().addListener((javafx.collections.ListChangeListener<SweepPoint>) c ->
                    sizesSeen.add(vm.points().size()));
            return null;
        });
        onUi(() -> {
            vm.start(spec);
            return null;
        });
        assertTrue(onUi(() -> vm.runningProperty().get()));
        vm.await(120, TimeUnit.SECONDS);

        List<SweepPoint> shown = onUi(() -> new ArrayList<>(vm.points()));
        List<SweepPoint> direct = Sweep.run(spec, SweepListener.NONE, () -> false);
        assertEquals(direct, shown, "the window shows exactly what the core computes, in sweep order");
        assertEquals(List.of(1, 2, 3), sizesSeen, "each point appears on its own, as soon as it finishes");
        assertFalse(onUi(() -> vm.runningProperty().get()));
        assertEquals(1.0, onUi(() -> vm.progressProperty().get()));
        assertTrue(onUi(() -> vm.statusProperty().get()).startsWith("Done: 3 runs"),
                onUi(() -> vm.statusProperty().get()));
        for (SweepPoint q : shown) {
            assertEquals(RunState.FINISHED, q.state());
        }
    }

    @Test
    void cancelKeepsFinishedPointsAndStopsEarly() throws Exception {
        SweepSpec spec = new SweepSpec(base(100_000), SweepSpec.Kind.WIDTH, new double[] {16, 32}, 5, 0.1);
        CountDownLatch stepping = new CountDownLatch(1);
        onUi(() -> {
            vm.statusProperty().addListener((o, a, b) -> {
                if (b.startsWith("Run 1 of 2")) {
                    stepping.countDown();
                }
            });
            vm.start(spec);
            return null;
        });
        assertTrue(stepping.await(60, TimeUnit.SECONDS), "progress is reported while a point trains");
        double partial = onUi(() -> vm.progressProperty().get());
        assertTrue(partial >= 0 && partial < 0.5, "progress within the first of two runs: " + partial);
        onUi(() -> {
            vm.cancel();
            return null;
        });
        vm.await(60, TimeUnit.SECONDS);
        assertFalse(onUi(() -> vm.runningProperty().get()));
        assertEquals(0, onUi(() -> vm.points().size()), "the abandoned point is not reported");
        assertTrue(onUi(() -> vm.statusProperty().get()).startsWith("Cancelled: 0 of 2 runs"),
                onUi(() -> vm.statusProperty().get()));
    }

    @Test
    void restartDropsTheOldSweepsLateUpdates() throws Exception {
        SweepSpec slow = new SweepSpec(base(100_000), SweepSpec.Kind.WIDTH, new double[] {16}, 5, 0.1);
        SweepSpec quick = new SweepSpec(base(20), SweepSpec.Kind.NOISE, new double[] {0.25}, 5, 0.1);
        CountDownLatch stepping = new CountDownLatch(1);
        onUi(() -> {
            vm.statusProperty().addListener((o, a, b) -> {
                if (b.startsWith("Run 1 of 1")) {
                    stepping.countDown();
                }
            });
            vm.start(slow);
            return null;
        });
        assertTrue(stepping.await(60, TimeUnit.SECONDS), "the slow sweep is training");
        onUi(() -> {
            vm.start(quick);
            return null;
        });
        vm.await(60, TimeUnit.SECONDS);
        List<SweepPoint> shown = onUi(() -> new ArrayList<>(vm.points()));
        assertEquals(1, shown.size());
        assertEquals(0.25, shown.get(0).value(), "only the new sweep's point");
        assertEquals(quick, onUi(() -> vm.specProperty().get()));
        assertTrue(onUi(() -> vm.statusProperty().get()).startsWith("Done: 1 run"));
    }

    @Test
    void badDataIsReportedNotThrown() throws Exception {
        List<String> errors = new ArrayList<>();
        RunConfig missing = base(10).withData(new DatasetSpec("/nonexistent/file.csv", null, 40, 20, 0, false, true, false,
                1));
        onUi(() -> {
            vm.onError(errors::add);
            vm.start(SweepSpec.of(missing, SweepSpec.Kind.NOISE));
            return null;
        });
        vm.await(30, TimeUnit.SECONDS);
        onUi(() -> null);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("/nonexistent/file.csv"), errors.get(0));
        assertFalse(onUi(() -> vm.runningProperty().get()));
    }
}
