package org.jacobianlens.core.linalg;

import java.util.Locale;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.ntk.TwoLayerKernel;

/**
 * Not a test: a one-off measurement of the dense/top-k crossover on H∞ of the bundled Fashion-MNIST images
 * (run by hand on a quiet machine; its result is quoted in {@link EigenSolver}). Arguments: sizes, e.g.
 * {@code 1000 2000 3000}.
 */
public final class CrossoverMeasurement {
    private CrossoverMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            int n = Integer.parseInt(a);
            PreparedData data = DataFactory.prepare(new DatasetSpec("fashion-mnist", null, n, 0, 0.0, false, true, false, 1L));
            double[][] y = data.targets(data.trainLabels());
            try (DenseOperator op = TwoLayerKernel.hInfinityOperator(data.trainX())) {
                double[][] h = op.toArray();
                EigenSolver.dense(h, y, y, y);
                double dense = Double.MAX_VALUE;
                double top = Double.MAX_VALUE;
                LabelSpectrum d = null;
                LabelSpectrum t = null;
                for (int rep = 0; rep < 2; rep++) {
                    long t0 = System.nanoTime();
                    d = EigenSolver.dense(h, y, y, y);
                    dense = Math.min(dense, (System.nanoTime() - t0) / 1e9);
                    t0 = System.nanoTime();
                    t = EigenSolver.topK(op, 100, y, y, y);
                    top = Math.min(top, (System.nanoTime() - t0) / 1e9);
                }
                double worst = 0;
                for (int i = 0; i < 100; i++) {
                    worst = Math.max(worst, Math.abs(d.values()[i] - t.values()[i]) / d.values()[i]);
                }
                System.out.printf(Locale.ROOT, "n = %d: dense %.3f s, top-100 %.3f s, max rel eigenvalue diff %.2g, "
                        + "share(100) %.12f vs %.12f%n", n, dense, top, worst, d.share(0, 100), t.share(0, 100));
            }
        }
    }
}
