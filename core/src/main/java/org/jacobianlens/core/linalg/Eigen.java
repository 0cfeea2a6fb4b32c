package org.jacobianlens.core.linalg;

/**
 * Eigendecomposition of a symmetric n × n matrix: A = Σ_i λ_i v_i v_iᵀ.
 *
 * @param values  λ_i in descending order
 * @param vectors flat row-major n × n array whose row i is the unit eigenvector v_i (or null when only the
 *                values were requested)
 * @param n       matrix order
 */
public record Eigen(double[] values, double[] vectors, int n) {

    /** A copy of eigenvector i (unit norm). */
    public double[] vector(int i) {
        if (vectors == null) {
            throw new IllegalStateException("eigenvectors were not computed");
        }
        double[] v = new double[n];
        System.arraycopy(vectors, i * n, v, 0, n);
        return v;
    }
}
