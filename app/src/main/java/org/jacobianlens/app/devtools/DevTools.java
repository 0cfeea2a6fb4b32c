package org.jacobianlens.app.devtools;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javafx.stage.Stage;

import org.jacobianlens.app.ui.MainWindow;
import org.jacobianlens.app.viewmodel.LensViewModel;

/** Starts the developer tool the {@code gui} options ask for, if any (the app's start hook). */
public final class DevTools {
    private DevTools() {
    }

    /** @return whether a tool took over the window (then the app does not start its normal run) */
    public static boolean start(List<String> args, Stage stage, MainWindow window, LensViewModel vm) {
        String live = value(args, "--measure-live=");
        if (live != null) {
            // Without --fresh the settings remembered at the last exit are measured (e.g. the largest the window
            // offers, set up by hand once); with it, the default demo.
            if (!args.contains("--fresh")) {
                window.restoreLastSettings();
            }
            LiveMeasurement.start(window, vm, Double.parseDouble(live), args.contains("--compare"));
            return true;
        }
        String pulses = value(args, "--measure-pulses=");
        if (pulses != null) {
            PulseMeasurement.start(window, vm, Double.parseDouble(pulses));
            return true;
        }
        String shots = value(args, "--screenshots=");
        if (shots != null) {
            String only = value(args, "--scenes=");
            ScreenshotTour.start(stage, window, vm, Path.of(shots),
                    only == null || only.isBlank() ? Set.of() : Set.of(only.split(",")));
            return true;
        }
        return false;
    }

    private static String value(List<String> args, String prefix) {
        return args.stream().filter(a -> a.startsWith(prefix)).findFirst().map(a -> a.substring(prefix.length()))
                .orElse(null);
    }
}
