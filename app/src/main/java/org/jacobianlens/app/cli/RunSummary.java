package org.jacobianlens.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jacobianlens.app.build.Versions;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunInfo;
import org.jacobianlens.core.run.RunState;

/**
 * run.json: every parameter (the configuration as the app's sessions keep it), the prepared data, how the run
 * ended, the theory's headline numbers and the versions that produced them. Top-level and summary fields are
 * snake_case; {@code config} and {@code run} are the core's records as they are.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunSummary(String format, int version, RunConfig config, Data data, RunInfo run, RunState finalState,
                  String message, int steps, double seconds, TheoryFacts theory, BoundFacts bounds,
                  Versions versions) {
    static final String FORMAT = "jacobian-lens-run";

    RunSummary {
        if (config == null || data == null || run == null || finalState == null || versions == null) {
            throw new IllegalArgumentException("run.json needs the configuration, data, run facts, state and versions");
        }
    }

    /**
     * The data as prepared: sizes, classes, preprocessing and how many labels the noise changed; {@code labels}
     * says what the label columns of train.csv hold, {@code targets} how a label becomes the training target.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Data(String name, String[] classes, int[] sourceClasses, int nTrain, int nTest, int dim,
                String preprocessing, int corruptedPositions, int labelsChanged, String labels, String targets) {
    }

    /**
     * The bound proxies of the last weight frame (weights.csv has every frame) with what they leave out and how
     * Pinto et al.'s rank is counted.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BoundFacts(int step, String biases, double gammaQuantile, String pintoRank, double energyFraction,
                      double numericalRankTau, int[] numericalRanks, int[] energyRanks, double gamma,
                      double log10Bartlett, double log10Neyshabur, double log10Golowich, double log10PintoTruncated,
                      double truncatedGamma, double truncatedTrainAcc, double truncatedTestAcc) {
    }

    /** The H∞ theory's summary numbers (SCIENCE.md): Arora's complexity for the noisy and the clean labels. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TheoryFacts(double complexityNoisyLabels, double complexityCleanLabels, String complexityFormula,
                       double ridge, boolean vacuous, double hinfMinEigenvalue,
                       boolean predictedCurveIncludesInitialOutput) {
    }
}
