package org.jacobianlens.core.sweep;

import java.util.Arrays;

import org.jacobianlens.core.run.RunConfig;

/**
 * What a sweep varies: the label-noise level p or the hidden width m of a base run, everything else (including
 * the data seed and the initialization seed, so the noise is nested and the data identical) held fixed.
 *
 * @param base               the run every point starts from; its noise (for NOISE) or width (for WIDTH) is replaced
 * @param kind               which knob is swept
 * @param values             the swept values, in order: levels p ∈ [0, 1], or whole widths ≥ 1
 * @param topK               k of the top-k label energy E(k) (SCIENCE.md §4.6)
 * @param thresholdFraction  a point "reaches the threshold" at the first step with loss ≤ fraction × initial loss
 */
public record SweepSpec(RunConfig base, Kind kind, double[] values, int topK, double thresholdFraction) {

    /** The default k of the top-k label energy. */
    public static final int DEFAULT_TOP_K = 10;
    /** The default relative loss threshold: ‖r‖² ≤ 0.1·‖r₀‖² as in RE4. */
    public static final double DEFAULT_THRESHOLD = 0.1;

    /** The swept knob. */
    public enum Kind {
        /** Label-noise level p (nested corruption, SCIENCE.md §1.1). */
        NOISE(0, 0.2, 0.4, 0.6, 0.8, 1.0),
        /** Hidden width m, on a log grid by default. */
        WIDTH(64, 256, 1024, 4096);

        private final double[] defaults;

        Kind(double... defaults) {
            this.defaults = defaults;
        }

        /** The default values: p = 0, 0.2, …, 1 or m = 64, 256, 1024, 4096. */
        public double[] defaultValues() {
            return defaults.clone();
        }
    }

    public SweepSpec {
        if (base == null || kind == null || values == null) {
            throw new IllegalArgumentException("a sweep needs a base run, a kind and values");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("a sweep needs at least one value");
        }
        for (double v : values) {
            if (kind == Kind.NOISE && !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("noise levels must be in [0, 1], found " + v);
            }
            if (kind == Kind.WIDTH && !(v >= 1 && v == Math.rint(v) && v <= Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("widths must be whole numbers ≥ 1, found " + v);
            }
        }
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, found " + topK);
        }
        if (!(thresholdFraction > 0 && thresholdFraction < 1)) {
            throw new IllegalArgumentException("the loss threshold fraction must be in (0, 1), found "
                    + thresholdFraction);
        }
        if (base.maxSteps() == 0 && base.targetLoss() == 0) {
            throw new IllegalArgumentException("a sweep needs a step budget or a target loss so each point can stop");
        }
        values = values.clone();
    }

    /** A sweep over the kind's default values with the default top-k and threshold. */
    public static SweepSpec of(RunConfig base, Kind kind) {
        return new SweepSpec(base, kind, kind.defaultValues(), DEFAULT_TOP_K, DEFAULT_THRESHOLD);
    }

    /**
     * Parses a comma-separated list such as "0, 0.5, 1" (what a user types for the swept values).
     *
     * @throws IllegalArgumentException naming the text when an entry is not a finite number
     */
    public static double[] parseValues(String text) {
        try {
            double[] v = Arrays.stream(text.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
            if (Arrays.stream(v).anyMatch(d -> !Double.isFinite(d))) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("values must be comma-separated numbers such as 0,0.5,1, found '"
                    + text + "'");
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    /**
     * The run configuration of point i: the base with its noise level or width replaced, and analysis frames at the
     * fixed cadence only (a live window's time-budgeted frames would make a point's numbers depend on the machine).
     */
    public RunConfig config(int i) {
        double v = values[i];
        RunConfig reproducible = base.withAnalysisShare(0.0);
        if (kind == Kind.NOISE) {
            return reproducible.withData(base.data().withNoise(v));
        }
        return reproducible.withModel(base.model(), (int) v, base.depth());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepSpec s && base.equals(s.base) && kind == s.kind && Arrays.equals(values, s.values)
                && topK == s.topK && Double.compare(thresholdFraction, s.thresholdFraction) == 0;
    }

    @Override
    public int hashCode() {
        return (base.hashCode() * 31 + kind.hashCode()) * 31 + Arrays.hashCode(values) + topK;
    }

    @Override
    public String toString() {
        return "SweepSpec[" + kind + " " + Arrays.toString(values) + ", top-k " + topK + ", threshold "
                + thresholdFraction + ", base " + base + "]";
    }
}
