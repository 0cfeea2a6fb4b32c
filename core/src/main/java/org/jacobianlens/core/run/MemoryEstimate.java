package org.jacobianlens.core.run;

import java.util.List;
import java.util.Locale;

import org.bytedeco.javacpp.Pointer;
import org.jacobianlens.core.linalg.EigenSolver;
import org.jacobianlens.core.model.MlpNetwork;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.TwoLayerNetwork;
import org.jacobianlens.core.ntk.AnalysisMemory;
import org.jacobianlens.core.ntk.TwoLayerOperator;
import org.jacobianlens.core.model.Precision;

/**
 * What a run will hold at its peak, split into Java heap and native (javacpp) memory, so that a run too big for
 * this JVM is refused in one line before any work instead of ending in an {@code OutOfMemoryError} a minute later.
 *
 * <p>The sums follow the code, array by array (sizes in bytes; p = 4 or 8 for the training precision):
 * <ul>
 *   <li>training arrays (native): X, Y, W and, for the two-layer net, Z = X Wᵀ and H (n × m each) plus the step's
 *       mask, and for the dual step of its (first) layer W₀, C (n × m), X Xᵀ and the test set's products; for the MLP the parameters, their gradient and updater state and three n × width activations per
 *       layer;</li>
 *   <li>one analysis frame (double): the Gram on n_a examples, the initial one kept for the drift (up to
 *       n_a = {@value TrainingRun#KEEP_GRAM0_MAX}) and the two-layer net's X Xᵀ (heap), and the native scratch of
 *       the products and of the eigensolver (X, W, X Wᵀ, the Gram's native copy and LAPACK's eigenvectors, or past
 *       the dense limit ARPACK's Krylov basis of 2k + 1 vectors and the k eigenvectors); for the two-layer net a
 *       Gram that does not fit is never formed and the matrix-free product's buffers are counted instead;</li>
 *   <li>the automatic η's λ_max on all n training examples (one formed kernel, or matrix-free as above);</li>
 *   <li>the linearized twin (two-layer net or full-batch SGD on the squared loss): Θ₀ on train + test, its
 *       eigenvectors twice and the cross kernel (heap), the eigensolver's work (native);</li>
 *   <li>the weight statistics after a frame (heap): the current weights and their truncation to the energy rank,
 *       whose forward pass (Pinto et al.'s truncated network) runs a block of rows at a time;</li>
 *   <li>the H∞ theory (heap n_a², native 2 n_a²), 300 kept frames of 6 n_a doubles, and the weights at
 *       initialization.</li>
 * </ul>
 * It is an estimate of the peak, not a promise: the JVM itself, JavaFX and ND4J's own buffers come on top (a few
 * hundred MB), which is why only {@value #USABLE} of each limit is counted as available.
 */
public final class MemoryEstimate {
    /** Share of a limit a run may plan to use; the rest is for the JVM, the window and ND4J itself. */
    static final double USABLE = 0.75;

    private final long heap;
    private final long nativeTraining;
    private final long nativeScratch;

    private MemoryEstimate(long heap, long nativeTraining, long nativeScratch) {
        this.heap = heap;
        this.nativeTraining = nativeTraining;
        this.nativeScratch = nativeScratch;
    }

    public long heapBytes() {
        return heap;
    }

    /** Native bytes of the run: its training arrays plus the analysis scratch (per thread, shared by lanes on it). */
    public long nativeBytes() {
        return nativeTraining + nativeScratch;
    }

    /**
     * The estimate for one run of {@code config} on data of these sizes.
     *
     * @param outputs network outputs (1 for two classes, else K)
     */
    public static MemoryEstimate of(RunConfig config, int nTrain, int nTest, int dim, int outputs) {
        return of(config, nTrain, nTest, dim, outputs, Runtime.getRuntime().maxMemory());
    }

