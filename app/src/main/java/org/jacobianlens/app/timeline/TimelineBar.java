package org.jacobianlens.app.timeline;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jacobianlens.app.viewmodel.Timeline;
import org.jacobianlens.core.run.GroupSnapshot;

/**
 * Scrubber over the recorded history: dragging the slider shows every panel at the nearest recorded analysis step
 * (in compare mode both lanes), "Live" follows the run again. Binds to a {@link Timeline}; FX thread only.
 */
public final class TimelineBar extends HBox {
    private final Timeline timeline;
    private final Slider slider = new Slider(0, 1, 1);
    private final Button live = new Button("Live");
    private final Label where = new Label("live");
    /** True while the bar moves its own slider to follow the run (not a user's choice of step). */
    private boolean following;

    public TimelineBar(Timeline timeline) {
        this.timeline = timeline;
        setId("timeline");
        slider.setId("timeline-slider");
        live.setId("timeline-live");
        where.setId("timeline-step");
        setSpacing(8);
        setPadding(new Insets(2, 8, 2, 8));
        setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        where.setMinWidth(140);
        Tooltip.install(slider, new Tooltip("Drag back through the recorded steps: every panel shows the run as it "
                + "was then (both lanes in compare mode)."));
        live.setTooltip(new Tooltip("Follow the run again"));
        getChildren().addAll(new Label("Timeline"), slider, where, live);
        slider.valueProperty().addListener((o, was, now) -> {
            if (!following) {
                choose(now.doubleValue());
            }
        });
        live.setOnAction(e -> timeline.live());
        timeline.sourceProperty().addListener((o, was, now) -> refresh());
        timeline.stepProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    /** Shows the step nearest to {@code value} that has an analysis frame. */
    void choose(double value) {
        GroupSnapshot g = timeline.sourceProperty().get();
        if (g == null) {
            return;
        }
        int s = Timeline.snap(g, (int) Math.round(value));
        if (s >= g.step()) {
            timeline.live();
        } else {
            timeline.select(s);
        }
    }

    private void refresh() {
        GroupSnapshot g = timeline.sourceProperty().get();
        int last = g == null ? 0 : g.step();
        following = true;
        try {
            slider.setMax(Math.max(1, last));
            slider.setDisable(g == null || last == 0);
            if (timeline.isLive()) {
                slider.setValue(last);
            } else if (!slider.isValueChanging()) {
                slider.setValue(timeline.stepProperty().get());
            }
        } finally {
            following = false;
        }
        live.setDisable(timeline.isLive());
        where.setText(timeline.isLive() ? "live · step " + last
                : "step " + timeline.stepProperty().get() + " of " + last);
    }

    public Slider slider() {
        return slider;
    }

    public Button liveButton() {
        return live;
    }

    public Label stepLabel() {
        return where;
    }
}
