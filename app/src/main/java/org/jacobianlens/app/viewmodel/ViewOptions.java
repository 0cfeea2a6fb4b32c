package org.jacobianlens.app.viewmodel;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.jacobianlens.app.charts.PanelOptions;
import org.jacobianlens.app.charts.TheoryPanel;

/**
 * How the panels draw (display choices, none of which resets the run), as properties the view controls bind to;
 * {@link #panelOptions()} is the one place they become the charts' {@link PanelOptions}. Saved sessions keep them
 * as a string map ({@link #toMap()}, {@link #fromMap}).
 */
public final class ViewOptions {
    private final DoubleProperty cutoff = new SimpleDoubleProperty(PanelOptions.defaults().cutoff());
    private final ObjectProperty<Integer> topK = new SimpleObjectProperty<>(0);
    private final BooleanProperty eigenvalues = new SimpleBooleanProperty();
    private final BooleanProperty logSteps = new SimpleBooleanProperty();
    private final BooleanProperty theory = new SimpleBooleanProperty(true);
    private final BooleanProperty presentation = new SimpleBooleanProperty();
    private final BooleanProperty theoryPanel = new SimpleBooleanProperty();
    private final ObjectProperty<TheoryPanel.View> theoryView = new SimpleObjectProperty<>(TheoryPanel.View.ALIGNMENT);

    /** What the panels draw with these options. */
    public PanelOptions panelOptions() {
        return new PanelOptions(cutoff.get(), eigenvalues.get(), logSteps.get(), presentation.get(), theory.get(),
                topK.get() == null ? 0 : topK.get());
    }

    /** The options a session keeps. */
    public Map<String, String> toMap() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("cutoff", Double.toString(cutoff.get()));
        v.put("topK", Integer.toString(topK.get() == null ? 0 : topK.get()));
        v.put("logSteps", Boolean.toString(logSteps.get()));
        v.put("eigenvalues", Boolean.toString(eigenvalues.get()));
        if (theoryPanel.get()) {
            v.put("theoryView", theoryView.get().name());
        }
        return v;
    }

    /** Takes the options a session kept; odd values fall back to the defaults (display choices only). */
    public void fromMap(Map<String, String> v) {
        try {
            cutoff.set(Double.parseDouble(v.getOrDefault("cutoff", Double.toString(cutoff.get()))));
        } catch (NumberFormatException e) {
            cutoff.set(PanelOptions.defaults().cutoff());
        }
        try {
            topK.set(Math.max(0, Integer.parseInt(v.getOrDefault("topK", "0").trim())));
        } catch (NumberFormatException e) {
            topK.set(0);
        }
        logSteps.set(Boolean.parseBoolean(v.getOrDefault("logSteps", "false")));
        eigenvalues.set(Boolean.parseBoolean(v.getOrDefault("eigenvalues", "false")));
        theoryPanel.set(v.containsKey("theoryView"));
        if (v.containsKey("theoryView")) {
            try {
                theoryView.set(TheoryPanel.View.valueOf(v.get("theoryView")));
            } catch (IllegalArgumentException e) {
                theoryView.set(TheoryPanel.View.ALIGNMENT);
            }
        }
    }

    /** Information-space cutoff as a fraction of σ₁ (dragged on the spectrum). */
    public DoubleProperty cutoff() {
        return cutoff;
    }

    /** Above 0 the information space is the top k eigenvectors instead of the cutoff line. */
    public ObjectProperty<Integer> topK() {
        return topK;
    }

    public BooleanProperty eigenvalues() {
        return eigenvalues;
    }

    public BooleanProperty logSteps() {
        return logSteps;
    }

    public BooleanProperty theory() {
        return theory;
    }

    public BooleanProperty presentation() {
        return presentation;
    }

    public BooleanProperty theoryPanel() {
        return theoryPanel;
    }

    public ObjectProperty<TheoryPanel.View> theoryView() {
        return theoryView;
    }
}
