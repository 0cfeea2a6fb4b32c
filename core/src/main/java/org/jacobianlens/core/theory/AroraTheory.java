package org.jacobianlens.core.theory;

import java.util.TreeSet;

import org.jacobianlens.core.linalg.SymmetricEigen;
import org.jacobianlens.core.ntk.TwoLayerKernel;

/**
 * The infinite-width theory of Arora et al. (SCIENCE.md §3): H∞ spectrum and label projections, the predicted
 * training-loss curve of their Theorem 4.1 (practical form with r₀ = y − u(0)), and the data-dependent
 * complexity √(2 yᵀ(H∞)⁻¹y / n) of their Theorem 5.1, all through one eigendecomposition (never an inverse).
 */
public final class AroraTheory {
    private AroraTheory() {
    }

    /**
     * @param x         n × d inputs (unit-norm rows for the theory to apply)
     * @param yNoisy    n × K labels trained on
     * @param yClean    n × K true labels
     * @param u0OrNull  n × K network outputs at initialization (r₀ = y − u₀), or null for r₀ = y
     * @param eta       learning rate η
     * @param c         loss scale (1 for Arora's ½·sum)
     * @param ridge     ε ≥ 0 added to every eigenvalue in the complexity measure
     * @param maxSteps  last step of the predicted curve
     * @param points    approximate number of tabulated steps
     */
    public static Theory compute(double[][] x, double[][] yNoisy, double[][] yClean, double[][] u0OrNull,
                                 double eta, double c, double ridge, int maxSteps, int points) {
        if (ridge < 0) {
            throw new IllegalArgumentException("ridge must not be negative, found " + ridge);
        }
        int n = x.length;
        double[][] r0 = yNoisy;
        if (u0OrNull != null) {
            r0 = new double[n][];
            for (int i = 0; i < n; i++) {
                r0[i] = new double[yNoisy[i].length];
                for (int k = 0; k < r0[i].length; k++) {
                    r0[i][k] = yNoisy[i][k] - u0OrNull[i][k];
                }
            }
        }
        SymmetricEigen.Projections pr = SymmetricEigen.projections(TwoLayerKernel.hInfinity(x), yNoisy, yClean, r0);
        double[] values = pr.values();
        double[] pNoisy = pr.energies()[0];
        double[] pClean = pr.energies()[1];
        double[] pR0 = pr.energies()[2];
        int[] steps = grid(maxSteps, points);
        double[] loss = new double[steps.length];
        for (int s = 0; s < steps.length; s++) {
            loss[s] = predictedLoss(values, pR0, eta * c, steps[s]) / n;
        }
        double minEig = n == 0 ? Double.NaN : values[n - 1];
        return new Theory(values, pNoisy, pClean, steps, loss, u0OrNull != null, eta, c,
                complexity(values, pNoisy, ridge, n), complexity(values, pClean, ridge, n), ridge, minEig,
                new double[steps.length], new double[2]);
    }

    /** ½ Σ_i (1 − ηcλ_i)^{2k} E_i: the linearized training loss after k steps (a sum over examples). */
    public static double predictedLoss(double[] lambda, double[] energy, double etaC, int k) {
        double s = 0;
        for (int i = 0; i < lambda.length; i++) {
            s += Math.pow(1 - etaC * lambda[i], 2.0 * k) * energy[i];
        }
        return 0.5 * s;
    }

    /** √((2/n) Σ_i E_i/(λ_i + ε)); infinite when a direction with energy has λ_i + ε ≤ 0. */
    public static double complexity(double[] lambda, double[] energy, double ridge, int n) {
        double s = 0;
        for (int i = 0; i < lambda.length; i++) {
            double l = lambda[i] + ridge;
            if (energy[i] == 0) {
                continue;
            }
            s += l > 0 ? energy[i] / l : Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(2 * s / n);
    }

    /** η = 1/(c·λ_max): the largest step for which no eigendirection of the linearized dynamics oscillates. */
    public static double suggestedLearningRate(double lambdaMax, double c) {
        if (!(lambdaMax > 0) || !(c > 0)) {
            throw new IllegalArgumentException("λ_max and c must be positive, found " + lambdaMax + " and " + c);
        }
        return 1.0 / (c * lambdaMax);
    }

    /** Distinct sorted steps in [0, maxSteps]: half on a linear grid, half on a log grid (dense early). */
    static int[] grid(int maxSteps, int points) {
        TreeSet<Integer> s = new TreeSet<>();
        s.add(0);
        s.add(maxSteps);
        int half = Math.max(2, points / 2);
        for (int i = 0; i <= half; i++) {
            s.add((int) Math.round((double) maxSteps * i / half));
            s.add((int) Math.round(Math.pow(Math.max(maxSteps, 1), (double) i / half)));
        }
        s.removeIf(v -> v > maxSteps);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
