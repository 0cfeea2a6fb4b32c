package org.jacobianlens.core.run;

import org.jacobianlens.core.model.Network;
import org.jacobianlens.core.model.TwoLayerNetwork;
import org.jacobianlens.core.theory.LayerStats;
import org.jacobianlens.core.theory.WeightAnalysis;

/**
 * Weight statistics and bound proxies of one run's network (Pinto et al.; SCIENCE.md §6): remembers the layers at
 * initialization and turns the current ones into a {@link WeightFrame}. Uses the network, so it runs on the run's
 * compute thread.
 */
final class WeightTracker {
    private final Network network;
    private final int width;
    private final double[][][] initial;

    WeightTracker(Network network, int width) {
        this.network = network;
        this.width = width;
        this.initial = layers();
    }

    /**
     * The network's layers as the bounds see them, input first: the trained matrices, and for the two-layer net
     * also its fixed output layer a/√m (so the product of norms is that of the function f, SCIENCE.md §1.2).
     */
    private double[][][] layers() {
        double[][][] trained = network.weightMatrices();
        if (!(network instanceof TwoLayerNetwork two)) {
            return trained;
        }
        double[][] a = two.outputSigns();
        double scale = 1 / Math.sqrt(width);
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale;
            }
        }
        return new double[][][] {trained[0], a};
    }

    /**
     * Statistics now, with margins from the training outputs {@code out} at the current weights.
     *
     * @param crossEntropy whether {@code out} holds softmax probabilities (margins then come from their logs,
     *                     which differ from the logits by a constant per example: exactly the logit margins)
     */
    WeightFrame frame(int step, double[][] out, double[][] trainX, int[] labels, boolean crossEntropy) {
        double[][][] now = layers();
        LayerStats[] stats = new LayerStats[now.length];
        for (int l = 0; l < now.length; l++) {
            stats[l] = WeightAnalysis.layer(now[l], initial[l], WeightAnalysis.DEFAULT_TAU);
        }
        double[][] scores = out;
        if (crossEntropy) {
            scores = new double[out.length][];
            for (int i = 0; i < out.length; i++) {
                scores[i] = new double[out[i].length];
                for (int k = 0; k < out[i].length; k++) {
                    scores[i][k] = Math.log(out[i][k]);
                }
            }
        }
        double[] margins = WeightAnalysis.margins(scores, labels);
        return new WeightFrame(step, stats, WeightAnalysis.bounds(stats, trainX, margins,
                WeightAnalysis.DEFAULT_GAMMA_QUANTILE));
    }
}
