package org.jacobianlens.app.ui;

import java.util.List;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.app.viewmodel.ServiceTrainingDriver;

/**
 * The desktop application: composition root. Options (after {@code gui}): {@code --presentation} opens in
 * presentation mode, {@code --paused} does not start training, {@code --fresh} ignores the settings remembered at
 * the last exit, {@code --screenshots=DIR} writes the README pictures and exits ({@code --scenes=A,B} only those),
 * {@code --measure-live=SECONDS [--compare]} runs the default demo (or the clean-vs-random comparison) and prints
 * steps/s, analysis frames/s, pulse p99 and peak RSS ({@link LiveMeasurement}), {@code --measure-pulses=SECONDS}
 * trains at
 * n_a = 1000 for that long and prints JavaFX pulse statistics, then exits.
 */
public final class LensApp extends Application {
    private MainWindow window;

    /** Launches the GUI (called from the jar's Main, which must not itself extend Application). */
    public static void launchApp(String[] args) {
        Application.launch(LensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        LensViewModel vm = new LensViewModel(new ServiceTrainingDriver());
        window = new MainWindow(vm);
        Scene scene = new Scene(window.root(), 1600, 960);
        stage.setTitle("Jacobian Lens — NTK spectrum, label projections, training curves");
        stage.setScene(scene);
        window.attach(stage);
        stage.show();
        if (args.contains("--presentation")) {
            window.controls().presentation.setSelected(true);
        }
        String live = args.stream().filter(a -> a.startsWith("--measure-live=")).findFirst().orElse(null);
        if (live != null) {
            LiveMeasurement.start(window, vm, Double.parseDouble(live.substring(live.indexOf('=') + 1)),
                    args.contains("--compare"));
            return;
        }
        String measure = args.stream().filter(a -> a.startsWith("--measure-pulses=")).findFirst().orElse(null);
        if (measure != null) {
            PulseMeasurement.start(window, vm, Double.parseDouble(measure.substring(measure.indexOf('=') + 1)));
            return;
        }
        String shots = args.stream().filter(a -> a.startsWith("--screenshots=")).findFirst().orElse(null);
        if (shots != null) {
            String only = args.stream().filter(a -> a.startsWith("--scenes=")).findFirst()
                    .map(a -> a.substring(a.indexOf('=') + 1)).orElse("");
            ScreenshotTour.start(stage, window, vm, java.nio.file.Path.of(shots.substring(shots.indexOf('=') + 1)),
                    only.isBlank() ? java.util.Set.of() : java.util.Set.of(only.split(",")));
            return;
        }
        if (!args.contains("--fresh") && Boolean.parseBoolean(System.getProperty("jacobianlens.restoreLastSettings",
                "true"))) {
            window.restoreLastSettings();
        }
        window.autoStart(!args.contains("--paused"));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
