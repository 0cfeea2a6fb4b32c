package org.jacobianlens.core.sweep;

/**
 * Receives a sweep's progress on the thread that runs it, so a UI or a command line can show each point as soon as
 * it finishes. Both methods do nothing by default.
 */
public interface SweepListener {
    /** A listener that ignores everything. */
    SweepListener NONE = new SweepListener() {
    };

    /**
     * Called after every chunk of steps.
     *
     * @param pointIndex index of the point being trained (into {@link SweepSpec#values()})
     * @param step       steps taken so far in that point
     * @param maxSteps   the point's step budget (0 when it stops on a target loss only)
     */
    default void progress(int pointIndex, int step, int maxSteps) {
    }

    /** Called once per point that ran to a stop (finished, diverged or failed), in sweep order. */
    default void point(SweepPoint point) {
    }
}
