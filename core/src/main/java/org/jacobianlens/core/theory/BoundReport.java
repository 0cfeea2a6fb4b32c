package org.jacobianlens.core.theory;

/**
 * Margin-normalized capacity terms of the classical norm bounds and of Pinto et al.'s rank-aware bound, as log₁₀
 * (SCIENCE.md §6.2 and §6.4). They are proxies: the Õ/O of each bound hides constants and log factors, so use them
 * for trends (clean vs random labels, across training, across widths), never as certificates. A value ≥ 0 means
 * the term is ≥ 1 and the bound is vacuous. All NaN when the margin γ is not positive.
 *
 * @param gamma           the margin γ: a low quantile of the training margins
 * @param marginLoss      R̂_γ, the fraction of training margins below γ
 * @param log10Bartlett   Bartlett, Foster, Telgarsky 2017: ‖X‖_F·R_A·ln(W_max)/(γn)
 * @param log10Neyshabur  Neyshabur, Bhojanapalli, Srebro 2018: √(B_x²L²h ln(Lh)·Π‖W‖₂²·Σ srank/(γ²n))
 * @param log10Golowich   Golowich, Rakhlin, Shamir 2018: B_x(√(2 ln2·L)+1)·Π‖W‖_F/(γ√n)
 * @param log10Pinto      Pinto et al. (shape, constants omitted): (B_x/√n)·Π‖W‖₂·Σ√(r_ℓ d_ℓ)/γ
 */
public record BoundReport(double gamma, double marginLoss, double log10Bartlett, double log10Neyshabur,
                          double log10Golowich, double log10Pinto) {

    /** Formulas for tooltips, in the order Bartlett, Neyshabur, Golowich, Pinto. */
    public static final String[] FORMULAS = {
        "Bartlett et al. 2017: ‖X‖_F · Πℓ‖Wℓ‖₂ · (Σℓ (‖(Wℓ − Wℓ⁰)ᵀ‖₂,₁/‖Wℓ‖₂)^(2/3))^(3/2) · ln(W_max) / (γ n)",
        "Neyshabur et al. 2018: √(B_x² L² h ln(L h) · Πℓ‖Wℓ‖₂² · Σℓ ‖Wℓ‖_F²/‖Wℓ‖₂² / (γ² n))",
        "Golowich et al. 2018: B_x (√(2 ln2 · L) + 1) · Πℓ‖Wℓ‖_F / (γ √n)",
        "Pinto et al. 2024 (shape, constants omitted): (B_x/√n) · Πℓ‖Wℓ‖₂ · Σℓ √(rℓ dℓ) / γ, rℓ = numerical rank"
    };

    /** Whether the margin was positive, so the terms are defined. */
    public boolean defined() {
        return gamma > 0;
    }

    /** The four terms in the order of {@link #FORMULAS}. */
    public double[] terms() {
        return new double[] {log10Bartlett, log10Neyshabur, log10Golowich, log10Pinto};
    }
}
