package org.jacobianlens.core.data;

/** Label ↔ network-target conventions shared by training, metrics and analysis. */
public final class Targets {
    private Targets() {
    }

    /** Output dimension for K classes: 1 (scalar ±1 target) when K = 2, else K (one-hot). */
    public static int outputs(int numClasses) {
        return numClasses == 2 ? 1 : numClasses;
    }

    /** n × outputs(K) targets: −1 for class 0 and +1 for class 1 when K = 2; one-hot otherwise. */
    public static double[][] encode(int[] labels, int numClasses) {
        int out = outputs(numClasses);
        double[][] y = new double[labels.length][out];
        for (int i = 0; i < labels.length; i++) {
            if (numClasses == 2) {
                y[i][0] = labels[i] == 0 ? -1.0 : 1.0;
            } else {
                y[i][labels[i]] = 1.0;
            }
        }
        return y;
    }

    /** Predicted class of one output row: sign for a scalar output, arg-max otherwise. */
    public static int decode(double[] output) {
        if (output.length == 1) {
            return output[0] >= 0 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < output.length; k++) {
            if (output[k] > output[best]) {
                best = k;
            }
        }
        return best;
    }
}
