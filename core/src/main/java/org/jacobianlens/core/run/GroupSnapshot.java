package org.jacobianlens.core.run;

import java.util.List;

/**
 * Cumulative snapshots of every lane of a {@link RunGroup} at one moment (one lane outside compare mode).
 *
 * @param groupId identifies the group; views drop snapshots of an older group
 * @param labels  legend text per lane
 * @param lanes   the lanes' snapshots, in lane order
 */
public record GroupSnapshot(long groupId, List<String> labels, List<Snapshot> lanes) {
    public GroupSnapshot {
        labels = List.copyOf(labels);
        lanes = List.copyOf(lanes);
        if (labels.size() != lanes.size() || lanes.isEmpty()) {
            throw new IllegalArgumentException("one label per lane and at least one lane");
        }
    }

    /** The shared step cursor: the step every lane has reached. */
    public int step() {
        return lanes.stream().mapToInt(Snapshot::step).min().orElse(0);
    }

    /** Whether no lane will take further steps. */
    public boolean terminal() {
        return lanes.stream().allMatch(s -> s.state().terminal());
    }

    public int size() {
        return lanes.size();
    }

    public Snapshot lane(int i) {
        return lanes.get(i);
    }
}
