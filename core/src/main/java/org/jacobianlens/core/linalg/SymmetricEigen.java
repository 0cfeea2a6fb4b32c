package org.jacobianlens.core.linalg;

import org.bytedeco.openblas.global.openblas;

/**
 * The one entry point for symmetric eigendecompositions (NTK Grams, H∞), in double precision.
 *
 * <p>Why LAPACK's {@code dsyevd} through the OpenBLAS that ND4J bundles, rather than ND4J's
 * {@code Eigen.symmetricGeneralizedEigenvalues}: ND4J's routine calls {@code dsyev} (QR iteration), which was
 * measured 7–9× slower than numpy here, while divide-and-conquer {@code dsyevd} matches numpy's {@code eigh}
 * (the same LAPACK routine); ND4J's also overwrites its input and returns ascending order in the default dtype.
 *
 * <p>Contract: the input is never modified; eigenvalues come in <em>descending</em> order; each eigenvector has
 * unit norm and a deterministic sign — its largest-magnitude component is positive (first such on ties) — so
 * animations do not flicker from arbitrary sign flips.
 */
public final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /** Eigenvalues and eigenvectors of symmetric {@code a} (n × n; only the upper triangle is read). */
    public static Eigen decompose(double[][] a) {
        return run(a, true);
    }

    /** Eigenvalues only (faster), descending. */
    public static double[] eigenvalues(double[][] a) {
        return run(a, false).values();
    }

    private static Eigen run(double[][] a, boolean vectors) {
        int n = a.length;
        if (n == 0) {
            return new Eigen(new double[0], vectors ? new double[0] : null, 0);
        }
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix must be square: row " + i + " has " + a[i].length
                        + " entries, expected " + n);
            }
        }
        Blas.init();
        double[] work = Blas.flatten(a);
        for (double v : work) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("matrix has a NaN or infinite entry");
            }
        }
        double[] w = new double[n];
        int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, (byte) (vectors ? 'V' : 'N'), (byte) 'U', n,
                work, n, w);
        if (info != 0) {
            throw new ArithmeticException("LAPACK dsyevd failed (info = " + info + ") on a " + n + " × " + n
                    + " matrix" + (info > 0 ? ": the algorithm did not converge" : ": illegal argument " + (-info)));
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = w[n - 1 - i];
        }
        if (!vectors) {
            return new Eigen(values, null, n);
        }
        // dsyevd (row-major) returns eigenvector j as column j of work, ascending; emit rows, descending.
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            int col = n - 1 - i;
            int best = 0;
            double bestAbs = -1;
            for (int r = 0; r < n; r++) {
                double x = work[r * n + col];
                if (Math.abs(x) > bestAbs + 1e-14) {
                    bestAbs = Math.abs(x);
                    best = r;
                }
            }
            double sign = work[best * n + col] < 0 ? -1.0 : 1.0;
            for (int r = 0; r < n; r++) {
                v[i * n + r] = sign * work[r * n + col];
            }
        }
        return new Eigen(values, v, n);
    }
}
