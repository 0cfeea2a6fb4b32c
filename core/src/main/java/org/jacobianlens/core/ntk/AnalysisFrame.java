package org.jacobianlens.core.ntk;

import java.util.Locale;

/**
 * Spectral analysis of the empirical NTK Gram Θ = J Jᵀ (n_a × n_a, block-averaged over outputs) at one step.
 * All arrays are indexed by eigenvector i in order of <em>descending</em> eigenvalue and are never mutated
 * after construction (treat them as read-only).
 *
 * <p>Label projections of a target matrix Y (n_a × K) are E_i = Σ_k (v_iᵀ Y_{:,k})²; they sum to ‖Y‖²_F.
 *
 * <p>When only the top k of n eigenpairs were computed ({@link #complete()} false) the arrays have length k, the
 * cumulative shares end at 1 − rest/‖Y‖² (not at 1), the alignments and the drift are NaN where the kernel was
 * never formed (the matrix-free path), and {@link #countAbove} counts among the k computed eigenvalues only.
 *
 * @param step               training step the frame was taken at
 * @param n                  number of training examples analysed (n_a)
 * @param eigenvalues        λ_i of Θ, descending (singular values of J are √λ_i)
 * @param projNoisy          E_i for the labels actually trained on
 * @param projClean          E_i for the true labels
 * @param projResidual       E_i for the current residual f(X) − Y
 * @param cumNoisy           cumulative share Σ_{j≤i} projNoisy_j / ‖Y_noisy‖²
 * @param cumClean           cumulative share Σ_{j≤i} projClean_j / ‖Y_clean‖²
 * @param alignment          kernel–target alignment A(Θ, y) = yᵀΘy / (‖Θ‖_F ‖y‖²) for the trained labels
 * @param centeredAlignment  centered alignment A_c (Cortes et al.) for the trained labels
 * @param kernelDrift        ‖Θ_t − Θ_0‖_F / ‖Θ_0‖_F relative to the first frame of the run (0 for that frame)
 * @param cutoffCount        number of eigenvalues in the information space at the run's cutoff
 * @param seconds            wall time the analysis took (Gram + eigendecomposition + projections)
 * @param rest               {noisy, clean, residual}: energy outside the computed eigenvectors, ‖(I − V_kV_kᵀ)Y‖²_F
 *                           (all 0 when every eigenpair was computed); E_1 + … + E_k + rest = ‖Y‖²_F
 * @param totals             {noisy, clean, residual}: ‖Y‖²_F of each matrix
 * @param solver             the eigensolver that ran ("dense" or "Lanczos", {@code LabelSpectrum.Method#label})
 * @param solverSeconds      wall time of the eigensolve and projections alone
 */
