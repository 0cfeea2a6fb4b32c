package org.jacobianlens.app.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jacobianlens.app.viewmodel.TrainingService;

/** The desktop application: composition root. Training runs on the service's own compute thread. */
public final class LensApp extends Application {
    private TrainingService service;

    /** Launches the GUI (called from the jar's Main, which must not itself extend Application). */
    public static void launchApp(String[] args) {
        Application.launch(LensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        service = new TrainingService();
        MainWindow window = new MainWindow(service);
        Scene scene = new Scene(window.root(), 1600, 720);
        scene.setOnKeyPressed(e -> window.onKey(e.getCode()));
        stage.setTitle("Jacobian Lens — NTK spectrum, label projections, training curves");
        stage.setScene(scene);
        stage.show();
        window.autoStart();
    }

    @Override
    public void stop() {
        if (service != null) {
            service.shutdown();
        }
    }
}
