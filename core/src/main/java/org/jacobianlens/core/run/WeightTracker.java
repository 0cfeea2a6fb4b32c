package org.jacobianlens.core.run;

import java.util.Arrays;

import org.jacobianlens.core.linalg.Blas;
import org.jacobianlens.core.model.MlpNetwork;
import org.jacobianlens.core.model.MlpSpec;
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
    /** Rows per block of the truncated network's forward pass: its activations stay a few MB at any width. */
    private static final int FORWARD_ROWS = 256;

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
     * Statistics now, with margins from the training outputs {@code out} at the current weights, and the network
     * truncated to the energy rank of every layer evaluated on the training and test sets.
     *
     * @param crossEntropy whether {@code out} holds softmax probabilities (margins then come from their logs,
     *                     which differ from the logits by a constant per example: exactly the logit margins)
     */
    WeightFrame frame(int step, double[][] out, double[][] trainX, int[] labels, double[][] testX, int[] testLabels,
                      boolean crossEntropy) {
        double[][][] now = layers();
        LayerStats[] stats = new LayerStats[now.length];
        double[][][] truncated = new double[now.length][][];
        for (int l = 0; l < now.length; l++) {
            stats[l] = WeightAnalysis.layer(now[l], initial[l], WeightAnalysis.DEFAULT_TAU);
            truncated[l] = WeightAnalysis.truncateToRank(now[l], stats[l].energyRank());
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
        double[][] biases = network instanceof MlpNetwork mlp ? mlp.biases() : null;
        MlpSpec.Activation act = network instanceof MlpNetwork mlp ? mlp.spec().activation() : MlpSpec.Activation.RELU;
        double[][] truncTrain = forward(truncated, biases, act, trainX);
        double truncTest = Double.NaN;
        if (testX.length > 0) {
            truncTest = Metrics.accuracy(forward(truncated, biases, act, testX), testLabels, null, true);
        }
        return new WeightFrame(step, stats, WeightAnalysis.bounds(stats, trainX, margins,
                WeightAnalysis.margins(truncTrain, labels), WeightAnalysis.DEFAULT_GAMMA_QUANTILE),
                Metrics.accuracy(truncTrain, labels, null, true), truncTest);
    }

    /**
     * Outputs before any softmax of the network with these layers (n_out × n_in, input first) on the rows of x:
     * h ← φ(W h + b) on every hidden layer, f = W h + b on the last. For the two-layer net (no biases, ReLU, the
     * last layer a/√m) this is f exactly; for the MLP it is the logits, whose class margins and argmax are those of
     * its softmax output. In double, a block of rows at a time.
     *
     * @param biases one vector per layer, or null for a network without biases
     */
    static double[][] forward(double[][][] ws, double[][] biases, MlpSpec.Activation act, double[][] x) {
        double[][] out = new double[x.length][];
        double[][] flatW = new double[ws.length][];
        for (int l = 0; l < ws.length; l++) {
            flatW[l] = Blas.flatten(ws[l]);
        }
        for (int from = 0; from < x.length; from += FORWARD_ROWS) {
            int rows = Math.min(FORWARD_ROWS, x.length - from);
            double[][] block = new double[rows][];
            System.arraycopy(x, from, block, 0, rows);
            double[] h = Blas.flatten(block);
            int k = x[0].length;
            for (int l = 0; l < ws.length; l++) {
                int m = ws[l].length;
                h = Blas.multiplyTransposed(h, rows, k, flatW[l], m);
                boolean last = l == ws.length - 1;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < m; j++) {
                        double z = h[i * m + j] + (biases == null ? 0 : biases[l][j]);
                        h[i * m + j] = last ? z : activate(act, z);
                    }
                }
                k = m;
            }
            for (int i = 0; i < rows; i++) {
                out[from + i] = Arrays.copyOfRange(h, i * k, (i + 1) * k);
            }
        }
        return out;
    }

    private static double activate(MlpSpec.Activation act, double z) {
        return switch (act) {
            case RELU -> Math.max(z, 0);
            case TANH -> Math.tanh(z);
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case IDENTITY -> z;
        };
    }
}
