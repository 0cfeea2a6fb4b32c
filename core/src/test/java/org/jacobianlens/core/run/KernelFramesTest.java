package org.jacobianlens.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.model.TwoLayerNetwork;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.junit.jupiter.api.Test;

/**
 * The three ways a frame forms the kernel give the same frame: the native Gram (past the dense limit in runs)
 * against the heap Gram, eigenvalues, label energies, both alignments and the drift against the kept Θ₀; the
 * matrix-free product the same spectrum (its alignments and drift are not computed).
 */
class KernelFramesTest {

    @Test
    void nativeHeapAndMatrixFreeFramesAgree() throws DatasetException {
        RunConfig c = RunConfig.defaults()
                .withData(new DatasetSpec("digits", new int[] {3, 5}, 120, 0, 0.3, false, true, false, 3))
                .withModel(RunConfig.ModelKind.TWO_LAYER, 96, 1).withAnalysis(0, 120, 0.1);
        PreparedData data = DataFactory.prepare(c.data());
        double[][] x = data.trainX();
        double[][] yNoisy = Targets.encode(data.trainLabels(), data.numClasses());
        double[][] yClean = Targets.encode(data.cleanTrainLabels(), data.numClasses());
        try (TwoLayerNetwork net = new TwoLayerNetwork(data.dim(), 96, 1, 1.0, 0.5, 7);
             KernelFrames heap = new KernelFrames(c, MemoryEstimate.FramePath.HEAP_GRAM, false, x, yNoisy, yClean);
             KernelFrames nat = new KernelFrames(c, MemoryEstimate.FramePath.NATIVE_GRAM, false, x, yNoisy, yClean);
             KernelFrames free = new KernelFrames(c, MemoryEstimate.FramePath.MATRIX_FREE, false, x, yNoisy, yClean)) {
            net.setTrainingData(x, yNoisy);
            for (int step = 0; step <= 30; step += 30) {
                double[][] out = net.trainOutputs();
                AnalysisFrame h = heap.take(step, net, out);
                AnalysisFrame n = nat.take(step, net, out);
                AnalysisFrame f = free.take(step, net, out);
                double scale = h.eigenvalues()[0];
                for (int i = 0; i < 20; i++) {
                    assertEquals(h.eigenvalues()[i], n.eigenvalues()[i], 1e-10 * scale, "λ_" + i + " native");
                    assertEquals(h.eigenvalues()[i], f.eigenvalues()[i], 1e-8 * scale, "λ_" + i + " matrix-free");
                }
                assertEquals(h.cumNoisy()[19], n.cumNoisy()[19], 1e-10);
                assertEquals(h.alignment(), n.alignment(), 1e-12);
                assertEquals(h.centeredAlignment(), n.centeredAlignment(), 1e-12);
                assertEquals(h.kernelDrift(), n.kernelDrift(), 1e-12, "drift at step " + step);
                assertTrue(Double.isNaN(f.alignment()) && Double.isNaN(f.kernelDrift()));
                for (int s = 0; s < 30; s++) {
                    net.trainStep(null);
                }
            }
            AnalysisFrame last = heap.take(60, net, net.trainOutputs());
            assertTrue(last.kernelDrift() > 0, "the kernel moved: " + last.kernelDrift());
            assertTrue(Arrays.stream(last.eigenvalues()).allMatch(v -> v > -1e-12));
        }
    }
}
