package org.jacobianlens.core.theory;

import java.util.Arrays;

import org.jacobianlens.core.linalg.Blas;
import org.jacobianlens.core.linalg.Eigen;
import org.jacobianlens.core.linalg.SymmetricEigen;

/**
 * Weight-matrix statistics, training margins and the generalization-bound proxies of SCIENCE.md §6
 * (Pinto et al. and the classical norm bounds), on plain arrays.
 */
public final class WeightAnalysis {
    /** Default relative threshold of the numerical rank. */
    public static final double DEFAULT_TAU = 1e-3;
    /** Default margin quantile γ (the 5th percentile of the training margins). */
    public static final double DEFAULT_GAMMA_QUANTILE = 0.05;

    private WeightAnalysis() {
    }

    /**
     * Statistics of one layer W (n_out × n_in) against its initialization W₀ (same shape).
     * Singular values come exactly from the eigenvalues of the smaller Gram, W Wᵀ or WᵀW (LAPACK dsyevd): for the
     * layer sizes here that is cheaper than an SVD; singular values are accurate to about √ε·σ₁ ≈ 1e-8·σ₁ in
     * absolute terms, ample for ranks at τ ≥ 1e-6.
     */
    public static LayerStats layer(double[][] w, double[][] w0, double tau) {
        int rows = w.length;
        int cols = w[0].length;
        if (w0.length != rows || w0[0].length != cols) {
            throw new IllegalArgumentException("W and W₀ differ in shape");
        }
        double[] sigma = singularValues(w);
        double fro2 = 0;
        double dist2 = 0;
        double init2 = 0;
        double[] colDist2 = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double d = w[i][j] - w0[i][j];
                fro2 += w[i][j] * w[i][j];
                dist2 += d * d;
                init2 += w0[i][j] * w0[i][j];
                colDist2[j] += d * d;
            }
        }
        double d21 = 0;
        for (double c : colDist2) {
            d21 += Math.sqrt(c);
        }
        double s1 = sigma.length == 0 ? 0 : sigma[0];
        int numerical = 0;
        while (numerical < sigma.length && sigma[numerical] > tau * s1) {
            numerical++;
        }
        double sumSq = 0;
        for (double s : sigma) {
            sumSq += s * s;
        }
        int energy = 0;
        double acc = 0;
        while (energy < sigma.length && acc < 0.99 * sumSq) {
            acc += sigma[energy] * sigma[energy];
            energy++;
        }
        double fro = Math.sqrt(fro2);
        return new LayerStats(rows, cols, sigma, s1, fro, s1 > 0 ? fro2 / (s1 * s1) : 0, numerical, energy,
                Math.sqrt(dist2), init2 > 0 ? Math.sqrt(dist2 / init2) : Double.NaN, d21);
    }

    /** Singular values of W, descending, from the smaller of W Wᵀ and WᵀW. */
    public static double[] singularValues(double[][] w) {
        double[] lambda = SymmetricEigen.eigenvalues(smallGram(w));
        double[] s = new double[lambda.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(Math.max(lambda[i], 0));
        }
        return s;
    }

    private static boolean wide(double[][] w) {
        return w.length <= w[0].length;
    }

    /** W Wᵀ when W has no more rows than columns, else WᵀW. */
    private static double[][] smallGram(double[][] w) {
        int rows = w.length;
        int cols = w[0].length;
        if (wide(w)) {
            return Blas.unflatten(Blas.gram(Blas.flatten(w), rows, cols), rows, rows);
        }
        return Blas.unflatten(Blas.gram(Blas.flatten(transpose(w)), cols, rows), cols, cols);
    }

    private static double[][] transpose(double[][] w) {
        double[][] t = new double[w[0].length][w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                t[j][i] = w[i][j];
            }
        }
        return t;
    }

    /**
     * Training margins: with one output (labels 0/1 standing for −1/+1) γᵢ = yᵢ·f(xᵢ); with K outputs
     * γᵢ = f(xᵢ)_{yᵢ} − max_{k≠yᵢ} f(xᵢ)_k.
     */
    public static double[] margins(double[][] outputs, int[] labels) {
        double[] g = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            double[] f = outputs[i];
            if (f.length == 1) {
                g[i] = (labels[i] == 0 ? -1 : 1) * f[0];
            } else {
                double other = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < f.length; k++) {
                    if (k != labels[i]) {
                        other = Math.max(other, f[k]);
                    }
                }
                g[i] = f[labels[i]] - other;
            }
        }
        return g;
    }

    /** The q-quantile of v by linear interpolation between order statistics (q = 0 min, q = 1 max). */
    public static double quantile(double[] v, double q) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /**
     * The bound proxies for a network with these layers (input to output), inputs x (rows = examples) and training
     * margins; γ is the {@code gammaQuantile}-quantile of the margins.
     */
    public static BoundReport bounds(LayerStats[] layers, double[][] x, double[] margins, double gammaQuantile) {
        int n = x.length;
        double gamma = quantile(margins, gammaQuantile);
        int below = 0;
        for (double m : margins) {
            below += m < gamma ? 1 : 0;
        }
        double marginLoss = below / (double) margins.length;
        if (!(gamma > 0)) {
            return new BoundReport(gamma, marginLoss, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double xFro2 = 0;
        double bx = 0;
        for (double[] row : x) {
            double r2 = 0;
            for (double v : row) {
                r2 += v * v;
            }
            xFro2 += r2;
            bx = Math.max(bx, Math.sqrt(r2));
        }
        int depth = layers.length;
        double logProdSpec = 0;
        double logProdFro = 0;
        double ratioSum = 0;
        double srankSum = 0;
        double rankSum = 0;
        int maxWidth = 0;
        int maxHidden = 0;
        for (int l = 0; l < depth; l++) {
            LayerStats s = layers[l];
            logProdSpec += Math.log(s.spectralNorm());
            logProdFro += Math.log(s.frobenius());
            ratioSum += Math.pow(s.distance21() / s.spectralNorm(), 2.0 / 3.0);
            srankSum += s.stableRank();
            rankSum += Math.sqrt((double) s.numericalRank() * s.rows());
            maxWidth = Math.max(maxWidth, Math.max(s.rows(), s.columns()));
            if (l < depth - 1) {
                maxHidden = Math.max(maxHidden, s.rows());
            }
        }
        int h = Math.max(1, maxHidden == 0 ? maxWidth : maxHidden);
        double ln10 = Math.log(10);
        double bartlett = (0.5 * Math.log(xFro2) + logProdSpec + 1.5 * Math.log(ratioSum)
                + Math.log(Math.log(maxWidth)) - Math.log(gamma) - Math.log(n)) / ln10;
        double neyshabur = 0.5 * (2 * Math.log(bx) + 2 * Math.log(depth) + Math.log(h) + Math.log(Math.log(depth * h))
                + 2 * logProdSpec + Math.log(srankSum) - 2 * Math.log(gamma) - Math.log(n)) / ln10;
        double golowich = (Math.log(bx) + Math.log(Math.sqrt(2 * Math.log(2) * depth) + 1) + logProdFro
                - Math.log(gamma) - 0.5 * Math.log(n)) / ln10;
        double pinto = (Math.log(bx) - 0.5 * Math.log(n) + logProdSpec + Math.log(rankSum) - Math.log(gamma)) / ln10;
        return new BoundReport(gamma, marginLoss, bartlett, neyshabur, golowich, pinto);
    }

    /**
     * Every layer replaced by its best rank-r(τ) approximation (r = numerical rank), for the truncated network of
     * SCIENCE.md §6.3. Computed by projecting on the top eigenvectors of the smaller Gram.
     */
    public static double[][][] truncate(double[][][] ws, double tau) {
        double[][][] out = new double[ws.length][][];
        for (int l = 0; l < ws.length; l++) {
            double[][] w = ws[l];
            Eigen e = SymmetricEigen.decompose(smallGram(w));
            double top = Math.sqrt(Math.max(e.values()[0], 0));
            int r = 0;
            while (r < e.n() && Math.sqrt(Math.max(e.values()[r], 0)) > tau * top) {
                r++;
            }
            // P = Σ_{i<r} vᵢvᵢᵀ projects on the top-r singular subspace (left if W is wide, right otherwise).
            int k = e.n();
            double[][] p = new double[k][k];
            for (int i = 0; i < r; i++) {
                double[] v = e.vector(i);
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        p[a][b] += v[a] * v[b];
                    }
                }
            }
            double[] pf = Blas.flatten(p);
            double[] wf = Blas.flatten(w);
            int rows = w.length;
            int cols = w[0].length;
            out[l] = wide(w) ? Blas.unflatten(Blas.multiply(pf, rows, rows, wf, cols), rows, cols)
                    : Blas.unflatten(Blas.multiply(wf, rows, cols, pf, cols), rows, cols);
        }
        return out;
    }
}
