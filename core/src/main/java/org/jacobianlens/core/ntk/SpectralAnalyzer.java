package org.jacobianlens.core.ntk;

import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.linalg.DenseOperator;
import org.jacobianlens.core.linalg.EigenSolver;
import org.jacobianlens.core.linalg.LabelSpectrum;
import org.jacobianlens.core.linalg.SymmetricOperator;

/**
 * Turns an NTK Gram and label matrices into an {@link AnalysisFrame}: spectrum, label projections, cumulative
 * energies, kernel–target alignment, kernel drift and the information-space size (SCIENCE.md §2, §4.2, §5.2).
 */
public final class SpectralAnalyzer {
    /** Pass as Θ₀ when the initial kernel was not kept (too big to hold twice): the drift is then NaN. */
    public static final double[][] NOT_KEPT = new double[0][];

    private SpectralAnalyzer() {
    }

    /**
     * All eigenpairs by the dense solver (as before the chooser existed).
     *
     * @param step           training step of the Gram
     * @param gram           Θ, n × n symmetric PSD (double)
     * @param yNoisy         n × K labels trained on (K = 1 for ±1 labels, one-hot otherwise)
     * @param yClean         n × K true labels
     * @param residual       n × K current residual f(X) − Y
     * @param gram0OrNull    Θ at initialization for the drift ‖Θ − Θ₀‖_F/‖Θ₀‖_F, or null (drift 0)
     * @param cutoffFraction information space = {i : √λ_i ≥ cutoffFraction·√λ_1}
     */
    public static AnalysisFrame analyze(int step, double[][] gram, double[][] yNoisy, double[][] yClean,
                                        double[][] residual, double[][] gram0OrNull, double cutoffFraction) {
        return analyze(step, gram, yNoisy, yClean, residual, gram0OrNull, cutoffFraction, EigenSolver.Mode.DENSE,
                EigenSolver.DEFAULT_K);
    }

    /**
     * As above through the eigensolver chooser: all eigenpairs densely up to {@link EigenSolver#DENSE_LIMIT} (in
     * {@link EigenSolver.Mode#AUTO}), else the top k by Lanczos with the energy outside them kept as the frame's rest.
     * The Gram is formed, so the alignments and the drift are exact on both paths.
     *
     * @param gram0OrNull Θ₀, null (drift 0) or {@link #NOT_KEPT} (drift NaN)
     * @param k eigenpairs on the top-k path
     */
    public static AnalysisFrame analyze(int step, double[][] gram, double[][] yNoisy, double[][] yClean,
                                        double[][] residual, double[][] gram0OrNull, double cutoffFraction,
                                        EigenSolver.Mode mode, int k) {
        return analyze(step, gram, yNoisy, yClean, residual, yNoisy, gram0OrNull, cutoffFraction, mode, k);
    }

    /**
     * As above with the label energies of {@code yNoisy} and {@code yClean} (e.g. centered labels, SCIENCE.md §2.5)
     * and the alignments of the labels trained on, {@code yTrained}.
     */
    public static AnalysisFrame analyze(int step, double[][] gram, double[][] yNoisy, double[][] yClean,
                                        double[][] residual, double[][] yTrained, double[][] gram0OrNull,
                                        double cutoffFraction, EigenSolver.Mode mode, int k) {
        long t0 = System.nanoTime();
        LabelSpectrum spectrum = EigenSolver.projections(gram, mode, k, yNoisy, yClean, residual);
        double drift = gram0OrNull == null ? 0.0 : gram0OrNull == NOT_KEPT ? Double.NaN
                : frobeniusDistance(gram, gram0OrNull) / frobenius(gram0OrNull);
        double[] align = alignments(gram, yTrained);
        return frame(step, gram.length, spectrum, align[0], align[1], drift, cutoffFraction, t0);
    }

    /**
     * A frame of the full multi-output kernel ({@code Network.fullNtkGram}: nK × nK, class-major, the exact kernel
     * of gradient descent with K outputs, SCIENCE.md §2.5), through the chooser as above, with each label matrix
     * stacked into vec(Y) (entry k·n + i = Y_ik): eigenvalues of the full kernel (σ_i(J)² with J of nK rows), the
     * energies of vec(Y), and both alignments with the centering acting within each output block.
     *
     * @param outputs  K (the gram is nK × nK and the label matrices n × K)
     * @param yTrained the labels trained on, for the alignments (the energies are of {@code yNoisy}, {@code yClean})
     */
    public static AnalysisFrame analyzeFull(int step, double[][] gram, int outputs, double[][] yNoisy,
                                            double[][] yClean, double[][] residual, double[][] yTrained,
                                            double[][] gram0OrNull, double cutoffFraction, EigenSolver.Mode mode,
                                            int k) {
        long t0 = System.nanoTime();
        LabelSpectrum spectrum = EigenSolver.projections(gram, mode, k, Targets.stackClassMajor(yNoisy),
                Targets.stackClassMajor(yClean), Targets.stackClassMajor(residual));
        double drift = gram0OrNull == null ? 0.0 : gram0OrNull == NOT_KEPT ? Double.NaN
                : frobeniusDistance(gram, gram0OrNull) / frobenius(gram0OrNull);
        double[] align = alignments(Rows.of(gram), Targets.stackClassMajor(yTrained), outputs);
        return frame(step, yNoisy.length, spectrum, align[0], align[1], drift, cutoffFraction, t0);
    }

