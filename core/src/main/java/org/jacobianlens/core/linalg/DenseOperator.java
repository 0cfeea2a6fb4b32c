package org.jacobianlens.core.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * A dense symmetric n × n matrix held in native memory (8n² bytes, both triangles) as a {@link SymmetricOperator}.
 * A single column goes through {@code dsymv}, which reads one triangle: measured at n = 5000 on 2 threads (quiet
 * VM), 0.0048 s against 0.0077 s for dgemv and 0.018 s for a one-column dgemm; ARPACK asks for exactly such
 * products. Blocks go through {@code dgemm} (at n = 10⁴ and b = 32, 0.005 s per column on the busy VM).
 *
 * <p>Why native memory: at n = 10⁴ the matrix is 800 MB; as {@code double[][]} it would sit on the Java heap and
 * be copied into native memory by every BLAS call. Close it to release the memory at once (try-with-resources).
 */
public final class DenseOperator implements SymmetricOperator, AutoCloseable {
    private final int n;
    private final DoublePointer a;
    private final double maxAbs;

    private DenseOperator(int n, DoublePointer a, double maxAbs) {
        this.n = n;
        this.a = a;
        this.maxAbs = maxAbs;
    }

    /**
     * A copy of symmetric {@code a} (n × n; only the upper triangle is read, the lower is mirrored from it).
     *
     * @throws IllegalArgumentException if a is not square or has a NaN or infinite entry
     */
    public static DenseOperator of(double[][] a) {
        int n = a.length;
        Blas.init();
        DoublePointer p = new DoublePointer(Math.max(1L, (long) n * n));
        double max = 0;
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            if (a[j].length != n) {
                p.close();
                throw new IllegalArgumentException("matrix must be square: row " + j + " has " + a[j].length
                        + " entries, expected " + n);
            }
            // Column j of the symmetric matrix: upper-triangle entries a[i][j] (i ≤ j), then a[j][i] mirrored.
            for (int i = 0; i < n; i++) {
                double v = i <= j ? a[i][j] : a[j][i];
                if (!Double.isFinite(v)) {
                    p.close();
                    throw new IllegalArgumentException("matrix has a NaN or infinite entry (row " + Math.min(i, j)
                            + ")");
                }
                col[i] = v;
                max = Math.max(max, Math.abs(v));
            }
            p.position((long) j * n).put(col, 0, n);
        }
        p.position(0);
        return new DenseOperator(n, p, max);
    }

    /**
     * Takes ownership of {@code columnMajor} (n × n, symmetric, both triangles filled), e.g. a Gram written
     * straight into native memory by a kernel builder, so that no heap copy of the matrix ever exists.
     */
    public static DenseOperator wrap(DoublePointer columnMajor, int n) {
        if (columnMajor.capacity() < (long) n * n) {
            throw new IllegalArgumentException("buffer holds " + columnMajor.capacity() + " doubles, n × n needs "
                    + (long) n * n);
        }
        double max = 0;
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            columnMajor.position((long) j * n).get(col, 0, n);
            for (double v : col) {
                if (!Double.isFinite(v)) {
                    columnMajor.position(0);
                    throw new IllegalArgumentException("matrix has a NaN or infinite entry (column " + j + ")");
                }
                max = Math.max(max, Math.abs(v));
            }
        }
        columnMajor.position(0);
        return new DenseOperator(n, columnMajor, max);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double scaleHint() {
        return maxAbs;
    }

    @Override
    public void apply(DoublePointer x, DoublePointer y, int columns) {
        if (n == 0) {
            return;
        }
        Blas.threaded(() -> {
            if (columns == 1) {
                openblas.cblas_dsymv(openblas.CblasColMajor, openblas.CblasLower, n, 1.0, a, n, x, 1, 0.0, y, 1);
            } else {
                openblas.cblas_dgemm(openblas.CblasColMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, n,
                        columns, n, 1.0, a, n, x, n, 0.0, y, n);
            }
            return null;
        });
    }

    /** The matrix in native memory (column-major; valid until {@link #close}). For Cholesky and tests. */
    DoublePointer data() {
        return a;
    }

    /** Column j (= row j) into {@code buf} (length ≥ n), which is returned. */
    public double[] column(int j, double[] buf) {
        a.position((long) j * n).get(buf, 0, n);
        a.position(0);
        return buf;
    }

    /** Entry (i, j). */
    public double get(int i, int j) {
        return a.get((long) j * n + i);
    }

    /** A heap copy, row-major rows (for the dense solver below the crossover); 8n² bytes on the heap. */
    public double[][] toArray() {
        double[][] out = new double[n][n];
        for (int j = 0; j < n; j++) {
            a.position((long) j * n).get(out[j], 0, n); // symmetric: column j = row j
        }
        a.position(0);
        return out;
    }

    /** Native bytes this operator holds. */
    public long bytes() {
        return 8L * n * n;
    }

    @Override
    public void close() {
        a.close();
    }
}
