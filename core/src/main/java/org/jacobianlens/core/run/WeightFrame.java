package org.jacobianlens.core.run;

import org.jacobianlens.core.theory.BoundReport;
import org.jacobianlens.core.theory.LayerStats;

/**
 * Weight statistics of the network at one analysis step (Pinto et al.; SCIENCE.md §6.3–6.4): one entry per layer,
 * input to output, and the bound proxies computed from them on the training set.
 *
 * @param step   training step
 * @param layers per-layer statistics, input layer first (for the two-layer net the fixed output layer a/√m last)
 * @param bounds log₁₀ capacity terms of the bounds at the 5th-percentile training margin
 */
public record WeightFrame(int step, LayerStats[] layers, BoundReport bounds) {
}
