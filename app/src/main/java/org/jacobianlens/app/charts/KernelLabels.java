package org.jacobianlens.app.charts;

import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.RunInfo;

/**
 * What a run's analysis frames hold, in the words of its charts: which kernel (J Jᵀ of one output, the full nK × nK
 * kernel of K outputs whose square roots are the singular values of the nK-row Jacobian, or the block average,
 * whose square roots are not), its order, and whether the label energies are of the centered labels. Read from the
 * run's facts ({@link RunInfo#kernel()}), so the axis and title say exactly what is plotted.
 */
public final class KernelLabels {
    private KernelLabels() {
    }

    /** Whether the frames are of the block-averaged kernel (their √λ are not singular values of any J). */
    static boolean blockAverage(RunInfo info) {
        return info != null && info.kernel().startsWith("block-averaged");
    }

    /** Whether the label energies are of the centered labels Y − 𝟙ȳᵀ. */
    static boolean centeredLabels(RunInfo info) {
        return info != null && info.kernel().contains("centered labels");
    }

    /** The kernel's order N: n, or n·K for the full kernel (also when only its top k eigenpairs were computed). */
    public static int order(AnalysisFrame f, RunInfo info) {
        boolean full = info != null && info.kernel().startsWith("full");
        return full ? f.n() * Targets.outputs(info.numClasses()) : Math.max(f.n(), f.eigenvalues().length);
    }

    /** The spectrum's value axis: λ or σ = √λ, of what. */
    static String valueAxis(RunInfo info, boolean eigenvalues) {
        if (blockAverage(info)) {
            return eigenvalues ? "eigenvalue λᵢ of the block-averaged NTK" : "√λᵢ of the block-averaged NTK";
        }
        boolean full = info != null && info.kernel().startsWith("full");
        return eigenvalues ? (full ? "eigenvalue λᵢ of the nK × nK NTK" : "NTK eigenvalue λᵢ")
                : (full ? "singular value σᵢ of J (nK rows)" : "singular value σᵢ of J");
    }
}
