package org.jacobianlens.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Lane;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.run.Snapshot;

/**
 * State and commands of the main window, free of JavaFX nodes and of the FX toolkit (only observable properties
 * from javafx.base), so it is tested with a {@link SynchronousTrainingDriver}. Must be used from one thread
 * (the FX thread in the app); the driver calls back on that thread.
 *
 * <p>A change of settings or mode resets the run without asking; the last snapshot of the replaced run stays
 * available as {@link #ghostProperty() the ghost} for comparison.
 */
public final class LensViewModel implements TrainingDriver.Listener {
    private final TrainingDriver driver;
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(Settings.defaults());
    private final SettingsModel model = new SettingsModel();
    private final ViewOptions view = new ViewOptions();
    private final ObjectProperty<RunState> runState = new SimpleObjectProperty<>(RunState.READY);
    private Settings runSettings;
    private Comparison.Knob runKnob;
    private final ObjectProperty<GroupSnapshot> latest = new SimpleObjectProperty<>();
    private final ObjectProperty<GroupSnapshot> ghost = new SimpleObjectProperty<>();
    private final ObjectProperty<Comparison.Knob> compareKnob = new SimpleObjectProperty<>();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Press Play to train");
    private final IntegerProperty stepsPerFrame = new SimpleIntegerProperty(5);
    private final List<Consumer<String>> errorListeners = new ArrayList<>();
    private long groupId;
    private long nextId;
    private boolean needsNewGroup = true;
    private String lastReported = "";

    public LensViewModel(TrainingDriver driver) {
        this.driver = driver;
        driver.setListener(this);
        stepsPerFrame.addListener((o, a, b) -> driver.setStepsPerFrame(b.intValue()));
    }

    // ---- commands ----

    /** New settings: reset to initialization (keeping the current run as the ghost), playing on if it was. */
    public void apply(Settings s) {
        settings.set(s);
        reset();
    }

    /** Takes new settings without resetting (the next reset or compare uses them). */
    public void applySilently(Settings s) {
        settings.set(s);
    }

    /**
     * Restarts from initialization with the current settings and mode. The replaced run stays as the ghost only
     * when it is comparable: same dataset, same mode (a ghost from another dataset or lesson would mislead).
     */
    public void reset() {
        boolean was = playing.get();
        GroupSnapshot old = latest.get();
        Settings now = settings.get();
        boolean comparable = runSettings != null && now != null && java.util.Objects.equals(runKnob,
                compareKnob.get()) && java.util.Objects.equals(runSettings.dataset(), now.dataset());
        if (old != null && old.step() > 0 && comparable) {
            ghost.set(old);
        } else if (!comparable) {
            ghost.set(null);
        }
        runSettings = now;
        runKnob = compareKnob.get();
        clearError(); // a new run: the old run's problem no longer applies
        runState.set(RunState.READY);
        latest.set(null);
        needsNewGroup = true;
        if (was) {
            start(Integer.MAX_VALUE);
        } else {
            driver.pause();
            status.set("Settings changed: press Play to train from initialization");
        }
    }

    public void play() {
        if (playing.get() && driver.running()) {
            return;
        }
        start(Integer.MAX_VALUE);
    }

