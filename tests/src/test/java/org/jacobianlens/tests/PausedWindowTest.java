package org.jacobianlens.tests;

import java.util.concurrent.TimeoutException;

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

    static LensViewModel vm() {
        return LensApp.current().viewModel();
    }
}
