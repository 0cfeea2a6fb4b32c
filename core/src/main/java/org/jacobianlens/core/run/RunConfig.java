package org.jacobianlens.core.run;

import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Precision;

/**
 * Everything that defines a training run. Two runs with equal configs produce identical snapshots.
 *
 * @param data           what data, how prepared, which noise level
 * @param model          network family
 * @param width          hidden width (m for the two-layer net)
 * @param depth          hidden layers (MLP only)
 * @param kappa          initialization scale κ of the two-layer net (w_r ~ N(0, κ² I))
 * @param learningRate   η, or 0 for automatic (η = 1/(c·λ_max(Θ₀)), the non-oscillating step)
 * @param activation     MLP hidden activation
 * @param optimizer      MLP update rule (the two-layer net always uses full-batch GD)
 * @param loss           MLP loss (the two-layer net always uses Arora's ½·sum squared loss)
 * @param batchSize      MLP minibatch size (0 = full batch)
 * @param maxSteps       stop after this many steps (0 = no limit)
 * @param targetLoss     stop when the training loss falls to this value (0 = no target)
 * @param analyzeEvery   take an analysis frame every this many steps (0 = only at initialization)
 * @param analyzeN       analyse the first min(n, analyzeN) training examples
 * @param cutoffFraction information space = singular values ≥ cutoffFraction·σ₁
 * @param theory         compute the H∞ theory (spectrum, projections, predicted curve, complexity)
 * @param seed           initialization and minibatch seed (the data seed is in {@link DatasetSpec})
 * @param precision      arithmetic of the training step (analysis and theory are always double)
 * @param analysisShare  share of compute time analysis frames may take on top of the fixed cadence, in [0, 1):
 *                       a frame is also taken whenever the time since the last one allows it (the live window uses
 *                       0.3); 0 = frames only at the fixed cadence, so the steps analysed are reproducible
 * @param eigenpairs     k, the eigenpairs a frame computes past the dense limit ({@code EigenSolver.DENSE_LIMIT}),
 *                       where the top k come from Lanczos and the rest of the label energy is one number; 0 = the
 *                       default {@value #DEFAULT_EIGENPAIRS} (also what a settings file without this field reads as)
 * @param blockKernel    with K outputs, analyse the block-averaged kernel (1/K)Σ_k Θ^(k,k) (n × n, cheaper)
 *                       instead of the full nK × nK kernel that drives gradient descent (SCIENCE.md §2.5); η and the
 *                       linearized twin always come from the full kernel where it fits
 * @param centerLabels   with one-hot labels (K > 2), the label energies shown are those of the centered labels
 *                       Y − 𝟙ȳᵀ, i.e. the energy beyond the K constant modes, which carry the class frequencies
 *                       (Σ_k (n_k/n)², a tenth of ‖Y‖² for ten balanced classes) and no class information
 *                       (SCIENCE.md §2.5); training and the alignments use the labels as they are
 */
