package org.jacobianlens.core.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * Quadratic forms yᵀ(A + εI)⁻¹y of a dense symmetric positive definite matrix by Cholesky (LAPACK {@code dpotrf}
 * and one triangular solve {@code dtrsm} on the pinned OpenBLAS): yᵀ(LLᵀ)⁻¹y = ‖L⁻¹y‖², which needs no
 * eigenvectors and no explicit inverse (SCIENCE.md §9.2) and is never negative.
 *
 * <p>Why not conjugate gradients: H∞ of real inputs has condition numbers of 10³–10⁴ (SCIENCE.md §9.2) and worse
 * at large n, so CG needs thousands of products (each 8n² bytes of memory traffic); Cholesky is n³/3 flops once,
 * about as long as a handful of dense top-k solves, and exact to rounding.
 *
 * <p>Memory: a private copy of A (8n² bytes native), released before returning.
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * Σ_c y_cᵀ (A + εI)⁻¹ y_c for each label matrix Y (n × K), or +∞ for all of them when A + εI is not positive
     * definite to working precision (dpotrf stops at a non-positive pivot), matching the eigenvalue form's +∞
     * for energy on a non-positive eigenvalue.
     *
     * @param a     symmetric n × n (not modified)
     * @param ridge ε ≥ 0
     */
    public static double[] quadraticForms(DenseOperator a, double ridge, double[][]... ys) {
        return quadraticForms(a, ridge, false, ys);
    }

    /**
     * As {@link #quadraticForms(DenseOperator, double, double[][]...)}, but factoring {@code a}'s own memory
     * instead of a copy: afterwards {@code a} holds the Cholesky factor and must not be used as the matrix again.
     * For H∞ past the dense limit, where the 8n² copy (800 MB at n = 10⁴) would not fit beside it.
     */
    public static double[] quadraticFormsOverwriting(DenseOperator a, double ridge, double[][]... ys) {
        return quadraticForms(a, ridge, true, ys);
    }

    private static double[] quadraticForms(DenseOperator a, double ridge, boolean overwrite, double[][]... ys) {
        if (!(ridge >= 0)) {
            throw new IllegalArgumentException("ridge must not be negative, found " + ridge);
        }
        int n = a.size();
        double[] out = new double[ys.length];
        if (n == 0) {
            return out;
        }
        int cols = 0;
        for (double[][] y : ys) {
            if (y.length != n) {
                throw new IllegalArgumentException("labels have " + y.length + " rows, the matrix has order " + n);
            }
            cols += y[0].length;
        }
        try (DoublePointer copy = overwrite ? null : new DoublePointer((long) n * n);
             DoublePointer b = new DoublePointer((long) n * Math.max(cols, 1))) {
            DoublePointer l = overwrite ? a.data() : copy;
            if (!overwrite) {
                org.bytedeco.javacpp.Pointer.memcpy(l, a.data(), 8L * n * n);
            }
            for (int i = 0; i < n; i++) {
                long at = (long) i * n + i;
                l.put(at, l.get(at) + ridge);
            }
            int col = 0;
            double[] column = new double[n];
            for (double[][] y : ys) {
                for (int c = 0; c < y[0].length; c++, col++) {
                    for (int i = 0; i < n; i++) {
                        column[i] = y[i][c];
                    }
                    b.position((long) col * n).put(column, 0, n);
                }
            }
            b.position(0);
            int total = cols;
            int info = Blas.threaded(() -> {
                int r = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, l, n);
                if (r == 0 && total > 0) {
                    openblas.cblas_dtrsm(openblas.CblasColMajor, openblas.CblasLeft, openblas.CblasLower,
                            openblas.CblasNoTrans, openblas.CblasNonUnit, n, total, 1.0, l, n, b, n);
                }
                return r;
            });
            if (info < 0) {
                throw new IllegalStateException("LAPACK dpotrf rejected argument " + (-info));
            }
            col = 0;
            for (int s = 0; s < ys.length; s++) {
                double q = 0;
                for (int c = 0; c < ys[s][0].length; c++, col++) {
                    b.position((long) col * n).get(column, 0, n);
                    for (double v : column) {
                        q += v * v;
                    }
                }
                out[s] = info > 0 ? Double.POSITIVE_INFINITY : q;
            }
            b.position(0);
        }
        return out;
    }
}
