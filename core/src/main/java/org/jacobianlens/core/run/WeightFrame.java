package org.jacobianlens.core.run;

import org.jacobianlens.core.theory.BoundReport;
import org.jacobianlens.core.theory.LayerStats;

/**
 * Weight statistics of the network at one analysis step (Pinto et al.; SCIENCE.md §6.3–6.4): one entry per layer,
 * input to output, and the bound proxies computed from them on the training set. Pinto et al.'s term is about the
 * network with every layer truncated to its energy rank (99 % of ‖W‖_F²); how well that network classifies is
 * recorded beside it, since a bound on a network that no longer fits the data says little about the trained one.
 *
 * @param step              training step
 * @param layers            per-layer statistics, input layer first (for the two-layer net the fixed output layer
 *                          a/√m last)
 * @param bounds            log₁₀ capacity terms of the bounds at the 5th-percentile training margin
 * @param truncatedTrainAcc training accuracy (on the labels trained on) of the truncated network; NaN when not
 *                          recorded (sessions saved before it was)
 * @param truncatedTestAcc  test accuracy of the truncated network; NaN without a test set or when not recorded
 */
public record WeightFrame(int step, LayerStats[] layers, BoundReport bounds, double truncatedTrainAcc,
                          double truncatedTestAcc) {
}
