package org.jacobianlens.core.linalg;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads the native libraries of the engine whose loading runs in a class initializer, at once, on the calling
 * thread: OpenBLAS with LAPACK (products, eigendecompositions; {@link Blas}) and ND4J's {@code libnd4jcpu} with its
 * OpenMP (training).
 *
 * <p>Why up front: the first time javacpp loads a library from the jar it extracts it into its cache under a file
 * lock, and taking that lock is interruptible. The window's compute thread is interrupted whenever a run restarts
 * ({@code Service.restart()} cancels the running task): compare mode does so right at start, and so does any control
 * changed in the first seconds. An interrupt that lands while ND4J's class initializer extracts its libraries
 * (330 MB, seconds on the first start after an install or a rebuild) fails that initializer, and a class whose
 * initializer failed stays failed for the life of the JVM: every later run ends in "Could not initialize class
 * org.nd4j.linalg.factory.Nd4j". Loading here, before any cancellable work starts, leaves nothing to extract on
 * those threads. It also turns a library missing from the jar into one line at start instead of a broken run.
 *
 * <p>ARPACK ({@link TopEigen}, past the dense limit) still loads when first used: an interrupted load there fails
 * that one call and the next loads again (no class initializer is involved), and loading it at every start would
 * print javacpp's warning about its older preset version each time.
 */
public final class NativeLibraries {
    private NativeLibraries() {
    }

    /**
     * Loads them (idempotent; after the first call it costs nothing).
     *
     * @return null when all loaded, else one sentence naming what could not be loaded
     */
    public static String load() {
        try {
            Blas.init();
            // The executioner is made by ND4J's class initializer, which loads the backend and its natives.
            Nd4j.getExecutioner();
            return null;
        } catch (LinkageError | RuntimeException e) {
            return "a native library did not load (" + rootCause(e) + ")";
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
