package org.jacobianlens.core.ntk;

import java.util.Locale;

import org.bytedeco.javacpp.Pointer;
import org.jacobianlens.core.linalg.EigenSolver;

/**
 * What an analysis frame (kernel, eigensolve, label energies, theory) needs in memory, and which path fits:
 * the formed Gram ({@link Path#DENSE_GRAM}) or, for the two-layer net, the matrix-free product
 * ({@link Path#MATRIX_FREE}, {@link TwoLayerOperator}). Callers refuse up front with {@link #refusal()} rather
 * than fail with an OutOfMemoryError a minute into the work.
 *
 * <p>The estimates count the big arrays only (what grows like N² or N·p), with N the kernel order (n, or nK for
 * the full multi-output kernel): a formed Gram is 8N² bytes on the heap (as the networks return it) plus 8N²
 * native (the operator or LAPACK's copy); the dense eigensolver adds 8N² native (its eigenvector matrix); ARPACK
 * adds 8N(2k + 1) + 8Nk; Cholesky a private copy 8N² native; the MLP's forward pass one n × n activation Gram
 * per layer (three counted, depth 2). These are estimates from the array sizes, not measurements; small buffers
 * (label matrices, k × n eigenvectors) are left out.
 *
 * @param path         the path that fits (or the cheapest one, when nothing fits)
 * @param order        N
 * @param heapBytes    estimated heap bytes
 * @param nativeBytes  estimated native bytes
 * @param refusal      null when it fits, else one line saying what is needed, what is allowed and what to lower
 */
public record AnalysisMemory(Path path, int order, long heapBytes, long nativeBytes, String refusal) {

    /** How the kernel is applied. */
    public enum Path { DENSE_GRAM, MATRIX_FREE }

    /** Whether it fits. */
    public boolean fits() {
        return refusal == null;
    }

    /** Bytes of a formed N × N double Gram. */
    public static long gramBytes(long order) {
        return 8L * order * order;
    }

    /** Native bytes of the eigensolve on order N: all pairs densely up to the limit, else ARPACK top k. */
    public static long eigenBytes(int order, int k) {
        if (order <= EigenSolver.DENSE_LIMIT) {
            return 2 * gramBytes(order); // LAPACK's working copy and the tridiagonal eigenvectors
        }
        long ncv = Math.min(order, 2L * k + 1);
        return 8L * order * (ncv + k + 4) + 8L * ncv * (ncv + 8);
    }

    /**
     * The two-layer net (d inputs, width m, K outputs) analysed on n examples.
     *
     * @param full    the full nK × nK kernel (else the n × n block kernel)
     * @param k       eigenpairs on the top-k path
     * @param theory  whether H∞ (n × n) and its Cholesky are needed too
     */
    public static AnalysisMemory twoLayer(int n, int d, int m, int outputs, boolean full, int k, boolean theory) {
        return twoLayer(n, d, m, outputs, full, k, theory, heapAvailable(), nativeAvailable());
    }

    /** As above, against given limits (bytes still free on the heap and natively). */
    static AnalysisMemory twoLayer(int n, int d, int m, int outputs, boolean full, int k, boolean theory,
                                   long heapLimit, long nativeLimit) {
        int order = full ? n * outputs : n;
        long theoryNative = theory ? 2 * gramBytes(n) + eigenBytes(n, k) : 0;
        long denseHeap = gramBytes(order);
        long denseNative = gramBytes(order) + eigenBytes(order, k) + theoryNative;
        if (denseHeap <= heapLimit && denseNative <= nativeLimit) {
            return new AnalysisMemory(Path.DENSE_GRAM, order, denseHeap, denseNative, null);
        }
        long freeHeap = TwoLayerOperator.bytes(n, d, m, outputs);
        long freeNative = eigenBytes(Math.max(order, EigenSolver.DENSE_LIMIT + 1), k) + theoryNative;
        String why = freeHeap <= heapLimit && freeNative <= nativeLimit ? null
                : refusalLine(n, order, freeHeap, freeNative, heapLimit, nativeLimit, theory);
        return new AnalysisMemory(Path.MATRIX_FREE, order, freeHeap, freeNative, why);
    }

    /**
     * The MLP with K outputs on n examples: the kernel is always formed (no matrix-free MLP product yet); the full
     * kernel's builder holds two nK × nK arrays on the heap.
     */
    public static AnalysisMemory mlp(int n, int outputs, boolean full, int k) {
        return mlp(n, outputs, full, k, heapAvailable(), nativeAvailable());
    }

    static AnalysisMemory mlp(int n, int outputs, boolean full, int k, long heapLimit, long nativeLimit) {
        int order = full ? n * outputs : n;
        long heap = (full ? 2 : 1) * gramBytes(order) + 3 * gramBytes(n);
        long nat = gramBytes(order) + eigenBytes(order, k);
        String why = heap <= heapLimit && nat <= nativeLimit ? null
                : refusalLine(n, order, heap, nat, heapLimit, nativeLimit, false);
        return new AnalysisMemory(Path.DENSE_GRAM, order, heap, nat, why);
    }

    private static String refusalLine(int n, int order, long heap, long nat, long heapLimit, long nativeLimit,
                                      boolean theory) {
        return String.format(Locale.ROOT, "an analysis of n = %,d%s needs ≈ %s heap and %s native memory; this "
                        + "process may use %s and %s more: lower the analysis size%s or raise -Xmx / "
                        + "-Dorg.bytedeco.javacpp.maxbytes", n, order != n ? " (kernel order " + String.format(
                        Locale.ROOT, "%,d", order) + ")" : "", size(heap), size(nat), size(heapLimit),
                size(nativeLimit), theory ? ", turn off the theory" : "");
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(bytes / (double) (1L << 20))));
    }

    /** Heap bytes not yet in use (of -Xmx). */
    static long heapAvailable() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /** Native bytes javacpp still allows (of org.bytedeco.javacpp.maxbytes; unlimited counts as the JVM's -Xmx). */
    static long nativeAvailable() {
        long max = Pointer.maxBytes();
        if (max <= 0) {
            max = Runtime.getRuntime().maxMemory();
        }
        return Math.max(0, max - Pointer.totalBytes());
    }
}
