package org.jacobianlens.core.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.Reference;
import org.jacobianlens.core.linalg.SymmetricEigen;
import org.junit.jupiter.api.Test;

class TwoLayerKernelTest {

    @Test
    void hInfinityOnHandCheckedPairs() {
        double s = Math.sqrt(3) / 2;
        double[][] x = {{1, 0}, {1, 0}, {0, 1}, {-1, 0}, {0.5, s}};
        double[][] h = TwoLayerKernel.hInfinity(x);
        assertEquals(0.5, h[0][1], 1e-15, "identical unit vectors");
        assertEquals(0.0, h[0][2], 1e-15, "orthogonal");
        assertEquals(0.0, h[0][3], 1e-15, "opposite");
        assertEquals(1.0 / 6, h[0][4], 1e-15, "inner product ½: ½(π − π/3)/(2π) = 1/6");
        for (int i = 0; i < 5; i++) {
            assertEquals(0.5, h[i][i], 1e-15, "diagonal ½");
        }
    }

    @Test
    void hInfinityOperatorHoldsTheSameMatrixInNativeMemory() {
        Random r = new Random(9);
        double[][] x = new double[37][6];
        for (double[] row : x) {
            for (int j = 0; j < 6; j++) {
                row[j] = r.nextGaussian();
            }
        }
        x[5] = new double[6]; // a zero row gives a zero row and column, as in hInfinity
        double[][] h = TwoLayerKernel.hInfinity(x);
        try (org.jacobianlens.core.linalg.DenseOperator op = TwoLayerKernel.hInfinityOperator(x)) {
            assertEquals(37, op.size());
            for (int i = 0; i < 37; i++) {
                for (int j = 0; j < 37; j++) {
                    assertEquals(h[i][j], op.get(i, j), 1e-14, "entry " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void hInfinityIsTheGaussianAverageOfTheFiniteWidthGram() {
        Random r = new Random(1);
        double[][] x = Reference.randomUnitRows(6, 4, r);
        int m = 400_000;
        double[][] w = new double[m][4];
        for (double[] row : w) {
            for (int j = 0; j < 4; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] mc = TwoLayerKernel.finiteWidth(x, w);
        double[][] h = TwoLayerKernel.hInfinity(x);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(h[i][j], mc[i][j], 5e-3);
            }
        }
        assertTrue(SymmetricEigen.eigenvalues(h)[5] > 0, "PSD (positive definite for non-parallel inputs)");
    }

    /** The relative Frobenius fluctuation of H(W₀) around H∞ shrinks like 1/√m (SCIENCE.md §3.1, RE1). */
    @Test
    void finiteWidthGramApproachesHInfinityAsOneOverRootWidth() {
        Random r = new Random(5);
        double[][] x = Reference.randomUnitRows(30, 10, r);
        double[][] h = TwoLayerKernel.hInfinity(x);
        int[] widths = {100, 1600, 25600};
        double[] err = new double[widths.length];
        for (int s = 0; s < 4; s++) {
            for (int a = 0; a < widths.length; a++) {
                double[][] w = new double[widths[a]][10];
                for (double[] row : w) {
                    for (int j = 0; j < 10; j++) {
                        row[j] = r.nextGaussian();
                    }
                }
                err[a] += relFrobenius(TwoLayerKernel.finiteWidth(x, w), h) / 4;
            }
        }
        for (int a = 0; a < widths.length; a++) {
            double scaled = err[a] * Math.sqrt(widths[a]);
            assertTrue(scaled > 0.3 && scaled < 3, "error·√m = " + scaled + " at m = " + widths[a]);
        }
        assertTrue(err[0] / err[1] > 2.5 && err[0] / err[1] < 6.5, "ratio " + err[0] / err[1]);
        assertTrue(err[1] / err[2] > 2.5 && err[1] / err[2] < 6.5, "ratio " + err[1] / err[2]);
    }

    /**
     * Widths below one 64-bit word, exactly two words, and a ragged third word of the packed activations; n = 130
     * spans three ragged 64-row tiles of the mirrored lower triangle, n = 700 two 512-row blocks of X Wᵀ and six
     * ragged 128-column panels of the native builder's mirror. The heap Gram and the native one (for analysis
     * sets past the dense limit) both equal J Jᵀ.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"9, 7", "128, 7", "150, 130", "150, 700"})
    void finiteWidthGramIsTheExplicitJacobianGram(int m, int n) {
        Random r = new Random(2);
        double[][] x = Reference.randomUnitRows(n, 3, r);
        double[][] w = new double[m][3];
        for (double[] row : w) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] jac = new double[n][3 * m];
        for (int i = 0; i < n; i++) {
            for (int rr = 0; rr < m; rr++) {
                double z = 0;
                for (int j = 0; j < 3; j++) {
                    z += w[rr][j] * x[i][j];
                }
                for (int j = 0; j < 3; j++) {
                    jac[i][rr * 3 + j] = z >= 0 ? x[i][j] / Math.sqrt(m) : 0; // a_r = ±1 drops out of J Jᵀ
                }
            }
        }
        double[][] g = TwoLayerKernel.finiteWidth(x, w);
        try (DenseOperator op = TwoLayerKernel.finiteWidthOperator(x, w)) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    double s = 0;
                    for (int p = 0; p < 3 * m; p++) {
                        s += jac[i][p] * jac[k][p];
                    }
                    assertEquals(s, g[i][k], 1e-12);
                    assertEquals(s, op.get(i, k), 1e-12, "native entry " + i + ", " + k);
                }
            }
        }
    }

    static double relFrobenius(double[][] a, double[][] b) {
        double d = 0;
        double n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                d += (a[i][j] - b[i][j]) * (a[i][j] - b[i][j]);
                n += b[i][j] * b[i][j];
            }
        }
        return Math.sqrt(d / n);
    }
}
