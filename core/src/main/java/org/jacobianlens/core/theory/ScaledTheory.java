package org.jacobianlens.core.theory;

import org.jacobianlens.core.linalg.Cholesky;
import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.EigenSolver;
import org.jacobianlens.core.linalg.LabelSpectrum;
import org.jacobianlens.core.linalg.LanczosQuadrature;
import org.jacobianlens.core.linalg.TopEigen;

/**
 * Arora et al.'s theory (SCIENCE.md §3) at any n: the same numbers as {@link AroraTheory}, but from the top-k
 * eigenpairs of H∞ when n is past the dense limit.
 * <ul>
 *   <li>Complexity √(2yᵀ(H∞ + εI)⁻¹y/n) by Cholesky ({@link Cholesky}): exact, no eigenvectors.</li>
 *   <li>Predicted loss ½Σᵢ(1 − ηcλᵢ)^{2t}(vᵢᵀr₀)²/n: the top-k terms exactly, the rest by Gauss/Gauss–Radau
 *       quadrature from the deflated residual ({@link LanczosQuadrature}), whose bracket is the stated error
 *       {@code predictedLossError} (0 on the dense path).</li>
 *   <li>Spectrum and label energies: top k plus the rest ({@link LabelSpectrum}).</li>
 * </ul>
 *
 * @param spectrum            H∞ eigenvalues and energies of {noisy labels, clean labels, r₀}, with their rests
 * @param predictedSteps      steps at which the predicted loss is tabulated
 * @param predictedLoss       predicted mean training loss (1/n)·½‖r_t‖² (a per-example mean, starting from u₀)
 * @param predictedLossError  |true − predictedLoss| ≤ this (the quadrature bracket, same units)
 * @param errorIsBound        whether that error is a proven bound (ηcλ ≤ 1 on the deflated spectrum)
 * @param includesInitialOutput r₀ = y − u₀ (true) or y (false)
 * @param eta                 η of the prediction
 * @param lossScale           c
 * @param complexityNoisy     √(2yᵀ(H∞ + εI)⁻¹y/n), trained labels (+∞ if H∞ + εI is singular)
 * @param complexityClean     the same for the true labels
 * @param ridge               ε
 * @param quadratureSteps     Lanczos steps the rest took (0 on the dense path)
 * @param seconds             wall time
 */
