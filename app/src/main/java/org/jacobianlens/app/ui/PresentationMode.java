package org.jacobianlens.app.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Font;

/**
 * Presentation mode on the window: large fonts for a projector and the controls hidden (the charts' own fonts and
 * lines follow the view options in their panels).
 *
 * <p>The base font size is always set explicitly on the window's root, to the platform's default size outside
 * presentation mode: removing an inherited {@code -fx-font-size} from an ancestor of the menu bar leaves the label
 * inside each menu-bar button at the old size (JavaFX 21: that label mirrors its button's font, and the reset to
 * "no style" does not reach it — measured, "File" stayed at 18 px while its button went back to 13 px). Setting the
 * size to its default value instead of clearing it goes through the ordinary CSS path, so every font returns
 * exactly to what it was. (A style class that changes the size has the same problem when removed, so there is
 * none.)
 */
final class PresentationMode {
    /** Base font size on a projector, in px. */
    static final double PRESENTATION_FONT_PX = 18;

    private final Parent root;
    private final BorderPane layout;
    private final Node controls;
    private final double normalFontPx = Font.getDefault().getSize();

    /**
     * @param root     the scene's root, which carries the base font size
     * @param layout   the pane whose left side holds the controls
     * @param controls the controls, hidden in presentation mode
     */
    PresentationMode(Parent root, BorderPane layout, Node controls) {
        this.root = root;
        this.layout = layout;
        this.controls = controls;
    }

    /** Follows {@code on} from now on, starting with its current value. */
    void follow(ObservableValue<Boolean> on) {
        apply(on.getValue());
        on.addListener((o, was, now) -> apply(now));
    }

    private void apply(boolean on) {
        // On a projector the pictures get the whole screen: the controls hide (P brings them back).
        layout.setLeft(on ? null : controls);
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;",
                on ? PRESENTATION_FONT_PX : normalFontPx));
    }
}