public record AnalysisFrame(int step, int n, double[] eigenvalues, double[] projNoisy, double[] projClean,
                            double[] projResidual, double[] cumNoisy, double[] cumClean, double alignment,
                            double centeredAlignment, double kernelDrift, int cutoffCount, double seconds,
                            double[] rest, double[] totals, String solver, double solverSeconds) {

    /** A frame with every eigenpair computed by the dense solver (rest 0, totals from the projections). */
    public AnalysisFrame(int step, int n, double[] eigenvalues, double[] projNoisy, double[] projClean,
                         double[] projResidual, double[] cumNoisy, double[] cumClean, double alignment,
                         double centeredAlignment, double kernelDrift, int cutoffCount, double seconds) {
        this(step, n, eigenvalues, projNoisy, projClean, projResidual, cumNoisy, cumClean, alignment,
                centeredAlignment, kernelDrift, cutoffCount, seconds, new double[3],
                new double[] {sum(projNoisy), sum(projClean), sum(projResidual)}, "dense", seconds);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    /** Whether every eigenpair of the n × n kernel was computed (else only the top {@link #k()}). */
    public boolean complete() {
        return eigenvalues.length >= n;
    }

    /** Number of eigenpairs computed. */
    public int k() {
        return eigenvalues.length;
    }

    /**
     * For the status bar: "top 100 of n = 10,000 by Lanczos, 2.3 s" or "all 2,000 eigenvalues (dense), 0.7 s",
     * with the solver's own time.
     */
    public String solverSummary() {
        return solverSummary(n, "n");
    }

    /**
     * As {@link #solverSummary()} for a kernel of order {@code order}, named {@code name}: the full kernel of n
     * examples with K outputs is nK × nK, so "top 100 of nK = 3,000 by Lanczos" (its frame's n is the examples').
     */
    public String solverSummary(int order, String name) {
        String took = solverSeconds < 1 ? String.format(Locale.ROOT, "%.0f ms", 1000 * solverSeconds)
                : String.format(Locale.ROOT, "%.1f s", solverSeconds);
        if (complete() && k() >= order) {
            return String.format(Locale.ROOT, "all %,d eigenvalues (%s), %s", order, solver, took);
        }
        return String.format(Locale.ROOT, "top %,d of %s = %,d by %s, %s", k(), name, order, solver, took);
    }

    /** Share of the trained labels' energy outside the computed eigenvectors, rest/‖Y‖² (0 when complete). */
    public double restShareNoisy() {
        return totals[0] > 0 ? rest[0] / totals[0] : 0.0;
    }

    /** Share of the true labels' energy outside the computed eigenvectors. */
    public double restShareClean() {
        return totals[1] > 0 ? rest[1] / totals[1] : 0.0;
    }

    /** Singular values of J: σ_i = √max(λ_i, 0), descending. */
    public double[] singularValues() {
        double[] s = new double[eigenvalues.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(Math.max(eigenvalues[i], 0.0));
        }
        return s;
    }

    /** Share of the trained labels' energy in the top-k eigenvectors (k = 0 gives 0). */
    public double energyNoisy(int k) {
        return k <= 0 ? 0.0 : cumNoisy[Math.min(k, cumNoisy.length) - 1];
    }

    /** Share of the true labels' energy in the top-k eigenvectors (k = 0 gives 0). */
    public double energyClean(int k) {
        return k <= 0 ? 0.0 : cumClean[Math.min(k, cumClean.length) - 1];
    }

    /** Number of eigenvalues with √λ ≥ fraction · σ_1 (the information space of Oymak et al. at α = fraction·σ_1). */
    public int countAbove(double fraction) {
        if (eigenvalues.length == 0 || eigenvalues[0] <= 0) {
            return 0;
        }
        double threshold = fraction * fraction * eigenvalues[0];
        int c = 0;
        while (c < eigenvalues.length && eigenvalues[c] >= threshold) {
            c++;
        }
        return c;
    }

    /**
     * The cutoff fraction that puts exactly the top k eigenvalues in the information space (Oymak et al.'s top-k
     * variant): the largest f with {@link #countAbove(double) countAbove}(f) ≥ k, i.e. f = σ_k/σ₁ rounded down until
     * the count includes σ_k. With ties at σ_k the tied eigenvalues are included too.
     *
     * @throws IllegalArgumentException unless 1 ≤ k ≤ n and σ₁ &gt; 0
     */
    public double fractionForTop(int k) {
        if (k < 1 || k > eigenvalues.length || !(eigenvalues[0] > 0)) {
            throw new IllegalArgumentException("top-k needs 1 <= k <= " + eigenvalues.length + " and sigma_1 > 0");
        }
        double f = Math.sqrt(Math.max(eigenvalues[k - 1], 0.0) / eigenvalues[0]);
        while (f > 0 && countAbove(f) < k) {
            f = Math.nextDown(f);
        }
        return f;
    }

    /**
     * The current residual's energy split at a cutoff (Oymak et al.): {information part, nuisance part}, i.e. the
     * squared norms of its projections onto the eigenvectors with √λ ≥ fraction·σ₁ and onto the rest. The information
     * part is learned fast, the nuisance part slowly. The two sum to ‖f(X) − Y‖²_F on the analysed examples (the
     * energy outside computed top-k eigenvectors counts as nuisance).
     */
    public double[] residualSplit(double fraction) {
        int k = countAbove(fraction);
        double info = 0;
        double nuisance = rest[2];
        for (int i = 0; i < projResidual.length; i++) {
            if (i < k) {
                info += projResidual[i];
            } else {
                nuisance += projResidual[i];
            }
        }
        return new double[] {info, nuisance};
    }

    /**
     * Oymak et al.'s bias and variance proxies at the cutoff α = fraction·σ₁ for the trained labels (SCIENCE.md §4.6):
     * B = ‖Π_N(y)‖/√n and V = √K·√(Σ_{σᵢ≥α}(vᵢᵀy)²/σᵢ²)/√n, "up to constants" (Γ = 1).
     *
     * @param classes K, the number of classes
     * @return {B, V}
     */
    public double[] biasVariance(double fraction, int classes) {
        int k = countAbove(fraction);
        double nuisance = rest[0];
        double inverse = 0;
        for (int i = 0; i < projNoisy.length; i++) {
            if (i < k) {
                inverse += projNoisy[i] / eigenvalues[i];
            } else {
                nuisance += projNoisy[i];
            }
        }
        return new double[] {Math.sqrt(nuisance / n), Math.sqrt(classes) * Math.sqrt(inverse / n)};
    }
}
