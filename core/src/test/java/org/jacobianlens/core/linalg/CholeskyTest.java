package org.jacobianlens.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** yᵀ(A + εI)⁻¹y by Cholesky against the eigenvalue form Σ (vᵢᵀy)²/(λᵢ + ε). */
class CholeskyTest {

    @Test
    void quadraticFormsMatchTheEigenvalueForm() {
        int n = 300;
        double[] d = KnownSpectrum.powerLaw(n, 4.0, 1.3); // condition number ~ 1.7e3, like H∞ of digit pairs
        double[][] a = KnownSpectrum.matrix(d, 17);
        double[][] y1 = KnownSpectrum.labels(n, 1, 4);
        double[][] y3 = KnownSpectrum.labels(n, 3, 5);
        SymmetricEigen.Projections p = SymmetricEigen.projections(a, y1, y3);
        try (DenseOperator op = DenseOperator.of(a)) {
            for (double ridge : new double[] {0.0, 1e-3}) {
                double[] q = Cholesky.quadraticForms(op, ridge, y1, y3);
                for (int s = 0; s < 2; s++) {
                    double want = 0;
                    for (int i = 0; i < n; i++) {
                        want += p.energies()[s][i] / (p.values()[i] + ridge);
                    }
                    assertEquals(want, q[s], 1e-9 * want, "label set " + s + ", ridge " + ridge);
                }
            }
            // The operator is untouched.
            assertEquals(a[3][7], op.get(3, 7), 0.0);
        }
    }

    @Test
    void singularMatrixGivesInfinityAndTheRidgeMakesItFinite() {
        double[][] a = {{1, 1}, {1, 1}};
        double[][] y = {{1}, {-1}};
        try (DenseOperator op = DenseOperator.of(a)) {
            assertEquals(Double.POSITIVE_INFINITY, Cholesky.quadraticForms(op, 0.0, y)[0]);
            // (A + εI)⁻¹ on y = (1, −1) (eigenvalue ε of A + εI): ‖y‖²/ε = 2/0.5.
            assertEquals(4.0, Cholesky.quadraticForms(op, 0.5, y)[0], 1e-12);
        }
    }
}
