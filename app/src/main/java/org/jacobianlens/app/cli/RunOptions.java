package org.jacobianlens.app.cli;

import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.run.RunConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that describe one training run, shared (as a picocli mixin) by {@code run} and {@code sweep} and
 * any later command that trains: written once, defaults from {@link Defaults}, ranges checked by {@link #config()}
 * before any data is loaded.
 */
public final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME|PATH", order = 1, description = "fashion-mnist, digits, fashion-mnist-full, blobs, spirals, circles, xor, teacher (e.g. "
            + "blobs:classes=4,dim=8), or an IDX/CIFAR/CSV file or folder (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--classes", paramLabel = "C", split = ",", splitSynopsisLabel = ",", order = 2,
            description = "classes to keep (two classes => labels -1/+1, the first is -1; default: all)")
    int[] classes;

    @Option(names = "--n", paramLabel = "N", order = 3, description = "training examples (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--test", paramLabel = "N", order = 4, description = "test examples (default: ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--noise", paramLabel = "P", order = 5,
            description = "label noise level in [0, 1] (default: ${DEFAULT-VALUE})")
    double noise;

    @Option(names = "--center", order = 6, description = "subtract the training mean")
    boolean center;

    @Option(names = "--no-unit-norm", order = 7, description = "keep row norms (default: rows scaled to unit norm)")
    boolean noUnitNorm;

    @Option(names = "--bias-input", negatable = true, order = 7, description = "append a constant coordinate b "
            + "(the training rows' RMS norm) to every input, x -> (x, b), before unit-norm scaling, so the two-layer "
            + "net, which has no biases, can put its ReLU kinks away from the origin; --no-bias-input leaves the "
            + "inputs as they are "
            + "(default: on for the 2-D sets blobs, spirals, circles, xor; off otherwise)")
    Boolean biasInput;

    @Option(names = "--model", paramLabel = "two-layer|mlp", order = 8,
            description = "network family (default: ${DEFAULT-VALUE})")
    RunConfig.ModelKind model;

    @Option(names = "--width", paramLabel = "M", order = 9, description = "hidden width (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--depth", paramLabel = "L", order = 10,
            description = "MLP hidden layers (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--kappa", paramLabel = "K", order = 11,
            description = "two-layer initialization scale (default: ${DEFAULT-VALUE})")
    double kappa;

    @Option(names = "--activation", paramLabel = "relu|tanh|sigmoid|identity", order = 12,
            description = "MLP activation (default: ${DEFAULT-VALUE})")
    MlpSpec.Activation activation;

    @Option(names = "--optimizer", paramLabel = "sgd|momentum|adam", order = 13,
            description = "MLP update rule (default: ${DEFAULT-VALUE})")
    MlpSpec.Optimizer optimizer;

    @Option(names = "--loss", paramLabel = "squared|cross-entropy", order = 14,
            description = "MLP loss (default: ${DEFAULT-VALUE})")
    MlpSpec.Loss loss;

    @Option(names = "--batch", paramLabel = "B", order = 15,
            description = "MLP minibatch size, 0 = full batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", paramLabel = "ETA|auto", order = 16,
            description = "learning rate; auto = 1/(c*lambda_max) (default: ${DEFAULT-VALUE})")
    String lr;

    @Option(names = "--steps", paramLabel = "S", order = 17,
            description = "step budget, 0 = none (then --target-loss is needed; default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--target-loss", paramLabel = "L", order = 18,
            description = "stop when the training loss reaches L, 0 = no target (default: ${DEFAULT-VALUE})")
    double targetLoss;

    @Option(names = "--analyze-every", paramLabel = "E", order = 19,
            description = "an analysis frame every E steps, 0 = only at the start (default: ${DEFAULT-VALUE})")
    int analyzeEvery;

    @Option(names = "--analyze-n", paramLabel = "N", order = 20, description = "analyse the first N training examples (default: ${DEFAULT-VALUE}); more than --n "
            + "analyses all of them, and says so")
    int analyzeN;

    @Option(names = "--cutoff", paramLabel = "F", order = 21,
            description = "information space: sigma >= F*sigma_1, F in (0, 1] (default: ${DEFAULT-VALUE})")
    double cutoff;

    @Option(names = "--precision", paramLabel = "float32|float64", order = 22,
            description = "training arithmetic; kernels and theory are always double (default: ${DEFAULT-VALUE})")
    Precision precision;

    @Option(names = "--no-theory", order = 23, description = "skip the H-infinity theory")
    boolean noTheory;

    @Option(names = "--block-kernel", order = 26, description = "with several outputs (one-hot labels), analyse "
            + "the block-averaged kernel (1/K)Σ_k Θ^(k,k), n × n, instead of the full nK × nK kernel (cheaper; η and "
            + "the linearized twin still come from the full kernel where it fits)")
    boolean blockKernel;

    @Option(names = "--raw-label-energy", order = 27, description = "with one-hot labels, show the energy of the "
            + "labels as they are instead of the centered labels Y − 1ȳᵀ (whose energy is that beyond the K constant "
            + "modes; training uses the labels as they are either way)")
    boolean rawLabels;

    @Option(names = "--eigenpairs", paramLabel = "K", order = 25, description = "past n = 2,000 analysed "
            + "examples a frame computes the top K eigenpairs by Lanczos and the label energy left outside them as "
            + "one 'rest' value (default: ${DEFAULT-VALUE})")
    int eigenpairs;

    @Option(names = "--seed", paramLabel = "S", order = 24,
            description = "data, initialization and minibatch seed (default: ${DEFAULT-VALUE})")
    long seed;

    /**
     * The run these options describe. Every range is checked here, before any data is loaded, and reported as a
     * usage error naming the option.
     */
    public RunConfig config() {
        require(n >= 1, "--n must be at least 1, found " + n);
        require(test >= 0, "--test must be at least 0, found " + test);
        require(noise >= 0 && noise <= 1, "--noise must be in [0, 1], found " + noise);
        require(classes == null || classes.length >= 2, "--classes needs at least two classes");
        require(width >= 1, "--width must be at least 1, found " + width);
        require(depth >= 1, "--depth must be at least 1, found " + depth);
        require(kappa > 0, "--kappa must be positive, found " + kappa);
        require(batch >= 0, "--batch must not be negative, found " + batch);
        require(steps >= 0, "--steps must not be negative, found " + steps);
        require(targetLoss >= 0, "--target-loss must not be negative, found " + targetLoss);
        require(steps > 0 || targetLoss > 0,
                "--steps " + steps + " without --target-loss would never stop: give a step budget or a target loss");
        require(analyzeEvery >= 0, "--analyze-every must not be negative, found " + analyzeEvery);
        require(analyzeN >= 2 && analyzeN <= RunConfig.MAX_ANALYZE_N, String.format(java.util.Locale.ROOT,
                "--analyze-n must be in 2 … %,d, found %,d", RunConfig.MAX_ANALYZE_N, analyzeN));
        require(eigenpairs >= 1 && eigenpairs <= RunConfig.MAX_ANALYZE_N,
                "--eigenpairs must be in 1 … " + RunConfig.MAX_ANALYZE_N + ", found " + eigenpairs);
        require(cutoff > 0 && cutoff <= 1, "--cutoff must be in (0, 1], found " + cutoff);
        double eta = learningRate();
        try {
            boolean bias = biasInput != null ? biasInput : DatasetSpec.defaultBiasInput(dataset);
            DatasetSpec data = new DatasetSpec(dataset, classes, n, test, noise, center, !noUnitNorm, bias, seed);
            return new RunConfig(data, model, width, depth, kappa, eta, activation, optimizer, loss, batch, steps,
                    targetLoss, analyzeEvery, analyzeN, cutoff, !noTheory, seed, precision, 0.0, eigenpairs,
                    blockKernel, !rawLabels);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * The one line to print when {@code --analyze-n} asks for more examples than the run has (the analysis then
     * uses all n), or null. Silent when the user left {@code --analyze-n} at its default.
     */
    public String analyzeNNote() {
        boolean given = spec.commandLine().getParseResult().hasMatchedOption("--analyze-n");
        return given && analyzeN > n ? "note: --analyze-n " + analyzeN + " is more than --n " + n
                + "; the analysis uses all " + n + " training examples" : null;
    }

    private double learningRate() {
        if (Converters.AUTO.equalsIgnoreCase(lr.strip())) {
            return 0.0;
        }
        double eta;
        try {
            eta = Converters.number(lr);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--lr must be a positive number or auto, found '"
                    + lr + "'");
        }
        require(eta > 0, "--lr must be a positive number or auto, found " + lr);
        return eta;
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
