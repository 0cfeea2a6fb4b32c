package org.jacobianlens.core.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Thin helpers over the OpenBLAS on ND4J's classpath ({@code org.bytedeco:openblas}, pinned to 0.3.31 in the root
 * pom for the reasons given there), on flat row-major double arrays.
 *
 * <p>Threads: the process starts OpenBLAS with one thread (OMP_NUM_THREADS=1, see {@link NativeSettings}), which
 * is what training wants: DL4J's small per-step products gain nothing from a second thread and lose to the UI
 * thread competing for it. The analysis products here are large (n × n × d), so every call through this class
 * and {@link SymmetricEigen} runs with {@link #analysisThreads()} threads and then restores the previous count.
 * Measured on this project's 2-core VM with OpenBLAS 0.3.31 ({@code bench} with -Djacobianlens.blasThreads=1
 * against 2, one round each): dsyevd n = 1000 0.138 → 0.102 s, n = 2000 1.05 → 0.72 s, MLP Gram 0.39 → 0.26 s. The count is
 * process-wide in OpenBLAS; training and analysis run one after the other on the same compute thread.
 */
public final class Blas {
    static {
        Loader.load(openblas.class);
    }

    private Blas() {
    }

    private static final String THREADS_PROPERTY = "jacobianlens.blasThreads";
    private static volatile int analysisThreads = resolveAnalysisThreads(false);

    /** Ensures the native library is loaded (idempotent). */
    static void init() {
        // Class initialization above does the work.
    }

    /**
     * BLAS threads for analysis calls: {@code -Djacobianlens.blasThreads=N} if given, else min(2, processors), or
     * min(2, processors − 1) after {@link #reserveCoreForUi()}. At most two because that is what a classroom
     * laptop and CI have.
     */
    public static int analysisThreads() {
        return analysisThreads;
    }

    /**
     * For the desktop app: leave one core to the JavaFX thread. Measured on 2 cores (gui --measure-pulses=60,
     * n_a = 1000): two analysis threads gave a pulse p99 of 36 ms (max 190 ms) and fewer training steps (265)
     * than one thread (p99 30.6 ms, max 122 ms, 330 steps), because the threads and the UI fought for the cores.
     */
    public static void reserveCoreForUi() {
        analysisThreads = resolveAnalysisThreads(true);
    }

    private static int resolveAnalysisThreads(boolean leaveOneCore) {
        String p = System.getProperty(THREADS_PROPERTY);
        if (p != null) {
            try {
                return Math.max(1, Integer.parseInt(p.trim()));
            } catch (NumberFormatException e) {
                // fall through to the default
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(2, leaveOneCore ? cores - 1 : cores));
    }

    /**
     * Runs native work with {@link #analysisThreads()} OpenBLAS threads, restoring the previous count; wraps
     * ND4J products too (they go through the same OpenBLAS). Nested calls cost nothing.
     *
     * <p>The count is process-wide, and compare-mode lanes may analyse on two threads at once, so the sections are
     * counted: the first to enter sets the count, the last to leave restores it (a plain save-and-restore per call
     * would let interleaved lanes leave training on the analysis count).
     */
    public static <T> T threaded(java.util.function.Supplier<T> call) {
        enterThreaded();
        try {
            return call.get();
        } finally {
            leaveThreaded();
        }
    }

    private static final Object THREADS_LOCK = new Object();
    private static int threadedSections;
    private static int threadsBefore;

    private static void enterThreaded() {
        synchronized (THREADS_LOCK) {
            if (threadedSections++ == 0) {
                threadsBefore = openblas_nolapack.blas_get_num_threads();
                if (threadsBefore != analysisThreads) {
                    openblas_nolapack.blas_set_num_threads(analysisThreads);
                }
            }
        }
    }

    private static void leaveThreaded() {
        synchronized (THREADS_LOCK) {
            if (--threadedSections == 0 && openblas_nolapack.blas_get_num_threads() != threadsBefore) {
                openblas_nolapack.blas_set_num_threads(threadsBefore);
            }
        }
    }

    /** Flattens an n × d array into row-major order. */
    public static double[] flatten(double[][] a) {
        int n = a.length;
        int d = n == 0 ? 0 : a[0].length;
        double[] f = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (a[i].length != d) {
                throw new IllegalArgumentException("ragged matrix: row " + i + " has " + a[i].length + " columns, expected " + d);
            }
            System.arraycopy(a[i], 0, f, i * d, d);
        }
        return f;
    }

