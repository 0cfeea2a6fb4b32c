package org.jacobianlens.core.ntk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.jacobianlens.core.linalg.Reference;
import org.junit.jupiter.api.Test;

class SpectralAnalyzerTest {

    @Test
    void projectionsSumToTheLabelEnergyAndCumulativeEndsAtOne() {
        Random r = new Random(3);
        double[][] k = Reference.randomSpd(12, r);
        double[][] y = new double[12][3];
        for (int i = 0; i < 12; i++) {
            y[i][i % 3] = 1;
            y[i][(i + 1) % 3] = r.nextGaussian();
        }
        double energy = Arrays.stream(y).flatMapToDouble(Arrays::stream).map(v -> v * v).sum();
        AnalysisFrame f = SpectralAnalyzer.analyze(5, k, y, y, y, null, 0.1);
        assertEquals(energy, Arrays.stream(f.projNoisy()).sum(), 1e-10);
        assertEquals(1.0, f.cumNoisy()[11], 1e-12);
        assertEquals(5, f.step());
        assertEquals(0.0, f.kernelDrift(), 0.0);
    }

    @Test
    void alignmentOfTheLabelKernelIsOne() {
        double[][] y = {{1}, {-1}, {1}, {1}, {-1}, {-1}};
        double[][] k = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                k[i][j] = y[i][0] * y[j][0];
            }
        }
        assertEquals(1.0, SpectralAnalyzer.alignment(k, y, false), 1e-12);
        assertEquals(1.0, SpectralAnalyzer.alignment(k, y, true), 1e-12, "y is already centered");
        // A kernel orthogonal to the labels: identity on a label-free direction has alignment n‖y‖²... check I:
        double[][] id = new double[6][6];
        for (int i = 0; i < 6; i++) {
            id[i][i] = 1;
        }
        // ⟨I, yyᵀ⟩ = ‖y‖² = 6, ‖I‖_F = √6, ‖yyᵀ‖_F = 6 ⇒ 1/√6.
        assertEquals(1 / Math.sqrt(6), SpectralAnalyzer.alignment(id, y, false), 1e-12);
    }

    /**
     * The one-pass alignments against their definitions with explicit matrices: Θ_c = CΘC formed entry by entry
     * from C = I − 𝟙𝟙ᵀ/n, Y_c = CY, Frobenius products summed over all n² entries; labels not centered, K = 1 and
     * 3.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void alignmentsMatchTheirDefinitions(int k) {
        java.util.Random r = new java.util.Random(11 + k);
        int n = 9;
        double[][] a = new double[n][4];
        for (double[] row : a) {
            for (int j = 0; j < 4; j++) {
                row[j] = r.nextGaussian() + 0.7;
            }
        }
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int c = 0; c < 4; c++) {
                    g[i][j] += a[i][c] * a[j][c];
                }
            }
        }
        double[][] y = new double[n][k];
        for (double[] row : y) {
            for (int c = 0; c < k; c++) {
                row[c] = r.nextGaussian() + 0.5;
            }
        }
        double[][] cm = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cm[i][j] = (i == j ? 1.0 : 0.0) - 1.0 / n;
            }
        }
        double[][] gc = mul(mul(cm, g), cm);
        double[][] yc = mul(cm, y);
        assertEquals(explicitAlignment(g, y), SpectralAnalyzer.alignment(g, y, false), 1e-12);
        assertEquals(explicitAlignment(gc, yc), SpectralAnalyzer.alignment(g, y, true), 1e-12);
        assertTrue(Math.abs(explicitAlignment(gc, yc) - explicitAlignment(g, y)) > 1e-3, "centering matters here");

    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int l = 0; l < b.length; l++) {
                    c[i][j] += a[i][l] * b[l][j];
                }
            }
        }
        return c;
    }

    /** ⟨Θ, YYᵀ⟩ / (‖Θ‖ ‖YYᵀ‖) with YYᵀ formed explicitly. */
    private static double explicitAlignment(double[][] g, double[][] y) {
        int n = g.length;
        double inner = 0;
        double gg = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double yij = 0;
                for (int c = 0; c < y[0].length; c++) {
                    yij += y[i][c] * y[j][c];
                }
                inner += g[i][j] * yij;
                gg += g[i][j] * g[i][j];
                yy += yij * yij;
            }
        }
        return inner / Math.sqrt(gg * yy);
    }

    @Test
    void driftAndCutoffAreComputedFromTheirDefinitions() {
        double[][] k0 = {{4, 0, 0}, {0, 1, 0}, {0, 0, 0.0001}};
        double[][] k = {{4, 0, 0}, {0, 2, 0}, {0, 0, 0.0001}};
        double[][] y = {{1}, {1}, {1}};
        AnalysisFrame f = SpectralAnalyzer.analyze(0, k, y, y, y, k0, 0.5);
        assertEquals(1.0 / Math.sqrt(17.00000001), f.kernelDrift(), 1e-9);
        // σ = 2, √2, 0.01; cutoff 0.5·σ₁ = 1 ⇒ two singular values above it.
        assertEquals(2, f.cutoffCount());
        assertEquals(2, f.countAbove(0.5));
        assertEquals(3, f.countAbove(0.001));
    }
}
