package org.jacobianlens.core.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;

/**
 * Several training runs advanced in lock step, for comparing configurations on the same data and initialization.
 *
 * <p>Threads: with {@code laneThreads} = 1 every lane is created, advanced and closed on the calling thread. With
 * more, each lane gets a thread of its own that creates, advances and closes it (ND4J workspaces are per thread, so
 * a lane's native state never changes thread), and the lanes of one {@link #advance} run at the same time; the
 * caller waits for all of them. Either way: one thread creates, advances and closes the group; only
 * {@link #cancel()} may be called from elsewhere.
 */
public final class RunGroup implements AutoCloseable {
    private final long groupId;
    private final List<String> labels = new ArrayList<>();
    private final List<TrainingRun> runs = new ArrayList<>();
    /** One single-thread executor per lane, or empty when lanes run on the caller's thread. */
    private final List<ExecutorService> laneThreads = new ArrayList<>();

    /** Lanes on the calling thread. */
    public RunGroup(List<Lane> lanes, long groupId) throws DatasetException {
        this(lanes, groupId, 1);
    }

    /**
     * Prepares each lane's data (once per distinct dataset spec) and initializes its network.
     *
     * @param threads lanes trained at the same time (see {@link #laneThreads(int)}); 1 = all on this thread
     */
    public RunGroup(List<Lane> lanes, long groupId, int threads) throws DatasetException {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one lane");
        }
        this.groupId = groupId;
        if (threads > 1 && lanes.size() > 1) {
            for (int i = 0; i < lanes.size(); i++) {
                String name = "jacobian-lens-lane-" + i;
                laneThreads.add(Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                }));
            }
        }
        Map<DatasetSpec, PreparedData> prepared = new HashMap<>();
        try {
            for (Lane lane : lanes) {
                if (!prepared.containsKey(lane.config().data())) {
                    prepared.put(lane.config().data(), DataFactory.prepare(lane.config().data()));
                }
            }
            PreparedData first = prepared.get(lanes.get(0).config().data());
            String tooBig = MemoryEstimate.refusal(lanes.stream().map(Lane::config).toList(),
                    Math.max(1, laneThreads.size()), first.nTrain(), first.nTest(), first.dim(), first.outputs());
            if (tooBig != null) {
                throw new IllegalArgumentException(tooBig);
            }
            for (int i = 0; i < lanes.size(); i++) {
                Lane lane = lanes.get(i);
                RunConfig c = lane.config();
                if (lane.learningRateOfFirst() > 0) {
                    if (runs.isEmpty()) {
                        throw new IllegalArgumentException("the first lane cannot be relative to itself");
                    }
                    double eta = runs.get(0).snapshot().info().learningRate() * lane.learningRateOfFirst();
                    c = c.withTraining(eta, c.optimizer(), c.loss(), c.batchSize());
                }
                RunConfig config = c;
                PreparedData d = prepared.get(c.data());
                runs.add(onLane(i, () -> new TrainingRun(config, d, groupId)));
                labels.add(lane.label());
            }
        } catch (DatasetException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Lanes to train at the same time on {@code cores} cores: all but one core, which the JavaFX thread keeps. */
    public static int laneThreads(int cores) {
        return Math.max(1, cores - 1);
    }

    /** Runs {@code work} on lane i's thread (or here) and returns its result, rethrowing what it threw. */
    private <T> T onLane(int i, Callable<T> work) {
        if (laneThreads.isEmpty()) {
            return call(work);
        }
        return await(laneThreads.get(i).submit(work));
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a lane was training", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Advances every unfinished lane by up to {@code steps} steps and returns all lanes' snapshots. */
    public GroupSnapshot advance(int steps) {
        List<Snapshot> out = new ArrayList<>(runs.size());
        if (laneThreads.isEmpty()) {
            for (TrainingRun r : runs) {
                out.add(r.advance(steps));
            }
        } else {
            List<Future<Snapshot>> pending = new ArrayList<>(runs.size());
            for (int i = 0; i < runs.size(); i++) {
                TrainingRun r = runs.get(i);
                pending.add(laneThreads.get(i).submit(() -> r.advance(steps)));
            }
            for (Future<Snapshot> f : pending) {
                out.add(await(f));
            }
        }
        return new GroupSnapshot(groupId, labels, out);
    }

    public GroupSnapshot snapshot() {
        List<Snapshot> out = new ArrayList<>(runs.size());
        for (TrainingRun r : runs) {
            out.add(r.snapshot());
        }
        return new GroupSnapshot(groupId, labels, out);
    }

    public long groupId() {
        return groupId;
    }

    /** The lanes' runs, in order (for statistics that need the networks; use on the lanes' threads only). */
    public List<TrainingRun> runs() {
        return List.copyOf(runs);
    }

    /** Requests cancellation of every lane (safe from any thread). */
    public void cancel() {
        runs.forEach(TrainingRun::cancel);
    }

    @Override
    public void close() {
        for (int i = 0; i < runs.size(); i++) {
            TrainingRun r = runs.get(i);
            onLane(i, () -> {
                r.close();
                return null;
            });
        }
        laneThreads.forEach(ExecutorService::shutdown);
    }
}
