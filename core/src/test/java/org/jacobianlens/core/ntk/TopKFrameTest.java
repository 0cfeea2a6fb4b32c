package org.jacobianlens.core.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.EigenSolver;
import org.junit.jupiter.api.Test;

/**
 * A top-k frame against the dense frame of the same kernel, on a spectrum built by hand: Θ = Q diag(λ) Qᵀ with Q
 * from Gram–Schmidt on Gaussian columns and λ with a triple eigenvalue and a tight cluster inside the top k. The
 * dense frame is the independent answer: its first k eigenvalues and energies, and its energies beyond k summed,
 * must equal the top-k frame's values, energies and rest.
 */
class TopKFrameTest {
    private static final int N = 240;
    private static final int K = 20;

    private static double[][] kernel(Random r) {
        double[][] q = new double[N][N]; // columns orthonormal
        for (int c = 0; c < N; c++) {
            double[] v = new double[N];
            for (int i = 0; i < N; i++) {
                v[i] = r.nextGaussian();
            }
            for (int p = 0; p < c; p++) {
                for (int pass = 0; pass < 2; pass++) {
                    double dot = 0;
                    for (int i = 0; i < N; i++) {
                        dot += v[i] * q[i][p];
                    }
                    for (int i = 0; i < N; i++) {
                        v[i] -= dot * q[i][p];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < N; i++) {
                q[i][c] = v[i] / norm;
            }
        }
        double[] lambda = new double[N];
        for (int i = 0; i < N; i++) {
            lambda[i] = 50.0 / Math.pow(i + 1, 1.3);
        }
        lambda[3] = lambda[4] = lambda[5] = 4.0;                  // exactly triple
        lambda[8] = 1.5;
        lambda[9] = 1.5 * (1 + 1e-7);                              // clustered
        lambda[10] = 1.5 * (1 - 1e-7);
        double[][] a = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int c = 0; c < N; c++) {
                    s += q[i][c] * lambda[c] * q[j][c];
                }
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return a;
    }

    private static double[][] labels(Random r, int cols) {
        double[][] y = new double[N][cols];
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < cols; c++) {
                y[i][c] = cols == 1 ? (r.nextBoolean() ? 1 : -1) : r.nextGaussian();
            }
        }
        return y;
    }

    private static double energy(double[][] y) {
        double s = 0;
        for (double[] row : y) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }

    @Test
    void topKAgreesWithDenseAndTheRestIsTheEnergyBeyondK() {
        Random r = new Random(5);
        double[][] a = kernel(r);
        double[][] yN = labels(r, 3);
        double[][] yC = labels(r, 3);
        double[][] res = labels(r, 3);
        AnalysisFrame dense = SpectralAnalyzer.analyze(7, a, yN, yC, res, null, 0.1, EigenSolver.Mode.DENSE, K);
        AnalysisFrame top = SpectralAnalyzer.analyze(7, a, yN, yC, res, null, 0.1, EigenSolver.Mode.TOP_K, K);
        assertTrue(dense.complete());
        assertFalse(top.complete());
        assertEquals(K, top.k());
        assertEquals("Lanczos", top.solver());
        for (int i = 0; i < K; i++) {
            assertEquals(dense.eigenvalues()[i], top.eigenvalues()[i], 1e-10 * dense.eigenvalues()[0], "λ" + i);
        }
        double[][][] ys = {yN, yC, res};
        for (int s = 0; s < 3; s++) {
            double[] pd = s == 0 ? dense.projNoisy() : s == 1 ? dense.projClean() : dense.projResidual();
            double[] pt = s == 0 ? top.projNoisy() : s == 1 ? top.projClean() : top.projResidual();
            double total = energy(ys[s]);
            double beyond = 0;
            for (int i = K; i < N; i++) {
                beyond += pd[i];
            }
            // Energies of single eigenvalues outside the degenerate groups, and of each whole group.
            for (int i : new int[] {0, 1, 2, 6, 7, 11, 19}) {
                assertEquals(pd[i], pt[i], 1e-9 * total, "E" + i);
            }
            assertEquals(pd[3] + pd[4] + pd[5], pt[3] + pt[4] + pt[5], 1e-9 * total, "triple");
            assertEquals(pd[8] + pd[9] + pd[10], pt[8] + pt[9] + pt[10], 1e-9 * total, "cluster");
            assertEquals(beyond, top.rest()[s], 1e-9 * total, "rest = energy beyond k");
            double sum = top.rest()[s];
            for (double e : pt) {
                sum += e;
            }
            assertEquals(total, sum, 1e-10 * total, "rest + Σ top-k = ‖Y‖²");
            assertEquals(total, top.totals()[s], 1e-12 * total);
            assertEquals(0.0, dense.rest()[s], 0.0);
        }
        assertEquals(1 - top.rest()[0] / energy(yN), top.cumNoisy()[K - 1], 1e-12);
        assertEquals(top.restShareClean(), 1 - top.cumClean()[K - 1], 1e-12);
        assertEquals(dense.cumNoisy()[K - 1], top.cumNoisy()[K - 1], 1e-9);
        assertEquals(dense.alignment(), top.alignment(), 1e-15, "the Gram was formed: alignment exact on both");
        // The residual's split at a cutoff counts the rest as nuisance, so it still sums to ‖r‖².
        double[] split = top.residualSplit(0.5);
        assertEquals(energy(res), split[0] + split[1], 1e-10 * energy(res));
        assertEquals(dense.residualSplit(0.5)[1], split[1], 1e-9 * energy(res));
        String sentence = top.solverSummary();
        assertTrue(sentence.startsWith("top 20 of n = 240 by Lanczos, "), sentence);
        // a full kernel of 240 examples with 3 outputs: the order is nK
        assertTrue(top.solverSummary(720, "nK").startsWith("top 20 of nK = 720 by Lanczos, "),
                top.solverSummary(720, "nK"));
        assertTrue(top.solverSeconds() < 1 ? sentence.matches(".*, \\d+ ms") : sentence.matches(".*, \\d+\\.\\d s"),
                sentence);
    }

    @Test
    void aKernelNeverFormedHasNoAlignmentOrDrift() {
        Random r = new Random(9);
        double[][] a = kernel(r);
        double[][] y = labels(r, 1);
        AnalysisFrame top;
        try (DenseOperator op = DenseOperator.of(a)) {
            top = SpectralAnalyzer.analyze(3, op, y, y, y, 0.1, EigenSolver.Mode.TOP_K, K);
        }
        AnalysisFrame dense = SpectralAnalyzer.analyze(3, a, y, y, y, null, 0.1);
        assertTrue(Double.isNaN(top.alignment()) && Double.isNaN(top.kernelDrift()));
        for (int i = 0; i < K; i++) {
            assertEquals(dense.eigenvalues()[i], top.eigenvalues()[i], 1e-10 * dense.eigenvalues()[0]);
        }
        assertEquals(Double.NaN, SpectralAnalyzer.analyze(3, a, y, y, y, SpectralAnalyzer.NOT_KEPT, 0.1,
                EigenSolver.Mode.AUTO, K).kernelDrift());
        assertTrue(dense.solverSummary().startsWith("all 240 eigenvalues (dense), "), dense.solverSummary());
        assertTrue(dense.solverSummary(240, "nK").startsWith("all 240 eigenvalues (dense), "));
    }
}
