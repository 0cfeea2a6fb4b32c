package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.linalg.SymmetricEigen;
import org.jacobianlens.core.model.MlpNetwork;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Network;
import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.model.TwoLayerNetwork;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.theory.LinearizedTwin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With K outputs a run works on the full nK × nK kernel (SCIENCE.md §2.5), whose eigenvalues are the squared
 * singular values of the nK-row Jacobian ({@code FullKernelTest}): the automatic η is exactly 1/(c·λ_max) of it,
 * which the block average's λ_max would overstate, and the frames carry its spectrum. The kernel is recomputed here
 * from an identically seeded network, independently of the run's code path.
 */
class FullKernelRunTest {

    @ParameterizedTest
    @EnumSource(RunConfig.ModelKind.class)
    void etaAndFramesComeFromTheFullKernel(RunConfig.ModelKind kind) throws DatasetException {
        RunConfig c = RunConfig.defaults()
                .withData(new DatasetSpec("digits", new int[] {0, 1, 2}, 40, 10, 0.0, false, true, false, 3))
                .withModel(kind, 32, 1).withStop(5, 0).withAnalysis(0, 40, 0.1).withPrecision(Precision.FLOAT64);
        PreparedData data = DataFactory.prepare(c.data());
        assertEquals(3, data.outputs());
        Network independent = kind == RunConfig.ModelKind.TWO_LAYER
                ? new TwoLayerNetwork(data.dim(), 32, 3, c.kappa(), 1.0, c.seed(), Precision.FLOAT64)
                : new MlpNetwork(new MlpSpec(data.dim(), 3, 32, 1, c.activation(), c.optimizer(), c.loss(), 1.0, 0,
                        c.seed(), Precision.FLOAT64));
        try (independent; TrainingRun run = new TrainingRun(c, data, 1)) {
            independent.setTrainingData(data.trainX(), Targets.encode(data.trainLabels(), 3));
            double[] full = SymmetricEigen.eigenvalues(independent.fullNtkGram(data.trainX()));
            double block = SymmetricEigen.eigenvalues(independent.ntkGram(data.trainX()))[0];
            Snapshot s = run.snapshot();
            double etaC = s.info().learningRate() * s.info().lossScale();
            assertEquals(1.0, etaC * full[0], 1e-9, "η·c·λ_max of the full kernel");
            assertTrue(full[0] > 1.05 * block, "the full kernel's λ_max " + full[0] + " exceeds the block "
                    + "average's " + block + ", so η from the block average would be too large");
            assertTrue(s.info().learningRateSource().contains("full nK × nK"), s.info().learningRateSource());
            assertTrue(s.info().kernel().startsWith("full multi-output NTK"), s.info().kernel());
            AnalysisFrame f = s.frames().get(0);
            assertEquals(40, f.n(), "examples analysed");
            assertEquals(120, f.eigenvalues().length, "nK eigenvalues");
            for (int i = 0; i < 120; i++) {
                assertEquals(full[i], f.eigenvalues()[i], 1e-9 * full[0], "λ_" + i);
            }
            double energy = 0;
            for (double e : f.projNoisy()) {
                energy += e;
            }
            double[][] y = Targets.encode(data.trainLabels(), 3);
            assertEquals(Targets.energyBeyondConstantModes(y), energy, 1e-9, "vec(Y − 𝟙ȳᵀ): the energy beyond the "
                    + "K constant modes, all of it on the nK eigenvectors");
            assertTrue(s.info().kernel().contains("centered labels"), s.info().kernel());
        }
        try (TrainingRun raw = new TrainingRun(c.withCenterLabels(false), data, 1)) {
            double energy = 0;
            for (double e : raw.snapshot().frames().get(0).projNoisy()) {
                energy += e;
            }
            assertEquals(40, energy, 1e-9, "vec(Y) of one-hot labels as they are: ‖·‖² = n");
        }
    }

    /**
     * The linearized twin on the full kernel is the network's first-order dynamics: after one tiny step
     * (η·c·λ_max = 10⁻³) its output change matches the network's to a hundredth, while a twin on the block-averaged
     * kernel (each output on its own) misses the cross-output coupling by several times more. The run itself keeps
     * a twin for K = 3 outputs.
     */
    @ParameterizedTest
    @EnumSource(RunConfig.ModelKind.class)
    void theTwinOnTheFullKernelFollowsTheNetworkForATinyStep(RunConfig.ModelKind kind) throws DatasetException {
        DatasetSpec spec = new DatasetSpec("digits", new int[] {0, 1, 2}, 40, 10, 0.0, false, true, false, 3);
        PreparedData data = DataFactory.prepare(spec);
        double[][] x = data.trainX();
        double[][] y = Targets.encode(data.trainLabels(), 3);
        try (Network net = kind == RunConfig.ModelKind.TWO_LAYER
                ? new TwoLayerNetwork(data.dim(), 64, 3, 1.0, 1.0, 5, Precision.FLOAT64)
                : new MlpNetwork(new MlpSpec(data.dim(), 3, 64, 1, MlpSpec.Activation.RELU, MlpSpec.Optimizer.SGD,
                        MlpSpec.Loss.SQUARED, 1.0, 0, 5, Precision.FLOAT64))) {
            net.setTrainingData(x, y);
            double[][] full = net.fullNtkGram(x);
            double c = net.lossScale();
            double eta = 1e-3 / (c * SymmetricEigen.eigenvalues(full)[0]);
            net.setLearningRate(eta);
            double[][] f0 = net.trainOutputs();
            LinearizedTwin exact = LinearizedTwin.full(full, new double[0][], f0, new double[0][3], y, eta, c);
            LinearizedTwin block = new LinearizedTwin(net.ntkGram(x), new double[0][], f0, new double[0][3], y, eta,
                    c);
            net.trainStep(null);
            double[][] f1 = net.trainOutputs();
            double moved = distance(f1, f0);
            double errFull = distance(f1, exact.trainOutputs(1)) / moved;
            double errBlock = distance(f1, block.trainOutputs(1)) / moved;
            assertTrue(errFull < 1e-2, "full-kernel twin off by " + errFull);
            assertTrue(errBlock > 5 * errFull, "block twin " + errBlock + " vs full " + errFull);
        }
        RunConfig c = RunConfig.defaults().withData(spec).withModel(kind, 64, 1).withStop(3, 0)
                .withAnalysis(0, 40, 0.1).withPrecision(Precision.FLOAT64);
        try (TrainingRun run = new TrainingRun(c, data, 1)) {
            assertTrue(run.advance(3).linear() != null, "a twin for K = 3 outputs");
        }
    }

    private static double distance(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += (a[i][j] - b[i][j]) * (a[i][j] - b[i][j]);
            }
        }
        return Math.sqrt(s);
    }
}
