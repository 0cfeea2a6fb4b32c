package org.jacobianlens.core.model;

/**
 * A multi-layer perceptron trained with Deeplearning4j.
 *
 * @param inputDim     d
 * @param outputs      1 (scalar ±1 target) or K (one-hot)
 * @param width        units per hidden layer
 * @param depth        number of hidden layers (≥ 1)
 * @param activation   hidden activation
 * @param optimizer    update rule
 * @param loss         training loss
 * @param learningRate η
 * @param batchSize    minibatch size (0 = full batch)
 * @param seed         initialization seed
 * @param precision    arithmetic of training (the NTK Gram is always double)
 */
public record MlpSpec(int inputDim, int outputs, int width, int depth, Activation activation, Optimizer optimizer,
                      Loss loss, double learningRate, int batchSize, long seed, Precision precision) {

    public enum Activation { RELU, TANH, SIGMOID, IDENTITY }

    public enum Optimizer { SGD, MOMENTUM, ADAM }

    public enum Loss { SQUARED, CROSS_ENTROPY }

    public MlpSpec {
        if (inputDim < 1 || outputs < 1) {
            throw new IllegalArgumentException("input and output sizes must be positive");
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, found " + width);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1 hidden layer, found " + depth);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, found " + learningRate);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be 0 (full batch) or positive, found " + batchSize);
        }
        if (loss == Loss.CROSS_ENTROPY && outputs == 1) {
            throw new IllegalArgumentException("cross-entropy needs one-hot outputs (3 or more classes); use squared loss");
        }
        if (precision == null) {
            throw new IllegalArgumentException("precision must be given");
        }
    }

    /** A double-precision MLP (what the kernel tests want). */
    public MlpSpec(int inputDim, int outputs, int width, int depth, Activation activation, Optimizer optimizer,
                   Loss loss, double learningRate, int batchSize, long seed) {
        this(inputDim, outputs, width, depth, activation, optimizer, loss, learningRate, batchSize, seed,
                Precision.FLOAT64);
    }
}