public record ScaledTheory(LabelSpectrum spectrum, int[] predictedSteps, double[] predictedLoss,
                           double[] predictedLossError, boolean errorIsBound, boolean includesInitialOutput,
                           double eta, double lossScale, double complexityNoisy, double complexityClean,
                           double ridge, int quadratureSteps, double seconds) {

    /** Lanczos steps the quadrature may take at most. */
    static final int MAX_QUADRATURE_STEPS = 300;
    /** Target half-width of the quadrature bracket relative to ‖r₀‖². */
    static final double QUADRATURE_TOL = 1e-10;

    /**
     * @param hInf      H∞ (n × n) as a native operator ({@code TwoLayerKernel.hInfinityOperator})
     * @param yNoisy    n × K trained labels
     * @param yClean    n × K true labels
     * @param u0OrNull  n × K outputs at initialization, or null for r₀ = y
     * @param mode      solver choice (AUTO: dense up to {@link EigenSolver#DENSE_LIMIT})
     * @param k         eigenpairs on the top-k path
     */
    public static ScaledTheory compute(DenseOperator hInf, double[][] yNoisy, double[][] yClean, double[][] u0OrNull,
                                       double eta, double c, double ridge, int maxSteps, int points,
                                       EigenSolver.Mode mode, int k) {
        return compute(hInf, yNoisy, yClean, u0OrNull, eta, c, ridge, maxSteps, points, mode, k, false);
    }

    /**
     * As above; with {@code consume} the Cholesky factorization for the complexity overwrites {@code hInf}'s memory
     * (it is the last use) instead of copying it, which saves 8n² native bytes (800 MB at n = 10⁴). The operator
     * must then only be closed.
     */
    public static ScaledTheory compute(DenseOperator hInf, double[][] yNoisy, double[][] yClean, double[][] u0OrNull,
                                       double eta, double c, double ridge, int maxSteps, int points,
                                       EigenSolver.Mode mode, int k, boolean consume) {
        long t0 = System.nanoTime();
        if (ridge < 0) {
            throw new IllegalArgumentException("ridge must not be negative, found " + ridge);
        }
        int n = hInf.size();
        double[][] r0 = yNoisy;
        if (u0OrNull != null) {
            r0 = new double[n][];
            for (int i = 0; i < n; i++) {
                r0[i] = new double[yNoisy[i].length];
                for (int col = 0; col < r0[i].length; col++) {
                    r0[i][col] = yNoisy[i][col] - u0OrNull[i][col];
                }
            }
        }
        int[] steps = AroraTheory.grid(maxSteps, points);
        double h = eta * c;
        LabelSpectrum spectrum;
        double[] tail = new double[steps.length];
        double[] tailError = new double[steps.length];
        boolean bound = true;
        int quadrature = 0;
        boolean dense = mode == EigenSolver.Mode.DENSE || (mode == EigenSolver.Mode.AUTO && n <= EigenSolver.DENSE_LIMIT);
        if (dense) {
            spectrum = EigenSolver.dense(hInf.toArray(), yNoisy, yClean, r0);
        } else {
            TopEigen.Result top = TopEigen.solve(hInf, k);
            spectrum = spectrumOf(top, yNoisy, yClean, r0, (System.nanoTime() - t0) / 1e9);
            if (!spectrum.complete()) {
                LanczosQuadrature.Curve q = LanczosQuadrature.decay(hInf, r0, top.vectors(), h, steps,
                        MAX_QUADRATURE_STEPS, QUADRATURE_TOL);
                tail = q.value();
                tailError = q.error();
                bound = q.bounded();
                quadrature = q.lanczosSteps();
            }
        }
        double[] loss = new double[steps.length];
        double[] error = new double[steps.length];
        double[] values = spectrum.values();
        double[] eR0 = spectrum.energies()[2];
        for (int s = 0; s < steps.length; s++) {
            loss[s] = (AroraTheory.predictedLoss(values, eR0, h, steps[s]) + 0.5 * tail[s]) / n;
            error[s] = 0.5 * tailError[s] / n;
        }
        double[] q = consume ? Cholesky.quadraticFormsOverwriting(hInf, ridge, yNoisy, yClean)
                : Cholesky.quadraticForms(hInf, ridge, yNoisy, yClean);
        return new ScaledTheory(spectrum, steps, loss, error, bound, u0OrNull != null, eta, c,
                Math.sqrt(2 * q[0] / n), Math.sqrt(2 * q[1] / n), ridge, quadrature, (System.nanoTime() - t0) / 1e9);
    }

    private static LabelSpectrum spectrumOf(TopEigen.Result top, double[][] yNoisy, double[][] yClean,
                                            double[][] r0, double seconds) {
        double[][][] ys = {yNoisy, yClean, r0};
        double[][] energies = new double[3][];
        double[] rest = new double[3];
        double[] totals = new double[3];
        for (int s = 0; s < 3; s++) {
            double[][] er = EigenSolver.energiesAndRest(top, ys[s]);
            energies[s] = er[0];
            rest[s] = er[1][0];
            for (double[] row : ys[s]) {
                for (double v : row) {
                    totals[s] += v * v;
                }
            }
        }
        return new LabelSpectrum(top.values(), energies, rest, totals,
                top.k() == top.n() ? LabelSpectrum.Method.DENSE : LabelSpectrum.Method.LANCZOS, top.n(), seconds);
    }

    /**
     * The same numbers as a {@link Theory}, what runs record: eigenvalue and projection arrays of length k (all n
     * on the dense path), λ_min NaN when it was not computed, the loss error and the energy outside the top k.
     */
    public Theory toTheory() {
        double minEig = spectrum.complete() && spectrum.k() > 0 ? spectrum.values()[spectrum.k() - 1] : Double.NaN;
        return new Theory(spectrum.values(), spectrum.energies()[0], spectrum.energies()[1], predictedSteps,
                predictedLoss, includesInitialOutput, eta, lossScale, complexityNoisy, complexityClean, ridge, minEig,
                predictedLossError.clone(), new double[] {spectrum.rest()[0], spectrum.rest()[1]});
    }
}
