package org.jacobianlens.app.viewmodel;

import java.util.List;

import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Lane;

/**
 * Runs training for the view-model. The real driver ({@link ServiceTrainingDriver}) trains on a background
 * compute thread and calls the listener on the JavaFX thread; tests use {@link SynchronousTrainingDriver}, which
 * trains on the caller's thread, so the view-model can be tested without the FX toolkit.
 */
public interface TrainingDriver {

    /** Callbacks, always on the thread that owns the view-model. */
    interface Listener {
        /** A newer cumulative snapshot of the group (intermediate ones may be skipped). */
        void snapshot(GroupSnapshot s);

        /** Training stopped: step budget used up, every lane finished, or paused. {@code last} may be null. */
        void stopped(long groupId, GroupSnapshot last);

        /** Creating or advancing the group failed; the group is gone. */
        void failed(long groupId, Throwable error);
    }

    void setListener(Listener listener);

    /**
     * Trains: when {@code lanes} is non-null a new group {@code groupId} replaces the current one (which is closed);
     * otherwise the current group continues. At most {@code budget} steps per lane, {@code stepsPerFrame} at a time.
     * A start while running replaces the running work.
     */
    void start(long groupId, List<Lane> lanes, int budget, int stepsPerFrame);

    /** Changes the chunk size of running work. */
    void setStepsPerFrame(int k);

    /** Pauses: the current chunk ends, the group is kept. */
    void pause();

    /** Whether work is under way. */
    boolean running();

    /** Stops everything and releases the compute thread. */
    void shutdown();
}
