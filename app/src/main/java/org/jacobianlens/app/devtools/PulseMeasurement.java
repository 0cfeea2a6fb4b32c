package org.jacobianlens.app.devtools;

import org.jacobianlens.app.ui.MainWindow;

import org.jacobianlens.app.viewmodel.LensViewModel;

/**
 * The FX pulse measurement of the issue (a measurement, not a test): trains the default dataset with an analysis
 * of n_a = 1000 examples every 10 steps and prints the distribution of pulse intervals (what the user sees as
 * frame times) and of the time the render loop spends per pulse.
 */
final class PulseMeasurement {
    private PulseMeasurement() {
    }

    public static void start(MainWindow window, LensViewModel vm, double seconds) {
        vm.model().n().set(1000);
        vm.model().analyzeN().set(1000);
        vm.model().analyzeEvery().set(10);
        vm.model().maxSteps().set(0);
        window.autoStart(true);
        // Skip the start-up (data preparation, first analysis), then measure a window of steady training.
        javafx.animation.PauseTransition warm = new javafx.animation.PauseTransition(
                javafx.util.Duration.seconds(Math.min(20, seconds / 3)));
        warm.setOnFinished(e -> {
            window.pulseStats().clear();
            window.renderStats().clear();
        });
        warm.play();
        javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(
                javafx.util.Duration.seconds(Math.min(20, seconds / 3) + seconds));
        p.setOnFinished(e -> {
            var s = vm.latestProperty().get();
            System.out.println("FX pulse measurement, n = 1000, n_a = 1000, analysis every 10 steps, "
                    + seconds + " s of training");
            System.out.println("  reached step " + (s == null ? 0 : s.step()) + ", analysis frames "
                    + (s == null ? 0 : s.lane(0).frames().size()));
            System.out.println("  pulse interval: " + window.pulseStats().summary());
            System.out.println("  render time per pulse: " + window.renderStats().summary());
            System.out.println("  goal: pulse interval p99 ≤ 33 ms → "
                    + (window.pulseStats().quantile(0.99) <= 33 ? "met" : "NOT met"));
            javafx.application.Platform.exit();
        });
        p.play();
    }
}
