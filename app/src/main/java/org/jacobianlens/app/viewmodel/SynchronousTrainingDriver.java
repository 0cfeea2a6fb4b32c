package org.jacobianlens.app.viewmodel;

import java.util.List;

import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Lane;
import org.jacobianlens.core.run.RunGroup;

/**
 * Trains on the caller's thread, finishing each {@link #start} before returning: for tests of the view-model
 * without the FX toolkit, and for headless tools. Unlimited budgets are capped at {@code maxStepsPerStart}.
 */
public final class SynchronousTrainingDriver implements TrainingDriver {
    private final int maxStepsPerStart;
    private Listener listener;
    private RunGroup group;
    private int stepsPerFrame = 5;
    private boolean running;
    private int starts;

    public SynchronousTrainingDriver(int maxStepsPerStart) {
        this.maxStepsPerStart = maxStepsPerStart;
    }

    @Override
    public void setListener(Listener l) {
        listener = l;
    }

    @Override
    public void start(long groupId, List<Lane> lanes, int budget, int k) {
        starts++;
        stepsPerFrame = Math.max(1, k);
        running = true;
        GroupSnapshot s = null;
        try {
            if (lanes != null) {
                if (group != null) {
                    group.close();
                    group = null;
                }
                group = new RunGroup(lanes, groupId);
            }
            if (group == null) {
                throw new IllegalStateException("no run to continue");
            }
            s = group.snapshot();
            listener.snapshot(s);
            int left = Math.min(budget, maxStepsPerStart);
            while (left > 0 && !s.terminal() && running) {
                int chunk = Math.min(stepsPerFrame, left);
                s = group.advance(chunk);
                left -= chunk;
                listener.snapshot(s);
            }
        } catch (Exception | OutOfMemoryError e) {
            running = false;
            if (group != null) {
                group.close();
                group = null;
            }
            listener.failed(groupId, e);
            return;
        }
        running = false;
        listener.stopped(groupId, s);
    }

    @Override
    public void setStepsPerFrame(int k) {
        stepsPerFrame = Math.max(1, k);
    }

    @Override
    public void pause() {
        running = false;
    }

    @Override
    public boolean running() {
        return running;
    }

    /** How many times work was started (for tests). */
    public int starts() {
        return starts;
    }

    @Override
    public void shutdown() {
        if (group != null) {
            group.close();
            group = null;
        }
    }
}
