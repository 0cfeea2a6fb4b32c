package org.jacobianlens.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window's first bounds always lie on the screen's visible area. */
class WindowFitTest {
    private static void inside(Rectangle2D screen, Rectangle2D w) {
        assertTrue(w.getMinX() >= screen.getMinX() && w.getMinY() >= screen.getMinY(), w + " on " + screen);
        assertTrue(w.getMaxX() <= screen.getMaxX() && w.getMaxY() <= screen.getMaxY(), w + " on " + screen);
    }

    @Test
    void aProjectorGetsItsWholeVisibleArea() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1280, 720);
        Rectangle2D w = WindowFit.bounds(screen);
        inside(screen, w);
        assertEquals(1280, w.getWidth());
        assertEquals(720, w.getHeight());
    }

    @Test
    void largeAndOffsetScreensGetACentredWindowThatScalesUp() {
        for (Rectangle2D screen : new Rectangle2D[] {new Rectangle2D(0, 0, 1920, 1040),
                new Rectangle2D(1920, 0, 3840, 2120), new Rectangle2D(-1280, 200, 1280, 690)}) {
            Rectangle2D w = WindowFit.bounds(screen);
            inside(screen, w);
            assertTrue(w.getWidth() >= 0.85 * screen.getWidth(), "scales with the screen: " + w);
            assertEquals(screen.getMinX() + screen.getWidth() / 2, w.getMinX() + w.getWidth() / 2, 1.0);
        }
    }
}
