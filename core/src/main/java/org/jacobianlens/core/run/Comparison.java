package org.jacobianlens.core.run;

import java.util.List;

/**
 * Sets up a comparison from one configuration by varying a single knob. Every lane keeps the data seed and the
 * initialization seed of the base configuration, so the lanes train on the same inputs (noise is nested) and,
 * where the architecture is unchanged, start from the same weights: any difference in the pictures comes from the
 * knob alone.
 */
public final class Comparison {

    /** The knob a comparison varies. */
    public enum Knob {
        /** Clean labels against 100 % random labels (Zhang et al.'s experiment). */
        NOISE("label noise"),
        /** The current width against a 16× narrower (or wider) network. */
        WIDTH("width"),
        /** The current learning rate against a quarter of it. */
        LEARNING_RATE("learning rate");

        private final String display;

        Knob(String display) {
            this.display = display;
        }

        public String display() {
            return display;
        }
    }

    /** Factor between the learning rates of a {@link Knob#LEARNING_RATE} comparison. */
    public static final double LEARNING_RATE_FACTOR = 0.25;
    /** Factor between the widths of a {@link Knob#WIDTH} comparison. */
    public static final int WIDTH_FACTOR = 16;

    private Comparison() {
    }

    /**
     * Two lanes varying {@code knob} around {@code base}: noise 0 vs 1; width m vs 16·m (or m/16 when 16·m would
     * exceed 8192); learning rate η vs η/4. An automatic learning rate (0) is resolved by {@link RunGroup} for the
     * first lane and the second lane uses a quarter of that resolved value.
     */
    public static List<Lane> lanes(RunConfig base, Knob knob) {
        return switch (knob) {
            case NOISE -> List.of(
                    new Lane("clean labels", base.withData(base.data().withNoise(0.0))),
                    new Lane("100 % random labels", base.withData(base.data().withNoise(1.0))));
            case WIDTH -> {
                int w = base.width();
                int other = w * WIDTH_FACTOR <= 8192 ? w * WIDTH_FACTOR : Math.max(1, w / WIDTH_FACTOR);
                int narrow = Math.min(w, other);
                int wide = Math.max(w, other);
                yield List.of(
                        new Lane("m = " + narrow, base.withModel(base.model(), narrow, base.depth())),
                        new Lane("m = " + wide, base.withModel(base.model(), wide, base.depth())));
            }
            case LEARNING_RATE -> List.of(
                    new Lane(base.learningRate() > 0 ? "η = " + fmt(base.learningRate()) : "η automatic", base),
                    new Lane("η × " + LEARNING_RATE_FACTOR, base, LEARNING_RATE_FACTOR));
        };
    }

    private static String fmt(double v) {
        return String.format("%.3g", v);
    }
}
