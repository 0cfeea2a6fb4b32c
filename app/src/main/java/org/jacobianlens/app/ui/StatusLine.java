package org.jacobianlens.app.ui;

import javafx.scene.control.ProgressBar;

import org.controlsfx.control.StatusBar;
import org.jacobianlens.app.charts.KernelLabels;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.app.viewmodel.PulseStats;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunState;

/**
 * The status bar: before a run the view-model's status sentence; during one the step, rates (only while
 * playing: a paused run says "paused"), dataset, changed labels, heap and render p99; a diverged or failed run
 * says so.
 */
final class StatusLine {
    private static final long RATE_WINDOW_NANOS = 2_000_000_000L;

    private final LensViewModel vm;
    private final StatusBar bar = new StatusBar();
    private final PulseStats renders;
    private final ControlPanel controls;
    private long lastRate = System.nanoTime();
    private int lastStep;
    private int lastFrames;
    private double stepsPerSecond;
    private double framesPerSecond;

    StatusLine(LensViewModel vm, PulseStats renders, ControlPanel controls) {
        this.vm = vm;
        this.renders = renders;
        this.controls = controls;
        bar.setId("status");
        bar.setText(vm.statusProperty().get());
        vm.statusProperty().addListener((o, a, b) -> {
            if (vm.latestProperty().get() == null || terminalTrouble()) {
                bar.setText(b);
            }
        });
        vm.busyProperty().addListener((o, a, b) -> bar.setProgress(b ? ProgressBar.INDETERMINATE_PROGRESS : 0));
        vm.playingProperty().addListener((o, a, b) -> {
            GroupSnapshot s = vm.latestProperty().get();
            if (s != null && !terminalTrouble()) {
                update(s);
            }
        });
    }

    private boolean terminalTrouble() {
        RunState r = vm.runStateProperty().get();
        return r == RunState.DIVERGED || r == RunState.FAILED;
    }

    StatusBar node() {
        return bar;
    }

    /** A new snapshot is on screen. */
    void update(GroupSnapshot s) {
        if (terminalTrouble() && s.terminal()) {
            bar.setText(vm.statusProperty().get());
            return;
        }
        long now = System.nanoTime();
        if (now - lastRate > RATE_WINDOW_NANOS) {
            double dt = (now - lastRate) / 1e9;
            int frames = s.lane(0).framesTaken();
            stepsPerSecond = Math.max(0, (s.step() - lastStep) / dt);
            framesPerSecond = Math.max(0, (frames - lastFrames) / dt);
            lastStep = s.step();
            lastFrames = frames;
            lastRate = now;
        }
        Runtime rt = Runtime.getRuntime();
        var info = s.lane(0).info();
        StringBuilder changed = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            changed.append(i == 0 ? "" : " | ").append(s.lane(i).info().changed());
        }
        String lanes = s.size() > 1 ? s.size() + " runs compared   " : "";
        String hint = vm.view().presentation().get() ? "   (P: leave presentation mode, F: full screen)" : "";
        String rate = !vm.playingProperty().get() ? (s.terminal() ? "finished" : "paused")
                : String.format("%.0f steps/s   %.1f analysis frames/s", stepsPerSecond, framesPerSecond);
        // Which eigensolver made the frame on screen and how long it took ("top 100 of n = 5,000 by Lanczos, 2.3 s").
        var frame = s.lane(0).latestFrame();
        int order = frame == null ? 0 : KernelLabels.order(frame, info);
        String solver = frame == null ? "" : "   " + frame.solverSummary(order, order == frame.n() ? "n" : "nK");
        bar.setText(String.format("step %d   %s   %s%s, %s of %d labels changed%s   heap %d MB   frame p99 %.0f ms"
                        + "   %s", s.step(), rate, lanes, info.dataset(), changed, info.nTrain(), solver,
                (rt.totalMemory() - rt.freeMemory()) >> 20, renders.quantile(0.99), s.lane(0).message()) + hint);
        controls.noiseText(changed.toString());
    }
}
