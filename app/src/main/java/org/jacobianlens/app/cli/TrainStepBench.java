package org.jacobianlens.app.cli;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.jacobianlens.core.model.MlpNetwork;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.model.TwoLayerNetwork;

/**
 * The {@code bench} rows {@code train_step_twolayer_300} (n = 300, m = 1024, d = 784) and {@code train_step_mlp_1000}
 * (784-512-512-10, n = 1000): one full-batch gradient step in float32, as the live window trains. The reference
 * side ({@code numpy_reference.py}) runs the same step in torch float32 (autograd and {@code torch.optim.SGD}, what a
 * user would write) when torch is importable, else in numpy float32, with the same thread count. Both sizes have
 * n < 2d, so our side takes the first layer's step in its dual form (DualStep: the same update with fewer flops);
 * the reference runs the textbook step.
 */
final class TrainStepBench {
    /**
     * BLAS threads of a training step, here as in the app: training runs outside {@code Blas.threaded} sections, on
     * the one OpenBLAS thread the process starts with (OMP_NUM_THREADS=1, see NativeSettings); torch gets the same.
     */
    static final int THREADS = 1;

    private TrainStepBench() {
    }

    static void add(Map<String, Callable<?>> cases) {
        Random rng = new Random(11);
        double[][] x300 = BenchCommand.unitRows(BenchCommand.gaussian(300, 784, rng));
        double[][] y300 = signs(300, 1, rng);
        // A small η keeps the timed steps finite over many repetitions; the time does not depend on it.
        TwoLayerNetwork twoLayer = new TwoLayerNetwork(784, 1024, 1, 1.0, 1e-3, 5, Precision.FLOAT32);
        twoLayer.setTrainingData(x300, y300);
        cases.put("train_step_twolayer_300", () -> twoLayer.trainStep(null));

        double[][] x1000 = BenchCommand.unitRows(BenchCommand.gaussian(1000, 784, rng));
        double[][] y1000 = signs(1000, 10, rng);
        MlpNetwork mlp = new MlpNetwork(new MlpSpec(784, 10, 512, 2, MlpSpec.Activation.RELU, MlpSpec.Optimizer.SGD,
                MlpSpec.Loss.SQUARED, 1e-3, 0, 5, Precision.FLOAT32));
        mlp.setTrainingData(x1000, y1000);
        cases.put("train_step_mlp_1000", () -> mlp.trainStep(null));
    }

    private static double[][] signs(int n, int k, Random rng) {
        double[][] y = new double[n][k];
        for (double[] row : y) {
            for (int j = 0; j < k; j++) {
                row[j] = rng.nextBoolean() ? 1 : -1;
            }
        }
        return y;
    }
}
