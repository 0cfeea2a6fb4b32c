package org.jacobianlens.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.jacobianlens.core.Gaussian;
import org.junit.jupiter.api.Test;

class WeightAnalysisTest {
    private static final double LOG2 = Math.log10(2);

    private static double[][] zeros(int r, int c) {
        return new double[r][c];
    }

    private static double[][] scaled(double[][] a, double c) {
        double[][] s = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                s[i][j] = c * a[i][j];
            }
        }
        return s;
    }

    private static double[][] product(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double[][] transposed(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double frobenius2(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }

    /** ‖W‖₂ by plain power iteration on WᵀW, with the change over the last iteration (to show it converged). */
    private static double[] powerIteration(double[][] w, int iterations) {
        int rows = w.length;
        int cols = w[0].length;
        double[] x = new double[cols];
        Arrays.fill(x, 1 / Math.sqrt(cols));
        double norm = 0;
        double previous = 0;
        for (int it = 0; it < iterations; it++) {
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    y[i] += w[i][j] * x[j];
                }
            }
            double yn = 0;
            for (double a : y) {
                yn += a * a;
            }
            previous = norm;
            norm = Math.sqrt(yn); // ‖W x‖ with ‖x‖ = 1
            double[] z = new double[cols];
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) {
                    z[j] += w[i][j] * y[i];
                }
            }
            double zn = 0;
            for (double a : z) {
                zn += a * a;
            }
            zn = Math.sqrt(zn);
            for (int j = 0; j < cols; j++) {
                x[j] = z[j] / zn;
            }
        }
        return new double[] {norm, Math.abs(norm - previous)};
    }

    /**
     * The rank of A by modified Gram–Schmidt with column pivoting, independent of any eigensolver: the number of
     * pivots whose residual norm exceeds tol·‖A‖_F.
     */
    private static int gramSchmidtRank(double[][] a, double tol) {
        double[][] cols = transposed(a);
        double scale = Math.sqrt(frobenius2(a));
        int rank = 0;
        boolean[] used = new boolean[cols.length];
        while (true) {
            int best = -1;
            double bestNorm = tol * scale;
            for (int j = 0; j < cols.length; j++) {
                double nrm = Math.sqrt(Arrays.stream(cols[j]).map(v -> v * v).sum());
                if (!used[j] && nrm > bestNorm) {
                    best = j;
                    bestNorm = nrm;
                }
            }
            if (best < 0) {
                return rank;
            }
            used[best] = true;
            rank++;
            double[] q = cols[best].clone();
            for (int i = 0; i < q.length; i++) {
                q[i] /= bestNorm;
            }
            for (int j = 0; j < cols.length; j++) {
                if (!used[j]) {
                    double dot = 0;
                    for (int i = 0; i < q.length; i++) {
                        dot += q[i] * cols[j][i];
                    }
                    for (int i = 0; i < q.length; i++) {
                        cols[j][i] -= dot * q[i];
                    }
                }
            }
        }
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
        assertEquals(2, WeightAnalysis.layer(w, zeros(4, 3), 0.5).numericalRank()); // σ > 1.5: 3 and 2
        assertEquals(1, WeightAnalysis.numericalRank(new double[] {4, 2, 1}, 0.5)); // σᵢ > τσ₁ is strict
        // 99 % of 14 = 13.86 needs all three (9 + 4 = 13 < 13.86)
        assertEquals(3, s.energyRank());
        // the same through the other Gram (wide instead of tall)
        assertArrayEquals(new double[] {3, 2, 1}, WeightAnalysis.layer(transposed(w), zeros(3, 4)).singularValues(),
                1e-12);
        assertTrue(s.finite());
    }

    @Test
    void energyRankAndNumericalRankDifferOnASteepSpectrum() {
        double[][] w = {{10, 0, 0}, {0, 1, 0}, {0, 0, 0.1}};
        LayerStats s = WeightAnalysis.layer(w, zeros(3, 3), 1e-3);
        assertEquals(1, s.energyRank()); // 100 ≥ 0.99 · 101.01
        assertEquals(3, s.numericalRank()); // 0.1 > 1e-3 · 10
        assertEquals(101.01 / 100, s.stableRank(), 1e-12);
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
        assertEquals(15, s.frobenius(), 1e-12);
        assertEquals(0, s.singularValues()[1], 1e-6);
        assertEquals(1, s.numericalRank());
        assertEquals(1, s.energyRank());
        assertEquals(1, s.stableRank(), 1e-12);
    }

    @Test
    void spectralNormMatchesPowerIterationAndTheRanksAreOrdered() {
        double[][] w = Gaussian.matrix(40, 30, 3);
        double[] power = powerIteration(w, 200);
        assertTrue(power[1] < 1e-12 * power[0], "power iteration has converged: last change " + power[1]);
        for (double[][] m : new double[][][] {w, transposed(w)}) {
            LayerStats s = WeightAnalysis.layer(m, zeros(m.length, m[0].length), 1e-3);
            assertEquals(power[0], s.spectralNorm(), 1e-9 * power[0]);
            double sumSq = 0;
            for (double sv : s.singularValues()) {
                sumSq += sv * sv;
            }
            assertEquals(30, s.singularValues().length);
            assertEquals(frobenius2(m), sumSq, 1e-10 * sumSq);
            assertEquals(frobenius2(m), s.frobenius() * s.frobenius(), 1e-12 * sumSq);
        }
        // stable rank ≤ numerical rank ≤ min dims, across thresholds and spectra (random, low-rank, diagonal)
        double[][] lowRank = product(Gaussian.matrix(25, 3, 4), Gaussian.matrix(3, 18, 5));
        for (double[][] m : new double[][][] {w, lowRank, {{5, 0}, {0, 4}, {0, 0}}}) {
            for (double tau : new double[] {1e-6, 1e-3, 0.1, 0.5}) {
                LayerStats s = WeightAnalysis.layer(m, zeros(m.length, m[0].length), tau);
                // srank = Σσᵢ²/σ₁² ≤ r + (k − r)τ², since the k − r dropped σᵢ are ≤ τσ₁
                int k = Math.min(m.length, m[0].length);
                assertTrue(s.stableRank() <= s.numericalRank() + (k - s.numericalRank()) * tau * tau + 1e-12);
                if (tau <= 1e-3) {
                    assertTrue(s.stableRank() <= s.numericalRank() + 1e-5);
                }
                assertTrue(s.numericalRank() <= Math.min(m.length, m[0].length));
                assertTrue(s.numericalRank() >= 1);
            }
        }
        assertEquals(3, WeightAnalysis.layer(lowRank, zeros(25, 18), 1e-6).numericalRank());
    }

    @Test
    void movementAndTwoOneDistanceAgainstTheInitialization() {
        double[][] w0 = {{1, 0}, {0, 1}};
        double[][] w = {{4, 0}, {4, 1}}; // W − W₀ = [[3, 0], [4, 0]]: row norms 3 and 4, column norms 5 and 0
        LayerStats s = WeightAnalysis.layer(w, w0, 1e-3);
        assertEquals(5, s.distance(), 1e-12);
        assertEquals(5 / Math.sqrt(2), s.relativeMovement(), 1e-12);
        assertEquals(7, s.distance21(), 1e-12, "Bartlett's ‖(W − W₀)ᵀ‖₂,₁ sums over the rows of W − W₀");
        assertTrue(Double.isNaN(WeightAnalysis.layer(w, zeros(2, 2)).relativeMovement()));
    }

    @Test
    void nonFiniteWeightsGiveUndefinedStatistics() {
        LayerStats s = WeightAnalysis.layer(new double[][] {{1, Double.NaN}}, zeros(1, 2));
        assertFalse(s.finite());
        assertTrue(Double.isNaN(s.spectralNorm()) && Double.isNaN(s.singularValues()[0]));
        assertEquals(-1, s.numericalRank());
        assertThrows(IllegalArgumentException.class, () -> WeightAnalysis.layer(zeros(2, 2), zeros(2, 3)));
    }

    @Test
    void truncationRecoversALowRankMatrixUnderTinyNoise() {
        double[][] w = product(Gaussian.matrix(12, 2, 5), Gaussian.matrix(2, 9, 6));
        double[][] noise = Gaussian.matrix(12, 9, 7);
        double[][] noisy = new double[12][9];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 9; j++) {
                noisy[i][j] = w[i][j] + 1e-7 * noise[i][j];
            }
        }
        for (double[][] m : new double[][][] {noisy, transposed(noisy)}) {
            boolean tall = m.length == 12;
            double[][] t = WeightAnalysis.truncate(new double[][][] {m}, 1e-4)[0];
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m[0].length; j++) {
                    assertEquals(tall ? w[i][j] : w[j][i], t[i][j], 1e-6);
                }
            }
            // exactly rank 2, checked without any eigensolver
            assertEquals(2, gramSchmidtRank(t, 1e-12));
            assertEquals(9, gramSchmidtRank(m, 1e-12));
            double[] sv = WeightAnalysis.singularValues(t);
            double[] svNoisy = WeightAnalysis.singularValues(m);
            assertEquals(svNoisy[0], sv[0], 1e-12 * sv[0]); // the kept singular values are unchanged
            assertEquals(svNoisy[1], sv[1], 1e-12 * sv[0]);
            // through the Gram, zero singular values come out at ≈ √ε·σ₁, not exactly 0
            assertTrue(sv[2] < 1e-7 * sv[0], Arrays.toString(sv));
        }
    }

    @Test
    void truncationIsTheEckartYoungBestApproximation() {
        double[][] w = Gaussian.matrix(15, 11, 8);
        double[] sigma = WeightAnalysis.singularValues(w);
        for (int r = 0; r <= 11; r += 3) {
            double[][] t = WeightAnalysis.truncateToRank(w, r);
            double tail = 0;
            for (int i = r; i < sigma.length; i++) {
                tail += sigma[i] * sigma[i];
            }
            double[][] diff = new double[15][11];
            for (int i = 0; i < 15; i++) {
                for (int j = 0; j < 11; j++) {
                    diff[i][j] = w[i][j] - t[i][j];
                }
            }
            // ‖W − T‖_F² = Σ_{i>r} σᵢ² with rank(T) = r is the optimum of Eckart–Young
            assertEquals(tail, frobenius2(diff), 1e-10 * frobenius2(w), "r = " + r);
            assertEquals(r, gramSchmidtRank(t, 1e-10), "r = " + r);
        }
        // truncate(τ) keeps #{σᵢ > τσ₁}
        double tau = 0.5;
        int expected = (int) Arrays.stream(sigma).filter(s -> s > tau * sigma[0]).count();
        assertTrue(expected > 1 && expected < 11);
        assertEquals(expected, gramSchmidtRank(WeightAnalysis.truncate(w, tau), 1e-10));
    }

    /** The first k columns of Q in a QR factorization of a random r × k matrix (Gram–Schmidt, twice for accuracy). */
    private static double[][] orthonormalColumns(int r, int k, long seed) {
        double[][] q = transposed(Gaussian.matrix(r, k, seed)); // row j = column j
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < j; i++) {
                    double dot = 0;
                    for (int t = 0; t < r; t++) {
                        dot += q[i][t] * q[j][t];
                    }
                    for (int t = 0; t < r; t++) {
                        q[j][t] -= dot * q[i][t];
                    }
                }
                double norm = Math.sqrt(Arrays.stream(q[j]).map(v -> v * v).sum());
                for (int t = 0; t < r; t++) {
                    q[j][t] /= norm;
                }
            }
        }
        return transposed(q);
    }

    /** U·diag(σ)·Vᵀ (rows × σ.length, σ.length ≤ rows): a matrix whose singular values are exactly σ. */
    private static double[][] withSingularValues(int rows, double[] sigma, long seed) {
        int k = sigma.length;
        double[][] u = orthonormalColumns(rows, k, seed);
        double[][] v = orthonormalColumns(k, k, seed + 1);
        double[][] us = new double[rows][k];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < k; j++) {
                us[i][j] = u[i][j] * sigma[j];
            }
        }
        return product(us, transposed(v));
    }

    /**
     * The rank in Pinto et al.'s term is the energy rank, not the numerical rank at τ = 1e-3: W = U·diag(σ)·Vᵀ with
     * σ = 10, 5, 1, 0.5, 0.05, 0.02 has full numerical rank 6 (0.02 > 1e-3·10), but 100 + 25 = 125 of
     * ‖W‖_F² = 126.2529 is ≥ 99 % (124.99), so its energy rank is 2. The term is evaluated at the truncated
     * network's margin γ̃, the other three at the network's γ.
     */
    @Test
    void pintoTermUsesTheEnergyRankOfAHandBuiltSpectrumAndTheTruncatedMargin() {
        double[] sigma = {10, 5, 1, 0.5, 0.05, 0.02};
        double[][] w = withSingularValues(8, sigma, 31);
        LayerStats s = WeightAnalysis.layer(w, zeros(8, 6));
        assertArrayEquals(sigma, s.singularValues(), 1e-12);
        assertEquals(6, s.numericalRank(), "untruncated: full at τ = 1e-3");
        assertEquals(2, s.energyRank());
        // Its truncation to that rank keeps σ₁ and σ₂ and loses 1.2529 of 126.2529 (< 1 %) of ‖W‖_F².
        double[][] t = WeightAnalysis.truncateToRank(w, s.energyRank());
        double[] st = WeightAnalysis.singularValues(t);
        assertEquals(10, st[0], 1e-12);
        assertEquals(5, st[1], 1e-12);
        assertTrue(st[2] < 1e-6, Arrays.toString(st));
        double[][] diff = new double[8][6];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 6; j++) {
                diff[i][j] = w[i][j] - t[i][j];
            }
        }
        assertEquals(1 + 0.25 + 0.0025 + 0.0004, frobenius2(diff), 1e-12);

        double[][] x = {{0.6, 0.8, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 0}, {0, 0, 0, 0, 0.8, 0.6}, {0, 0, 0, 0, 0, 2}};
        double[] margins = {4, 4, 4, 4};
        double[] truncatedMargins = {2, 2, 2, 2};
        BoundReport r = WeightAnalysis.bounds(new LayerStats[] {s}, x, margins, truncatedMargins, 0.0);
        assertEquals(4, r.gamma(), 0);
        assertEquals(2, r.pintoGamma(), 0);
        assertEquals(0, r.pintoMarginLoss(), 0);
        // (B_x/√n)·σ₁·√(r·d)/γ̃ = (2/2)·10·√(2·8)/2 = 20; with the numerical rank it would be 10·√48/2 ≈ 34.6
        assertEquals(Math.log10(20), r.log10Pinto(), 1e-12);
        // Golowich at the network's γ: 2·(√(2 ln2) + 1)·‖W‖_F/(4·2)
        assertEquals(Math.log10(2 * (Math.sqrt(2 * Math.log(2)) + 1) * Math.sqrt(126.2529) / 8), r.log10Golowich(),
                1e-12);
    }

    @Test
    void aTruncationThatMisclassifiesLeavesOnlyThePintoTermUndefined() {
        LayerStats l = WeightAnalysis.layer(new double[][] {{1, 1}}, new double[][] {{1, 0}});
        double[][] x = {{0.6, 0.8}, {0, 1}, {1, 0}, {0.8, 0.6}};
        BoundReport r = WeightAnalysis.bounds(new LayerStats[] {l}, x, new double[] {1, 2, 3, 4},
                new double[] {-1, 2, 3, 4}, 0.0);
        assertTrue(r.defined());
        assertFalse(r.pintoDefined());
        assertEquals(-1, r.pintoGamma(), 0);
        assertTrue(Double.isNaN(r.log10Pinto()));
        assertTrue(r.pintoVacuous(), "an undefined term says nothing");
        assertTrue(Double.isFinite(r.log10Bartlett()) && Double.isFinite(r.log10Golowich()));
        assertThrows(IllegalArgumentException.class, () -> WeightAnalysis.bounds(new LayerStats[] {l}, x,
                new double[] {1, 2, 3, 4}, new double[] {1, 2}, 0.0));
    }

    @Test
    void marginsForOneAndSeveralOutputs() {
        assertArrayEquals(new double[] {-0.5, 2, 0.25},
                WeightAnalysis.margins(new double[][] {{0.5}, {2}, {-0.25}}, new int[] {0, 1, 0}), 0);
        assertArrayEquals(new double[] {0.5, -1, 0},
                WeightAnalysis.margins(new double[][] {{1, 0.5, 0.2}, {0, 1, 0}, {3, -1, 3}}, new int[] {0, 2, 2}),
                1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> WeightAnalysis.margins(new double[][] {{1}}, new int[] {2}));
        assertThrows(IllegalArgumentException.class,
                () -> WeightAnalysis.margins(new double[][] {{1, 2}}, new int[] {2}));
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        assertEquals(2.5, WeightAnalysis.quantile(new double[] {4, 1, 2, 3}, 0.5), 1e-15);
        assertEquals(1, WeightAnalysis.quantile(new double[] {4, 1, 2, 3}, 0), 0);
        assertEquals(4, WeightAnalysis.quantile(new double[] {4, 1, 2, 3}, 1), 0);
        double[] v = new double[21];
        for (int i = 0; i < 21; i++) {
            v[i] = 20 - i; // 20 … 0
        }
        assertEquals(1, WeightAnalysis.quantile(v, 0.05), 1e-12); // position 0.05·20 = 1
        assertEquals(1.3, WeightAnalysis.quantile(v, 0.065), 1e-12);
    }

    /**
     * W₁ = [[3,0,4],[0,1,0]] (σ = 5, 1), W₁⁰ = [[0,0,0],[0,1,0]]; W₂ = [[1,−1]] (σ = √2), W₂⁰ = [[1,0]].
     * X = {(1,2,2), (0,0,1)}: n = 2, ‖X‖_F = √10, B_x = 3. Margins {0.5, 2}, quantile 0 → γ = 0.5. Largest
     * dimension W_max = h = 3 (the input), L = 2.
     */
    @Test
    void boundsOnAHandComputedTwoLayerNet() {
        LayerStats l1 = WeightAnalysis.layer(new double[][] {{3, 0, 4}, {0, 1, 0}},
                new double[][] {{0, 0, 0}, {0, 1, 0}});
        LayerStats l2 = WeightAnalysis.layer(new double[][] {{1, -1}}, new double[][] {{1, 0}});
        assertEquals(5, l1.distance21(), 1e-12); // W₁ − W₁⁰ = [[3,0,4],[0,0,0]]: rows 5 and 0
        assertEquals(1, l2.distance21(), 1e-12);
        assertEquals(26.0 / 25, l1.stableRank(), 1e-12);
        double[][] x = {{1, 2, 2}, {0, 0, 1}};
        // Energy ranks 2 (25 of 26 is below 99 %) and 1 are full: each layer is its own truncation, so the
        // truncated network's margins are the network's.
        assertEquals(2, l1.energyRank());
        assertEquals(1, l2.energyRank());
        double[] m = {0.5, 2};
        BoundReport r = WeightAnalysis.bounds(new LayerStats[] {l1, l2}, x, m, m, 0.0);
        assertTrue(r.defined());
        assertEquals(0.5, r.gamma(), 0);
        assertEquals(0, r.marginLoss(), 0);
        assertEquals(3, r.maxWidth());
        assertEquals(3, r.maxInputNorm(), 1e-15);
        assertEquals(Math.sqrt(10), r.inputFrobenius(), 1e-15);
        // R_A = 5·√2·((5/5)^(2/3) + (1/√2)^(2/3))^(3/2)
        double ra = 5 * Math.sqrt(2) * Math.pow(1 + Math.pow(1 / Math.sqrt(2), 2.0 / 3), 1.5);
        assertEquals(Math.log10(Math.sqrt(10) * ra * Math.log(3) / (0.5 * 2)), r.log10Bartlett(), 1e-12);
        // √(B_x² L² h ln(Lh) Π‖W‖₂² Σ srank / (γ² n)) = √(9·4·3·ln 6·25·2·(26/25 + 1)/(0.25·2))
        assertEquals(Math.log10(Math.sqrt(9 * 4 * 3 * Math.log(6) * 50 * (26.0 / 25 + 1) / (0.25 * 2))),
                r.log10Neyshabur(), 1e-12);
        // B_x(√(2 ln2·L) + 1)·√26·√2/(γ√n)
        assertEquals(Math.log10(3 * (Math.sqrt(4 * Math.log(2)) + 1) * Math.sqrt(26) * Math.sqrt(2)
                / (0.5 * Math.sqrt(2))), r.log10Golowich(), 1e-12);
        // (3/√2)·5·√2·(√(2·2) + √(1·1))/0.5 = 90
        assertEquals(Math.log10(90), r.log10Pinto(), 1e-12);
        // C₁ = 2 weighs layer 1 by 2^(L−1): (3/√2)·5·√2·(2·2 + 1)/0.5 = 150; the other terms do not use C₁
        BoundReport c2 = WeightAnalysis.bounds(new LayerStats[] {l1, l2}, x, m, m, 0.0, 2.0);
        assertEquals(Math.log10(150), c2.log10Pinto(), 1e-12);
        assertEquals(r.log10Bartlett(), c2.log10Bartlett(), 0);
        // all four terms exceed 1 here (Pinto's is 90)
        assertArrayEquals(new boolean[] {true, true, true, true}, r.vacuous());
        assertEquals(r.log10Pinto(), r.terms()[BoundReport.PINTO], 0);
        // the median margin 1.25 leaves one of the two margins below it
        assertEquals(0.5, WeightAnalysis.bounds(new LayerStats[] {l1, l2}, x, m, m, 0.5).marginLoss(), 0);
    }

    @Test
    void aLargeMarginMakesTheTermsNonVacuous() {
        LayerStats l = WeightAnalysis.layer(new double[][] {{1, 1}}, new double[][] {{1, 0}});
        double[][] x = {{0.6, 0.8}, {0, 1}, {1, 0}, {0.8, 0.6}};
        double[] m = {100, 200, 300, 400};
        BoundReport r = WeightAnalysis.bounds(new LayerStats[] {l}, x, m, m, 0.0); // rank 1: its own truncation
        // Golowich: 1·(√(2 ln2) + 1)·√2/(100·2) and Pinto: (1/2)·√2·√(1·1)/100
        assertEquals(Math.log10((Math.sqrt(2 * Math.log(2)) + 1) * Math.sqrt(2) / 200), r.log10Golowich(), 1e-12);
        assertEquals(Math.log10(Math.sqrt(2) / 200), r.log10Pinto(), 1e-12);
        assertFalse(r.golowichVacuous() || r.pintoVacuous() || r.bartlettVacuous() || r.neyshaburVacuous());
    }

    private static LayerStats[] stats(double[][][] ws, double[][][] w0s) {
        return WeightAnalysis.layers(ws, w0s, WeightAnalysis.DEFAULT_TAU);
    }

    @Test
    void scalingTheWeightsAndTheMarginMovesTheTermsAsTheFormulasSay() {
        double[][][] ws = {Gaussian.matrix(6, 4, 1), Gaussian.matrix(5, 6, 2), Gaussian.matrix(1, 5, 3)};
        double[][][] w0s = {Gaussian.matrix(6, 4, 11), Gaussian.matrix(5, 6, 12), Gaussian.matrix(1, 5, 13)};
        int depth = ws.length;
        double[][] x = Gaussian.matrix(10, 4, 3);
        double[] m = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        LayerStats[] base = stats(ws, w0s);
        // The margins stand for those of the network and of its truncation alike: only scaling is tested here.
        BoundReport b = WeightAnalysis.bounds(base, x, m, m, 0.05);
        double[][][] ws2 = new double[depth][][];
        double[][][] w0s2 = new double[depth][][];
        for (int l = 0; l < depth; l++) {
            ws2[l] = scaled(ws[l], 2);
            w0s2[l] = scaled(w0s[l], 2);
        }
        LayerStats[] twice = stats(ws2, w0s2);
        BoundReport d = WeightAnalysis.bounds(twice, x, m, m, 0.05);
        assertEquals(b.log10Bartlett() + depth * LOG2, d.log10Bartlett(), 1e-12, "Bartlett grows as 2^L");
        assertEquals(b.log10Neyshabur() + depth * LOG2, d.log10Neyshabur(), 1e-12);
        assertEquals(b.log10Golowich() + depth * LOG2, d.log10Golowich(), 1e-12);
        assertEquals(b.log10Pinto() + depth * LOG2, d.log10Pinto(), 1e-12);
        for (int l = 0; l < depth; l++) { // scale-free quantities do not move
            assertEquals(base[l].stableRank(), twice[l].stableRank(), 1e-12);
            assertEquals(base[l].numericalRank(), twice[l].numericalRank());
            assertEquals(base[l].energyRank(), twice[l].energyRank());
            assertEquals(base[l].relativeMovement(), twice[l].relativeMovement(), 1e-12);
            assertEquals(2 * base[l].distance21(), twice[l].distance21(), 1e-12);
        }
        double[] m2 = m.clone();
        for (int i = 0; i < m2.length; i++) {
            m2[i] *= 2;
        }
        BoundReport wider = WeightAnalysis.bounds(base, x, m2, m2, 0.05);
        assertEquals(2 * b.gamma(), wider.gamma(), 1e-15);
        double[] t = b.terms();
        double[] tw = wider.terms();
        for (int k = 0; k < 4; k++) {
            assertEquals(t[k] - LOG2, tw[k], 1e-12, "doubling γ halves " + BoundReport.NAMES[k]);
        }
    }

    /** A bias-free ReLU net's function and every term are unchanged when one layer is scaled by c, the next by 1/c. */
    @Test
    void rebalancingTheLayersOfAReluNetChangesNothing() {
        double[][][] ws = {Gaussian.matrix(7, 3, 21), Gaussian.matrix(2, 7, 22)};
        double[][][] w0s = {Gaussian.matrix(7, 3, 23), Gaussian.matrix(2, 7, 24)};
        double[][] x = Gaussian.matrix(12, 3, 25);
        int[] labels = new int[12];
        for (int i = 0; i < 12; i++) {
            labels[i] = i % 2;
        }
        double[][][] moved = {scaled(ws[0], 4), scaled(ws[1], 0.25)};
        double[][][] moved0 = {scaled(w0s[0], 4), scaled(w0s[1], 0.25)};
        double[] m = WeightAnalysis.margins(relu2(ws, x), labels);
        double[] mm = WeightAnalysis.margins(relu2(moved, x), labels);
        assertArrayEquals(m, mm, 1e-12);
        // the truncated networks are rebalanced alike: the best rank-r approximation of cW is c times W's
        double[] t = WeightAnalysis.margins(relu2(truncated(ws), x), labels);
        double[] tm = WeightAnalysis.margins(relu2(truncated(moved), x), labels);
        assertArrayEquals(t, tm, 1e-12);
        // shift the margins so that γ is positive whatever the random net does
        double shift = 1 - WeightAnalysis.quantile(m, 0.05);
        double shiftT = 1 - WeightAnalysis.quantile(t, 0.05);
        for (int i = 0; i < 12; i++) {
            m[i] += shift;
            mm[i] += shift;
            t[i] += shiftT;
            tm[i] += shiftT;
        }
        BoundReport a = WeightAnalysis.bounds(stats(ws, w0s), x, m, t, 0.05);
        BoundReport b = WeightAnalysis.bounds(stats(moved, moved0), x, mm, tm, 0.05);
        assertEquals(1, a.gamma(), 1e-12);
        assertEquals(1, a.pintoGamma(), 1e-12);
        assertArrayEquals(a.terms(), b.terms(), 1e-12);
        assertFalse(Arrays.equals(a.terms(), WeightAnalysis.bounds(stats(moved, w0s), x, mm, tm, 0.05).terms()),
                "a mismatched initialization moves Bartlett's term");
    }

    /** Every layer cut to its energy rank, as the run truncates it for the Pinto term. */
    private static double[][][] truncated(double[][][] ws) {
        double[][][] t = new double[ws.length][][];
        for (int l = 0; l < ws.length; l++) {
            t[l] = WeightAnalysis.truncateToRank(ws[l], WeightAnalysis.layer(ws[l], zeros(ws[l].length,
                    ws[l][0].length)).energyRank());
        }
        return t;
    }

    private static double[][] relu2(double[][][] ws, double[][] x) {
        double[][] h = product(x, transposed(ws[0]));
        for (double[] row : h) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.max(row[j], 0);
            }
        }
        return product(h, transposed(ws[1]));
    }

    @Test
    void nonPositiveMarginGivesUndefinedBounds() {
        LayerStats l = WeightAnalysis.layer(new double[][] {{1}}, new double[][] {{0}}, 1e-3);
        double[] m = {-1, 3};
        BoundReport r = WeightAnalysis.bounds(new LayerStats[] {l}, new double[][] {{1}, {2}}, m, m, 0.05);
        assertFalse(r.defined());
        for (double term : r.terms()) {
            assertTrue(Double.isNaN(term));
        }
        assertArrayEquals(new boolean[] {true, true, true, true}, r.vacuous());
        assertEquals(0.5, r.marginLoss(), 0); // γ = −1 + 0.05·4 = −0.8: only −1 is below
        assertEquals(-0.8, r.gamma(), 1e-12);
    }

    @Test
    void formulasNameEveryTerm() {
        assertEquals(4, BoundReport.FORMULAS.length);
        assertTrue(BoundReport.formula(BoundReport.BARTLETT).contains("ln(W_max)"));
        assertTrue(BoundReport.formula(BoundReport.NEYSHABUR).contains("ln(L h)"));
        assertTrue(BoundReport.formula(BoundReport.GOLOWICH).contains("√(2 ln2 · L)"));
        assertTrue(BoundReport.formula(BoundReport.PINTO).contains("√(rℓ dℓ)"));
        assertTrue(BoundReport.formula(BoundReport.PINTO).contains("99 % of ‖Wℓ‖_F²"), "the rank's tolerance");
        assertTrue(BoundReport.formula(BoundReport.PINTO).contains("truncated"));
    }
}
