package org.jacobianlens.core.run;

import org.jacobianlens.core.data.Targets;

/** Loss and accuracy of network outputs against labels, overall and on a subset. Pure functions. */
final class Metrics {
    private Metrics() {
    }

    /**
     * Mean per-example loss over the rows where {@code mask} is null or {@code mask[i] == want}.
     * Squared loss: ½‖f − y‖² with targets from {@link Targets#encode}; cross-entropy: −log p_label
     * (outputs are then probabilities). NaN when the subset is empty.
     */
    static double loss(double[][] out, int[] labels, int numClasses, boolean crossEntropy, boolean[] mask, boolean want) {
        double sum = 0;
        int count = 0;
        double[][] y = crossEntropy ? null : Targets.encode(labels, numClasses);
        for (int i = 0; i < labels.length; i++) {
            if (mask != null && mask[i] != want) {
                continue;
            }
            if (crossEntropy) {
                sum += -Math.log(Math.max(out[i][labels[i]], 1e-300));
            } else {
                double s = 0;
                for (int k = 0; k < out[i].length; k++) {
                    double r = out[i][k] - y[i][k];
                    s += r * r;
                }
                sum += 0.5 * s;
            }
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Fraction classified correctly over the selected rows (NaN when empty). */
    static double accuracy(double[][] out, int[] labels, boolean[] mask, boolean want) {
        int correct = 0;
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (mask != null && mask[i] != want) {
                continue;
            }
            if (Targets.decode(out[i]) == labels[i]) {
                correct++;
            }
            count++;
        }
        return count == 0 ? Double.NaN : (double) correct / count;
    }
}
