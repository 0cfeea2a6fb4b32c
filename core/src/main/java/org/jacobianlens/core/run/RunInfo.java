package org.jacobianlens.core.run;

/**
 * Facts about a run fixed at its start.
 *
 * @param dataset         dataset display name
 * @param preprocessing   description of the preprocessing
 * @param nTrain          training examples
 * @param nTest           test examples
 * @param nAnalysis       training examples used for the spectral analysis (the first n_a)
 * @param numClasses      K
 * @param corrupted       training positions that received a random label
 * @param changed         of those, how many differ from the true label
 * @param parameters      number of trained parameters
 * @param model           model description (e.g. "two-layer ReLU, m = 1024, κ = 1")
 * @param lossScale       c of the loss (NaN when not squared)
 * @param learningRate    η
 * @param kernel          what the analysis frames analyse, in words (with K outputs: the full nK × nK kernel, or the
 *                        block average and why)
 * @param learningRateSource how η was chosen ("given", or the automatic rule with the kernel and λ_max it used)
 */
public record RunInfo(String dataset, String preprocessing, int nTrain, int nTest, int nAnalysis, int numClasses,
                      int corrupted, int changed, long parameters, String model, double lossScale,
                      double learningRate, String kernel, String learningRateSource) {
}