    /**
     * A frame of a Gram formed in native memory ({@code Network.ntkGramOperator}, for analysis sets past the dense
     * limit, where two n × n heap arrays would not fit): spectrum through the chooser as above, and the alignments
     * and the drift streamed column by column, so no heap copy of the matrix is made.
     *
     * @param gram0OrNull Θ₀ in native memory, or null when it was not kept (drift NaN)
     */
    public static AnalysisFrame analyze(int step, DenseOperator gram, double[][] yNoisy, double[][] yClean,
                                        double[][] residual, double[][] yTrained, DenseOperator gram0OrNull,
                                        double cutoffFraction, EigenSolver.Mode mode, int k) {
        long t0 = System.nanoTime();
        LabelSpectrum spectrum = EigenSolver.projections(gram, mode, k, yNoisy, yClean, residual);
        Rows rows = Rows.of(gram);
        double drift = gram0OrNull == null ? Double.NaN
                : frobeniusDistance(rows, Rows.of(gram0OrNull)) / frobenius(Rows.of(gram0OrNull));
        double[] align = alignments(rows, yTrained, 1);
        return frame(step, gram.size(), spectrum, align[0], align[1], drift, cutoffFraction, t0);
    }

    /**
     * A frame of a kernel that is never formed (the matrix-free product, e.g. {@link TwoLayerOperator}): top k by
     * Lanczos (or all, materialized, when the operator is small), rest as above; the alignments and the drift need
     * the formed kernel and are NaN.
     */
    public static AnalysisFrame analyze(int step, SymmetricOperator op, double[][] yNoisy, double[][] yClean,
                                        double[][] residual, double cutoffFraction, EigenSolver.Mode mode, int k) {
        long t0 = System.nanoTime();
        LabelSpectrum spectrum = EigenSolver.projections(op, mode, k, yNoisy, yClean, residual);
        return frame(step, op.size(), spectrum, Double.NaN, Double.NaN, Double.NaN, cutoffFraction, t0);
    }

    /** @param n training examples analysed (the kernel order is n, or nK for the full kernel) */
    private static AnalysisFrame frame(int step, int n, LabelSpectrum sp, double align, double alignC, double drift,
                                       double cutoffFraction, long t0) {
        double[] values = sp.values();
        double[][] e = sp.energies();
        int cutoff = 0;
        double threshold = cutoffFraction * cutoffFraction * Math.max(values.length > 0 ? values[0] : 0, 0);
        while (cutoff < values.length && values[cutoff] >= threshold && values[cutoff] > 0) {
            cutoff++;
        }
        double[] totals = sp.totals();
        return new AnalysisFrame(step, n, values, e[0], e[1], e[2], cumulativeShare(e[0], totals[0]),
                cumulativeShare(e[1], totals[1]), align, alignC, drift, cutoff, (System.nanoTime() - t0) / 1e9,
                sp.rest().clone(), totals.clone(), sp.method().label(), sp.seconds());
    }

    /** Running sums of p divided by the total (all zeros when the total is 0). */
    public static double[] cumulativeShare(double[] p) {
        double total = 0;
        for (double v : p) {
            total += v;
        }
        return cumulativeShare(p, total);
    }

    /**
     * Running sums of p divided by a given total (‖Y‖²), so that a top-k curve ends at 1 − rest/‖Y‖², not at 1;
     * all zeros when the total is 0.
     */
    public static double[] cumulativeShare(double[] p, double total) {
        double[] c = new double[p.length];
        double run = 0;
        for (int i = 0; i < p.length; i++) {
            run += p[i];
            c[i] = total > 0 ? run / total : 0.0;
        }
        return c;
    }

    /**
     * Kernel–target alignment A = ⟨Θ, YYᵀ⟩_F / (‖Θ‖_F ‖YYᵀ‖_F) (Cristianini et al.), or with {@code centered}
     * the centered form of Cortes et al.: Θ_c = CΘC and Y_c = CY with C = I − 𝟙𝟙ᵀ/n. 0 when either side is 0.
     */
    public static double alignment(double[][] gram, double[][] y, boolean centered) {
        return alignments(gram, y)[centered ? 1 : 0];
    }

    /**
     * {plain, centered} alignment in two passes over Θ and without forming CΘC: since C is symmetric and
     * idempotent, ⟨CΘC, Y_cY_cᵀ⟩ = ⟨Θ, CY_cY_cᵀC⟩ = ⟨Θ, Y_cY_cᵀ⟩, and (CΘC)_ij = Θ_ij − r_i − r_j + t with r
     * the row means of the symmetric Θ and t their mean.
     */
    static double[] alignments(double[][] gram, double[][] y) {
        return alignments(Rows.of(gram), y, 1);
    }