    public void pause() {
        driver.pause();
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** One training step (pauses first). */
    public void step() {
        if (playing.get()) {
            pause();
        }
        start(1);
    }

    /** Compare mode: the current settings with {@code knob} varied (see {@link Comparison#lanes}). */
    public void compare(Comparison.Knob knob) {
        compareKnob.set(knob);
        reset();
    }

    /** Back to a single run. */
    public void single() {
        compareKnob.set(null);
        reset();
    }

    /** Toggles compare mode on the label-noise knob (the C key). */
    public void toggleCompare() {
        if (compareKnob.get() == null) {
            compare(Comparison.Knob.NOISE);
        } else {
            single();
        }
    }

    /** The lanes the current settings and mode describe. */
    public List<Lane> lanes() {
        RunConfig c = settings.get().toConfig();
        Comparison.Knob k = compareKnob.get();
        return k == null ? List.of(new Lane(describe(settings.get()), c)) : Comparison.lanes(c, k);
    }

    private static String describe(Settings s) {
        return String.format("p = %.0f %%, m = %d", 100 * s.noise(), s.width());
    }

    private void start(int budget) {
        List<Lane> lanes = null;
        if (needsNewGroup) {
            try {
                lanes = lanes();
            } catch (IllegalArgumentException e) {
                playing.set(false);
                reportError(e.getMessage());
                return;
            }
            groupId = ++nextId;
            needsNewGroup = false;
            clearError();
            busy.set(true);
            status.set("Preparing data and the first analysis …");
        }
        // Playing is set first: a synchronous driver reports "stopped" before start() returns.
        playing.set(budget == Integer.MAX_VALUE);
        driver.start(groupId, lanes, budget, stepsPerFrame.get());
    }

    /** Stops the driver for good (application exit). */
    public void shutdown() {
        driver.shutdown();
    }

    // ---- driver callbacks ----

    @Override
    public void snapshot(GroupSnapshot s) {
        if (s.groupId() != groupId || needsNewGroup) {
            return;
        }
        latest.set(s);
        busy.set(false);
        runState.set(worst(s));
    }

    /** A diverged or failed lane marks the whole group, so no lane's failure hides behind another's success. */
    private static RunState worst(GroupSnapshot s) {
        RunState w = s.lane(0).state();
        for (int i = 0; i < s.size(); i++) {
            RunState r = s.lane(i).state();
            if (r == RunState.DIVERGED || r == RunState.FAILED) {
                return r;
            }
        }
        return w;
    }

    @Override
    public void stopped(long id, GroupSnapshot last) {
        if (id != groupId) {
            return;
        }
        if (last != null) {
            snapshot(last);
        }
        playing.set(false);
        busy.set(false);
        GroupSnapshot s = latest.get();
        if (s == null) {
            return;
        }
        String trouble = null;
        for (int i = 0; i < s.size(); i++) {
            Snapshot lane = s.lane(i);
            if (lane.state() == RunState.DIVERGED || lane.state() == RunState.FAILED) {
                String prefix = s.size() > 1 ? s.labels().get(i) + ": " : "";
                String hint = lane.state() == RunState.DIVERGED ? " (try a smaller learning rate η, or 'auto')" : "";
                trouble = prefix + lane.message() + hint;
                reportError(trouble);
            }
        }
        if (trouble != null) {
            status.set(trouble);
        } else {
            status.set(s.terminal() ? "Finished: " + s.lane(0).message() : "Paused at step " + s.step());
        }
    }

    @Override
    public void failed(long id, Throwable error) {
        if (id != groupId) {
            return;
        }
        playing.set(false);
        busy.set(false);
        needsNewGroup = true;
        runState.set(RunState.FAILED);
        String text = explain(error);
        status.set(text);
        reportError(text);
    }

    /** A one-sentence explanation of a failure, never a stack trace. */
    static String explain(Throwable t) {
        if (t instanceof DatasetException || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            return "Out of memory: reduce n, the width or the analysis size, then press Reset";
        }
        if (t == null) {
            return "Training stopped for an unknown reason";
        }
        return "Training failed: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    /** Reports a user-facing problem (an invalid setting, a bad file) to the error listeners. */
    public void report(String text) {
        reportError(text);
    }

    /** Forgets the last error once its cause is gone (the next run started fine). */
    private void clearError() {
        lastReported = "";
    }

    private void reportError(String text) {
        lastReported = text;
        for (Consumer<String> l : List.copyOf(errorListeners)) {
            l.accept(text);
        }
    }

    // ---- observable state ----

    /** Called with a one-sentence message whenever something went wrong (bad file, divergence, memory). */
    public void onError(Consumer<String> listener) {
        errorListeners.add(listener);
    }

    /** The last error reported (empty if none); for tests and the status bar. */
    public String lastError() {
        return lastReported;
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public Settings settings() {
        return settings.get();
    }

    /** The settings of the run on screen (taken at its reset), or null before the first one. */
    public Settings runSettings() {
        return runSettings;
    }

    /** The controls' settings as properties (bound to the control panel). */
    public SettingsModel model() {
        return model;
    }

    /** The display options (no reset when they change). */
    public ViewOptions view() {
        return view;
    }

    /** State of the run on screen; DIVERGED or FAILED when any compared lane is. */
    public ReadOnlyObjectProperty<RunState> runStateProperty() {
        return runState;
    }

    /** The latest snapshot of the current run, or null right after a reset. */
    public ReadOnlyObjectProperty<GroupSnapshot> latestProperty() {
        return latest;
    }

    /** The replaced run's last snapshot, drawn faded for comparison; null before the first reset. */
    public ReadOnlyObjectProperty<GroupSnapshot> ghostProperty() {
        return ghost;
    }

    public ReadOnlyObjectProperty<Comparison.Knob> compareKnobProperty() {
        return compareKnob;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing;
    }

    /** True while data are prepared and the first analysis runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Information-space cutoff as a fraction of σ₁ (dragged on the spectrum; display only, no reset). */
    public DoubleProperty cutoffProperty() {
        return view.cutoff();
    }

    public IntegerProperty stepsPerFrameProperty() {
        return stepsPerFrame;
    }

    /** Clears the ghost trace. */
    public void clearGhost() {
        ghost.set(null);
    }

    /** Replaces state from a saved session: settings, mode and the recorded histories (shown, not resumable). */
    public void restore(Settings s, Comparison.Knob knob, GroupSnapshot recorded) {
        pause();
        settings.set(s);
        model.load(s);
        compareKnob.set(knob);
        runSettings = s;
        runKnob = knob;
        needsNewGroup = true;
        groupId = ++nextId;
        latest.set(recorded);
        status.set("Opened a saved session at step " + (recorded == null ? 0 : recorded.step())
                + ": press Play to retrain from initialization");
    }
}
