package org.jacobianlens.tests;

import java.util.concurrent.TimeoutException;

import javafx.stage.Stage;

import org.jacobianlens.app.ui.LensApp;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The real window, started paused for each test (nothing trains until the test says so) and closed after it. */
abstract class PausedWindowTest extends FxRobot {
    private javafx.application.Application app;

    @BeforeEach
    void startPaused() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(LensApp.class, "--paused");
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Puts the window at (0, 0) in 1280 × 720, a common projector, and returns it (call on the test thread). */
    Stage projector() {
        Stage stage = (Stage) lookup("#menuBar").query().getScene().getWindow();
        interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        return stage;
    }

    static LensViewModel vm() {
        return LensApp.current().viewModel();
    }
}
