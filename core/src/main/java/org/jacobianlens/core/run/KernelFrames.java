package org.jacobianlens.core.run;

import java.util.Arrays;

import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.EigenSolver;
import org.jacobianlens.core.linalg.SymmetricEigen;
import org.jacobianlens.core.linalg.SymmetricOperator;
import org.jacobianlens.core.linalg.TopEigen;
import org.jacobianlens.core.model.Network;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.ntk.SpectralAnalyzer;
import org.jacobianlens.core.ntk.TwoLayerOperator;

/**
 * The kernel side of a run: analysis frames on the first n_a training examples, and λ_max of the initial kernel for
 * the automatic η, each on the path that fits ({@link MemoryEstimate.FramePath}): the Gram on the heap up to the
 * dense limit, the two-layer Gram built in native memory past it, or the matrix-free product K v = J(Jᵀv) when
 * even that would not fit. With K outputs the kernel is the full nK × nK one that drives gradient descent (SCIENCE.md
 * §2.5) where it fits ({@link MemoryEstimate#fullFrames}), with the labels stacked into vec(Y); else the block
 * average (1/K)Σ_k Θ^(k,k), as {@link #kernel()} says. The first frame's Gram is kept for the kernel drift
 * ‖Θ − Θ₀‖/‖Θ₀‖ up to {@link TrainingRun#KEEP_GRAM0_MAX} rows (on the heap or natively, as the frames are).
 *
 * <p>Runs on the run's thread; {@link #close()} returns a natively kept Θ₀.
 */
final class KernelFrames implements AutoCloseable {
    private final RunConfig config;
    private final MemoryEstimate.FramePath path;
    /** K when frames analyse the full nK × nK kernel; 0 for the n × n one (one output, or the block average). */
    private final int fullOutputs;
    private final double[][] x;
    private final double[][] yNoisy;
    private final double[][] yClean;
    /** The labels whose energies frames show: centered one-hot labels Y − 𝟙ȳᵀ, or the labels themselves. */
    private final double[][] shownNoisy;
    private final double[][] shownClean;
    private double[][] gram0;
    private DenseOperator gram0Native;
    private boolean first = true;

    /**
     * @param x      n_a × d analysis inputs (kept by reference: the network caches products of this very array)
     * @param yNoisy n_a × K trained labels
     * @param yClean n_a × K true labels
     * @param full   whether frames analyse the full nK × nK kernel (K = the labels' columns)
     */
    KernelFrames(RunConfig config, MemoryEstimate.FramePath path, boolean full, double[][] x, double[][] yNoisy,
                 double[][] yClean) {
        this.config = config;
        this.path = path;
        this.fullOutputs = full ? yNoisy[0].length : 0;
        this.x = x;
        this.yNoisy = yNoisy;
        this.yClean = yClean;
        boolean center = centered(config, yNoisy[0].length);
        this.shownNoisy = center ? Targets.center(yNoisy) : yNoisy;
        this.shownClean = center ? Targets.center(yClean) : yClean;
    }

    MemoryEstimate.FramePath path() {
        return path;
    }

    /** Whether label energies are of the centered labels: one-hot labels (K > 2 outputs) with the option on. */
    static boolean centered(RunConfig config, int outputs) {
        return outputs > 2 && config.centerLabels();
    }

    /** What the frames analyse, in words (for the run's facts, the charts and run.json). */
    String kernel() {
        int k = yNoisy[0].length;
        if (k == 1) {
            return "NTK Θ = J Jᵀ, n × n (one output)";
        }
        String labels = centered(config, k) ? "; label energies of the centered labels Y − 𝟙ȳᵀ (beyond the K "
                + "constant modes)" : "; label energies of the one-hot labels as they are";
        return (fullOutputs > 0 ? "full multi-output NTK, nK × nK (K = " + k + ", class-major), labels as vec(Y)"
                : "block-averaged NTK (1/K)Σ_k Θ^(k,k), n × n (K = " + k + "; " + (config.blockKernel()
                        ? "chosen" : "the full nK × nK kernel would not fit") + ")") + labels;
    }

