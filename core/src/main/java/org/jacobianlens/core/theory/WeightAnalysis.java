package org.jacobianlens.core.theory;

import java.util.Arrays;

import org.jacobianlens.core.linalg.Blas;
import org.jacobianlens.core.linalg.Eigen;
import org.jacobianlens.core.linalg.SymmetricEigen;

/**
 * Weight-matrix statistics, training margins, the generalization-bound proxies and the rank truncation of
 * SCIENCE.md §6 (Pinto et al. and the classical norm bounds), on plain arrays.
 *
 * <p>Input convention: one matrix per layer, rows = outputs (n_out × n_in), input layer first, exactly as
 * {@code Network.weightMatrices()} returns them. The bounds are stated for bias-free networks with 1-Lipschitz
 * activations (ρ_ℓ = 1): biases of an MLP are ignored. The layers must be the <em>effective</em> linear maps of the
 * function f. For the two-layer net of Arora et al., f(x) = (1/√m)·aᵀ relu(Wx), {@code weightMatrices()} holds only
 * the trained W (m × d, not rescaled); the 1/√m lives in the fixed output layer, so the whole network is the pair
 * {W, a/√m} with a/√m as its own initialization (distance 0). The caller appends that output layer (as
 * {@code TrainingRun} does); this class does no rescaling of its own.
 */
public final class WeightAnalysis {
    /** Default relative threshold τ of the numerical rank (SCIENCE.md §6.3). */
    public static final double DEFAULT_TAU = 1e-3;
    /** Default margin quantile: γ is the 5th percentile of the training margins. */
    public static final double DEFAULT_GAMMA_QUANTILE = 0.05;
    /**
     * Fraction of ‖W‖_F² the energy rank must hold; also the rank r_ℓ of Pinto et al.'s term. Why this and not the
     * numerical rank at τ = 1e-3: a trained layer is never exactly low-rank, and at τ = 1e-3 its rank is full
     * (SCIENCE.md RE12: 64, 255, 10), so the "rank-aware" term would be the full-rank one. Their class is
     * rank(W_ℓ) ≤ r_ℓ, which only the network truncated to rank r_ℓ belongs to (§6.3); truncating every layer to
     * its energy rank drops at most 1 % of ‖W_ℓ‖_F², i.e. ‖W_ℓ − W_ℓ,r‖_F ≤ 0.1·‖W_ℓ‖_F, and keeps σ₁ = ‖W_ℓ‖₂.
     */
    public static final double ENERGY_FRACTION = 0.99;

    private WeightAnalysis() {
    }

