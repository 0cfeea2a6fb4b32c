package org.jacobianlens.core.linalg;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Thin helpers over the OpenBLAS that ND4J already bundles ({@code org.bytedeco:openblas}), on flat row-major
 * double arrays. OpenBLAS threads follow OMP_NUM_THREADS / {@code openblas_set_num_threads}; the launcher
 * and tests set one thread because OpenMP busy-waiting on two shared cores slows everything else down.
 */
public final class Blas {
    static {
        Loader.load(openblas.class);
    }

    private Blas() {
    }

    /** Ensures the native library is loaded (idempotent). */
    static void init() {
        // Class initialization above does the work.
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
        double[] c = new double[n * m];
        if (n == 0 || m == 0 || k == 0) {
            return c;
        }
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, n, m, k,
                1.0, a, k, b, k, 0.0, c, m);
        return c;
    }

    /** A B for row-major A (n × k) and B (k × m): an n × m row-major result. */
    public static double[] multiply(double[] a, int n, int k, double[] b, int m) {
        double[] c = new double[n * m];
        if (n == 0 || m == 0 || k == 0) {
            return c;
        }
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, n, m, k,
                1.0, a, k, b, m, 0.0, c, m);
        return c;
    }

    /** Aᵀ B for row-major A (k × n) and B (k × m): an n × m row-major result. */
    public static double[] transposeMultiply(double[] a, int k, int n, double[] b, int m) {
        double[] c = new double[n * m];
        if (n == 0 || m == 0 || k == 0) {
            return c;
        }
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, n, m, k,
                1.0, a, n, b, m, 0.0, c, m);
        return c;
    }

    /** X Xᵀ for row-major X (n × d): symmetric n × n, both triangles filled (dsyrk computes one, we mirror). */
    public static double[] gram(double[] x, int n, int d) {
        double[] c = new double[n * n];
        if (n == 0 || d == 0) {
            return c;
        }
        openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasNoTrans, n, d, 1.0, x, d,
                0.0, c, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                c[i * n + j] = c[j * n + i];
            }
        }
        return c;
    }
}
