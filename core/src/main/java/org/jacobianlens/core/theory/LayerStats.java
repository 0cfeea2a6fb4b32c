package org.jacobianlens.core.theory;

/**
 * Quantities of one trained weight matrix W (n_out × n_in) that the norm- and rank-based generalization bounds
 * use (SCIENCE.md §6.3). Arrays are read-only after construction.
 *
 * @param rows             n_out, the layer's output width d_ℓ
 * @param columns          n_in
 * @param singularValues   σᵢ(W), descending (min(n_out, n_in) of them)
 * @param spectralNorm     ‖W‖₂ = σ₁
 * @param frobenius        ‖W‖_F
 * @param stableRank       ‖W‖_F²/‖W‖₂², a soft rank (≤ the true rank)
 * @param numericalRank    #{σᵢ > τ·σ₁}
 * @param energyRank       smallest r with Σ_{i≤r} σᵢ² ≥ 0.99·‖W‖_F²
 * @param distance         ‖W − W₀‖_F
 * @param relativeMovement ‖W − W₀‖_F / ‖W₀‖_F
 * @param distance21       ‖(W − W₀)ᵀ‖_{2,1}: the sum over the rows of (W − W₀)ᵀ, i.e. over the input columns of
 *                         W − W₀, of their Euclidean norms (Bartlett et al.'s reference-matrix distance)
 */
public record LayerStats(int rows, int columns, double[] singularValues, double spectralNorm, double frobenius,
                         double stableRank, int numericalRank, int energyRank, double distance,
                         double relativeMovement, double distance21) {
}
