package org.jacobianlens.core.linalg;

import java.util.Locale;

/**
 * Eigenvalues of a symmetric PSD kernel and the energies of label matrices on its eigenvectors: all n of them
 * (dense solver) or only the top k (Lanczos), with the energy outside those k kept as one <em>rest</em> number per
 * label matrix, so that no chart shows what was not computed.
 *
 * <p>For each label matrix Y (n × K): E_i = Σ_c (v_iᵀ Y_{:,c})² for i = 1 … k, and
 * rest = ‖(I − V_k V_kᵀ) Y‖²_F computed as a projection (not as a difference, so a small rest keeps its relative
 * accuracy); Σ_i E_i + rest = ‖Y‖²_F to rounding. For the dense solver k = n and rest is 0.
 *
 * @param values   eigenvalues, descending (length k)
 * @param energies per label matrix, E_i (length k each)
 * @param rest     per label matrix, energy outside the k eigenvectors
 * @param totals   per label matrix, ‖Y‖²_F
 * @param method   which solver produced it
 * @param n        order of the kernel
 * @param seconds  wall time of the eigensolve and projections
 */
public record LabelSpectrum(double[] values, double[][] energies, double[] rest, double[] totals, Method method,
                            int n, double seconds) {

    /** The solver that ran. */
    public enum Method {
        /** LAPACK, all eigenpairs ({@link SymmetricEigen#projections}). */
        DENSE("dense"),
        /** ARPACK implicitly restarted Lanczos, top k ({@link TopEigen}). */
        LANCZOS("Lanczos");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Number of eigenpairs computed. */
    public int k() {
        return values.length;
    }

    /** Whether every eigenvalue was computed (k = n). */
    public boolean complete() {
        return values.length == n;
    }

    /**
     * For a status bar: "top 100 of n = 10,000 by Lanczos, 2.3 s" or "all 2,000 eigenvalues (dense), 0.7 s".
     */
    public String describe() {
        if (complete()) {
            return String.format(Locale.ROOT, "all %,d eigenvalues (%s), %.1f s", n, method.label(), seconds);
        }
        return String.format(Locale.ROOT, "top %,d of n = %,d by %s, %.1f s", k(), n, method.label(), seconds);
    }

    /** Share of label matrix s's energy on the top j eigenvectors, j ≤ k (0 for j = 0 or ‖Y‖ = 0). */
    public double share(int s, int j) {
        double sum = 0;
        for (int i = 0; i < Math.min(j, k()); i++) {
            sum += energies[s][i];
        }
        return totals[s] > 0 ? sum / totals[s] : 0.0;
    }

    /**
     * Share of label matrix s's energy on eigenvectors modes+1 … j among the energy beyond the top {@code modes}
     * eigenvectors: (Σ_{modes&lt;i≤j} E_i) / (‖Y‖² − Σ_{i≤modes} E_i). With modes = K on a kernel with biases and
     * one-hot targets this is the cumulative energy "beyond the K constant modes" (SCIENCE.md §2.5). 0 when nothing
     * is left beyond them.
     */
    public double shareBeyond(int s, int modes, int j) {
        double head = 0;
        double part = 0;
        for (int i = 0; i < k(); i++) {
            if (i < modes) {
                head += energies[s][i];
            } else if (i < j) {
                part += energies[s][i];
            }
        }
        double left = totals[s] - head;
        return left > 0 ? part / left : 0.0;
    }
}
