package org.jacobianlens.core.linalg;

import java.util.Arrays;
import java.util.Random;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.arpackng.global.arpack;

/**
 * The k largest eigenvalues and their eigenvectors of a symmetric operator, by ARPACK-NG's implicitly restarted
 * Lanczos ({@code dsaupd}/{@code dseupd}, the routines scipy's {@code eigsh} runs), for n past the dense limit.
 *
 * <p><b>Why ARPACK-NG and not a hand-written Lanczos.</b> It is the kept library for exactly this, and it fits the
 * pinned native line: {@code org.bytedeco:arpack-ng:3.9.1-1.5.10} (3.9.1-1.5.13 is not served) ships
 * {@code libarpack.so.2}, which links {@code libopenblas.so.0} and {@code libgfortran.so.5} by soname, and those
 * resolve to the pinned OpenBLAS 0.3.31 preset already loaded: {@code /proc/self/maps} of a probe showed no
 * other BLAS. Measured with that pair: the top 100 of a 3000 × 3000 matrix with a power-law spectrum agreed with
 * {@code dsyevd} to 2.4e-14 relative (582 products, 1.3 s, dsyevd 2.4 s), and with an exactly triple eigenvalue
 * among the top 20 all three copies were found (3.7e-15). javacpp 1.5.13 loads the 1.5.10 preset and logs one
 * "versions do not match" warning line; nothing else differs.
 *
 * <p><b>What it costs.</b> ARPACK asks for one product at a time (for a dense matrix one {@code dsymv}, memory
 * bound: 0.0048 s at n = 5000 here), so blocked operators gain nothing here; the block interface still serves
 * {@link LanczosQuadrature}, the materialized small case and future block solvers. ARPACK's Fortran keeps state in
 * {@code SAVE} variables and is not re-entrant (scipy serializes it with a lock for the same reason, scipy PR
 * 5848), so every solve in this process holds {@link #LOCK}: two lanes' top-k solves run one after the other.
 *
 * <p><b>Determinism and accuracy.</b> The start vector comes from a seeded {@link Random}, not ARPACK's internal
 * generator (whose seed is process state). The operator is scaled by ‖Ax₀‖/‖x₀‖ first so that ARPACK's absolute
 * floor (eps^(2/3) in {@code dsconv}) cannot stop it early on a matrix of tiny entries; its test is then
 * ‖A z − θ z‖ ≤ tol·|θ| per Ritz pair. With the default tol = 1e-10 the eigenvalues agree with {@code dsyevd}
 * to ~1e-14 and label energies to ~1e-12 of ‖y‖² (TopEigenTest, n = 3000, including clustered spectra).
 *
 * <p>Small problems (n &lt; {@link #DENSE_BELOW} or 2k + 1 ≥ n, where ARPACK's ncv = 2k + 1 would not fit) are answered densely
 * by materializing the operator, so every k in 1 … n works.
 */
public final class TopEigen {
    /** Below this order the operator is materialized and decomposed densely (ARPACK needs nev &lt; ncv ≤ n). */
    static final int DENSE_BELOW = 64;
    /** Default ARPACK tolerance, relative to each Ritz value. */
    public static final double DEFAULT_TOL = 1e-10;
    /** ARPACK is not re-entrant; every call in the process goes through this lock. */
    private static final Object LOCK = new Object();

    private TopEigen() {
    }

    /**
     * Top-k eigenpairs.
     *
     * @param vectors row i (length n) is the unit eigenvector of values[i]; sign fixed as in {@link SymmetricEigen}
     *                (largest-magnitude component positive)
     * @param values  the k largest eigenvalues, descending
     * @param products operator columns applied (matrix–vector products)
     * @param restarts ARPACK's restart count (0 for the dense path)
     * @param dense   whether the small-problem dense path answered
     */
    public record Result(double[] values, double[] vectors, int n, int products, int restarts, boolean dense,
                         double seconds) {
        /** Number of eigenpairs. */
        public int k() {
            return values.length;
        }

        /** A copy of eigenvector i. */
        public double[] vector(int i) {
            return Arrays.copyOfRange(vectors, i * n, (i + 1) * n);
        }
    }

