package org.jacobianlens.app.viewmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.run.Snapshot;

/**
 * A scrubber over the recorded history: {@link #sourceProperty()} follows the live snapshots, {@link #stepProperty()}
 * is the chosen step or {@link #LIVE}, and {@link #shownProperty()} is what every panel should draw — the live
 * snapshot, or the same group cut back to the chosen step by {@link #at}. Snapshots are cumulative, so cutting them
 * back needs no extra recording. FX-thread only (plain properties, no toolkit needed in tests).
 */
public final class Timeline {
    /** The step value meaning "follow the live run". */
    public static final int LIVE = -1;

    private final ObjectProperty<GroupSnapshot> source = new SimpleObjectProperty<>(this, "source");
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", LIVE);
    private final ReadOnlyObjectWrapper<GroupSnapshot> shown = new ReadOnlyObjectWrapper<>(this, "shown");

    public Timeline() {
        source.addListener((o, was, now) -> {
            if (was != null && now != null && was.groupId() != now.groupId()) {
                step.set(LIVE); // a new run: the old step means nothing in it
            }
            update();
        });
        step.addListener((o, was, now) -> update());
    }

    private void update() {
        GroupSnapshot g = source.get();
        shown.set(g == null || isLive() ? g : at(g, step.get()));
    }

    /** Bind to the view-model's latest snapshot. */
    public ObjectProperty<GroupSnapshot> sourceProperty() {
        return source;
    }

    /** The chosen step, or {@link #LIVE}. */
    public IntegerProperty stepProperty() {
        return step;
    }

    /** What the panels draw. */
    public ReadOnlyObjectProperty<GroupSnapshot> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public boolean isLive() {
        return step.get() == LIVE;
    }

    /** Back to following the run. */
    public void live() {
        step.set(LIVE);
    }

    /** Shows the group as it was at {@code s} (negative means live). */
    public void select(int s) {
        step.set(s < 0 ? LIVE : s);
    }

    /** Steps of the analysis frames of every lane, ascending and distinct: where the spectrum can be shown. */
    public static int[] frameSteps(GroupSnapshot g) {
        TreeSet<Integer> steps = new TreeSet<>();
        for (Snapshot s : g.lanes()) {
            s.frames().forEach(f -> steps.add(f.step()));
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The recorded frame step nearest to {@code s} (ties to the earlier), or {@code s} when there are none. */
    public static int snap(GroupSnapshot g, int s) {
        int[] steps = frameSteps(g);
        if (steps.length == 0) {
            return s;
        }
        int at = Arrays.binarySearch(steps, s);
        if (at >= 0) {
            return steps[at];
        }
        int hi = -at - 1;
        if (hi == 0) {
            return steps[0];
        }
        if (hi == steps.length) {
            return steps[steps.length - 1];
        }
        return s - steps[hi - 1] <= steps[hi] - s ? steps[hi - 1] : steps[hi];
    }

    /** Every lane of the group as it was at step {@code s}. */
    public static GroupSnapshot at(GroupSnapshot g, int s) {
        List<Snapshot> lanes = new ArrayList<>();
        for (Snapshot lane : g.lanes()) {
            lanes.add(at(lane, s));
        }
        return new GroupSnapshot(g.groupId(), g.labels(), lanes);
    }

    /**
     * The snapshot as it was at step {@code s}: curves, frames, weight statistics and decision maps recorded up to
     * and including {@code s}; unchanged when {@code s} is at or after its step. An earlier moment is shown as
     * running (the run had not stopped then) with a message saying it is a look back.
     */
    public static Snapshot at(Snapshot snap, int s) {
        if (s >= snap.step()) {
            return snap;
        }
        int t = Math.max(0, s);
        var frames = upTo(snap.frames(), f -> f.step(), t);
        return new Snapshot(snap.runId(), t, t == 0 ? RunState.READY : RunState.RUNNING,
                "timeline: step " + t + " of " + snap.step(), truncate(snap.curves(), t), frames, snap.theory(),
                snap.info(), upTo(snap.weights(), w -> w.step(), t),
                snap.linear() == null ? null : truncate(snap.linear(), t), frames.size(),
                upTo(snap.decisions(), d -> d.step(), t));
    }

    private static <T> List<T> upTo(List<T> list, ToIntFunction<T> stepOf, int s) {
        return list.stream().filter(x -> stepOf.applyAsInt(x) <= s).toList();
    }

    /** The points of the curves at steps ≤ s. */
    static Curves truncate(Curves c, int s) {
        int n = 0;
        while (n < c.size() && c.steps()[n] <= s) {
            n++;
        }
        return new Curves(Arrays.copyOf(c.steps(), n), Arrays.copyOf(c.trainLoss(), n), Arrays.copyOf(c.testLoss(), n),
                Arrays.copyOf(c.trainAcc(), n), Arrays.copyOf(c.testAcc(), n), Arrays.copyOf(c.cleanLoss(), n),
                Arrays.copyOf(c.corruptedLoss(), n), Arrays.copyOf(c.cleanAcc(), n),
                Arrays.copyOf(c.corruptedAcc(), n));
    }
}
