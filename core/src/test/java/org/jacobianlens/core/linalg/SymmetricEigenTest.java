package org.jacobianlens.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void eigenpairsSatisfyTheDefinitionAndReconstructTheMatrix() {
        double[][] a = Reference.randomSpd(30, new Random(42));
        double[][] copy = new double[30][];
        for (int i = 0; i < 30; i++) {
            copy[i] = a[i].clone();
        }
        Eigen e = SymmetricEigen.decompose(a);
        for (int i = 0; i < 30; i++) {
            assertArrayEquals(copy[i], a[i], 0.0, "input untouched");
        }
        double scale = e.values()[0];
        for (int i = 0; i < 30; i++) {
            if (i > 0) {
                assertTrue(e.values()[i] <= e.values()[i - 1], "descending");
            }
            double[] v = e.vector(i);
            for (int r = 0; r < 30; r++) {
                double av = 0;
                for (int c = 0; c < 30; c++) {
                    av += a[r][c] * v[c];
                }
                assertEquals(e.values()[i] * v[r], av, 1e-10 * scale, "A v = λ v");
            }
            for (int j = 0; j < 30; j++) {
                double dot = 0;
                double[] w = e.vector(j);
                for (int r = 0; r < 30; r++) {
                    dot += v[r] * w[r];
                }
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-12, "orthonormal");
            }
        }
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 30; c++) {
                double s = 0;
                for (int i = 0; i < 30; i++) {
                    s += e.values()[i] * e.vectors()[i * 30 + r] * e.vectors()[i * 30 + c];
                }
                assertEquals(a[r][c], s, 1e-10 * scale, "V Λ Vᵀ = A");
            }
        }
    }

    /**
     * Energies from the tridiagonal form (no eigenvectors formed) against Σ_k (v_iᵀ y_k)² with the eigenvectors of
     * {@link SymmetricEigen#decompose}: n = 1 and 2 (edge cases), 9 (LAPACK's unblocked path) and 300 (blocked), label
     * matrices with 1, 3 and 2 (all zero) columns at once. Same eigenvalues; energies sum to ‖Y‖²_F.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 9, 300})
    void projectionsWithoutEigenvectorsMatchExplicitOnes(int n) {
        Random r = new Random(n);
        double[][] a = Reference.randomSpd(n, r);
        double[][] y1 = new double[n][1];
        double[][] y3 = new double[n][3];
        for (int i = 0; i < n; i++) {
            y1[i][0] = r.nextBoolean() ? 1 : -1;
            for (int c = 0; c < 3; c++) {
                y3[i][c] = r.nextGaussian() + c;
            }
        }
        double[][] zero = new double[n][2];
        SymmetricEigen.Projections p = SymmetricEigen.projections(a, y1, y3, zero);
        Eigen e = SymmetricEigen.decompose(a);
        assertArrayEquals(e.values(), p.values(), 1e-12 * e.values()[0]);
        double[][][] ys = {y1, y3, zero};
        for (int s = 0; s < ys.length; s++) {
            double norm2 = 0;
            double sum = 0;
            for (double[] row : ys[s]) {
                for (double v : row) {
                    norm2 += v * v;
                }
            }
            for (int i = 0; i < n; i++) {
                double expected = 0;
                for (int c = 0; c < ys[s][0].length; c++) {
                    double dot = 0;
                    for (int j = 0; j < n; j++) {
                        dot += e.vectors()[i * n + j] * ys[s][j][c];
                    }
                    expected += dot * dot;
                }
                assertEquals(expected, p.energies()[s][i], 1e-10 * Math.max(norm2, 1), "label set " + s + ", " + i);
                sum += p.energies()[s][i];
            }
            assertEquals(norm2, sum, 1e-9 * Math.max(norm2, 1));
        }
    }

    @Test
    void agreesWithAnIndependentJacobiRoutine() {
        double[][] a = Reference.randomSpd(25, new Random(7));
        double[] jacobi = Reference.jacobiEigenvalues(a);
        assertArrayEquals(jacobi, SymmetricEigen.decompose(a).values(), 1e-9 * jacobi[0]);
        assertArrayEquals(jacobi, SymmetricEigen.eigenvalues(a), 1e-9 * jacobi[0]);
    }

    @Test
    void edgeCasesRepeatedSingularAndTiny() {
        double[][] twoTwos = {{2, 0, 0}, {0, 2, 0}, {0, 0, 1}};
        assertArrayEquals(new double[] {2, 2, 1}, SymmetricEigen.eigenvalues(twoTwos), 1e-14);
        double[][] rankOne = {{1, 1}, {1, 1}};
        assertArrayEquals(new double[] {2, 0}, SymmetricEigen.eigenvalues(rankOne), 1e-14);
        Eigen one = SymmetricEigen.decompose(new double[][] {{-3}});
        assertArrayEquals(new double[] {-3}, one.values(), 0);
        assertArrayEquals(new double[] {1}, one.vector(0), 0);
        assertEquals(0, SymmetricEigen.decompose(new double[0][0]).values().length);
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.decompose(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.decompose(new double[][] {{Double.NaN, 0}, {0, 1}}));
    }

    @Test
    void eigenvectorSignIsDeterministic() {
        double[][] a = {{2, -1}, {-1, 2}};
        Eigen e = SymmetricEigen.decompose(a);
        for (int i = 0; i < 2; i++) {
            double[] v = e.vector(i);
            double big = Math.abs(v[0]) >= Math.abs(v[1]) - 1e-14 ? v[0] : v[1];
            assertTrue(big > 0, "largest component positive");
        }
    }
}
