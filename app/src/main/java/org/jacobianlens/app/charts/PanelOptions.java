package org.jacobianlens.app.charts;

import org.jacobianlens.core.ntk.AnalysisFrame;

/**
 * How the panels draw a snapshot (display choices only: none of them changes the run).
 *
 * @param cutoff       information-space cutoff as a fraction of σ₁ (used when {@code topK} is 0)
 * @param eigenvalues  spectrum shows NTK eigenvalues λᵢ instead of singular values σᵢ = √λᵢ of J
 * @param logSteps     curves use a log step axis
 * @param presentation large fonts and thick lines for a projector
 * @param theory       draw the theory overlays (H∞ spectrum, predicted loss curve)
 * @param topK         when positive, the information space is the top k eigenvectors instead (Oymak et al.'s
 *                     top-k split), whatever the cutoff fraction
 */
public record PanelOptions(double cutoff, boolean eigenvalues, boolean logSteps, boolean presentation,
                           boolean theory, int topK) {

    public PanelOptions(double cutoff, boolean eigenvalues, boolean logSteps, boolean presentation, boolean theory) {
        this(cutoff, eigenvalues, logSteps, presentation, theory, 0);
    }

    public static PanelOptions defaults() {
        return new PanelOptions(0.1, false, false, false, true, 0);
    }

    public PanelOptions withCutoff(double c) {
        return new PanelOptions(c, eigenvalues, logSteps, presentation, theory, topK);
    }

    public PanelOptions withPresentation(boolean p) {
        return new PanelOptions(cutoff, eigenvalues, logSteps, p, theory, topK);
    }

    public PanelOptions withTopK(int k) {
        return new PanelOptions(cutoff, eigenvalues, logSteps, presentation, theory, Math.max(0, k));
    }

    /**
     * The cutoff fraction to use on frame {@code f}: the fixed fraction, or in top-k mode the fraction that puts
     * exactly the top k eigenvalues above the line (k clamped to the frame's size).
     */
    public double cutoffFor(AnalysisFrame f) {
        if (topK <= 0 || f == null || f.eigenvalues().length == 0 || !(f.eigenvalues()[0] > 0)) {
            return cutoff;
        }
        return f.fractionForTop(Math.min(topK, f.eigenvalues().length));
    }

    /** How the cutoff reads in a title: "0.1·σ₁" or "top 10". */
    public String cutoffLabel() {
        return topK > 0 ? "top " + topK : String.format("%.2g·σ₁", cutoff);
    }
}