    /** {@link #solve(SymmetricOperator, int, double, long)} with the default tolerance and seed 1. */
    public static Result solve(SymmetricOperator a, int k) {
        return solve(a, k, DEFAULT_TOL, 1L);
    }

    /**
     * @param a    symmetric operator of order n
     * @param k    eigenpairs wanted, 1 ≤ k ≤ n (k &gt; n is clamped to n)
     * @param tol  ARPACK's relative tolerance (&gt; 0)
     * @param seed start-vector seed
     * @throws ArithmeticException if ARPACK does not converge (with the count it reached) or reports an error
     */
    public static Result solve(SymmetricOperator a, int k, double tol, long seed) {
        int n = a.size();
        if (k < 1 && n > 0) {
            throw new IllegalArgumentException("k must be at least 1, found " + k);
        }
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, found " + tol);
        }
        long t0 = System.nanoTime();
        int kk = Math.min(k, n);
        if (n == 0) {
            return new Result(new double[0], new double[0], 0, 0, 0, true, 0);
        }
        int ncv = Math.min(n, Math.max(2 * kk + 1, kk + 20));
        if (n < DENSE_BELOW || 2 * kk + 1 >= n) {
            return dense(a, kk, t0);
        }
        synchronized (LOCK) {
            return Blas.threaded(() -> arpack(a, kk, ncv, tol, seed, t0));
        }
    }

    private static Result arpack(SymmetricOperator a, int k, int ncv, double tol, long seed, long t0) {
        int n = a.size();
        try {
            Loader.load(arpack.class);
        } catch (UnsatisfiedLinkError e) {
            // one sentence for the status line and the CLI instead of a linker error from deep inside a frame
            throw new IllegalStateException("the top-k eigensolver (ARPACK) did not load, so spectra past n = "
                    + EigenSolver.DENSE_LIMIT + " cannot be computed here (" + e.getMessage() + "); analyse at most "
                    + EigenSolver.DENSE_LIMIT + " examples", e);
        }
        int lworkl = ncv * (ncv + 8);
        try (IntPointer ido = new IntPointer(1);
             BytePointer bmat = new BytePointer("I");
             BytePointer which = new BytePointer("LA");
             BytePointer howmny = new BytePointer("A");
             DoublePointer resid = new DoublePointer(n);
             DoublePointer v = new DoublePointer((long) n * ncv);
             IntPointer iparam = new IntPointer(11);
             IntPointer ipntr = new IntPointer(14);
             DoublePointer workd = new DoublePointer(3L * n);
             DoublePointer workl = new DoublePointer(lworkl);
             IntPointer info = new IntPointer(1);
             DoublePointer ax = new DoublePointer(n)) {
            Random rng = new Random(seed);
            double[] start = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                start[i] = rng.nextDouble() - 0.5;
                norm += start[i] * start[i];
            }
            resid.put(start, 0, n);
            a.apply(resid, ax, 1);
            double[] axs = new double[n];
            ax.get(axs, 0, n);
            double anorm = 0;
            for (double x : axs) {
                anorm += x * x;
            }
            double scale = Math.sqrt(anorm / norm);
            if (!(scale > 0) || !Double.isFinite(scale)) {
                scale = 1.0; // a zero (or non-finite) product: leave the operator unscaled
            }
            double inv = 1.0 / scale;
            ido.put(0, 0);
            iparam.put(0, 1);            // exact shifts
            iparam.put(2, 100_000);      // iterations; convergence, not this cap, ends every run seen
            iparam.put(6, 1);            // mode 1: A x = λ x
            info.put(0, 1);              // use resid as the start vector
            int products = 1;
            while (true) {
                arpack.dsaupd_c(ido, bmat, n, which, k, tol, resid, ncv, v, n, iparam, ipntr, workd, workl, lworkl,
                        info);
                int code = ido.get(0);
                if (code != 1 && code != -1) {
                    break;
                }
                DoublePointer x = workd.getPointer(ipntr.get(0) - 1);
                DoublePointer y = workd.getPointer(ipntr.get(1) - 1);
                a.apply(x, y, 1);
                // Scale in place: ARPACK sees A / ‖Ax₀‖·‖x₀‖, whose top eigenvalues are O(1).
                org.bytedeco.openblas.global.openblas.cblas_dscal(n, inv, y, 1);
                products++;
            }
            int status = info.get(0);
            if (status != 0) {
                throw new ArithmeticException(status == 1
                        ? "top-" + k + " eigensolver (ARPACK) did not converge: " + iparam.get(4) + " of " + k
                        + " eigenpairs after " + products + " products"
                        : "top-" + k + " eigensolver (ARPACK dsaupd) failed with info = " + status + " on n = " + n);
            }
            int restarts = iparam.get(2);
            try (IntPointer select = new IntPointer(ncv);
                 DoublePointer d = new DoublePointer(k);
                 DoublePointer z = new DoublePointer((long) n * k)) {
                arpack.dseupd_c(1, howmny, select, d, z, n, 0.0, bmat, n, which, k, tol, resid, ncv, v, n, iparam,
                        ipntr, workd, workl, lworkl, info);
                if (info.get(0) != 0) {
                    throw new ArithmeticException("top-" + k + " eigensolver (ARPACK dseupd) failed with info = "
                            + info.get(0) + " on n = " + n);
                }
                double[] vals = new double[k];
                d.get(vals, 0, k);
                double[] vecs = new double[n * k];
                z.get(vecs, 0, n * k); // column j of z = eigenvector of vals[j]
                return sorted(vals, vecs, n, scale, products, restarts, false, t0);
            }
        }
    }

    /** Materializes the operator (n products in one block) and takes the top k of a dense decomposition. */
    private static Result dense(SymmetricOperator a, int k, long t0) {
        int n = a.size();
        double[][] m = materialize(a);
        Eigen e = SymmetricEigen.decompose(m);
        double[] vecs = Arrays.copyOf(e.vectors(), n * k);
        return new Result(Arrays.copyOf(e.values(), k), vecs, n, n, 0, true, (System.nanoTime() - t0) / 1e9);
    }

    /** A as a heap matrix, from A·I (n products in one block); symmetrized against rounding in the operator. */
    static double[][] materialize(SymmetricOperator a) {
        int n = a.size();
        double[][] m = new double[n][n];
        try (DoublePointer eye = new DoublePointer((long) n * n); DoublePointer out = new DoublePointer((long) n * n)) {
            eye.fill(0);
            for (int i = 0; i < n; i++) {
                eye.put((long) i * n + i, 1.0);
            }
            a.apply(eye, out, n);
            double[] col = new double[n];
            for (int j = 0; j < n; j++) {
                out.position((long) j * n).get(col, 0, n);
                for (int i = 0; i < n; i++) {
                    m[i][j] = col[i];
                }
            }
            out.position(0);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = s;
                m[j][i] = s;
            }
        }
        return m;
    }

    /** Descending order, unscaled values, sign-normalized vectors (row-major k × n). */
    private static Result sorted(double[] vals, double[] colVecs, int n, double scale, int products, int restarts,
                                 boolean dense, long t0) {
        int k = vals.length;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(vals[q], vals[p]));
        double[] outVals = new double[k];
        double[] outVecs = new double[n * k];
        for (int i = 0; i < k; i++) {
            int j = order[i];
            outVals[i] = vals[j] * scale;
            System.arraycopy(colVecs, j * n, outVecs, i * n, n);
            fixSign(outVecs, i * n, n);
        }
        return new Result(outVals, outVecs, n, products, restarts, dense, (System.nanoTime() - t0) / 1e9);
    }

    /** Largest-magnitude component positive (first such on near-ties), as {@link SymmetricEigen} does. */
    static void fixSign(double[] v, int from, int n) {
        int best = 0;
        double bestAbs = -1;
        for (int r = 0; r < n; r++) {
            double x = Math.abs(v[from + r]);
            if (x > bestAbs + 1e-14) {
                bestAbs = x;
                best = r;
            }
        }
        if (v[from + best] < 0) {
            for (int r = 0; r < n; r++) {
                v[from + r] = -v[from + r];
            }
        }
    }
}
