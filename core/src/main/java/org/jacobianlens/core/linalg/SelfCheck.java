package org.jacobianlens.core.linalg;

import java.util.Random;

/**
 * A start-up check that the native BLAS/LAPACK this process loaded computes the right numbers, against plain
 * Java arithmetic: products through {@link Blas}, and a 200 × 200 eigendecomposition through
 * {@link SymmetricEigen} (residuals ‖Av − λv‖ and orthonormality). It takes a few milliseconds.
 *
 * <p>Why it exists: OpenBLAS picks CPU-specific kernels, and some are wrong on some CPUs — the AVX-512 kernels of
 * the formerly bundled 0.3.19, forced onto this project's Xeon, returned eigenvectors with residuals of order 1
 * (and Cooperlake's dgemm was wrong outright). A wrong eigenvalue in a classroom is worse than no picture, so the
 * app refuses to start rather than show one.
 */
public final class SelfCheck {
    /** Order of the test matrix: large enough for LAPACK's blocked code paths (block size 32). */
    static final int N = 200;

    private SelfCheck() {
    }

    /** Null when everything agrees with plain Java, else one sentence saying what does not. */
    public static String run() {
        Random rng = new Random(20240611);
        int k = 60;
        double[] b = new double[N * k];
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextGaussian();
        }
        double[] naive = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += b[i * k + c] * b[j * k + c];
                }
                naive[i * N + j] = s;
            }
        }
        String products = compare("dgemm", Blas.multiplyTransposed(b, N, k, b, N), naive);
        if (products != null) {
            return products;
        }
        String syrk = compare("dsyrk", Blas.gram(b, N, k), naive);
        if (syrk != null) {
            return syrk;
        }
        double[][] a = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                // B Bᵀ has rank 60; the graded diagonal makes the spectrum full and non-degenerate.
                a[i][j] = naive[i * N + j] + (i == j ? 1.0 + (double) i / N : 0.0);
            }
        }
        return verify(a, SymmetricEigen.decompose(a));
    }

    /** Checks an eigendecomposition of symmetric {@code a} in plain Java; null if it is right to 1e-9·λ_max. */
    static String verify(double[][] a, Eigen e) {
        int n = a.length;
        double scale = Math.max(Math.abs(e.values()[0]), Math.abs(e.values()[n - 1]));
        double worstResidual = 0;
        double worstNorm = 0;
        double worstDot = 0;
        for (int i = 0; i < n; i++) {
            double[] v = e.vector(i);
            double res = 0;
            double norm = 0;
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += a[r][c] * v[c];
                }
                s -= e.values()[i] * v[r];
                res += s * s;
                norm += v[r] * v[r];
            }
            worstResidual = Math.max(worstResidual, Math.sqrt(res));
            worstNorm = Math.max(worstNorm, Math.abs(Math.sqrt(norm) - 1));
            double[] u = e.vector((i + 1) % n);
            double dot = 0;
            for (int r = 0; r < n; r++) {
                dot += u[r] * v[r];
            }
            worstDot = Math.max(worstDot, Math.abs(dot));
        }
        if (worstResidual > 1e-9 * scale || worstNorm > 1e-9 || worstDot > 1e-9) {
            return String.format(java.util.Locale.ROOT, "the native eigensolver (LAPACK dsyevd) is wrong on this "
                    + "machine: max ‖Av − λv‖ = %.3g (λ_max %.3g), max |‖v‖ − 1| = %.3g, max |v_i·v_i+1| = %.3g",
                    worstResidual, scale, worstNorm, worstDot);
        }
        return null;
    }

    private static String compare(String what, double[] got, double[] expected) {
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return worst > 1e-12 * scale ? String.format(java.util.Locale.ROOT,
                "the native matrix product (%s) is wrong on this machine: max error %.3g against %.3g", what, worst,
                scale) : null;
    }

    /** Exit code 0 and one line when the check passes, else the reason on stderr and exit code 1. */
    public static void main(String[] args) {
        String problem = run();
        if (problem != null) {
            System.err.println(problem + " (" + NativeSettings.describe(System.getenv()) + ")");
            System.exit(1);
        }
        System.out.println("native self-check passed (" + NativeSettings.describe(System.getenv()) + ")");
    }
}