    /** Splits a row-major n × d array into rows. */
    public static double[][] unflatten(double[] f, int n, int d) {
        double[][] a = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f, i * d, a[i], 0, d);
        }
        return a;
    }

    /** A Bᵀ for row-major A (n × k) and B (m × k): an n × m row-major result. */
    public static double[] multiplyTransposed(double[] a, int n, int k, double[] b, int m) {
        return dgemm(false, true, a, n, k, b, m);
    }

    /** A B for row-major A (n × k) and B (k × m): an n × m row-major result. */
    public static double[] multiply(double[] a, int n, int k, double[] b, int m) {
        return dgemm(false, false, a, n, k, b, m);
    }

    /** Aᵀ B for row-major A (k × n) and B (k × m): an n × m row-major result. */
    public static double[] transposeMultiply(double[] a, int k, int n, double[] b, int m) {
        return dgemm(true, false, a, n, k, b, m);
    }

    /** op(A) op(B) with op(A) n × k and op(B) k × m, row-major, through the scratch buffers. */
    private static double[] dgemm(boolean transA, boolean transB, double[] a, int n, int k, double[] b, int m) {
        double[] c = new double[n * m];
        if (n == 0 || m == 0 || k == 0) {
            return c;
        }
        Scratch s = SCRATCH.get();
        DoublePointer pa = s.slot(0, a);
        DoublePointer pb = s.slot(1, b);
        DoublePointer pc = s.slot(2, (long) n * m);
        threaded(() -> {
            openblas.cblas_dgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                    transB ? openblas.CblasTrans : openblas.CblasNoTrans, n, m, k, 1.0, pa, transA ? n : k, pb,
                    transB ? k : m, 0.0, pc, m);
            return null;
        });
        pc.get(c, 0, n * m);
        return c;
    }

    /** X Xᵀ for row-major X (n × d): symmetric n × n, both triangles filled (dsyrk computes one, we mirror). */
    public static double[] gram(double[] x, int n, int d) {
        double[] c = new double[n * n];
        if (n == 0 || d == 0) {
            return c;
        }
        Scratch s = SCRATCH.get();
        DoublePointer px = s.slot(0, x);
        DoublePointer pc = s.slot(2, (long) n * n);
        threaded(() -> {
            openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasNoTrans, n, d, 1.0, px,
                    d, 0.0, pc, n);
            return null;
        });
        pc.get(c, 0, n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                c[i * n + j] = c[j * n + i];
            }
        }
        return c;
    }

    /**
     * The two products the two-layer kernel needs, from one upload of X (n × d) and W (m × d), rows copied
     * straight from the arrays: the upper triangle of X Xᵀ into {@code upper} (row i gets columns i … n − 1; the
     * rest is left alone) and each row of X Wᵀ handed to {@code crossRow} (a reused buffer, valid during the call).
     * Against flatten + {@link #gram} + {@link #multiplyTransposed} this skips two flattened copies, a second
     * upload of X and two n × n / n × m result arrays ({@code bench} twolayer_gram_1000: 0.039 → 0.033 s).
     */
    public static void gramAndCross(double[][] x, double[][] w, double[][] upper,
                                    java.util.function.ObjIntConsumer<double[]> crossRow) {
        int n = x.length;
        int m = w.length;
        int d = n == 0 ? 0 : x[0].length;
        if (n == 0) {
            return;
        }
        if (d == 0 || m == 0) {
            double[] zeros = new double[m];
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(upper[i], i, n, 0.0);
                crossRow.accept(zeros, i);
            }
            return;
        }
        Scratch s = SCRATCH.get();
        DoublePointer px = upload(x, d, s, 0);
        DoublePointer pw = upload(w, d, s, 1);
        DoublePointer pg = s.slot(2, (long) n * n);
        DoublePointer pz = s.slot(3, (long) n * m);
        threaded(() -> {
            openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasNoTrans, n, d, 1.0, px,
                    d, 0.0, pg, n);
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, n, m, d, 1.0,
                    px, d, pw, d, 0.0, pz, m);
            return null;
        });
        double[] row = new double[m];
        for (int i = 0; i < n; i++) {
            pg.position((long) i * n + i).get(upper[i], i, n - i);
            pz.position((long) i * m).get(row, 0, m);
            crossRow.accept(row, i);
        }
        pg.position(0);
        pz.position(0);
    }

    /**
     * Each row of X Wᵀ for X (n × d) and W (m × d), handed to {@code crossRow} (a reused buffer, valid during the
     * call): {@link #gramAndCross} without the input Gram, for callers that keep X Xᵀ (it does not change while a
     * network trains).
     */
    public static void cross(double[][] x, double[][] w, java.util.function.ObjIntConsumer<double[]> crossRow) {
        int n = x.length;
        int m = w.length;
        int d = n == 0 ? 0 : x[0].length;
        if (n == 0) {
            return;
        }
        if (d == 0 || m == 0) {
            double[] zeros = new double[m];
            for (int i = 0; i < n; i++) {
                crossRow.accept(zeros, i);
            }
            return;
        }
        Scratch s = SCRATCH.get();
        DoublePointer px = upload(x, d, s, 0);
        DoublePointer pw = upload(w, d, s, 1);
        DoublePointer pz = s.slot(3, (long) n * m);
        threaded(() -> {
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, n, m, d, 1.0,
                    px, d, pw, d, 0.0, pz, m);
            return null;
        });
        double[] row = new double[m];
        for (int i = 0; i < n; i++) {
            pz.position((long) i * m).get(row, 0, m);
            crossRow.accept(row, i);
        }
        pz.position(0);
    }

    /** Copies rows (each of length d) into scratch slot {@code slot}. */
    private static DoublePointer upload(double[][] a, int d, Scratch s, int slot) {
        DoublePointer p = s.slot(slot, (long) a.length * d);
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != d) {
                throw new IllegalArgumentException("ragged matrix: row " + i + " has " + a[i].length
                        + " columns, expected " + d);
            }
            p.position((long) i * d).put(a[i], 0, d);
        }
        return p.position(0);
    }

    /**
     * Off-heap buffers, reused per thread, that the native calls work on.
     *
     * <p>Why not pass the Java arrays: javacpp hands a {@code double[]} to C through JNI's
     * Get/ReleaseDoubleArrayElements, which copies it into freshly allocated memory and back again on every
     * call. For the n × 5120 stacked MLP block that is 80 MB of copies plus page faults on new memory per call;
     * measured, dsyrk took 0.095 s with arrays against 0.070 s on a reused pointer. Here each input is copied
     * once into memory that stays mapped, and each result once out. The buffers stay allocated per thread (up to
     * about 200 MB on the compute thread for n = 2000 analyses), within javacpp's off-heap cap.
     */
    static final class Scratch {
        private final DoublePointer[] slots = new DoublePointer[8];
        private final IntPointer[] ints = new IntPointer[1];

        /** Slot {@code i} holding a copy of {@code values}. */
        DoublePointer slot(int i, double[] values) {
            DoublePointer p = slot(i, (long) values.length);
            p.put(values, 0, values.length);
            return p;
        }

        /** Slot {@code i} with room for at least {@code size} doubles (contents undefined). */
        DoublePointer slot(int i, long size) {
            slots[i] = atLeast(slots[i], size, DoublePointer::new);
            return slots[i];
        }

        /** Integer slot {@code i} with room for at least {@code size} ints. */
        IntPointer intSlot(int i, long size) {
            ints[i] = atLeast(ints[i], size, IntPointer::new);
            return ints[i];
        }

        /** {@code current} at position 0 if it holds {@code size} elements, else a new one (the old freed). */
        private static <P extends Pointer> P atLeast(P current, long size, java.util.function.LongFunction<P> make) {
            if (current != null && current.capacity() >= size) {
                current.position(0);
                return current;
            }
            if (current != null) {
                current.close();
            }
            return make.apply(Math.max(size, 1));
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** This thread's scratch buffers (for {@link SymmetricEigen}). */
    static Scratch scratch() {
        return SCRATCH.get();
    }
}
