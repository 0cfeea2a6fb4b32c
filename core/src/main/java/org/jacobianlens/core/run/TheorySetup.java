package org.jacobianlens.core.run;

import java.util.Locale;

import org.bytedeco.javacpp.Pointer;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.EigenSolver;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Network;
import org.jacobianlens.core.ntk.TwoLayerKernel;
import org.jacobianlens.core.theory.AroraTheory;
import org.jacobianlens.core.theory.LinearizedTwin;
import org.jacobianlens.core.theory.ScaledTheory;
import org.jacobianlens.core.theory.Theory;

/**
 * What a run works out from its initial network once, at set-up, for the theory side: the automatic learning rate,
 * Arora et al.'s H∞ theory and the linearized twin. Runs on the run's thread, like the run.
 */
final class TheorySetup {
    private TheorySetup() {
    }

    /**
     * Sets the automatic η on {@code network}: 1/(c·λ_max(Θ₀)) on the full training set for plain (S)GD on a
     * squared loss (the largest non-oscillating step, SCIENCE.md §1.4), from this very network's initial kernel —
     * the full nK × nK one with K outputs; a tenth of that with momentum; 10⁻³ for Adam and 0.1 for cross-entropy
     * with SGD, where no kernel rule applies. Returns how it was found, in words.
     */
    static String automaticLearningRate(RunConfig config, Network network, PreparedData data) {
        boolean mlp = config.model() == RunConfig.ModelKind.MLP;
        if (mlp && config.optimizer() == MlpSpec.Optimizer.ADAM) {
            network.setLearningRate(1e-3);
            return "automatic: 10⁻³ for Adam";
        }
        if (mlp && config.loss() == MlpSpec.Loss.CROSS_ENTROPY) {
            network.setLearningRate(0.1);
            return "automatic: 0.1 for cross-entropy";
        }
        long heapMax = Runtime.getRuntime().maxMemory();
        KernelFrames.Eta e = KernelFrames.lambdaMax(network, data.trainX(), MemoryEstimate.etaPath(config,
                data.nTrain(), data.dim(), heapMax, Pointer.maxBytes()),
                MemoryEstimate.fullKernelFits(data.nTrain(), network.outputs(), heapMax),
                MemoryEstimate.fullProductAffordable(config, data.nTrain(), data.dim()));
        double eta = AroraTheory.suggestedLearningRate(e.lambdaMax(), network.lossScale());
        boolean momentum = mlp && config.optimizer() == MlpSpec.Optimizer.MOMENTUM;
        network.setLearningRate(momentum ? 0.1 * eta : eta);
        return String.format(Locale.ROOT, "automatic: %s1/(c·λ_max) with λ_max = %.6g of %s at initialization",
                momentum ? "0.1 × " : "", e.lambdaMax(), e.kernel());
    }

    /**
     * Arora et al.'s H∞ theory on the analysis set: every eigenpair up to the dense limit, the top k with the
     * predicted loss's rest by quadrature (its error stated) past it; H∞ lives in native memory and its Cholesky
     * factorization for the complexity takes its place ({@link ScaledTheory}).
     */
    static Theory hInfinity(RunConfig config, Network network, double[][] x, double[][] yNoisy, double[][] yClean,
                            int points) {
        double[][] u0 = network.predict(x);
        try (DenseOperator hInf = TwoLayerKernel.hInfinityOperator(x)) {
            return ScaledTheory.compute(hInf, yNoisy, yClean, u0, network.learningRate(), network.lossScale(), 0.0,
                    Math.max(config.maxSteps(), 1), points, EigenSolver.Mode.AUTO, config.topK(), true).toTheory();
        }
    }

    /**
     * The linearized twin (SCIENCE.md §5.1). Θ₀ on training and test inputs together gives the train kernel and the
     * test–train cross kernel in one go; with K outputs the full kernel (class-major over the union: row k·u + i),
     * whose train and cross blocks are taken out per output pair, so the twin couples the outputs exactly as
     * gradient descent does.
     */
    static LinearizedTwin twin(Network network, PreparedData data) {
        int n = data.nTrain();
        int nTest = data.nTest();
        int u = n + nTest;
        double[][] union = new double[u][];
        System.arraycopy(data.trainX(), 0, union, 0, n);
        System.arraycopy(data.testX(), 0, union, n, nTest);
        int k = network.outputs();
        double[][] g = k > 1 ? network.fullNtkGram(union) : network.ntkGram(union);
        double[][] train = new double[n * k][n * k];
        double[][] cross = new double[nTest * k][n * k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(g[a * u + i], b * u, train[a * n + i], b * n, n);
                }
                for (int j = 0; j < nTest; j++) {
                    System.arraycopy(g[a * u + n + j], b * u, cross[a * nTest + j], b * n, n);
                }
            }
        }
        double[][] f0Test = nTest > 0 ? network.testOutputs() : new double[0][k];
        double[][] targets = Targets.encode(data.trainLabels(), data.numClasses());
        return k > 1
                ? LinearizedTwin.full(train, cross, network.trainOutputs(), f0Test, targets, network.learningRate(),
                        network.lossScale())
                : new LinearizedTwin(train, cross, network.trainOutputs(), f0Test, targets, network.learningRate(),
                        network.lossScale());
    }
}