    /**
     * {@link #alignments(double[][], double[][])} over rows read one at a time (a heap or a native matrix), for a
     * kernel of {@code blocks} × {@code blocks} equal blocks (the full multi-output kernel in class-major order, with
     * y = vec(Y)): the centering then acts within each output block, C = I_K ⊗ (I − 𝟙𝟙ᵀ/n), as SCIENCE.md §5.2
     * asks for vec(Y_centered). One block is the plain n × n case.
     */
    private static double[] alignments(Rows gram, double[][] y, int blocks) {
        int big = gram.n();
        int n = big / blocks;
        int k = y.length == 0 ? 0 : y[0].length;
        double[][] yc = new double[big][k];
        for (int b = 0; b < blocks; b++) {
            for (int c = 0; c < k; c++) {
                double mean = 0;
                for (int i = b * n; i < (b + 1) * n; i++) {
                    mean += y[i][c] / n;
                }
                for (int i = b * n; i < (b + 1) * n; i++) {
                    yc[i][c] = y[i][c] - mean;
                }
            }
        }
        // r[i][b]: mean of row i over column block b; t[a][b]: mean of r[i][b] over row block a.
        double[][] r = new double[big][blocks];
        double[][] t = new double[blocks][blocks];
        double[] buf = new double[big];
        for (int i = 0; i < big; i++) {
            double[] g = gram.row(i, buf);
            for (int b = 0; b < blocks; b++) {
                double sum = 0;
                for (int j = b * n; j < (b + 1) * n; j++) {
                    sum += g[j];
                }
                r[i][b] = sum / n;
                t[i / n][b] += r[i][b] / n;
            }
        }
        double inner = 0;
        double innerC = 0;
        double norm2 = 0;
        double norm2C = 0;
        for (int i = 0; i < big; i++) {
            double[] g = gram.row(i, buf);
            double[] yi = y[i];
            double[] yci = yc[i];
            int bi = i / n;
            for (int bj = 0; bj < blocks; bj++) {
                double shift = t[bi][bj] - r[i][bj];
                for (int j = bj * n; j < (bj + 1) * n; j++) {
                    double v = g[j];
                    double yij = 0;
                    double ycij = 0;
                    for (int c = 0; c < k; c++) {
                        yij += yi[c] * y[j][c];
                        ycij += yci[c] * yc[j][c];
                    }
                    inner += v * yij;
                    innerC += v * ycij;
                    norm2 += v * v;
                    double vc = v + shift - r[j][bi];
                    norm2C += vc * vc;
                }
            }
        }
        double denom = Math.sqrt(norm2) * Math.sqrt(yTy(y, k));
        double denomC = Math.sqrt(norm2C) * Math.sqrt(yTy(yc, k));
        return new double[] {denom == 0 ? 0.0 : inner / denom, denomC == 0 ? 0.0 : innerC / denomC};
    }

    /** ‖YYᵀ‖²_F = ‖YᵀY‖²_F (K × K, cheap). */
    private static double yTy(double[][] y, int k) {
        double s2 = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (double[] row : y) {
                    s += row[a] * row[b];
                }
                s2 += s * s;
            }
        }
        return s2;
    }

    static double frobenius(double[][] a) {
        return frobenius(Rows.of(a));
    }

    private static double frobenius(Rows a) {
        double s = 0;
        double[] buf = new double[a.n()];
        for (int i = 0; i < a.n(); i++) {
            for (double v : a.row(i, buf)) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    private static double frobeniusDistance(double[][] a, double[][] b) {
        return frobeniusDistance(Rows.of(a), Rows.of(b));
    }

    private static double frobeniusDistance(Rows a, Rows b) {
        double s = 0;
        double[] bufA = new double[a.n()];
        double[] bufB = new double[a.n()];
        for (int i = 0; i < a.n(); i++) {
            double[] ra = a.row(i, bufA);
            double[] rb = b.row(i, bufB);
            for (int j = 0; j < ra.length; j++) {
                double d = ra[j] - rb[j];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    /** Rows of a symmetric matrix, one at a time: the heap arrays themselves, or a native column read into a buffer. */
    private interface Rows {
        int n();

        /** Row i (a view or {@code buf} filled); valid until the next call. */
        double[] row(int i, double[] buf);

        static Rows of(double[][] a) {
            return new Rows() {
                @Override
                public int n() {
                    return a.length;
                }

                @Override
                public double[] row(int i, double[] buf) {
                    return a[i];
                }
            };
        }

        static Rows of(DenseOperator a) {
            return new Rows() {
                @Override
                public int n() {
                    return a.size();
                }

                @Override
                public double[] row(int i, double[] buf) {
                    return a.column(i, buf); // symmetric: column i is row i
                }
            };
        }
    }
}
