package org.jacobianlens.core.theory;

/**
 * Margin-normalized capacity terms of the classical norm bounds and of Pinto et al.'s rank-aware bound, as log₁₀
 * (SCIENCE.md §6.2 and §6.4), with the ingredients they were computed from. They are proxies: the Õ/O of each bound
 * hides constants and log factors, so use them for trends (clean vs random labels, across training, across
 * widths), never as certificates. A value ≥ 0 means the term is ≥ 1 and the bound is vacuous. When the margin γ
 * is not positive no margin bound applies: {@link #defined()} is false and the first three terms are NaN; the
 * Pinto term is NaN when the truncated network's margin γ̃ is not positive ({@link #pintoDefined()}). All four
 * bound bias-free networks: biases are left out ({@link #BIASES}).
 *
 * @param gamma          the margin γ: a low quantile of the training margins
 * @param marginLoss     R̂_γ, the fraction of training margins strictly below γ
 * @param log10Bartlett  log₁₀ of Bartlett, Foster, Telgarsky 2017: ‖X‖_F·R_A·ln(W_max)/(γn), reference M_ℓ = W_ℓ⁰
 *                       (−∞ at initialization, where R_A = 0)
 * @param log10Neyshabur log₁₀ of Neyshabur, Bhojanapalli, Srebro 2018: √(B_x²L²h ln(Lh)·Π‖W‖₂²·Σ srank/(γ²n))
 * @param log10Golowich  log₁₀ of Golowich, Rakhlin, Shamir 2018 divided by γ: B_x(√(2 ln2·L)+1)·Π‖W‖_F/(γ√n)
 * @param log10Pinto     log₁₀ of Pinto et al.'s shape for the network truncated to rank r_ℓ in every layer:
 *                       (B_x/√n)·Π‖W‖₂·Σ C₁^{L−ℓ}√(r_ℓ d_ℓ)/γ̃, r_ℓ the energy rank (99 % of ‖W_ℓ‖_F²)
 * @param n              number of training examples (rows of X)
 * @param depth          L, the number of weight matrices
 * @param maxWidth       W_max = h, the largest dimension of any layer (input, hidden or output)
 * @param maxInputNorm   B_x = maxᵢ‖xᵢ‖
 * @param inputFrobenius ‖X‖_F
 * @param c1             the per-layer constant C₁ of the Pinto term (1 by default)
 * @param pintoGamma     γ̃, the same quantile of the truncated network's training margins (the margin of the network
 *                       the Pinto term is about)
 * @param pintoMarginLoss R̂_γ̃, the fraction of the truncated network's training margins strictly below γ̃
 */
public record BoundReport(double gamma, double marginLoss, double log10Bartlett, double log10Neyshabur,
                          double log10Golowich, double log10Pinto, int n, int depth, int maxWidth,
                          double maxInputNorm, double inputFrobenius, double c1, double pintoGamma,
                          double pintoMarginLoss) {

    /** Index of each term in {@link #terms()}, {@link #vacuous()} and {@link #formula(int)}. */
    public static final int BARTLETT = 0;
    public static final int NEYSHABUR = 1;
    public static final int GOLOWICH = 2;
    public static final int PINTO = 3;

    /** Tooltip text of the Bartlett et al. term. */
    public static final String BARTLETT_FORMULA = "Bartlett, Foster, Telgarsky 2017: ‖X‖_F · Πℓ‖Wℓ‖₂ · "
            + "(Σℓ (‖(Wℓ − Wℓ⁰)ᵀ‖₂,₁ / ‖Wℓ‖₂)^(2/3))^(3/2) · ln(W_max) / (γ n), where ‖(W − W⁰)ᵀ‖₂,₁ sums the norms of "
            + "the rows of W − W⁰ (one per unit) and W_max = largest layer dimension";
    /** Tooltip text of the Neyshabur et al. term. */
    public static final String NEYSHABUR_FORMULA = "Neyshabur, Bhojanapalli, Srebro 2018 (PAC-Bayes): "
            + "√(B_x² L² h ln(L h) · Πℓ‖Wℓ‖₂² · Σℓ ‖Wℓ‖_F²/‖Wℓ‖₂² / (γ² n)), "
            + "with B_x = max‖x‖ and h = largest layer dimension";
    /** Tooltip text of the Golowich et al. term. */
    public static final String GOLOWICH_FORMULA = "Golowich, Rakhlin, Shamir 2018: B_x (√(2 ln2 · L) + 1) · "
            + "Πℓ‖Wℓ‖_F / (γ √n) (their Rademacher bound divided by the margin γ)";
    /** How the rank rℓ of the Pinto term is counted, for every place that shows the term. */
    public static final String PINTO_RANK = "rℓ = the energy rank r(99 %): the fewest singular values holding "
            + "99 % of ‖Wℓ‖_F²";
    /** Tooltip text of the Pinto et al. term. */
    public static final String PINTO_FORMULA = "Pinto et al. 2024 (shape, constants omitted): (B_x/√n) · Πℓ‖Wℓ‖₂ · "
            + "Σℓ C₁^(L−ℓ) √(rℓ dℓ) / γ̃, for the network with every layer truncated to rank rℓ (" + PINTO_RANK
            + "), dℓ = output width, C₁ = 1, γ̃ = the truncated network's margin";
    /** What none of the four terms measures. */
    public static final String BIASES = "biases are left out of all four (each bound is stated for bias-free layers)";

    /** Short names, in the order of {@link #terms()}. */
    public static final String[] NAMES = {"Bartlett et al.", "Neyshabur et al.", "Golowich et al.", "Pinto et al."};
    /** Formulas for tooltips, in the order of {@link #terms()}. */
    public static final String[] FORMULAS = {BARTLETT_FORMULA, NEYSHABUR_FORMULA, GOLOWICH_FORMULA, PINTO_FORMULA};

    /** The tooltip formula of term {@code index} ({@link #BARTLETT} … {@link #PINTO}). */
    public static String formula(int index) {
        return FORMULAS[index];
    }

    /** Whether the margin was positive, so that the Bartlett, Neyshabur and Golowich terms are defined. */
    public boolean defined() {
        return gamma > 0;
    }

    /** Whether the truncated network's margin was positive, so that the Pinto term is defined. */
    public boolean pintoDefined() {
        return pintoGamma > 0;
    }

    /** The four log₁₀ terms in the order Bartlett, Neyshabur, Golowich, Pinto. */
    public double[] terms() {
        return new double[] {log10Bartlett, log10Neyshabur, log10Golowich, log10Pinto};
    }

    /**
     * Per term, whether the bound says nothing: log₁₀ ≥ 0 (term ≥ 1), or undefined (NaN, no positive margin).
     */
    public boolean[] vacuous() {
        double[] t = terms();
        boolean[] v = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = isVacuous(t[i]);
        }
        return v;
    }

    public boolean bartlettVacuous() {
        return isVacuous(log10Bartlett);
    }

    public boolean neyshaburVacuous() {
        return isVacuous(log10Neyshabur);
    }

    public boolean golowichVacuous() {
        return isVacuous(log10Golowich);
    }

    public boolean pintoVacuous() {
        return isVacuous(log10Pinto);
    }

    private static boolean isVacuous(double log10Term) {
        return !(log10Term < 0);
    }
}
