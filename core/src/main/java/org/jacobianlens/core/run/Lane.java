package org.jacobianlens.core.run;

/**
 * One configuration of a (possibly compared) group of runs, with the label the views show for it.
 *
 * @param label            short legend text, e.g. "clean labels" or "m = 64"
 * @param config           the run's configuration
 * @param learningRateOfFirst when positive, this lane's learning rate is this factor times the learning rate the
 *                         group's first lane actually uses (so "η/4" works with an automatic η); 0 = use the config's
 */
public record Lane(String label, RunConfig config, double learningRateOfFirst) {
    public Lane {
        if (label == null || config == null) {
            throw new IllegalArgumentException("a lane needs a label and a configuration");
        }
        if (!(learningRateOfFirst >= 0) || Double.isInfinite(learningRateOfFirst)) {
            throw new IllegalArgumentException("learning-rate factor must be ≥ 0, found " + learningRateOfFirst);
        }
    }

    public Lane(String label, RunConfig config) {
        this(label, config, 0.0);
    }
}
