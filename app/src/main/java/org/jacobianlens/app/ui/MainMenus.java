package org.jacobianlens.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;

import org.jacobianlens.app.build.BuildInfo;
import org.jacobianlens.app.lessons.Lesson;
import org.jacobianlens.app.lessons.LessonCatalog;
import org.jacobianlens.core.sweep.SweepSpec;

/**
 * The menu bar: File, View, Lessons, Sweeps, Help. Every keyboard shortcut is an accelerator of a menu item, so
 * the menus list them; single-key shortcuts do nothing while a text input (a field, an editable box or spinner)
 * has the focus, so typing "spirals" or "200c" only types.
 */
final class MainMenus {
    /** What the View and File items do. */
    interface Actions {
        void togglePlay();

        void step();

        void reset();

        void toggleCompare();

        void togglePresentation();

        void toggleFullScreen();

        void toggleTheoryPanel();

        void lesson(Lesson l);

        void sweep(SweepSpec.Kind kind);

        void quit();
    }

    private final MenuBar bar;
    private final List<String[]> shortcuts = new ArrayList<>();
    private final Scene[] scene = new Scene[1];

    MainMenus(FileMenu file, Actions a) {
        Menu view = new Menu("View");
        view.setId("viewMenu");
        view.getItems().addAll(
                key("Play / pause", "Space", "viewPlay", a::togglePlay),
                key("Step", "S", "viewStep", a::step),
                key("Reset", "R", "viewReset", a::reset),
                key("Compare clean vs random labels", "C", "viewCompare", a::toggleCompare),
                new SeparatorMenuItem(),
                key("Presentation mode", "P", "viewPresentation", a::togglePresentation),
                key("Full screen", "F", "viewFullScreen", a::toggleFullScreen),
                key("Theory panel", "T", "viewTheory", a::toggleTheoryPanel));
        Menu lessons = new Menu("Lessons");
        for (Lesson l : LessonCatalog.all()) {
            MenuItem item = new MenuItem(l.title() + " (" + l.paper() + ")");
            item.setId("lesson-" + l.id());
            item.setOnAction(e -> a.lesson(l));
            lessons.getItems().add(item);
        }
        Menu sweeps = new Menu("Sweeps");
        MenuItem noise = new MenuItem("Noise sweep…");
        noise.setId("noiseSweep");
        noise.setOnAction(e -> a.sweep(SweepSpec.Kind.NOISE));
        MenuItem width = new MenuItem("Width sweep…");
        width.setId("widthSweep");
        width.setOnAction(e -> a.sweep(SweepSpec.Kind.WIDTH));
        sweeps.getItems().addAll(noise, width);
        MenuItem quit = new MenuItem("Quit");
        quit.setId("quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> a.quit());
        file.menu().getItems().addAll(new SeparatorMenuItem(), quit);
        shortcuts.add(new String[] {"Ctrl+O", "Open session"});
        shortcuts.add(new String[] {"Ctrl+S", "Save session"});
        shortcuts.add(new String[] {"Ctrl+Q", "Quit"});
        Menu help = new Menu("Help");
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setId("helpKeys");
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> sheet());
        MenuItem about = new MenuItem("About Jacobian Lens");
        about.setId("helpAbout");
        about.setOnAction(e -> about());
        help.getItems().addAll(keys, about);
        bar = new MenuBar(file.menu(), view, lessons, sweeps, help);
        bar.setId("menuBar");
    }

    MenuBar node() {
        return bar;
    }

    /** The scene whose focus decides whether a single key is typing (set once the window exists). */
    void attach(Scene s) {
        scene[0] = s;
    }

    /** Whether a text input has the focus, so single keys belong to it. */
    boolean typing() {
        Scene s = scene[0];
        var f = s == null ? null : s.getFocusOwner();
        return f instanceof TextInputControl || (f instanceof ComboBoxBase<?> c && c.isEditable())
                || (f instanceof Spinner<?> sp && sp.isEditable());
    }

    private MenuItem key(String text, String key, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(KeyCombination.keyCombination(key));
        BooleanSupplier single = () -> !key.contains("+");
        item.setOnAction(e -> {
            if (!(single.getAsBoolean() && typing())) {
                action.run();
            }
        });
        shortcuts.add(new String[] {key, text});
        return item;
    }

    /** Help → Keyboard shortcuts: every accelerator in one sheet. */
    private void sheet() {
        StringBuilder b = new StringBuilder();
        for (String[] s : shortcuts) {
            b.append(String.format("%-8s %s%n", s[0], s[1]));
        }
        b.append("\nSingle keys act only when no text field has the focus (click a panel or press Esc first).");
        TextArea text = new TextArea(b.toString());
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        text.setPrefRowCount(shortcuts.size() + 3);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(text);
        alert.show();
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.setTitle("About Jacobian Lens");
        alert.setHeaderText("Jacobian Lens " + BuildInfo.version());
        alert.setContentText("NTK spectrum, label projections and training curves, live.\n\n"
                + "Deeplearning4j / ND4J " + BuildInfo.dl4jVersion() + "\nOpenBLAS " + BuildInfo.openBlasVersion()
                + "\nJavaCPP " + BuildInfo.javacppVersion() + "\nJava " + System.getProperty("java.version")
                + "\nJavaFX " + System.getProperty("javafx.runtime.version", "?"));
        alert.show();
    }

    /** The shortcuts as (key, what) pairs, in menu order. */
    List<String[]> shortcuts() {
        return List.copyOf(shortcuts);
    }
}
