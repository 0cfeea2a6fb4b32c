package org.jacobianlens.core.sweep;

import java.util.Arrays;

import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.run.RunConfig;

/**
 * A sweep as a list of independent points: every value of a {@link SweepSpec} at every seed, value-major
 * (point i is value i / seeds and seed i mod seeds). A point's seed replaces both the data seed (selection, noise
 * permutation, synthetic data) and the initialization and minibatch seed of the base run, so averaging over seeds
 * averages over both (SCIENCE.md §8: claims about trends concern the seed average). The base run's own seed keeps
 * the base run exactly as it is (its data seed included, should that differ). Within one seed the noise is
 * nested across levels and the starting weights shared across values, as in a one-seed sweep.
 *
 * @param spec  what is swept and how points are summarized
 * @param seeds the seeds, in order, at least one and no repeats
 */
public record SweepPlan(SweepSpec spec, long[] seeds) {

    public SweepPlan {
        if (spec == null || seeds == null || seeds.length == 0) {
            throw new IllegalArgumentException("a sweep plan needs a sweep and at least one seed");
        }
        if (Arrays.stream(seeds).distinct().count() != seeds.length) {
            throw new IllegalArgumentException("seeds must not repeat, found " + Arrays.toString(seeds));
        }
        seeds = seeds.clone();
    }

    /** The one-seed plan of {@code spec}: its base run's own seed. */
    public static SweepPlan of(SweepSpec spec) {
        return new SweepPlan(spec, new long[] {spec.base().seed()});
    }

    /**
     * Parses what a user gives for the seeds: a list such as "1,2,3", or one whole number K meaning K seeds
     * starting at {@code first} (first, first + 1, …).
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static long[] parseSeeds(String text, long first) {
        String t = text.strip();
        try {
            if (!t.contains(",")) {
                int k = Integer.parseInt(t);
                if (k < 1 || k > 100_000) {
                    throw new IllegalArgumentException("a seed count must be between 1 and 100000, found " + k);
                }
                long[] s = new long[k];
                for (int i = 0; i < k; i++) {
                    s[i] = first + i;
                }
                return s;
            }
            return Arrays.stream(t.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seeds must be a count such as 5 or a list such as 1,2,3, found '"
                    + text + "'");
        }
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    /** Number of points: values × seeds. */
    public int size() {
        return spec.size() * seeds.length;
    }

    /** Point {@code i}: its value, its seed and the run it trains. */
    public PointSpec point(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("point " + i + " of a plan of " + size());
        }
        int v = i / seeds.length;
        long seed = seeds[i % seeds.length];
        RunConfig c = spec.config(v);
        DatasetSpec d = c.data();
        RunConfig seeded = seed == c.seed() ? c : c.withSeed(seed).withData(d.withSeed(seed));
        return new PointSpec(i, v, spec.values()[v], seed, seeded, spec.topK(), spec.thresholdFraction());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepPlan p && spec.equals(p.spec) && Arrays.equals(seeds, p.seeds);
    }

    @Override
    public int hashCode() {
        return spec.hashCode() * 31 + Arrays.hashCode(seeds);
    }

    @Override
    public String toString() {
        return "SweepPlan[" + spec + ", seeds " + Arrays.toString(seeds) + "]";
    }
}
