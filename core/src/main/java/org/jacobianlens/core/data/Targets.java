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

    /**
     * Centered targets Y − 𝟙ȳᵀ with ȳ the column means (for one-hot targets, the class proportions), SCIENCE.md
     * §2.5: removes the K "constant over samples" modes that carry the class-frequency part Σ_k (n_k/n)² of
     * ‖Y‖²_F and no class information. A new array; y is not modified.
     */
    public static double[][] center(double[][] y) {
        int n = y.length;
        int k = n == 0 ? 0 : y[0].length;
        double[] mean = new double[k];
        for (double[] row : y) {
            for (int c = 0; c < k; c++) {
                mean[c] += row[c] / n;
            }
        }
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                out[i][c] = y[i][c] - mean[c];
            }
        }
        return out;
    }

    /**
     * Energy of vec(Y) on the K constant modes e_k ⊗ 𝟙/√n of the flattened output space:
     * Σ_k (𝟙ᵀY_{:,k})²/n, which is Σ_k n_k²/n for one-hot targets (a share Σ_k (n_k/n)² of ‖Y‖²_F).
     */
    public static double constantModeEnergy(double[][] y) {
        int n = y.length;
        int k = n == 0 ? 0 : y[0].length;
        double e = 0;
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (double[] row : y) {
                s += row[c];
            }
            e += s * s / n;
        }
        return e;
    }

    /** ‖Y‖²_F minus {@link #constantModeEnergy}: the energy beyond the K constant modes, = ‖center(Y)‖²_F. */
    public static double energyBeyondConstantModes(double[][] y) {
        double total = 0;
        for (double[] row : y) {
            for (double v : row) {
                total += v * v;
            }
        }
        return Math.max(total - constantModeEnergy(y), 0.0);
    }

    /**
     * vec(Y) in the class-major order of the full nK × nK kernel (entry k·n + i = Y_ik), as an nK × 1 matrix,
     * for label energies on the full kernel's eigenvectors.
     */
    public static double[][] stackClassMajor(double[][] y) {
        int n = y.length;
        int k = n == 0 ? 0 : y[0].length;
        double[][] out = new double[n * k][1];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                out[c * n + i][0] = y[i][c];
            }
        }
        return out;
    }

    /** The inverse of {@link #stackClassMajor}: an nK × 1 column back to n × K. */
    public static double[][] unstackClassMajor(double[][] v, int k) {
        int n = v.length / k;
        double[][] y = new double[n][k];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                y[i][c] = v[c * n + i][0];
            }
        }
        return y;
    }
}
