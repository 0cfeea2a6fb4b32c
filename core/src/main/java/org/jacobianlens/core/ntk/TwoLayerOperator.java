package org.jacobianlens.core.ntk;

import org.bytedeco.javacpp.DoublePointer;
import org.jacobianlens.core.linalg.Blas;
import org.jacobianlens.core.linalg.SymmetricOperator;

/**
 * The two-layer net's NTK (SCIENCE.md §2.3, only W trained) as a matrix-free product, for n where the n × n (or
 * nK × nK) Gram does not fit: (Θv)_{(k,i)} = Σ_r a_kr A_ir x_iᵀ(Σ_{k′,j} a_k′r A_jr v_{(k′,j)} x_j)/m with
 * A_ir = 1{w_rᵀx_i ≥ 0}. For K = 1 this is (H v)_i = Σ_r A_ir x_iᵀ(Σ_j A_jr v_j x_j)/m, i.e.
 * K v = J(Jᵀv) without J. Vectors are class-major (entry k·n + i), as in
 * {@link TwoLayerKernel#fullFiniteWidth}, whose matrix this operator applies.
 *
 * <p>Cost per product column: about 4·n·d·m flops (two n × d × m products), against 2(nK)² for a formed Gram, so
 * this path is for memory, not speed. Memory: X (8nd bytes), the activation bits (n·m/8 bytes) and per-chunk
 * buffers of n × {@link #chunk} doubles; see {@link #bytes}. Units are processed in chunks so that no n × m
 * double array exists.
 */
public final class TwoLayerOperator implements SymmetricOperator {
    /** Doubles per n × chunk buffer (32 MB). */
    private static final long CHUNK_DOUBLES = 4L << 20;

    private final int n;
    private final int d;
    private final int m;
    private final int outputs;
    private final double[] x;      // n × d row-major
    private final long[] bits;     // n × words activation patterns
    private final int words;
    private final double[][] signs; // K × m
    private final int chunk;

    /**
     * @param xRows n × d inputs
     * @param w     m × d first-layer weights
     * @param a     K × m output signs (±1)
     */
    public TwoLayerOperator(double[][] xRows, double[][] w, double[][] a) {
        this.n = xRows.length;
        this.d = n == 0 ? 0 : xRows[0].length;
        this.m = w.length;
        this.outputs = a.length;
        if (m == 0 || outputs == 0) {
            throw new IllegalArgumentException("width and outputs must be at least 1");
        }
        this.x = Blas.flatten(xRows);
        this.signs = a;
        this.words = (m + 63) >>> 6;
        this.bits = new long[n * words];
        this.chunk = chunkFor(n, m);
        double[] z = new double[m];
        // X Wᵀ a chunk of units at a time, packed into bits as in TwoLayerKernel.
        for (int r0 = 0; r0 < m; r0 += chunk) {
            int mc = Math.min(chunk, m - r0);
            double[][] wc = java.util.Arrays.copyOfRange(w, r0, r0 + mc);
            double[] zc = Blas.multiplyTransposed(x, n, d, Blas.flatten(wc), mc);
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < mc; r++) {
                    if (zc[i * mc + r] >= 0) {
                        bits[i * words + ((r0 + r) >>> 6)] |= 1L << ((r0 + r) & 63);
                    }
                }
            }
        }
    }

    private static int chunkFor(int n, int m) {
        return (int) Math.max(1, Math.min(m, CHUNK_DOUBLES / Math.max(n, 1)));
    }

    /**
     * Bytes this operator holds (X, bits) plus its per-product buffers (five n × chunk blocks and d × chunk),
     * for callers that must refuse what will not fit before building it.
     */
    public static long bytes(int n, int d, int m, int outputs) {
        long words = (m + 63L) >>> 6;
        long chunk = chunkFor(n, m);
        return 8L * n * d + 8L * n * words + 8L * (5L * n * chunk + (long) d * chunk + 2L * n * outputs);
    }

    @Override
    public int size() {
        return n * outputs;
    }

    @Override
    public void apply(DoublePointer xs, DoublePointer ys, int columns) {
        int big = n * outputs;
        double[] v = new double[big];
        for (int col = 0; col < columns; col++) {
            xs.getPointer((long) col * big).get(v, 0, big);
            ys.getPointer((long) col * big).put(applyOne(v), 0, big);
        }
    }

    /** One product, class-major in and out. */
    double[] applyOne(double[] v) {
        double[] out = new double[n * outputs];
        double[] a = new double[n * chunk];
        double[] p = new double[n * chunk];
        for (int r0 = 0; r0 < m; r0 += chunk) {
            int mc = Math.min(chunk, m - r0);
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < mc; r++) {
                    int unit = r0 + r;
                    a[i * mc + r] = (bits[i * words + (unit >>> 6)] >>> (unit & 63) & 1L) != 0 ? 1.0 : 0.0;
                }
            }
            // P_ir = A_ir Σ_k′ a_k′r v_(k′,i)
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < mc; r++) {
                    double s = 0;
                    for (int k = 0; k < outputs; k++) {
                        s += signs[k][r0 + r] * v[k * n + i];
                    }
                    p[i * mc + r] = a[i * mc + r] * s;
                }
            }
            double[] mm = Blas.transposeMultiply(x, n, d, java.util.Arrays.copyOf(p, n * mc), mc); // d × mc
            double[] q = Blas.multiply(x, n, d, mm, mc);                                           // n × mc
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < mc; r++) {
                    double z = a[i * mc + r] * q[i * mc + r] / m;
                    if (z != 0) {
                        for (int k = 0; k < outputs; k++) {
                            out[k * n + i] += signs[k][r0 + r] * z;
                        }
                    }
                }
            }
        }
        return out;
    }
}
