package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.jacobianlens.core.Gaussian;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.model.MlpNetwork;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.TwoLayerNetwork;
import org.jacobianlens.core.theory.LayerStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The truncated network behind Pinto et al.'s term is evaluated as the network it truncates. */
class WeightTrackerTest {
    /**
     * With the untruncated layers the forward pass is the network itself: biases, activation and the linear output
     * layer as DL4J applies them (more than one block of rows, so the blocks are stitched in order).
     */
    @ParameterizedTest
    @EnumSource(value = MlpSpec.Activation.class, names = {"RELU", "TANH", "SIGMOID"})
    void forwardWithTheNetworksOwnLayersReproducesTheMlp(MlpSpec.Activation act) {
        double[][] x = Gaussian.matrix(600, 5, 3);
        double[][] y = Gaussian.matrix(600, 3, 4);
        try (MlpNetwork net = new MlpNetwork(new MlpSpec(5, 3, 7, 2, act, MlpSpec.Optimizer.SGD,
                MlpSpec.Loss.SQUARED, 0.5, 0, 17))) {
            net.setTrainingData(x, y);
            for (int s = 0; s < 20; s++) {
                net.trainStep(null);
            }
            double[][] b = net.biases();
            assertTrue(Arrays.stream(b).flatMapToDouble(Arrays::stream)
                    .anyMatch(v -> Math.abs(v) > 1e-3), "trained biases, so leaving them out would show");
            double[][] expected = net.predict(x);
            double[][] got = WeightTracker.forward(net.weightMatrices(), b, act, x);
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(expected[i][k], got[i][k], 1e-9, "row " + i + ", output " + k);
                }
            }
        }
    }

    @Test
    void forwardOfTheTwoLayerNetIsReluThenTheScaledSigns() {
        double[][] x = Gaussian.matrix(30, 4, 5);
        try (TwoLayerNetwork net = new TwoLayerNetwork(4, 50, 2, 1.0, 0.1, 9)) {
            double[][] a = net.outputSigns();
            for (double[] row : a) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= Math.sqrt(50);
                }
            }
            double[][] expected = net.predict(x);
            double[][] got = WeightTracker.forward(new double[][][] {net.weightMatrices()[0], a}, null,
                    MlpSpec.Activation.RELU, x);
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < 2; k++) {
                    assertEquals(expected[i][k], got[i][k], 1e-12);
                }
            }
        }
    }

    /**
     * RE12 in small (digits, 10 classes, 64-128-128-10 MLP): the energy rank of the trained input layer (128 × 64) is
     * below its full rank while the numerical rank at τ = 1e-3 is not, and the network truncated to the energy
     * ranks, which drops at most 1 % of every layer's ‖W‖_F², still classifies almost like the network.
     */
    @Test
    void anMlpRunRecordsItsTruncatedNetwork() throws DatasetException {
        RunConfig c = RunConfig.defaults()
                .withData(new DatasetSpec("digits", null, 200, 100, 0.0, false, true, false, 2))
                .withModel(RunConfig.ModelKind.MLP, 128, 2).withStop(300, 0).withAnalysis(100, 200, 0.1)
                .withPrecision(org.jacobianlens.core.model.Precision.FLOAT64);
        try (TrainingRun run = new TrainingRun(c, 1)) {
            Snapshot s = run.advance(300);
            WeightFrame last = s.weights().get(s.weights().size() - 1);
            assertEquals(300, last.step());
            LayerStats input = last.layers()[0];
            assertEquals(64, input.numericalRank(), "untruncated rank is full");
            assertTrue(input.energyRank() < 64, "energy rank " + input.energyRank());
            Curves cv = s.curves();
            double trainAcc = cv.trainAcc()[cv.last()];
            double testAcc = cv.testAcc()[cv.last()];
            assertTrue(trainAcc > 0.9, "the network has learned: " + trainAcc);
            assertEquals(trainAcc, last.truncatedTrainAcc(), 0.05);
            assertEquals(testAcc, last.truncatedTestAcc(), 0.05);
            assertTrue(Double.isFinite(last.bounds().pintoMarginLoss()));
        }
    }
}
