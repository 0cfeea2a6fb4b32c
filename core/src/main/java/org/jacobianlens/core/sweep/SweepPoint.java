package org.jacobianlens.core.sweep;

import org.jacobianlens.core.run.RunState;

/**
 * One point of a sweep reduced to plain numbers: what the summary figures plot against p or m. "Init" values come
 * from the analysis frame at step 0, "end" values from the last frame (at the final step when the point finished).
 * Label energies and alignments are for the labels actually trained on (noisy), on the analysed examples.
 *
 * @param value                  the swept value (noise level p or width m)
 * @param seed                   the point's seed (data and initialization)
 * @param steps                  steps taken
 * @param learningRate           η used (automatic or configured)
 * @param trainError             final 1 − training accuracy (on the noisy labels trained on)
 * @param testError              final 1 − test accuracy (NaN without a test set)
 * @param trainLoss              final mean training loss
 * @param complexity             Arora's √(2yᵀ(H∞)⁻¹y/n) for the trained labels (NaN without theory)
 * @param energyTopInit          share of ‖y‖² on the top-k eigenvectors of Θ₀
 * @param energyTopEnd           the same for the final Θ
 * @param infoCountInit          size of the information space of Θ₀ (σ ≥ cutoff·σ₁)
 * @param infoCountEnd           the same for the final Θ
 * @param energyInfoInit         share of ‖y‖² in the information space of Θ₀
 * @param energyInfoEnd          the same for the final Θ
 * @param stepsToThreshold       first recorded step with training loss ≤ fraction × initial loss, −1 if never
 * @param predictedStepsToThreshold first tabulated step of the theory's predicted loss curve at or below fraction ×
 *                               its initial value, −1 if not within the run's step budget or without theory
 * @param alignmentInit          kernel–target alignment A(Θ₀, y)
 * @param alignmentEnd           A(Θ_end, y)
 * @param centeredAlignmentInit  centered alignment A_c(Θ₀, y)
 * @param centeredAlignmentEnd   A_c(Θ_end, y)
 * @param kernelDrift            ‖Θ_end − Θ₀‖_F/‖Θ₀‖_F
 * @param ntkDistance            ‖H(W₀) − H∞‖_F/‖H∞‖_F on the analysed inputs (two-layer net only, else NaN)
 * @param weightMovement         ‖θ_end − θ₀‖/‖θ₀‖ over all trained weight matrices together
 * @param state                  how the point ended (FINISHED, DIVERGED or FAILED)
 * @param message                the run's status message
 */
public record SweepPoint(double value, long seed, int steps, double learningRate, double trainError, double testError,
                         double trainLoss, double complexity, double energyTopInit, double energyTopEnd,
                         int infoCountInit, int infoCountEnd, double energyInfoInit, double energyInfoEnd,
                         int stepsToThreshold, int predictedStepsToThreshold, double alignmentInit,
                         double alignmentEnd, double centeredAlignmentInit, double centeredAlignmentEnd,
                         double kernelDrift, double ntkDistance, double weightMovement, RunState state,
                         String message) {
}
