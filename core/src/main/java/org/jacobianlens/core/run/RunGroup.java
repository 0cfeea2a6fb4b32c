package org.jacobianlens.core.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;

/**
 * Several training runs advanced in lock step, for comparing configurations on the same data and initialization.
 * Same threading contract as {@link TrainingRun}: one thread creates, advances and closes it; only
 * {@link #cancel()} may be called from elsewhere.
 */
public final class RunGroup implements AutoCloseable {
    private final long groupId;
    private final List<String> labels = new ArrayList<>();
    private final List<TrainingRun> runs = new ArrayList<>();

    /** Prepares each lane's data (once per distinct dataset spec) and initializes its network. */
    public RunGroup(List<Lane> lanes, long groupId) throws DatasetException {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one lane");
        }
        this.groupId = groupId;
        Map<DatasetSpec, PreparedData> prepared = new HashMap<>();
        try {
            for (Lane lane : lanes) {
                RunConfig c = lane.config();
                if (lane.learningRateOfFirst() > 0) {
                    if (runs.isEmpty()) {
                        throw new IllegalArgumentException("the first lane cannot be relative to itself");
                    }
                    double eta = runs.get(0).snapshot().info().learningRate() * lane.learningRateOfFirst();
                    c = c.withTraining(eta, c.optimizer(), c.loss(), c.batchSize());
                }
                PreparedData data = prepared.get(c.data());
                if (data == null) {
                    data = DataFactory.prepare(c.data());
                    prepared.put(c.data(), data);
                }
                runs.add(new TrainingRun(c, data, groupId));
                labels.add(lane.label());
            }
        } catch (DatasetException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Advances every unfinished lane by up to {@code steps} steps and returns all lanes' snapshots. */
    public GroupSnapshot advance(int steps) {
        List<Snapshot> out = new ArrayList<>(runs.size());
        for (TrainingRun r : runs) {
            out.add(r.advance(steps));
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

    /** The lanes' runs, in order (for statistics that need the networks; use on the owning thread only). */
    public List<TrainingRun> runs() {
        return List.copyOf(runs);
    }

    /** Requests cancellation of every lane (safe from any thread). */
    public void cancel() {
        runs.forEach(TrainingRun::cancel);
    }

    @Override
    public void close() {
        runs.forEach(TrainingRun::close);
    }
}
