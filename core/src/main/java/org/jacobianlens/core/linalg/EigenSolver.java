package org.jacobianlens.core.linalg;

/**
 * Chooses the eigensolver for a kernel of order n: the dense path (all n eigenpairs, {@link SymmetricEigen}) up to
 * {@link #DENSE_LIMIT}, the top-k Lanczos solver ({@link TopEigen}) above it, and reports which ran and how long it
 * took ({@link LabelSpectrum#describe()}).
 *
 * <p>The crossover, measured once on the 2-core development VM while it was quiet (load from this run only, 2 BLAS
 * threads; {@code CrossoverMeasurement} in the tests), H∞ of the bundled Fashion-MNIST images, three one-hot label
 * matrices, best of 2:
 * <pre>
 *   n        500    1000   1500   2000   2500   3000
 *   dense    0.041  0.124  0.205  0.409  0.789  1.868 s   (all n eigenvalues, SymmetricEigen.projections)
 *   top-100  0.058  0.101  0.134  0.165  0.279  0.466 s   (ARPACK, tol 1e-10, dsymv products)
 * </pre>
 * Top-100 is faster from n ≈ 1000 on, but the dense path gives every eigenvalue (the whole spectrum chart) and
 * costs at most 0.4 s up to n = 2000, the UI's limit so far, so {@link Mode#AUTO} stays dense to there and
 * switches to top-k above, where it is 3–4× faster and growing (n² against n³). {@link Mode#TOP_K} is there for a
 * caller with a tighter time budget. The two agreed to 1.7e-14 in the top 100 eigenvalues and to 12 digits in the
 * top-100 label share at every size.
 */
public final class EigenSolver {
    /** Largest n answered densely in {@link Mode#AUTO}. */
    public static final int DENSE_LIMIT = 2000;
    /** Default number of eigenpairs for the top-k path. */
    public static final int DEFAULT_K = 100;

    /** Which solver to use. */
    public enum Mode {
        /** Dense up to {@link #DENSE_LIMIT}, top-k above. */
        AUTO,
        /** Always all n eigenpairs. */
        DENSE,
        /** Always top k (dense only when k is close to n, see {@link TopEigen}). */
        TOP_K
    }

    private EigenSolver() {
    }

    /**
     * Spectrum and label energies of a heap Gram.
     *
     * @param gram symmetric PSD, n × n
     * @param k    eigenpairs for the top-k path
     * @param ys   label matrices, each n × K
     */
    public static LabelSpectrum projections(double[][] gram, Mode mode, int k, double[][]... ys) {
        int n = gram.length;
        if (useDense(n, mode)) {
            return dense(gram, ys);
        }
        try (DenseOperator op = DenseOperator.of(gram)) {
            return topK(op, k, ys);
        }
    }

    /** Spectrum and label energies of an operator (materialized for the dense path, so keep that path small). */
    public static LabelSpectrum projections(SymmetricOperator op, Mode mode, int k, double[][]... ys) {
        if (useDense(op.size(), mode)) {
            return dense(op instanceof DenseOperator d ? d.toArray() : TopEigen.materialize(op), ys);
        }
        return topK(op, k, ys);
    }

    private static boolean useDense(int n, Mode mode) {
        return mode == Mode.DENSE || (mode == Mode.AUTO && n <= DENSE_LIMIT);
    }

    /** All eigenpairs by LAPACK; rest = 0. */
    public static LabelSpectrum dense(double[][] gram, double[][]... ys) {
        long t0 = System.nanoTime();
        SymmetricEigen.Projections p = SymmetricEigen.projections(gram, ys);
        double[] totals = new double[ys.length];
        for (int s = 0; s < ys.length; s++) {
            totals[s] = frobenius2(ys[s]);
        }
        return new LabelSpectrum(p.values(), p.energies(), new double[ys.length], totals,
                LabelSpectrum.Method.DENSE, gram.length, (System.nanoTime() - t0) / 1e9);
    }

    /** Top-k eigenpairs by {@link TopEigen}, then E_i, rest and totals for each label matrix. */
    public static LabelSpectrum topK(SymmetricOperator op, int k, double[][]... ys) {
        long t0 = System.nanoTime();
        TopEigen.Result r = TopEigen.solve(op, k);
        double[][] energies = new double[ys.length][];
        double[] rest = new double[ys.length];
        double[] totals = new double[ys.length];
        for (int s = 0; s < ys.length; s++) {
            double[][] er = energiesAndRest(r, ys[s]);
            energies[s] = er[0];
            rest[s] = er[1][0];
            totals[s] = frobenius2(ys[s]);
        }
        return new LabelSpectrum(r.values(), energies, rest, totals,
                r.dense() && r.k() == r.n() ? LabelSpectrum.Method.DENSE : LabelSpectrum.Method.LANCZOS, r.n(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * {E_1 … E_k} and {rest} of label matrix y (n × K) on the eigenvectors of r: P = V_kᵀY (k × K), E_i = ‖P_i‖²,
     * rest = ‖Y − V_k P‖²_F.
     */
    public static double[][] energiesAndRest(TopEigen.Result r, double[][] y) {
        int n = r.n();
        int k = r.k();
        if (y.length != n) {
            throw new IllegalArgumentException("labels have " + y.length + " rows, the kernel has order " + n);
        }
        int cols = n == 0 ? 0 : y[0].length;
        double[] e = new double[k];
        if (n == 0 || cols == 0) {
            return new double[][] {e, {0.0}};
        }
        double[] yf = Blas.flatten(y);
        double[] p = Blas.multiply(r.vectors(), k, n, yf, cols);          // k × K
        double[] back = Blas.transposeMultiply(r.vectors(), k, n, p, cols); // n × K
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int c = 0; c < cols; c++) {
                s += p[i * cols + c] * p[i * cols + c];
            }
            e[i] = s;
        }
        double rest = 0;
        for (int i = 0; i < yf.length; i++) {
            double d = yf[i] - back[i];
            rest += d * d;
        }
        return new double[][] {e, {rest}};
    }

    static double frobenius2(double[][] y) {
        double s = 0;
        for (double[] row : y) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }
}
