package org.jacobianlens.core.run;

import java.util.Arrays;

import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.EigenSolver;
import org.jacobianlens.core.linalg.SymmetricEigen;
import org.jacobianlens.core.linalg.TopEigen;
import org.jacobianlens.core.model.Network;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.ntk.SpectralAnalyzer;
import org.jacobianlens.core.ntk.TwoLayerOperator;

/**
 * The kernel side of a run: analysis frames on the first n_a training examples, and λ_max of the initial kernel for
 * the automatic η, each on the path that fits ({@link MemoryEstimate.FramePath}): the Gram on the heap up to the
 * dense limit, the two-layer Gram built in native memory past it, or the matrix-free product K v = J(Jᵀv) when
 * even that would not fit. The first frame's Gram is kept for the kernel drift ‖Θ − Θ₀‖/‖Θ₀‖ up to
 * {@link TrainingRun#KEEP_GRAM0_MAX} examples (on the heap or natively, as the frames are).
 *
 * <p>Runs on the run's thread; {@link #close()} returns a natively kept Θ₀.
 */
final class KernelFrames implements AutoCloseable {
    private final RunConfig config;
    private final MemoryEstimate.FramePath path;
    private final double[][] x;
    private final double[][] yNoisy;
    private final double[][] yClean;
    private double[][] gram0;
    private DenseOperator gram0Native;
    private boolean first = true;

    /**
     * @param x      n_a × d analysis inputs (kept by reference: the network caches products of this very array)
     * @param yNoisy n_a × K trained labels
     * @param yClean n_a × K true labels
     */
    KernelFrames(RunConfig config, MemoryEstimate.FramePath path, double[][] x, double[][] yNoisy,
                 double[][] yClean) {
        this.config = config;
        this.path = path;
        this.x = x;
        this.yNoisy = yNoisy;
        this.yClean = yClean;
    }

    MemoryEstimate.FramePath path() {
        return path;
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
        boolean keep = first && x.length <= TrainingRun.KEEP_GRAM0_MAX;
        AnalysisFrame frame = switch (path) {
            case MATRIX_FREE -> SpectralAnalyzer.analyze(step, blockOperator(network, x), yNoisy, yClean, residual,
                    config.cutoffFraction(), EigenSolver.Mode.AUTO, config.topK());
            case NATIVE_GRAM -> {
                DenseOperator gram = network.ntkGramOperator(x);
                try {
                    yield SpectralAnalyzer.analyze(step, gram, yNoisy, yClean, residual, first ? gram : gram0Native,
                            config.cutoffFraction(), EigenSolver.Mode.AUTO, config.topK());
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
                AnalysisFrame f = SpectralAnalyzer.analyze(step, gram, yNoisy, yClean, residual,
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

    /**
     * λ_max of {@code network}'s kernel on all training inputs {@code all}, on the path {@code etaPath}
     * (the top eigenvalue by Lanczos past the dense limit).
     */
    static double lambdaMax(Network network, double[][] all, MemoryEstimate.FramePath etaPath) {
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
