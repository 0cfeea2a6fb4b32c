package org.jacobianlens.core.theory;

/**
 * Quantities of one weight matrix W (n_out × n_in, rows = outputs) that the norm- and rank-based generalization
 * bounds use (SCIENCE.md §6.3), measured against its initialization W₀. Every value is NaN (ranks −1) when W
 * has a non-finite entry, e.g. after divergence. The singular values are copied in and out, so the record is
 * immutable.
 *
 * @param rows             n_out, the layer's output width d_ℓ
 * @param columns          n_in
 * @param singularValues   σᵢ(W), descending (min(n_out, n_in) of them)
 * @param spectralNorm     ‖W‖₂ = σ₁
 * @param frobenius        ‖W‖_F
 * @param stableRank       ‖W‖_F²/‖W‖₂², a soft rank (≤ the true rank); 0 for W = 0
 * @param numericalRank    #{i : σᵢ > τ·σ₁}; 0 for W = 0
 * @param energyRank       smallest r with Σ_{i≤r} σᵢ² ≥ 0.99·‖W‖_F²; 0 for W = 0
 * @param distance         ‖W − W₀‖_F
 * @param relativeMovement ‖W − W₀‖_F / ‖W₀‖_F (NaN when W₀ = 0)
 * @param distance21       ‖(W − W₀)ᵀ‖_{2,1} in Bartlett et al.'s convention (‖A‖_{2,1} = Σ over the columns of A
 *                         of their Euclidean norms): the sum over the <em>rows</em> of W − W₀, i.e. over the
 *                         layer's output units, of the Euclidean norm of each unit's incoming-weight change
 * @param tau              the relative threshold τ of {@code numericalRank}
 */
public record LayerStats(int rows, int columns, double[] singularValues, double spectralNorm, double frobenius,
                         double stableRank, int numericalRank, int energyRank, double distance,
                         double relativeMovement, double distance21, double tau) {

    /** Copies the singular values so that the caller's array may be reused. */
    public LayerStats {
        singularValues = singularValues.clone();
    }

    /** A copy of σᵢ(W), descending. */
    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** Whether every statistic is defined (W had only finite entries). */
    public boolean finite() {
        return Double.isFinite(spectralNorm);
    }
}
