package org.jacobianlens.core.theory;

/**
 * Infinite-width theory of Arora et al. for the analysed training examples (computed once per run).
 * Arrays indexed by eigenvector of H∞ in descending eigenvalue order (all n of them, or the top k past the dense
 * limit); read-only after construction.
 *
 * @param eigenvalues         λ_i(H∞), descending
 * @param projNoisy           Σ_k (v_iᵀ y_k)² for the trained labels
 * @param projClean           Σ_k (v_iᵀ y_k)² for the true labels
 * @param predictedSteps      steps at which the predicted loss is tabulated
 * @param predictedLoss       predicted mean training loss (1/n)·½ Σ_i (1 − η c λ_i)^{2k} E_i(r₀) at those steps
 * @param includesInitialOutput whether r₀ = y − u(0) (true) or r₀ = y (false)
 * @param eta                 learning rate η used in the prediction
 * @param lossScale           c of the training loss (1 for Arora's ½·sum)
 * @param complexityNoisy     √(2 yᵀ(H∞ + εI)⁻¹ y / n) for the trained labels
 * @param complexityClean     the same for the true labels
 * @param ridge               ε added to H∞ before inversion (0 = none)
 * @param minEigenvalue       λ_min(H∞), to flag ill-conditioning (NaN when only the top eigenvalues were computed)
 * @param predictedLossError  |exact − predictedLoss| ≤ this at each tabulated step: 0 when every eigenpair of H∞ was
 *                            computed, the Lanczos-quadrature bracket of the part beyond the top k otherwise
 * @param restEnergies        label energy of {trained, true} labels outside the computed eigenvectors
 *                            (‖y‖² − Σ top-k; 0 when all n were computed), so no chart pretends to show all of it
 */
public record Theory(double[] eigenvalues, double[] projNoisy, double[] projClean, int[] predictedSteps,
                     double[] predictedLoss, boolean includesInitialOutput, double eta, double lossScale,
                     double complexityNoisy, double complexityClean, double ridge, double minEigenvalue,
                     double[] predictedLossError, double[] restEnergies) {

    /** Arora's bound is vacuous for a [0,1]-valued loss once the complexity term reaches 1. */
    public boolean vacuous() {
        return complexityNoisy >= 1.0;
    }
}