    /** As above for a heap of {@code heapLimit} bytes (which decides whether frames go matrix-free). */
    static MemoryEstimate of(RunConfig config, int nTrain, int nTest, int dim, int outputs, long heapLimit) {
        long p = config.precision() == Precision.FLOAT32 ? 4 : 8;
        long n = nTrain;
        long d = dim;
        long m = config.width();
        long k = outputs;
        long na = Math.min(nTrain, config.analyzeN());
        long nativeTrain;
        long widthOfAnalysis;
        if (config.model() == RunConfig.ModelKind.TWO_LAYER) {
            nativeTrain = p * (n * d + 2 * n * k + m * d + k * m + 2 * n * m) + (1 + p) * n * m
                    + p * (nTest * d + 512 * m * 2) + TwoLayerNetwork.dualFormBytes(n, d, m, nTest, p);
            widthOfAnalysis = m;
        } else {
            long params = d * m + (config.depth() - 1) * m * m + m * k + config.depth() * m + k;
            long state = config.optimizer() == MlpSpec.Optimizer.ADAM ? 4 : 3;
            nativeTrain = p * (state * params + n * d + n * k + 3 * n * m * config.depth() + nTest * d);
            if (config.optimizer() == MlpSpec.Optimizer.SGD && config.batchSize() == 0) {
                nativeTrain += MlpNetwork.dualFormBytes(n, d, m, config.depth(), nTest, p);
            }
            widthOfAnalysis = m * config.depth();
        }
        long heapFrame = frameHeap(config, na, d, widthOfAnalysis, false);
        long nativeFrame = 8 * (na * d + widthOfAnalysis * d + na * widthOfAnalysis) + frameNative(config, na);
        if (matrixFree(config, nTrain, dim, heapLimit)) {
            heapFrame = TwoLayerOperator.bytes((int) na, dim, config.width(), 1) + 8 * d * widthOfAnalysis;
            nativeFrame = AnalysisMemory.eigenBytes((int) Math.max(na, EigenSolver.DENSE_LIMIT + 1),
                    config.topK());
        }
        // Automatic η on the squared loss: λ_max of the full-set kernel, formed (as for a frame on n examples).
        boolean kernelEta = config.learningRate() == 0 && !(config.model() == RunConfig.ModelKind.MLP
                && (config.optimizer() == MlpSpec.Optimizer.ADAM || config.loss() == MlpSpec.Loss.CROSS_ENTROPY));
        if (kernelEta && !etaMatrixFree(config, nTrain, dim, heapLimit)) {
            heapFrame = Math.max(heapFrame, frameHeap(config, n, d, widthOfAnalysis, true));
        }
        // The weight statistics follow the frame, so they add to the peak only where they exceed it.
        heapFrame = Math.max(heapFrame, 2 * 8 * d * widthOfAnalysis);
        long heapTwin = 0;
        long nativeTwin = 0;
        boolean twin = config.theory() && (config.model() == RunConfig.ModelKind.TWO_LAYER
                || (config.optimizer() == MlpSpec.Optimizer.SGD && config.loss() == MlpSpec.Loss.SQUARED
                && (config.batchSize() == 0 || config.batchSize() >= nTrain)));
        if (twin) {
            long u = n + nTest;
            heapTwin = 8 * (u * u + 2 * n * n + nTest * n);
            nativeTwin = 8 * (2 * n * n + n * d + widthOfAnalysis * d + u * widthOfAnalysis);
        }
        long heapTheory = config.theory() && config.model() == RunConfig.ModelKind.TWO_LAYER ? 2 * 8 * na * na : 0;
        long heapKept = 8 * (TrainingRun.MAX_FRAMES * 6 * na + widthOfAnalysis * d) + 8 * 2 * (n + nTest) * d;
        long heapPeak = heapKept + Math.max(heapFrame, heapTwin) + heapTheory;
        return new MemoryEstimate(heapPeak, nativeTrain, Math.max(nativeFrame, nativeTwin));
    }

