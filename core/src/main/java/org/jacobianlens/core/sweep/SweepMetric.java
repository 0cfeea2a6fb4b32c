package org.jacobianlens.core.sweep;

import java.util.function.ToDoubleFunction;

/**
 * The numbers of a {@link SweepPoint} that are averaged over seeds, each with the snake_case name its column has in
 * sweep.csv. A "steps to threshold" of −1 (never reached) is no number: it is left out of the average.
 */
public enum SweepMetric {
    STEPS("steps", q -> q.steps()),
    LEARNING_RATE("learning_rate", SweepPoint::learningRate),
    TRAIN_ERROR("train_error", SweepPoint::trainError),
    TEST_ERROR("test_error", SweepPoint::testError),
    TRAIN_LOSS("train_loss", SweepPoint::trainLoss),
    COMPLEXITY("complexity", SweepPoint::complexity),
    ENERGY_TOP_INIT("energy_top_init", SweepPoint::energyTopInit),
    ENERGY_TOP_END("energy_top_end", SweepPoint::energyTopEnd),
    INFO_COUNT_INIT("info_count_init", q -> q.infoCountInit()),
    INFO_COUNT_END("info_count_end", q -> q.infoCountEnd()),
    ENERGY_INFO_INIT("energy_info_init", SweepPoint::energyInfoInit),
    ENERGY_INFO_END("energy_info_end", SweepPoint::energyInfoEnd),
    STEPS_TO_THRESHOLD("steps_to_threshold", q -> reached(q.stepsToThreshold())),
    PREDICTED_STEPS_TO_THRESHOLD("predicted_steps_to_threshold", q -> reached(q.predictedStepsToThreshold())),
    ALIGNMENT_INIT("alignment_init", SweepPoint::alignmentInit),
    ALIGNMENT_END("alignment_end", SweepPoint::alignmentEnd),
    CENTERED_ALIGNMENT_INIT("centered_alignment_init", SweepPoint::centeredAlignmentInit),
    CENTERED_ALIGNMENT_END("centered_alignment_end", SweepPoint::centeredAlignmentEnd),
    KERNEL_DRIFT("kernel_drift", SweepPoint::kernelDrift),
    NTK_DISTANCE("ntk_distance", SweepPoint::ntkDistance),
    WEIGHT_MOVEMENT("weight_movement", SweepPoint::weightMovement);

    private final String key;
    private final ToDoubleFunction<SweepPoint> get;

    SweepMetric(String key, ToDoubleFunction<SweepPoint> get) {
        this.key = key;
        this.get = get;
    }

    /** The column name, e.g. {@code test_error}. */
    public String key() {
        return key;
    }

    /** The point's value, NaN where it has none. */
    public double of(SweepPoint q) {
        return get.applyAsDouble(q);
    }

    private static double reached(int step) {
        return step < 0 ? Double.NaN : step;
    }
}
