package org.jacobianlens.app.viewmodel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;

/**
 * Runs training on ONE dedicated compute thread. The {@link TrainingRun} (and with it every ND4J array) is
 * created, advanced and closed only on that thread; tasks are serialized by the single-thread executor, so an
 * old task has always finished before the next one touches the run. Snapshots go out through
 * {@code updateValue} (coalesced, latest wins), which is safe because snapshots are cumulative.
 */
public final class TrainingService extends Service<Snapshot> {
    private static final AtomicLong RUN_IDS = new AtomicLong();

    private final ExecutorService compute = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jacobian-lens-compute");
        t.setDaemon(true);
        return t;
    });
    /** Touched only on the compute thread. */
    private TrainingRun run;
    private volatile RunConfig config = RunConfig.defaults();
    private volatile boolean resetRequested = true;
    private volatile int stepsPerFrame = 5;
    private volatile int stepBudget = Integer.MAX_VALUE;
    private volatile long currentRunId;

    public TrainingService() {
        setExecutor(compute);
    }

    /** The next task starts a fresh run with this configuration. */
    public void configure(RunConfig c) {
        config = c;
        resetRequested = true;
    }

    public void setStepsPerFrame(int k) {
        stepsPerFrame = Math.max(1, k);
    }

    /** Limits the next task to {@code steps} steps (single-step), or unlimited with {@link Integer#MAX_VALUE}. */
    public void setStepBudget(int steps) {
        stepBudget = steps;
    }

    /** Id of the run whose snapshots are current; older ids are stale. */
    public long currentRunId() {
        return currentRunId;
    }

    @Override
    protected Task<Snapshot> createTask() {
        RunConfig c = config;
        boolean reset = resetRequested;
        resetRequested = false;
        int budget = stepBudget;
        long id = reset ? RUN_IDS.incrementAndGet() : currentRunId;
        currentRunId = id;
        return new Task<>() {
            @Override
            protected Snapshot call() throws Exception {
                if (reset || run == null) {
                    if (run != null) {
                        run.close();
                        run = null;
                    }
                    updateMessage("preparing data and the first analysis …");
                    run = new TrainingRun(c, id);
                }
                Snapshot s = run.snapshot();
                updateValue(s);
                int left = budget;
                while (!isCancelled() && !s.state().terminal() && left > 0) {
                    int k = Math.min(stepsPerFrame, left);
                    s = run.advance(k);
                    left -= k;
                    updateValue(s);
                }
                updateMessage(s.message());
                return s;
            }
        };
    }

    /** Stops the compute thread (at exit). */
    public void shutdown() {
        cancel();
        compute.shutdownNow();
    }
}