    /**
     * Statistics of one layer W (n_out × n_in) against its initialization W₀ (same shape), numerical rank at
     * threshold τ. All NaN (ranks −1) when W has a non-finite entry.
     *
     * <p>Why the eigenvalues of the smaller Gram (W Wᵀ if n_out ≤ n_in, else WᵀW) rather than an SVD or power
     * iteration: both Grams have the same nonzero eigenvalues σᵢ², so the k × k one with k = min(n_out, n_in) gives
     * all min(n_out, n_in) singular values at O(n_out·n_in·k + k³) cost with the project's one LAPACK entry point
     * (dsyevd), and σ₁ = ‖W‖₂ is exact to relative rounding error, unlike a fixed number of power iterations whose
     * accuracy depends on the gap σ₂/σ₁. Squaring costs accuracy only at the bottom: σᵢ is resolved to about
     * √ε·σ₁ ≈ 1e-8·σ₁ in absolute terms, which is ample for ranks at τ ≥ 1e-6.
     */
    public static LayerStats layer(double[][] w, double[][] w0, double tau) {
        int rows = w.length;
        int cols = rows == 0 ? 0 : w[0].length;
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException("empty weight matrix");
        }
        if (w0.length != rows) {
            throw new IllegalArgumentException("W is " + rows + " × " + cols + " but W₀ has " + w0.length + " rows");
        }
        if (!(tau >= 0)) {
            throw new IllegalArgumentException("tau must be non-negative: " + tau);
        }
        double fro2 = 0;
        double dist2 = 0;
        double init2 = 0;
        double d21 = 0;
        boolean finite = true;
        for (int i = 0; i < rows; i++) {
            if (w[i].length != cols || w0[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " of W or W₀ does not have " + cols + " entries");
            }
            double row2 = 0;
            for (int j = 0; j < cols; j++) {
                double d = w[i][j] - w0[i][j];
                finite &= Double.isFinite(w[i][j]);
                fro2 += w[i][j] * w[i][j];
                init2 += w0[i][j] * w0[i][j];
                row2 += d * d;
            }
            dist2 += row2;
            // ‖(W − W₀)ᵀ‖_{2,1}: the columns of (W − W₀)ᵀ are the rows of W − W₀ (one per output unit).
            d21 += Math.sqrt(row2);
        }
        if (!finite) {
            double[] nan = new double[Math.min(rows, cols)];
            Arrays.fill(nan, Double.NaN);
            return new LayerStats(rows, cols, nan, Double.NaN, Double.NaN, Double.NaN, -1, -1, Double.NaN,
                    Double.NaN, Double.NaN, tau);
        }
        double[] sigma = singularValues(w);
        double s1 = sigma[0];
        double fro = Math.sqrt(fro2);
        double relative = init2 > 0 ? Math.sqrt(dist2 / init2) : Double.NaN;
        return new LayerStats(rows, cols, sigma, s1, fro, s1 > 0 ? fro2 / (s1 * s1) : 0, numericalRank(sigma, tau),
                energyRank(sigma), Math.sqrt(dist2), relative, d21, tau);
    }

    /** {@link #layer(double[][], double[][], double)} at the default τ = 1e-3. */
    public static LayerStats layer(double[][] w, double[][] w0) {
        return layer(w, w0, DEFAULT_TAU);
    }

    /** Statistics of every layer against its initialization (same number of layers, same shapes). */
    public static LayerStats[] layers(double[][][] ws, double[][][] w0s, double tau) {
        if (ws.length != w0s.length) {
            throw new IllegalArgumentException(ws.length + " layers but " + w0s.length + " initial layers");
        }
        LayerStats[] out = new LayerStats[ws.length];
        for (int l = 0; l < ws.length; l++) {
            out[l] = layer(ws[l], w0s[l], tau);
        }
        return out;
    }

    /** Singular values of W (finite entries), descending, from the eigenvalues of the smaller Gram. */
    public static double[] singularValues(double[][] w) {
        double[] lambda = SymmetricEigen.eigenvalues(smallGram(w));
        double[] s = new double[lambda.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(Math.max(lambda[i], 0));
        }
        return s;
    }

    /** #{i : σᵢ > τ·σ₁} for singular values in descending order (0 when σ₁ = 0). */
    public static int numericalRank(double[] sigma, double tau) {
        if (sigma.length == 0 || !(sigma[0] > 0)) {
            return 0;
        }
        int r = 0;
        while (r < sigma.length && sigma[r] > tau * sigma[0]) {
            r++;
        }
        return r;
    }

    /** Smallest r with Σ_{i≤r} σᵢ² ≥ 0.99·Σ σᵢ² (0 when all σᵢ = 0). */
    public static int energyRank(double[] sigma) {
        double total = 0;
        for (double s : sigma) {
            total += s * s;
        }
        int r = 0;
        double acc = 0;
        while (r < sigma.length && acc < ENERGY_FRACTION * total) {
            acc += sigma[r] * sigma[r];
            r++;
        }
        return r;
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
     * Training margins. With one output, labels 0/1 stand for y = −1/+1 and γᵢ = yᵢ·f(xᵢ); with K ≥ 2 outputs
     * γᵢ = f(xᵢ)_{yᵢ} − max_{k≠yᵢ} f(xᵢ)_k. Pass the pre-softmax outputs (logits): the bounds are about the function
     * whose weights they measure.
     */
    public static double[] margins(double[][] outputs, int[] labels) {
        if (outputs.length != labels.length) {
            throw new IllegalArgumentException(outputs.length + " outputs but " + labels.length + " labels");
        }
        double[] g = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            double[] f = outputs[i];
            int y = labels[i];
            if (f.length == 1) {
                if (y != 0 && y != 1) {
                    throw new IllegalArgumentException("one output needs labels 0/1, got " + y + " at " + i);
                }
                g[i] = (y == 0 ? -f[0] : f[0]);
            } else {
                if (y < 0 || y >= f.length) {
                    throw new IllegalArgumentException("label " + y + " at " + i + " outside 0.." + (f.length - 1));
                }
                double other = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < f.length; k++) {
                    if (k != y) {
                        other = Math.max(other, f[k]);
                    }
                }
                g[i] = f[y] - other;
            }
        }
        return g;
    }

    /**
     * The q-quantile of v (0 ≤ q ≤ 1) by linear interpolation between order statistics: position q·(n − 1) of the
     * sorted values, so q = 0 is the minimum and q = 1 the maximum. NaN for an empty v.
     */
    public static double quantile(double[] v, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
        }
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

    /** {@link #bounds(LayerStats[], double[][], double[], double[], double, double)} with C₁ = 1. */
    public static BoundReport bounds(LayerStats[] layers, double[][] x, double[] margins, double[] truncatedMargins,
                                     double gammaQuantile) {
        return bounds(layers, x, margins, truncatedMargins, gammaQuantile, 1.0);
    }

    /**
     * The bound proxies of SCIENCE.md §6.2/§6.4 for a network with these layers (input to output), training inputs
     * x (rows = examples) and training margins; γ is the {@code gammaQuantile}-quantile of the margins and R̂_γ the
     * fraction of margins strictly below it. Each term is evaluated in log space (no overflow for deep nets) with
     * every constant and log factor the formulas leave implicit dropped, exactly as written:
     * <ul>
     * <li>Bartlett: ‖X‖_F·R_A·ln(W_max)/(γn), R_A = Πℓ‖Wℓ‖₂·(Σℓ(‖(Wℓ − Wℓ⁰)ᵀ‖_{2,1}/‖Wℓ‖₂)^{2/3})^{3/2};</li>
     * <li>Neyshabur: √(B_x²L²h ln(Lh)·Πℓ‖Wℓ‖₂²·Σℓ srankℓ/(γ²n)) without the ln(Ln/δ) confidence term;</li>
     * <li>Golowich: B_x(√(2 ln2·L) + 1)·Πℓ‖Wℓ‖_F/(γ√n) — their bound is on the Rademacher complexity; we divide
     * by γ (the margin bound's 2/γ without the 2) so that all four terms are margin-normalized alike;</li>
     * <li>Pinto: (B_x/√n)·Πℓ‖Wℓ‖₂·Σℓ C₁^{L−ℓ}√(rℓ dℓ)/γ̃ for the network truncated to rank rℓ in every layer:
     * rℓ = the energy rank ({@link #ENERGY_FRACTION}), dℓ the output width (rows) of layer ℓ = 1..L, Bℓ = ‖Wℓ‖₂
     * (truncation keeps σ₁), and γ̃ the same quantile of the truncated network's training margins.</li>
     * </ul>
     * Here B_x = maxᵢ‖xᵢ‖, L = number of layers, and W_max = h = the largest dimension of any layer, input
     * dimension included (the PAC-Bayes perturbation argument needs h to bound both sides of every matrix).
     * If γ ≤ 0 (or NaN) the first three terms are NaN and {@link BoundReport#defined()} is false; if γ̃ ≤ 0 the
     * Pinto term is NaN.
     *
     * @param margins          training margins of the network whose layers these are
     * @param truncatedMargins training margins of that network with every layer cut to its energy rank
     *                         ({@link #truncateToRank}), biases and activations kept
     */
    public static BoundReport bounds(LayerStats[] layers, double[][] x, double[] margins, double[] truncatedMargins,
                                     double gammaQuantile, double c1) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("no layers");
        }
        if (x.length == 0 || margins.length == 0) {
            throw new IllegalArgumentException("no training examples");
        }
        if (truncatedMargins.length != margins.length) {
            throw new IllegalArgumentException(margins.length + " margins but " + truncatedMargins.length
                    + " margins of the truncated network");
        }
        int n = x.length;
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
        int maxWidth = 0;
        for (LayerStats s : layers) {
            maxWidth = Math.max(maxWidth, Math.max(s.rows(), s.columns()));
        }
        double gamma = quantile(margins, gammaQuantile);
        double marginLoss = fractionBelow(margins, gamma);
        double pintoGamma = quantile(truncatedMargins, gammaQuantile);
        double pintoMarginLoss = fractionBelow(truncatedMargins, pintoGamma);
        double logProdSpec = 0;
        double logProdFro = 0;
        double ratioSum = 0;
        double srankSum = 0;
        double rankSum = 0;
        for (int l = 0; l < depth; l++) {
            LayerStats s = layers[l];
            logProdSpec += Math.log(s.spectralNorm());
            logProdFro += Math.log(s.frobenius());
            ratioSum += Math.pow(s.distance21() / s.spectralNorm(), 2.0 / 3.0);
            srankSum += s.stableRank();
            // layer ℓ = l + 1 of L carries C₁^{L−ℓ}
            rankSum += Math.pow(c1, depth - 1 - l) * Math.sqrt((double) s.energyRank() * s.rows());
        }
        double h = maxWidth;
        // A margin bound needs a positive margin: each term is NaN when its own network's γ is not (Math.log of
        // a non-positive γ is NaN or −∞; say so explicitly rather than rely on that).
        double logGamma = gamma > 0 ? Math.log(gamma) : Double.NaN;
        double logPintoGamma = pintoGamma > 0 ? Math.log(pintoGamma) : Double.NaN;
        double bartlett = 0.5 * Math.log(xFro2) + logProdSpec + 1.5 * Math.log(ratioSum) + Math.log(Math.log(maxWidth))
                - logGamma - Math.log(n);
        double neyshabur = 0.5 * (2 * Math.log(bx) + 2 * Math.log(depth) + Math.log(h) + Math.log(Math.log(depth * h))
                + 2 * logProdSpec + Math.log(srankSum) - 2 * logGamma - Math.log(n));
        double golowich = Math.log(bx) + Math.log(Math.sqrt(2 * Math.log(2) * depth) + 1) + logProdFro - logGamma
                - 0.5 * Math.log(n);
        double pinto = Math.log(bx) - 0.5 * Math.log(n) + logProdSpec + Math.log(rankSum) - logPintoGamma;
        double ln10 = Math.log(10);
        return new BoundReport(gamma, marginLoss, bartlett / ln10, neyshabur / ln10, golowich / ln10, pinto / ln10,
                n, depth, maxWidth, bx, Math.sqrt(xFro2), c1, pintoGamma, pintoMarginLoss);
    }

    /** R̂_γ: the fraction of margins strictly below γ. */
    private static double fractionBelow(double[] margins, double gamma) {
        int below = 0;
        for (double m : margins) {
            below += m < gamma ? 1 : 0;
        }
        return below / (double) margins.length;
    }

    /**
     * Every layer replaced by its best rank-r approximation (Eckart–Young), r = its numerical rank r(τ), for the
     * truncated network of SCIENCE.md §6.3. Layers with a non-finite entry are copied unchanged.
     */
    public static double[][][] truncate(double[][][] ws, double tau) {
        double[][][] out = new double[ws.length][][];
        for (int l = 0; l < ws.length; l++) {
            out[l] = truncate(ws[l], tau);
        }
        return out;
    }

    /** One layer truncated to its numerical rank r(τ); see {@link #truncate(double[][][], double)}. */
    public static double[][] truncate(double[][] w, double tau) {
        if (!allFinite(w)) {
            return copy(w);
        }
        Eigen e = SymmetricEigen.decompose(smallGram(w));
        double[] sigma = new double[e.n()];
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = Math.sqrt(Math.max(e.values()[i], 0));
        }
        return project(w, e, numericalRank(sigma, tau));
    }

    /** The best rank-r approximation of W (r clamped to 0..min(n_out, n_in)). */
    public static double[][] truncateToRank(double[][] w, int r) {
        if (!allFinite(w)) {
            return copy(w);
        }
        Eigen e = SymmetricEigen.decompose(smallGram(w));
        return project(w, e, Math.max(0, Math.min(r, e.n())));
    }

    /**
     * Projects W on the top-r eigenvectors V_r of its smaller Gram: V_r V_rᵀ W when W is wide (the vectors are left
     * singular vectors), W V_r V_rᵀ when it is tall (right singular vectors); either way Σ_{i≤r} σᵢ uᵢ vᵢᵀ.
     */
    private static double[][] project(double[][] w, Eigen e, int r) {
        int rows = w.length;
        int cols = w[0].length;
        int k = e.n();
        double[] vr = new double[r * k];
        System.arraycopy(e.vectors(), 0, vr, 0, r * k); // row i = eigenvector i
        double[] wf = Blas.flatten(w);
        if (wide(w)) {
            double[] coeff = Blas.multiply(vr, r, rows, wf, cols);              // V_rᵀ W: r × cols
            return Blas.unflatten(Blas.transposeMultiply(vr, r, rows, coeff, cols), rows, cols);
        }
        double[] coeff = Blas.multiplyTransposed(wf, rows, cols, vr, r);        // W V_r: rows × r
        return Blas.unflatten(Blas.multiply(coeff, rows, r, vr, cols), rows, cols);
    }

    private static boolean allFinite(double[][] w) {
        for (double[] row : w) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[][] copy(double[][] w) {
        double[][] c = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            c[i] = w[i].clone();
        }
        return c;
    }
}
