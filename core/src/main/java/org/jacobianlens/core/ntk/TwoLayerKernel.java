package org.jacobianlens.core.ntk;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.jacobianlens.core.linalg.Blas;
import org.jacobianlens.core.linalg.DenseOperator;

/**
 * Kernels of the two-layer ReLU net of Arora et al. with only the first layer trained (SCIENCE.md §2.3, §3.1).
 * All results are n × n double arrays; inputs are n × d rows.
 */
public final class TwoLayerKernel {
    private TwoLayerKernel() {
    }

    /**
     * Finite-width Gram H(W) = (X Xᵀ ⊙ A Aᵀ)/m with A_ir = 1{w_rᵀx_i ≥ 0}: exactly J Jᵀ of the network
     * (1/√m) Σ_r a_r relu(w_rᵀx) for any fixed signs a_r = ±1. Cost O(n²(d + m)) through BLAS.
     *
     * @param x n × d inputs
     * @param w m × d first-layer weights
     */
    public static double[][] finiteWidth(double[][] x, double[][] w) {
        Patterns p = Patterns.of(x, w);
        double[][] h = new double[x.length][x.length];
        // h's upper triangle receives X Xᵀ; each row of X Wᵀ is packed into activation bits as it arrives.
        Blas.gramAndCross(x, w, h, p::pack);
        scaleByPatternGram(h, p);
        return h;
    }

