package org.jacobianlens.app.devtools;

import org.jacobianlens.app.ui.MainWindow;
import org.jacobianlens.app.ui.SweepWindow;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.jacobianlens.app.lessons.Lesson;
import org.jacobianlens.app.lessons.LessonCatalog;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.app.viewmodel.Settings;
import org.jacobianlens.app.viewmodel.Timeline;
import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.sweep.SweepSpec;

/**
 * Regenerates the README pictures: drives the real window through scripted scenes (default dataset mid-training,
 * clean vs random labels compared, presentation mode, each lesson, a noise and a width sweep, the window at 1280×720, a
 * 2-D decision map and the timeline scrubbed back) and writes a snapshot
 * of the scene graph for each, so the pictures are exactly what a user sees, independent of the screen. Started by
 * {@code gui --screenshots=DIR}.
 */
final class ScreenshotTour {
    private record Scene(String name, Runnable setup, BooleanSupplier ready, Supplier<Stage> window,
                         long timeoutSeconds) {
        Scene(String name, Runnable setup, BooleanSupplier ready) {
            this(name, setup, ready, null, 240);
        }
    }

    private final Deque<Scene> scenes = new ArrayDeque<>();
    private final Stage stage;
    private final Path dir;
    private Scene current;
    private long deadline;

    private ScreenshotTour(Stage stage, Path dir) {
        this.stage = stage;
        this.dir = dir;
    }

    /** @param only names of the scenes to capture (empty: all of them) */
    public static void start(Stage stage, MainWindow window, LensViewModel vm, Path dir, java.util.Set<String> only) {
        ScreenshotTour t = new ScreenshotTour(stage, dir);
        t.scenes.add(new Scene("main-window", () -> window.autoStart(true), () -> step(vm) >= 400));
        t.scenes.add(new Scene("compare-clean-vs-random", () -> vm.compare(Comparison.Knob.NOISE),
                () -> step(vm) >= 400));
        t.scenes.add(new Scene("presentation-mode", () -> vm.view().presentation().set(true),
                () -> step(vm) >= 500));
        for (Lesson l : LessonCatalog.all()) {
            // The bound proxies of random labels exist only once every label is fitted: show the whole run there.
            int target = l.id().equals("low-rank-layers") ? l.settings().maxSteps()
                    : Math.min(l.settings().maxSteps(), 600);
            t.scenes.add(new Scene("lesson-" + l.id(), () -> {
                vm.view().presentation().set(false);
                window.lesson(l);
            }, () -> step(vm) >= target, null, 600));
        }
        for (SweepSpec.Kind kind : SweepSpec.Kind.values()) {
            SweepWindow[] sweep = new SweepWindow[1];
            t.scenes.add(new Scene("sweep-" + kind.name().toLowerCase(java.util.Locale.ROOT), () -> {
                // A small, quick base (digits 3 vs 5, 100 examples): each run takes seconds.
                Settings base = Settings.defaults().withDataset("digits").withClasses("3,5").withSize(100, 200, 100)
                        .withModel(RunConfig.ModelKind.TWO_LAYER, 1024, 2).withStop(1000, 0).withCadence(50);
                vm.pause();
                vm.model().load(base);
                vm.applySilently(base);
                sweep[0] = window.openSweep(kind);
                sweep[0].stage().setWidth(1600);
                sweep[0].stage().setHeight(1000);
                sweep[0].start();
            }, () -> sweep[0] != null && !sweep[0].model().runningProperty().get()
                    && sweep[0].model().points().size() == kind.defaultValues().length,
                    () -> sweep[0].stage(), 900));
        }
        // A 1280×720 projector: the whole window at that size, panels reflowed into two rows.
        t.scenes.add(new Scene("window-1280x720", () -> {
            projector(stage);
            window.fresh();
        }, () -> step(vm) >= 400));
        // 2-D data at the same size: spirals with 10 % random labels (unit norm off and the bias input on, the
        // dataset's defaults), the decision map as the fourth panel, at the end of the run.
        t.scenes.add(new Scene("decision-2d", () -> {
            projector(stage);
            window.fresh();
            vm.model().dataset().set("spirals");
            vm.model().noise().set(0.1);
            window.autoStart(true);
        }, () -> step(vm) >= vm.settings().maxSteps()));
        // The timeline: the spirals compared with random labels, scrubbed back to a third of the run so far.
        boolean[] scrubbed = new boolean[1];
        t.scenes.add(new Scene("timeline", () -> {
            projector(stage);
            vm.compare(Comparison.Knob.NOISE);
            vm.play(); // the spirals run before had finished, and a finished run stays paused
        }, () -> {
            GroupSnapshot g = vm.latestProperty().get();
            if (!scrubbed[0] && g != null && g.step() >= 1500) {
                vm.pause();
                window.timeline().select(Timeline.snap(g, g.step() / 3));
                scrubbed[0] = true;
            }
            return scrubbed[0];
        }));
        if (!only.isEmpty()) {
            t.scenes.removeIf(sc -> !only.contains(sc.name()));
            if (!only.contains("main-window")) {
                window.autoStart(true); // later scenes build on a running default run
            }
        }
        t.run();
    }

    /** The window as on a 1280×720 projector. */
    private static void projector(Stage stage) {
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    static int step(LensViewModel vm) {
        GroupSnapshot s = vm.latestProperty().get();
        return s == null ? -1 : s.step();
    }

    private void run() {
        new AnimationTimer() {
            private long settleUntil;

            @Override
            public void handle(long now) {
                if (current == null) {
                    if (scenes.isEmpty()) {
                        stop();
                        Platform.exit();
                        return;
                    }
                    current = scenes.poll();
                    deadline = now + current.timeoutSeconds() * 1_000_000_000L;
                    settleUntil = 0;
                    current.setup().run();
                    return;
                }
                if (!current.ready().getAsBoolean() && now < deadline) {
                    return;
                }
                if (settleUntil == 0) {
                    settleUntil = now + 1_000_000_000L; // let the interpolation and the three charts catch up
                    return;
                }
                if (now < settleUntil) {
                    return;
                }
                write(current.window() == null ? stage : current.window().get(), current.name());
                current = null;
            }
        }.start();
    }

    private void write(Stage window, String name) {
        WritableImage img = window.getScene().snapshot(null);
        BufferedImage out = SwingFXUtils.fromFXImage(img, null);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name + ".png.tmp");
            ImageIO.write(out, "png", tmp.toFile());
            Files.move(tmp, dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("wrote " + dir.resolve(name + ".png"));
        } catch (IOException e) {
            System.err.println("could not write " + name + ": " + e.getMessage());
        }
    }
}
