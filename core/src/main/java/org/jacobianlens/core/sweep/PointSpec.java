package org.jacobianlens.core.sweep;

import org.jacobianlens.core.run.RunConfig;

/**
 * One point of a {@link SweepPlan}, self-contained: everything needed to train it and reduce it to a
 * {@link SweepPoint}, so that it can run in a process (or on a machine) of its own.
 *
 * @param index             its position in the plan
 * @param valueIndex        which of the plan's values it trains
 * @param value             the swept value (noise level p or width m)
 * @param seed              its seed (data and initialization)
 * @param config            the run it trains: the base run with the value and the seed put in
 * @param topK              k of the top-k label energy
 * @param thresholdFraction the relative loss threshold of "steps to threshold"
 */
public record PointSpec(int index, int valueIndex, double value, long seed, RunConfig config, int topK,
                        double thresholdFraction) {

    public PointSpec {
        if (index < 0 || valueIndex < 0 || config == null) {
            throw new IllegalArgumentException("a sweep point needs an index, a value index and a run");
        }
        if (topK < 1 || !(thresholdFraction > 0 && thresholdFraction < 1)) {
            throw new IllegalArgumentException("a sweep point needs top-k ≥ 1 and a threshold in (0, 1)");
        }
    }
}
