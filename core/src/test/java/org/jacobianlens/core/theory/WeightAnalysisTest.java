package org.jacobianlens.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class WeightAnalysisTest {
    private static double[][] random(int r, int c, long seed) {
        Random rng = new Random(seed);
        double[][] a = new double[r][c];
        for (double[] row : a) {
            for (int j = 0; j < c; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return a;
    }

    private static double[][] zeros(int r, int c) {
        return new double[r][c];
    }

    @Test
    void diagonalMatrixHasItsDiagonalAsSingularValues() {
        double[][] w = {{3, 0, 0}, {0, -2, 0}, {0, 0, 1}, {0, 0, 0}};
        LayerStats s = WeightAnalysis.layer(w, zeros(4, 3), 1e-3);
        assertArrayEquals(new double[] {3, 2, 1}, s.singularValues(), 1e-12);
        assertEquals(3, s.spectralNorm(), 1e-12);
        assertEquals(Math.sqrt(14), s.frobenius(), 1e-12);
        assertEquals(14.0 / 9, s.stableRank(), 1e-12);
        assertEquals(3, s.numericalRank());
        assertEquals(0.5, WeightAnalysis.layer(w, zeros(4, 3), 0.5).numericalRank() - 1.5, 1e-12); // σ > 1.5: 3, 2
        // 99 % of 14 = 13.86 needs all three (9 + 4 = 13 < 13.86)
        assertEquals(3, s.energyRank());
    }

    @Test
    void rankOneMatrixHasStableAndNumericalRankOne() {
        double[] u = {1, 2, 2};
        double[] v = {3, 4};
        double[][] w = new double[3][2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                w[i][j] = u[i] * v[j];
            }
        }
        LayerStats s = WeightAnalysis.layer(w, zeros(3, 2), 1e-6);
        assertEquals(15, s.spectralNorm(), 1e-12); // ‖u‖·‖v‖ = 3·5
        assertEquals(1, s.numericalRank());
        assertEquals(1, s.stableRank(), 1e-12);
    }

    @Test
    void spectralNormMatchesPowerIteration() {
        double[][] w = random(40, 30, 3);
        double[] x = new double[30];
        java.util.Arrays.fill(x, 1);
        double norm = 0;
        for (int it = 0; it < 2000; it++) {
            double[] y = new double[40];
            for (int i = 0; i < 40; i++) {
                for (int j = 0; j < 30; j++) {
                    y[i] += w[i][j] * x[j];
                }
            }
            double[] z = new double[30];
            for (int j = 0; j < 30; j++) {
                for (int i = 0; i < 40; i++) {
                    z[j] += w[i][j] * y[i];
                }
            }
            double zn = 0;
            for (double a : z) {
                zn += a * a;
            }
            zn = Math.sqrt(zn);
            norm = Math.sqrt(zn);
            for (int j = 0; j < 30; j++) {
                x[j] = z[j] / zn;
            }
        }
        LayerStats s = WeightAnalysis.layer(w, zeros(40, 30), 1e-3);
        assertEquals(norm, s.spectralNorm(), 1e-9 * norm);
        double sumSq = 0;
        for (double sv : s.singularValues()) {
            sumSq += sv * sv;
        }
        assertEquals(s.frobenius() * s.frobenius(), sumSq, 1e-9 * sumSq);
        assertTrue(s.stableRank() <= s.numericalRank() && s.numericalRank() <= 30);
    }

    @Test
    void movementAndTwoOneDistanceAgainstTheInitialization() {
        double[][] w0 = {{1, 0}, {0, 1}};
        double[][] w = {{4, 0}, {4, 1}}; // W − W₀ = [[3, 0], [4, 0]]: column norms 5 and 0
        LayerStats s = WeightAnalysis.layer(w, w0, 1e-3);
        assertEquals(5, s.distance(), 1e-12);
        assertEquals(5 / Math.sqrt(2), s.relativeMovement(), 1e-12);
        assertEquals(5, s.distance21(), 1e-12);
    }

    @Test
    void truncationRecoversALowRankMatrixUnderTinyNoise() {
        double[][] a = random(12, 2, 5);
        double[][] b = random(2, 9, 6);
        double[][] w = new double[12][9];
        double[][] noisy = new double[12][9];
        double[][] noise = random(12, 9, 7);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 9; j++) {
                for (int k = 0; k < 2; k++) {
                    w[i][j] += a[i][k] * b[k][j];
                }
                noisy[i][j] = w[i][j] + 1e-7 * noise[i][j];
            }
        }
        double[][] t = WeightAnalysis.truncate(new double[][][] {noisy}, 1e-4)[0];
        double[] sv = WeightAnalysis.singularValues(t);
        // Through the Gram, singular values are resolved down to about √ε·σ₁ ≈ 1e-8·σ₁, no further.
        assertTrue(sv[1] > 1e-2 && sv[2] < 1e-7 * sv[0], java.util.Arrays.toString(sv));
        assertEquals(2, WeightAnalysis.layer(t, zeros(12, 9), 1e-3).numericalRank());
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 9; j++) {
                assertEquals(w[i][j], t[i][j], 1e-6);
            }
        }
    }

    @Test
    void marginsForOneAndSeveralOutputs() {
        assertArrayEquals(new double[] {-0.5, 2}, WeightAnalysis.margins(new double[][] {{0.5}, {2}}, new int[] {0, 1}),
                0);
        assertArrayEquals(new double[] {0.5, -1},
                WeightAnalysis.margins(new double[][] {{1, 0.5, 0.2}, {0, 1, 0}}, new int[] {0, 2}), 1e-15);
        assertEquals(2.5, WeightAnalysis.quantile(new double[] {4, 1, 2, 3}, 0.5), 1e-15);
    }

    @Test
    void boundsOnAHandComputedTwoLayerNet() {
        // Layers W₁ = diag(2, 1) (2×2), W₂ = [1 1] (1×2), initialization 0; inputs (3,4) and (0,1); γ = min margin 1.
        LayerStats l1 = WeightAnalysis.layer(new double[][] {{2, 0}, {0, 1}}, zeros(2, 2), 1e-3);
        LayerStats l2 = WeightAnalysis.layer(new double[][] {{1, 1}}, zeros(1, 2), 1e-3);
        double[][] x = {{3, 4}, {0, 1}};
        BoundReport r = WeightAnalysis.bounds(new LayerStats[] {l1, l2}, x, new double[] {1, 2}, 0.0);
        assertEquals(1, r.gamma(), 0);
        assertEquals(0, r.marginLoss(), 0);
        double n = 2;
        double xFro = Math.sqrt(26);
        double bx = 5;
        // spectral 2 and √2; Frobenius √5 and √2; (2,1): columns of W₁ have norms 2, 1 → 3; W₂: 1 + 1 = 2
        double ra = 2 * Math.sqrt(2) * Math.pow(Math.pow(3 / 2.0, 2.0 / 3) + Math.pow(2 / Math.sqrt(2), 2.0 / 3), 1.5);
        assertEquals(Math.log10(xFro * ra * Math.log(2) / n), r.log10Bartlett(), 1e-12);
        double srank = 5 / 4.0 + 1;
        double h = 2;
        assertEquals(Math.log10(Math.sqrt(bx * bx * 4 * h * Math.log(2 * h) * 8 * srank / n)), r.log10Neyshabur(), 1e-12);
        assertEquals(Math.log10(bx * (Math.sqrt(2 * Math.log(2) * 2) + 1) * Math.sqrt(5) * Math.sqrt(2) / Math.sqrt(n)),
                r.log10Golowich(), 1e-12);
        assertEquals(Math.log10(bx / Math.sqrt(n) * 2 * Math.sqrt(2) * (Math.sqrt(2 * 2) + Math.sqrt(1 * 1))),
                r.log10Pinto(), 1e-12);
    }

    @Test
    void scalingTheWeightsAndTheMarginMovesTheTermsAsTheFormulasSay() {
        double[][] w1 = random(6, 4, 1);
        double[][] w2 = random(1, 6, 2);
        double[][] z1 = zeros(6, 4);
        double[][] z2 = zeros(1, 6);
        double[][] x = random(10, 4, 3);
        double[] m = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        BoundReport base = WeightAnalysis.bounds(new LayerStats[] {WeightAnalysis.layer(w1, z1, 1e-3),
            WeightAnalysis.layer(w2, z2, 1e-3)}, x, m, 0.05);
        double[][] w1x2 = new double[6][4];
        double[][] w2x2 = new double[1][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                w1x2[i][j] = 2 * w1[i][j];
            }
            w2x2[0][i] = 2 * w2[0][i];
        }
        BoundReport doubled = WeightAnalysis.bounds(new LayerStats[] {WeightAnalysis.layer(w1x2, z1, 1e-3),
            WeightAnalysis.layer(w2x2, z2, 1e-3)}, x, m, 0.05);
        double l2 = Math.log10(2);
        assertEquals(base.log10Bartlett() + 2 * l2, doubled.log10Bartlett(), 1e-12, "Bartlett grows as 2^L");
        assertEquals(base.log10Golowich() + 2 * l2, doubled.log10Golowich(), 1e-12);
        assertEquals(base.log10Pinto() + 2 * l2, doubled.log10Pinto(), 1e-12);
        assertEquals(base.log10Neyshabur() + 2 * l2, doubled.log10Neyshabur(), 1e-12);
        double[] m2 = m.clone();
        for (int i = 0; i < m2.length; i++) {
            m2[i] *= 2;
        }
        BoundReport wider = WeightAnalysis.bounds(new LayerStats[] {WeightAnalysis.layer(w1, z1, 1e-3),
            WeightAnalysis.layer(w2, z2, 1e-3)}, x, m2, 0.05);
        assertEquals(base.log10Bartlett() - l2, wider.log10Bartlett(), 1e-12, "doubling γ halves every term");
        assertEquals(base.log10Pinto() - l2, wider.log10Pinto(), 1e-12);
        assertEquals(base.log10Neyshabur() - l2, wider.log10Neyshabur(), 1e-12);
    }

    @Test
    void nonPositiveMarginGivesUndefinedBounds() {
        LayerStats l = WeightAnalysis.layer(new double[][] {{1}}, new double[][] {{0}}, 1e-3);
        BoundReport r = WeightAnalysis.bounds(new LayerStats[] {l}, new double[][] {{1}}, new double[] {-1}, 0.05);
        assertTrue(!r.defined() && Double.isNaN(r.log10Bartlett()));
    }
}
