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
 *       mask, and for the dual step of its (first) layer W₀, C (n × m), X Xᵀ and the test set's products; for the
 *       MLP the parameters, their gradient and updater state and three n × width activations per layer; and Θ₀ when
 *       frames keep it natively for the drift;</li>
 *   <li>one analysis frame, on the path that fits ({@link FramePath}): the heap Gram on n_a examples, the initial
 *       one kept for the drift (up to n_a = {@value TrainingRun#KEEP_GRAM0_MAX}) and the two-layer net's X Xᵀ,
 *       with the native scratch of the products and of the eigensolver (LAPACK's copy and eigenvectors, or past the
 *       dense limit ARPACK's Krylov basis of 2k + 1 vectors and the k eigenvectors); past the dense limit the
 *       two-layer Gram in native memory instead, or, when even that does not fit, the matrix-free product's
 *       buffers;</li>
 *   <li>the automatic η's λ_max on all n training examples (one kernel, on the same kind of path);</li>
 *   <li>the linearized twin when it runs ({@link #twin}): Θ₀ on train + test, its eigenvectors twice and the cross
 *       kernel (heap), the eigensolver's work (native);</li>
 *   <li>the weight statistics after a frame (heap): the current weights and their truncation to the energy rank,
 *       whose forward pass (Pinto et al.'s truncated network) runs a block of rows at a time;</li>
 *   <li>the H∞ theory at set-up (native H∞, plus up to the dense limit a heap copy and Cholesky's private copy);</li>
 *   <li>300 kept frames, and the weights at initialization.</li>
 * </ul>
 * The frame, η, twin and theory are never held at once, so the peak takes the largest of them.
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
        return of(config, nTrain, nTest, dim, outputs, Runtime.getRuntime().maxMemory(), Pointer.maxBytes());
    }

    /** As above for a heap of {@code heapLimit} bytes and a native limit of {@code nativeLimit} (which decide paths). */
    static MemoryEstimate of(RunConfig config, int nTrain, int nTest, int dim, int outputs, long heapLimit,
                             long nativeLimit) {
        long p = config.precision() == Precision.FLOAT32 ? 4 : 8;
        long n = nTrain;
        long d = dim;
        long m = config.width();
        long k = outputs;
        long na = Math.min(nTrain, config.analyzeN());
        boolean twoLayer = config.model() == RunConfig.ModelKind.TWO_LAYER;
        long nativeTrain;
        long widthOfAnalysis;
        if (twoLayer) {
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
        long[] frame = fullFrames(config, nTrain, outputs, heapLimit) ? fullKernelBytes(na * k, d, widthOfAnalysis)
                : switch (framePath(config, nTrain, dim, heapLimit, nativeLimit)) {
            case HEAP_GRAM -> new long[] {frameHeap(config, na, d, widthOfAnalysis, false),
                8 * (na * d + widthOfAnalysis * d + na * widthOfAnalysis) + frameNative(config, na)};
            case NATIVE_GRAM -> new long[] {8 * d * m + na * m / 8,
                nativeGram(na, d, m) + AnalysisMemory.eigenBytes((int) na, config.topK())};
            case MATRIX_FREE -> new long[] {TwoLayerOperator.bytes((int) na, dim, config.width(), 1) + 8 * d * m,
                AnalysisMemory.eigenBytes((int) Math.max(na, EigenSolver.DENSE_LIMIT + 1), config.topK())};
        };
        if (framePath(config, nTrain, dim, heapLimit, nativeLimit) == FramePath.NATIVE_GRAM
                && na <= TrainingRun.KEEP_GRAM0_MAX) {
            nativeTrain += AnalysisMemory.gramBytes(na); // Θ₀ kept natively for the drift
        }
        long[] eta = {0, 0};
        // Automatic η on the squared loss: λ_max of the full-set kernel, formed (as for a frame on n examples).
        boolean kernelEta = config.learningRate() == 0 && !(config.model() == RunConfig.ModelKind.MLP
                && (config.optimizer() == MlpSpec.Optimizer.ADAM || config.loss() == MlpSpec.Loss.CROSS_ENTROPY));
        if (kernelEta && fullKernelFits(n, outputs, heapLimit)) {
            eta = fullKernelBytes(n * k, d, widthOfAnalysis);
        } else if (kernelEta) {
            eta = switch (etaPath(config, nTrain, dim, heapLimit, nativeLimit)) {
                case HEAP_GRAM -> new long[] {frameHeap(config, n, d, widthOfAnalysis, true), 0};
                case NATIVE_GRAM -> new long[] {8 * d * m + n * m / 8, nativeGram(n, d, m)
                        + AnalysisMemory.eigenBytes((int) n, 1)};
                case MATRIX_FREE -> new long[] {TwoLayerOperator.bytes((int) n, dim, config.width(), 1),
                    AnalysisMemory.eigenBytes((int) Math.max(n, EigenSolver.DENSE_LIMIT + 1), 1)};
            };
        }
        // The weight statistics follow the frame, so they add to the peak only where they exceed it.
        frame[0] = Math.max(frame[0], 2 * 8 * d * widthOfAnalysis);
        long[] twin = {0, 0};
        if (twin(config, nTrain, nTest, outputs, heapLimit)) {
            long u = n + nTest;
            long nk = n * k;
            twin = new long[] {twinHeap(n, nTest, k), 8 * (2 * nk * nk + n * d + widthOfAnalysis * d
                    + u * widthOfAnalysis)};
        }
        long[] theory = {0, 0};
        if (config.theory() && twoLayer) {
            // H∞ in native memory; up to the dense limit a heap copy for the dense eigensolver and a private copy
            // for Cholesky, past it the top-k solver's work and Cholesky in place.
            theory = na <= EigenSolver.DENSE_LIMIT
                    ? new long[] {AnalysisMemory.gramBytes(na), 2 * AnalysisMemory.gramBytes(na)
                            + AnalysisMemory.eigenBytes((int) na, config.topK())}
                    : new long[] {0, AnalysisMemory.gramBytes(na) + AnalysisMemory.eigenBytes((int) na, config.topK())};
        }
        long heapKept = 8 * (TrainingRun.MAX_FRAMES * 6 * Math.min(na, config.topK() + 1L) + widthOfAnalysis * d)
                + 8 * 2 * (n + nTest) * d;
        long heapPeak = heapKept + Math.max(Math.max(frame[0], twin[0]), Math.max(theory[0], eta[0]));
        long nativeScratch = Math.max(Math.max(frame[1], twin[1]), Math.max(theory[1], eta[1]));
        return new MemoryEstimate(heapPeak, nativeTrain, nativeScratch);
    }

    /**
     * Whether the full nK × nK kernel of n examples with K outputs is formed: K > 1 and its builder's arrays (the
     * kernel, the builder's per-layer product and a kept Θ₀, each 8(nK)² bytes on the heap) take at most half the
     * heap. n = 300 with K = 10 (72 MB each) fits a 1 GB heap; n = 500 does not.
     */
    public static boolean fullKernelFits(long n, int outputs, long heapLimit) {
        return outputs > 1 && 3 * AnalysisMemory.gramBytes(n * outputs) <= 0.5 * heapLimit;
    }

    /**
     * Whether the automatic η may find the full kernel's λ_max through the two-layer net's matrix-free product: about
     * 40 products of 4·n·d·m flops each within {@value #PRODUCT_FLOPS} flops (a few seconds on a 2-core laptop);
     * n = 1,000 at m = 1,024 is, n = 2,000 at m = 8,192 (50 GFLOP a product) is not.
     */
    public static boolean fullProductAffordable(RunConfig c, int nTrain, int dim) {
        return 40.0 * 4 * nTrain * (double) dim * c.width() <= PRODUCT_FLOPS;
    }

    /** Flops the matrix-free λ_max of the automatic η may take. */
    static final double PRODUCT_FLOPS = 2e11;

    /** Whether frames of this run analyse the full multi-output kernel (else the block average, or K = 1). */
    public static boolean fullFrames(RunConfig c, int nTrain, int outputs, long heapLimit) {
        return !c.blockKernel() && fullKernelFits(Math.min(nTrain, c.analyzeN()), outputs, heapLimit);
    }

    /** {heap, native} of forming and solving the full kernel of order N: three N × N heap arrays, the solver's work. */
    private static long[] fullKernelBytes(long order, long d, long widthOfAnalysis) {
        return new long[] {3 * AnalysisMemory.gramBytes(order) + 8 * d * widthOfAnalysis,
            (order > EigenSolver.DENSE_LIMIT ? AnalysisMemory.gramBytes(order) : 0)
                + AnalysisMemory.eigenBytes((int) order, 100)};
    }

    /** How analysis frames form the kernel. */
    public enum FramePath {
        /** The Gram as an n_a × n_a heap array (the dense path, and the MLP). */
        HEAP_GRAM,
        /** The two-layer Gram built in native memory past the dense limit ({@code Network.ntkGramOperator}). */
        NATIVE_GRAM,
        /** The two-layer net's matrix-free product K v = J(Jᵀv), when even the native Gram would not fit. */
        MATRIX_FREE
    }

    /**
     * How frames of this run form the kernel: on the heap up to the dense limit (or always for the MLP); past it the
     * two-layer Gram in native memory when it takes at most {@value #NATIVE_GRAM_SHARE} of the native limit (the
     * whole run is then checked against {@value #USABLE} of it), else the matrix-free product, which fits anywhere
     * but is slow (4·n·d·m flops a product: minutes per frame at n = 10⁴). The heap path also falls back to
     * matrix-free when its frame would not fit the heap.
     */
    public static FramePath framePath(RunConfig c, int nTrain, int dim, long heapLimit, long nativeLimit) {
        return path(c, Math.min(nTrain, c.analyzeN()), dim, heapLimit, nativeLimit, false);
    }

    /** The same choice for the automatic η's λ_max on all n training examples. */
    public static FramePath etaPath(RunConfig c, int nTrain, int dim, long heapLimit, long nativeLimit) {
        return path(c, nTrain, dim, heapLimit, nativeLimit, true);
    }

    private static FramePath path(RunConfig c, long n, int dim, long heapLimit, long nativeLimit, boolean once) {
        if (c.model() != RunConfig.ModelKind.TWO_LAYER) {
            return FramePath.HEAP_GRAM;
        }
        if (n <= EigenSolver.DENSE_LIMIT) {
            return frameHeap(c, n, dim, c.width(), once) > USABLE * heapLimit ? FramePath.MATRIX_FREE
                    : FramePath.HEAP_GRAM;
        }
        long kept = !once && n <= TrainingRun.KEEP_GRAM0_MAX ? AnalysisMemory.gramBytes(n) : 0;
        long need = nativeGram(n, dim, c.width()) + kept + AnalysisMemory.eigenBytes((int) n, once ? 1 : c.topK());
        return nativeLimit <= 0 || need <= NATIVE_GRAM_SHARE * nativeLimit ? FramePath.NATIVE_GRAM
                : FramePath.MATRIX_FREE;
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
     * Native scratch of one frame's eigensolve on the heap Gram: LAPACK's working copy and eigenvectors up to the
     * dense limit, else the Gram's native copy ({@code DenseOperator}) and ARPACK's work.
     */
    static long frameNative(RunConfig c, long na) {
        return (na > EigenSolver.DENSE_LIMIT ? AnalysisMemory.gramBytes(na) : 0)
                + AnalysisMemory.eigenBytes((int) na, c.topK());
    }

    /** Native bytes of the two-layer Gram built in native memory: the matrix, X and Wᵀ in double, one X Wᵀ block. */
    private static long nativeGram(long n, long d, long m) {
        return AnalysisMemory.gramBytes(n) + 8 * (n * d + m * d + 512 * m);
    }

    /**
     * Heap of the linearized twin: Θ₀ on train + test (the full kernel with K outputs, and its builder's product),
     * the train block and its eigenvectors twice, and the cross block.
     */
    private static long twinHeap(long n, long nTest, long outputs) {
        long u = (n + nTest) * outputs;
        long nk = n * outputs;
        return 8 * ((outputs > 1 ? 2 : 1) * u * u + 3 * nk * nk + nTest * outputs * nk);
    }

    /**
     * Whether the run trains the linearized twin: it needs full-batch gradient descent on the squared loss
     * (SCIENCE.md §5.1) and its formed kernels must take at most {@value #TWIN_SHARE} of the heap (past a few
     * thousand examples they would not fit beside the frames; the twin is then left out and the curves say so).
     */
    public static boolean twin(RunConfig c, int nTrain, int nTest, int outputs, long heapLimit) {
        boolean method = c.theory() && (c.model() == RunConfig.ModelKind.TWO_LAYER
                || (c.optimizer() == MlpSpec.Optimizer.SGD && c.loss() == MlpSpec.Loss.SQUARED
                && (c.batchSize() == 0 || c.batchSize() >= nTrain)));
        return method && twinHeap(nTrain, nTest, outputs) <= TWIN_SHARE * heapLimit;
    }

    /** Share of the native limit a natively built Gram (with its solver's work and a kept Θ₀) may take. */
    static final double NATIVE_GRAM_SHARE = 0.6;

    /** Share of the heap the linearized twin's kernels may take. */
    static final double TWIN_SHARE = 0.4;

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
            MemoryEstimate e = of(c, nTrain, nTest, dim, outputs, heapLimit, nativeLimit);
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
