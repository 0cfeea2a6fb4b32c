package org.jacobianlens.app.ui;

import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jacobianlens.app.charts.TheoryPanel;
import org.jacobianlens.app.lessons.Lesson;
import org.jacobianlens.app.lessons.LessonCatalog;
import org.jacobianlens.app.session.Session;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.app.viewmodel.SessionBridge;
import org.jacobianlens.app.viewmodel.ViewOptions;

/**
 * Plays a lesson: loads its settings and view into the models, shows its text above the panels and starts it
 * from a clean state (no ghost of whatever ran before).
 */
final class LessonPlayer {
    private final LensViewModel vm;
    private final Consumer<String> preset;
    private final Label text = new Label();
    private final VBox box;

    /** @param preset told the lesson id (or null) so saved sessions remember it */
    LessonPlayer(LensViewModel vm, Consumer<String> preset) {
        this.vm = vm;
        this.preset = preset;
        text.setWrapText(true);
        text.setId("lessonText");
        Button close = new Button("×");
        close.setOnAction(e -> show(null));
        Tooltip.install(close, new Tooltip("Close the lesson text."));
        HBox row = new HBox(8, text, close);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new VBox(row);
        box.setStyle("-fx-background-color: #fff8dc; -fx-padding: 8; -fx-border-color: #e0d7a8;");
        box.managedProperty().bind(box.visibleProperty());
        box.setVisible(false);
    }

    VBox node() {
        return box;
    }

    /** Opens a lesson: its settings, mode, view and text, then plays from initialization. */
    void play(Lesson l) {
        vm.model().load(l.settings());
        ViewOptions v = vm.view();
        v.logSteps().set(l.logSteps());
        v.eigenvalues().set(l.eigenvalues());
        v.cutoff().set(l.cutoff());
        v.topK().set(0);
        v.theoryPanel().set(l.theoryView() != null);
        if (l.theoryView() != null) {
            v.theoryView().set(TheoryPanel.View.valueOf(l.theoryView()));
        }
        preset.accept(l.id());
        show(l);
        vm.applySilently(l.settings());
        vm.clearGhost();
        if (l.compare() == null) {
            vm.single();
        } else {
            vm.compare(SessionBridge.knobOf(l.compare()));
        }
        vm.clearGhost(); // a lesson starts clean: no "previous run" from before it
        vm.play();
    }

    /** Hides the lesson text (as its × button does). */
    void close() {
        show(null);
    }

    /** After a session was opened: its view options, and its lesson text when it was one. */
    void opened(Session s) {
        vm.view().fromMap(s.view());
        if (s.preset() != null) {
            LessonCatalog.all().stream().filter(l -> l.id().equals(s.preset())).findFirst().ifPresent(this::show);
        }
    }

    private void show(Lesson l) {
        box.setVisible(l != null);
        text.setText(l == null ? "" : l.title() + " — " + l.paper() + "\n" + l.text());
        if (l == null) {
            preset.accept(null);
        }
    }
}