    /**
     * Heap of one analysis frame on the formed Gram: the Gram, the one kept from step 0 for the drift (only up to
     * {@link TrainingRun#KEEP_GRAM0_MAX}), the two-layer net's cached X Xᵀ (same size) and the weights in double.
     */
    static long frameHeap(RunConfig c, long na, long d, long widthOfAnalysis, boolean once) {
        long grams = 1 + (!once && na <= TrainingRun.KEEP_GRAM0_MAX ? 1 : 0)
                + (c.model() == RunConfig.ModelKind.TWO_LAYER ? 1 : 0);
        return grams * 8 * na * na + 8 * d * widthOfAnalysis;
    }

    /**
     * Native scratch of one frame's eigensolve on the formed Gram: LAPACK's working copy and eigenvectors up to the
     * dense limit, else the Gram's native copy ({@code DenseOperator}) and ARPACK's work.
     */
    static long frameNative(RunConfig c, long na) {
        return (na > EigenSolver.DENSE_LIMIT ? AnalysisMemory.gramBytes(na) : 0)
                + AnalysisMemory.eigenBytes((int) na, c.topK());
    }

    /**
     * Whether frames use the two-layer net's matrix-free product (never forming the n_a × n_a Gram): when the
     * formed Gram's frame would take more than {@value #USABLE} of the heap. Slow (≈ 4·n·d·m flops a product), but
     * it fits in O(n·d + n·m/8) bytes.
     */
    public static boolean matrixFree(RunConfig c, int nTrain, int dim, long heapLimit) {
        long na = Math.min(nTrain, c.analyzeN());
        return c.model() == RunConfig.ModelKind.TWO_LAYER
                && frameHeap(c, na, dim, c.width(), false) > USABLE * heapLimit;
    }

    /** Whether the automatic η's λ_max on all n training examples must come from the matrix-free product. */
    public static boolean etaMatrixFree(RunConfig c, int nTrain, int dim, long heapLimit) {
        return c.model() == RunConfig.ModelKind.TWO_LAYER
                && frameHeap(c, nTrain, dim, c.width(), true) > USABLE * heapLimit;
    }

    /**
     * Why runs of these configurations (the lanes of one group, held at the same time) cannot run in this JVM, or
     * null when they fit.
     *
     * @param threads threads the lanes run on (lanes on one thread share its analysis scratch)
     */
    public static String refusal(List<RunConfig> lanes, int threads, int nTrain, int nTest, int dim, int outputs) {
        return refusal(lanes, threads, nTrain, nTest, dim, outputs, Runtime.getRuntime().maxMemory(),
                Pointer.maxBytes());
    }

    static String refusal(List<RunConfig> lanes, int threads, int nTrain, int nTest, int dim, int outputs,
                          long heapLimit, long nativeLimit) {
        long heap = 0;
        long nat = 0;
        long scratch = 0;
        for (RunConfig c : lanes) {
            MemoryEstimate e = of(c, nTrain, nTest, dim, outputs, heapLimit);
            heap += e.heap;
            nat += e.nativeTraining;
            scratch = Math.max(scratch, e.nativeScratch);
        }
        nat += scratch * Math.max(1, Math.min(threads, lanes.size()));
        boolean heapOk = heap <= USABLE * heapLimit;
        boolean nativeOk = nativeLimit <= 0 || nat <= USABLE * nativeLimit;
        if (heapOk && nativeOk) {
            return null;
        }
        RunConfig c = lanes.get(0);
        String what = String.format(Locale.ROOT, "n = %,d with width %,d and analysis on %,d examples%s", nTrain,
                c.width(), Math.min(nTrain, c.analyzeN()), lanes.size() > 1 ? " in " + lanes.size() + " lanes" : "");
        String need = !nativeOk
                ? String.format(Locale.ROOT, "≈ %s of native memory; this run may use %s", gb(nat), gb(nativeLimit))
                : String.format(Locale.ROOT, "≈ %s of Java heap; this run may use %s", gb(heap), gb(heapLimit));
        return what + " needs " + need + ": lower n, the width or the analysis size (--analyze-n), or raise the "
                + "limit (" + (!nativeOk ? "-Dorg.bytedeco.javacpp.maxbytes" : "-Xmx") + " in the root pom's "
                + "lens.jvm.args)";
    }

    private static String gb(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }
}
