package org.jacobianlens.core.ntk;

import org.jacobianlens.core.linalg.Blas;

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
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[] xf = Blas.flatten(x);
        return finiteWidth(xf, n, d, Blas.gram(xf, n, d), w);
    }

    /** As {@link #finiteWidth(double[][], double[][])} with X flattened and a precomputed row-major X Xᵀ. */
    public static double[][] finiteWidth(double[] x, int n, int d, double[] xxt, double[][] w) {
        int m = w.length;
        if (m == 0) {
            throw new IllegalArgumentException("width m must be at least 1");
        }
        if (w[0].length != d) {
            throw new IllegalArgumentException("weights have " + w[0].length + " columns, inputs have " + d);
        }
        double[] z = Blas.multiplyTransposed(x, n, d, Blas.flatten(w), m);
        long[] bits = activationBits(z, n, m);
        int words = (m + 63) >>> 6;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            int ri = i * words;
            for (int j = i; j < n; j++) {
                int rj = j * words;
                long both = 0;
                for (int k = 0; k < words; k++) {
                    both += Long.bitCount(bits[ri + k] & bits[rj + k]);
                }
                double v = xxt[i * n + j] * both / m;
                h[i][j] = v;
                h[j][i] = v;
            }
        }
        return h;
    }

    /**
     * The ReLU derivatives 1{w_rᵀx_i ≥ 0} (as in Arora et al.) packed 64 per long, row i at [i·⌈m/64⌉, …).
     *
     * <p>Why not a BLAS product: the pattern Gram A Aᵀ of a 0/1 matrix is a count of common active units, which
     * AND + popcount computes exactly on 64 units per instruction: n²m/128 word operations against n²m flops for
     * dsyrk, about 4× faster at n = m = 1000 and exact in integers whatever the width.
     */
    static long[] activationBits(double[] z, int n, int m) {
        int words = (m + 63) >>> 6;
        long[] bits = new long[n * words];
        for (int i = 0; i < n; i++) {
            int row = i * m;
            int out = i * words;
            for (int r = 0; r < m; r++) {
                if (z[row + r] >= 0) {
                    bits[out + (r >>> 6)] |= 1L << (r & 63);
                }
            }
        }
        return bits;
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
}
