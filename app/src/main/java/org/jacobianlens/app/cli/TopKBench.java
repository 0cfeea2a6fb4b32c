package org.jacobianlens.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.EigenSolver;
import org.jacobianlens.core.ntk.SpectralAnalyzer;
import org.jacobianlens.core.ntk.TwoLayerKernel;

/**
 * The {@code bench} rows {@code topk_100_of_N}: top 100 eigenpairs of H∞ of real images and the one-hot label
 * energies on them (ours: {@link EigenSolver#topK}, ARPACK at tol 1e-10), against scipy's {@code eigsh} with the same
 * k and tolerance (and, for N = 5000, against numpy's {@code eigh} of all pairs). H∞ itself is built once, outside
 * the timing, on both sides. And {@code analysis_frame_10000}: a whole analysis frame of the two-layer net at
 * n = 10,000, m = 1024 as a run takes it past the dense limit — the finite-width Gram built in native memory, its
 * top 100 eigenpairs, the energies of three label matrices with their rests, and both alignments (ours:
 * {@link SpectralAnalyzer}) — against numpy forming the same Gram and scipy's {@code eigsh} plus the same
 * projections and alignments.
 *
 * <p>The images: the bundled 5,000 Fashion-MNIST training images for N = 5000; the first 10,000 of Debian's full
 * set ({@code apt-get install dataset-fashion-mnist}) for N = 10000, whose row is skipped with a note otherwise.
 * The exact inputs and labels are written to {@code <tmpdir>/jacobian-lens-bench/} so the numpy script computes on
 * the same numbers, not only the same sizes.
 */
final class TopKBench {
    static final int K = 100;

    private TopKBench() {
    }

    /** Adds the rows that have data to {@code cases}; a missing data set is one line on {@code err}. */
    static void add(Map<String, Callable<?>> cases, PrintStream err) {
        for (int n : new int[] {5000, 10_000}) {
            String ds = n <= 5000 ? "fashion-mnist" : DataFactory.isFullFashionMnistInstalled() ? "fashion-mnist-full"
                    : null;
            if (ds == null) {
                err.println("bench: topk_100_of_" + n + " skipped: it needs the full Fashion-MNIST "
                        + "(apt-get install dataset-fashion-mnist)");
                continue;
            }
            try {
                PreparedData data = DataFactory.prepare(new DatasetSpec(ds, null, n, 0, 0.0, false, true, false, 1L));
                double[][] y = data.targets(data.trainLabels());
                write(n, "x", data.trainX());
                write(n, "y", y);
                // Kept for the life of the bench process (800 MB native at n = 10⁴).
                DenseOperator h = TwoLayerKernel.hInfinityOperator(data.trainX());
                Callable<?> topk = () -> EigenSolver.topK(h, K, y);
                cases.put("topk_100_of_" + n, topk);
                if (n <= 5000) {
                    cases.put("topk_100_of_" + n + "_vs_eigh", topk);
                } else {
                    double[][] w = BenchCommand.gaussian(1024, data.dim(), new Random(12));
                    write(n, "w", w);
                    cases.put("analysis_frame_" + n, () -> {
                        try (DenseOperator g = TwoLayerKernel.finiteWidthOperator(data.trainX(), w)) {
                            return SpectralAnalyzer.analyze(0, g, y, y, y, y, null, 0.1, EigenSolver.Mode.TOP_K, K);
                        }
                    });
                }
            } catch (DatasetException | IOException e) {
                err.println("bench: topk_100_of_" + n + " skipped: " + e.getMessage());
            }
        }
    }

    /** Row-major float64 little-endian, as numpy's fromfile reads it. */
    private static void write(int n, String what, double[][] a) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "jacobian-lens-bench");
        Files.createDirectories(dir);
        int d = a[0].length;
        ByteBuffer b = ByteBuffer.allocate(8 * a.length * d).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : a) {
            for (double v : row) {
                b.putDouble(v);
            }
        }
        Files.write(dir.resolve("topk_" + n + "_" + what + ".f64"), b.array());
    }
}
