package org.jacobianlens.app.charts;

/**
 * How the panels draw a snapshot (display choices only: none of them changes the run).
 *
 * @param cutoff       information-space cutoff as a fraction of σ₁
 * @param eigenvalues  spectrum shows NTK eigenvalues λᵢ instead of singular values σᵢ = √λᵢ of J
 * @param logSteps     curves use a log step axis
 * @param presentation large fonts and thick lines for a projector
 * @param theory       draw the theory overlays (H∞ spectrum, predicted loss curve)
 */
public record PanelOptions(double cutoff, boolean eigenvalues, boolean logSteps, boolean presentation,
                           boolean theory) {

    public static PanelOptions defaults() {
        return new PanelOptions(0.1, false, false, false, true);
    }

    public PanelOptions withCutoff(double c) {
        return new PanelOptions(c, eigenvalues, logSteps, presentation, theory);
    }

    public PanelOptions withPresentation(boolean p) {
        return new PanelOptions(cutoff, eigenvalues, logSteps, p, theory);
    }
}