    /**
     * {@link #finiteWidth(double[][], double[][])} for inputs whose Gram X Xᵀ was computed once by
     * {@link #inputs}: during training X is fixed and only W moves, so each analysis frame needs only X Wᵀ.
     */
    public static double[][] finiteWidth(Inputs in, double[][] w) {
        double[][] x = in.x;
        Patterns p = Patterns.of(x, w);
        Blas.cross(x, w, p::pack);
        double[][] h = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            h[i] = in.upper[i].clone();
        }
        scaleByPatternGram(h, p);
        return h;
    }

    /** Rows of X Wᵀ formed at a time by {@link #finiteWidthOperator}: bounds its n × m temporary. */
    private static final int CROSS_ROWS = 512;

    /**
     * {@link #finiteWidth(double[][], double[][])} written straight into native memory, for analysis sets past the
     * dense limit: 8n² bytes native (800 MB at n = 10⁴) and no n × n array on the heap, where it would not fit
     * twice (frame and cache) in a 1 GB heap. X Xᵀ by one dsyrk; X Wᵀ in blocks of {@value #CROSS_ROWS} rows, each
     * packed into activation bits at once; then every entry scaled by its count of shared active units / m, column
     * by column. Every temporary is freed before returning; close the operator after use.
     *
     * @param x n × d inputs
     * @param w m × d first-layer weights
     */
    public static DenseOperator finiteWidthOperator(double[][] x, double[][] w) {
        int n = x.length;
        Patterns p = Patterns.of(x, w);
        DoublePointer g = new DoublePointer(Math.max(1L, (long) n * n));
        try {
            if (n > 0) {
                inputGramAndPatterns(x, w, g, p);
                double[] col = new double[n];
                for (int j = 0; j < n; j++) {
                    g.position((long) j * n).get(col, 0, n);
                    for (int i = 0; i < n; i++) {
                        col[i] = col[i] * p.shared(i, j) / p.m();
                    }
                    g.position((long) j * n).put(col, 0, n);
                }
            }
            return DenseOperator.wrap(g.position(0), n);
        } catch (RuntimeException | Error e) {
            g.close();
            throw e;
        }
    }

    /** X Xᵀ (both triangles, column-major) into {@code g}, and the activation bits of every row of X Wᵀ. */
    private static void inputGramAndPatterns(double[][] x, double[][] w, DoublePointer g, Patterns p) {
        int n = x.length;
        int d = x[0].length;
        int m = w.length;
        int rows = Math.min(CROSS_ROWS, n);
        try (DoublePointer xt = new DoublePointer((long) n * d);
             DoublePointer wt = new DoublePointer((long) m * d);
             DoublePointer z = new DoublePointer((long) rows * m)) {
            for (int i = 0; i < n; i++) {
                xt.position((long) i * d).put(x[i], 0, d); // row i of X = column i of the d × n matrix Xᵀ
            }
            for (int r = 0; r < m; r++) {
                wt.position((long) r * d).put(w[r], 0, d);
            }
            xt.position(0);
            wt.position(0);
            double[] zr = new double[m];
            Blas.threaded(() -> {
                openblas.cblas_dsyrk(openblas.CblasColMajor, openblas.CblasLower, openblas.CblasTrans, n, d, 1.0, xt,
                        d, 0.0, g, n);
                for (int i0 = 0; i0 < n; i0 += rows) {
                    int b = Math.min(rows, n - i0);
                    // Z block (m × b, column-major) = W Xᵀ_block: column i of it is row i0 + i of X Wᵀ.
                    openblas.cblas_dgemm(openblas.CblasColMajor, openblas.CblasTrans, openblas.CblasNoTrans, m, b, d,
                            1.0, wt, d, xt.position((long) i0 * d), d, 0.0, z, m);
                    xt.position(0);
                    for (int i = 0; i < b; i++) {
                        z.position((long) i * m).get(zr, 0, m);
                        p.pack(zr, i0 + i);
                    }
                    z.position(0);
                }
                return null;
            });
        }
        mirrorLower(g, n);
    }

    /**
     * Copies the lower triangle of the column-major n × n {@code g} onto its upper one, in panels of columns: the
     * upper part of column j (rows i < j) is row j of the columns i < j, so each panel gathers those rows with one
     * contiguous read per source column and writes each of its columns back at once (no per-entry native calls).
     */
    private static void mirrorLower(DoublePointer g, int n) {
        final int tile = 128;
        double[] segment = new double[tile];
        double[][] panel = new double[tile][n];
        for (int j0 = 0; j0 < n; j0 += tile) {
            int j1 = Math.min(n, j0 + tile);
            for (int i = 0; i < j1 - 1; i++) {
                int from = Math.max(j0, i + 1); // rows j > i of column i that fall in this panel
                int len = j1 - from;
                g.position((long) i * n + from).get(segment, 0, len);
                for (int t = 0; t < len; t++) {
                    panel[from + t - j0][i] = segment[t];
                }
            }
            for (int j = j0; j < j1; j++) {
                g.position((long) j * n).put(panel[j - j0], 0, j);
            }
        }
        g.position(0);
    }

    /** Inputs X with their Gram X Xᵀ, for repeated {@link #finiteWidth(Inputs, double[][])}. */
    public static Inputs inputs(double[][] x) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        return new Inputs(x, Blas.unflatten(Blas.gram(Blas.flatten(x), n, d), n, n));
    }

    /** X (kept by reference: callers pass the same, unchanging array) and X Xᵀ. */
    public static final class Inputs {
        private final double[][] x;
        private final double[][] upper;

        private Inputs(double[][] x, double[][] upper) {
            this.x = x;
            this.upper = upper;
        }

        /** Whether these are the inputs {@code other} (the same array). */
        public boolean isFor(double[][] other) {
            return other == x;
        }
    }

    private static void checkWeights(double[][] w, int d) {
        if (w.length == 0) {
            throw new IllegalArgumentException("width m must be at least 1");
        }
        if (w[0].length != d) {
            throw new IllegalArgumentException("weights have " + w[0].length + " columns, inputs have " + d);
        }
    }

    /**
     * h_ij ← h_ij · |shared active units| / m on the upper triangle (h holds x_iᵀx_j there), then the lower triangle
     * mirrored in tiles, which keeps the column writes in cache instead of touching a new row array per element.
     */
    private static void scaleByPatternGram(double[][] h, Patterns p) {
        int n = h.length;
        for (int i = 0; i < n; i++) {
            double[] row = h[i];
            for (int j = i; j < n; j++) {
                row[j] = row[j] * p.shared(i, j) / p.m();
            }
        }
        mirrorUpper(h);
    }

    /** The activation patterns 1{w_rᵀx_i ≥ 0} of n inputs on m units, packed 64 to a long, {@code words} per row. */
    private record Patterns(int m, int words, long[] bits) {
        /** Room for the patterns of inputs x under weights w (checked to fit x). */
        static Patterns of(double[][] x, double[][] w) {
            checkWeights(w, x.length == 0 ? 0 : x[0].length);
            int words = (w.length + 63) >>> 6;
            return new Patterns(w.length, words, new long[x.length * words]);
        }

        /** Packs row i of X Wᵀ, {@code z} (length m). */
        void pack(double[] z, int i) {
            packActivations(z, m, bits, i * words);
        }

        /** Units active on both inputs i and j. */
        int shared(int i, int j) {
            int ri = i * words;
            int rj = j * words;
            int both = 0;
            for (int k = 0; k < words; k++) {
                both += Long.bitCount(bits[ri + k] & bits[rj + k]);
            }
            return both;
        }
    }

    /**
     * The full multi-output Gram of f_k(x) = (1/√m) Σ_r a_kr relu(w_rᵀx) (only W trained), nK × nK in class-major
     * order (row k·n + i): block (k, k′) = (X Xᵀ ⊙ A diag(a_k ⊙ a_k′) Aᵀ)/m with A_ir = 1{w_rᵀx_i ≥ 0}. Diagonal
     * blocks are {@link #finiteWidth} (a_kr² = 1); off-diagonal ones count shared active units with the sign
     * a_kr·a_k′r, as popcounts: Σ_r s_r A_ir A_jr = 2·|both active ∧ s = +1| − |both active|.
     *
     * @param signs K × m output signs a (entries ±1)
     */
    public static double[][] fullFiniteWidth(double[][] x, double[][] w, double[][] signs) {
        int n = x.length;
        int m = w.length;
        int outputs = signs.length;
        for (double[] row : signs) {
            if (row.length != m) {
                throw new IllegalArgumentException("signs have " + row.length + " columns, the width is " + m);
            }
        }
        double[][] h = finiteWidth(x, w);
        double[][] xx = new double[n][n];
        double[] g = Blas.gram(Blas.flatten(x), n, n == 0 ? 0 : x[0].length);
        for (int i = 0; i < n; i++) {
            System.arraycopy(g, i * n, xx[i], 0, n);
        }
        Patterns p = Patterns.of(x, w);
        Blas.cross(x, w, p::pack);
        long[] bits = p.bits();
        int words = p.words();
        int big = n * outputs;
        double[][] out = new double[big][big];
        long[] plus = new long[words];
        for (int k = 0; k < outputs; k++) {
            for (int q = k; q < outputs; q++) {
                if (q == k) {
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(h[i], 0, out[k * n + i], k * n, n);
                    }
                    continue;
                }
                java.util.Arrays.fill(plus, 0);
                for (int r = 0; r < m; r++) {
                    if (signs[k][r] * signs[q][r] > 0) {
                        plus[r >>> 6] |= 1L << (r & 63);
                    }
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        long both = 0;
                        long same = 0;
                        for (int t = 0; t < words; t++) {
                            long a = bits[i * words + t] & bits[j * words + t];
                            both += Long.bitCount(a);
                            same += Long.bitCount(a & plus[t]);
                        }
                        double v = xx[i][j] * (2 * same - both) / m;
                        out[k * n + i][q * n + j] = v;
                        out[q * n + j][k * n + i] = v;
                    }
                }
            }
        }
        return out;
    }

    /** Copies the upper triangle of square {@code a} onto its lower one, in 64 × 64 tiles. */
    static void mirrorUpper(double[][] a) {
        int n = a.length;
        final int tile = 64;
        for (int i0 = 0; i0 < n; i0 += tile) {
            for (int j0 = 0; j0 <= i0; j0 += tile) {
                int iEnd = Math.min(i0 + tile, n);
                for (int i = i0; i < iEnd; i++) {
                    double[] row = a[i];
                    int jEnd = Math.min(Math.min(j0 + tile, n), i);
                    for (int j = j0; j < jEnd; j++) {
                        row[j] = a[j][i];
                    }
                }
            }
        }
    }

    /**
     * Packs the ReLU derivatives 1{w_rᵀx_i ≥ 0} (as in Arora et al.) of one example, z = (w_rᵀx_i)_r, 64 per
     * long into bits[at …].
     *
     * <p>Why not a BLAS product for the pattern Gram A Aᵀ: it is a count of common active units, which
     * AND + popcount computes exactly on 64 units per instruction: n²m/128 word operations against n²m flops for
     * dsyrk. With OpenBLAS 0.3.31's AVX-512 kernels the two now take the same time at n = m = 1000 (0.013 s, also
     * for an exact float ssyrk of the 0/1 matrix, packing included); popcount stays because it is exact in
     * integers whatever the width and needs no n × m copy of the pattern.
     */
    static void packActivations(double[] z, int m, long[] bits, int at) {
        int words = (m + 63) >>> 6;
        for (int word = 0; word < words; word++) {
            // Branch-free (the signs are coin flips, so a branch mispredicts half the time): 4-5× faster.
            int r0 = word << 6;
            int len = Math.min(64, m - r0);
            long acc = 0;
            for (int r = 0; r < len; r++) {
                acc |= (z[r0 + r] >= 0 ? 1L : 0L) << r;
            }
            bits[at + word] = acc;
        }
    }

    /**
     * Infinite-width Gram H∞_ij = x_iᵀx_j (π − arccos(cos θ_ij)) / (2π), the expectation of
     * {@link #finiteWidth} over w ~ N(0, I). Cosines are clamped to [−1, 1] against rounding. The formula is
     * exact for any norms (cos θ is computed from the norms), but the theory of Arora et al. assumes unit-norm
     * rows; a zero row gives a zero row and column.
     */
    public static double[][] hInfinity(double[][] x) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[] g = Blas.gram(Blas.flatten(x), n, d);
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = Math.sqrt(Math.max(g[i * n + i], 0));
        }
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = g[i * n + j];
                double denom = norm[i] * norm[j];
                if (denom == 0) {
                    continue;
                }
                double c = Math.max(-1.0, Math.min(1.0, dot / denom));
                h[i][j] = dot * (Math.PI - Math.acos(c)) / (2 * Math.PI);
            }
        }
        return h;
    }

    /**
     * {@link #hInfinity} written straight into native memory as an operator for the top-k solver and Cholesky, so
     * no heap copy of the n × n matrix exists (8n² bytes native; 800 MB at n = 10⁴). Same formula and clamping;
     * X Xᵀ by one dgemm (both triangles, so every column is transformed with bulk copies). Close it after use.
     */
    public static DenseOperator hInfinityOperator(double[][] x) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        DoublePointer g = new DoublePointer(Math.max(1L, (long) n * n));
        if (n == 0) {
            return DenseOperator.wrap(g, 0);
        }
        try (DoublePointer xt = new DoublePointer(Math.max(1L, (long) n * d))) {
            for (int i = 0; i < n; i++) {
                xt.position((long) i * d).put(x[i], 0, d); // row i of X = column i of the d × n matrix Xᵀ
            }
            xt.position(0);
            Blas.threaded(() -> {
                openblas.cblas_dgemm(openblas.CblasColMajor, openblas.CblasTrans, openblas.CblasNoTrans, n, n, d, 1.0,
                        xt, d, xt, d, 0.0, g, n);
                return null;
            });
        }
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = Math.sqrt(Math.max(g.get((long) i * n + i), 0));
        }
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            g.position((long) j * n).get(col, 0, n);
            for (int i = 0; i < n; i++) {
                double dot = col[i];
                double denom = norm[i] * norm[j];
                if (denom == 0) {
                    col[i] = 0;
                    continue;
                }
                double c = Math.max(-1.0, Math.min(1.0, dot / denom));
                col[i] = dot * (Math.PI - Math.acos(c)) / (2 * Math.PI);
            }
            g.position((long) j * n).put(col, 0, n);
        }
        g.position(0);
        return DenseOperator.wrap(g, n);
    }
}
