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
 * the last exit; developer tools ({@code --screenshots}, {@code --measure-live}, {@code --measure-pulses}) start
 * through the {@link #setStartHook start hook} the command line installs, so this package does not depend on them.
 */
public final class LensApp extends Application {
    /** A tool that may take over the window at start; returns whether it did. */
    public interface StartHook {
        boolean start(List<String> args, Stage stage, MainWindow window, LensViewModel vm);
    }

    private static volatile StartHook hook = (a, s, w, v) -> false;
    private static volatile MainWindow current;
    private MainWindow window;

    /** The window of the running app (for the UI tests), or null. */
    public static MainWindow current() {
        return current;
    }

    /** Launches the GUI (called from the jar's Main, which must not itself extend Application). */
    public static void launchApp(String[] args) {
        Application.launch(LensApp.class, args);
    }

    /** Installs the developer-tool hook (before {@link #launchApp}). */
    public static void setStartHook(StartHook h) {
        hook = h;
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        LensViewModel vm = new LensViewModel(new ServiceTrainingDriver());
        window = new MainWindow(vm);
        current = window;
        javafx.geometry.Rectangle2D size = WindowFit.initial();
        Scene scene = new Scene(window.root(), size.getWidth(), size.getHeight());
        stage.setTitle("Jacobian Lens — NTK spectrum, label projections, training curves");
        stage.setScene(scene);
        window.attach(stage);
        stage.show();
        if (args.contains("--presentation")) {
            vm.view().presentation().set(true);
        }
        if (hook.start(args, stage, window, vm)) {
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
