package org.jacobianlens.core.ntk;

import org.jacobianlens.core.linalg.Blas;
import org.jacobianlens.core.linalg.Eigen;
import org.jacobianlens.core.linalg.SymmetricEigen;
import org.jacobianlens.core.run.AnalysisFrame;

/**
 * Turns an NTK Gram and label matrices into an {@link AnalysisFrame}: spectrum, label projections, cumulative
 * energies, kernel–target alignment, kernel drift and the information-space size (SCIENCE.md §2, §4.2, §5.2).
 */
public final class SpectralAnalyzer {
    private SpectralAnalyzer() {
    }

    /**
     * @param step           training step of the Gram
     * @param gram           Θ, n × n symmetric PSD (double)
     * @param yNoisy         n × K labels trained on (K = 1 for ±1 labels, one-hot otherwise)
     * @param yClean         n × K true labels
     * @param residual       n × K current residual f(X) − Y
     * @param gram0OrNull    Θ at initialization for the drift ‖Θ − Θ₀‖_F/‖Θ₀‖_F, or null (drift 0)
     * @param cutoffFraction information space = {i : √λ_i ≥ cutoffFraction·√λ_1}
     */
    public static AnalysisFrame analyze(int step, double[][] gram, double[][] yNoisy, double[][] yClean,
                                        double[][] residual, double[][] gram0OrNull, double cutoffFraction) {
        long t0 = System.nanoTime();
        int n = gram.length;
        Eigen e = SymmetricEigen.decompose(gram);
        double[] pNoisy = projections(e, yNoisy);
        double[] pClean = projections(e, yClean);
        double[] pResidual = projections(e, residual);
        int cutoff = 0;
        double threshold = cutoffFraction * cutoffFraction * Math.max(e.values().length > 0 ? e.values()[0] : 0, 0);
        while (cutoff < n && e.values()[cutoff] >= threshold && e.values()[cutoff] > 0) {
            cutoff++;
        }
        double drift = gram0OrNull == null ? 0.0 : frobeniusDistance(gram, gram0OrNull) / frobenius(gram0OrNull);
        return new AnalysisFrame(step, n, e.values(), pNoisy, pClean, pResidual, cumulativeShare(pNoisy),
                cumulativeShare(pClean), alignment(gram, yNoisy, false), alignment(gram, yNoisy, true), drift, cutoff,
                (System.nanoTime() - t0) / 1e9);
    }

    /** E_i = Σ_k (v_iᵀ Y_{:,k})² for every eigenvector, in the eigen order; Σ_i E_i = ‖Y‖²_F. */
    public static double[] projections(Eigen e, double[][] y) {
        int n = e.n();
        int k = y.length == 0 ? 0 : y[0].length;
        if (y.length != n) {
            throw new IllegalArgumentException("labels have " + y.length + " rows, the kernel has " + n);
        }
        double[] vy = Blas.multiply(e.vectors(), n, n, Blas.flatten(y), k);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                double v = vy[i * k + c];
                s += v * v;
            }
            p[i] = s;
        }
        return p;
    }

    /** Running sums of p divided by the total (all zeros when the total is 0). */
    public static double[] cumulativeShare(double[] p) {
        double total = 0;
        for (double v : p) {
            total += v;
        }
        double[] c = new double[p.length];
        double run = 0;
        for (int i = 0; i < p.length; i++) {
            run += p[i];
            c[i] = total > 0 ? run / total : 0.0;
        }
        return c;
    }

    /**
     * Kernel–target alignment A = ⟨Θ, YYᵀ⟩_F / (‖Θ‖_F ‖YYᵀ‖_F) (Cristianini et al.), or with {@code centered}
     * the centered form of Cortes et al.: Θ_c = CΘC and Y_c = CY with C = I − 𝟙𝟙ᵀ/n. 0 when either side is 0.
     */
    public static double alignment(double[][] gram, double[][] y, boolean centered) {
        int n = gram.length;
        int k = y.length == 0 ? 0 : y[0].length;
        double[][] g = gram;
        double[][] yy = y;
        if (centered) {
            g = centerKernel(gram);
            yy = new double[n][k];
            for (int c = 0; c < k; c++) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += y[i][c];
                }
                mean /= n;
                for (int i = 0; i < n; i++) {
                    yy[i][c] = y[i][c] - mean;
                }
            }
        }
        // ⟨Θ, YYᵀ⟩ = Σ_k y_kᵀ Θ y_k and ‖YYᵀ‖_F = ‖YᵀY‖_F (K × K, cheap).
        double inner = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double yij = 0;
                for (int c = 0; c < k; c++) {
                    yij += yy[i][c] * yy[j][c];
                }
                inner += g[i][j] * yij;
            }
        }
        double yty = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += yy[i][a] * yy[i][b];
                }
                yty += s * s;
            }
        }
        double denom = frobenius(g) * Math.sqrt(yty);
        return denom == 0 ? 0.0 : inner / denom;
    }

    private static double[][] centerKernel(double[][] g) {
        int n = g.length;
        double[] row = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                row[i] += g[i][j];
            }
            total += row[i];
            row[i] /= n;
        }
        total /= (double) n * n;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = g[i][j] - row[i] - row[j] + total; // Θ symmetric ⇒ column means = row means
            }
        }
        return c;
    }

    static double frobenius(double[][] a) {
        double s = 0;
        for (double[] r : a) {
            for (double v : r) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    private static double frobeniusDistance(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double d = a[i][j] - b[i][j];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }
}
