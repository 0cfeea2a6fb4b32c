package org.jacobianlens.app.viewmodel;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.concurrent.Service;
import javafx.concurrent.Task;

import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Lane;
import org.jacobianlens.core.run.RunGroup;

/**
 * Trains in a {@link Service} on ONE dedicated compute thread, which owns the {@link RunGroup}; in compare mode
 * the group trains its lanes on threads of their own when the machine has a core to spare beyond the JavaFX
 * thread's ({@link RunGroup#laneThreads}), each lane's ND4J state staying on its thread. {@code Service.restart()} cancels but does not wait for the
 * previous task; the single-thread executor serializes tasks, so an old task has always returned before the next
 * one touches the group, and snapshots carry the group id so the view-model drops stale ones. Snapshots leave
 * through {@code updateValue} (coalesced, latest wins), which is safe because they are cumulative.
 * Listener calls happen on the JavaFX thread.
 */
public final class ServiceTrainingDriver implements TrainingDriver {
    /** Name of the compute thread (tests count threads by it). */
    public static final String THREAD_NAME = "jacobian-lens-compute";

    private final ExecutorService compute = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        return t;
    });
    private final TrainService service = new TrainService();
    private Listener listener;
    /** Touched only on the compute thread. */
    private RunGroup group;
    /** The group the next task creates, and the one it may cancel early (set on the FX thread). */
    private volatile RunGroup discarding;
    private volatile long pendingId;
    /** Lanes of the newest group and its id: kept until a task has created that group (a task may be cancelled
     *  before it runs, and the next start for the same group must still create it). */
    private volatile List<Lane> pendingLanes;
    private volatile long pendingLanesId = -1;
    private volatile int pendingBudget;
    private volatile int stepsPerFrame = 5;

    public ServiceTrainingDriver() {
        service.setExecutor(compute);
        service.valueProperty().addListener((o, a, s) -> {
            if (s != null && listener != null) {
                listener.snapshot(s);
            }
        });
        service.setOnSucceeded(e -> listener.stopped(service.taskId, service.getValue()));
        service.setOnCancelled(e -> listener.stopped(service.taskId, null));
        service.setOnFailed(e -> listener.failed(service.taskId, service.getException()));
    }

    @Override
    public void setListener(Listener l) {
        listener = l;
    }

    @Override
    public void start(long groupId, List<Lane> lanes, int budget, int k) {
        pendingId = groupId;
        if (lanes != null) {
            pendingLanes = lanes;
            pendingLanesId = groupId;
        }
        pendingBudget = budget;
        stepsPerFrame = Math.max(1, k);
        if (lanes != null) {
            RunGroup old = discarding;
            if (old != null) {
                old.cancel();
            }
        }
        service.restart();
    }

    @Override
    public void setStepsPerFrame(int k) {
        stepsPerFrame = Math.max(1, k);
    }

    @Override
    public void pause() {
        service.cancel();
    }

    @Override
    public boolean running() {
        return service.isRunning();
    }

    @Override
    public void shutdown() {
        service.cancel();
        RunGroup g = discarding;
        if (g != null) {
            g.cancel();
        }
        compute.shutdownNow();
    }

    private final class TrainService extends Service<GroupSnapshot> {
        private long taskId;

        @Override
        protected Task<GroupSnapshot> createTask() {
            long id = pendingId;
            List<Lane> lanes = pendingLanesId == id ? pendingLanes : null;
            int budget = pendingBudget;
            taskId = id;
            return new Task<>() {
                @Override
                protected GroupSnapshot call() throws Exception {
                    if (lanes != null && (group == null || group.groupId() != id)) {
                        if (group != null) {
                            group.close();
                            group = null;
                        }
                        updateMessage("preparing data and the first analysis …");
                        group = new RunGroup(lanes, id,
                                RunGroup.laneThreads(Runtime.getRuntime().availableProcessors()));
                        discarding = group;
                    }
                    if (group == null || group.groupId() != id) {
                        throw new IllegalStateException("no run to continue; press Reset");
                    }
                    GroupSnapshot s = group.snapshot();
                    updateValue(s);
                    int left = budget;
                    while (!isCancelled() && !s.terminal() && left > 0) {
                        int k = Math.min(stepsPerFrame, left);
                        s = group.advance(k);
                        left -= k;
                        updateValue(s);
                    }
                    return s;
                }
            };
        }
    }
}
