package org.jacobianlens.app.ui;

import javafx.application.Platform;

import org.jacobianlens.app.lessons.Lesson;
import org.jacobianlens.app.viewmodel.AutoReset;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.core.sweep.SweepSpec;

/** The View and File menus' commands, on the window and the view-model. */
final class WindowCommands implements MainMenus.Actions {
    private final MainWindow w;
    private final LensViewModel vm;
    private final AutoReset autoReset;

    WindowCommands(MainWindow w, LensViewModel vm, AutoReset autoReset) {
        this.w = w;
        this.vm = vm;
        this.autoReset = autoReset;
    }

    @Override
    public void togglePlay() {
        w.togglePlay();
    }

    @Override
    public void step() {
        w.step();
    }

    @Override
    public void reset() {
        w.resetNow();
    }

    @Override
    public void toggleCompare() {
        if (autoReset.commit() != null) {
            vm.toggleCompare();
        }
    }

    @Override
    public void togglePresentation() {
        vm.view().presentation().set(!vm.view().presentation().get());
    }

    @Override
    public void toggleFullScreen() {
        if (w.stage() != null) {
            w.stage().setFullScreen(!w.stage().isFullScreen());
        }
    }

    @Override
    public void toggleTheoryPanel() {
        vm.view().theoryPanel().set(!vm.view().theoryPanel().get());
    }

    @Override
    public void lesson(Lesson l) {
        w.lesson(l);
    }

    @Override
    public void sweep(SweepSpec.Kind kind) {
        w.openSweep(kind);
    }

    @Override
    public void quit() {
        if (w.stage() != null) {
            w.stage().close();
        }
        Platform.exit();
    }
}