    /** One frame of {@code network}'s kernel at {@code step}, with the residual of its training outputs. */
    AnalysisFrame take(int step, Network network, double[][] trainOutputs) {
        double[][] residual = new double[x.length][];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = new double[trainOutputs[i].length];
            for (int c = 0; c < residual[i].length; c++) {
                residual[i][c] = trainOutputs[i][c] - yNoisy[i][c];
            }
        }
        boolean keep = first && x.length * Math.max(1, fullOutputs) <= TrainingRun.KEEP_GRAM0_MAX;
        AnalysisFrame frame = fullOutputs > 0 ? fullFrame(step, network, residual, keep) : switch (path) {
            case MATRIX_FREE -> SpectralAnalyzer.analyze(step, blockOperator(network, x), shownNoisy, shownClean,
                    residual, config.cutoffFraction(), EigenSolver.Mode.AUTO, config.topK());
            case NATIVE_GRAM -> {
                DenseOperator gram = network.ntkGramOperator(x);
                try {
                    yield SpectralAnalyzer.analyze(step, gram, shownNoisy, shownClean, residual, yNoisy,
                            first ? gram : gram0Native, config.cutoffFraction(), EigenSolver.Mode.AUTO, config.topK());
                } finally {
                    if (keep) {
                        gram0Native = gram;
                    } else {
                        gram.close();
                    }
                }
            }
            case HEAP_GRAM -> {
                double[][] gram = network.ntkGram(x);
                AnalysisFrame f = SpectralAnalyzer.analyze(step, gram, shownNoisy, shownClean, residual, yNoisy,
                        gram0 == null && !first ? SpectralAnalyzer.NOT_KEPT : gram0, config.cutoffFraction(),
                        EigenSolver.Mode.AUTO, config.topK());
                if (keep) {
                    gram0 = gram;
                }
                yield f;
            }
        };
        first = false;
        return frame;
    }

    private AnalysisFrame fullFrame(int step, Network network, double[][] residual, boolean keep) {
        double[][] gram = network.fullNtkGram(x);
        AnalysisFrame f = SpectralAnalyzer.analyzeFull(step, gram, fullOutputs, shownNoisy, shownClean, residual,
                yNoisy, gram0 == null && !first ? SpectralAnalyzer.NOT_KEPT : gram0, config.cutoffFraction(),
                EigenSolver.Mode.AUTO, config.topK());
        if (keep) {
            gram0 = gram;
        }
        return f;
    }

    /** λ_max of the initial kernel for the automatic η, and which kernel it is of. */
    record Eta(double lambdaMax, String kernel) {
    }

    /**
     * λ_max of the kernel gradient descent sees on all training inputs {@code all}: with K outputs the full nK × nK
     * kernel, formed where it fits ({@link MemoryEstimate#fullKernelFits}) or as the network's matrix-free product
     * where that is affordable, else (an MLP too big to form it, or a product that would take minutes) the block
     * average, which underestimates it and is said so; with one output the n × n kernel on the path
     * {@code etaPath} (the top eigenvalue by Lanczos past the dense limit).
     *
     * @param productAffordable whether the network's matrix-free full-kernel product may be used (its cost grows as
     *                          n·d·m per product: about 50 GFLOP at n = 2,000, m = 8,192)
     */
    static Eta lambdaMax(Network network, double[][] all, MemoryEstimate.FramePath etaPath, boolean fullFits,
                         boolean productAffordable) {
        if (network.outputs() > 1) {
            if (fullFits) {
                double[][] full = network.fullNtkGram(all);
                return new Eta(full.length <= EigenSolver.DENSE_LIMIT ? SymmetricEigen.largestEigenvalue(full)
                        : topEigenvalue(full), "the full nK × nK kernel");
            }
            SymmetricOperator product = productAffordable ? network.fullNtkProduct(all) : null;
            if (product != null) {
                return new Eta(TopEigen.solve(product, 1).values()[0], "the full nK × nK kernel (matrix-free)");
            }
            return new Eta(blockLambdaMax(network, all, etaPath), "the block-averaged kernel: the full nK × nK kernel "
                    + "would not fit or take too long, and its λ_max is larger, so η may oscillate (set η by hand)");
        }
        return new Eta(blockLambdaMax(network, all, etaPath), "the kernel J Jᵀ");
    }

    private static double topEigenvalue(double[][] gram) {
        try (DenseOperator op = DenseOperator.of(gram)) {
            return TopEigen.solve(op, 1).values()[0];
        }
    }

    private static double blockLambdaMax(Network network, double[][] all, MemoryEstimate.FramePath etaPath) {
        return switch (etaPath) {
            case HEAP_GRAM -> SymmetricEigen.largestEigenvalue(network.ntkGram(all));
            case NATIVE_GRAM -> {
                try (DenseOperator gram = network.ntkGramOperator(all)) {
                    yield TopEigen.solve(gram, 1).values()[0];
                }
            }
            case MATRIX_FREE -> TopEigen.solve(blockOperator(network, all), 1).values()[0];
        };
    }

    /**
     * The two-layer net's n × n kernel H(W) on the rows of x as a matrix-free product (K v = J(Jᵀv)); the block
     * kernel does not depend on the output signs (a_kr² = 1), so one output row of ones gives it.
     */
    private static TwoLayerOperator blockOperator(Network network, double[][] x) {
        double[][] w = network.weightMatrices()[0];
        double[][] ones = new double[1][w.length];
        Arrays.fill(ones[0], 1.0);
        return new TwoLayerOperator(x, w, ones);
    }

    @Override
    public void close() {
        if (gram0Native != null) {
            gram0Native.close();
            gram0Native = null;
        }
    }
}