public record RunConfig(DatasetSpec data, ModelKind model, int width, int depth, double kappa, double learningRate,
                        MlpSpec.Activation activation, MlpSpec.Optimizer optimizer, MlpSpec.Loss loss, int batchSize,
                        int maxSteps, double targetLoss, int analyzeEvery, int analyzeN, double cutoffFraction,
                        boolean theory, long seed, Precision precision,
                        double analysisShare, int eigenpairs, boolean blockKernel, boolean centerLabels) {

    /** Largest analysis size n_a: past the dense limit frames use top-k Lanczos (the UI spinner's maximum). */
    public static final int MAX_ANALYZE_N = 10_000;
    /** Default k of the top-k path. */
    public static final int DEFAULT_EIGENPAIRS = 100;

    /** k of the top-k path, with 0 read as the default. */
    public int topK() {
        return eigenpairs == 0 ? DEFAULT_EIGENPAIRS : eigenpairs;
    }

    /** Network families. */
    public enum ModelKind { TWO_LAYER, MLP }

    public RunConfig {
        if (data == null || model == null) {
            throw new IllegalArgumentException("data and model must be given");
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, found " + width);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, found " + depth);
        }
        if (!(kappa > 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa must be positive, found " + kappa);
        }
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive (or 0 for automatic), found " + learningRate);
        }
        if (maxSteps < 0 || analyzeEvery < 0 || batchSize < 0) {
            throw new IllegalArgumentException("steps, analysis cadence and batch size must not be negative");
        }
        if (analyzeN < 2 || analyzeN > MAX_ANALYZE_N) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "analysis size must be in 2 … %,d, found %,d", MAX_ANALYZE_N, analyzeN));
        }
        if (eigenpairs < 0 || eigenpairs > MAX_ANALYZE_N) {
            throw new IllegalArgumentException("eigenpairs must be in 1 … " + MAX_ANALYZE_N
                    + " (0 = default), found " + eigenpairs);
        }
        if (!(cutoffFraction > 0 && cutoffFraction <= 1)) {
            throw new IllegalArgumentException("cutoff must be in (0, 1], found " + cutoffFraction);
        }
        if (!(targetLoss >= 0)) {
            throw new IllegalArgumentException("target loss must not be negative, found " + targetLoss);
        }
        if (precision == null) {
            throw new IllegalArgumentException("precision must be given");
        }
        if (!(analysisShare >= 0 && analysisShare < 1)) {
            throw new IllegalArgumentException("analysis share must be in [0, 1), found " + analysisShare);
        }
    }

    /**
     * Sensible defaults: two-layer net, m = 1024, κ = 1, automatic η, 2000 steps, analysis every 50 steps, float32
     * training, frames only at the fixed cadence.
     */
    public static RunConfig defaults() {
        return new RunConfig(DatasetSpec.defaults(), ModelKind.TWO_LAYER, 1024, 2, 1.0, 0.0,
                MlpSpec.Activation.RELU, MlpSpec.Optimizer.SGD, MlpSpec.Loss.SQUARED, 0,
                2000, 0.0, 50, 500, 0.1, true, 1L, Precision.FLOAT32, 0.0, 0, false, true);
    }

    public RunConfig withData(DatasetSpec d) {
        return new RunConfig(d, model, width, depth, kappa, learningRate, activation, optimizer, loss, batchSize,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, seed, precision, analysisShare, eigenpairs, blockKernel, centerLabels);
    }

    public RunConfig withModel(ModelKind m, int w, int dep) {
        return new RunConfig(data, m, w, dep, kappa, learningRate, activation, optimizer, loss, batchSize,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, seed, precision, analysisShare, eigenpairs, blockKernel, centerLabels);
    }

    public RunConfig withTraining(double lr, MlpSpec.Optimizer opt, MlpSpec.Loss l, int batch) {
        return new RunConfig(data, model, width, depth, kappa, lr, activation, opt, l, batch,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, seed, precision, analysisShare, eigenpairs, blockKernel, centerLabels);
    }

    public RunConfig withStop(int steps, double target) {
        return new RunConfig(data, model, width, depth, kappa, learningRate, activation, optimizer, loss, batchSize,
                steps, target, analyzeEvery, analyzeN, cutoffFraction, theory, seed, precision, analysisShare, eigenpairs, blockKernel, centerLabels);
    }

    public RunConfig withAnalysis(int every, int n, double cutoff) {
        return new RunConfig(data, model, width, depth, kappa, learningRate, activation, optimizer, loss, batchSize,
                maxSteps, targetLoss, every, n, cutoff, theory, seed, precision, analysisShare, eigenpairs, blockKernel, centerLabels);
    }

    public RunConfig withSeed(long s) {
        return new RunConfig(data, model, width, depth, kappa, learningRate, activation, optimizer, loss, batchSize,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, s, precision, analysisShare, eigenpairs, blockKernel, centerLabels);
    }

    public RunConfig withKappa(double k) {
        return new RunConfig(data, model, width, depth, k, learningRate, activation, optimizer, loss, batchSize,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, seed, precision, analysisShare, eigenpairs, blockKernel, centerLabels);
    }

    public RunConfig withActivation(MlpSpec.Activation a) {
        return new RunConfig(data, model, width, depth, kappa, learningRate, a, optimizer, loss, batchSize,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, seed, precision, analysisShare, eigenpairs, blockKernel, centerLabels);
    }

    public RunConfig withPrecision(Precision p) {
        return new RunConfig(data, model, width, depth, kappa, learningRate, activation, optimizer, loss, batchSize,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, seed, p, analysisShare, eigenpairs, blockKernel, centerLabels);
    }

    public RunConfig withAnalysisShare(double share) {
        return new RunConfig(data, model, width, depth, kappa, learningRate, activation, optimizer, loss, batchSize,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, seed, precision, share, eigenpairs, blockKernel, centerLabels);
    }

    /**
     * With {@code block}, frames of a K-output network analyse the block-averaged kernel (1/K)Σ_k Θ^(k,k) (n × n,
     * cheaper) instead of the full nK × nK one; nothing changes for one output.
     */
    public RunConfig withBlockKernel(boolean block) {
        return new RunConfig(data, model, width, depth, kappa, learningRate, activation, optimizer, loss, batchSize,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, seed, precision, analysisShare,
                eigenpairs, block, centerLabels);
    }

    public RunConfig withCenterLabels(boolean center) {
        return new RunConfig(data, model, width, depth, kappa, learningRate, activation, optimizer, loss, batchSize,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, seed, precision, analysisShare,
                eigenpairs, blockKernel, center);
    }

    public RunConfig withEigenpairs(int k) {
        return new RunConfig(data, model, width, depth, kappa, learningRate, activation, optimizer, loss, batchSize,
                maxSteps, targetLoss, analyzeEvery, analyzeN, cutoffFraction, theory, seed, precision, analysisShare, k, blockKernel, centerLabels);
    }
}
