package org.jacobianlens.core.ntk;

import org.jacobianlens.core.linalg.EigenSolver;

/**
 * Sizes of what an analysis frame holds in memory, for the run's memory estimate
 * ({@code org.jacobianlens.core.run.MemoryEstimate}, which also chooses the frame's path): a formed N × N double
 * Gram is 8N² bytes; the dense eigensolver adds LAPACK's working copy and the eigenvectors (2 × 8N²); ARPACK
 * adds its Krylov basis of 2k + 1 vectors, the k eigenvectors and its small work arrays. N is the kernel order
 * (n, or nK for the full multi-output kernel). Estimates from the array sizes, not measurements.
 */
public final class AnalysisMemory {
    private AnalysisMemory() {
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
}
