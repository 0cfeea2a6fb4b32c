package org.jacobianlens.app.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Sizes the window to the screen it opens on: the whole visible area on small screens (a 1280×720 projector),
 * 90 % of it, centred, on larger ones; never off screen.
 */
final class WindowFit {
    /** Screens up to this size get the whole visible area. */
    private static final double SMALL_WIDTH = 1440;

    private WindowFit() {
    }

    /** The window's bounds on a screen with these visible bounds. */
    static Rectangle2D bounds(Rectangle2D screen) {
        double share = screen.getWidth() <= SMALL_WIDTH ? 1.0 : 0.9;
        double w = Math.floor(screen.getWidth() * share);
        double h = Math.floor(screen.getHeight() * share);
        double x = screen.getMinX() + (screen.getWidth() - w) / 2;
        double y = screen.getMinY() + (screen.getHeight() - h) / 2;
        return new Rectangle2D(x, y, w, h);
    }

    /** Puts {@code stage} on the screen it is on (the primary screen before it is shown). */
    static void fit(Stage stage) {
        Screen screen = Screen.getScreensForRectangle(stage.getX(), stage.getY(), 1, 1).stream().findFirst()
                .orElse(Screen.getPrimary());
        Rectangle2D b = bounds(screen.getVisualBounds());
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
    }

    /** The scene's first size: the same bounds, before the stage exists on screen. */
    static Rectangle2D initial() {
        return bounds(Screen.getPrimary().getVisualBounds());
    }
}
